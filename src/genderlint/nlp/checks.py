"""Named context checks a rule can ask for with `context:`.

Each takes the matched span (in a model-parsed window when a model is loaded, ``parsed``)
and returns a :class:`Verdict` whose note says why it kept or dropped the match.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from genderlint.nlp import wordlists as W
from genderlint.nlp.antecedents import resolve
from genderlint.nlp.docfacts import facts
from genderlint.nlp.verdict import Verdict

_NOT_VERBS = frozenset(
    """
always sometimes perhaps besides thus afterwards towards as us yes less unless this its his
hers ours yours theirs news means series species whereas
""".split()
)


def generic_pronoun(span: Span, parsed: bool) -> Verdict:
    found = resolve(span[0], male=True, parsed=parsed)
    if found.kind != "generic":
        return Verdict(False, f"dropped: {found.why}")
    suggestion, end = _they_with_verb(span, parsed)
    return Verdict(True, f"kept: {found.why}", suggestions=(suggestion,), end_char=end)


def stereotyped_pronoun(span: Span, parsed: bool) -> Verdict:
    found = resolve(span[0], male=False, parsed=parsed)
    if found.kind != "generic":
        return Verdict(False, f"dropped: {found.why}")
    if found.role not in W.STEREOTYPED_FEMALE_ROLES:
        return Verdict(False, f"dropped: {found.why}, not a role stereotyped as female")
    suggestion, end = _they_with_verb(span, parsed)
    return Verdict(
        True,
        f"kept: {found.why}, a role stereotyped as female",
        suggestions=(suggestion,),
        end_char=end,
    )


def _they_with_verb(span: Span, parsed: bool) -> tuple[str, int | None]:
    """'they' plus the agreeing verb ('he reports' -> 'they report')."""
    pronoun = span[0]
    lower = pronoun.lower_
    they = W.PRONOUN_THEY[lower]
    doc = span.doc
    nxt = doc[pronoun.i + 1] if pronoun.i + 1 < len(doc) else None
    if lower == "her":
        possessive = (
            pronoun.tag_ == "PRP$"
            if parsed
            else bool(nxt is not None and nxt.is_alpha and nxt.lower_ not in W.AUXILIARIES)
        )
        they = "their" if possessive else "them"
    if lower not in ("he", "she") or nxt is None:
        return they, None
    base = _plural_verb(nxt, parsed)
    if base is None:
        return they, None
    return f"{they} {base}", nxt.idx + len(nxt.text)


def _plural_verb(verb: Token, parsed: bool) -> str | None:
    lower = verb.lower_
    if lower in W.VERB_3SG:
        return W.VERB_3SG[lower]
    if parsed and verb.tag_ != "VBZ":
        return None
    if not parsed and _unlikely_verb(verb):
        return None
    if not lower.endswith("s"):
        return None
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return lower[:-2]
    return lower[:-1]


def _unlikely_verb(verb: Token) -> bool:
    lower = verb.lower_
    return (
        not verb.is_alpha
        or len(lower) < 4
        or not lower.endswith("s")
        or lower in _NOT_VERBS
        or lower.endswith(("ss", "us", "is", "ways"))
        or not verb.is_lower
    )


_VERB_FORMS = {
    "staff": ("staff", "staffs", "staffed", "staffing"),
    "crew": ("crew", "crews", "crewed", "crewing"),
    "operate": ("operate", "operates", "operated", "operating"),
}
_FORM_INDEX = {"man": 0, "mans": 1, "manned": 2, "manning": 3}
_OBJECTS = W.STAFF_OBJECTS | W.CREW_OBJECTS  # once, not per word tested


def verb_man(span: Span, parsed: bool) -> Verdict:
    """'man the checkpoint' (verb) is a finding; 'the man at the checkpoint' is not.

    Only "man" itself needs the part of speech: "mans", "manned" and "manning" are the
    generic-masculine sense whether verb, adjective or noun ("reduced manning").
    """
    token = span[0]
    lower = token.lower_
    if token.is_title and not token.is_sent_start:
        return Verdict(False, f"dropped: '{token.text}' is a name")
    if lower == "man":
        is_verb = token.pos_ in ("VERB", "AUX") if parsed else _man_is_verb(token)
        if not is_verb:
            return Verdict(False, "dropped: 'man' is the noun, not the verb 'to man'")
    index = _FORM_INDEX.get(lower, 0)
    doc = span.doc
    # the four words after it, then the four before it, nearest first
    after = range(token.i + 1, min(token.i + 5, len(doc)))
    before = range(token.i - 1, max(0, token.i - 4) - 1, -1)
    obj = next((doc[i].lower_ for i in (*after, *before) if doc[i].lower_ in _OBJECTS), "")
    if obj in W.CREW_OBJECTS:
        order: tuple[str, ...] = ("crew", "operate")
    elif obj in W.STAFF_OBJECTS:
        order = ("staff", "operate")
    else:
        order = ("staff", "operate", "crew")
    note = f"kept: '{token.text}' is the verb 'to man'" + (f" (object '{obj}')" if obj else "")
    return Verdict(True, note, suggestions=tuple(_VERB_FORMS[v][index] for v in order))


def _man_is_verb(token: Token) -> bool:
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and prev.lower_ in W.DETERMINERS:
        return False
    if prev is not None and prev.lower_ in W.AUXILIARIES:
        return True
    return nxt is not None and (
        nxt.lower_
        in (
            "the",
            "a",
            "an",
            "our",
            "their",
            "all",
            "each",
            "every",
            "this",
            "these",
            "those",
            "its",
        )
        or nxt.lower_ in _OBJECTS
    )


_STATISTICS = frozenset(
    """
