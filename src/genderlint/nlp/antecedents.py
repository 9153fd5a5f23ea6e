"""Which noun a third-person pronoun refers back to, and whether that noun is generic.

The search covers the pronoun's sentence and the one before. It takes the leftmost
candidate (in English usually the subject, which pronouns most often refer to), skipping
possessors ("the suspect's brother" refers to the brother). A role noun is generic under
each/every/any/no, and under a/an/the unless the sentence tells of one event (a past-tense
verb without a modal of duty, or a date or time word).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from genderlint.nlp import wordlists as W

INSTITUTION_WORDS = frozenset(
    """
service police force army navy ministry department office unit section division court
council mission nations union act regulation policy manual procedure procedures rule rules
code conduct article annex chapter part government agency board committee commission
directorate command headquarters centre center staff security guard border corps republic
state annex appendix form guide handbook
""".split()
)
_NOT_NAME_BEFORE = frozenset("the a an of for in on to by with from at under this that".split())
_SINGULAR_ROLES = frozenset(
    w for w in W.ROLE_NOUNS | W.STEREOTYPED_FEMALE_ROLES if not w.endswith("s")
) | {"witness", "accused", "staff", "actress", "waitress", "hostess"}
_ALWAYS_GENERIC = frozenset("anyone anybody everyone everybody whoever whomever nobody".split())
_NOT_MALE_MAN = frozenset("human woman german roman shaman ottoman".split())
_SUBJECT_PRONOUNS = frozenset("he she they it we i you".split())


@dataclass(frozen=True)
class Antecedent:
    kind: str  # generic | specific | none
    why: str
    role: str = ""  # the role noun, lower case, when there is one


def resolve(pronoun: Token, male: bool, parsed: bool, depth: int = 0) -> Antecedent:
    """Find and classify what ``pronoun`` refers back to."""
    doc = pronoun.doc
    sent = pronoun.sent
    windows = [doc[sent.start : pronoun.i]]
    if sent.start > 0:
        prev = doc[sent.start - 1].sent
        windows.append(doc[prev.start : prev.end])
    own_pronouns = {"he", "him", "his", "himself"} if male else {"she", "her", "hers", "herself"}
    head = _relative_head(pronoun)
    if head is not None:
        found = _classify(head, male, parsed)
        if found is not None:
            return found
    for window in windows:
        for token in window:
            if token.lower_ in own_pronouns and depth < 3:
                return resolve(token, male, parsed, depth + 1)
            found = _classify(token, male, parsed)
            if found is not None:
                return found
    return Antecedent("none", "no gender-neutral antecedent in this or the previous sentence")


def _relative_head(pronoun: Token) -> Token | None:
    """In '..., Major Hassan, who will brief them on his priorities' the pronoun sits in a
    relative clause, whose subject is the noun before 'who'."""
    sent = pronoun.sent
    for token in reversed(sent.doc[sent.start : pronoun.i]):
        if token.lower_ in ("who", "whom", "whose"):
            i = token.i - 1
            while i >= sent.start and sent.doc[i].text in (",", "—", "("):
                i -= 1
            return sent.doc[i] if i >= sent.start else None
        if token.text in (";", ":"):
            return None
    return None


def _classify(token: Token, male: bool, parsed: bool) -> Antecedent | None:
    lower = token.lower_
    if _is_possessor(token):
        return None
    if lower in (W.MALE_NOUNS if male else W.FEMALE_NOUNS):
        return Antecedent(
            "specific", f"antecedent '{token.text}' is a {'male' if male else 'female'} noun"
        )
    if _is_named(token, parsed):
        return Antecedent("specific", f"antecedent '{token.text}' is a named person")
    if _indefinite(token):
        if lower in _ALWAYS_GENERIC or lower == "one" or not _narrative(token, parsed):
            return Antecedent("generic", f"antecedent '{token.text}' is indefinite")
        return Antecedent("specific", f"antecedent '{token.text}' is one person in a narrative")
    role = _role(token)
    if not role:
        return None
    first = token.doc[token.i - 2] if "-" in role and token.i >= 2 else token
    det = _determiner(first)
    phrase = f"{det} {role}".strip()
    if _apposition(token):
        return Antecedent("specific", f"antecedent '{phrase}' is named right after it", role)
    if _sex_modifier(token, male) or _said_to_be(token, male):
        return Antecedent("specific", f"antecedent '{phrase}' has its sex stated", role)
    if det in W.STRONG_QUANTIFIERS:
        return Antecedent("generic", f"antecedent '{phrase}' is a role of any gender", role)
    if _narrative(token, parsed):
        return Antecedent("specific", f"antecedent '{phrase}' is one person in a narrative", role)
    return Antecedent("generic", f"antecedent '{phrase}' is a role in a general statement", role)


def _indefinite(token: Token) -> bool:
    """'anyone', 'no one', and 'each' standing alone ('each of them'), not 'each officer'."""
    lower = token.lower_
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if lower == "one":
        return token.i > 0 and doc[token.i - 1].lower_ == "no"
    if lower in ("each", "either", "neither"):
        return nxt is None or nxt.lower_ == "of" or nxt.is_punct or nxt.lower_ in W.MODALS
    return lower in W.INDEFINITES


def _role(token: Token) -> str:
    """The role noun at this token ('asylum-seeker' spans three tokens)."""
    lower = token.lower_
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        compound = f"{doc[token.i - 2].lower_}-{lower}"
        if compound in _SINGULAR_ROLES:
            return compound
    if (lower in _SINGULAR_ROLES or _gendered_title(lower)) and not _followed_by_name(token):
        return lower
    return ""


def _is_possessor(token: Token) -> bool:
    """'the suspect's brother': the brother, a person, is what a pronoun can refer to."""
    doc = token.doc
    if not (token.i + 2 < len(doc) and doc[token.i + 1].lower_ in ("'s", "’s")):
        return False
    head = doc[token.i + 2]
    return head.lower_ in W.MALE_NOUNS or head.lower_ in W.FEMALE_NOUNS or bool(_role(head))


