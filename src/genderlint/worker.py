"""Checking one file, with the results cache, in this process or a worker process."""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from genderlint import __version__, cache
from genderlint.config import Config
from genderlint.errors import GenderlintError
from genderlint.findings import Finding

if TYPE_CHECKING:
    from genderlint.api import Prepared
    from genderlint.reporters.base import FilePart

A = TypeVar("A")
R = TypeVar("R")
T = TypeVar("T")

# below this many files, starting worker processes costs more than it saves
PARALLEL_THRESHOLD = 24
# below this much text for spaCy (about 50,000 words, 0.4 s of work on one core), linting
# in worker processes costs more than it saves
PARALLEL_LINT_CHARS = 300_000
MODEL_COST = 8  # a character costs about this many times more with a statistical model


@dataclass(frozen=True)
class Pending:
    """A file that needs the pipeline: its results-cache key ('' without the cache), taken
    before it was read, and the file read and screened (None for a Word file, whose
    reader's objects stay in the process that lints it)."""

    key: str
    prepared: Prepared | None


@dataclass(frozen=True)
class Outcome:
    target: str
    findings: list[Finding] = field(default_factory=list)  # one file's, in document order
    source: str = ""  # decoded text, kept only when there are findings (for excerpts)
    error: str = ""  # one-line message when the file could not be checked
    error_path: str = ""
    dropped: list[Finding] = field(default_factory=list)  # with --explain-context only
    # the findings written out for the report, sent instead of them (see check_all)
    part: FilePart | None = None


def check_target(
    target: str, config: Config, use_cache: bool = True, explain: bool = False
) -> Outcome:
    """Lint one file; a file whose bytes, config, rules and version are unchanged comes
    from the cache."""
    screened = scan_target(target, config, use_cache, explain)
    if isinstance(screened, Outcome):
        return screened
    return lint_target(target, config, explain, screened)


def scan_target(
    target: str, config: Config, use_cache: bool = True, explain: bool = False
) -> Outcome | Pending:
    """Everything before spaCy: the outcome when the results cache or the first pass
    settles the file, else what :func:`lint_target` needs."""
    from genderlint.api import needs_spacy, prepare_file
    from genderlint.readers import PATH_READERS, reader_for

    def scan() -> Outcome | Pending:
        key = _key(target, config, use_cache, explain)
        hit = cache.load("results", key) if key else None
        if isinstance(hit, Outcome):
            return hit
        if reader_for(target) in PATH_READERS:
            return Pending(key, None)
        prepared = prepare_file(target, config)
        if needs_spacy(prepared, config):
            return Pending(key, prepared)
        if key:
            cache.store("results", key, Outcome(target))
        return Outcome(target)

    return _guarded(target, scan)


def lint_target(target: str, config: Config, explain: bool, pending: Pending) -> Outcome:
    """Lint one file :func:`scan_target` found needs the pipeline, and store the outcome
    in the cache."""
    from genderlint.api import check_file, check_prepared

    def lint() -> Outcome:
        dropped: list[Finding] | None = [] if explain else None
        if pending.prepared is None:
            result = check_file(target, config, dropped=dropped)
        else:
            result = check_prepared(pending.prepared, config, dropped=dropped)
        # the reasons context checks give are shown only with --explain-context
        found = result.findings if explain else [without_context(f) for f in result.findings]
        outcome = Outcome(target, found, result.source if found else "", dropped=dropped or [])
        if pending.key:
            cache.store("results", pending.key, outcome)
        return outcome

    return _guarded(target, lint)


def without_context(finding: Finding) -> Finding:
    """The finding without the reason a context check gave (shown only with
    --explain-context)."""
    return replace(finding, context="") if finding.context else finding


def _guarded(target: str, step: Callable[[], R]) -> R | Outcome:
    try:
        return step()
    except GenderlintError as exc:
        return Outcome(target, error=str(exc), error_path=exc.path or target)
    except Exception as exc:  # never a traceback: report it and go on with other files
        return Outcome(
            target,
            error=f"{target}: internal error: {type(exc).__name__}: {exc}",
            error_path=target,
        )


def _key(target: str, config: Config, use_cache: bool, explain: bool) -> str:
    """The results-cache key, or '' when the cache is not used (the cache keeps findings,
    not the decisions `--explain-context` shows)."""
    from genderlint.engine import engine_for

    if not use_cache or explain:
        return ""
    return _result_key(target, config, engine_for(config).cache_key)


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


Work = tuple[str, Config, bool, bool, bool]  # target, config, use_cache, explain, parts


def _work(item: Work) -> Outcome:
    return check_target(*item[:4])


def _scan(item: Work) -> Outcome | Pending:
    return scan_target(*item[:4])


def _lint(job: tuple[Work, Pending]) -> Outcome:
    (target, config, _, explain, parts), pending = job
    outcome = lint_target(target, config, explain, pending)
    if not (parts and outcome.findings):
        return outcome
    from genderlint.reporters.json_report import file_part

    return Outcome(target, part=file_part(outcome.findings))


# the jobs of the linting workers, set before they are forked (``_spread`` forks): each
# worker reads its job from the memory it was forked with, so a screened document is not
# pickled a second time
_HANDED_OVER: list[tuple[Work, Pending]] = []


def _lint_handed_over(bundle: list[int]) -> list[Outcome]:
    return [_lint(_HANDED_OVER[index]) for index in bundle]


