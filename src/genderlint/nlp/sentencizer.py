"""spaCy's rule-based sentencizer, reading token attributes as arrays.

``Sentencizer.predict`` makes a Python ``Token`` per token of every doc; in dense text that
is a noticeable share of the whole lint. This subclass computes the same boundaries from
``Doc.to_array`` (a Token only for the few tokens after a sentence mark) and keeps spaCy's
``set_annotations`` and serialisation.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

from genderlint.nlp.docfacts import lower_ids
from genderlint.nlp.verdict import SENT_STARTS_KEY


class ArraySentencizer(Sentencizer):
    """Same rule as :class:`spacy.pipeline.Sentencizer`: a sentence starts at the first
    token after sentence-final punctuation that is neither punctuation nor such a mark."""

    _punct_source: set[str] | None = None
    _punct_ids: frozenset[int] = frozenset()
    # marks that lower-case to themselves (the defaults do, and nothing else lower-cases
    # into one) are found among the LOWER ids the component reads anyway
    _by_lower: bool = False

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        if self._punct_source is not self.punct_chars:  # set anew by from_bytes/from_disk
            self._punct_ids = frozenset(get_string_id(c) for c in self.punct_chars)
            self._punct_source = self.punct_chars
            self._by_lower = all(c.lower() == c for c in self.punct_chars)
        return [self._guesses(doc) for doc in docs]

    def set_annotations(self, docs: Doc | Iterable[Doc], batch_tag_ids: list[list[bool]]) -> None:
        """Set the boundaries, and keep each doc's sentence starts for the context checks
        (they would otherwise read them back token by token). In this pipeline the
        sentencizer sets every boundary but the first token's, which the tokenizer marks."""
        batch = [docs] if isinstance(docs, Doc) else list(docs)
        super().set_annotations(batch, batch_tag_ids)
        for doc, guesses in zip(batch, batch_tag_ids, strict=True):
            doc.user_data[SENT_STARTS_KEY] = [i for i, start in enumerate(guesses) if start]

    def _guesses(self, doc: Doc) -> list[bool]:
        # a sentence starts at the first token after each mark that is neither punctuation
        # nor a mark: the same starts, visiting only the few tokens after a mark
        length = len(doc)
        guesses = [False] * length
        if not guesses:
            return guesses
        guesses[0] = True
        # a mark's LOWER id is its ORTH id (see _by_lower)
        words = lower_ids(doc) if self._by_lower else doc.to_array(ORTH).tolist()
        marks = self._punct_ids
        for mark in [i for i, word in enumerate(words) if word in marks]:
            i = mark + 1
            while i < length and (words[i] in marks or doc[i].is_punct):
                i += 1
            if i < length:
                guesses[i] = True
        return guesses


@Language.factory("genderlint_sentencizer")
def make_sentencizer(nlp: Language, name: str) -> ArraySentencizer:
    return ArraySentencizer(name)
