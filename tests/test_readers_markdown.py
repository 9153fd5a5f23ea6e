from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from genderlint.readers import markdown, read_path, read_text
from genderlint.readers.markdown import parse_markdown
from genderlint.readers.plain import line_bounds
from genderlint.textmap import Block, Directive, SourceText

CORPUS = Path(os.environ.get("GENDERLINT_CORPUS", "/work/shared/corpus"))


def md(text: str) -> SourceText:
    return read_text(text, "t.md", "markdown")


def blocks_of(text: str) -> list[tuple[str, str, str]]:
    """Kind, text and the source slice from the first to the last character, per block."""
    source = md(text)
    assert_exact(source.source, source.blocks)
    out = []
    for block in source.blocks:
        first, last = block.to_source(0), block.to_source_end(len(block.text))
        out.append((block.kind, block.text, source.source[first:last]))
    return out


def assert_exact(source: str, blocks: list[Block]) -> None:
    """The mapping invariant: a block's characters are the source's, except synthesized spaces.

    Pieces are verbatim source slices or a single synthesized space, never hold a line
    ending, and follow each other in source order.
    """
    end = 0
    for block in blocks:
        assert "unmapped" not in block.meta, block
        for piece in block.pieces:
            slice_ = source[piece.source_start : piece.source_start + len(piece.text)]
            assert slice_ == piece.text or piece.text == " ", (piece, slice_)
            assert "\r" not in piece.text and "\n" not in piece.text
            assert piece.source_start >= end, piece
            end = piece.source_start + (len(piece.text) if slice_ == piece.text else 1)
        for i, char in enumerate(block.text):
            assert source[block.to_source(i)] == char or char == " ", (block, i)