% percent per cent share proportion number numbers ratio quota quotas target targets
representation statistics data disaggregated recruited recruitment balance parity rate
rates figures survey percentage majority minority count total increase decrease
""".split()
)
_SEARCHES = frozenset(
    """
search searches searched searching frisk frisked pat-down same-sex strip-search intimate
body-search examination examinations survivor survivors
""".split()
)


_RELEVANT_PHRASES = (
    "same sex",
    "women and girls",
    "on request",
    "if requested",
    "asks for a",
    "ask for a",
    "requests a",
    "request a",
    "prefer a",
)


_STATISTICS_WORD = 1
_SEARCH_WORD = 2
_WORD_KINDS: dict[int, int] = {}  # ORTH id -> which of the two kinds above the word is


def _word_kind(doc: Doc, orth: int) -> int:
    kind = _WORD_KINDS.get(orth, -1)
    if kind == -1:
        if len(_WORD_KINDS) > 100_000:  # a long-lived process meets ever more words
            _WORD_KINDS.clear()
        lower = doc.vocab[orth].lower_
        kind = _WORD_KINDS[orth] = _STATISTICS_WORD * (lower in _STATISTICS) | _SEARCH_WORD * (
            lower in _SEARCHES
        )
    return kind


def sex_relevant(span: Span, parsed: bool) -> Verdict:
    """'female officer' is advice in general text, but right in statistics and where
    the sex matters operationally (same-sex searches, escorts)."""
    doc = span.doc
    f = facts(doc)
    start, end, start_char, end_char = f.sentence(doc, span.start)
    kinds = 0  # the kinds of word in the sentence, read without a Token per word
    for orth in f.orth(doc)[start:end]:
        kinds |= _word_kind(doc, orth)
    if kinds & _STATISTICS_WORD:
        return Verdict(False, "dropped: the sentence gives figures by sex")
    lowered = f.text[start_char:end_char].lower()
    if kinds & _SEARCH_WORD or any(p in lowered for p in _RELEVANT_PHRASES):
        return Verdict(False, "dropped: the officer's sex matters for this task")
    return Verdict(True, "kept: nothing in the sentence needs the sex stated")


CHECKS: dict[str, Callable[[Span, bool], Verdict]] = {
    "generic-pronoun": generic_pronoun,
    "stereotyped-pronoun": stereotyped_pronoun,
    "verb-man": verb_man,
    "sex-relevant": sex_relevant,
}
