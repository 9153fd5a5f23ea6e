"""Parallel runs and the results cache give exactly the findings of a plain run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FILES = {
    "clean-1.md": "# Duties\n\nThe duty officer records every search in the log.\n",
    "clean-2.txt": "Staff rotate between the two checkpoints each week.\n",
    "findings-1.md": "# Patrol\n\nEach patrolman must carry a radio.\n\n- Man the gate.\n",
    "findings-2.md": "Every officer must sign before he leaves.\n\nUse manpower wisely.\n",
    "findings-3.txt": "The chairman opened the meeting.\n",
    "glossary.md": "# Glossary\n\n| Avoid | Use |\n| --- | --- |\n| policeman | officer |\n",
    "broken.md": b"\x00\x01\x02 binary \x00 policeman",
}


def _corpus(root: Path, copies: int = 4) -> Path:
    for n in range(copies):  # enough files for the worker processes to share them out
        folder = root / f"part-{n}"
        folder.mkdir(parents=True)
        for name, text in FILES.items():
            data = text if isinstance(text, bytes) else text.encode()
            (folder / name).write_bytes(data)
    return root


def _check(root: Path, cache: Path, *args: str) -> tuple[int, dict]:
    env = dict(os.environ, GENDERLINT_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "genderlint", "check", "--model", "none", "--format", "json"]
    done = subprocess.run(
        [*command, *args, str(root)],
        capture_output=True,
        text=True,
        env=env,
    )
    return done.returncode, json.loads(done.stdout)


def _findings(report: dict) -> list[tuple]:
    return [(f["path"], f["rule_id"], f["start"], f["end"]) for f in report["findings"]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus"))


def test_jobs_give_the_same_report(corpus: Path, tmp_path: Path) -> None:
    one_code, one = _check(corpus, tmp_path / "c1", "--jobs", "1", "--no-cache")
    two_code, two = _check(corpus, tmp_path / "c2", "--jobs", "2", "--no-cache")
    assert one_code == two_code == 2  # the binary files are errors
    assert len(one["errors"]) == 4 and one["errors"] == two["errors"]
    assert _findings(one) == _findings(two)
    rules = {f[1] for f in _findings(one)}
    assert len(_findings(one)) >= 4 * 5 and len(rules) >= 4


def test_cached_rerun_is_the_same_and_sees_changes(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, first = _check(corpus, cache, "--jobs", "2")
    assert any((cache / "results").iterdir())
    _, again = _check(corpus, cache, "--jobs", "2")
    assert _findings(again) == _findings(first) and again["errors"] == first["errors"]

    changed = corpus / "part-0" / "clean-1.md"
    original = changed.read_text()
    try:
        changed.write_text(original + "\nThe foreman signs off.\n")
        _, after = _check(corpus, cache, "--jobs", "2")
        new = set(_findings(after)) - set(_findings(first))
        assert new == {(str(changed), "GL145", len(original) + 5, len(original) + 12)}
    finally:
        changed.write_text(original)


def test_no_cache_neither_reads_nor_writes(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _check(corpus, cache, "--jobs", "2", "--no-cache")
    assert not (cache / "results").exists() or not any((cache / "results").iterdir())


def test_large_workloads_go_to_linting_workers(tmp_path: Path) -> None:
    """Past what the main process lints while the workers screen (PARALLEL_LINT_CHARS),
    files go to workers forked after the pipeline is built, in bundles: the report is
    still the one a single process gives."""
    from genderlint.worker import PARALLEL_LINT_CHARS

    paragraph = (
        "Each patrolman must carry a radio, and every officer signs before he leaves. "
        "The chairman asked the firemen to man the gate.\n\n"
    )
    root = tmp_path / "big"
    root.mkdir()
    size = 0
    n = 0
    while size <= 2 * PARALLEL_LINT_CHARS:  # files of different sizes: unequal bundles
        text = "# Orders\n\n" + paragraph * (5 + 40 * (n % 4))
        (root / f"order-{n:03d}.md").write_text(text)
        size += len(text)
        n += 1
    _, one = _check(root, tmp_path / "c1", "--jobs", "1", "--no-cache")
    _, two = _check(root, tmp_path / "c2", "--jobs", "2", "--no-cache")
    assert _findings(one) == _findings(two)
    assert len(_findings(one)) >= 4 * size // len(paragraph)  # most paragraphs give 5


def test_bundles_keep_heavy_files_alone_and_group_light_ones() -> None:
    from genderlint.worker import BUNDLES_PER_JOB, _bundles

    weights = [1000, 900, *[10] * 200]
    bundles = _bundles(weights, 2)
    assert bundles[:2] == [[0], [1]]
    assert [i for bundle in bundles for i in bundle] == list(range(len(weights)))
    share = sum(weights) / (2 * BUNDLES_PER_JOB)
    assert all(sum(weights[i] for i in b) <= share or len(b) == 1 for b in bundles)
    assert 2 < len(bundles) < len(weights)


def test_parallel_runs_lower_the_switch_interval_while_they_receive_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Screened documents come back through the pool's thread, which needs the GIL for each
    piece it reads; the interval is back to what it was once the run is over."""
    from genderlint import worker
    from genderlint.config import Config

    paths = []
    for n in range(3):
        path = tmp_path / f"doc{n}.md"
        path.write_text(f"Every policeman signs form {n}.\n", encoding="utf-8")
        paths.append(str(path))
    seen: list[float] = []
    inner = worker._check_in_parallel

    def recording(*args: object) -> object:
        seen.append(sys.getswitchinterval())
        yield from inner(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(worker, "_check_in_parallel", recording)
    before = sys.getswitchinterval()
    outcomes = list(worker.check_all([(p, Config(model="none")) for p in paths], 2, False))
    assert [len(o.findings) for o in outcomes] == [1, 1, 1]
    assert seen == [worker.RESULT_SWITCH_INTERVAL]
    assert sys.getswitchinterval() == before


def test_a_parallel_json_report_is_the_one_made_from_the_findings(tmp_path: Path) -> None:
    """Linting workers send each file's findings written out as its part of the JSON
    report: the report is byte for byte the one made from the findings in one place, and
    the exit code still follows the findings' severities."""
    from genderlint import __version__
    from genderlint.api import check_file
    from genderlint.config import Config
    from genderlint.reporters import Report, json_report
    from genderlint.worker import PARALLEL_LINT_CHARS, without_context

    paragraph = "Each patrolman must carry a radio; the chairman signs before he leaves.\n\n"
    root = tmp_path / "big"
    root.mkdir()
    count = 2 * PARALLEL_LINT_CHARS // (40 * len(paragraph)) + 2  # past what this process lints
    for n in range(count):
        (root / f"order-{n:03d}.md").write_text("# Orders\n\n" + paragraph * 40)
    paths = sorted(str(p) for p in root.iterdir())
    findings = [
        without_context(f) for p in paths for f in check_file(p, Config(model="none")).findings
    ]
    expected = Report(findings, files_checked=len(paths), version=__version__)
    expected_text = json.dumps(json_report.as_dict(expected), indent=2, ensure_ascii=False)
    worst = max(f.severity.rank for f in findings)
    env = dict(os.environ, GENDERLINT_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "genderlint", "check", "--model", "none", "--no-cache"]
    for jobs in ("1", "2"):
        for fail_on, code in (("info", 1), ("error", 1 if worst == 2 else 0)):
            done = subprocess.run(
                [*command, "--format", "json", "--jobs", jobs, "--fail-on", fail_on, *paths],
                capture_output=True,
                text=True,
                env=env,
            )
            assert done.stdout == expected_text + "\n"
            assert done.returncode == code