P, H, L, Q, C = "paragraph", "heading", "list-item", "blockquote", "table-cell"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain words.", [(P, "Plain words.", "Plain words.")]),
        ("# The *chair*man ##", [(H, "The chairman", "The *chair*man")]),
        ("# # hash title", [(H, "# hash title", "# hash title")]),
        ("## a | b \\| c", [(H, "a | b | c", "a | b \\| c")]),
        ("Title\n=====\n", [(H, "Title", "Title")]),
        ("Two\nline setext\n---", [(H, "Two line setext", "Two\nline setext")]),
        ("a *two-man* rule", [(P, "a two-man rule", "a *two-man* rule")]),
        (
            "police**man** and **fire**man",
            [(P, "policeman and fireman", "police**man** and **fire**man")],
        ),
        ("***both*** __under__ _x_", [(P, "both under x", "both*** __under__ _x")]),
        (
            "snake_case and 5 * 3 *open",
            [(P, "snake_case and 5 * 3 *open", "snake_case and 5 * 3 *open")],
        ),
        ("soft\nbreak", [(P, "soft break", "soft\nbreak")]),
        ("soft\r\nbreak", [(P, "soft break", "soft\r\nbreak")]),
        ("hard  \nbreak\\\nagain", [(P, "hard break again", "hard  \nbreak\\\nagain")]),
        ("run `code` here", [(P, "run   here", "run `code` here")]),
        ("a`x`b", [(P, "a b", "a`x`b")]),
        ("`` a ` b `` tail", [(P, "  tail", "`` a ` b `` tail")]),
        (
            'see [the chairman](https://x.org/a "title") now',
            [(P, "see the chairman now", 'see [the chairman](https://x.org/a "title") now')],
        ),
        ("[ref *link*][r]\n\n[r]: /url 'title'", [(P, "ref link", "ref *link")]),
        ("[short] ref\n\n[short]: /u", [(P, "short ref", "short] ref")]),
        ("![a policeman](p.png) text", [(P, "a policeman text", "a policeman](p.png) text")]),
        ("[![alt](i.png)](u) x", [(P, "alt x", "alt](i.png)](u) x")]),
        ("<https://auto.link> and <a@b.org> x", [(P, " and  x", " and <a@b.org> x")]),
        (
            "see https://x.org/a_b_(c). or www.y.gov, mail me@z.org!",
            [(P, "see . or , mail !", "see https://x.org/a_b_(c). or www.y.gov, mail me@z.org!")],
        ),
        ("esc \\*not em\\* a\\_b \\q", [(P, "esc *not em* a_b \\q", "esc \\*not em\\* a\\_b \\q")]),
        ("Tom &amp; Jerry", [(P, "Tom & Jerry", "Tom &amp; Jerry")]),
        ("a&nbsp;b &rsquo;c&#39;", [(P, "a b  c ", "a&nbsp;b &rsquo;c&")]),
        ("<b>police</b>man<br>next", [(P, "policeman next", "police</b>man<br>next")]),
        ("> quoted\n> two", [(Q, "quoted two", "quoted\n> two")]),
        ("> lazy\ncontinuation", [(Q, "lazy continuation", "lazy\ncontinuation")]),
        ("> > deep *em*", [(Q, "deep em", "deep *em")]),
        (
            "- one\n- two\n  more\n  - nested",
            [(L, "one", "one"), (L, "two more", "two\n  more"), (L, "nested", "nested")],
        ),
        ("1. first\n\n   second para", [(L, "first", "first"), (L, "second para", "second para")]),
        ("- a\n\n  > in list", [(L, "a", "a"), (Q, "in list", "in list")]),
        ("-\tTabbed item\twith tab", [(L, "Tabbed item\twith tab", "Tabbed item\twith tab")]),
        (
            "| Role | Note |\n|---|:--|\n| chair*man* | x \\| y |\n| | z |",
            [
                (C, "Role", "Role"),
                (C, "Note", "Note"),
                (C, "chairman", "chair*man"),
                (C, "x | y", "x \\| y"),
                (C, "z", "z"),
            ],
        ),
        ("> a | b\n> --|--\n> c | d", [(C, "a", "a"), (C, "b", "b"), (C, "c", "c"), (C, "d", "d")]),
        ("```\nfenced chairman\n```\n\n    indented chairman\n\nafter", [(P, "after", "after")]),
        ("<div>\nhtml chairman\n</div>\n\nafter", [(P, "after", "after")]),
        ("[r]: /url\n<!-- comment -->\n\n---\n\n***", []),
        ("---\ntitle: chairman\n---\nbody", [(P, "body", "body")]),
        ("---\r\ntitle: x\r\n...\r\nbody", [(P, "body", "body")]),
        ("+++\ntitle = 'x'\n+++\nbody", [(P, "body", "body")]),
        ("---\n\nnot front matter\n\n---", [(P, "not front matter", "not front matter")]),
        ("---\ntitle: x\nno end", [(P, "title: x no end", "title: x\nno end")]),
        ("\ufeff# BOM title", [(H, "BOM title", "BOM title")]),
        ("\ufeff---\na: b\n---\ntext", [(P, "text", "text")]),
        ("old\rmac", [(P, "old mac", "old\rmac")]),
    ],
)
def test_blocks(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert blocks_of(text) == expected


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        ("### Three", [{"level": 3}]),
        ("Setext\n---", [{"level": 2}]),
        (
            "| a | b |\n|---|---|\n| c | d |",
            [
                {"row": 0, "column": 0, "header": True},
                {"row": 0, "column": 1, "header": True},
                {"row": 1, "column": 0, "header": False},
                {"row": 1, "column": 1, "header": False},
            ],
        ),
        (
            "| a | b |\n|---|---|\n|  | d |",
            [
                {"row": 0, "column": 0, "header": True},
                {"row": 0, "column": 1, "header": True},
                {"row": 1, "column": 1, "header": False},
            ],
        ),
    ],
)
def test_meta(text: str, meta: list[dict[str, object]]) -> None:
    assert [b.meta for b in md(text).blocks] == meta


