"""Which rules are on: select/ignore by ID, ID prefix or category; longest match wins."""

from __future__ import annotations

from collections.abc import Iterable

from genderlint.ruleset.model import Rule

ALL = "ALL"


def _specificity(selector: str, rule: Rule) -> int:
    """How closely a selector names a rule; -1 when it does not name it."""
    if selector == ALL:
        return 0
    if selector == rule.category:
        return 3  # a category is as specific as a 3-character prefix like GL1
    if rule.id.startswith(selector):
        return len(selector)
    return -1


def is_selected(rule: Rule, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """The most specific selector decides; on a tie, ignore wins (as in ruff)."""
    best_select = max((_specificity(s, rule) for s in select), default=-1)
    best_ignore = max((_specificity(s, rule) for s in ignore), default=-1)
    return best_select >= 0 and best_select > best_ignore


def unknown_selectors(selectors: Iterable[str], rules: Iterable[Rule]) -> list[str]:
    """Selectors that name no rule at all (typos, removed IDs)."""
    rules = list(rules)
    return [s for s in selectors if s != ALL and not any(_specificity(s, r) >= 0 for r in rules)]
