"""Checking one file, with the results cache, in this process or a worker process."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context

from genderlint import __version__, cache
from genderlint.config import Config
from genderlint.errors import GenderlintError
from genderlint.findings import Finding

# below this many files, starting worker processes costs more than it saves
PARALLEL_THRESHOLD = 24


@dataclass(frozen=True)
class Outcome:
    target: str
    findings: list[Finding] = field(default_factory=list)
    source: str = ""  # decoded text, kept only when there are findings (for excerpts)
    error: str = ""  # one-line message when the file could not be checked
    error_path: str = ""
    dropped: list[Finding] = field(default_factory=list)  # with --explain-context only


def check_target(
    target: str, config: Config, use_cache: bool = True, explain: bool = False
) -> Outcome:
    """Lint one file; a file whose bytes, config, rules and version are unchanged comes
    from the cache."""
    from genderlint.api import check_file
    from genderlint.engine import engine_for

    try:
        use_cache = use_cache and not explain  # the cache keeps findings, not decisions
        key = _result_key(target, config, engine_for(config).cache_key) if use_cache else ""
        if key:
            hit = cache.load("results", key)
            if isinstance(hit, Outcome):
                return hit
        dropped: list[Finding] | None = [] if explain else None
        result = check_file(target, config, dropped=dropped)
        outcome = Outcome(
            target, result.findings, result.source if result.findings else "", dropped=dropped or []
        )
        if key:
            cache.store("results", key, outcome)
        return outcome
    except GenderlintError as exc:
        return Outcome(target, error=str(exc), error_path=exc.path or target)
    except Exception as exc:  # never a traceback: report it and go on with other files
        return Outcome(
            target,
            error=f"{target}: internal error: {type(exc).__name__}: {exc}",
            error_path=target,
        )


def _result_key(target: str, config: Config, engine_key: str) -> str:
    try:
        with open(target, "rb") as fh:
            content = hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return ""  # the reader reports the problem
    return hashlib.sha256(
        "\0".join((__version__, engine_key, os.path.abspath(target), target, content)).encode()
    ).hexdigest()[:32]


def default_jobs(files: int) -> int:
    if files < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, 8, files // PARALLEL_THRESHOLD))


def _work(item: tuple[str, Config, bool, bool]) -> Outcome:
    return check_target(*item)


def check_all(
    items: list[tuple[str, Config]], jobs: int, use_cache: bool, explain: bool = False
) -> Iterator[Outcome]:
    """Outcomes in the order of ``items``; ``jobs`` > 1 spreads files over processes."""
    work = [(target, config, use_cache, explain) for target, config in items]
    if jobs <= 1 or len(work) < 2:
        yield from map(_work, work)
        return
    # build the first pass, the pipeline and the model once, here: forked workers share
    # them instead of each paying for spaCy's import and the matchers
    from genderlint.engine import engine_for

    for config in {config for _, config in items}:
        engine = engine_for(config)
        _ = engine.prefilter, engine.nlp
        engine.model()
    with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
        yield from pool.map(_work, work, chunksize=max(1, min(32, len(work) // (jobs * 4))))
