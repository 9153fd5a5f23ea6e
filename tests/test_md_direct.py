"""Plain chunks read without the Markdown parser give exactly the parser's blocks.

Every document is read twice, with plain chunks read directly and with the parser reading
everything, with and without the first pass choosing regions; blocks (kind, metadata and
pieces with their source offsets) and directives must be identical.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genderlint.config import Config
from genderlint.engine import engine_for
from genderlint.prefilter import RawMarkdownPass
from genderlint.readers.decode import read_text_file
from genderlint.readers.markdown import parse_markdown

ENGINE = engine_for(Config(model="none"))

# each case is one way a chunk can look plain and not be, or be plain near something else
CASES = [
    "Each officer must:\n- sign the log\n- check that he is ready\n",  # lead-in and list
    "Each officer must:\n2. sign the log\n",  # an ordered list cannot interrupt it here
    "Each officer must:\n1. sign the log\n2. check\n",
    "- one\n+ two\n* three\n",  # a new bullet character starts a new list
    "- one\nlazy continuation\n",
    "- one\n\n  continued item\n",
    "# Title\nText under it.\n",
    "Text above.\n# Title\n",
    "Setext title\n===\n\nAnd text.\n",
    "Setext title\n---\n",
    "#Title without space\n",
    "# Title #\n",
    "#  Two spaces\n",
    "####### Seven marks\n",
    "## 1. Purpose\n\nThe chairman decides.\n",
    "Line with a hard break  \nnext line.\n",
    "Line with a backslash break\\\nnext.\n",
    "Line with trailing tab\t\nnext.\n",
    "See http://example.org/x for the policeman rules.\n",
    "- http://example.org/only-a-link\n- www.example.org\n",
    "Mail chairman@example.org today.\n",
    "\ufeffA BOM before the policeman.\n",
    "---\ntitle: Policy\n---\nThe policeman signs.\n",
    "+++\ntitle = 'x'\n+++\nText.\n",
    "The two-man\r\nrule applies.\r\n\r\n- item one\r\n- item two\r\n",
    "Old Mac line\rending.\r\rNext.\r",
    "1986. The year the policeman came.\n",
    "Text &amp; more text.\n",
    "Text with a NUL\x00 inside.\n",
    "Ünïcode wörds for the chairwoman.\n",
    "Ends with a no-break space\u00a0\nnext.\n",
    "Text\n  indented continuation\n",
    "Text\n    four spaces\n",
    "Text\n| a | b |\n| --- | --- |\n",
    "Header | cell\n--- | ---\nrow | x\n",
    "Text\n<div>\nhtml</div>\n",
    "-a not a list\n",
    "- [ ] a task\n",
    "- Item with `code`\n",
    "Some *emphasis* here.\n",
    "A [link](http://x) here.\n",
    "> quoted policeman\n",
    "```\nThe policeman in code.\n```\n\nThe policeman outside.\n",
    "<!-- genderlint-disable -->\n\nThe policeman.\n\n<!-- genderlint-enable -->\n",
    "Text [1].\n\n[1]: http://example.org\n",
    "A\n\nB\n\n- c\n\n- d\n",
    "x\n",
    "\n\n\n",
    "",
]

WORDS = ["The", "policeman", "chairman", "signs", "he", "Each", "officer", "É", "1.", "x"]
STARTS = ["", "", "", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ", "  ", "    ", "> ", "-", "#"]
INLINE = [" ", " ", " ", "-", ":", ".", "'", "*", "_", "`", "[", "]", "<", "&", "\\", "|", "\t"]
ENDS = ["", "", "", " ", "  ", "\\", "\t", " #"]
BREAKS = ["\n", "\n", "\n", "\n\n", "\r\n", "\n===\n", "\n---\n", "\n```\n"]

line = st.tuples(
    st.sampled_from(STARTS),
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(INLINE)), max_size=6),
    st.sampled_from(ENDS),
).map(lambda p: p[0] + "".join(w + g for w, g in p[1]).rstrip(" ") + p[2])
documents = st.lists(st.tuples(line, st.sampled_from(BREAKS)), min_size=1, max_size=20).map(
    lambda parts: "".join(text + brk for text, brk in parts)
)


def _blocks(text: str, regions: bool, direct: bool) -> tuple[list[tuple], list]:
    first_pass = RawMarkdownPass(ENGINE.prefilter) if regions else None
    blocks, directives = parse_markdown(text, first_pass, direct=direct)
    return [(b.kind, b.meta, b.pieces) for b in blocks], directives


def _assert_same(text: str) -> None:
    for regions in (False, True):
        assert _blocks(text, regions, True) == _blocks(text, regions, False)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents)
def test_direct_reading_gives_the_parsers_blocks(text: str) -> None:
    _assert_same(text)


@pytest.mark.parametrize("text", CASES)
def test_direct_reading_hard_cases(text: str) -> None:
    _assert_same(text)


def test_plain_chunks_never_reach_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shortcut is taken: a document of plain chunks is read with no parser at all."""
    import genderlint.readers.markdown as markdown

    def no_parser() -> None:
        raise AssertionError("the parser was called")

    monkeypatch.setattr(markdown, "markdown_parser", no_parser)
    text = "# Duties\n\nEach officer must:\n- sign the log\n- check the radio\n\nThe end.\n"
    blocks, _ = parse_markdown(text, None)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Duties"),
        ("paragraph", "Each officer must:"),
        ("list-item", "sign the log"),
        ("list-item", "check the radio"),
        ("paragraph", "The end."),
    ]
    with pytest.raises(AssertionError, match="parser was called"):
        parse_markdown("Some *emphasis* here.\n", None)


@pytest.mark.slow
def test_corpus_direct_reading_is_exact(corpus_markdown: list[Path]) -> None:
    different = [
        str(path)
        for path in corpus_markdown
        for text in [read_text_file(str(path))]
        if any(_blocks(text, r, True) != _blocks(text, r, False) for r in (False, True))
    ]
    assert different == []
