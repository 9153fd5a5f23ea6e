"""Token patterns, matched cheaply: one spaCy Matcher per pattern, called only on token
windows around the pattern's gate word (its rarest required word) that hold its other
required words at a distance a match allows. A Matcher's cost grows with every pattern it
carries and every token it walks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher

from genderlint.ruleset import compiler

# for one gate token of a pattern: where each other required token lies relative to the
# gate word, as (fewest, most) tokens after it (negative: before it), and the words it takes
Anchor = tuple[tuple[int, int, frozenset[int]], ...]


@dataclass(frozen=True)
class PatternMatcher:
    gate: frozenset[int]  # hashes of the words one of which every match holds
    key: str  # "RULE_ID#n"
    matcher: Matcher
    reach: int | None  # the most tokens a match spans (None: unbounded)
    # per token every match holds (besides the gate word, which each range holds): the
    # lower-case word hashes it takes
    needs: tuple[frozenset[int], ...]
    # one per pattern token the gate word may stand for; empty when some token's length
    # varies too much to place the others (then only the range test applies)
    anchors: tuple[Anchor, ...] = ()
    around: tuple[int, int] = (0, 0)  # with anchors: the most tokens before/after the gate
    # a pattern of one word set per token and nothing else (no OP, no other attribute):
    # those sets, so that its matches are read off the words without a Matcher call
    fixed: tuple[frozenset[int], ...] | None = None

    def fixed_starts(self, lower: list[int], gates: list[int]) -> list[int]:
        """Where a :attr:`fixed` pattern matches, in order, given its gate words' token
        positions: the same matches the Matcher finds (each holds a gate word)."""
        assert self.fixed is not None
        fixed, size = self.fixed, len(self.fixed)
        starts = set()
        for j, words in enumerate(fixed):
            if words != self.gate:
                continue
            for at in gates:
                start = at - j
                inside = start >= 0 and start + size <= len(lower)
                if inside and all(lower[start + k] in fixed[k] for k in range(size)):
                    starts.add(start)
        return sorted(starts)

    def may_match(self, words: set[int]) -> bool:
        """Whether a range with these lower-case word hashes holds every required token.

        Most ranges around a gate word miss another required word; this set test is far
        cheaper than a Matcher call on the range."""
        for need in self.needs:  # noqa: SIM110 (all() over a generator is slower per hit)
            if words.isdisjoint(need):
                return False
        return True

    def may_match_at(self, lower: list[int], at: int) -> bool:
        """Whether a match can hold the gate word at token ``at``: each other required
        word is where the pattern would put it. Tighter than :meth:`may_match` on a range,
        and it tells which gate words a Matcher call has to look around."""
        for anchor in self.anchors:
            for lo, hi, words in anchor:
                if words.isdisjoint(lower[max(at + lo, 0) : at + hi + 1]):
                    break
            else:
                return True
        return False


def required_words(pattern: list[dict[str, object]]) -> list[tuple[int, list[str]]]:
    """Each token every match of a (typographic) pattern contains that pins its text, as
    (index, the lower-case words it takes): ``LOWER`` pins them, and ``ORTH`` too (a
    token's LOWER is its ORTH lower-cased), so a "-" between two words gates as well."""
    return compiler.required_words(pattern, ("LOWER", "ORTH"))


def fixed_of(nlp: Language, pattern: list[dict[str, object]]) -> tuple[frozenset[int], ...] | None:
    """The word set of each token of a pattern whose tokens pin LOWER and nothing else."""
    add = nlp.vocab.strings.add
    out = []
    for token in pattern:
        value = token.get("LOWER")
        # nothing but LOWER, and no condition beside "IN" ("NOT_IN", a regex ...)
        plain = set(token) == {"LOWER"} and (not isinstance(value, dict) or set(value) == {"IN"})
        words = compiler.pinned_words(value) if plain else None
        if words is None:
            return None
        out.append(frozenset(add(w) for w in words))
    return tuple(out)


def needs_of(nlp: Language, pattern: list[dict[str, object]]) -> tuple[frozenset[int], ...]:
    """The LOWER hashes each required token of a (typographic) pattern accepts."""
    add = nlp.vocab.strings.add
    return tuple(frozenset(add(w) for w in words) for _, words in required_words(pattern))


def span_of(op: str) -> tuple[int, int] | None:
    """The fewest and most tokens a pattern token with this OP takes (None: unbounded)."""
    if op in ("1", "!"):  # "!" takes one token that does not match
        return 1, 1
    if op == "?":
        return 0, 1
    count = re.fullmatch(r"\{(\d*)(?:,(\d*))?\}", op)
    if count is None or count.group(2) == "":
        return None
    fewest = int(count.group(1) or 0)
    return fewest, fewest if count.group(2) is None else int(count.group(2))


def anchors_of(
    nlp: Language, tokens: list[dict[str, object]], gate: frozenset[int]
) -> tuple[tuple[Anchor, ...], tuple[int, int]]:
    """For each required token whose words are the gate's, the offsets of the others; and
    the most tokens a match holds before and after such a token."""
    spans = [span_of(str(t.get("OP", "1"))) for t in tokens]
    words: dict[int, frozenset[int]] = {}
    for i, listed in required_words(tokens):
        if spans[i] != (1, 1):
            return (), (0, 0)
        words[i] = frozenset(nlp.vocab.strings.add(w) for w in listed)
    if None in spans:
        return (), (0, 0)
    fewest = [s[0] for s in spans if s is not None]
    most = [s[1] for s in spans if s is not None]
    anchors = []
    before = after = 0
    for j in (i for i, w in words.items() if w == gate):
        before, after = max(before, sum(most[:j])), max(after, sum(most[j + 1 :]))
        anchor = []
        for k, need in words.items():
            if k > j:
                anchor.append((1 + sum(fewest[j + 1 : k]), 1 + sum(most[j + 1 : k]), need))
            elif k < j:
                anchor.append((-1 - sum(most[k + 1 : j]), -1 - sum(fewest[k + 1 : j]), need))
        anchors.append(tuple(anchor))
    return tuple(anchors), (before, after)


def windows(length: int, at: list[int], reach: int) -> Iterator[tuple[int, int]]:
    """Token ranges that hold every match through the positions ``at`` (sorted): each
    position widened by ``reach - 1`` tokens on both sides, overlapping ranges merged."""
    start, end = at[0] - reach + 1, at[0] + reach
    for i in at[1:]:
        if i - reach + 1 > end:
            yield max(start, 0), min(end, length)
            start = i - reach + 1
        end = i + reach
    yield max(start, 0), min(end, length)
