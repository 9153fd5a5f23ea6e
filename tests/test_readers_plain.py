from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from genderlint.errors import ReaderError
from genderlint.readers import EXTENSIONS, read_path, read_text, reader_for
from genderlint.readers.plain import line_bounds
from genderlint.textmap import Directive, SourceText


def spans(source: SourceText) -> list[tuple[str, str]]:
    """Each block's text and the source slice from its first to its last character."""
    out = []
    for block in source.blocks:
        first = block.to_source(0)
        last = block.to_source_end(len(block.text))
        out.append((block.text, source.source[first:last]))
    return out


def assert_exact(source: SourceText) -> None:
    """Every piece is a verbatim slice of the source or one synthesized space, in order."""
    end = 0
    for block in source.blocks:
        for piece in block.pieces:
            start = piece.source_start
            assert start >= end
            slice_ = source.source[start : start + len(piece.text)]
            assert slice_ == piece.text or piece.text == " ", (piece, slice_)
            assert "\r" not in piece.text
            end = start + (len(piece.text) if slice_ == piece.text else 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("one line", [("one line", "one line")]),
        ("a\nb\n\nc", [("a b", "a\nb"), ("c", "c")]),
        ("a\r\nb\r\n\r\nc\r\n", [("a b", "a\r\nb"), ("c", "c")]),
        ("  indented\t \n\tnext  \n", [("indented next", "indented\t \n\tnext")]),
        ("a\n   \t\nb", [("a", "a"), ("b", "b")]),  # whitespace-only lines are blank
        ("old\rmac", [("old mac", "old\rmac")]),
        ("\n\n\npara\n\n\n", [("para", "para")]),
        # directive lines are not prose and end a paragraph
        ("a\n# genderlint-disable\nb", [("a", "a"), ("b", "b")]),
        ("# a heading-like line\nb", [("# a heading-like line b", "# a heading-like line\nb")]),
    ],
)
def test_paragraphs(text: str, expected: list[tuple[str, str]]) -> None:
    source = read_text(text, "t.txt")
    assert spans(source) == expected
    assert all(b.kind == "paragraph" for b in source.blocks)
    assert_exact(source)


D = Directive


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("genderlint-disable", D(1, "disable")),
        ("genderlint-enable", D(1, "enable")),
        ("genderlint-disable GL101", D(1, "disable", ("GL101",))),
        ("genderlint-disable GL101 GL2", D(1, "disable", ("GL101", "GL2"))),
        ("genderlint-disable GL101,GL102, GL2", D(1, "disable", ("GL101", "GL102", "GL2"))),
        ("genderlint-disable-next-line GL3", D(1, "disable-next-line", ("GL3",))),
        ("genderlint-disable GL101 -- quoting a statute", D(1, "disable", ("GL101",))),
        ("# genderlint-disable", D(1, "disable")),
        ("## genderlint-disable GL1", D(1, "disable", ("GL1",))),
        ("// genderlint-enable", D(1, "enable")),
        ("-- genderlint-disable", D(1, "disable")),
        ("% genderlint-disable", D(1, "disable")),
        ("; genderlint-disable", D(1, "disable")),
        ("  #genderlint-disable  ", D(1, "disable")),
        ("<!-- genderlint-disable GL1 -->", D(1, "disable", ("GL1",))),
        ("<!--genderlint-enable-->", D(1, "enable")),
        ("genderlint-disabled", None),
        ("genderlint-disable-all", None),
        ("Use genderlint-disable to skip a line.", None),
        ("* genderlint-disable", None),
        ("genderlint disable", None),
    ],
)
def test_directive_lines(line: str, expected: Directive | None) -> None:
    source = read_text(line + "\n", "t.txt")
    assert source.directives == ([expected] if expected else [])
    assert len(source.blocks) == (0 if expected else 1)


def test_directive_line_numbers() -> None:
    text = "intro\n\n# genderlint-disable GL101\nThe chairman\r\n// genderlint-enable\nend\n"
    source = read_text(text, "t.txt")
    assert source.directives == [D(3, "disable", ("GL101",)), D(5, "enable")]
    assert [b.text for b in source.blocks] == ["intro", "The chairman", "end"]


@pytest.mark.parametrize(
    ("text", "term", "where"),
    [
        ("The chairman spoke.", "chairman", (1, 5, 1, 13, 4, 12)),
        ("Intro\n\nThe chairman", "chairman", (3, 5, 3, 13, 11, 19)),
        ("Intro\r\n\r\nThe chairman", "chairman", (3, 5, 3, 13, 13, 21)),
        ("The police\nofficer", "police officer", (1, 5, 2, 8, 4, 18)),
        ("The police\r\nofficer", "police officer", (1, 5, 2, 8, 4, 19)),
        ("  \tIndented chairman", "chairman", (1, 13, 1, 21, 12, 20)),
    ],
)
def test_locations(text: str, term: str, where: tuple[int, ...]) -> None:
    source = read_text(text, "t.txt")
    block = source.blocks[-1]
    start = block.text.index(term)
    loc = source.locate(block, start, start + len(term))
    assert (loc.line, loc.column, loc.end_line, loc.end_column, loc.start, loc.end) == where


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.md", "markdown"),
        ("dir.x/A.MD", "markdown"),
        ("a.markdown", "markdown"),
        ("a.mdown", "markdown"),
        ("a.mkd", "markdown"),
        ("a.txt", "plain"),
        ("a.TEXT", "plain"),
        ("a.rst", None),
        ("README", None),
        (".md", None),
    ],
)
def test_reader_for(name: str, kind: str | None) -> None:
    assert reader_for(name) == kind


def test_extensions() -> None:
    assert {".md", ".markdown", ".mdown", ".mkd", ".txt", ".text"} <= set(EXTENSIONS)
    assert all(e == e.lower() and e.startswith(".") for e in EXTENSIONS)


@pytest.mark.parametrize(
    ("name", "blocks"),
    [
        ("doc.txt", ["# Title", "Some *text*"]),
        ("doc.md", ["Title", "Some text"]),
        ("notes", ["# Title", "Some *text*"]),  # unknown extensions read as plain text
    ],
)
def test_read_path_by_extension(tmp_path: Path, name: str, blocks: list[str]) -> None:
    path = tmp_path / name
    path.write_bytes(b"# Title\r\n\r\nSome *text*\r\n")
    source = read_path(str(path))
    assert source.path == str(path)
    assert [b.text for b in source.blocks] == blocks
    assert_exact(source)


def test_read_text_rejects_unknown_kind() -> None:
    with pytest.raises(ReaderError) as err:
        read_text("x", "in.docx", "docx")
    assert str(err.value) == "in.docx: cannot read 'docx' input as text"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \r\n\t", max_size=40))
def test_line_bounds_are_where_each_line_break_splits(text: str) -> None:
    starts, ends = [0], []
    for found in re.finditer(r"\r\n|\r|\n", text):
        ends.append(found.start())
        starts.append(found.end())
    ends.append(len(text))
    assert line_bounds(text) == (starts, ends)
