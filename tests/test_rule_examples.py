"""Every rule's examples are its tests: bad examples flag exactly the expected words."""

from __future__ import annotations

import pytest

from genderlint.api import lint_text
from genderlint.config import Config
from genderlint.engine import all_rules
from genderlint.ruleset.model import Rule

RULES = all_rules()


def _config(rule: Rule) -> Config:
    # an opt-in rule is only active when its ID is selected
    select = (rule.id,) if rule.opt_in else ("ALL",)
    return Config(model="none", profiles=rule.profiles or ("general",), select=select)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_bad_examples_flag_expected_words(rule: Rule) -> None:
    for example in rule.bad_examples:
        found = [f.match for f in lint_text(example.text, _config(rule)) if f.rule_id == rule.id]
        assert found == list(example.expect), example.text


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_good_examples_pass(rule: Rule) -> None:
    for text in rule.good_examples:
        found = [f.match for f in lint_text(text, _config(rule)) if f.rule_id == rule.id]
        assert found == [], text


def test_every_rule_is_documented() -> None:
    for rule in RULES:
        assert rule.explanation and rule.references and rule.suggestions, rule.id
        assert rule.bad_examples and rule.good_examples, rule.id
