"""The cheap first pass: one regular expression, built as a prefix tree, over raw text.

It must be a superset of the spaCy matchers: whenever the full pipeline could report a
finding in a text, :meth:`Prefilter.may_match` is true for that text. Each form is its token
sequence with optional whitespace between tokens; word edges are bounded by
non-alphanumerics. Rules whose context check needs a second word (a generic pronoun needs
a role noun or an indefinite nearby) are conjunctive: both parts must be present.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from genderlint.readers.plain import line_bounds

GAP = "\x00"  # stands for the optional whitespace between two tokens
_END = ""
_LEFT = r"(?<![^\W_])"
_RIGHT = r"(?![^\W_])"


def trie_pattern(sequences: Iterable[tuple[str, ...]]) -> str:
    """A regular expression matching any of the token sequences (case folded by the caller)."""
    word_start, other_start = _tries(sequences)
    parts = []
    if word_start:
        parts.append(_LEFT + _emit(word_start, ""))
    if other_start:
        parts.append(_emit(other_start, ""))
    return "|".join(parts) if parts else _NEVER


def scan_patterns(sequences: Iterable[tuple[str, ...]]) -> tuple[str, str]:
    """:func:`trie_pattern` as two expressions that search faster: forms that begin with a
    letter or digit, each with the character before it (the text is searched with a space
    in front), and forms that begin with another character.

    An expression that begins with a character class lets the regular expression engine
    skip to the places where a match can begin; one that begins with a lookbehind (as a
    word edge does) is tried at every position, which takes about 40% longer."""
    word_start, other_start = _tries(sequences)
    words = r"[\W_]" + _emit(word_start, "") if word_start else _NEVER
    return words, _emit(other_start, "") if other_start else _NEVER


_NEVER = r"(?!x)x"


def _tries(sequences: Iterable[tuple[str, ...]]) -> tuple[dict[str, dict], dict[str, dict]]:
    """The prefix trees of the sequences that begin with a letter or digit, and of the rest."""
    root: dict[str, dict] = {}
    for seq in sequences:
        node = root
        for ch in GAP.join(t.lower() for t in seq):
            node = node.setdefault(ch, {})
        node[_END] = {}
    word_start = {ch: sub for ch, sub in root.items() if ch.isalnum()}
    other_start = {ch: sub for ch, sub in root.items() if not ch.isalnum()}
    return word_start, other_start


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

    ``main`` holds the forms of ordinary rules as token sequences. The rest are single
    words: ``pairs`` are (pronouns, antecedents) of a context check that keeps a pronoun
    only after one of those antecedents; ``sequences`` are token patterns as (gate words,
    the expressions for each required word in order).
    """

    main: tuple[tuple[str, ...], ...]
    pairs: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    sequences: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # a token pattern reports a FOCUS span that may begin after every gate word of its match
    late_focus: bool = False


MAIN = -1  # role of a form of an ordinary rule; the pronouns of pair i have role i


@dataclass(frozen=True)
class Roles:
    """What a scanned word may be: roles (:data:`MAIN`, or a pronoun of a pair) and the
    token patterns it gates."""

    roles: frozenset[int] = frozenset()
    gates: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    roles: Roles


@dataclass(frozen=True)
class Tables:
    """A :class:`PrefilterSpec` made ready to scan with (plain data, cached on disk)."""

    words: str  # the prefix-tree expressions of :func:`scan_patterns`
    others: str
    roles: dict[str, Roles]  # a hit's text without whitespace -> what it may be
    antecedents: tuple[str, ...]  # per pair
    sequences: tuple[tuple[str, ...], ...]  # per token pattern
    late_focus: bool = False  # see PrefilterSpec


def build_tables(spec: PrefilterSpec) -> Tables:
    """One prefix tree over every form and word of ``spec``."""
    entries: dict[str, Roles] = {}  # key: the entry's text without whitespace
    joints: dict[str, set[int]] = {}  # key -> where its tokens meet (whitespace may be)

    def add(seq: tuple[str, ...], roles: frozenset[int], gates: frozenset[int]) -> None:
        key = "".join(seq).lower()
        old = entries.get(key, Roles())
        entries[key] = Roles(old.roles | roles, old.gates | gates)
        joints.setdefault(key, set()).update(itertools.accumulate(len(t) for t in seq[:-1]))

    for seq in spec.main:
        add(seq, frozenset({MAIN}), frozenset())
    for n, (pronouns, _) in enumerate(spec.pairs):
        for word in pronouns:
            add((word,), frozenset({n}), frozenset())
    for index, (gate, _) in enumerate(spec.sequences):
        for word in gate:
            add((word,), frozenset(), frozenset({index}))
    joined = _joined(spec.main)
    sequences = {*spec.main, *((key,) for key in entries if key not in joined)}
    words, others = scan_patterns(sequences)
    return Tables(
        words=words,
        others=others,
        # the scan reports one hit per position, its longest: it stands for every shorter
        # entry that may match there too
        roles={key: _with_prefixes(key, entries, joints[key]) for key in entries},
        # antecedents are common words: one search for the first, when a pronoun needs it
        antecedents=tuple(trie_pattern((w,) for w in words) for _, words in spec.pairs),
        sequences=tuple(seq for _, seq in spec.sequences),
        late_focus=spec.late_focus,
    )


