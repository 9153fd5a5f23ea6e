"""Build the spaCy pipeline: a blank English tokenizer plus the genderlint component."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from genderlint.nlp.component import MatchSpec


def blank_english() -> Language:
    import spacy

    return spacy.blank("en")


def build_pipeline(spec: MatchSpec, key: str) -> Language:
    """A blank English pipeline with a sentencizer and the genderlint component."""
    from genderlint.nlp.component import RULESETS

    nlp = blank_english()
    RULESETS[key] = spec
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("genderlint", config={"ruleset": key})
    return nlp


def tokenizer_info() -> tuple[callable, dict[str, list[str]]]:  # type: ignore[valid-type]
    """The blank tokenizer as a function, and its special cases (string -> token texts)."""
    nlp = blank_english()
    special = {text: [t.get(65, t.get("ORTH", "")) for t in pieces]  # 65 == ORTH
               for text, pieces in nlp.tokenizer.rules.items()}

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    return tokenize, special
