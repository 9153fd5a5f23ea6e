"""Prose extracted from a document, with the map back to source positions.

A reader turns a file into a :class:`SourceText`: the decoded source plus a list of
:class:`Block` objects (paragraphs, headings, table cells ...). Each block's prose is the
concatenation of :class:`Piece` objects, and every piece is a verbatim slice of the source,
so an offset in a block maps back to the source exactly. Detection only ever sees block
text; locations are computed here and nowhere else.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from genderlint.findings import Location

_LINE_END = re.compile(r"\r\n|\r|\n")


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
        if len(self.pieces) == 1:  # most blocks: one slice of the source, nothing to map
            return self.pieces[0].source_start + offset
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
        if len(self.pieces) == 1:  # no piece boundary for the end to stay before
            return self.pieces[0].source_start + offset
        return self.to_source(offset - 1) + 1


@dataclass(frozen=True)
class Directive:
    """An inline suppression comment: ``kind`` is disable, enable, disable-next-line or
    disable-line (see :mod:`genderlint.suppress`)."""

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
        starts = self._lines()
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def _lines(self) -> list[int]:
        """The offset each line starts at (CRLF, LF and old Mac CR all end a line)."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _LINE_END.finditer(self.source))]
        return self._line_starts

    def locate(self, block: Block, start: int, end: int) -> Location:
        """Location of ``block.text[start:end]``."""
        if self.locator is not None:
            return self.locator(self, block, start, end)
        s = block.to_source(start)
        e = block.to_source_end(end)
        line, col = self.line_col(s)
        starts = self._lines()
        if line == len(starts) or e < starts[line]:  # ends on the line it starts on
            return Location(line, col, line, col + e - s, s, e)
        end_line, end_col = self.line_col(e)
        return Location(line, col, end_line, end_col, s, e)