class Prefilter:
    """Compiled from :class:`Tables`: prefix-tree expressions over every form and word the
    rules name, run over the lower-cased text (no IGNORECASE: about twice as fast). Hits
    are taken in the order they start; each search starts one character after the last
    hit's start, so no hit hides one that overlaps it; each hit is then read by what its
    text may be."""

    def __init__(self, tables: Tables) -> None:
        self.words = re.compile(tables.words)
        self.others = re.compile(tables.others)
        self.roles = tables.roles
        self.antecedents = [re.compile(p) for p in tables.antecedents]
        self.everything = Roles(frozenset({MAIN}), frozenset(range(len(tables.sequences))))
        self.sequence_patterns = tables.sequences
        self.sequences: dict[int, list[re.Pattern[str]]] = {}  # compiled when first needed
        self.late_focus = tables.late_focus

    def _roles(self, matched: str) -> Roles:
        # keys have no whitespace; most hits are single words and need no stripping
        found = self.roles.get(matched)
        return found or self.roles.get("".join(matched.split()), self.everything)

    def may_match(self, text: str, lowered: bool = False) -> bool:
        """False means no rule can match anywhere in this text (``lowered``: the caller
        has lower-cased it already)."""
        return self._starts(text if lowered else text.lower(), None) != []

    def may_start_from(self, text: str, offset: int) -> bool:
        """False means no finding can start at or after ``offset``: the text before it is
        context (the sentence a block continues, whose own hits belong to the block before),
        where a pronoun's antecedent or a token pattern's other words may still lie.

        A finding starts at its form or pronoun, or for a token pattern at or before a gate
        word of its match, so a text whose candidates all lie in the context has no start
        past ``offset``. A pronoun past it counts when its antecedent is in the context,
        and any candidate there may be one ("each policeman" ... "he"). Rule sets with a
        pattern whose FOCUS comes after every gate word (:attr:`late_focus`) are screened
        on the whole text instead."""
        if not offset or self.late_focus:
            return self.may_match(text)
        lowered = text.lower()
        scan_from = len(text[:offset].lower())  # lower-casing may lengthen a character: İ
        unanswered: list[int] = []
        if self._starts(lowered, None, scan_from, unanswered):
            return True
        # a pronoun's antecedent may also be a rule's own form ("each policeman ... he"):
        # any candidate in the context counts as one
        return bool(unanswered) and self._starts(lowered[:scan_from], None) != []

    def hit_regions(self, text: str, bounds: list[int]) -> set[int]:
        """The regions of ``text`` (lower-cased) where a finding may start: a hit of an
        ordinary rule's form, a pronoun after an antecedent of its context check, or a
        pattern gate word whose pattern can match. ``bounds`` are the regions' start
        offsets (the first is 0). Any text :meth:`may_match` accepts has such a region."""
        return {bisect.bisect_right(bounds, at) - 1 for at in self._starts(text, bounds)}

    def _starts(
        self,
        text: str,
        bounds: list[int] | None,
        scan_from: int = 0,
        unanswered: list[int] | None = None,
    ) -> list[int]:
        """Where findings may start: at most one place per region of ``bounds`` (the scan
        skips to the next region), or only the first place when there are no bounds. Only
        places from ``scan_from`` on are looked for; antecedents and a pattern's other words
        are looked for in the whole text. ``unanswered`` collects the pronouns passed over
        for want of an antecedent."""
        text = " " + text  # the character before a word the word expression needs
        if bounds is not None:
            bounds = [at + 1 for at in bounds]
        first_antecedent: dict[int, int] = {}  # pair -> where its first antecedent starts
        starts: list[int] = []
        gated: list[Hit] = []
        pos = scan_from + 1
        other = self._other(text, pos)  # the next form that begins with punctuation
        while True:
            word = self.words.search(text, pos - 1)
            if other is not None and other[0] < pos:
                other = self._other(text, pos)
            if word is not None and (other is None or word.start() < other[0]):
                start, end = word.start() + 1, word.end()
            elif other is not None:
                start, end = other
            else:
                break
            pos = start + 1
            matched = text[start:end]
            roles = self._roles(matched)
            kinds = roles.roles
            if MAIN in kinds or any(
                self._antecedent_at(text, n, first_antecedent) <= start for n in kinds
            ):
                if bounds is None:
                    return [start - 1]
                starts.append(start)
                region = bisect.bisect_right(bounds, start)
                if region == len(bounds):
                    break
                pos = bounds[region]
                continue
            if kinds and unanswered is not None:  # a pronoun with no antecedent before it
                unanswered.append(start - 1)
            if roles.gates:
                gated.append(Hit(start, end, roles))
        if gated and bounds is not None:  # a region with a start needs no other
            done = {bisect.bisect_right(bounds, at) for at in starts}
            gated = [hit for hit in gated if bisect.bisect_right(bounds, hit.start) not in done]
        if gated:
            starts.extend(self._patterns_may_match(text, gated, bounds is None))
        return [at - 1 for at in starts]

    def _other(self, text: str, pos: int) -> tuple[int, int] | None:
        found = self.others.search(text, pos)
        return None if found is None else (found.start(), found.end())

    def _antecedent_at(self, text: str, pair: int, first: dict[int, int]) -> int:
        """Where the first antecedent of a pair starts (past the end: none). The
        antecedent a context check needs always comes before the pronoun."""
        if pair not in first:
            found = self.antecedents[pair].search(text)
            first[pair] = found.start() if found else len(text) + 1
        return first[pair]

    def _patterns_may_match(self, text: str, hits: list[Hit], stop_at_first: bool) -> list[int]:
        """A token pattern matches inside one paragraph, its words in order. Returns the
        starts of the gate words whose paragraph holds one of their patterns."""
        starts: list[int] = []
        checked: dict[tuple[int, int], bool] = {}
        for hit in hits:
            start = max(text.rfind("\n\n", 0, hit.start), 0)
            blank_after = _BLANK_LINE.search(text, hit.end)
            end = blank_after.start() if blank_after else len(text)
            for index in hit.roles.gates:
                if (start, index) not in checked:
                    checked[(start, index)] = _in_order(self._sequence(index), text, start, end)
                if checked[(start, index)]:
                    starts.append(hit.start)
                    if stop_at_first:
                        return starts
                    break
        return starts

    def _sequence(self, index: int) -> list[re.Pattern[str]]:
        if index not in self.sequences:
            self.sequences[index] = [re.compile(p) for p in self.sequence_patterns[index]]
        return self.sequences[index]


