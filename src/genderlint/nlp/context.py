"""Context checks: decide whether a lexical hit is a real finding, and say why.

The checks read token attributes from a statistical model when one parsed the sentence
(``parsed`` is true) and fall back to word lists and capitalisation otherwise. Every
decision carries a note, which `--explain-context` shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from genderlint.nlp import wordlists as W
from genderlint.nlp.docfacts import DocFacts, facts, lower_ids
from genderlint.nlp.verdict import KEEP, Verdict
from genderlint.ruleset.model import Rule

QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»", "„": "“", "`": "`"}
NAME_ENTS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}
)


def _capital(span: Span) -> bool:
    """``span.text[:1].isupper()`` without joining the span's tokens."""
    start = span.start_char
    return span.end > span.start and facts(span.doc).text[start : start + 1].isupper()


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
    if rule.context not in _PRONOUN_AND_VERB_CHECKS:
        name = part_of_name(span, rule, parsed)
        if name:
            return Verdict(False, f"dropped: {name}")
    if rule.context:
        return _checks()[rule.context](span, parsed)
    return KEEP


@cache
def _checks() -> dict[str, Callable[[Span, bool], Verdict]]:
    # imported on first use, not per hit: nlp.checks imports this module
    from genderlint.nlp.checks import CHECKS

    return CHECKS


# "the term policeman", "words like chairman": a noun that names words
NOUN_CUES = frozenset(
    """
term terms word words expression expressions phrase phrases wording label labels
""".split()
)
# "avoid policeman", "replace chairman with chair", "instead of", "rather than", "so-called"
VERB_CUES = frozenset(
    """
avoid avoiding avoids replace replacing replaces instead than called say saying write
writing prefer
""".split()
)
_SKIPPED = frozenset({"such", "as", "like", ":", "-", "–", "("}) | set(QUOTES)
# the same words as LOWER ids, compared with a doc's token array (no Token objects)
_SKIPPED_IDS = frozenset(map(get_string_id, _SKIPPED))
_NOUN_CUE_IDS = frozenset(map(get_string_id, NOUN_CUES))
_VERB_CUE_IDS = frozenset(map(get_string_id, VERB_CUES))
_TERM_IDS = frozenset(get_string_id(w) for w in NOUN_CUES if w.startswith("term"))
_POSSESSIVE_IDS = frozenset(map(get_string_id, ("'s", "’s")))
_OF, _INSTEAD, _NOT = map(get_string_id, ("of", "instead", "not"))
# "Policeman is an outdated term", "... as terms to avoid", "... should be avoided"
# (the lookahead holds the first letters of is|are|was|were|as|should|must: one class test
# per position instead of seven alternatives, the same matches under IGNORECASE)
_AFTER = re.compile(
    r"^[^.;!?]{0,60}?\b(?=[iawsm])(?:(?:is|are|was|were)\s+(?:an?\s+)?(?:outdated|old-fashioned|"
    r"gendered|sexist|discouraged|archaic|offensive|exclusionary|non-inclusive)\b|"
    r"as\s+(?:terms?|words?|expressions?)\s+to\s+avoid\b|"
    r"(?:should|must)\s+(?:be\s+avoided|not\s+be\s+used)\b)"
    # "policeman (avoid)", "manned becomes staffed", "chairman is replaced by chair"
    r"|^\W{0,3}\((?:avoid|outdated|do not use|don'?t use)\b"
    r"|^\W{0,3}(?:becomes|is replaced by|changes to|should become)\b",
    re.IGNORECASE,
)
# A word every text _AFTER matches holds (besides a "(" in its first four characters): for
# ASCII text, where IGNORECASE is plain lower-casing, a text without one is decided by a
# quick search instead of the lazy scan (other scripts' case folding, such as "ſ" for "s",
# goes to _AFTER itself)
_AFTER_HINT = re.compile(
    "outdated|old-fashioned|gendered|sexist|discouraged|archaic|offensive|exclusionary"
    "|non-inclusive|avoid|used|become|replaced|changes"
)


