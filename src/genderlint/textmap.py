"""Prose extracted from a document, with the map back to source positions.

A reader turns a file into a :class:`SourceText`: the decoded source plus a list of
:class:`Block` objects (paragraphs, headings, table cells ...). Each block's prose is the
concatenation of :class:`Piece` objects, and every piece is a verbatim slice of the source,
so an offset in a block maps back to the source exactly. Detection only ever sees block
text; locations are computed here and nowhere else.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from genderlint.findings import Location


@dataclass(frozen=True)
class Piece:
    """``text`` is the prose; it starts at ``source_start`` in the source text."""

    source_start: int
    text: str


@dataclass
class Block:
    """One unit of prose checked on its own (a paragraph, heading, list item, cell)."""

    pieces: list[Piece]
    kind: str = "paragraph"
    meta: dict[str, object] = field(default_factory=dict)
    _text: str | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(p.text for p in self.pieces)
        return self._text

    def to_source(self, offset: int) -> int:
        """Map an offset in :attr:`text` to an offset in the source text."""
        if self._starts is None:
            starts, pos = [], 0
            for piece in self.pieces:
                starts.append(pos)
                pos += len(piece.text)
            self._starts = starts
        if not self.pieces:
            return 0
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return self.pieces[i].source_start + (offset - self._starts[i])

    def to_source_end(self, offset: int) -> int:
        """Map an exclusive end offset (so an end at a piece boundary stays in that piece)."""
        if offset <= 0:
            return self.to_source(0)
        return self.to_source(offset - 1) + 1


@dataclass(frozen=True)
class Directive:
    """An inline suppression comment: ``kind`` is disable, enable or disable-next-line."""

    line: int
    kind: str
    rule_ids: tuple[str, ...] = ()


Locator = Callable[["SourceText", Block, int, int], Location]


@dataclass
class SourceText:
    """A document as genderlint sees it."""

    path: str
    source: str
    blocks: list[Block]
    directives: list[Directive] = field(default_factory=list)
    locator: Locator | None = None
    _line_starts: list[int] | None = field(default=None, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset, in code points."""
        if self._line_starts is None:
            starts = [0]
            text = self.source
            i = text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def locate(self, block: Block, start: int, end: int) -> Location:
        """Location of ``block.text[start:end]``."""
        if self.locator is not None:
            return self.locator(self, block, start, end)
        s = block.to_source(start)
        e = block.to_source_end(end)
        line, col = self.line_col(s)
        end_line, end_col = self.line_col(e)
        return Location(line, col, end_line, end_col, s, e)


def plain_blocks(source: str, skip_lines: set[int] | None = None) -> list[Block]:
    """Split text into paragraph blocks at blank lines; each line is one piece.

    ``skip_lines`` (0-based) are left out, as if blank (used for directive lines).
    """
    blocks: list[Block] = []
    pieces: list[Piece] = []
    pos = 0
    for index, line in enumerate(source.splitlines(keepends=True)):
        body = line.rstrip("\r\n")
        if not body.strip() or (skip_lines and index in skip_lines):
            if pieces:
                blocks.append(Block(pieces))
                pieces = []
        else:
            if pieces:
                # the line break inside a paragraph reads as a space
                pieces.append(Piece(pos - 1, " "))
            pieces.append(Piece(pos, body))
        pos += len(line)
    if pieces:
        blocks.append(Block(pieces))
    return blocks
