"""The measurements: each one runs `genderlint check` (or alex) as whole processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import corpora
import procs
from make_dense_corpus import make_corpus
from make_policy_docx import make_docx
from textgen import sized_markdown

STARTUP_WORDS = 300
STARTUP_FINDINGS = 6  # bad-example sentences in the 300-word file with findings


@dataclass
class Bench:
    """Where to run, what `genderlint check` supports, and every run made so far."""

    genderlint: list[str]
    work: Path
    quick: bool
    repeats: int = 1  # runs per corpus figure: the median wall time is reported
    has_jobs: bool = False
    has_cache: bool = False
    runs: list[dict[str, object]] = field(default_factory=list)
    _caches: int = 0

    def detect(self) -> None:
        """Read `genderlint check --help` for the options this build has, and fill the
        rule cache the throughput runs share (a user's rules are compiled once, not on
        every run)."""
        text = subprocess.run(
            [*self.genderlint, "check", "--help"], capture_output=True, text=True
        ).stdout
        self.has_jobs = "--jobs" in text
        self.has_cache = "--no-cache" in text
        _byte_compile()
        sample = self.work / "warm-up.md"
        sample.write_text(sized_markdown(STARTUP_WORDS, 1, STARTUP_FINDINGS), encoding="utf-8")
        self.check("rule cache warm-up", [str(sample)], self.rules_cache, use_cache=True)

    @property
    def rules_cache(self) -> Path:
        """The cache folder of the throughput runs: compiled rules, never results."""
        return self.work / "cache" / "rules"

    def fresh_cache(self) -> Path:
        """An empty cache folder, so no run sees another's cached rules or results."""
        self._caches += 1
        return self.work / "cache" / f"c{self._caches:03d}"

    def check(
        self, label: str, args: list[str], cache: Path | None = None, use_cache: bool = False
    ) -> procs.Run:
        """`genderlint check ARGS --format json`; without ``use_cache`` it adds --no-cache.
        Without ``cache`` the run uses the shared rule cache."""
        argv = [*self.genderlint, "check", *args, "--format", "json"]
        if self.has_cache and not use_cache:
            argv.append("--no-cache")
        env = dict(os.environ, GENDERLINT_CACHE_DIR=str(cache or self.rules_cache))
        out, err = self.work / "last-report.json", self.work / "last-stderr.txt"
        result = procs.run(label, argv, env=env, stdout=out, cwd=self.work, stderr=err)
        self._record(result, _findings(out), _tail(err) if not procs.ok(result) else "")
        return result

    def check_median(self, label: str, args: list[str], times: int) -> procs.Run:
        """``times`` runs of :meth:`check`: the median wall time and the highest memory."""
        runs = [self.check(f"{label} ({i + 1}/{times})", args) for i in range(times)]
        return procs.summary(label, runs)

    def tool(self, label: str, argv: list[str]) -> procs.Run:
        """Any other command (alex), output discarded."""
        result = procs.run(label, argv, cwd=self.work)
        self._record(result, None)
        return result

    def _record(self, result: procs.Run, findings: int | None, error: str = "") -> None:
        entry = result.as_dict()
        entry["findings"] = findings
        if error:
            entry["error"] = error
        self.runs.append(entry)
        status = f"exit {result.exit_code}" + (f", {findings} findings" if findings else "")
        print(
            f"  {result.label}: {result.wall_s:.2f} s (CPU {result.cpu_s:.2f} s), "
            f"{result.peak_mib:.0f} MiB ({status})"
        )
        if error:
            print(f"    error: {error}")


def _byte_compile() -> None:
    """Byte-compile the genderlint package being measured, as `pip install` does for a
    regular install: an editable install run with PYTHONDONTWRITEBYTECODE set would
    otherwise compile every module again in every process."""
    import sys

    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import genderlint, os; print(os.path.dirname(genderlint.__file__))",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if where:
        subprocess.run([sys.executable, "-m", "compileall", "-q", where], capture_output=True)