def _described_as_avoided(rest: str) -> bool:
    """``_AFTER.match(rest)``, answered without it when ``rest`` cannot match."""
    if rest.isascii() and "(" not in rest[:4] and not _AFTER_HINT.search(rest.lower()):
        return False
    return _AFTER.match(rest) is not None


_GLOSSARY_COLON = re.compile(r"^\s*[:–—-]\s*(?:use|say|write|prefer|try)\b", re.IGNORECASE)


def mention_cue(span: Span) -> str:
    """Why this occurrence talks about the word instead of using it ('' when it uses it)."""
    doc = span.doc
    f = facts(doc)
    _, _, sent_start, sent_end = f.sentence(doc, span.start)
    if _quoted(span, f, sent_start, sent_end):
        return f"'{span.text}' is quoted (a mention, not a use)"
    lower = lower_ids(doc)
    i = span.start - 1
    while i >= 0 and i >= span.start - 4 and lower[i] in _SKIPPED_IDS:
        i -= 1
    after = lower[span.end] if span.end < len(lower) else None
    if i >= 0 and after not in _POSSESSIVE_IDS:
        cue = lower[i]
        if cue in _NOUN_CUE_IDS and not (cue in _TERM_IDS and after == _OF):
            return f"introduced by '{doc[i].text}' (a mention, not a use)"
        if cue in _VERB_CUE_IDS or (cue == _OF and i > 0 and lower[i - 1] == _INSTEAD):
            return f"introduced by '{doc[i].text}' (a mention, not a use)"
        if cue == _NOT and i >= 1 and doc[i - 1].text in {",", ";", "—", "–"}:
            return "contrasted with ', not' (a mention, not a use)"
    rest = f.text[span.end_char : sent_end]
    if _described_as_avoided(rest):
        return "described as a term to avoid (a mention, not a use)"
    if _listed_after_cue(span, f.text, sent_start):
        return "in a list of terms introduced as terms (a mention, not a use)"
    if _glossary_line(span, f) or _GLOSSARY_COLON.match(rest):
        return "in a line pairing a term with its alternative (a mention, not a use)"
    return ""


_LIST_CUE = re.compile(
    r"\b(avoid|avoided|terms?|words?|expressions?|phrases?|instead of|replace|outdated|"
    r"discouraged)\W{0,3}$",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r",|;|\band\b|\bor\b")
MAX_ITEM_WORDS = 4


def _listed_after_cue(span: Span, text: str, sentence_start: int) -> bool:
    """'Terms to avoid: manpower, man-hours, chairman': every item of a short list after a
    colon that a cue introduces is a mention (``text`` is the doc's, ``sentence_start``
    where the span's sentence starts)."""
    colon = text.rfind(":", sentence_start, span.start_char)
    if colon == -1 or not _LIST_CUE.search(text[max(sentence_start, colon - 40) : colon]):
        return False
    items = _LIST_SEPARATOR.split(text[colon + 1 : span.start_char])
    return all(len(item.split()) <= MAX_ITEM_WORDS for item in items)


_ARROW = re.compile("→|⇒|->|=>")


def _glossary_line(span: Span, f: DocFacts) -> bool:
    """'policeman → police officer', 'two-man rule -> two-person rule': a short line that
    pairs a term with its alternative, the term on either side of the arrow."""
    text = f.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    end = end if end != -1 else len(text)
    return end - start <= 120 and _ARROW.search(text, start, end) is not None


_OPENING_QUOTE = re.compile("[" + re.escape("".join(QUOTES)) + "]")


