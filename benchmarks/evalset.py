"""Load and validate the labelled evaluation snippets (tests/eval/rules*.yaml).

Each file is one YAML list of entries::

    - id: jt-001                  # unique across all files
      text: "Every policeman must carry a radio."
      format: plain               # or markdown (default plain)
      profile: [general]          # optional, default [general]
      expect:                     # spans that must be flagged; [] for a trap
        - {match: policeman, category: job-title, occurrence: 1}
      note: optional

A ``match`` is found in ``text`` as a whole word (case-sensitive); when it occurs more than
once, ``occurrence`` (1-based) says which one is meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from genderlint.ruleset.loader import PROFILES
from genderlint.ruleset.model import CATEGORIES

FORMATS = ("plain", "markdown")
ENTRY_KEYS = frozenset({"id", "text", "format", "profile", "expect", "note"})
LABEL_KEYS = frozenset({"match", "category", "occurrence"})


class EvalSetError(Exception):
    """A malformed evaluation file; the message names the file and the entry."""


@dataclass(frozen=True)
class Label:
    match: str
    category: str
    start: int
    end: int


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    format: str
    profiles: tuple[str, ...]
    labels: tuple[Label, ...]
    path: str
    note: str = ""

    @property
    def is_trap(self) -> bool:
        return not self.labels


def occurrences(match: str, text: str) -> list[int]:
    """Start offsets of ``match`` in ``text`` as a whole word (no letter or digit glued on)."""
    left = r"(?<!\w)" if re.match(r"\w", match) else ""
    right = r"(?!\w)" if re.search(r"\w$", match) else ""
    return [m.start() for m in re.finditer(left + re.escape(match) + right, text)]


def load_sets(paths: Iterable[str | Path]) -> list[Snippet]:
    """Every snippet of the given files, validated; ids must be unique across files."""
    snippets: list[Snippet] = []
    seen: dict[str, str] = {}
    for path in paths:
        for snippet in load_file(Path(path)):
            if snippet.id in seen:
                raise EvalSetError(
                    f"{snippet.path}: entry {snippet.id!r}: duplicate id "
                    f"(first defined in {seen[snippet.id]})"
                )
            seen[snippet.id] = snippet.path
            snippets.append(snippet)
    return snippets


def load_file(path: Path) -> list[Snippet]:
    """The snippets of one file, validated."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalSetError(f"{path}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise EvalSetError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, list):
        raise EvalSetError(f"{path}: must be a YAML list of entries")
    return [_entry(path, number, raw) for number, raw in enumerate(data, start=1)]


def _entry(path: Path, number: int, raw: Any) -> Snippet:
    where = f"{path}: entry {number}"
    if not isinstance(raw, dict):
        raise EvalSetError(f"{where}: must be a mapping")
    if isinstance(raw.get("id"), str) and raw["id"]:
        where = f"{path}: entry {number} ({raw['id']})"

    def fail(problem: str) -> EvalSetError:
        return EvalSetError(f"{where}: {problem}")

    unknown = sorted(set(raw) - ENTRY_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(ENTRY_KEYS))})")
    for key in ("id", "text"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise fail(f"{key}: must be a non-empty string")
    kind = raw.get("format", "plain")
    if kind not in FORMATS:
        raise fail(f"format: must be one of {', '.join(FORMATS)}, not {kind!r}")
    profiles = raw.get("profile", ["general"])
    if isinstance(profiles, str):
        profiles = [profiles]
    if not isinstance(profiles, list) or not profiles:
        raise fail("profile: must be a profile name or a non-empty list of them")
    for profile in profiles:
        if profile not in PROFILES:
            raise fail(f"profile: unknown profile {profile!r} (known: {', '.join(PROFILES)})")
    expect = raw.get("expect")
    if not isinstance(expect, list):
        raise fail("expect: must be a list (use [] for a snippet that must not be flagged)")
    labels = tuple(_label(raw["text"], item, fail) for item in expect)
    spans = sorted((label.start, label.end) for label in labels)
    for (_, end), (start, _) in pairwise(spans):
        if start < end:
            raise fail("expect: two labels overlap; label each span once")
    note = raw.get("note", "")
    return Snippet(raw["id"], raw["text"], kind, tuple(profiles), labels, str(path), str(note))


def _label(text: str, item: Any, fail: Any) -> Label:
    if not isinstance(item, dict):
        raise fail("expect: each item must be a mapping {match: ..., category: ...}")
    unknown = sorted(set(item) - LABEL_KEYS)
    if unknown:
        raise fail(f"expect: unknown key {unknown[0]!r} (known: {', '.join(sorted(LABEL_KEYS))})")
    match, category = item.get("match"), item.get("category")
    if not isinstance(match, str) or not match:
        raise fail("expect: match must be a non-empty string")
    if category not in CATEGORIES:
        raise fail(f"expect: {match!r}: unknown category {category!r}")
    starts = occurrences(match, text)
    if not starts:
        raise fail(f"expect: {match!r} does not occur in text")
    occurrence = item.get("occurrence")
    if occurrence is None:
        if len(starts) > 1:
            raise fail(f"expect: {match!r} occurs {len(starts)} times; add occurrence: N")
        occurrence = 1
    if not isinstance(occurrence, int) or isinstance(occurrence, bool):
        raise fail(f"expect: {match!r}: occurrence must be a whole number")
    if not 1 <= occurrence <= len(starts):
        raise fail(f"expect: {match!r}: occurrence {occurrence} of {len(starts)}")
    start = starts[occurrence - 1]
    return Label(match, category, start, start + len(match))
