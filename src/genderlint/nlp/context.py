"""Context checks: decide whether a lexical hit is a real finding, and say why.

The checks read token attributes from a statistical model when one parsed the sentence
(``parsed`` is true) and fall back to word lists and capitalisation otherwise. Every
decision carries a note, which `--explain-context` shows.
"""

from __future__ import annotations

from spacy.tokens import Span

from genderlint.nlp.verdict import KEEP, Verdict
from genderlint.ruleset.model import Rule

QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»", "„": "“", "`": "`"}
NAME_ENTS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}
)


def decide(span: Span, rule: Rule, settings: dict[str, str], parsed: bool) -> Verdict:
    """Run the checks that apply to this rule; the first decisive one wins."""
    mention = mention_cue(span)
    if mention:
        mode = settings.get("mentions", "skip")
        if mode == "skip":
            return Verdict(False, f"dropped: {mention}")
        if mode == "info":
            return Verdict(True, f"info: {mention}", "info")
    if rule.before_name != "report" and before_name(span, parsed):
        note = f"'{span.text}' is a title before the name '{span.doc[span.end].text}'"
        if rule.before_name == "skip":
            return Verdict(False, f"dropped: {note}")
        return Verdict(True, f"info: {note}", "info")
    if not rule.context and (title := _surname_after_title(span)):
        return Verdict(False, f"dropped: '{span.text}' is a surname after '{title}'")
    if parsed and not rule.context:
        entity = _inside_name(span)
        if entity:
            return Verdict(False, f"dropped: part of the name '{entity}'")
    if rule.context:
        from genderlint.nlp.checks import CHECKS

        return CHECKS[rule.context](span, parsed)
    return KEEP


MENTION_CUES = frozenset(
    {
        "term",
        "terms",
        "word",
        "words",
        "expression",
        "expressions",
        "phrase",
        "phrases",
        "wording",
        "avoid",
        "avoiding",
        "avoids",
        "replace",
        "replacing",
        "replaces",
        "instead",
        "than",
        "called",
        "label",
        "labels",
    }
)
# skipped when looking back from a term for a cue: "avoid the word 'policeman'"
_FILLERS = frozenset({"the", "a", "an", "such", "as", "of", "like", "-", ":", "("}) | set(QUOTES)


def mention_cue(span: Span) -> str:
    """Why this occurrence talks about the word instead of using it ('' when it uses it)."""
    doc = span.doc
    text = doc.text
    before = text[span.start_char - 1] if span.start_char else ""
    after = text[span.end_char] if span.end_char < len(text) else ""
    if before in QUOTES and after in (QUOTES[before], "'", "’"):
        return f"'{span.text}' is quoted (a mention, not a use)"
    i = span.start - 1
    while i >= 0 and i >= span.start - 4 and doc[i].lower_ in _FILLERS:
        i -= 1
    if i >= 0 and doc[i].lower_ in MENTION_CUES:
        return f"introduced by '{doc[i].text}' (a mention, not a use)"
    if i >= 1 and doc[i].lower_ == "not" and doc[i - 1].text in {",", ";", "—", "–"}:
        return "contrasted with ', not' (a mention, not a use)"
    if _glossary_line(span):
        return "in a list of terms and alternatives (a mention, not a use)"
    return ""


def _glossary_line(span: Span) -> bool:
    """'policeman → police officer' or a short 'policeman: use police officer' line."""
    doc = span.doc
    following = doc.text[span.end_char : span.end_char + 6].lstrip(" *_\"'“”")
    if following[:1] in ("→", "⇒") or following[:2] in ("->", "=>"):
        return True
    preceding = doc.text[max(0, span.start_char - 6) : span.start_char].rstrip(" *_\"'“”")
    return preceding[-1:] in ("→", "⇒") or preceding[-2:] in ("->", "=>")


HONORIFICS = frozenset(
    [
        "mr",
        "mr.",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "miss",
        "mx",
        "mx.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "professor",
        "sir",
        "dame",
        "madam",
        "judge",
        "justice",
    ]
)


def _surname_after_title(span: Span) -> str:
    """'Ms Foreman', 'Dr Seaman': a capitalised term right after an honorific is a name."""
    if span.start == 0 or not span.text[:1].isupper():
        return ""
    prev = span.doc[span.start - 1]
    return prev.text if prev.lower_ in HONORIFICS and prev.text[:1].isupper() else ""


def before_name(span: Span, parsed: bool) -> bool:
    """A capitalised title directly before a personal name ("Chairman Lee")."""
    doc = span.doc
    if span.end >= len(doc) or not span.text[:1].isupper():
        return False
    nxt = doc[span.end]
    if parsed:
        return nxt.ent_type_ == "PERSON" or (nxt.pos_ == "PROPN" and nxt.is_title)
    return nxt.is_alpha and nxt.is_title and not nxt.is_stop and len(nxt) > 1


def _inside_name(span: Span) -> str:
    """The named entity a capitalised term is part of ('Fraternal Order of Police')."""
    if not span.text[:1].isupper():
        return ""
    for ent in span.doc.ents:
        if (
            ent.label_ in NAME_ENTS
            and ent.start <= span.start
            and span.end <= ent.end
            and len(ent) > len(span)
            and all(t.is_title or t.is_stop for t in ent)
        ):
            return ent.text
    return ""