def _quoted(span: Span, f: DocFacts, sent_start: int, sent_end: int) -> bool:
    """Inside quotation marks: 'policeman', "man the post", “two-man rule” (the span's
    sentence runs from ``sent_start`` to ``sent_end``)."""
    text = f.text
    if _OPENING_QUOTE.search(text, sent_start, span.start_char) is None:
        return False  # the usual case, found without the search per mark below
    before = text[sent_start : span.start_char]
    after = text[span.end_char : sent_end]
    for open_q, close_q in QUOTES.items():
        at = before.rfind(open_q)
        if at == -1 or (open_q == close_q and before.count(open_q) % 2 == 0):
            continue
        if open_q == "'" and at > 0 and before[at - 1].isalnum():
            continue  # an apostrophe, not a quote
        inside = before[at + 1 :]
        close = after.find(close_q)
        if close == -1 or len(inside) + close > 60:
            continue
        if close_q == "'" and close + 1 < len(after) and after[close + 1].isalnum():
            continue
        return True
    return False


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
    if span.start == 0 or not _capital(span):
        return ""
    prev = span.doc[span.start - 1]
    titled = prev.lower_ in HONORIFICS or prev.lower_ in W.TITLES_BEFORE_NAMES
    return prev.text if titled and prev.text[:1].isupper() else ""


def before_name(span: Span, parsed: bool) -> bool:
    """A capitalised title directly before a personal name ("Chairman Lee")."""
    doc = span.doc
    if span.end >= len(doc) or not _capital(span):
        return False
    nxt = doc[span.end]
    if parsed:
        return nxt.ent_type_ == "PERSON" or (nxt.pos_ == "PROPN" and nxt.is_title)
    return nxt.is_alpha and nxt.is_title and not nxt.is_stop and len(nxt) > 1


_PRONOUN_AND_VERB_CHECKS = ("generic-pronoun", "stereotyped-pronoun", "verb-man")


def part_of_name(span: Span, rule: Rule, parsed: bool) -> str:
    """Why a capitalised term is (part of) a name rather than the word ('' if it is not)."""
    if not _capital(span) or span.start == 0:
        return ""
    doc = span.doc
    if title := _surname_after_title(span):
        return f"'{span.text}' is a surname after '{title}'"
    if parsed and (entity := _inside_name(span)):
        return f"part of the name '{entity}'"
    if span.text.isalpha() and any(c.isupper() for c in span.text[1:]) and not span.text.isupper():
        return f"'{span.text}' is written as a name"
    prev = doc[span.start - 1]
    before = doc[span.start - 2] if span.start >= 2 else None
    if (
        _capitalised_word(prev)
        and before is not None
        and (_capitalised_word(before) or before.lower_ in W.TITLES_BEFORE_NAMES)
    ):
        return f"'{span.text}' is a surname after '{before.text} {prev.text}'"
    if (
        prev.lower_ == "of"
        and before is not None
        and before.is_title
        and before.lower_ in W.NAME_HEADS
    ):
        return f"part of the name '{before.text} of {span.text}'"
    nxt = _after_possessive(doc, span.end)
    if nxt is not None and nxt.is_title and nxt.lower_ in W.NAME_HEADS:
        return f"part of the name '{doc[span.start : nxt.i + 1].text}'"
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if (
        rule.category != "job-title"
        and nxt is not None
        and nxt.lower_ == "of"
        and after is not None
        and _capitalised_word(after)
    ):
        return f"part of the name '{span.text} of {after.text}...'"
    return ""


def _after_possessive(doc: object, i: int) -> Token | None:
    """The token at ``i``, or after it when it is a possessive ending."""
    n = len(doc)  # type: ignore[arg-type]
    if i < n and doc[i].lower_ in ("'s", "’s", "'", "’"):  # type: ignore[index]
        i += 1
    return doc[i] if i < n else None  # type: ignore[index]


def _capitalised_word(token: Token) -> bool:
    return token.is_alpha and token.is_title and not token.is_sent_start and not token.is_stop


def _inside_name(span: Span) -> str:
    """The named entity a capitalised term is part of ('Fraternal Order of Police')."""
    if not _capital(span):
        return ""
    for ent in span.doc.ents:
        if ent.label_ == "PERSON" and ent.start == span.start:
            continue  # a title before the name: the rule's before_name decides
        if (
            ent.label_ in NAME_ENTS
            and ent.start <= span.start
            and span.end <= ent.end
            and len(ent) > len(span)
            and all(t.is_title or t.is_stop for t in ent)
        ):
            return ent.text
    return ""
