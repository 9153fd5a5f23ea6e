from __future__ import annotations

import os
from pathlib import Path

import pytest

from genderlint.errors import ReaderError
from genderlint.readers import read_path
from genderlint.readers.decode import decode_bytes, is_binary, read_text_file


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ""),
        (b"plain ascii", "plain ascii"),
        ("caf\u00e9 \u2013 na\u00efve".encode(), "caf\u00e9 \u2013 na\u00efve"),
        (b"\xef\xbb\xbfwith BOM", "with BOM"),
        (b"\xef\xbb\xbf", ""),
        (b"a\r\nb\rc\n", "a\r\nb\rc\n"),  # line endings are kept
        ("\ufeffUTF-16 LE\r\n".encode("utf-16-le"), "UTF-16 LE\r\n"),
        ("\ufeffUTF-16 BE".encode("utf-16-be"), "UTF-16 BE"),
        ("\ufeffUTF-32".encode("utf-32-le"), "UTF-32"),
        # not UTF-8: Windows-1252, as Windows exports are
        (b"caf\xe9 \x93quoted\x94 \x96 dash", "caf\u00e9 \u201cquoted\u201d \u2013 dash"),
        (b"undefined \x81\x8d byte \xe9", "undefined \x81\x8d byte \u00e9"),
        (b"bell \x07 in text", "bell \x07 in text"),
        (b"escape \x1b[1m codes", "escape \x1b[1m codes"),
    ],
)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",  # a zip, e.g. a .docx read as text
        b"text then a NUL\x00",
        "no BOM".encode("utf-16-le"),
        bytes(range(1, 32)) * 4,  # mostly control bytes, no NUL
    ],
)
def test_binary_is_rejected(data: bytes) -> None:
    assert is_binary(data)
    with pytest.raises(ReaderError) as err:
        decode_bytes(data, "x.txt")
    assert str(err.value) == "x.txt: binary file, not text"


def test_nul_after_the_sniffed_prefix_is_text() -> None:
    data = b"a" * 8192 + b"\x00"
    assert not is_binary(data)
    assert decode_bytes(data) == "a" * 8192 + "\x00"


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.md")
    with pytest.raises(ReaderError) as err:
        read_path(path)
    assert str(err.value) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ReaderError) as err:
        read_text_file(str(tmp_path))
    assert str(err.value) == f"{tmp_path}: is a directory, not a file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(ReaderError) as err:
        read_path(str(path))
    assert str(err.value) == f"{path}: permission denied"


@pytest.mark.parametrize(
    ("data", "line", "column", "start"),
    [
        (b"One\nThe chairman", 2, 5, 8),
        (b"One\r\nThe chairman", 2, 5, 9),  # the \r of line 1 is not counted on line 2
        (b"\xef\xbb\xbfOne\r\nThe chairman", 2, 5, 9),  # offsets are after the BOM
        ("\ufeffOne\r\nThe chairman".encode("utf-16-le"), 2, 5, 9),
        (b"Caf\xe9\r\n\r\nThe chairman", 3, 5, 12),
    ],
)
def test_positions_in_decoded_files(
    tmp_path: Path, data: bytes, line: int, column: int, start: int
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    source = read_path(str(path))
    block = source.blocks[-1]
    offset = block.text.index("chairman")
    location = source.locate(block, offset, offset + len("chairman"))
    assert (location.line, location.column, location.end_line, location.end_column) == (
        line,
        column,
        line,
        column + 8,
    )
    assert (location.start, location.end) == (start, start + 8)
    assert source.source[location.start : location.end] == "chairman"
