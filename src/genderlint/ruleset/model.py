"""The in-memory form of a rule, after validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from genderlint.findings import Applicability, Severity

CATEGORIES = (
    "job-title",
    "generic-masculine",
    "pronoun",
    "gender-marking",
    "stereotype",
    "gbv-terminology",
    "lgbti-terminology",
    "terminology-precision",
    "recruitment",
)


@dataclass(frozen=True)
class Reference:
    title: str
    url: str = ""


@dataclass(frozen=True)
class AllowEntry:
    """A phrase holding a term that is never flagged, and why."""

    phrase: str
    reason: str = ""


@dataclass(frozen=True)
class BadExample:
    text: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: Severity
    message: str
    explanation: str
    terms: tuple[str, ...]
    suggestions: tuple[str, ...]
    references: tuple[Reference, ...]
    bad_examples: tuple[BadExample, ...]
    good_examples: tuple[str, ...]
    forms: tuple[str, ...] = ()
    inflect: bool = True
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    before_name: str = "report"  # report | info | skip: term right before a personal name
    context: str = ""  # name of a context check the rule needs
    fix: Applicability = Applicability.UNSAFE
    profiles: tuple[str, ...] = ()  # empty: active in every profile
    profile_suggestions: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    case_sensitive: bool = False
    opt_in: bool = False  # only active when its ID is selected explicitly
    source: str = ""  # path:line the rule was defined at

    def suggestions_for(self, profiles: tuple[str, ...]) -> tuple[str, ...]:
        for profile in profiles:
            if profile in self.profile_suggestions:
                return self.profile_suggestions[profile]
        return self.suggestions
