"""The faster paths give exactly what the plain code (or spaCy's own parts) gives."""

from __future__ import annotations

from itertools import pairwise

import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from genderlint.nlp.patterns import PatternMatcher, needs_of, windows
from genderlint.nlp.pipeline import TextKeepingTokenizer
from genderlint.nlp.sentencizer import ArraySentencizer
from genderlint.nlp.verdict import TEXT_KEY, doc_text
from genderlint.ruleset.inflect import fit_suggestions, match_case, pluralize
from genderlint.textmap import Block, Piece, SourceText

# words, sentence marks, punctuation around them, odd spacing and non-Latin full stops
_PIECES = st.sampled_from(
    [
        "The",
        "officer",
        "he",
        "reports",
        ".",
        "!",
        "?",
        "...",
        '"',
        ")",
        "(",
        "’",
        "—",
        ",",
        " ",
        "  ",
        "\n",
        "\n\n",
        "。",
        "Dr.",
        "e.g.",
        "U.S.",
        "1.5",
        ":",
        "-",
        "chairman",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join) | st.text(max_size=80)

_NLP = spacy.blank("en")


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("")
@example('Stop. "Go!" he said... (Then?) ok.')
def test_array_sentencizer_sets_spacys_boundaries(text: str) -> None:
    ours, theirs = _NLP.make_doc(text), _NLP.make_doc(text)
    ArraySentencizer()(ours)
    spacy.pipeline.Sentencizer()(theirs)
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_kept_text_is_the_doc_text(text: str) -> None:
    doc = TextKeepingTokenizer(_NLP.tokenizer)(text)
    assert doc.user_data[TEXT_KEY] == doc.text == doc_text(doc)


def test_windows_merge_overlapping_ranges_and_clip_to_the_doc() -> None:
    assert list(windows(20, [0, 2, 12], 3)) == [(0, 5), (10, 15)]
    assert list(windows(13, [12], 4)) == [(9, 13)]


def test_a_range_missing_a_required_word_cannot_match() -> None:
    strings = _NLP.vocab.strings
    pattern = [
        {"LOWER": "man"},
        {"LOWER": {"IN": ["the", "a"]}, "OP": "?"},
        {"LOWER": {"IN": ["post", "desk"]}},
    ]
    gated = PatternMatcher(frozenset(), "X#0", None, 3, needs_of(_NLP, pattern))  # type: ignore[arg-type]
    assert gated.may_match({strings["man"], strings["desk"]})
    assert not gated.may_match({strings["man"], strings["the"]})


@given(
    st.lists(st.sampled_from(["chair", "police officer", "staff", "crew member"]), max_size=3),
    st.sampled_from(["chairman", "Chairman", "CHAIRMEN", "policeman", "Policemen", "x"]),
    st.booleans(),
)
def test_fitted_suggestions_are_inflected_and_cased(
    suggestions: list[str], matched: str, plural: bool
) -> None:
    expected = tuple(match_case(pluralize(s) if plural else s, matched) for s in suggestions)
    assert fit_suggestions(tuple(suggestions), matched, plural) == expected
    assert fit_suggestions(("chair",), "Chairmen", True) == ("Chairs",)


def test_hits_in_carried_context_are_left_to_their_own_block() -> None:
    """A block is linted with the sentence it continues in front; the component leaves
    hits in that sentence undecided (they belong to the block before), and each finding
    is reported once, in its own block."""
    from genderlint.api import lint_text
    from genderlint.config import Config
    from genderlint.engine import engine_for
    from genderlint.nlp.verdict import DROPPED_KEY, SPANS_KEY

    config = Config(model="none")
    carried = "The chairman told the policemen: "
    text = carried + "the chairman opens the meeting."
    (doc,) = engine_for(config).docs([text], [len(carried)])
    own = len(carried) + len("the ")
    assert [(s.text, s.start_char) for s in doc.spans[SPANS_KEY]] == [("chairman", own)]
    assert doc.user_data[DROPPED_KEY] == []
    (whole,) = engine_for(config).docs([text])  # no carried context: every hit is decided
    assert [s.text for s in whole.spans[SPANS_KEY]] == ["chairman", "policemen", "chairman"]
    # a token pattern may begin in the carried sentence and have its FOCUS in the block
    carried = "Two units attended another "
    (doc,) = engine_for(config).docs([carried + "domestic at the farm."], [len(carried)])
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [("domestic", "GL640")]

    found = lint_text(
        "Each policeman must:\n\n- carry a radio\n- call the chairman\n", config, kind="markdown"
    )
    assert [(f.match, f.location.line) for f in found] == [("policeman", 1), ("chairman", 4)]


_SENTENCE_PIECES = st.sampled_from(
    ["Word", "x" * 60, " ", "  ", " " * 40, ".", "!", "?", '"', "”", ")", "\n", ". ", '." ']
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=60).map("".join))
@example("x" * 290 + "." + " " * 30 + "tail")
@example("x" * 10 + "." + " " * 40 + "y" * 270)  # a sentence end reaching into the last 300
def test_last_sentence_reads_only_the_end(text: str) -> None:
    """The sentence a block passes on, found in its last characters, is the one a scan of
    the whole text finds."""
    from genderlint.glossary import _SENTENCE_END, MAX_CARRY, _last_sentence

    whole = text.rstrip()
    ends = list(_SENTENCE_END.finditer(whole))
    expected = (whole[ends[-1].end() :] if ends else whole)[-MAX_CARRY:]
    assert _last_sentence(text) == expected


