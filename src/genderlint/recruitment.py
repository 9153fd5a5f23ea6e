"""The gendered-wording check for recruitment notices (profile `recruitment`).

Counts masculine-coded and feminine-coded words over the whole document, in the spirit of
Gaucher, Friesen and Kay (2011), and reports once when the balance is strongly masculine:
at least ``RATIO`` times as many masculine-coded words as feminine-coded words plus
``MARGIN`` (so at least 4 with no feminine-coded word, 6 with one, 8 with two). A second,
opt-in check reports every masculine-coded word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from genderlint.document_checks import DocumentHit, document_check
from genderlint.recruitment_words import (
    ALTERNATIVES,
    COMMIT_WORDS,
    CONTEXTS,
    FEMININE,
    MASCULINE,
    NOT_CODED,
    OFFENCES,
)
from genderlint.ruleset.model import Rule
from genderlint.textmap import SourceText

RATIO = 2
MARGIN = 2
NEGATING = frozenset({"non", "un", "anti", "counter"})
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")


@dataclass(frozen=True)
class CodedWord:
    block: int
    start: int
    end: int
    text: str
    code: str  # "masculine" or "feminine"
    entry: str  # the list entry it matched, e.g. "compet*"


def _entry(word: str, entries: tuple[str, ...]) -> str | None:
    for entry in entries:
        if entry.endswith("*"):
            if word.startswith(entry[:-1]):
                return entry
        elif word == entry:
            return entry
    return None


def _classify(word: str) -> tuple[str, str] | None:
    """(code, entry) for one lower-case word, trying the hyphenated whole, the closed form
    and the last part of a compound ("highly-competitive", not "non-competitive")."""
    parts = re.split(r"[-\u2010\u2011]", word)
    candidates = [word, "".join(parts)]
    if len(parts) > 1 and parts[0] not in NEGATING:
        candidates.append(parts[-1])
    for candidate in candidates:
        if NOT_CODED.match(candidate):
            continue
        for code, entries in (("masculine", MASCULINE), ("feminine", FEMININE)):
            entry = _entry(candidate, entries)
            if entry is not None:
                return code, entry
    return None


def _in_domain_phrase(word: str, before: list[str], after: list[str], follow: str) -> bool:
    if word == "objective" and follow.startswith(":"):
        return True  # a heading or label: "Objective: ..."
    if word in COMMIT_WORDS:
        # "committed to the community" is the coded sense; "commit an offence" is not
        if after and after[0] == "to":
            return False
        return any(w in OFFENCES for w in (*before[-3:], *after[:4]))
    if word not in CONTEXTS:
        return False
    prev_words, next_words = CONTEXTS[word]
    return bool(before and before[-1] in prev_words) or bool(after and after[0] in next_words)


def coded_words(source: SourceText) -> list[CodedWord]:
    """Every masculine- or feminine-coded word, in document order."""
    found = []
    for index, block in enumerate(source.blocks):
        text = block.text
        matches = list(_WORD.finditer(text))
        lowered = [m.group().lower() for m in matches]
        for i, m in enumerate(matches):
            hit = _classify(lowered[i])
            if hit is None:
                continue
            follow = text[m.end() : m.end() + 1]
            if _in_domain_phrase(lowered[i], lowered[:i], lowered[i + 1 : i + 5], follow):
                continue
            found.append(CodedWord(index, m.start(), m.end(), m.group(), *hit))
    return found


def alternatives(word: CodedWord) -> tuple[str, ...]:
    """Suggested replacements for a masculine-coded word (empty for feminine-coded)."""
    if word.code != "masculine":
        return ()
    return ALTERNATIVES.get(word.text.lower()) or ALTERNATIVES.get(word.entry, ())


def strongly_masculine(masculine: int, feminine: int) -> bool:
    """The reporting threshold: masculine >= RATIO x (feminine + MARGIN)."""
    return masculine >= RATIO * (feminine + MARGIN)


def _tally(words: list[CodedWord]) -> tuple[str, Counter[str]]:
    counts = Counter(w.text.lower() for w in words)
    listed = ", ".join(f"{t} x{n}" if n > 1 else t for t, n in counts.most_common())
    return listed, counts


@document_check("gendered-wording")
def gendered_wording(source: SourceText, rule: Rule) -> list[DocumentHit]:
    """One finding per document whose wording is strongly masculine-coded."""
    words = coded_words(source)
    masculine = [w for w in words if w.code == "masculine"]
    feminine = [w for w in words if w.code == "feminine"]
    if not strongly_masculine(len(masculine), len(feminine)):
        return []
    m_list, m_counts = _tally(masculine)
    f_part = (
        f"{len(feminine)} feminine-coded ({_tally(feminine)[0]})"
        if feminine
        else "no feminine-coded words"
    )
    first_of = {w.text.lower(): w for w in reversed(masculine)}
    advice = [
        f"{text} -> {' / '.join(alts)}"
        for text, _ in m_counts.most_common()
        if (alts := alternatives(first_of[text]))
    ][:3]
    message = (
        f"Strongly masculine-coded wording: {len(masculine)} masculine-coded words "
        f"({m_list}) against {f_part}" + (f"; consider {'; '.join(advice)}" if advice else "")
    )
    anchor = masculine[0]
    note = (
        f"{len(masculine)} masculine-coded, {len(feminine)} feminine-coded; reported when "
        f"masculine >= {RATIO} x (feminine + {MARGIN})"
    )
    return [
        DocumentHit(anchor.block, anchor.start, anchor.end, message, alternatives(anchor), note)
    ]


@document_check("gendered-wording-words")
def masculine_coded_words(source: SourceText, rule: Rule) -> list[DocumentHit]:
    """Every masculine-coded word, each with its alternatives (an opt-in rule)."""
    return [
        DocumentHit(w.block, w.start, w.end, suggestions=alternatives(w))
        for w in coded_words(source)
        if w.code == "masculine"
    ]
