"""Every rule's examples are its tests: bad examples flag exactly the expected words, with
and without a statistical model, exactly as users run genderlint."""

from __future__ import annotations

import pytest

from genderlint.api import lint_text
from genderlint.config import Config
from genderlint.engine import all_rules
from genderlint.nlp.pipeline import find_installed_model
from genderlint.ruleset.model import Rule

RULES = all_rules()
MODELS = [
    "none",
    pytest.param(
        "auto",
        marks=pytest.mark.skipif(
            find_installed_model() is None, reason="no spaCy English pipeline installed"
        ),
    ),
]


def _config(rule: Rule, model: str) -> Config:
    # an opt-in rule is only active when its ID is selected
    select = (rule.id,) if rule.opt_in else ("ALL",)
    return Config(model=model, profiles=rule.profiles or ("general",), select=select)


def _found(rule: Rule, text: str, model: str) -> list[str]:
    return [f.match for f in lint_text(text, _config(rule, model)) if f.rule_id == rule.id]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_bad_examples_flag_expected_words(rule: Rule, model: str) -> None:
    for example in rule.bad_examples:
        assert _found(rule, example.text, model) == list(example.expect), example.text


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_good_examples_pass(rule: Rule, model: str) -> None:
    for text in rule.good_examples:
        assert _found(rule, text, model) == [], text


def test_every_rule_is_documented() -> None:
    for rule in RULES:
        assert rule.explanation and rule.references and rule.suggestions, rule.id
        assert rule.bad_examples and rule.good_examples, rule.id
