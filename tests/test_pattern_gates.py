"""The gated token-pattern search finds what each pattern's Matcher finds over the whole
doc, in the same order: the gates, the placement test and the narrowed ranges only skip
tokens that no match can hold."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from genderlint.config import Config
from genderlint.engine import engine_for
from genderlint.nlp.component import GenderlintMatcher
from genderlint.nlp.docfacts import lower_ids
from genderlint.nlp.patterns import anchors_of, fixed_of

_ENGINE = engine_for(Config(model="none"))
_MATCHER: GenderlintMatcher = _ENGINE.nlp.get_pipe("genderlint")


def _pattern_words() -> list[str]:
    """Every word a rule pattern pins, so random texts often complete a pattern."""
    words: set[str] = set()
    for rule in _ENGINE.rules.values():
        for pattern in rule.patterns:
            for token in pattern:
                value: Any = token.get("LOWER", token.get("ORTH"))
                if isinstance(value, str):
                    words.add(value)
                elif isinstance(value, dict):
                    words.update(str(w) for w in value.get("IN", []))
    return sorted(words)


_WORDS = st.sampled_from([*_pattern_words(), "the", "a", "officer", ".", ",", "Smith", "2"])
# the rules' own examples complete patterns; loose words break and join them
_EXAMPLES = st.sampled_from(
    sorted({b.text for r in _ENGINE.rules.values() if r.patterns for b in r.bad_examples})
)
_TEXTS = st.lists(_EXAMPLES | _WORDS, max_size=30).map(" ".join)


def _whole_doc_hits(doc: Doc) -> list[tuple[int, int, str]]:
    """Each pattern's Matcher over the whole doc, patterns in order, FOCUS applied."""
    hits = []
    for pattern in _MATCHER.patterns:
        focus = _MATCHER.focus[pattern.key]
        for _, start, end, alignment in pattern.matcher(doc, with_alignments=True):  # type: ignore[misc]
            if focus:
                picked = [start + i for i, a in enumerate(alignment) if a in focus]
                start, end = min(picked), max(picked) + 1
            hits.append((start, end, pattern.key.split("#", 1)[0]))
    return hits


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_gated_pattern_hits_are_the_whole_doc_hits(text: str) -> None:
    doc = _ENGINE.nlp.make_doc(text)
    doc = _ENGINE.nlp.get_pipe("sentencizer")(doc)
    lower = lower_ids(doc)
    found = [(s.start, s.end, s.label_) for s in _MATCHER._pattern_hits(doc, lower, set(lower))]
    assert found == _whole_doc_hits(doc)


def test_other_required_words_are_placed_from_the_gate_word() -> None:
    strings = _ENGINE.nlp.vocab.strings
    pattern: list[dict[str, Any]] = [
        {"LOWER": "man"},
        {"LOWER": {"IN": ["the", "a"]}, "OP": "?"},
        {"LOWER": {"IN": ["post", "desk"]}},
        {"IS_PUNCT": True, "OP": "{0,2}"},
    ]
    desk = frozenset({strings.add("post"), strings.add("desk")})
    gate = frozenset({strings.add("man")})
    assert anchors_of(_ENGINE.nlp, pattern, gate) == ((((1, 2, desk),),), (0, 4))
    # seen from "desk", "man" lies one or two tokens before it
    assert anchors_of(_ENGINE.nlp, pattern, desk) == ((((-2, -1, gate),),), (2, 2))


def test_a_required_token_of_varying_length_turns_placement_off() -> None:
    gate = frozenset({_ENGINE.nlp.vocab.strings.add("man")})
    pattern: list[dict[str, Any]] = [{"LOWER": "man"}, {"LOWER": "up", "OP": "+"}]
    assert anchors_of(_ENGINE.nlp, pattern, gate) == ((), (0, 0))


def test_patterns_of_plain_word_sets_are_read_without_a_matcher() -> None:
    strings = _ENGINE.nlp.vocab.strings
    plain: list[dict[str, Any]] = [{"LOWER": "two"}, {"LOWER": {"IN": ["man", "men"]}}]
    assert fixed_of(_ENGINE.nlp, plain) == (
        frozenset({strings.add("two")}),
        frozenset({strings.add("man"), strings.add("men")}),
    )
    for other in ({"ORTH": "-"}, {"LOWER": "man", "OP": "?"}, {"LIKE_NUM": True}):
        assert fixed_of(_ENGINE.nlp, [{"LOWER": "two"}, other]) is None
    # the bundled rules have such patterns, so the property test above covers the shortcut
    assert sum(p.fixed is not None for p in _MATCHER.patterns) >= 10


def test_orth_tokens_are_required_words_too() -> None:
    """'five-man': the "-" between the number and "man" is placed from the gate word, so
    a plain "man" never costs a Matcher call."""
    numbered = next(p for p in _MATCHER.patterns if p.key == "GL273#0")
    dash = frozenset({_ENGINE.nlp.vocab.strings.add("-")})
    assert numbered.needs == (dash,)
    assert numbered.anchors == (((-1, -1, dash),),)
