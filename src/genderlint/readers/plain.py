"""Plain text reader (``.txt``, ``.text``, standard input).

A block is a paragraph: lines up to a blank line. Each line's text (without its leading
and trailing whitespace) is one piece; the line break between two lines of a paragraph
reads as a single space mapped to the line ending. A line that holds only a suppression
directive (see :mod:`genderlint.readers.directives`), optionally after a comment leader
``#``, ``//``, ``--``, ``%`` or ``;`` or inside ``<!-- -->``, is not prose and ends the
paragraph like a blank line.
"""

from __future__ import annotations

import itertools
import operator
import re

from genderlint.readers.directives import line_directive
from genderlint.textmap import Block, Directive, Piece, SourceText

# the line breaks markdown-it also splits on, so both readers agree on lines
_BREAK = re.compile(r"\r\n|\r|\n")


def line_bounds(source: str) -> tuple[list[int], list[int]]:
    """Start offsets of the lines and the offsets where their line endings begin."""
    if "\r" not in source:  # one kind of line break: sums of line lengths, no Python loop
        lengths = itertools.accumulate(map(len, source.split("\n")))
        ends = list(map(operator.add, lengths, itertools.count()))
        return [0, *map(operator.add, ends[:-1], itertools.repeat(1))], ends
    starts, ends = [0], []
    for m in _BREAK.finditer(source):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(source))
    return starts, ends


def plain_paragraphs(source: str) -> tuple[list[Block], list[Directive]]:
    """Split plain text into paragraph blocks and collect its directive lines."""
    blocks: list[Block] = []
    directives: list[Directive] = []
    pieces: list[Piece] = []
    previous_end = 0
    starts, ends = line_bounds(source)
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        line = source[start:end]
        body = line.strip()
        directive = line_directive(body, index + 1) if body else None
        if directive is not None:
            directives.append(directive)
        if not body or directive is not None:
            if pieces:
                blocks.append(Block(pieces))
                pieces = []
            continue
        if pieces:
            pieces.append(Piece(previous_end, " "))
        pieces.append(Piece(start + len(line) - len(line.lstrip()), body))
        previous_end = end
    if pieces:
        blocks.append(Block(pieces))
    return blocks, directives


def read_plain(text: str, path: str = "<text>") -> SourceText:
    """Plain text as a :class:`SourceText`."""
    blocks, directives = plain_paragraphs(text)
    return SourceText(path, text, blocks, directives)