def _joined(sequences: Iterable[tuple[str, ...]]) -> set[str]:
    return {"".join(seq).lower() for seq in sequences}


def _with_prefixes(key: str, entries: dict[str, Roles], joints: set[int]) -> Roles:
    """The roles of ``key`` and of every shorter entry that can match where it does: one
    that ends at a token joint, or where a word edge lets it end."""
    roles: set[int] = set()
    gates: set[int] = set()
    for end in range(1, len(key) + 1):
        found = entries.get(key[:end])
        edge = end == len(key) or end in joints or not (key[end - 1] + key[end]).isalnum()
        if found is not None and edge:
            roles |= found.roles
            gates |= found.gates
    return Roles(frozenset(roles), frozenset(gates))


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
# Each expression begins with a literal character, so the regular expression engine skips
# to the places that can match instead of trying every position (three times faster).
_INLINE = re.compile(r"\*|_|\\(?=[^\w\s])|</?[A-Za-z][^<>\n]*>")
_QUOTE = re.compile(r"\n[ \t]*(?:>[ \t]?)+")
_FIRST_QUOTE = re.compile(r"\A[ \t]*(?:>[ \t]?)+")


def loosen(text: str) -> str:
    """Raw Markdown without the markup that sits between prose pieces (line breaks stay).

    Quote markers go first: no inline markup spans a line break or begins with a space,
    a tab or ">", so this removes what one pass with all the expressions would."""
    text = _LINK.sub(r"\1", text)
    if ">" in text:
        text = _QUOTE.sub("\n", _FIRST_QUOTE.sub("", text))
    return _INLINE.sub("", text)


class RawMarkdownPass:
    """The first pass over raw Markdown, for the reader's choice of what to parse
    (:class:`genderlint.readers.md_regions.RawPass`)."""

    def __init__(self, prefilter: Prefilter) -> None:
        self.prefilter = prefilter
        self._last: tuple[str, str] = ("", "")  # a raw text and its loosened lower case

    def __call__(self, raw: str) -> bool:
        return self.prefilter.may_match(self._loosened(raw), lowered=True)

    def hit_regions(
        self, raw: str, first_lines: list[int], end_line: int | None = None
    ) -> set[int]:
        text = self._loosened(raw)  # loosening keeps every line break
        line_starts, _ = line_bounds(text)
        if end_line is not None:
            text = text[: line_starts[end_line]]
        return self.prefilter.hit_regions(text, [line_starts[line] for line in first_lines])

    def _loosened(self, raw: str) -> str:
        """The file-level pass and the region pass usually read the same text."""
        if self._last[0] != raw:
            self._last = (raw, loosen(raw).lower())
        return self._last[1]
