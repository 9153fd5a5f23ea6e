from __future__ import annotations

import pytest

from genderlint.ruleset.inflect import match_case, pluralize, variants


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (
            "policeman",
            {"policeman": False, "policemen": True, "police-man": False, "police-men": True},
        ),
        (
            "man-hour",
            {
                "man-hour": False,
                "man-hours": True,
                "man hour": False,
                "man hours": True,
                "manhour": False,
                "manhours": True,
            },
        ),
        ("stewardess", {"stewardess": False, "stewardesses": True}),
        (
            "lady officer",
            {
                "lady officer": False,
                "lady officers": True,
                "lady-officer": False,
                "lady-officers": True,
            },
        ),
        (
            "child pornography",
            {
                "child pornography": False,
                "child pornographies": True,
                "child-pornography": False,
                "child-pornographies": True,
            },
        ),
        ("mankind", {"mankind": False}),
        ("manpower", {"manpower": False}),
        (
            "chairwoman",
            {"chairwoman": False, "chairwomen": True, "chair-woman": False, "chair-women": True},
        ),
    ],
)
def test_variants(term: str, expected: dict[str, bool]) -> None:
    assert dict(variants(term)) == expected


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [
        ("police officer", "police officers"),
        ("chair", "chairs"),
        ("service member", "service members"),
        ("personnel", "personnel"),
        ("staff", "staff"),
        ("person-hour", "person-hours"),
        ("firefighter", "firefighters"),
        ("spokesperson", "spokespersons"),
        ("sexually exploited child", "sexually exploited children"),
        ("businessperson", "businesspersons"),
        ("facility", "facilities"),
    ],
)
def test_pluralize(phrase: str, plural: str) -> None:
    assert pluralize(phrase) == plural


@pytest.mark.parametrize(
    ("suggestion", "matched", "expected"),
    [
        ("police officer", "policeman", "police officer"),
        ("police officer", "Policeman", "Police officer"),
        ("police officer", "POLICEMAN", "POLICE OFFICER"),
        ("they", "he/she", "they"),
        ("they", "He/She", "They"),
    ],
)
def test_match_case(suggestion: str, matched: str, expected: str) -> None:
    assert match_case(suggestion, matched) == expected
