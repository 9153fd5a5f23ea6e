"""The cheap first pass never drops a finding the full pipeline would report.

Each text is linted twice: once with the first pass (files and blocks without a candidate
never reach spaCy) and once with every block sent through spaCy. The findings must be
identical, over generated texts and over the whole shared corpus.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from genderlint.api import check_file, lint_source, prepare
from genderlint.config import Config
from genderlint.engine import engine_for
from genderlint.prefilter import (
    Prefilter,
    PrefilterSpec,
    RawMarkdownPass,
    build_tables,
    loosen,
    trie_pattern,
)
from genderlint.readers import read_text
from genderlint.readers.md_regions import kept_chunks
from genderlint.ruleset.compiler import focus_after_gate, trigger_words

CONFIG = Config(model="none")
ENGINE = engine_for(CONFIG)
FORMS = sorted({form for rf in ENGINE.forms.values() for form in rf.forms})
TRIGGERS = sorted({t for rf in ENGINE.forms.values() for t in rf.triggers})
NEAR_MISSES = [
    "human",
    "humane",
    "manage",
    "manual",
    "Germany",
    "command",
    "Manchester",
    "Isle of Man",
    "woman",
    "women",
    "hes",
    "hed",
    "he's",
    "He'll",
    "shes",
    "hers",
    "anyone",
    "each officer",
    "every",
    "nurse",
    "officer",
    "Mr",
    "Ms Foreman",
    "Officer Daniel Ortiz",
    "the term",
    "avoid",
    "instead of",
    "not",
    "→",
    "->",
    "can't",
    "don't",
    "cannot",
    "police",
    "man",
    "men",
    "the",
    "a",
    "is",
    "must",
    "will",
    "checkpoint",
    "vessel",
]
GLUE = [
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\n\n",
    "-",
    "/",
    "'",
    "’",
    '"',
    "“",
    "”",
    "(",
    ")",
    ",",
    ".",
    ";",
    ":",
    "**",
    "*",
    "_",
    "`",
    "[",
    "](http://x/y)",
    "> ",
    "\n- ",
    "\n1. ",
    " | ",
    "\n# ",
    "<b>",
    "</b>",
    "<!-- x -->",
    "&amp;",
    "\\",
    "\t",
    "~",
    "~~",
    "[1]",
    "<",
    ">",
    "",
]
# block structure that reaches across blank lines: the Markdown reader parses only the
# regions of a document the first pass keeps, so these must not change what it finds
STRUCTURE = [
    "\n\n",
    "\n\n- ",
    "\n\n1. ",
    "\n\n  ",
    "\n\n    ",
    "\n\n```\n",
    "\n```\n\n",
    "\n\n~~~~\n",
    "\n~~~~\n\n",
    "\n\n<!--\n",
    "\n-->\n\n",
    "\n\n<pre>\n",
    "\n</pre>\n\n",
    "\n\n<div>\n",
    "\n\n> ",
    "\n\n# Glossary\n\n",
    "\n\n## Duties\n\n",
    "\nGlossary\n===\n\n",
    "\n\nTerms to avoid:\n\n- ",
    "\n\nEach officer must:\n\n- ",
    "\n\n| Avoid | Use instead |\n| --- | --- |\n| ",
    "\n\n---\n\n",
    "\n\n[x]: http://example.org\n\n",
    "\n\n<!-- genderlint-disable -->\n\n",
    "\n\n<!-- genderlint-enable -->\n\n",
]

word = st.one_of(
    st.sampled_from(FORMS),
    st.sampled_from(TRIGGERS or ["man"]),
    st.sampled_from(NEAR_MISSES),
    st.sampled_from(FORMS).map(str.title),
    st.sampled_from(FORMS).map(str.upper),
)
texts = st.lists(st.tuples(word, st.sampled_from(GLUE)), min_size=1, max_size=40).map(
    lambda parts: "".join(w + g for w, g in parts)
)
documents = st.lists(st.tuples(texts, st.sampled_from(STRUCTURE)), min_size=1, max_size=12).map(
    lambda parts: "".join(t + g for t, g in parts)
)


def example_cases(name: str, values: list[str], extra: tuple[str, ...] | list[str] = ()):  # type: ignore[no-untyped-def]
    """Run every hard case in every format on top of the generated texts."""

    def wrap(fn):  # type: ignore[no-untyped-def]
        for case in [*HARD_CASES, *extra]:
            for value in values:
                fn = example(text=case, **{name: value})(fn)
        return fn

    return wrap


def _assert_file_paths_agree(path: Path, text: str) -> None:
    """``text`` as a file checked with and without the first pass gives the same findings."""
    path.write_text(text, encoding="utf-8", newline="")
    fast = check_file(str(path), CONFIG, first_pass=True)
    full = check_file(str(path), CONFIG, first_pass=False)
    assert _key(fast.findings) == _key(full.findings)


def _key(findings: list) -> list[tuple]:
    return [(f.rule_id, f.match, f.location, f.severity, f.suggestions) for f in findings]


HARD_CASES = [
    "Each officer must ensure hes ready.",  # a tokenizer special case splits "hes"
    "Each officer must say Hed go.",
    "Every police**man** must sign.",  # emphasis inside a word
    "> Two officers will\n> man the checkpoint.",  # block quote across a line break
    "The two-man\r\nrule applies.",
    "A [police](http://x)man arrived.",  # a link joined to the next word
    "Use `code` then policeman.",
    "The police&amp;man and the police<b>man</b>.",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, kind=st.sampled_from(["plain", "markdown"]))
@example_cases("kind", ["plain", "markdown"])
def test_blocks_first_pass_is_exact(text: str, kind: str) -> None:
    source = read_text(text, f"x.{'md' if kind == 'markdown' else 'txt'}", kind)
    fast = lint_source(source, CONFIG, first_pass=True)
    full = lint_source(source, CONFIG, first_pass=False)
    assert _key(fast) == _key(full)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=texts, ext=st.sampled_from(["md", "txt"]))
@example_cases("ext", ["md", "txt"])
def test_file_first_pass_is_exact(tmp_path: Path, text: str, ext: str) -> None:
    _assert_file_paths_agree(tmp_path / f"doc.{ext}", text)


REGION_CASES = [
    "```\ncode\n\nEvery policeman signs.\n```\n",  # a fence holds blank lines
    "~~~~\n```\n\nEvery policeman signs.\n~~~~\n",
    "- item\n\n  ```\n  x\n\n  policeman\n  ```\n",
    "<!--\nnote\n\nEvery policeman signs.\n-->\n",  # so do HTML comments and <pre>
    "<pre>\nx\n\nEvery policeman signs.\n</pre>\n",
    "Each officer must:\n\n- sign the log\n\n- check that he is ready\n",  # a lead-in
    "Terms to avoid:\n\n- chairman\n\n- policeman\n",
    "# Glossary\n\nIntro.\n\n| Term | Use instead |\n| --- | --- |\n| policeman | officer |\n",
    "Glossary\n========\n\nText.\n\n- chairman\n",
    "[policeman][1] came.\n\n[1]: http://x\n",  # definitions reach the whole document
    "<!-- genderlint-disable -->\n\nEvery policeman signs.\n",
    "ambulanceman\n- he's \n\n",  # a form in the sentence carried over is the antecedent
    DENSE_START := "".join(f"Every policeman signs form {n}.\n\n" for n in range(6))
    + "Each officer must:\n\n- check that he is ready\n\n"
    + "A plain line.\n\n" * 6,
    SPARSE_START := "A plain line.\n\n" * 9
    + "Every policeman signs.\n\nEach officer must:\n\n- check that he is ready\n",
]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=documents, ext=st.just("md"))
@example_cases("ext", ["md"], REGION_CASES)
def test_markdown_regions_are_exact(tmp_path: Path, text: str, ext: str) -> None:
    _assert_file_paths_agree(tmp_path / f"doc.{ext}", text)


def test_first_pass_sees_every_form() -> None:
    """Each form of each rule, alone and after the antecedents pronoun checks need."""
    missed = [
        form
        for form in FORMS
        if not any(
            ENGINE.may_match(f"{before} {form} left.")
            for before in ("The", "Each officer said", "The nurse said")
        )
    ]
    assert missed == []


def test_first_pass_skips_clean_text() -> None:
    assert not ENGINE.may_match("The human resources manager in Germany will command it.")
    assert ENGINE.may_match("Every policeman must")


@pytest.mark.slow
def test_corpus_first_pass_is_exact(corpus_markdown: list[Path]) -> None:
    differences = []
    for path in corpus_markdown:
        fast = check_file(str(path), CONFIG, first_pass=True)
        full = check_file(str(path), CONFIG, first_pass=False)
        if _key(fast.findings) != _key(full.findings):
            differences.append(str(path))
    assert differences == []


# ``loosen`` as one substitution over all the markup at once: the reference for the
# faster form, which removes quote markers in a pass of their own
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^)\n]*\)")
_REFERENCE_MARKUP = re.compile(
    r"</?[A-Za-z][^<>\n]*>|\\(?=[^\w\s])|[*_]|^[ \t]*(?:>[ \t]?)+", re.MULTILINE
)


def _reference_loosen(text: str) -> str:
    return _REFERENCE_MARKUP.sub("", _REFERENCE_LINK.sub(r"\1", text))


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=" \t\n\r>*_\\<a/[]()x-", max_size=60) | documents)
@example(text="  <b>> quoted")
@example(text="> > *a*\n>\n> b\n\t>c")
def test_loosen_removes_what_one_substitution_removes(text: str) -> None:
    assert loosen(text) == _reference_loosen(text)


def test_loosen_on_the_corpus(corpus_markdown: list[Path]) -> None:
    for path in corpus_markdown:
        text = path.read_text(encoding="utf-8")
        assert loosen(text) == _reference_loosen(text), path


# A small rule set with a form that begins with punctuation, forms that are prefixes of
# others and forms of several tokens, to compare the scan with one search of
# :func:`trie_pattern` at every position
SCAN_FORMS = (
    ("(", "s", ")", "he"),
    ("he",),
    ("s",),
    ("police", "man"),
    ("policeman",),
    ("two", "-", "man"),
    ("man",),
    ("-", "man"),
)
SCAN_PREFILTER = Prefilter(build_tables(PrefilterSpec(main=SCAN_FORMS)))
SCAN_REFERENCE = re.compile(trie_pattern(SCAN_FORMS))


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(["(s)he", "he", "s", "police", "man", "two", "-", "(", ")", "x"])
        | st.sampled_from([" ", "\n", "", "_", "é", "(", "\t "]),
        max_size=20,
    ).map("".join)
)
@example("(s)he")
@example("x(s)he")
@example("s(s)he")
@example("((s)he\n-man")
def test_scan_finds_the_lines_a_search_at_every_position_finds(text: str) -> None:
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    expected = {  # a match's word edge looks before where the match is tried
        bisect.bisect_right(line_starts, at) - 1
        for at in range(len(text))
        if SCAN_REFERENCE.match(text, at)
    }
    assert SCAN_PREFILTER.hit_regions(text, line_starts) == expected
    assert SCAN_PREFILTER.may_match(text, lowered=True) == bool(expected)


def test_a_document_whose_first_chunks_may_hold_findings_is_parsed_whole() -> None:
    first_pass = RawMarkdownPass(ENGINE.prefilter)
    _, starts, keep = kept_chunks(DENSE_START, first_pass)
    assert len(starts) > 8 and all(keep)
    _, starts, keep = kept_chunks(SPARSE_START, first_pass)
    assert len(starts) > 8 and keep.count(True) == 4  # the finding, its lead-in, their context


def test_a_block_is_screened_on_its_own_text_not_the_sentence_it_continues() -> None:
    """The sentence a block continues is context: its own findings belong to the block
    before, so a clean block after a flagged one never reaches spaCy."""
    source = read_text("Every policeman signs.\n\nThe log is kept.\n", "x.md", "markdown")
    assert [index for index, _, _ in prepare(source, CONFIG).chosen] == [0]
    text = "Every policeman signs. The log is kept."
    assert ENGINE.may_match(text)
    assert not ENGINE.prefilter.may_start_from(text, len("Every policeman signs. "))


def test_a_pronoun_whose_antecedent_is_in_the_sentence_before_is_screened_in() -> None:
    text = "Each officer must sign the form.\n\nHe keeps the log.\n"
    source = read_text(text, "x.md", "markdown")
    assert [index for index, _, _ in prepare(source, CONFIG).chosen] == [1]
    found = lint_source(source, CONFIG)
    assert [(f.match, f.location.line) for f in found] == [("He keeps", 3)]
    assert _key(found) == _key(lint_source(source, CONFIG, first_pass=False))
    # the antecedent may be a rule's own form, which no antecedent list names
    assert ENGINE.prefilter.may_start_from("The ambulanceman left. He was tired.", 23)
    assert not ENGINE.prefilter.may_start_from("The log was kept. He was tired.", 18)


def test_a_focus_after_every_gate_word_screens_the_whole_text() -> None:
    """A pattern may report a FOCUS token that comes after its gate word, which may then
    lie in the context: such rule sets are screened on the whole text."""
    warden_he = ({"LOWER": "warden"}, {"LOWER": "he", "FOCUS": True})
    a_domestic = ({"LOWER": "a"}, {"LOWER": "domestic", "FOCUS": True})
    assert focus_after_gate(warden_he, trigger_words(warden_he))
    assert not focus_after_gate(a_domestic, trigger_words(a_domestic))
    assert not focus_after_gate(warden_he[:1], trigger_words(warden_he[:1]))
    text, offset = "The policeman said so. It rained.", len("The policeman said so. ")
    for late, expected in ((False, False), (True, True)):
        tables = build_tables(PrefilterSpec((("policeman",),), late_focus=late))
        assert Prefilter(tables).may_start_from(text, offset) is expected
