from __future__ import annotations

import pytest

from genderlint.findings import Severity
from genderlint.ruleset.model import BadExample, Reference, Rule
from genderlint.selection import is_selected, unknown_selectors


def _rule(rule_id: str, category: str) -> Rule:
    return Rule(
        rule_id,
        f"r-{rule_id.lower()}",
        category,
        Severity.WARNING,
        "m",
        "why",
        ("term",),
        ("alt",),
        (Reference("ref"),),
        (BadExample("term", ("term",)),),
        ("alt",),
    )


GL101 = _rule("GL101", "job-title")
GL205 = _rule("GL205", "generic-masculine")


@pytest.mark.parametrize(
    ("rule", "select", "ignore", "expected"),
    [
        (GL101, ["ALL"], [], True),
        (GL101, ["ALL"], ["GL101"], False),
        (GL101, ["ALL"], ["GL1"], False),
        (GL101, ["ALL"], ["job-title"], False),
        (GL101, ["GL101"], ["GL1"], True),  # the longer selector wins
        (GL101, ["GL10"], ["GL1"], True),
        (GL101, ["GL1"], ["GL10"], False),
        (GL101, ["GL1"], ["GL1"], False),  # a tie goes to ignore
        (GL101, ["job-title"], [], True),
        (GL205, ["job-title"], [], False),
        (GL205, ["GL"], ["job-title"], True),
        (GL101, [], [], False),
    ],
)
def test_decision_table(rule: Rule, select: list[str], ignore: list[str], expected: bool) -> None:
    assert is_selected(rule, select, ignore) is expected


def test_unknown_selectors() -> None:
    assert unknown_selectors(["GL1", "ALL", "job-title", "GL999", "nonsense"], [GL101, GL205]) == [
        "GL999",
        "nonsense",
    ]
