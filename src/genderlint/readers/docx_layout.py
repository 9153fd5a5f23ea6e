"""Paragraphs of one Word story in reading order, with where each sits: table cell (nested
tables included, merged cells once) or text box."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from lxml import etree

from genderlint.docx.package import MC_NS, w
from genderlint.readers.docx_walk import ParaText, read_paragraph

_CHOICE = f"{{{MC_NS}}}Choice"
_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml")}


@dataclass(frozen=True)
class Place:
    """Where a paragraph sits inside its story."""

    table: int = 0  # 1-based number of the outermost table in the story, 0 outside tables
    cells: tuple[tuple[int, int], ...] = ()  # (row, column) per table level, outermost first
    textbox: bool = False


@dataclass
class Para:
    element: etree._Element
    text: ParaText
    place: Place
    fields: tuple[str, ...]  # open-field stack at the paragraph's start


class _State:
    def __init__(self) -> None:
        self.fields: list[str] = []
        self.tables = 0


def paragraphs(container: etree._Element) -> Iterator[Para]:
    """Every ``w:p`` of a story (body, header, footer or one note), in reading order; the
    paragraphs of a text box follow the paragraph the box is anchored in."""
    yield from _blocks(container, Place(), _State())


def _blocks(container: etree._Element, place: Place, state: _State) -> Iterator[Para]:
    for child in container:
        tag = child.tag
        if tag == w("p"):
            fields = tuple(state.fields)
            text = read_paragraph(child, state.fields)
            yield Para(child, text, place, fields)
            for box in text.boxes:
                yield from _blocks(box, replace(place, textbox=True), _State())
        elif tag == w("tbl"):
            if not place.cells:
                state.tables += 1
            number = place.table or state.tables
            yield from _table(child, replace(place, table=number), state)
        elif tag in _WRAPPERS:
            yield from _blocks(child, place, state)
        elif tag == _ALTERNATE:
            choice = child.find(_CHOICE)
            if choice is not None:
                yield from _blocks(choice, place, state)


def _table(tbl: etree._Element, place: Place, state: _State) -> Iterator[Para]:
    for row_number, tr in enumerate(_children(tbl, "tr"), 1):
        column = _int(tr.find(f"{w('trPr')}/{w('gridBefore')}"), 0)
        for tc in _children(tr, "tc"):
            tcpr = tc.find(w("tcPr"))
            span = max(_int(tcpr.find(w("gridSpan")) if tcpr is not None else None, 1), 1)
            if not _continues_merge(tcpr):
                cell = replace(place, cells=(*place.cells, (row_number, column + 1)))
                yield from _blocks(tc, cell, state)
            column += span


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, looking through content controls."""
    for child in el:
        if child.tag == w(tag):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _continues_merge(tcpr: etree._Element | None) -> bool:
    """A cell covered by the merged cell above or to its left: its content is not shown."""
    if tcpr is None:
        return False
    for name in ("vMerge", "hMerge"):
        el = tcpr.find(w(name))
        if el is not None and el.get(w("val"), "continue") != "restart":
            return True
    return False


def _int(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(w("val"), default))
    except ValueError:
        return default
