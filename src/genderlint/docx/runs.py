"""Edits inside one Word paragraph: split runs at character offsets (copying their formatting),
anchor a comment on a character range, turn a range into a tracked replacement.

Offsets are in the paragraph's original text: changes already made here (recorded in
:class:`Own`) are read as if not made, so findings can be applied in any order.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from genderlint.docx.package import XML_SPACE, w
from genderlint.readers.docx_walk import Own, Segment, read_paragraph

# what a run may hold for its text to be replaced by a tracked change
_PLAIN_RUN = {
    w(tag) for tag in ("rPr", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen")
} | {w("lastRenderedPageBreak")}
# what may sit between the runs of a replaced range
_MARKERS = {
    w(tag)
    for tag in (
        "commentRangeStart",
        "commentRangeEnd",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "permStart",
        "permEnd",
    )
}
_PARENTS = {w(tag) for tag in ("p", "hyperlink", "smartTag", "customXml", "sdtContent")}


@dataclass
class Para:
    """A paragraph being edited, with what is needed to re-read it."""

    element: etree._Element
    fields: tuple[str, ...]
    own: Own

    def segments(self) -> list[Segment]:
        return read_paragraph(self.element, list(self.fields), self.own).segments

    def cut(self, start: int, end: int) -> list[Segment]:
        """Split runs so ``[start, end)`` is whole runs; return the range's segments."""
        for offset, after in ((end, True), (start, False)):
            for seg in self.segments():
                if (seg.start < offset <= seg.end) if after else (seg.start <= offset < seg.end):
                    _split_run(seg, offset - seg.start)
                    break
        return [s for s in self.segments() if s.start >= start and s.end <= end]


def _split_run(seg: Segment, k: int) -> None:
    """Split ``seg.run`` so the first ``k`` characters of ``seg`` end a run."""
    run, node = seg.run, seg.node
    children = list(run)
    i = children.index(node)
    left = k > 0 or any(c.tag != w("rPr") for c in children[:i])
    right = k < len(seg.text) or i + 1 < len(children)
    if not (left and right):
        return
    new = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(w("rPr"))
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    if 0 < k < len(seg.text):
        tail = node.makeelement(node.tag, {XML_SPACE: "preserve"})
        tail.text = (node.text or "")[k:]
        node.text = (node.text or "")[:k]
        node.set(XML_SPACE, "preserve")
        new.append(tail)
        moving = children[i + 1 :]
    else:
        moving = children[i:] if k == 0 else children[i + 1 :]
    for child in moving:
        new.append(child)
    run.addnext(new)


def anchor_comment(para: Para, segs: list[Segment], comment_id: int) -> None:
    """Put a comment range around ``segs`` (whole runs) and its reference after it."""
    first: etree._Element = segs[0].run
    last: etree._Element = segs[-1].run
    if first.getparent() in para.own.deletions:
        first = first.getparent()
    deletion = last.getparent()
    if deletion in para.own.deletions:
        following = deletion.getnext()
        last = following if following in para.own.insertions else deletion
    first.addprevious(first.makeelement(w("commentRangeStart"), {w("id"): str(comment_id)}))
    end = last.makeelement(w("commentRangeEnd"), {w("id"): str(comment_id)})
    last.addnext(end)
    end.addnext(reference_run(end, comment_id))


def reference_run(near: etree._Element, comment_id: int) -> etree._Element:
    run = near.makeelement(w("r"), {})
    rpr = etree.SubElement(run, w("rPr"))
    etree.SubElement(rpr, w("rStyle"), {w("val"): "CommentReference"})
    etree.SubElement(run, w("commentReference"), {w("id"): str(comment_id)})
    return run


@dataclass(frozen=True)
class Revision:
    id_del: int
    id_ins: int
    author: str
    date: str


def replace_tracked(para: Para, segs: list[Segment], text: str, rev: Revision) -> str:
    """Wrap ``segs`` in ``w:del`` and add ``w:ins`` holding ``text`` in the first run's
    formatting. Returns "" when done, else why the range cannot be replaced."""
    reason = _refusal(para, segs)
    if reason:
        return reason
    runs = list(dict.fromkeys(s.run for s in segs))
    first, last = runs[0], runs[-1]
    parent = first.getparent()
    span = list(parent)[parent.index(first) : parent.index(last) + 1]
    attrs = {w("author"): rev.author, w("date"): rev.date}
    deletion = first.makeelement(w("del"), {w("id"): str(rev.id_del), **attrs})
    first.addprevious(deletion)
    for el in span:
        deletion.append(el)
    for node in deletion.iter(w("t")):
        node.tag = w("delText")
    insertion = first.makeelement(w("ins"), {w("id"): str(rev.id_ins), **attrs})
    run = etree.SubElement(insertion, w("r"))
    rpr = first.find(w("rPr"))
    if rpr is not None:
        rpr = copy.deepcopy(rpr)
        for change in rpr.findall(w("rPrChange")):
            rpr.remove(change)
        run.append(rpr)
    node = etree.SubElement(run, w("t"), {XML_SPACE: "preserve"})
    node.text = text
    deletion.addnext(insertion)
    para.own.deletions.add(deletion)
    para.own.insertions.add(insertion)
    return ""


def _refusal(para: Para, segs: list[Segment]) -> str:
    if not segs:
        return "no text to replace"
    if any(s.own_deleted for s in segs):
        return "overlaps another change"
    if not all(s.editable for s in segs):
        return "the words are a field result"
    runs = list(dict.fromkeys(s.run for s in segs))
    parent = runs[0].getparent()
    if parent is not None and parent.tag in (w("ins"), w("moveTo")):
        return "the words are in another reviewer's tracked insertion"
    if parent is None or parent.tag not in _PARENTS:
        return "the words are inside a content control or other markup"
    if any(r.getparent() is not parent for r in runs):
        return "the words span a link or control boundary"
    siblings = list(parent)[parent.index(runs[0]) : parent.index(runs[-1]) + 1]
    for el in siblings:
        if el.tag == w("r"):
            if any(child.tag not in _PLAIN_RUN for child in el):
                return "the words hold a note reference, field or object"
        elif el.tag not in _MARKERS:
            return "the words span other markup"
    return ""
