"""Bytes to text, the way real files arrive.

UTF-8 (a BOM is dropped), UTF-16/32 with a BOM, and Windows-1252 for anything that is not
valid UTF-8 (what Windows exports are). Line endings are kept as they are, so offsets into
the decoded text index the file's characters exactly (after the BOM). Binary files raise
:class:`~genderlint.errors.ReaderError`.
"""

from __future__ import annotations

import codecs
import os

from genderlint.errors import ReaderError

SNIFF_BYTES = 8192
# share of control bytes above which a file without NUL bytes is still binary
MAX_CONTROL_RATIO = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _c1_fallback(err: UnicodeError) -> tuple[str, int]:
    # the five bytes cp1252 leaves undefined read as the C1 controls, as browsers do
    assert isinstance(err, UnicodeDecodeError)
    return "".join(chr(b) for b in err.object[err.start : err.end]), err.end


codecs.register_error("genderlint-c1", _c1_fallback)


_PRINTABLE_OR_TEXT = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)


def is_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control bytes in the first 8 KiB."""
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _PRINTABLE_OR_TEXT))  # C speed, no Python loop
    return controls > MAX_CONTROL_RATIO * len(sample)


def decode_bytes(data: bytes, path: str = "<bytes>") -> str:
    """Decode a file's bytes; see the module docstring for the rules."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if is_binary(data):
        raise ReaderError("binary file, not text", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="genderlint-c1")


def read_bytes(path: str) -> bytes:
    """Read a file, turning OS errors into one-line :class:`ReaderError` messages."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise ReaderError("is a directory, not a file", path) from None
    except FileNotFoundError:
        raise ReaderError("no such file", path) from None
    except PermissionError:
        # Windows reports a directory as a permission error
        reason = "is a directory, not a file" if os.path.isdir(path) else "permission denied"
        raise ReaderError(reason, path) from None
    except OSError as exc:
        raise ReaderError(f"cannot read: {exc.strerror or exc}", path) from None


def read_text_file(path: str) -> str:
    """Read and decode a text file (no parsing): cheap enough to pre-screen files."""
    return decode_bytes(read_bytes(path), path)
