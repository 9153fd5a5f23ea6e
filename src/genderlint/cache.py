"""A small on-disk cache of pickled, derived data (compiled rules, check results).

Entries are keyed by a digest of everything they derive from, written atomically, and a
cache that cannot be read or written is silently skipped: it only ever saves time.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_DISABLED: set[str] = set()


def cache_dir() -> Path:
    """``$GENDERLINT_CACHE_DIR``, else the user's cache folder."""
    explicit = os.environ.get("GENDERLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "genderlint"


def disable(kind: str) -> None:
    """Bypass one kind of entry for the rest of the process (``--no-cache``: results)."""
    _DISABLED.add(kind)


def load(kind: str, key: str) -> object | None:
    if kind in _DISABLED:
        return None
    try:
        with open(cache_dir() / kind / f"{key}.pickle", "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated or from another version: rebuild
        return None


def store(kind: str, key: str, value: object) -> None:
    if kind in _DISABLED:
        return
    folder = cache_dir() / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:
        pass


@functools.cache
def code_stamp() -> str:
    """Modification times of the package's code: an edited checkout never reuses compiled
    rules or results made by older code."""
    here = Path(__file__).parent
    return ",".join(str(f.stat().st_mtime_ns) for f in sorted(here.rglob("*.py")))


def file_stamp(path: Path) -> str:
    """A file as a cache key sees it: resolved path, size and modification time."""
    st = path.stat()
    return f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"


def file_key(path: Path) -> str:
    """A key for data derived from one file: the file's stamp and the code that derives it."""
    text = "\0".join([file_stamp(path), code_stamp()])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    value = load(kind, key)
    if value is None:
        value = build()
        store(kind, key, value)
    return value  # type: ignore[return-value]