def _findings(report: Path) -> int | None:
    try:
        return int(json.loads(report.read_text())["summary"]["findings"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _tail(path: Path) -> str:
    try:
        lines = path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return lines[-1] if lines else ""


def startup_files(bench: Bench, kind: str, count: int) -> list[Path]:
    """``count`` distinct 300-word files (distinct, so a results cache never answers)."""
    folder = bench.work / "startup"
    folder.mkdir(parents=True, exist_ok=True)
    findings = STARTUP_FINDINGS if kind == "findings" else 0
    files = []
    for i in range(count):
        path = folder / f"{kind}-{i}.md"
        path.write_text(sized_markdown(STARTUP_WORDS, 100 + i, findings), encoding="utf-8")
        files.append(path)
    return files


def startup(bench: Bench, kind: str, model: list[str], times: int, cold: int) -> dict:
    """Warm: one run fills the rule cache, then ``times`` runs on new files; cold: each
    run with an empty cache folder. Medians of the wall times."""
    files = startup_files(bench, kind, 1 + times + cold)
    warm_cache = bench.fresh_cache()
    bench.check(f"{kind} file, warm-up", [*model, str(files[0])], warm_cache, True)
    warm, _ = procs.median_run(
        "warm",
        lambda i: bench.check(
            f"{kind} file, warm {i + 1}", [*model, str(files[1 + i])], warm_cache, True
        ),
        times,
    )
    cold_s, _ = procs.median_run(
        "cold",
        lambda i: bench.check(
            f"{kind} file, cold {i + 1}",
            [*model, str(files[1 + times + i])],
            bench.fresh_cache(),
            True,
        ),
        cold,
    )
    return {"warm": warm, "cold": cold_s, "files": files}


def scaling(bench: Bench, corpus: corpora.Corpus, factors: tuple[int, ...]) -> dict[int, procs.Run]:
    """Wall time, model-less, over 1x, 2x, 4x copies of the corpus (under new names)."""
    times = {}
    for factor in factors:
        dest = bench.work / f"scaled-{factor}x"
        copy = corpora.scaled(corpus, factor, dest)
        args = ["--model", "none", *copy.args()]
        run = bench.check_median(f"corpus {factor}x, model-less", args, bench.repeats)
        if procs.ok(run):
            times[factor] = run
        shutil.rmtree(dest, ignore_errors=True)
    return times


def dense(
    bench: Bench, words: int, sparse: corpora.Corpus | None
) -> tuple[corpora.Corpus, procs.Run, procs.Run | None]:
    """Generate the dense corpus and lint it model-less, each run right after a run over
    the corpus (``sparse``, when there is one): the ratio of the two then compares runs
    made under the same conditions, not minutes apart on a machine whose speed drifts."""
    dest = bench.work / "dense"
    info = make_corpus(dest, words)
    corpus = corpora.Corpus(dest, [dest], corpora.text_files(dest), info["words"])
    dense_runs, sparse_runs = [], []
    for i in range(bench.repeats):
        step = f"({i + 1}/{bench.repeats})"
        if sparse is not None:
            args = ["--model", "none", *sparse.args()]
            sparse_runs.append(bench.check(f"corpus, model-less, beside dense {step}", args))
        dense_runs.append(
            bench.check(f"dense corpus, model-less {step}", ["--model", "none", str(dest)])
        )
    paired = procs.summary("corpus beside dense", sparse_runs) if sparse_runs else None
    return corpus, procs.summary("dense corpus, model-less", dense_runs), paired


def cached_rerun(bench: Bench, corpus: corpora.Corpus) -> tuple[procs.Run, procs.Run]:
    """A first run fills an empty cache; the second, with nothing changed, is timed."""
    cache = bench.fresh_cache()
    args = ["--model", "none", *corpus.args()]
    fill = bench.check("corpus, model-less, filling the cache", args, cache, True)
    again = [
        bench.check(f"corpus, model-less, cached re-run {i + 1}", args, cache, True)
        for i in range(bench.repeats)
    ]
    return fill, procs.summary("cached re-run", again)


def docx_run(bench: Bench, pages: int) -> tuple[int, procs.Run]:
    """Generate a policy .docx of ``pages`` pages and check it (default settings)."""
    path = bench.work / "docx" / "policy.docx"
    words = make_docx(path, pages)
    return words, bench.check(f"{pages}-page .docx", [str(path)])