# words of allowed phrases ("Able Seaman") and of case-sensitive forms ("WPC"), in cases
# they have and do not have
_PHRASE_WORDS = st.sampled_from(
    ["able", "Able", "seaman", "Seaman", "WPC", "wpc", "manly", "policeman", "the", "chairman"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASE_WORDS | _PIECES, max_size=30).map(" ".join))
@example("Able Seaman Jones, a WPC and a manly policeman")
@example("able seaman jones and the wpc")
def test_a_phrase_matcher_skipped_for_a_doc_would_find_nothing(text: str) -> None:
    from genderlint.config import Config
    from genderlint.engine import engine_for
    from genderlint.nlp.docfacts import lower_ids

    nlp = engine_for(Config(model="none")).nlp
    component = nlp.get_pipe("genderlint")
    doc = nlp.make_doc(text)
    words = set(lower_ids(doc))
    for matcher in (component.phrases, component.exact, component.allow):
        assert component._may_match(matcher, words) or matcher(doc) == []


_AFTER_PIECES = st.sampled_from(
    [
        " is an outdated term",
        " IS ARCHAIC",
        " was sexist",
        " as terms to avoid",
        " should be avoided",
        " must not be used",
        " (avoid)",
        " (don't use)",
        " becomes staffed",
        " is replaced by chair",
        " changes to",
        " ſhould be avoided",  # long s and dotless i: IGNORECASE folds them to "s", "i"
        " is ſexist",
        " was archaıc",
        ". It is outdated",
        "; was offensive",
        " and",
        " the",
        " ",
        "(",
        "é",
        "Non-Inclusive",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_AFTER_PIECES, max_size=8).map("".join) | st.text(max_size=40))
@example(" is an outdated term")
@example(" is ſexist")
def test_described_as_avoided_is_the_expressions_answer(rest: str) -> None:
    from genderlint.nlp.context import _AFTER, _described_as_avoided

    assert _described_as_avoided(rest) == (_AFTER.match(rest) is not None)


@settings(max_examples=300, deadline=None)
@given(
    source=st.text(alphabet="ab \n\r", max_size=40),
    cuts=st.lists(st.integers(0, 40), min_size=2, max_size=6),
    span=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_locate_maps_like_the_pieces(source: str, cuts: list[int], span: tuple[int, int]) -> None:
    """A finding's location, read off a one-piece block and a line it ends on without the
    general mapping, is what walking the pieces and two line lookups give."""
    bounds = sorted({min(c, len(source)) for c in cuts})
    pieces = [Piece(a, source[a:b]) for a, b in pairwise(bounds)]
    for block in (Block(pieces), *(Block([p]) for p in pieces)):
        start, end = sorted(min(x, len(block.text)) for x in span)
        text = SourceText("x", source, [block])
        s, e = _walked(block, start, end)
        assert (block.to_source(start), block.to_source_end(end)) == (s, e)
        found = text.locate(block, start, end)
        expected = (*text.line_col(s), *text.line_col(e), s, e)
        assert (
            found.line,
            found.column,
            found.end_line,
            found.end_column,
            found.start,
            found.end,
        ) == expected, (block, start, end)


def _walked(block: Block, start: int, end: int) -> tuple[int, int]:
    """Source offsets of ``block.text[start:end]``, walking the pieces: an offset lies in
    the last piece that starts at or before it; an end in the piece of the character before
    it (an empty span's end is its start)."""
    s = e = 0
    at = 0
    for piece in block.pieces:
        if at <= start:
            s = piece.source_start + start - at
        if at <= end - 1:
            e = piece.source_start + end - at
        at += len(piece.text)
    return s, e if end > 0 else s
