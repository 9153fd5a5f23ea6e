"""What a context check decides about one hit (no spaCy import, so the API stays light)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

SPANS_KEY = "genderlint"  # doc.spans group with the kept hits
DROPPED_KEY = "genderlint_dropped"  # doc.user_data: [(span, why)]
VERDICTS_KEY = "genderlint_verdicts"  # doc.user_data: {(start_char, end_char, rule_id): Verdict}


@dataclass(frozen=True)
class Verdict:
    keep: bool
    note: str = ""
    severity: str = ""  # a lower severity for this finding, e.g. "info"
    suggestions: tuple[str, ...] = ()  # replaces the rule's suggestions (already inflected)
    end_char: int | None = None  # the finding reaches further (e.g. "he reports")


KEEP = Verdict(True)

# the names rules may use in `context:` for a per-match check (see nlp/checks.py)
MATCH_CHECKS = ("generic-pronoun", "stereotyped-pronoun", "verb-man", "sex-relevant")
TEXT_KEY = "genderlint_text"  # doc.user_data: the doc's text, computed once
SENT_STARTS_KEY = "genderlint_sent_starts"  # doc.user_data: the sentencizer's starts
# doc.user_data: how many characters at the start of the doc's text are context carried
# over from the block before (hits there belong to that block and are not decided here)
CARRIED_KEY = "genderlint_carried"


def doc_text(doc: Doc) -> str:
    """``Doc.text`` joins every token on each access; the context checks read it per hit."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
