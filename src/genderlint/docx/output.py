"""Writing an output file safely: never over the input, never half-written, never over an
existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from typing import IO

from genderlint.errors import GenderlintError


def check_output(in_path: str, out_path: str, force: bool) -> None:
    """Raise :class:`GenderlintError` if ``out_path`` may not be written."""
    if os.path.isdir(out_path):
        raise GenderlintError("is a folder; give a file name for the output", path=out_path)
    if os.path.exists(out_path):
        if os.path.exists(in_path) and os.path.samefile(in_path, out_path):
            raise GenderlintError(
                "is the input file; write the annotated copy to another path", path=out_path
            )
        if not force:
            raise GenderlintError("already exists; use --force to overwrite it", path=out_path)
    folder = os.path.dirname(os.path.abspath(out_path))
    if not os.path.isdir(folder):
        raise GenderlintError(f"folder {folder} does not exist", path=out_path)


def write_atomically(out_path: str, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write`` on a temporary file beside ``out_path``, then rename it into place."""
    folder = os.path.dirname(os.path.abspath(out_path))
    mode = _mode(out_path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(out_path)}.", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise GenderlintError(f"cannot write: {exc.strerror or exc}", path=out_path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, out_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise GenderlintError(f"cannot write: {exc.strerror or exc}", path=out_path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(path: str) -> int:
    """Keep an existing file's permissions; new files get the usual umask-based mode."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
