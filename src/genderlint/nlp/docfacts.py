"""What the context checks of one doc's hits share, computed once per doc.

``span.sent`` walks the tokens and builds a ``Span`` on every call, and a ``Token`` per word
of a sentence costs more than the check it serves; a doc of dense text has several hits.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import ENT_TYPE, IDX, LENGTH, LOWER, ORTH, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc

from genderlint.nlp.verdict import SENT_STARTS_KEY, doc_text

FACTS_KEY = "genderlint_facts"  # doc.user_data: the doc's DocFacts
LOWER_KEY = "genderlint_lower"  # doc.user_data: the LOWER id of each token


class DocFacts:
    """A doc's text, sentence bounds and token arrays (the arrays made on first use)."""

    __slots__ = ("_chars", "_orth", "_person", "ends", "memo", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        # the first and one past the last token of each sentence: Doc.sents' sentences,
        # read from arrays (Doc.sents builds a Span per sentence)
        starts: list[int] | None = doc.user_data.get(SENT_STARTS_KEY)
        if starts is not None or not len(doc):  # kept by the blank pipeline's sentencizer
            self.starts = starts or []
            self.ends = [*self.starts[1:], len(doc)]
            # character bounds are made per sentence a check asks about: most docs of
            # dense text have a sentence without a hit (the one carried over, at least)
            self._chars: list[tuple[int, int] | None] = [None] * len(self.starts)
        else:
            rows = doc.to_array([SENT_START, IDX, LENGTH]).tolist()
            self.starts = [0, *(i for i in range(1, len(rows)) if rows[i][0] == 1)]
            self.ends = [*self.starts[1:], len(rows)]
            self._chars = [
                (rows[a][1], rows[b - 1][1] + rows[b - 1][2])
                for a, b in zip(self.starts, self.ends, strict=True)
            ]
        self.memo: dict[tuple[str, int], bool] = {}  # per-sentence results of the checks
        self._orth: list[int] | None = None
        self._person: list[bool] | None = None

    def tokens(self, i: int) -> tuple[int, int]:
        """The first and one past the last token of the sentence holding token ``i``."""
        n = bisect_right(self.starts, i) - 1
        return self.starts[n], self.ends[n]

    def sentence(self, doc: Doc, i: int) -> tuple[int, int, int, int]:
        """Token and character bounds of the sentence holding token ``i`` of ``doc``."""
        n = bisect_right(self.starts, i) - 1
        start, end = self.starts[n], self.ends[n]
        chars = self._chars[n]
        if chars is None:
            last = doc[end - 1]
            chars = self._chars[n] = (doc[start].idx, last.idx + len(last))
        return start, end, chars[0], chars[1]

    def orth(self, doc: Doc) -> list[int]:
        """The ORTH id of each token."""
        if self._orth is None:
            self._orth = doc.to_array(ORTH).tolist()
        return self._orth

    def person(self, doc: Doc, i: int) -> bool:
        """Whether token ``i`` is in a PERSON entity (``token.ent_type_ == "PERSON"``)."""
        if self._person is None:
            self._person = [e == _PERSON for e in doc.to_array(ENT_TYPE).tolist()]
        return self._person[i]


_PERSON = get_string_id("PERSON")


def facts(doc: Doc) -> DocFacts:
    """The doc's :class:`DocFacts`, made on first use."""
    found: DocFacts | None = doc.user_data.get(FACTS_KEY)
    if found is None:
        found = doc.user_data[FACTS_KEY] = DocFacts(doc)
    return found


def lower_ids(doc: Doc) -> list[int]:
    """The LOWER id (the hash of ``token.lower_``) of each token, made once per doc: the
    token patterns' gates and the mention checks both read them, without Token objects."""
    found: list[int] | None = doc.user_data.get(LOWER_KEY)
    if found is None:
        found = doc.user_data[LOWER_KEY] = doc.to_array(LOWER).tolist()
    return found
