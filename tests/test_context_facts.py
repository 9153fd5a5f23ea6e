"""The shortcuts the context checks take for speed give what the plain spaCy reads give."""

from __future__ import annotations

import re
import sys

import pytest
import spacy
from spacy.language import Language

from genderlint.nlp import antecedents as A
from genderlint.nlp import context as C
from genderlint.nlp import docfacts
from genderlint.nlp.pipeline import find_installed_model

TEXTS = [
    "Each officer must file his report. The chairman said so! Anyone who asks gets her answer.",
    "If a suspect is arrested, he must be told why; the guard on duty records it.",
    "On 3 May the applicant, Mr Sousa, said he had been detained. Nobody helped him.",
    "The Fraternal Order of Police met Major Hassan, who will brief them on his priorities.",
    "A female pilot flew. Each asylum-seeker and every child-soldier gets his own counsel.",
    "The suspect is a man of about forty... She opened the door and he attacked her.",
    "Terms to avoid: manpower, chairman. “Policeman” is outdated → police officer.",
    "word",
    "",
]


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _models() -> list[tuple[Language, bool]]:
    name = find_installed_model()
    return [(spacy.load(name), True)] if name else []


def _docs(blank: Language) -> list[tuple[spacy.tokens.Doc, bool]]:
    docs = [(blank(t), False) for t in TEXTS]
    for nlp, parsed in _models():
        docs += [(nlp(t), parsed) for t in TEXTS]
    return docs


def test_sentence_bounds_are_span_sent(blank: Language) -> None:
    for doc, _ in _docs(blank):
        _assert_sentences(doc, docfacts.facts(doc))


def _assert_sentences(doc: spacy.tokens.Doc, facts: docfacts.DocFacts) -> None:
    """Every token's sentence, asked for in an order that leaves some sentences unread
    first (their character bounds are made on demand), has Doc.sents' bounds."""
    expected = {t.i: (t.sent.start, t.sent.end, t.sent.start_char, t.sent.end_char) for t in doc}
    for i in [*range(len(doc) - 1, -1, -2), *range(len(doc))]:
        assert facts.sentence(doc, i) == expected[i], (doc.text, i)
        assert facts.tokens(i) == expected[i][:2], (doc.text, i)


def test_word_facts_never_skip_a_token_classify_knows(blank: Language) -> None:
    """resolve() only calls _classify where the word facts allow it: every token that
    _classify says something about must pass that test."""
    seen = 0
    for doc, parsed in _docs(blank):
        facts = docfacts.facts(doc)
        orths = facts.orth(doc)
        for token in doc:
            bits = A._word_facts(doc, orths[token.i])
            allowed = bits & (A._KNOWN if parsed else A._KNOWN | A._TITLE) or (
                parsed and facts.person(doc, token.i)
            )
            for male in (True, False):
                if A._classify(token, male, parsed) is not None:
                    seen += 1
                    assert allowed, (token.text, male, parsed)
    assert seen > 20  # the texts do exercise the classifier


def test_word_facts_match_the_token_attributes(blank: Language) -> None:
    for doc, _ in _docs(blank):
        orths = docfacts.facts(doc).orth(doc)
        for token in doc:
            bits = A._word_facts(doc, orths[token.i])
            assert bool(bits & A._TITLE) == (token.is_alpha and token.is_title)
            assert bool(bits & A._MALE_PRONOUN) == (token.lower_ in ("he", "him", "his", "himself"))
            assert bool(bits & A._LIKE_NUM) == token.like_num


def test_narrative_as_before(blank: Language) -> None:
    """The per-sentence narrative test, on word facts, against the Token-by-Token rule."""

    def by_tokens(token: spacy.tokens.Token, parsed: bool) -> bool:
        sentence = token.sent
        month = {t.i for t in sentence if t.text == "May" and not t.is_sent_start}
        words = [t.lower_ for t in sentence if t.i not in month]
        dated = any(
            t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in A.W.TIME_CUES
            for t in sentence
        )
        if month or any(w in A.W.TIME_CUES for w in words) or dated:
            return True
        if any(w in A.W.STRONG_MODALS for w in words):
            return False
        if parsed:
            return any(t.tag_ == "VBD" for t in sentence)
        return any(w in A.W.PAST_IRREGULAR for w in words) or any(
            t.is_lower
            and t.is_alpha
            and len(t) > 4
            and t.lower_.endswith("ed")
            and t.i > 0
            and (doc[t.i - 1].lower_ in A._SUBJECT_PRONOUNS or bool(A._role(doc[t.i - 1])))
            and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "by")
            for t in sentence
        )

    for doc, parsed in _docs(blank):
        for token in doc:
            assert A._narrative(token, parsed) == by_tokens(token, parsed), token.sent.text


def test_after_lookahead_keeps_the_matches() -> None:
    """_AFTER tests the first letters of its verbs before trying them: under IGNORECASE
    the class admits exactly the characters the verbs' first letters match."""
    letters = re.compile("(?:i|a|w|s|m)", re.IGNORECASE)
    klass = re.compile("[iawsm]", re.IGNORECASE)
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        assert bool(letters.fullmatch(char)) == bool(klass.fullmatch(char)), hex(point)
    plain = re.compile(C._AFTER.pattern.replace(r"\b(?=[iawsm])", r"\b", 1), re.IGNORECASE)
    assert plain.pattern != C._AFTER.pattern
    for rest in (
        " is an outdated term",
        " İs outdated",
        " ıs sexist",
        " ſhould be avoided",
        ", which MUST NOT BE USED",
        " as terms to avoid",
        " (avoid)",
        " becomes staffed",
        " was here. It is outdated",
        " is fine",
    ):
        assert bool(C._AFTER.match(rest)) == bool(plain.match(rest)), rest


def test_sentence_starts_kept_by_the_pipeline_are_doc_sents() -> None:
    """The blank pipeline's sentencizer leaves its starts for DocFacts: they must give the
    sentences Doc.sents gives, with their character bounds."""
    from genderlint.config import Config
    from genderlint.engine import engine_for
    from genderlint.nlp.verdict import SENT_STARTS_KEY

    nlp = engine_for(Config(model="none")).nlp
    texts = [*TEXTS, "  Leading space.  Two  spaces. ", "Wait... what?! (Yes.) “Quoted.” Done"]
    for doc in nlp.pipe(texts):
        assert (len(doc) == 0) or SENT_STARTS_KEY in doc.user_data
        _assert_sentences(doc, docfacts.DocFacts(doc))
