"""Which noun a third-person pronoun refers back to, and whether that noun is generic.

The search covers the pronoun's sentence and the one before. It takes the leftmost
candidate (in English usually the subject, which pronouns most often refer to), skipping
possessors ("the suspect's brother" refers to the brother). A role noun is generic under
each/every/any/no, and under a/an/the unless the sentence tells of one event (a past-tense
verb without a modal of duty, or a date or time word).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from genderlint.nlp import wordlists as W
from genderlint.nlp.docfacts import facts

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
    f = facts(doc)
    start = f.tokens(pronoun.i)[0]
    windows = [(start, pronoun.i)]
    if start > 0:
        windows.append(f.tokens(start - 1))
    own_pronoun = _MALE_PRONOUN if male else _FEMALE_PRONOUN
    head = _relative_head(doc, pronoun.i, start)
    if head is not None:
        found = _classify(doc[head], male, parsed)
        if found is not None:
            return found
    # _classify says nothing about most words: test those by their word facts alone
    may_classify = _KNOWN if parsed else _KNOWN | _TITLE
    orths = f.orth(doc)
    for first, last in windows:
        for i in range(first, last):
            bits = _word_facts(doc, orths[i])
            if bits & own_pronoun and depth < 3:
                return resolve(doc[i], male, parsed, depth + 1)
            if bits & may_classify or (parsed and f.person(doc, i)):
                found = _classify(doc[i], male, parsed)
                if found is not None:
                    return found
    return Antecedent("none", "no gender-neutral antecedent in this or the previous sentence")


def _relative_head(doc: Doc, i: int, sent_start: int) -> int | None:
    """In '..., Major Hassan, who will brief them on his priorities' the pronoun (token
    ``i``) sits in a relative clause, whose subject is the noun before 'who'."""
    orths = facts(doc).orth(doc)
    for j in range(i - 1, sent_start - 1, -1):
        bits = _word_facts(doc, orths[j])
        if bits & _WHO:
            j -= 1
            while j >= sent_start and _word_facts(doc, orths[j]) & _BEFORE_WHO:
                j -= 1
            return j if j >= sent_start else None
        if bits & _CLAUSE_END:
            return None
    return None


# word facts, bit by bit, of a token's lexeme (the same for every token of that spelling)
_KNOWN = 1  # a word _classify may say something about (see _known_word)
_TITLE = 2  # alphabetic and title case: may be a name when there is no model
_MALE_PRONOUN = 4
_FEMALE_PRONOUN = 8
_WHO = 16
_CLAUSE_END = 32
_BEFORE_WHO = 64
_MAY = 1 << 7  # "May": the month or the modal
_TIME_CUE = 1 << 8
_STRONG_MODAL = 1 << 9
_PAST_IRREGULAR = 1 << 10
_REGULAR_PAST = 1 << 11  # lower-case, longer than four letters, ends in -ed
_SUBJECT = 1 << 12
_BY = 1 << 13
_LIKE_NUM = 1 << 14
_WORD_FACTS: dict[int, int] = {}  # ORTH id -> bits


def _word_facts(doc: Doc, orth: int) -> int:
    bits = _WORD_FACTS.get(orth, -1)
    if bits == -1:
        if len(_WORD_FACTS) > 100_000:  # a long-lived process meets ever more words
            _WORD_FACTS.clear()
        lex = doc.vocab[orth]
        lower, text = lex.lower_, lex.orth_
        bits = _WORD_FACTS[orth] = (
            _KNOWN * _known_word(lower)
            | _TITLE * (lex.is_alpha and lex.is_title)
            | _MALE_PRONOUN * (lower in ("he", "him", "his", "himself"))
            | _FEMALE_PRONOUN * (lower in ("she", "her", "hers", "herself"))
            | _WHO * (lower in ("who", "whom", "whose"))
            | _CLAUSE_END * (text in (";", ":"))
            | _BEFORE_WHO * (text in (",", "—", "("))
            | _MAY * (text == "May")
            | _TIME_CUE * (lower in W.TIME_CUES)
            | _STRONG_MODAL * (lower in W.STRONG_MODALS)
            | _PAST_IRREGULAR * (lower in W.PAST_IRREGULAR)
            | _REGULAR_PAST
            * (lex.is_lower and lex.is_alpha and len(text) > 4 and lower.endswith("ed"))
            | _SUBJECT * (lower in _SUBJECT_PRONOUNS)
            | _BY * (lower == "by")
            | _LIKE_NUM * lex.like_num
        )
    return bits


# the words _classify can say something about, besides names and '-man' titles
_KNOWN_WORDS = (
    W.MALE_NOUNS
    | W.FEMALE_NOUNS
    | W.INDEFINITES
    | {"one", "each", "either", "neither"}
    | _SINGULAR_ROLES
    | {w[n + 1 :] for w in _SINGULAR_ROLES for n, c in enumerate(w) if c == "-"}
)


def _known_word(lower: str) -> bool:
    return lower in _KNOWN_WORDS or _gendered_title(lower)


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
    doc, i = token.doc, token.i
    return (i >= 1 and doc[i - 1].lower_ in words) or (i >= 2 and doc[i - 2].lower_ in words)


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
    doc = token.doc
    for j in range(token.i - 1, max(0, token.i - 3) - 1, -1):  # no Span to walk
        prev = doc[j]
        if prev.lower_ in W.QUANTIFIERS or prev.lower_ in ("the", "this", "that", "all"):
            return prev.lower_
        if prev.is_punct or prev.lower_ in W.ROLE_NOUNS:
            break
    return ""


def _narrative(token: Token, parsed: bool) -> bool:
    """The sentence tells of one event: a time word, or a past tense without a duty modal."""
    doc = token.doc
    f = facts(doc)
    start, end = f.tokens(token.i)
    key = ("narrative" if parsed else "narrative-blank", start)
    found = f.memo.get(key)
    if found is None:  # the same for every role noun of the sentence
        found = f.memo[key] = _narrative_sentence(doc, start, end, parsed)
    return found


def _narrative_sentence(doc: Doc, start: int, end: int, parsed: bool) -> bool:
    orths = facts(doc).orth(doc)
    words = [_word_facts(doc, orths[i]) for i in range(start, end)]
    # "May" in the middle of a sentence is the month, not the modal
    if any(bits & _MAY and not doc[start + k].is_sent_start for k, bits in enumerate(words)):
        return True
    if any(bits & _TIME_CUE for bits in words) or _has_date(doc, start, words):
        return True
    if any(bits & _STRONG_MODAL for bits in words):
        return False
    if parsed:
        return any(doc[i].tag_ == "VBD" for i in range(start, end))
    if any(bits & _PAST_IRREGULAR for bits in words):
        return True
    # a regular past tense right after its subject: "the guard opened", "he attacked"
    return any(
        bits & _REGULAR_PAST
        and i > 0
        and (_word_facts(doc, orths[i - 1]) & _SUBJECT or bool(_role(doc[i - 1])))
        and not (i + 1 < len(orths) and _word_facts(doc, orths[i + 1]) & _BY)
        for i, bits in enumerate(words, start)
    )


def _has_date(doc: Doc, start: int, words: list[int]) -> bool:
    """A number before a time word ('3 March'); ``words`` are the sentence's word facts."""
    orths = facts(doc).orth(doc)
    return any(
        bits & _LIKE_NUM and i + 1 < len(orths) and _word_facts(doc, orths[i + 1]) & _TIME_CUE
        for i, bits in enumerate(words, start)
    )
