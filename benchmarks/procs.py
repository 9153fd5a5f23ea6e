"""Run one command as a whole process and measure wall time and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

MIB = 1024 * 1024
NORMAL_EXIT = (0, 1)  # a linter's "clean" and "findings reported"
SAMPLE_EVERY = 0.1  # seconds between memory samples of the process tree


@dataclass
class Run:
    label: str
    argv: list[str]
    wall_s: float
    cpu_s: float  # user + system time of the process and its (waited-for) workers
    exit_code: int
    max_rss_mib: float  # largest single process (wait4 rusage, as `time -v` reports)
    tree_pss_mib: float  # sampled peak of the PSS summed over the process and its children

    @property
    def peak_mib(self) -> float:
        """Peak memory of the run: the largest process, or all of them together when
        worker processes make the sum larger."""
        return max(self.max_rss_mib, self.tree_pss_mib)

    def as_dict(self) -> dict[str, object]:
        """Plain data for the JSON report."""
        return asdict(self)


def run(
    label: str,
    argv: Sequence[str],
    env: dict[str, str] | None = None,
    stdout: Path | None = None,
    cwd: Path | None = None,
    stderr: Path | None = None,
) -> Run:
    """Run ``argv`` to completion; output goes to ``stdout`` and ``stderr`` (files) or is
    discarded."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    err = open(stderr, "wb") if stderr else subprocess.DEVNULL  # noqa: SIM115
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env, cwd=cwd)
        sampler = _TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
    finally:
        for handle in (out, err):
            if handle is not subprocess.DEVNULL:
                handle.close()  # type: ignore[union-attr]
    return Run(
        label=label,
        argv=list(argv),
        wall_s=round(wall, 4),
        cpu_s=round(usage.ru_utime + usage.ru_stime, 3),
        exit_code=proc.returncode,
        max_rss_mib=round(usage.ru_maxrss * 1024 / MIB, 1),
        tree_pss_mib=round(sampler.peak / MIB, 1),
    )


def ok(run: Run) -> bool:
    """The run ended normally."""
    return run.exit_code in NORMAL_EXIT


def summary(label: str, runs: list[Run]) -> Run:
    """Several runs of one command as one: median wall time and exit code of the runs
    that ended normally (a failed run is not a fast one), highest memory of all."""
    good = [r for r in runs if ok(r)] or runs
    return Run(
        label=label,
        argv=runs[0].argv,
        wall_s=statistics.median(r.wall_s for r in good),
        cpu_s=statistics.median(r.cpu_s for r in good),
        exit_code=good[0].exit_code,
        max_rss_mib=max(r.max_rss_mib for r in runs),
        tree_pss_mib=max(r.tree_pss_mib for r in runs),
    )


def median_run(label: str, make: Callable[[int], Run], times: int) -> tuple[float, list[Run]]:
    """Call ``make(i)`` for i in range(times) and return the median wall time of the runs
    that ended normally."""
    runs = [make(i) for i in range(times)]
    return summary(label, runs).wall_s, runs


class _TreeSampler:
    """Polls /proc for the memory of a process and all its descendants, summed.

    PSS (proportional set size) counts a page shared by forked workers once in the sum,
    where adding up RSS would count it in every worker; RSS is the fallback."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

    def start(self) -> None:
        if Path("/proc/self/statm").exists():
            self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, self._sample())
            self._done.wait(SAMPLE_EVERY)

    def _sample(self) -> int:
        parents: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
        total, todo = 0, [self.pid]
        while todo:
            pid = todo.pop()
            todo.extend(parents.get(pid, ()))
            total += _memory(pid, self._page)
        return total


def _memory(pid: int, page: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * page
    except (OSError, IndexError, ValueError):
        return 0