@pytest.mark.parametrize(
    ("text", "term", "where"),
    [
        ("# The Chairman", "Chairman", (1, 7, 1, 15, 6, 14)),
        ("Intro\r\n\r\nThe **chairman**", "chairman", (3, 7, 3, 15, 15, 23)),
        ("\ufeffThe chairman", "chairman", (1, 6, 1, 14, 5, 13)),
        ("- item\n  - the\tchairman", "chairman", (2, 9, 2, 17, 15, 23)),
        ("> > A\n> > police\n> > officer", "police officer", (2, 5, 3, 12, 10, 28)),
        ("a\r\n> b\r\n> police\r\n> officer", "police officer", (3, 3, 4, 10, 10, 27)),
        ("x | y\n--|--\n1 | the *chair*man", "chairman", (3, 10, 3, 19, 21, 30)),
        ("police**man**", "policeman", (1, 1, 1, 12, 0, 11)),
        ("[the *fire*man](u)", "fireman", (1, 7, 1, 15, 6, 14)),
        ("---\ntitle: t\n---\n\nThe chairman", "chairman", (5, 5, 5, 13, 22, 30)),
    ],
)
def test_locations(text: str, term: str, where: tuple[int, ...]) -> None:
    source = md(text)
    block = next(b for b in source.blocks if term in b.text)
    start = block.text.index(term)
    loc = source.locate(block, start, start + len(term))
    assert (loc.line, loc.column, loc.end_line, loc.end_column, loc.start, loc.end) == where


D = Directive


@pytest.mark.parametrize(
    ("text", "directives"),
    [
        ("<!-- genderlint-disable -->\ntext", [D(1, "disable")]),
        ("a\n\n<!-- genderlint-disable GL101 GL102 -->", [D(3, "disable", ("GL101", "GL102"))]),
        ("<!-- genderlint-enable GL1, GL2 -->", [D(1, "enable", ("GL1", "GL2"))]),
        ("x\n<!-- genderlint-disable-next-line -->\nThe chairman", [D(2, "disable-next-line")]),
        (
            "one\nThe chairman <!-- genderlint-disable-line GL101 -->",
            [D(2, "disable-line", ("GL101",))],
        ),
        ("> <!-- genderlint-disable -->\n> text", [D(1, "disable")]),
        ("- a\n\n  <!-- genderlint-enable -->", [D(3, "enable")]),
        ("<!--\ngenderlint-disable GL2 -- reason\n-->", [D(1, "disable", ("GL2",))]),
        ("<div>\n<!-- genderlint-disable -->\n</div>", [D(2, "disable")]),
        ("a\r\n\r\n<!-- genderlint-disable -->\r\n", [D(3, "disable")]),
        ("<!-- a comment --> <!-- genderlint-enable -->", [D(1, "enable")]),
        ("<!-- genderlint-disabled -->", []),
        ("`<!-- genderlint-disable -->`", []),
        ("```\n<!-- genderlint-disable -->\n```", []),
        ("# genderlint-disable", []),
    ],
)
def test_directives(text: str, directives: list[Directive]) -> None:
    assert md(text).directives == directives


