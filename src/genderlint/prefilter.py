"""The cheap first pass: one regular expression, built as a prefix tree, over raw text.

It must be a superset of the spaCy matchers: whenever the full pipeline could report a
finding in a text, :meth:`Prefilter.may_match` is true for that text. Each form is its token
sequence with optional whitespace between tokens; word edges are bounded by
non-alphanumerics. Rules whose context check needs a second word (a generic pronoun needs
a role noun or an indefinite nearby) are conjunctive: both parts must be present.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

GAP = "\x00"  # stands for the optional whitespace between two tokens
_END = ""
_LEFT = r"(?<![^\W_])"
_RIGHT = r"(?![^\W_])"


def trie_pattern(sequences: Iterable[tuple[str, ...]]) -> str:
    """A regular expression matching any of the token sequences (case folded by the caller)."""
    root: dict[str, dict] = {}
    for seq in sequences:
        node = root
        for ch in GAP.join(t.lower() for t in seq):
            node = node.setdefault(ch, {})
        node[_END] = {}
    word_start = {ch: sub for ch, sub in root.items() if ch.isalnum()}
    other_start = {ch: sub for ch, sub in root.items() if not ch.isalnum()}
    parts = []
    if word_start:
        parts.append(_LEFT + _emit(word_start, ""))
    if other_start:
        parts.append(_emit(other_start, ""))
    return "|".join(parts) if parts else r"(?!x)x"


def _emit(node: dict[str, dict], prev: str) -> str:
    alternatives = []
    for ch in sorted(k for k in node if k != _END):
        piece = r"\s*" if ch == GAP else re.escape(ch)
        alternatives.append(piece + _emit(node[ch], ch))
    if _END in node:
        alternatives.append(_RIGHT if prev.isalnum() else "")
    if len(alternatives) == 1:
        return alternatives[0]
    # single characters read better (and match faster) as a class
    singles = [a for a in alternatives if len(a) == 1 and a.isalnum()]
    rest = [a for a in alternatives if a not in singles]
    if len(singles) > 1:
        rest.insert(0, "[" + "".join(singles) + "]")
    else:
        rest = alternatives
    return "(?:" + "|".join(rest) + ")" if len(rest) > 1 else rest[0]


@dataclass(frozen=True)
class PrefilterSpec:
    """Plain data (cacheable) for the first pass.

    ``main`` matches the forms of ordinary rules. The rest are single words: ``pairs`` are
    (pronouns, antecedents) of a context check that keeps a pronoun only after one of those
    antecedents; ``sequences`` are token patterns as (gate words, the expressions for each
    required word in order).
    """

    main: str
    pairs: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    sequences: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()


class Prefilter:
    """Compiled from a :class:`PrefilterSpec`. Texts are lower-cased once and matched
    without IGNORECASE (about twice as fast); every scan is one C-level regex search."""

    def __init__(self, spec: PrefilterSpec) -> None:
        self.main = re.compile(spec.main)
        self.pairs = [
            (
                re.compile(trie_pattern((w,) for w in pronouns)),
                re.compile(trie_pattern((w,) for w in antecedents)),
            )
            for pronouns, antecedents in spec.pairs
        ]
        gate_words = {(w,) for gate, _ in spec.sequences for w in gate}
        self.gate = re.compile(trie_pattern(gate_words)) if gate_words else None
        self.sequence_patterns = [seq for _, seq in spec.sequences]
        self.sequences: dict[int, list[re.Pattern[str]]] = {}  # compiled when first needed
        self.by_gate: dict[str, list[int]] = {}
        for index, (gate, _) in enumerate(spec.sequences):
            for word in gate:
                self.by_gate.setdefault(word, []).append(index)

    def may_match(self, text: str) -> bool:
        """False means no rule can match anywhere in this text."""
        text = text.lower()
        if self.main.search(text):
            return True
        for pronouns, antecedents in self.pairs:
            # the antecedent a context check needs always comes before the pronoun
            first = antecedents.search(text)
            if first is not None and pronouns.search(text, first.start()):
                return True
        return self.gate is not None and self._patterns_may_match(text)

    def hit_regions(self, text: str, bounds: list[int]) -> set[int]:
        """The regions of ``text`` (lower-cased) where a finding may start: a hit of an
        ordinary rule's form, a pronoun after an antecedent of its context check, or a
        pattern gate word. ``bounds`` are the regions' start offsets (the first is 0).
        Any text :meth:`may_match` accepts has such a region; each scan skips to the next
        region after a hit, so a region costs one search, not one per hit."""
        scans = [(self.main, 0)]
        for pronouns, antecedents in self.pairs:
            first = antecedents.search(text)
            if first is not None:
                scans.append((pronouns, first.start()))
        if self.gate is not None:
            scans.append((self.gate, 0))
        found: set[int] = set()
        for regex, pos in scans:
            while (hit := regex.search(text, pos)) is not None:
                region = bisect.bisect_right(bounds, hit.start()) - 1
                found.add(region)
                if region + 1 == len(bounds):
                    break
                pos = bounds[region + 1]
        return found

    def _patterns_may_match(self, text: str) -> bool:
        """A token pattern matches inside one paragraph, its words in order. Patterns whose
        gate word occurs are checked over the whole text first (one search per word), and
        only those that pass there, paragraph by paragraph."""
        assert self.gate is not None
        hits = list(self.gate.finditer(text))
        indices = {i for hit in hits for i in self.by_gate.get(hit.group(), ())}
        if any(hit.group() not in self.by_gate for hit in hits):
            indices = set(range(len(self.sequence_patterns)))  # a split form: check all
        indices = {i for i in indices if _in_order(self._sequence(i), text, 0, len(text))}
        if not indices:
            return False
        checked: set[tuple[int, int]] = set()
        for hit in hits:
            start = max(text.rfind("\n\n", 0, hit.start()), 0)
            blank_after = _BLANK_LINE.search(text, hit.end())
            end = blank_after.start() if blank_after else len(text)
            for index in indices & set(self.by_gate.get(hit.group(), indices)):
                if (start, index) not in checked:
                    checked.add((start, index))
                    if _in_order(self._sequence(index), text, start, end):
                        return True
        return False

    def _sequence(self, index: int) -> list[re.Pattern[str]]:
        if index not in self.sequences:
            self.sequences[index] = [re.compile(p) for p in self.sequence_patterns[index]]
        return self.sequences[index]


_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _in_order(patterns: list[re.Pattern[str]], text: str, pos: int, end: int) -> bool:
    for pattern in patterns:
        found = pattern.search(text, pos, end)
        if found is None:
            return False
        pos = found.end()
    return True


# Markup a Markdown reader removes from between two pieces of prose: link syntax around
# link text, inline HTML tags, backslash escapes, emphasis delimiters and block quote
# markers. Checking the text without it is a superset of checking the blocks: where the
# reader keeps one of these characters between letters, spaCy keeps the word whole too,
# so no form can match there (the first-pass tests check this).
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^)\n]*\)")
_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]*>|\\(?=[^\w\s])|[*_]|^[ \t]*(?:>[ \t]?)+", re.MULTILINE)


def loosen(text: str) -> str:
    """Raw Markdown without the markup that sits between prose pieces (line breaks stay)."""
    return _MARKUP.sub("", _LINK.sub(r"\1", text))


_LINE_BREAK = re.compile("\n")


class RawMarkdownPass:
    """The first pass over raw Markdown, for the reader's choice of what to parse
    (:class:`genderlint.readers.md_regions.RawPass`)."""

    def __init__(self, prefilter: Prefilter) -> None:
        self.prefilter = prefilter

    def __call__(self, raw: str) -> bool:
        return self.prefilter.may_match(loosen(raw))

    def hit_regions(self, raw: str, first_lines: list[int]) -> set[int]:
        text = loosen(raw).lower()
        line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
        return self.prefilter.hit_regions(text, [line_starts[line] for line in first_lines])
