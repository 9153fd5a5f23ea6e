"""Inline Markdown tokens to pieces of prose at exact source offsets.

The Markdown parser is set up (see :mod:`genderlint.readers.markdown`) so that every token
an inline rule pushes carries ``meta[SPAN]``: its ``(start, end)`` in the inline content.
Literal text between such tokens has no span; it starts where the previous token ended.
A :class:`Segments` map turns inline-content offsets into source offsets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from genderlint.readers.directives import comment_directives
from genderlint.textmap import Directive, Piece

SPAN = "genderlint_span"
# tags that separate words when rendered; other inline tags (<b>, <em> ...) do not
_BREAKING_TAG = re.compile(r"</?(?:br|p|div|hr|img|li|td|th|tr|table)\b", re.IGNORECASE)
_LINKISH = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
_TRAILING = ".,;:!?'\"]}*_"


class Segments:
    """Map offsets of inline content to source offsets, one linear segment at a time."""

    __slots__ = ("deltas", "eols", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.deltas: list[int | None] = []
        self.eols: list[int] = []  # source offset of the line ending closing each segment

    def add(self, content_start: int, delta: int | None, eol: int = -1) -> None:
        self.starts.append(content_start)
        self.deltas.append(delta)
        self.eols.append(eol)

    def index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def __call__(self, offset: int) -> int | None:
        delta = self.deltas[self.index(offset)]
        return None if delta is None else offset + delta


class InlineWalker:
    """Collect the prose pieces and directives of one inline token."""

    def __init__(
        self, source: str, content: str, seg: Segments, line_of: Callable[[int], int]
    ) -> None:
        self.source, self.content, self.seg, self.line_of = source, content, seg, line_of
        self.pieces: list[Piece] = []
        self.directives: list[Directive] = []
        self.unmapped = 0
        self._last_verbatim = False

    def walk(self, children: list[Any], base: int = 0) -> None:
        """Walk inline children whose spans are relative to ``base`` in the content."""
        cursor, in_autolink = base, False
        for tok in children:
            kind, span = tok.type, tok.meta.get(SPAN)
            if in_autolink:  # its text is a URL, not prose
                if kind == "link_close":
                    in_autolink = False
                    cursor = base + span[1] if span else cursor
                continue
            if span is None:
                if kind == "text" and tok.content:
                    self._text(cursor, tok.content)
                    cursor += len(tok.content)
                elif kind == "link_open" and tok.markup == "autolink":
                    in_autolink = True
                continue
            start = base + span[0]
            if kind == "text" and tok.content:
                self._text(start, tok.content)
            elif kind == "text_special":
                self._special(start, tok.content, tok.markup, tok.info)
            elif kind in ("softbreak", "hardbreak"):
                self._add(self.seg.eols[self.seg.index(self.content.find("\n", start))], " ")
            elif kind == "code_inline":
                self._space(start)
            elif kind == "html_inline":
                self._html(start, tok.content)
            elif kind == "image":
                self.walk(tok.children or [], start + 2)
            cursor = base + span[1]

    def _text(self, offset: int, text: str) -> None:
        if not self.content.startswith(text, offset):
            offset = self.content.find(text, offset)
            if offset < 0:
                self.unmapped += 1
                return
        seg, first, end = self.seg, offset, offset + len(text)
        j = seg.index(offset)
        while offset < end:  # a text may cross segments (an unescaped "\|" in a table cell)
            stop = min(seg.starts[j + 1], end) if j + 1 < len(seg.starts) else end
            part = text[offset - first : stop - first]
            delta = seg.deltas[j]
            if delta is None or not self.source.startswith(part, offset + delta):
                self.unmapped += 1
                return
            self._add(offset + delta, part, verbatim=True)
            offset, j = stop, j + 1

    def _special(self, offset: int, text: str, markup: str, info: str) -> None:
        if info == "escape":
            # "\*" reads as the "*" after the backslash
            self._text(offset if text == markup else offset + 1, text)
        elif self.content.startswith(text, offset):
            self._text(offset, text)  # "&amp;" reads as its own "&"
        else:
            self._space(offset)  # any other entity separates words, never joins them

    def _html(self, offset: int, html: str) -> None:
        if html.startswith("<!--"):
            pos = self.seg(offset)
            if pos is not None:
                self.directives.extend(comment_directives(html, self.line_of(pos)))
        elif _BREAKING_TAG.match(html):
            self._space(offset)

    def _space(self, offset: int) -> None:
        pos = self.seg(offset)
        if pos is not None:
            self._add(pos, " ")

    def _add(self, pos: int, text: str, verbatim: bool = False) -> None:
        pieces = self.pieces
        if verbatim and self._last_verbatim:
            last = pieces[-1]
            if last.source_start + len(last.text) == pos:
                pieces[-1] = Piece(last.source_start, last.text + text)
                return
        pieces.append(Piece(pos, text))
        self._last_verbatim = verbatim


def drop_links(pieces: list[Piece]) -> list[Piece]:
    """Remove bare URLs and e-mail addresses from the prose."""
    text = "".join(p.text for p in pieces)
    if "://" not in text and "www." not in text and "@" not in text:
        return pieces
    spans = []
    for m in _LINKISH.finditer(text):
        end = m.end()
        while end > m.start() and (
            text[end - 1] in _TRAILING
            or (
                text[end - 1] == ")"
                and text.count("(", m.start(), end) < text.count(")", m.start(), end)
            )
        ):
            end -= 1
        spans.append((m.start(), end))
    return cut(pieces, spans) if spans else pieces


def cut(pieces: list[Piece], spans: list[tuple[int, int]]) -> list[Piece]:
    """Pieces without the text offsets in ``spans`` (sorted, not overlapping)."""
    out: list[Piece] = []
    offset = index = 0
    for piece in pieces:
        first, last = offset, offset + len(piece.text)
        offset = last
        keep_from = first
        while index < len(spans) and spans[index][0] < last:
            start, end = spans[index]
            if start > keep_from:
                out.append(
                    Piece(
                        piece.source_start + keep_from - first,
                        piece.text[keep_from - first : start - first],
                    )
                )
            keep_from = max(keep_from, min(end, last))
            if end > last:
                break
            index += 1
        if keep_from < last:
            out.append(
                Piece(piece.source_start + keep_from - first, piece.text[keep_from - first :])
            )
    return out