SAMPLE = """\
---
title: Use of force curriculum
tags: [police, training]
---

# Module 3: The *duty* officer

<!-- genderlint-disable-next-line GL101 -->
The Chairman of the Board opens the session. Every policeman and
every police**woman** must read the [code of conduct](https://example.org/coc "Code")
before the `briefing` starts; see https://example.org/a_b for details.

## Roles &amp; responsibilities

1. The *watch commander* assigns tasks.
2. Each **patrolman**:
   - checks equipment,
   - reports to the desk sergeant.

     A second paragraph in the nested item.

> **Note:** a two-man rule applies.
> Lazy lines continue
the quote.

| Role | Held by | Notes |
|------|:-------:|------:|
| Chairman | the *chair* | `code` here |
| Foreman | \\| escaped | ![alt text](x.png) |

```python
chairman = "ignored"
```

    indented code: fireman

<div class="box">
Raw HTML with a chairman.
</div>

Hard break\\
after and  two spaces
end. Tom &amp; Jerry&nbsp;met <span>a</span> man-in-the-loop.

[ref]: https://example.org/ref "Title"
Final [linked text][ref] and <https://auto.example.org>.
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
@pytest.mark.parametrize("tabs", [False, True])
def test_mapping_invariant_on_sample(newline: str, bom: str, tabs: bool) -> None:
    text = SAMPLE.replace("   - ", "\t- ") if tabs else SAMPLE
    text = bom + text.replace("\n", newline)
    source = md(text)
    assert_exact(source.source, source.blocks)
    prose = " ".join(b.text for b in source.blocks)
    for word in (
        "duty officer",
        "policeman",
        "policewoman",
        "code of conduct",
        "patrolman",
        "two-man rule",
        "Lazy lines continue the quote",
        "Foreman",
        "alt text",
        "Tom & Jerry",
        "man-in-the-loop",
        "linked text",
        "| escaped",
    ):
        assert word in prose, word
    for absent in (
        "Use of force",
        "ignored",
        "fireman",
        "Raw HTML",
        "https",
        "briefing",
        "Title",
        "<span>",
        "&amp;",
    ):
        assert absent not in prose, absent
    assert source.directives == [Directive(8, "disable-next-line", ("GL101",))]


# documents are built line by line: a block prefix, then inline fragments
PREFIXES = ["", "", "", "# ", "## ", "> ", "> > ", "- ", "  - ", "1. ", "    ", "\t", "| ", "  "]
INLINE = [
    "The chairman", "police**man**", "*em* text", "`code`", "[link *x*](u)", "![alt](i)",
    "\\*", "&amp;", "&rsquo;", "&#x41;", "<b>x</b>", "<br>", "<!-- genderlint-disable -->",
    "https://a.b/c_d", "_", "*", "**", "[", "]", "|", "\\|", "\\", "`", "<", ">", "&", "~",
    "word", " ", "  ", "\u00e9", "\u2014", "\ufffd",
]  # fmt: skip
WHOLE_LINES = ["", "", "---", "```", "|---|---|", "===", "[r]: /url", "<div>", "+++"]


def documents(inline: list[str]) -> st.SearchStrategy[list[str]]:
    line = st.one_of(
        st.sampled_from(WHOLE_LINES),
        st.builds(
            lambda prefix, parts: prefix + "".join(parts),
            st.sampled_from(PREFIXES),
            st.lists(st.sampled_from(inline), max_size=8),
        ),
    )
    return st.lists(line, max_size=12)


@settings(max_examples=400, deadline=None)
@given(documents(INLINE), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_mapping_invariant_on_generated_markdown(lines: list[str], newline: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + newline.join(lines)
    blocks, _ = parse_markdown(text)
    assert_exact(text, blocks)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _literal_letters(text: str) -> int:
    """Letters in the literal text markdown-it itself finds (outside code, HTML, autolinks)."""

    def walk(children: list[Any]) -> int:
        count, autolink = 0, False
        for tok in children:
            if tok.type == "link_open" and tok.markup == "autolink":
                autolink = True
            elif tok.type == "link_close":
                autolink = False
            elif tok.type == "image":
                count += walk(tok.children or [])
            elif not autolink and (
                tok.type == "text" or (tok.type == "text_special" and tok.content == tok.markup)
            ):
                count += _letters(tok.content)
        return count

    tokens = markdown.markdown_parser().parse(markdown._masked(text, *line_bounds(text)))
    return sum(walk(t.children or []) for t in tokens if t.type == "inline")


@settings(max_examples=400, deadline=None)
@given(documents([f for f in INLINE if "://" not in f]), st.sampled_from(["\n", "\r\n"]))
def test_no_prose_is_lost(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    blocks, _ = parse_markdown(text)
    assert _letters(" ".join(b.text for b in blocks)) == _literal_letters(text)


def _corpus_files() -> list[Path]:
    return sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_mapping_invariant_on_corpus() -> None:
    files = _corpus_files()
    assert files
    words = 0
    for path in files:
        source = read_path(str(path))
        assert_exact(source.source, source.blocks)
        words += sum(len(b.text.split()) for b in source.blocks)
    assert words > 0.8 * 1_016_421 * len(files) / 1963
