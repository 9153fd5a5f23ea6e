"""Readers turn a document into a :class:`~genderlint.textmap.SourceText`.

The reader is chosen by file extension. A *text* kind (plain, markdown) reads decoded text,
so it also serves standard input; a *path* kind (docx) opens the file itself. Reader
modules are imported on first use, and a path kind whose module is not installed is left
out of :data:`EXTENSIONS`.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Callable
from typing import cast

from genderlint.errors import ReaderError
from genderlint.readers.decode import read_text_file
from genderlint.readers.md_regions import RawPass
from genderlint.textmap import SourceText

# kind -> "module:function"
TEXT_READERS: dict[str, str] = {
    "plain": "genderlint.readers.plain:read_plain",
    "markdown": "genderlint.readers.markdown:read_markdown",
}
PATH_READERS: dict[str, str] = {"docx": "genderlint.readers.docx:read_docx"}
_EXTENSION_KINDS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "plain",
    ".text": "plain",
    ".docx": "docx",
}


def _installed(kind: str) -> bool:
    target = TEXT_READERS.get(kind) or PATH_READERS.get(kind)
    return target is not None and importlib.util.find_spec(target.split(":")[0]) is not None


#: extensions (lower case, with the dot) that a folder walk picks up
EXTENSIONS: tuple[str, ...] = tuple(e for e, k in _EXTENSION_KINDS.items() if _installed(k))


def _load(target: str) -> Callable[..., SourceText]:
    module, name = target.split(":")
    return cast(Callable[..., SourceText], getattr(importlib.import_module(module), name))


def reader_for(path: str) -> str | None:
    """The reader kind for a file name (``markdown``, ``plain``, ``docx``), or ``None``."""
    extension = os.path.splitext(path)[1].lower()
    return _EXTENSION_KINDS[extension] if extension in EXTENSIONS else None


def read_text(
    text: str,
    path: str = "<text>",
    kind: str = "plain",
    first_pass: RawPass | None = None,
) -> SourceText:
    """Read a string (standard input, an editor buffer) as ``plain`` or ``markdown``.

    With ``first_pass``, parts of a Markdown document it rules out are not parsed (they
    hold no finding, so the findings are the same).
    """
    target = TEXT_READERS.get(kind)
    if target is None:
        raise ReaderError(f"cannot read {kind!r} input as text", path)
    if first_pass is not None and kind == "markdown":
        return _load(target)(text, path, first_pass)
    return _load(target)(text, path)


def read_path(path: str, kind: str | None = None) -> SourceText:
    """Read a file; the kind comes from its extension, and unknown extensions read as plain."""
    kind = kind or reader_for(path) or "plain"
    if kind in PATH_READERS:
        return _load(PATH_READERS[kind])(path)
    return read_text(read_text_file(path), path, kind)
