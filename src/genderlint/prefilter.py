"""The cheap first pass: one regular expression, built as a prefix tree, over raw text.

It must be a superset of the spaCy matchers: whenever the full pipeline could report a
finding in a text, :meth:`Prefilter.may_match` is true for that text. Each form is its token
sequence with optional whitespace between tokens; word edges are bounded by
non-alphanumerics. Rules whose context check needs a second word (a generic pronoun needs
a role noun or an indefinite nearby) are conjunctive: both parts must be present.
"""

from __future__ import annotations

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
    """Plain data (cacheable): the main pattern and the conjunctive pairs."""

    main: str
    pairs: tuple[tuple[str, str], ...] = ()


class Prefilter:
    def __init__(self, spec: PrefilterSpec) -> None:
        self.main = re.compile(spec.main, re.IGNORECASE)
        self.pairs = [
            (re.compile(a, re.IGNORECASE), re.compile(b, re.IGNORECASE)) for a, b in spec.pairs
        ]

    def may_match(self, text: str) -> bool:
        if self.main.search(text):
            return True
        return any(a.search(text) and b.search(text) for a, b in self.pairs)


# Markup a Markdown reader removes from between two pieces of prose: link syntax around
# link text, inline HTML tags, backslash escapes, emphasis delimiters and block quote
# markers. A file is a candidate when its raw text or its text without that markup holds a
# form; together that is a superset of what the blocks can hold (a test checks it).
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^)\n]*\)")
_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]*>|\\(?=[^\w\s])|[*_~]|^[ \t]*(?:>[ \t]?)+", re.MULTILINE)


def loosen(text: str) -> str:
    """Raw Markdown without the markup that sits between prose pieces."""
    return _MARKUP.sub("", _LINK.sub(r"\1", text))
