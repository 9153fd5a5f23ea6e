"""Benchmark `genderlint check` against the performance targets, side by side with alex.

    .venv/bin/python benchmarks/run.py [--quick] [--no-alex] [--out benchmarks/out/results.json]

See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import alex
import corpora
import figures
import machine
import report
import suite

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DENSE_WITHOUT_CORPUS = 200_000


@dataclass(frozen=True)
class Sizes:
    corpus_words: int | None  # None: the whole corpus
    # None: as many words as the corpus, so the per-word comparison holds the fixed costs
    # (start-up, spaCy's import) equal and compares only the cost of findings
    dense_words: int | None
    startup_runs: int
    cold_runs: int
    docx_pages: int
    corpus_runs: int  # repeats of each corpus run, for a median


FULL = Sizes(None, None, 7, 3, 100, 3)
QUICK = Sizes(20_000, None, 3, 1, 10, 1)


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the table and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, fewer repeats")
    parser.add_argument("--no-alex", action="store_true", help="do not run alex")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out" / "results.json")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="sparse corpus")
    parser.add_argument("--alex-dir", type=Path, default=REPO / "benchmarks" / ".alex")
    parser.add_argument("--keep-work", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    work = Path(tempfile.mkdtemp(prefix="genderlint-bench-"))
    bench = suite.Bench(_genderlint(), work, args.quick, sizes.corpus_runs)
    bench.detect()
    started = time.perf_counter()
    load_before = os.getloadavg()
    try:
        values, notes, alex_values, alex_note, corpus = _measure(bench, args, sizes)
    finally:
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)
    baseline = {**alex.REFERENCE, **{k: v for k, v in alex_values.items() if v}}
    reference = {k for k in alex.REFERENCE if not alex_values.get(k)}
    table = report.evaluate({**values, **alex_values}, notes, baseline, reference)
    print()
    print(report.table(table))
    if reference:
        print(f"\n(ref): ratio to the issue's alex figure, alex not measured here: {alex_note}")
    result = {
        "quick": args.quick,
        "machine": machine.describe(bench.genderlint),
        "options": {"jobs": bench.has_jobs, "cache": bench.has_cache},
        "corpus": None
        if corpus is None
        else {"path": str(corpus.root), "files": len(corpus.files), "words": corpus.words},
        "alex": alex_note,
        "figures": report.as_json(table),
        "runs": bench.runs,
        "seconds": round(time.perf_counter() - started, 1),
        "load_average": {"before": load_before, "after": os.getloadavg()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


def _genderlint() -> list[str]:
    script = Path(sys.executable).parent / "genderlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "genderlint"]


def _measure(bench: suite.Bench, args: argparse.Namespace, sizes: Sizes) -> tuple:
    values: dict[str, float | None] = {}
    notes: dict[str, str] = {}
    print(
        f"genderlint check: --jobs {'yes' if bench.has_jobs else 'absent'}, "
        f"results cache {'yes' if bench.has_cache else 'absent'}"
    )
    print("start-up, 300-word files:")
    starts = {}
    for kind, model in (("clean", []), ("findings", ["--model", "none"])):
        starts[kind] = suite.startup(bench, kind, model, sizes.startup_runs, sizes.cold_runs)
        values[f"startup_{kind}_s"] = starts[kind]["warm"]
        values[f"startup_{kind}_cold_s"] = starts[kind]["cold"]
    repeats = f"median of {sizes.startup_runs} (cold: of {sizes.cold_runs})"
    notes["startup_clean_s"] = f"default --model (auto), {repeats}"
    notes["startup_findings_s"] = f"{suite.STARTUP_FINDINGS} findings, --model none, {repeats}"

    corpus = _corpus(bench, args, sizes, notes)
    if corpus is not None:
        figures.corpus_figures(bench, corpus, values, notes)
    dense_words = sizes.dense_words or (corpus.words if corpus else DENSE_WITHOUT_CORPUS)
    figures.dense_figure(bench, dense_words, values, notes, corpus)
    words, docx = suite.docx_run(bench, sizes.docx_pages)
    values["docx_100_pages_s"] = docx.wall_s if suite.procs.ok(docx) else None
    notes["docx_100_pages_s"] = f"{sizes.docx_pages} pages, {words:,} words, default settings"

    alex_values: dict[str, float | None] = {}
    alex_note = "--no-alex given"
    if not args.no_alex:
        files = [starts["clean"]["files"][1], starts["findings"]["files"][1]]
        alex_values, alex_note = alex.measure(
            bench, args.alex_dir, corpus, files, sizes.startup_runs
        )
    print(f"alex: {alex_note}")
    return values, notes, alex_values, alex_note, corpus


CORPUS_KEYS = (
    "words_per_s_model_less",
    "words_per_s_model",
    "peak_rss_model_less_mib",
    "peak_rss_model_mib",
    "model_less_over_model",
    "scaling_2x_time_ratio",
    "scaling_4x_time_ratio",
    "jobs2_speedup",
    "cached_rerun_s",
    "dense_over_sparse_per_word",
)


def _corpus(
    bench: suite.Bench, args: argparse.Namespace, sizes: Sizes, notes: dict[str, str]
) -> corpora.Corpus | None:
    if not args.corpus.is_dir():
        message = f"corpus not found at {args.corpus}: figures on it skipped"
        print(message)
        notes.update(dict.fromkeys(CORPUS_KEYS, message))
        return None
    corpus = corpora.load(args.corpus.resolve())
    if sizes.corpus_words is not None:
        corpus = corpora.subset(corpus, sizes.corpus_words, bench.work / "quick-corpus")
    print(f"corpus: {corpus.root}, {len(corpus.files)} files, {corpus.words:,} words")
    return corpus


if __name__ == "__main__":
    sys.exit(main())