def check_all(
    items: list[tuple[str, Config]],
    jobs: int,
    use_cache: bool,
    explain: bool = False,
    parts: bool = False,
) -> Iterator[Outcome]:
    """Outcomes in the order of ``items``; ``jobs`` > 1 spreads files over processes.

    With ``parts``, a file linted in parallel comes back as its part of a JSON report
    (:class:`~genderlint.reporters.base.FilePart`) instead of its findings: the workers
    write the report's bulk between them, and this process neither unpickles nor writes
    out tens of thousands of findings at the end of the run.

    In parallel runs, workers forked before spaCy is imported first read and screen every
    file (results cache, first pass, Markdown parsing) while this process imports spaCy
    and builds the pipeline as soon as one file needs it; workers forked after that run
    the pipeline over what the screening kept, sharing it instead of each paying for
    spaCy's import and the matchers.
    """
    work = [(target, config, use_cache, explain, parts) for target, config in items]
    if jobs <= 1 or len(work) < 2:
        yield from map(_work, work)
        return
    # the pool's thread that receives results needs the GIL for each piece of a result it
    # reads from a worker's pipe; while this thread builds the pipeline it keeps the GIL for
    # up to the switch interval at a time, and a worker whose screened document does not
    # fit in the pipe waits that long for each piece
    interval = sys.getswitchinterval()
    sys.setswitchinterval(RESULT_SWITCH_INTERVAL)
    try:
        yield from _check_in_parallel(work, items, jobs)
    finally:
        sys.setswitchinterval(interval)


RESULT_SWITCH_INTERVAL = 0.0005  # seconds (Python's default: 0.005)


def _check_in_parallel(
    work: list[Work], items: list[tuple[str, Config]], jobs: int
) -> Iterator[Outcome]:
    screened: list[Outcome | Pending] = []
    cost = 0  # per character for spaCy: 0 until the pipeline is built
    budget = PARALLEL_LINT_CHARS  # text this process lints itself while workers screen
    for i, result in enumerate(_spread(_scan, work, jobs, chunksize=8)):  # small: early
        if isinstance(result, Pending):
            if not cost:
                cost = _build_pipelines(config for _, config in items)
            # a few paragraphs for spaCy take less time here, meanwhile, than starting
            # workers and sending them there afterwards
            weight = _weight(result) * cost
            if weight <= budget:
                budget -= weight
                screened.append(_lint((work[i], result)))
                continue
        screened.append(result)
    # most work first, so no worker is left with a big file at the end
    pending = sorted(
        ((i, result) for i, result in enumerate(screened) if isinstance(result, Pending)),
        key=lambda pair: -_weight(pair[1]),
    )
    _HANDED_OVER[:] = [(work[i], job) for i, job in pending]
    try:
        bundles = _bundles([_weight(job) for _, job in pending], jobs)
        linted = _spread(_lint_handed_over, bundles, jobs, chunksize=1)
        for bundle, outcomes in zip(bundles, linted, strict=True):
            for k, outcome in zip(bundle, outcomes, strict=True):
                screened[pending[k][0]] = outcome
    finally:
        _HANDED_OVER.clear()
    yield from (result for result in screened if isinstance(result, Outcome))


BUNDLES_PER_JOB = 32  # enough that workers finish close together, few enough to be cheap


def _bundles(weights: list[int], jobs: int) -> list[list[int]]:
    """Consecutive indices of ``weights`` (heaviest first) in bundles of about an equal
    share of the work each: a heavy file alone, light files together (every job a worker
    takes costs a round trip through the pool)."""
    share = sum(weights) / (jobs * BUNDLES_PER_JOB)
    bundles: list[list[int]] = []
    load = 0.0
    for index, weight in enumerate(weights):
        if not bundles or load + weight > share:
            bundles.append([])
            load = 0.0
        bundles[-1].append(index)
        load += weight
    return bundles


def _spread(step: Callable[[A], T], work: list[A], jobs: int, chunksize: int = 0) -> Iterator[T]:
    """``step`` over ``work`` in order, in forked worker processes when that pays."""
    jobs = min(jobs, len(work))
    if jobs <= 1:
        yield from map(step, work)
        return
    from concurrent.futures import ProcessPoolExecutor  # not needed by small runs
    from multiprocessing import get_context

    chunksize = chunksize or max(1, min(32, len(work) // (jobs * 4)))
    with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
        yield from pool.map(step, work, chunksize=chunksize)


def _weight(pending: Pending) -> int:
    """Characters spaCy will see (a Word file, not read yet, counts as much work)."""
    if pending.prepared is None:
        return PARALLEL_LINT_CHARS
    return sum(len(text) for _, _, text in pending.prepared.chosen)


def _build_pipelines(configs: Iterable[Config]) -> int:
    """Everything a linting worker would otherwise build for itself: the pipeline, the
    model and the context checks (not the Markdown parser: documents reach the pipeline
    parsed, and a Word file needs none). Returns the relative cost of a character of text:
    a statistical model makes it several times dearer."""
    from genderlint.engine import engine_for
    from genderlint.nlp.spacy_loader import import_spacy

    import_spacy()  # before the modules that import spaCy themselves
    from genderlint.nlp import checks  # noqa: F401  (imported on a first pronoun hit)

    cost = 1
    for config in set(configs):
        engine = engine_for(config)
        _ = engine.nlp
        if engine.model() is not None:
            cost = MODEL_COST
    # the pipeline lives until exit: keep the collector from walking it again, here and
    # in the workers forked next (whose pages then stay shared)
    gc.freeze()
    return cost
