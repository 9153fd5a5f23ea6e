"""The benchmark harness end to end, in its quick mode, on a small generated corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"

# every figure the harness reports, and whether this run must have measured it
FIGURES = {
    "words_per_s_model_less": True,
    "words_per_s_model": True,
    "model_less_over_model": True,
    "startup_clean_s": True,
    "startup_clean_cold_s": True,
    "startup_findings_s": True,
    "startup_findings_cold_s": True,
    "peak_rss_model_less_mib": True,
    "peak_rss_model_mib": True,
    "scaling_2x_time_ratio": True,
    "scaling_4x_time_ratio": True,
    "dense_over_sparse_per_word": True,
    "jobs2_speedup": "jobs",
    "cached_rerun_s": "cache",
    "docx_100_pages_s": True,
    "alex_words_per_s": False,
    "alex_startup_clean_s": False,
    "alex_startup_findings_s": False,
    "alex_peak_rss_mib": False,
}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("bench")
    corpus = work / "corpus"
    make = ["--words", "3000", "--density", "0.02", "--file-words", "500", "--seed", "3"]
    subprocess.run(
        [sys.executable, str(BENCH / "make_dense_corpus.py"), str(corpus), *make],
        check=True,
        capture_output=True,
    )
    out = work / "results.json"
    options = ["--quick", "--no-alex", "--corpus", str(corpus), "--out", str(out)]
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), *options],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(out.read_text())
    data["_stdout"] = done.stdout
    data["_words"] = sum(len(p.read_text().split()) for p in corpus.rglob("*.md"))
    return data


def test_reports_exactly_the_figures(results: dict) -> None:
    assert list(results["figures"]) == list(FIGURES)


@pytest.mark.parametrize(("key", "needed"), FIGURES.items())
def test_figure_measured_or_skipped(results: dict, key: str, needed: bool | str) -> None:
    figure = results["figures"][key]
    if isinstance(needed, str):
        needed = results["options"][needed]
    if needed:
        assert isinstance(figure["value"], float)
        assert figure["value"] > 0
    else:
        assert figure["value"] is None
    assert figure["label"] in results["_stdout"]


def test_counts_the_corpus_words_and_runs_quick(results: dict) -> None:
    assert results["quick"] is True
    assert results["corpus"]["words"] == results["_words"]
    assert results["corpus"]["files"] == 6
    assert results["alex"] == "--no-alex given"


def test_every_run_ended_normally(results: dict) -> None:
    assert results["runs"]
    assert {run["exit_code"] for run in results["runs"]} <= {0, 1}


@pytest.mark.parametrize("stage", ["lint", "scan"])
def test_the_instruction_count_stage_runs(tmp_path: Path, stage: str) -> None:
    """The process ``benchmarks/instructions.py`` counts under valgrind, run directly on a
    few generated files (it reaches into the worker's internals)."""
    corpus = tmp_path / "dense"
    make = ["--words", "1500", "--file-words", "500", "--seed", "5"]
    subprocess.run(
        [sys.executable, str(BENCH / "make_dense_corpus.py"), str(corpus), *make],
        check=True,
        capture_output=True,
    )
    inside = ["--files", "2", "--stage", stage, "--inside"]
    done = subprocess.run(
        [sys.executable, str(BENCH / "instructions.py"), str(corpus), *inside],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