def _gendered_title(lower: str) -> bool:
    """'policeman', 'chairwoman': a title that states a sex is still a role; a pronoun
    after 'each policeman' is as generic as the title."""
    return (
        lower.endswith(("man", "woman")) and len(lower) > 5 and lower not in _NOT_MALE_MAN
    ) or lower in ("policemen", "policewomen")


def _sex_modifier(token: Token, male: bool) -> bool:
    """'a male detainee': the role's sex is given right before it."""
    words = ("male", "man", "men") if male else ("female", "woman", "women")
    return any(t.lower_ in words for t in token.doc[max(0, token.i - 2) : token.i])


def _apposition(token: Token) -> bool:
    """'The applicant, Mr Sousa, ...': a name in apposition makes the role one person."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    nxt = doc[token.i + 2]
    return nxt.is_title and nxt.is_alpha and not nxt.is_stop and nxt.lower_ not in W.ROLE_NOUNS


def _said_to_be(token: Token, male: bool) -> bool:
    """'The suspect is a man of about forty': a copula gives the role's sex."""
    own = W.MALE_NOUNS if male else W.FEMALE_NOUNS
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 3, len(doc))):
        if doc[i].lower_ in ("is", "was", "are", "were", "be", "being", "been"):
            return any(t.lower_ in own for t in doc[i + 1 : i + 5])
    return False


def _followed_by_name(token: Token) -> bool:
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return bool(
        nxt is not None and token.is_title and nxt.is_title and nxt.is_alpha and not nxt.is_stop
    )


def _is_named(token: Token, parsed: bool) -> bool:
    if parsed:
        return token.ent_type_ == "PERSON"
    if not (token.is_alpha and token.is_title) or token.is_sent_start or token.is_stop:
        return False
    lower = token.lower_
    if lower in INSTITUTION_WORDS or (lower in W.ROLE_NOUNS and not _followed_by_name(token)):
        return False
    prev = token.doc[token.i - 1]
    return prev.lower_ not in _NOT_NAME_BEFORE


def _determiner(token: Token) -> str:
    """The quantifier or article in front of a role noun ('each', 'the', '')."""
    for prev in reversed(token.doc[max(0, token.i - 3) : token.i]):
        if prev.lower_ in W.QUANTIFIERS or prev.lower_ in ("the", "this", "that", "all"):
            return prev.lower_
        if prev.is_punct or prev.lower_ in W.ROLE_NOUNS:
            break
    return ""


def _narrative(token: Token, parsed: bool) -> bool:
    """The sentence tells of one event: a time word, or a past tense without a duty modal."""
    sentence = token.sent
    # "May" in the middle of a sentence is the month, not the modal
    month = {t.i for t in sentence if t.text == "May" and not t.is_sent_start}
    words = [t.lower_ for t in sentence if t.i not in month]
    if month or any(w in W.TIME_CUES for w in words) or _has_date(sentence):
        return True
    if any(w in W.STRONG_MODALS for w in words):
        return False
    if parsed:
        return any(t.tag_ == "VBD" for t in sentence)
    doc = sentence.doc
    # a regular past tense right after its subject: "the guard opened", "he attacked"
    return any(w in W.PAST_IRREGULAR for w in words) or any(
        t.is_lower
        and t.is_alpha
        and len(t) > 4
        and t.lower_.endswith("ed")
        and t.i > 0
        and (doc[t.i - 1].lower_ in _SUBJECT_PRONOUNS or bool(_role(doc[t.i - 1])))
        and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "by")
        for t in sentence
    )


def _has_date(sentence: Span) -> bool:
    return any(
        t.like_num and t.i + 1 < len(sentence.doc) and sentence.doc[t.i + 1].lower_ in W.TIME_CUES
        for t in sentence
    )
