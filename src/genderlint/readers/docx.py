"""Word .docx reader: every paragraph of the body (tables and text boxes included), headers,
footers, footnotes and endnotes becomes one block.

``SourceText.source`` is the paragraph texts joined by newlines, so pieces are verbatim
slices of it. Locations are in Word terms: ``line`` is the paragraph number (counted over all
paragraphs of the body, empty ones included, or within one header, footer or note),
``column`` the 1-based character offset in the paragraph, ``start``/``end`` index the
paragraph's text, and ``extra`` names the part, nearest heading, table cell and note.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from genderlint.docx.package import Story, WordPackage, w
from genderlint.findings import Location
from genderlint.readers.docx_layout import Para, Place, paragraphs
from genderlint.readers.docx_styles import Styles
from genderlint.textmap import Block, Piece, SourceText

HEADING_CHARS = 60
_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass
class DocxRef:
    """Where a block came from, for locations and for the annotator."""

    story: Story
    para: Para
    number: int  # paragraph number within the story
    extra: dict[str, Any]  # Location.extra without "display"
    where: str  # the display position without its column
    kind: str  # block kind: heading, list-item, table-cell, paragraph


def read_docx(path: str) -> SourceText:
    """Read a .docx file; raises ReaderError for anything that is not a safe Word file."""
    with WordPackage(path) as pkg:
        return read_package(pkg)


def read_package(pkg: WordPackage) -> SourceText:
    """Blocks of an open package; each block's ``meta["docx"]`` is its :class:`DocxRef`."""
    blocks: list[Block] = []
    texts: list[str] = []
    pos = 0
    for ref in _refs(pkg):
        text = ref.para.text.text
        if not text.strip():
            continue
        blocks.append(Block([Piece(pos, text)], kind=ref.kind, meta={"docx": ref}))
        texts.append(text)
        pos += len(text) + 1
    return SourceText(pkg.path, "\n".join(texts), blocks, locator=locate)


def locate(source: SourceText, block: Block, start: int, end: int) -> Location:
    """Location of ``block.text[start:end]``; ``extra["display"]`` is e.g. ``¶12 [3.1 ...]:34``."""
    ref = docx_ref(block)
    extra = dict(ref.extra)
    extra["display"] = f"{ref.where}:{start + 1}"
    return Location(ref.number, start + 1, ref.number, end + 1, start, end, extra)


def docx_ref(block: Block) -> DocxRef:
    """The :class:`DocxRef` of a block made by this reader."""
    ref = block.meta["docx"]
    if not isinstance(ref, DocxRef):
        raise TypeError("not a block of a Word document")
    return ref


def block_key(extra: Mapping[str, Any]) -> Hashable:
    """Identifies a paragraph from a location's ``extra`` (used to map findings to blocks)."""
    return tuple(
        extra.get(key) for key in ("part", "section", "type", "footnote", "endnote", "paragraph")
    )


def _refs(pkg: WordPackage) -> Iterator[DocxRef]:
    styles = Styles(pkg)
    for story in pkg.stories():
        if story.kind == "body":
            yield from _body(story, styles)
        elif story.kind in ("header", "footer"):
            base = {"part": story.kind, "section": story.section, "type": story.type}
            yield from _plain(story, story.root, styles, base, story.label)
        else:
            kind = story.kind[:-1]  # footnote | endnote
            numbers = _note_numbers(pkg.body, kind)
            for note in story.root.findall(w(kind)):
                if note.get(w("type")) in _NOTE_SKIP:
                    continue
                note_id = note.get(w("id"), "")
                number = numbers.get(note_id, note_id)
                base = {"part": kind, kind: number}
                yield from _plain(story, note, styles, base, f"{kind} {number}")


def _body(story: Story, styles: Styles) -> Iterator[DocxRef]:
    heading = ""
    body = story.root.find(w("body"))
    if body is None:
        return
    for number, para in enumerate(paragraphs(body), 1):
        level = styles.heading_level(para.element)
        extra: dict[str, Any] = {"part": "body", "paragraph": number}
        where = f"¶{number}"
        if heading:
            extra["heading"] = heading
            where += f" [{heading}]"
        where += _place(para.place, extra)
        yield DocxRef(story, para, number, extra, where, _kind(para, styles, level))
        if level is not None and not para.place.textbox:
            heading = _short(para.text.text) or heading


def _plain(
    story: Story,
    root: etree._Element,
    styles: Styles,
    base: dict[str, Any],
    label: str,
) -> Iterator[DocxRef]:
    for number, para in enumerate(paragraphs(root), 1):
        extra = {**base, "paragraph": number}
        where = f"{label} ¶{number}" + _place(para.place, extra)
        kind = _kind(para, styles, styles.heading_level(para.element))
        yield DocxRef(story, para, number, extra, where, kind)


def _place(place: Place, extra: dict[str, Any]) -> str:
    """Adds table and text box fields to ``extra``; returns their display suffix."""
    where = ""
    if place.cells:
        row, column = place.cells[0]
        table: dict[str, Any] = {"number": place.table, "row": row, "column": column}
        if len(place.cells) > 1:
            table["nested"] = [{"row": r, "column": c} for r, c in place.cells[1:]]
        extra["table"] = table
        where += f" table {place.table} " + " > ".join(f"R{r}C{c}" for r, c in place.cells)
    if place.textbox:
        extra["textbox"] = True
        where += " text box"
    return where


def _kind(para: Para, styles: Styles, level: int | None) -> str:
    if level is not None:
        return "heading"
    if styles.is_list(para.element):
        return "list-item"
    return "table-cell" if para.place.cells else "paragraph"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= HEADING_CHARS else text[: HEADING_CHARS - 1].rstrip() + "…"


def _note_numbers(body: etree._Element, kind: str = "footnote") -> dict[str, int]:
    """Note id -> the number Word shows, by order of reference in the body."""
    numbers: dict[str, int] = {}
    for ref in body.iter(w(f"{kind}Reference")):
        if ref.get(w("customMarkFollows")) in ("1", "true", "on"):
            continue
        numbers.setdefault(ref.get(w("id"), ""), len(numbers) + 1)
    return numbers
