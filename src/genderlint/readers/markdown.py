"""Markdown reader (CommonMark and tables, parsed with markdown-it-py).

Prose is read from headings, paragraphs (also inside lists and block quotes), table cells,
emphasis, link text and image alt text. Not prose: code blocks and inline code, HTML,
autolinks, bare URLs and e-mail addresses, link destinations and titles, reference
definitions and a leading YAML (``---``) or TOML (``+++``) front matter block.

Every block's pieces are verbatim slices of the source, so positions map back exactly
(CRLF, tabs, container prefixes included). Emphasis markers vanish (``police**man**``
reads ``policeman``), a soft or hard line break reads as one space mapped to the line
ending, and an inline code span as one space mapped to its first backtick. ``\\*`` reads
as the ``*`` after the backslash, ``&amp;`` as its ``&``; any other entity reads as a space.

Plain chunks (paragraphs, one-line headings and bullet lists without inline markup) are
read without the parser, with the same blocks it would give: see
:mod:`genderlint.readers.md_direct`.

Suppression directives are HTML comments, see :mod:`genderlint.readers.directives`:
``<!-- genderlint-disable [IDS] -->`` and ``<!-- genderlint-enable [IDS] -->`` switch rules
off and on by line; ``<!-- genderlint-disable-next-line [IDS] -->`` covers the line after
the comment, ``<!-- genderlint-disable-line [IDS] -->`` (at the end of a line) its own line.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import (
    autolink,
    backtick,
    emphasis,
    entity,
    escape,
    html_inline,
    image,
    link,
    newline,
)

from genderlint.readers.directives import comment_directives
from genderlint.readers.md_direct import direct_blocks
from genderlint.readers.md_inline import SPAN, InlineWalker, Segments, drop_links
from genderlint.readers.md_regions import RawPass, kept_chunks
from genderlint.readers.plain import line_bounds
from genderlint.textmap import Block, Directive, SourceText

_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_CONTAINER_KIND = {"list_item_open": "list-item", "blockquote_open": "blockquote"}


def _tracked(rule: Callable[[Any, bool], bool], how: str) -> Callable[[Any, bool], bool]:
    """Wrap an inline rule so that the tokens it pushes record their span in the content."""

    def tracked(state: Any, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        tokens, end = state.tokens, state.pos
        if len(tokens) > count:
            if how == "delimiters":  # one text token per marker character
                width = min(end - start, len(tokens) - count)
                for k, tok in enumerate(tokens[len(tokens) - width :]):
                    tok.meta[SPAN] = (start + k, start + k + 1)
            else:
                tokens[-1].meta[SPAN] = (start, end)
                if how == "link":  # the label's text starts after "["
                    for tok in tokens[count : count + 2]:
                        if tok.type == "link_open":
                            tok.meta[SPAN] = (start, start + 1)
        return True

    return tracked


@functools.cache
def markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    # keep escapes, entities and unused emphasis markers as tokens of their own
    md.disable(["text_join", "fragments_join"])
    rules = [
        ("newline", newline, "one"),
        ("escape", escape, "one"),
        ("backticks", backtick, "one"),
        ("emphasis", emphasis.tokenize, "delimiters"),
        ("link", link, "link"),
        ("image", image, "one"),
        ("autolink", autolink, "one"),
        ("html_inline", html_inline, "one"),
        ("entity", entity, "one"),
    ]
    for name, rule, how in rules:
        md.inline.ruler.at(name, _tracked(rule, how))
    return md


def _masked(source: str, starts: list[int], ends: list[int]) -> str:
    """The source as the parser sees it: no BOM, front matter lines left empty (every
    other line is the source's)."""
    text = source[1:] if source.startswith("\ufeff") else source
    closers = _FRONT_MATTER.get(source[starts[0] : ends[0]].lstrip("\ufeff").rstrip())
    # as in Pandoc, an opening line followed by a blank line is a thematic break instead
    if closers and len(starts) > 1 and source[starts[1] : ends[1]].strip():
        for j in range(1, len(starts)):
            if source[starts[j] : ends[j]].rstrip() in closers:
                if j + 1 == len(starts):
                    return "\n" * j
                return "\n" * (j + 1) + source[starts[j + 1] :]
    return text


def parse_markdown(
    source: str, first_pass: RawPass | None = None, direct: bool = True
) -> tuple[list[Block], list[Directive]]:
    """Prose blocks and suppression directives of a Markdown document; with
    ``first_pass``, only of the parts that can hold a finding. Plain chunks are read
    without the parser (see :mod:`genderlint.readers.md_direct`) unless ``direct`` is
    False; the blocks are the same."""
    starts, ends = line_bounds(source)

    def line_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos)

    def lines(content: str, first: int) -> Segments:
        # a content line is the end of its source line, minus container prefixes
        seg, offset = Segments(), 0
        for j, text in enumerate(content.split("\n")):
            line = min(first + j, len(starts) - 1)
            start, end = starts[line], ends[line]
            core, right = text.strip(), len(text.rstrip())
            src_right = start + len(source[start:end].rstrip())
            ok = source.endswith(core, start, src_right)
            seg.add(offset, src_right - right - offset if ok else None, end)
            offset += len(text) + 1
        return seg

    def found(content: str, line: int, after: int, cell: bool = False) -> Segments:
        # the table splitter unescapes "\|": each "|" of a cell stands one character later
        pipes = [i for i, c in enumerate(content) if c == "|"] if cell else []
        verbatim = content.replace("|", "\\|") if pipes else content
        seg, pos = Segments(), source.find(verbatim, after, ends[line])
        seg.add(0, pos if pos >= 0 else None, ends[line])
        for k, index in enumerate(pipes):
            seg.add(index, pos + k + 1 if pos >= 0 else None, ends[line])
        return seg

    blocks: list[Block] = []
    firsts: list[int] = []  # the first line of each block
    directives: list[Directive] = []
    containers: list[str] = []
    row = column = row_cursor = 0
    masked, chunks, kept = kept_chunks(_masked(source, starts, ends), first_pass)
    read, left = _read_directly(source, starts, ends, masked, chunks, kept, direct)
    tokens = markdown_parser().parse("\n".join(left)) if left else []
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "inline" and tok.map and tok.content:
            opener = tokens[i - 1]
            first = tok.map[0]
            meta: dict[str, object] = {}
            if opener.type == "paragraph_open":
                block_kind = _CONTAINER_KIND.get(containers[-1] if containers else "", "paragraph")
                seg = lines(tok.content, first)
            elif opener.type == "heading_open":
                block_kind, meta = "heading", {"level": int(opener.tag[1:])}
                if opener.markup.startswith("#"):
                    hashes = max(source.find("#", starts[first], ends[first]), starts[first])
                    while source.startswith("#", hashes):
                        hashes += 1
                    seg = found(tok.content, first, hashes)
                else:
                    seg = lines(tok.content, first)
            else:
                block_kind = "table-cell"
                meta = {"row": row, "column": column, "header": opener.type == "th_open"}
                seg = found(tok.content, first, row_cursor, cell=True)
                pos = seg(len(tok.content) - 1)
                row_cursor = row_cursor if pos is None else pos + 1
            walker = InlineWalker(source, tok.content, seg, line_of)
            walker.walk(tok.children or [])
            directives.extend(walker.directives)
            if walker.unmapped:
                meta["unmapped"] = walker.unmapped
            pieces = drop_links(walker.pieces)
            if any(not p.text.isspace() for p in pieces):
                blocks.append(Block(pieces, block_kind, meta))
                firsts.append(first)
        elif kind in _CONTAINER_KIND:
            containers.append(kind)
        elif kind in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif kind == "html_block" and tok.map:
            directives.extend(comment_directives(tok.content, tok.map[0] + 1))
        elif kind == "table_open":
            row = -1
        elif kind == "tr_open" and tok.map:
            row, column, row_cursor = row + 1, -1, starts[tok.map[0]]
        elif kind in ("th_open", "td_open"):
            column += 1
    if read:  # in document order: the chunks read directly hold lines of their own
        ordered = sorted([*zip(firsts, blocks, strict=True), *read], key=lambda p: p[0])
        blocks = [block for _, block in ordered]
    return blocks, directives


