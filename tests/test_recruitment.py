"""The gendered-wording check for recruitment notices (GL900, and GL901 on request)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from genderlint.api import lint_text
from genderlint.config import Config
from genderlint.engine import all_rules
from genderlint.readers import read_text
from genderlint.recruitment import coded_words, strongly_masculine
from genderlint.recruitment_words import ALTERNATIVES, FEMININE, MASCULINE

RECRUITMENT = Config(model="none", profiles=("recruitment",))


def coded(text: str) -> tuple[list[str], list[str]]:
    words = coded_words(read_text(text, "<text>", "plain"))
    return (
        [w.text for w in words if w.code == "masculine"],
        [w.text for w in words if w.code == "feminine"],
    )


@pytest.mark.parametrize(
    ("text", "masculine", "feminine"),
    [
        (
            "We want an aggressive, competitive leader who supports the team.",
            ["aggressive", "competitive", "leader"],
            ["supports"],
        ),
        (
            "Leadership, Competitiveness and DECISIVE action.",
            ["Leadership", "Competitiveness", "DECISIVE"],
            [],
        ),
        # stems caught in institutional and legal phrases are not counted
        (
            "The police force may use force; the post offers a competitive salary and "
            "child protection training.",
            [],
            [],
        ),
        (
            "Officers who commit an offence, or an offence they committed abroad, are "
            "dismissed; officers committed to the community are promoted.",
            [],
            ["committed"],
        ),
        ("Leading Seaman Ortiz will follow up leads that lead to arrests.", [], []),
        ("Objective: to train analysts in analytical methods.", ["analytical"], []),
        ("The objective of the course is an objective assessment.", ["objective"], []),
        ("A hostile environment awareness course and active shooter drills.", [], []),
        (
            "You are responsible for sensitive information under the memorandum of "
            "understanding with the Police Community Support Officers.",
            [],
            [],
        ),
        (
            "A responsible, warm and understanding colleague.",
            [],
            ["responsible", "warm", "understanding"],
        ),
        # compounds: the whole word, its closed form, or its last part unless negated
        (
            "Self-confident, highly-competitive and co-operative, never non-competitive.",
            ["Self-confident", "highly-competitive"],
            ["co-operative"],
        ),
        ("competent, competencies, individuals, principles, dependants", [], []),
        (
            "principled, individualistic, dependable",
            ["principled", "individualistic"],
            ["dependable"],
        ),
    ],
)
def test_coded_words(text: str, masculine: list[str], feminine: list[str]) -> None:
    assert coded(text) == (masculine, feminine)


@pytest.mark.parametrize(
    ("masculine", "feminine", "reported"),
    [(0, 0, False), (3, 0, False), (4, 0, True), (5, 1, False), (6, 1, True), (7, 2, False),
     (8, 2, True), (20, 8, True), (19, 8, False)],
)  # fmt: skip
def test_threshold(masculine: int, feminine: int, reported: bool) -> None:
    assert strongly_masculine(masculine, feminine) is reported


NOTICE = (
    "# Recruitment notice: tactical support officer\n"
    "\n"
    "We are recruiting for the **firearms unit**.\n"
    "\n"
    "- You are ambitious, competitive and assertive.\n"
    "- You dominate in challenging situations, stay confident under pressure and beat\n"
    "  competitive colleagues.\n"
)
MESSAGE = (
    "Strongly masculine-coded wording: 7 masculine-coded words (competitive x2, ambitious, "
    "assertive, dominate, challenging, confident) against no feminine-coded words; consider "
    "competitive -> motivated / committed to high standards; ambitious -> motivated / keen to "
    "develop; assertive -> clear and direct / able to speak up"
)


def test_one_finding_per_document_at_the_first_masculine_word() -> None:
    findings = lint_text(NOTICE, RECRUITMENT, path="notice.md", kind="markdown")
    assert len(findings) == 1
    f = findings[0]
    assert (f.rule_id, f.severity.value, f.category, f.match) == (
        "GL900",
        "warning",
        "recruitment",
        "ambitious",
    )
    loc = f.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (5, 11, 5, 20)
    assert NOTICE[loc.start : loc.end] == "ambitious"
    assert f.message == MESSAGE
    assert f.suggestions == ("motivated", "keen to develop")
    assert (
        f.context
        == "7 masculine-coded, 0 feminine-coded; reported when masculine >= 2 x (feminine + 2)"
    )


def test_plain_text_notice() -> None:
    text = "Title\n\nWe want Aggressive, dominant and fearless recruits.\nLeaders who compete.\n"
    findings = lint_text(text, RECRUITMENT)
    assert [(f.rule_id, f.match, f.location.line, f.location.column) for f in findings] == [
        ("GL900", "Aggressive", 3, 9)
    ]
    assert findings[0].suggestions == ("Proactive", "Energetic")
    assert findings[0].message.startswith(
        "Strongly masculine-coded wording: 4 masculine-coded words (aggressive, dominant, "
        "leaders, compete) against no feminine-coded words;"
    )


def test_balanced_notice_is_not_reported() -> None:
    text = (
        "We want ambitious, competitive, assertive and decisive officers who support "
        "victims and work together with partner agencies."
    )
    assert coded(text) == (
        ["ambitious", "competitive", "assertive", "decisive"],
        ["support", "together"],
    )
    assert lint_text(text, RECRUITMENT) == []


def test_only_active_under_the_recruitment_profile() -> None:
    for profiles in (("general",), ("police", "military")):
        assert lint_text(NOTICE, Config(model="none", profiles=profiles), kind="markdown") == []


def test_per_word_findings_only_when_selected() -> None:
    text = "We want an assertive investigator. Competitive pay; a competitive team."
    assert lint_text(text, RECRUITMENT) == []
    only_words = Config(model="none", profiles=("recruitment",), select=("GL901",))
    findings = lint_text(text, only_words)
    assert [
        (f.rule_id, f.severity.value, f.match, f.location.start, f.location.end, f.suggestions)
        for f in findings
    ] == [
        ("GL901", "info", "assertive", 11, 20, ("clear and direct", "able to speak up")),
        ("GL901", "info", "competitive", 54, 65, ("motivated", "committed to high standards")),
    ]
    assert findings[0].message == (
        "'assertive' is masculine-coded in job advertisements; consider 'clear and direct'"
    )


def test_per_word_and_document_findings_together() -> None:
    both = Config(model="none", profiles=("recruitment",), select=("ALL", "GL901"))
    findings = lint_text(NOTICE, both, kind="markdown")
    assert [(f.rule_id, f.match, f.location.line) for f in findings] == [
        ("GL900", "ambitious", 5),
        ("GL901", "ambitious", 5),
        ("GL901", "competitive", 5),
        ("GL901", "assertive", 5),
        ("GL901", "dominate", 6),
        ("GL901", "challenging", 6),
        ("GL901", "confident", 6),
        ("GL901", "competitive", 7),
    ]


def test_rules_list_the_counted_masculine_words() -> None:
    rules = {r.id: r for r in all_rules()}
    for rid in ("GL900", "GL901"):
        assert rules[rid].terms == MASCULINE
        assert rules[rid].profiles == ("recruitment",)
    assert rules["GL901"].opt_in and not rules["GL900"].opt_in


def test_alternatives_are_not_coded_themselves() -> None:
    assert set(ALTERNATIVES) - {"leader", "leaders", "leadership"} <= set(MASCULINE)
    assert not set(MASCULINE) & set(FEMININE)
    for word, alternatives in ALTERNATIVES.items():
        for text in alternatives:
            assert coded(text)[0] == [], (word, text)


def test_word_without_alternatives_gets_the_rule_advice() -> None:
    only_words = Config(model="none", profiles=("recruitment",), select=("GL901",))
    [finding] = lint_text("Recruits must never be reckless with firearms.", only_words)
    assert (finding.match, finding.suggestions) == (
        "reckless",
        ("a neutral description of the behaviour",),
    )


def test_cli_recruitment_profile(tmp_path: Path) -> None:
    (tmp_path / "notice.md").write_text(NOTICE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "genderlint", "check", "--profile", "recruitment", "--model",
         "none", "notice.md"],
        cwd=tmp_path,
        text=True,
        capture_output=True,
        timeout=120,
        encoding="utf-8",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"notice.md:5:11: GL900 [warning] {MESSAGE} (suggest: motivated, keen to develop)"
    )
