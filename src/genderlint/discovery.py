"""Which files a run checks: paths given, folders walked by extension, excludes applied."""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "build",
        "dist",
        ".genderlint_cache",
    }
)


def is_excluded(path: Path, patterns: Iterable[str], root: Path | None = None) -> bool:
    """Match a glob against the path relative to ``root``, its full path and its name."""
    candidates = {path.as_posix(), path.name}
    if root is not None:
        with contextlib.suppress(ValueError):
            candidates.add(path.resolve().relative_to(root.resolve()).as_posix())
    return any(
        fnmatch.fnmatch(c, p) or fnmatch.fnmatch(c, p.rstrip("/") + "/*")
        for p in patterns
        for c in candidates
    )


def iter_files(paths: Iterable[Path], extensions: Iterable[str]) -> Iterator[Path]:
    """Files named on the command line come through as given; folders are walked."""
    exts = tuple(e.lower() for e in extensions)
    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(exts) and not name.startswith("~$"):
                        yield Path(folder) / name
        else:
            yield path
