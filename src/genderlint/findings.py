"""Frozen value types that flow from detection to reporters."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class _ByName(str, Enum):
    """Pickled as a lookup by name: the default, a call to the class with the value, is
    slow, and worker processes send findings back by the tens of thousands."""

    def __reduce_ex__(self, protocol: object) -> tuple[Any, ...]:
        return getattr, (type(self), self.name)


class Severity(_ByName):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use info, warning or error)") from None


_RANK = {"info": 0, "warning": 1, "error": 2}


class Applicability(_ByName):
    """Whether a suggestion can be applied without reading the sentence (ruff's fix levels)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


@dataclass(frozen=True)
class Location:
    """Where a finding is, in the source's own terms.

    ``line``/``column`` are 1-based, ``end_column`` is exclusive; ``start``/``end`` are
    0-based code-point offsets into the decoded source text (for Word files: into the
    paragraph's text). ``extra`` carries format-specific fields (docx part, heading ...).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Finding:
    path: str
    rule_id: str
    rule: str
    category: str
    severity: Severity
    message: str
    match: str
    suggestions: tuple[str, ...]
    location: Location
    applicability: Applicability = Applicability.UNSAFE
    context: str = ""  # why a context check kept or changed this finding

    @property
    def sort_key(self) -> tuple[str, int, int, int, str]:
        """Path, then document order: Word files list the body before headers and notes."""
        part = _PART_ORDER.get(self.location.extra.get("part", "body"), len(_PART_ORDER))
        return (self.path, part, self.location.line, self.location.column, self.rule_id)


_PART_ORDER = {"body": 0, "header": 1, "footer": 2, "footnote": 3, "endnote": 4}
