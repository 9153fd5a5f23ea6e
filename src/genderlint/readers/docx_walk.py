"""Word paragraphs as a reader sees them: text joined across runs, with a map from each
character back to the XML node it came from.

Inserted text (``w:ins``) is read, deleted text (``w:del``) is not; hyperlinks, content
controls and field results are read, field codes are not. A tab reads as ``\\t``, a line or
page break as a space. Text boxes anchored in a paragraph are returned separately so the
reader can treat their paragraphs as paragraphs of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from genderlint.docx.package import MC_NS, w

_CHARS = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): " ",
    w("cr"): " ",
    w("noBreakHyphen"): "-",
}
# containers whose runs are read as part of the paragraph
_INLINE = {
    w("ins"),
    w("moveTo"),
    w("hyperlink"),
    w("smartTag"),
    w("customXml"),
    w("sdtContent"),
    w("dir"),
    w("bdo"),
}
_DELETED = {w("del"), w("moveFrom")}
_CHOICE = f"{{{MC_NS}}}Choice"
_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
_FALLBACK = f"{{{MC_NS}}}Fallback"
_TXBX = w("txbxContent")
_FALSE = {"0", "false", "off"}


@dataclass
class Segment:
    """``text`` (one ``w:t``, or one tab/break character) starts at ``start`` in the paragraph."""

    start: int
    text: str
    node: etree._Element
    run: etree._Element
    editable: bool  # False inside a field result, whose text Word regenerates
    own_deleted: bool = False  # inside a deletion this tool made (see Own)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Own:
    """Tracked changes made by the annotator: read as if not made (original text)."""

    insertions: set[etree._Element] = field(default_factory=set)
    deletions: set[etree._Element] = field(default_factory=set)


@dataclass
class ParaText:
    text: str
    segments: list[Segment]
    boxes: list[etree._Element]  # w:txbxContent elements anchored in the paragraph


class _Walk:
    def __init__(self, fields: list[str], own: Own | None) -> None:
        self.fields = fields  # complex-field state carried across paragraphs
        self.own = own
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.boxes: list[etree._Element] = []
        self.pos = 0

    def container(self, el: etree._Element, simple_field: bool, deleted: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == w("r"):
                self.run(child, simple_field, deleted)
            elif tag in _INLINE or tag == w("sdt"):
                if self.own is not None and child in self.own.insertions:
                    continue
                self.container(child, simple_field, deleted)
            elif tag == w("fldSimple"):
                self.container(child, True, deleted)
            elif tag in _DELETED:
                if self.own is not None and child in self.own.deletions:
                    self.container(child, simple_field, True)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self.container(choice, simple_field, deleted)

    def run(self, r: etree._Element, simple_field: bool, deleted: bool) -> None:
        hidden = _hidden(r)
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                self.field_char(child.get(w("fldCharType"), ""))
            elif hidden:
                continue
            elif tag == w("t") or (deleted and tag == w("delText")):
                if "instr" not in self.fields:
                    self.add(child.text or "", child, r, simple_field, deleted)
            elif tag in _CHARS:
                if "instr" not in self.fields:
                    self.add(_CHARS[tag], child, r, simple_field, deleted)
            elif tag in (w("drawing"), w("pict"), w("object"), _ALTERNATE):
                self.boxes.extend(text_boxes(child))

    def field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append("instr")
        elif kind == "separate" and self.fields:
            self.fields[-1] = "result"
        elif kind == "end" and self.fields:
            self.fields.pop()

    def add(
        self,
        text: str,
        node: etree._Element,
        run: etree._Element,
        simple_field: bool,
        deleted: bool,
    ) -> None:
        if not text:
            return
        editable = not simple_field and "result" not in self.fields
        self.segments.append(Segment(self.pos, text, node, run, editable, deleted))
        self.parts.append(text)
        self.pos += len(text)


def read_paragraph(
    p: etree._Element, fields: list[str] | None = None, own: Own | None = None
) -> ParaText:
    """The paragraph's text and segments. ``fields`` is the open-field stack at its start
    and is updated in place; ``own`` switches to the annotator's original-text view."""
    walk = _Walk(fields if fields is not None else [], own)
    walk.container(p, False, False)
    return ParaText("".join(walk.parts), walk.segments, walk.boxes)


def text_boxes(el: etree._Element) -> Iterator[etree._Element]:
    """Outermost ``w:txbxContent`` below ``el``, skipping ``mc:Fallback`` duplicates."""
    for child in el:
        if child.tag == _TXBX:
            yield child
        elif child.tag == _FALLBACK:
            continue
        elif child.tag == _ALTERNATE:
            choice = child.find(_CHOICE)
            if choice is not None:
                yield from text_boxes(choice)
        else:
            yield from text_boxes(child)


def _hidden(r: etree._Element) -> bool:
    rpr = r.find(w("rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(w("vanish"))
    return vanish is not None and vanish.get(w("val"), "true") not in _FALSE
