"""Context checks: decide whether a lexical hit is a real finding.

Every check returns a :class:`Verdict` with a note saying why, so `--explain-context`
can show each decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from genderlint.ruleset.model import Rule


@dataclass(frozen=True)
class Verdict:
    keep: bool
    note: str = ""
    severity: str = ""  # a lowered severity, e.g. "info" for a title before a name


KEEP = Verdict(True)


def decide(span: Span, rule: Rule, settings: dict[str, str]) -> Verdict:
    """Run the checks that apply to this rule, first decisive one wins."""
    if rule.before_name != "report" and _before_name(span):
        name = span.doc[span.end].text
        if rule.before_name == "skip":
            return Verdict(False, f"dropped: '{span.text}' is a title before the name '{name}'")
        return Verdict(True, f"info: '{span.text}' is a title before the name '{name}'", "info")
    return KEEP


def _before_name(span: Span) -> bool:
    """A capitalised title followed by a capitalised word that is not a common word."""
    doc = span.doc
    if span.end >= len(doc) or not span.text[:1].isupper():
        return False
    nxt = doc[span.end]
    if nxt.ent_type_ == "PERSON" or nxt.pos_ == "PROPN":
        return True
    return nxt.is_alpha and nxt.is_title and not nxt.is_stop and not nxt.is_sent_start
