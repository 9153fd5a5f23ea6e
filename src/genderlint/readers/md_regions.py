"""The parts of a Markdown document that can hold a finding, so that only they are parsed.

A document splits into top-level *chunks* before every line that starts at column 0 after
a blank line, except inside fenced code and HTML blocks that may hold blank lines
(comments, ``<pre>``, ...): no CommonMark block crosses such a boundary. A chunk where
the first pass finds a place a finding may start is kept, with the chunks it reads in (the
chunk before it, and for a list the chunks back to its lead-in), and so are all chunks with
headings (glossary sections start at headings). The other chunks' lines are left empty,
so line numbers, and with them every source position, stay as they are. A document with
reference definitions or suppression comments, which reach across the whole document, is
parsed whole.
"""

from __future__ import annotations

import re
from typing import Protocol

_LINE_BREAK = re.compile(r"\r\n?|\n")
_FENCE = re.compile(r" {0,3}(?:(`{3,})[^`]*|(~{3,}).*)$")
_FENCE_CLOSE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")
_HTML = (  # (start of an HTML block that may span blank lines, its end)
    (
        re.compile(r" {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
        "</(?:script|pre|style|textarea)>",
    ),
    (re.compile(r" {0,3}<!--"), "-->"),
    (re.compile(r" {0,3}<\?"), r"\?>"),
    (re.compile(r" {0,3}<!\[CDATA\["), r"\]\]>"),
    (re.compile(r" {0,3}<![A-Za-z]"), ">"),
)
_HEADING = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)")
# a chunk starting like this holds no lead-in or heading (a list, a table, HTML, code, a
# rule): the context of a chunk after it reaches further back
_NOT_PROSE = re.compile(
    r" {0,3}(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\||<|`{3}|~{3}|(?:[-*_][ \t]*){3,}$)"
)
WHOLE_DOCUMENT = ("]:", "genderlint-")  # reference definitions, suppression comments


def chunk_starts(lines: list[str]) -> list[int]:
    """The first line of each top-level chunk."""
    starts = [0]
    fence: tuple[str, int] | None = None  # (marker character, length) of an open fence
    html_end: re.Pattern[str] | None = None
    blank_before = False
    for i, line in enumerate(lines):
        if fence is not None:
            close = _FENCE_CLOSE.match(line)
            if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= fence[1]:
                fence = None
            blank_before = False
            continue
        if html_end is not None:
            if html_end.search(line):
                html_end = None
            blank_before = False
            continue
        blank = not line.strip()
        if blank_before and not blank and not line[0].isspace():
            starts.append(i)
        if not blank:
            fence, html_end = _opens(line)
        blank_before = blank
    return starts


def _opens(line: str) -> tuple[tuple[str, int] | None, re.Pattern[str] | None]:
    """The fence or multi-line HTML block this line opens, if any."""
    opened = _FENCE.match(line)
    if opened:
        marker = opened.group(1) or opened.group(2)
        return (marker[0], len(marker)), None
    for start, end in _HTML:
        found = start.match(line)
        if found:
            end_pattern = re.compile(end, re.I)
            return None, None if end_pattern.search(line, found.end()) else end_pattern
    return None, None


class RawPass(Protocol):
    """The first pass over raw Markdown (see :func:`genderlint.prefilter.loosen`)."""

    def __call__(self, raw: str) -> bool:
        """False: no finding can be in this text."""

    def hit_regions(
        self, raw: str, first_lines: list[int], end_line: int | None = None
    ) -> set[int]:
        """The regions of ``raw`` where a finding may start; region ``k`` starts at line
        ``first_lines[k]`` (lines count from 0), the last ends at line ``end_line`` (None:
        at the end of ``raw``)."""


def kept_chunks(text: str, first_pass: RawPass | None) -> tuple[list[str], list[int], list[bool]]:
    """The lines of ``text``, the first line of each top-level chunk, and whether each
    chunk is kept: can hold a finding or is read by one that can (every chunk without
    ``first_pass``)."""
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
    starts = chunk_starts(lines)
    if first_pass is None:
        return lines, starts, [True] * len(starts)
    if any(marker in text for marker in WHOLE_DOCUMENT):
        return lines, starts, [first_pass(text)] * len(starts)
    joined = "\n".join(lines)
    if _mostly_candidates(first_pass, joined, starts):
        return lines, starts, [True] * len(starts)
    bounds = [*starts, len(lines)]
    keep = [False] * len(starts)
    for k in range(len(starts)):
        if any(_HEADING.match(line) for line in lines[bounds[k] : bounds[k + 1]]):
            keep[k] = True
    context = _context_starts(lines, starts)
    marked = 0  # chunks before this one are marked already (context starts never go back)
    for k in sorted(first_pass.hit_regions(joined, starts)):
        first = max(context[k], marked)
        keep[first : k + 1] = [True] * (k + 1 - first)
        marked = max(marked, k + 1)
    return lines, starts, keep


PROBED_CHUNKS = 8


def _mostly_candidates(first_pass: RawPass, text: str, starts: list[int]) -> bool:
    """Whether at least half of the first chunks may hold a finding. Then nearly every
    chunk is kept (each keeps the one before it too), and finding the few that could be
    left out costs more than parsing them: such a document is parsed whole."""
    if len(starts) <= PROBED_CHUNKS:
        return False
    probed = first_pass.hit_regions(text, starts[:PROBED_CHUNKS], starts[PROBED_CHUNKS])
    return len(probed) >= PROBED_CHUNKS // 2


def _context_starts(lines: list[str], starts: list[int]) -> list[int]:
    """For each chunk, the first chunk it reads in: the one before it, and back over lists,
    tables and code to the paragraph or heading before them (one pass: a long list of
    items with findings must not cost its length squared)."""
    out = [0] * len(starts)
    last = 0  # the latest chunk so far that starts a paragraph or heading
    for k in range(1, len(starts)):
        if not _NOT_PROSE.match(lines[starts[k - 1]]):
            last = k - 1
        out[k] = last
    return out
