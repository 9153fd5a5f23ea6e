"""Malformed rule files fail with `path:line: problem`."""

from __future__ import annotations

from pathlib import Path

import pytest

from genderlint.errors import RuleError
from genderlint.ruleset.loader import load_rules

GOOD = """\
- id: ACME001
  name: ops-man
  category: job-title
  severity: warning
  terms: [opsman]
  suggestions: [operator]
  message: "'{match}' presumes a man"
  explanation: Operators are not all men.
  references: [UN Guidelines for gender-inclusive language in English]
  examples:
    bad: [{text: "Call the opsman.", expect: [opsman]}]
    good: ["Call the operator."]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads(tmp_path: Path) -> None:
    (rule,) = load_rules([_write(tmp_path, GOOD)])
    assert (rule.id, rule.terms, rule.suggestions) == ("ACME001", ("opsman",), ("operator",))
    assert rule.source.endswith("team.yaml:1")


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("severity: warning", "severity: loud"), 4, "severity: unknown severity 'loud'"),
        (("category: job-title", "category: jobs"), 3, "category: must be one of"),
        (("  terms: [opsman]\n", "  terms: [opsman]\n  colour: red\n"), 6, "colour: unknown key"),
        (("  message: \"'{match}' presumes a man\"\n", ""), 1, "missing required key 'message'"),
        (("id: ACME001", "id: acme-1"), 1, "is not an ID like GL101"),
        (("name: ops-man", "name: Ops Man"), 2, "is not kebab-case"),
        (("expect: [opsman]", "expect: [operator]"), 10, "expected 'operator' does not occur"),
        (('    good: ["Call the operator."]\n', ""), 10, "needs at least one good example"),
        (
            (
                "references: [UN Guidelines for gender-inclusive language in English]",
                "references: []",
            ),
            9,
            "needs at least one reference",
        ),
        (("terms: [opsman]", "terms: [opsman"), 6, "invalid YAML"),
    ],
)
def test_errors_point_at_the_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    path = _write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_rules([path])
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + GOOD.replace("name: ops-man", "name: ops-man-two"))
    with pytest.raises(
        RuleError,
        match=r"team.yaml:13: duplicate rule id 'ACME001' \(first defined at .*team.yaml:1\)",
    ):
        load_rules([path])


def test_not_a_list(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"team.yaml:1: a rule file must be a YAML list"):
        load_rules([_write(tmp_path, "id: GL1\n")])