def _read_directly(
    source: str,
    starts: list[int],
    ends: list[int],
    lines: list[str],
    chunks: list[int],
    kept: list[bool],
    direct: bool,
) -> tuple[list[tuple[int, Block]], list[str] | None]:
    """The blocks of the kept chunks read without the parser, with their first lines, and
    the lines left for the parser (None: nothing), the other chunks' lines left empty, so
    line numbers stay as they are."""
    read: list[tuple[int, Block]] = []
    left = list(lines)
    parse = False
    bounds = [*chunks, len(lines)]
    bom = source.startswith("\ufeff")  # the first line is one character off the source
    for k, keep in enumerate(kept):
        first, end = bounds[k], bounds[k + 1]
        if keep:
            readable = direct and not (bom and first == 0)
            found = direct_blocks(lines, first, end, starts, ends) if readable else None
            if found is None:
                parse = True
                continue
            read.extend(found)
        left[first:end] = [""] * (end - first)
    return read, left if parse else None


def read_markdown(text: str, path: str = "<text>", first_pass: RawPass | None = None) -> SourceText:
    """Markdown as a :class:`SourceText` (``first_pass``: see :func:`parse_markdown`)."""
    blocks, directives = parse_markdown(text, first_pass)
    return SourceText(path, text, blocks, directives)
