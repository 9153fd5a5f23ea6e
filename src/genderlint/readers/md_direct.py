"""Chunks of Markdown read without the parser, with the blocks the parser would give.

Much policy prose is plain: paragraphs with no inline markup, one-line headings and simple
bullet lists. A top-level chunk (see :mod:`genderlint.readers.md_regions`) whose lines are,
in this order, at most one ATX heading, plain paragraph lines and the items of one bullet
list, each item on one line, is read here directly. Each line must start with a letter (no
block but a paragraph starts with one), end with a non-space character (no hard break,
nothing the parser strips) and hold no character an inline rule reacts to, so the parser
would read it as one text token. Anything else returns None and goes to the parser.
"""

from __future__ import annotations

import re

from genderlint.readers.md_inline import drop_links
from genderlint.textmap import Block, Piece

# characters markdown-it leaves inside a text token (tabs, CR and NUL it rewrites)
_TEXT = r"[^\\`*_\[\]<>&|~\t\r\x00]"
_PARAGRAPH = re.compile(rf"[^\W\d_]{_TEXT}*(?<=\S)")
_ITEM = re.compile(rf"([-+*]) (?=[^\W\d_]){_TEXT}*(?<=\S)")
# one space after the marks and no "#" in the title (a closing sequence is stripped)
_HEADING = re.compile(rf"(#{{1,6}}) (?=[^\s#])(?:(?!#){_TEXT})*(?<=\S)")


def direct_blocks(
    lines: list[str], first: int, end: int, starts: list[int], ends: list[int]
) -> list[tuple[int, Block]] | None:
    """The blocks of the chunk ``lines[first:end]`` with their first lines, or None when
    the parser has to read it. ``starts``/``ends`` are the source's line bounds; the
    chunk's non-blank lines must be the source's lines as they are."""
    last = end
    while last > first and not lines[last - 1].strip():
        last -= 1
    blocks: list[tuple[int, Block]] = []
    i = first
    heading = _HEADING.fullmatch(lines[i]) if i < last else None
    if heading is not None:
        level = len(heading.group(1))
        piece = Piece(starts[i] + level + 1, lines[i][level + 1 :])
        blocks.append((i, Block(drop_links([piece]), "heading", {"level": level})))
        i += 1
    opened = i
    pieces: list[Piece] = []
    while i < last and _PARAGRAPH.fullmatch(lines[i]):
        if pieces:  # a soft line break reads as a space at the line ending
            pieces.append(Piece(ends[i - 1], " "))
        pieces.append(Piece(starts[i], lines[i]))
        i += 1
    if pieces:
        blocks.append((opened, Block(drop_links(pieces), "paragraph", {})))
    marker = ""
    while i < last and (item := _ITEM.fullmatch(lines[i])) and marker in ("", item.group(1)):
        marker = item.group(1)  # another bullet character starts another list: parser
        piece = Piece(starts[i] + 2, lines[i][2:])
        blocks.append((i, Block(drop_links([piece]), "list-item", {})))
        i += 1
    if i != last:
        return None
    # a block that is all bare URL is no prose (as the parser's reader decides)
    return [(n, b) for n, b in blocks if any(not p.text.isspace() for p in b.pieces)]
