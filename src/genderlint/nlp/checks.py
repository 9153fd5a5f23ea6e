"""Named context checks a rule can ask for with `context:` (pronouns, the verb "man")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from genderlint.nlp import wordlists as W
from genderlint.nlp.verdict import Verdict

INSTITUTION_WORDS = frozenset(
    [
        "service",
        "police",
        "force",
        "army",
        "navy",
        "ministry",
        "department",
        "office",
        "unit",
        "section",
        "division",
        "court",
        "council",
        "mission",
        "nations",
        "union",
        "act",
        "regulation",
        "policy",
        "manual",
        "procedure",
        "procedures",
        "rule",
        "rules",
        "code",
        "article",
        "annex",
        "chapter",
        "part",
        "government",
        "agency",
        "board",
        "committee",
        "commission",
        "directorate",
        "command",
        "headquarters",
        "centre",
        "center",
        "staff",
        "security",
        "guard",
        "border",
        "corps",
        "republic",
        "state",
    ]
)
_NOT_VERBS = frozenset(
    [
        "always",
        "sometimes",
        "perhaps",
        "besides",
        "thus",
        "afterwards",
        "towards",
        "as",
        "us",
        "yes",
        "less",
        "unless",
        "this",
        "its",
        "his",
        "hers",
        "ours",
        "yours",
        "theirs",
        "news",
        "means",
        "series",
        "species",
        "whereas",
    ]
)


# role nouns that can be the antecedent of a singular pronoun
_SINGULAR_ROLES = frozenset(
    w for w in W.ROLE_NOUNS | W.STEREOTYPED_FEMALE_ROLES if not w.endswith("s")
) | {"witness", "accused", "staff", "actress", "waitress", "hostess"}


def _sentence_window(span: Span) -> list[Token]:
    """Tokens from the start of the previous sentence up to the pronoun, nearest first."""
    doc = span.doc
    sent = span.sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return list(reversed(doc[start : span.start]))


def _is_named(token: Token, parsed: bool) -> bool:
    if parsed:
        return token.ent_type_ == "PERSON"
    return (
        token.is_alpha
        and token.is_title
        and not token.is_sent_start
        and not token.is_stop
        and token.lower_ not in INSTITUTION_WORDS
        and token.lower_ not in W.ROLE_NOUNS
    )


def _determiner(token: Token) -> str:
    """The quantifier or article in front of a role noun ('each', 'the', '')."""
    for prev in reversed(token.doc[max(0, token.i - 3) : token.i]):
        if prev.lower_ in W.QUANTIFIERS or prev.lower_ in ("the", "this", "that", "all"):
            return prev.lower_
        if prev.is_punct or prev.lower_ in W.ROLE_NOUNS:
            break
    return ""


def _generic_setting(role: Token, pronoun: Token) -> bool:
    """Rules and procedures: a modal or a condition between the role noun and the pronoun."""
    words = {t.lower_ for t in role.doc[role.sent.start : pronoun.i + 1]}
    return bool(words & (W.MODALS | W.CONDITIONALS | {"who", "whose", "whom"}))


def _antecedent(span: Span, parsed: bool, male: bool) -> tuple[str, str]:
    """('generic'|'specific'|'none', explanation) for a third-person pronoun."""
    own = W.MALE_NOUNS if male else W.FEMALE_NOUNS
    for token in _sentence_window(span):
        lower = token.lower_
        if lower in own:
            return "specific", f"antecedent '{token.text}' is a {'male' if male else 'female'} noun"
        if _is_named(token, parsed):
            return "specific", f"antecedent '{token.text}' is a named person"
        if lower in W.INDEFINITES or (
            lower == "one" and token.i and token.doc[token.i - 1].lower_ == "no"
        ):
            return "generic", f"antecedent '{token.text}' is indefinite"
        if lower in _SINGULAR_ROLES:
            det = _determiner(token)
            phrase = f"{det} {token.text}".strip()
            if det in W.QUANTIFIERS:
                return "generic", f"antecedent '{phrase}' is a role of any gender"
            if _generic_setting(token, span[0]):
                return "generic", f"antecedent '{phrase}' is a role in a general rule"
            return "specific", f"antecedent '{phrase}' may be one known person"
    return "none", "no gender-neutral antecedent in this or the previous sentence"


def _they_with_verb(span: Span, parsed: bool) -> tuple[str, int | None]:
    """'they' plus the agreeing verb ('he reports' -> 'they report')."""
    pronoun = span[0]
    lower = pronoun.lower_
    they = W.PRONOUN_THEY[lower]
    if lower == "her":
        nxt = span.doc[pronoun.i + 1] if pronoun.i + 1 < len(span.doc) else None
        possessive = (
            pronoun.tag_ == "PRP$"
            if parsed
            else bool(nxt is not None and nxt.is_alpha and nxt.lower_ not in W.AUXILIARIES)
        )
        they = "their" if possessive else "them"
    if lower not in ("he", "she") or pronoun.i + 1 >= len(span.doc):
        return they, None
    verb = span.doc[pronoun.i + 1]
    base = _plural_verb(verb, parsed)
    if base is None:
        return they, None
    return f"{they} {base}", verb.idx + len(verb.text)


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


def generic_pronoun(span: Span, parsed: bool) -> Verdict:
    kind, why = _antecedent(span, parsed, male=True)
    if kind != "generic":
        return Verdict(False, f"dropped: {why}")
    suggestion, end = _they_with_verb(span, parsed)
    return Verdict(True, f"kept: {why}", suggestions=(suggestion,), end_char=end)


def stereotyped_pronoun(span: Span, parsed: bool) -> Verdict:
    kind, why = _antecedent(span, parsed, male=False)
    if kind != "generic":
        return Verdict(False, f"dropped: {why}")
    role = why.split("'")[1].split()[-1].lower() if "'" in why else ""
    if role not in W.STEREOTYPED_FEMALE_ROLES:
        return Verdict(False, f"dropped: {why}, not a role stereotyped as female")
    suggestion, end = _they_with_verb(span, parsed)
    return Verdict(
        True, f"kept: {why}, a role stereotyped as female", suggestions=(suggestion,), end_char=end
    )


_VERB_FORMS = {
    "staff": ("staff", "staffs", "staffed", "staffing"),
    "crew": ("crew", "crews", "crewed", "crewing"),
    "operate": ("operate", "operates", "operated", "operating"),
}
_FORM_INDEX = {"man": 0, "mans": 1, "manned": 2, "manning": 3}


def verb_man(span: Span, parsed: bool) -> Verdict:
    token = span[0]
    lower = token.lower_
    if token.is_title and not token.is_sent_start and lower in ("manning", "mann"):
        return Verdict(False, f"dropped: '{token.text}' is a name")
    if parsed:
        is_verb = token.pos_ in ("VERB", "AUX") or (
            lower != "man" and token.tag_ in ("VBN", "VBG", "VBD", "JJ")
        )
    else:
        is_verb = lower != "man" or _man_is_verb(token)
    if not is_verb:
        return Verdict(False, f"dropped: '{token.text}' is the noun, not the verb 'to man'")
    index = _FORM_INDEX.get(lower, 0)
    doc = span.doc
    nearby = [*doc[token.i + 1 : token.i + 5], *reversed(doc[max(0, token.i - 4) : token.i])]
    obj = next((t.lower_ for t in nearby if t.lower_ in W.STAFF_OBJECTS | W.CREW_OBJECTS), "")
    if obj in W.CREW_OBJECTS:
        order = ("crew", "operate")
    elif obj in W.STAFF_OBJECTS:
        order = ("staff", "operate")
    else:
        order = ("staff", "operate", "crew")
    suggestions = tuple(_VERB_FORMS[v][index] for v in order)
    note = f"kept: '{token.text}' is the verb 'to man'" + (f" (object '{obj}')" if obj else "")
    return Verdict(True, note, suggestions=suggestions)


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
        or nxt.lower_ in W.STAFF_OBJECTS | W.CREW_OBJECTS
    )


CHECKS: dict[str, Callable[[Span, bool], Verdict]] = {
    "generic-pronoun": generic_pronoun,
    "stereotyped-pronoun": stereotyped_pronoun,
    "verb-man": verb_man,
}
