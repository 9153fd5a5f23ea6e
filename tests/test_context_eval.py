"""The context-check evaluation set: its format, the scorer, and the per-check targets."""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest

from genderlint.findings import Finding, Location, Severity
from genderlint.nlp.pipeline import find_installed_model
from genderlint.ruleset.model import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "eval" / "context.yaml"
TARGET = 0.90


def _load_evaluator() -> ModuleType:
    if str(ROOT / "benchmarks") not in sys.path:  # it imports its sibling evalset.py
        sys.path.insert(0, str(ROOT / "benchmarks"))
    path = ROOT / "benchmarks" / "evaluate_context.py"
    spec = importlib.util.spec_from_file_location("evaluate_context", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


EV = _load_evaluator()
SNIPPETS = EV.load_set(SET)


def test_set_size_and_balance() -> None:
    traps = [s for s in SNIPPETS if not s.labels]
    assert len(SNIPPETS) >= 170
    assert len(traps) * 2 >= len(SNIPPETS)
    ids = [s.id for s in SNIPPETS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"ctx-\d{3}", i) for i in ids)


@pytest.mark.parametrize("check", EV.CHECKS)
def test_every_check_has_positives_and_traps(check: str) -> None:
    group = [s for s in SNIPPETS if s.check == check]
    assert any(s.labels for s in group), check
    assert any(not s.labels for s in group), check


def test_labels_use_known_categories() -> None:
    for snippet in SNIPPETS:
        for label in snippet.labels:
            assert label.category in CATEGORIES, (snippet.id, label)
            assert snippet.text[label.start : label.end] == label.match


@pytest.mark.parametrize(
    ("text", "match", "occurrence", "span"),
    [
        ("he said he would", "he", 1, (0, 2)),
        ("he said he would", "he", 2, (8, 10)),
        ("The theme: he", "he", 1, (11, 13)),
        ("unmanned, then manned", "manned", 1, (15, 21)),
        ("He/she reports", "He/she", None, (0, 6)),
        ("The man was manning the post", "man", None, (4, 7)),
    ],
)
def test_locate_finds_whole_words(
    text: str, match: str, occurrence: int | None, span: tuple[int, int]
) -> None:
    assert EV.locate(text, match, occurrence) == span


@pytest.mark.parametrize(
    "entry",
    [
        "- {id: x-1, text: a, format: plain, check: mention}",
        "- {id: x-1, text: a, format: html, check: mention, expect: []}",
        "- {id: x-1, text: a, format: plain, check: pronouns, expect: []}",
        "- {id: x-1, text: he, format: plain, check: mention,"
        " expect: [{match: she, category: pronoun}]}",
        "- {id: x-1, text: he, format: plain, check: mention, expect: [{match: he}]}",
        "- {id: x-1, text: he, format: plain, check: mention,"
        " expect: [{match: he, category: pronoun, occurrence: 2}]}",
        "- {id: x-1, text: he and he, format: plain, check: mention,"
        " expect: [{match: he, category: pronoun}]}",
    ],
)
def test_malformed_entries_are_rejected(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="x-1"):
        EV.load_set(path)


def _finding(start: int, end: int, category: str, match: str = "") -> Finding:
    location = Location(1, start + 1, 1, end + 1, start, end)
    return Finding("<t>", "GL000", "x", category, Severity.WARNING, "m", match, (), location)


@pytest.mark.parametrize(
    ("findings", "hits", "false_positives", "misses"),
    [
        ([], 0, 0, 1),
        ([_finding(30, 40, "pronoun")], 1, 0, 0),  # "he reports" covers "he"
        ([_finding(30, 32, "job-title")], 0, 1, 1),  # right place, wrong category
        ([_finding(0, 4, "pronoun")], 0, 1, 1),  # elsewhere in the sentence
        ([_finding(30, 32, "pronoun"), _finding(30, 32, "pronoun")], 1, 1, 0),
    ],
)
def test_score_counts_overlap_with_the_same_category(
    findings: list[Finding], hits: int, false_positives: int, misses: int
) -> None:
    text = "Each officer must ensure that he reports the incident."
    snippet = EV.Snippet(
        "t-1", text, "plain", "generic-pronoun", (EV.Label("he", "pronoun", 30, 32),)
    )
    outcome = EV.score(snippet, findings)
    assert (outcome.hits, len(outcome.false_positives), len(outcome.misses)) == (
        hits,
        false_positives,
        misses,
    )


@lru_cache(maxsize=2)
def _outcomes(model: str) -> dict[str, list]:
    return EV.by_check(EV.evaluate(SNIPPETS, model))


def _failures(outcomes: list) -> str:
    lines = []
    for o in outcomes:
        lines += [
            f"FP {o.snippet.id} '{f.match}' {f.rule_id}: {f.context}" for f in o.false_positives
        ]
        lines += [f"miss {o.snippet.id} '{label.match}'" for label in o.misses]
    return "\n".join(lines)


@pytest.mark.parametrize("model", ["none", "auto"])
@pytest.mark.parametrize("check", EV.CHECKS)
def test_check_meets_precision_and_recall_targets(model: str, check: str) -> None:
    if model == "auto" and find_installed_model() is None:
        pytest.skip("no spaCy English model installed")
    group = _outcomes(model)[check]
    _, _, _, precision, recall = EV.rates(group)
    assert precision >= TARGET and recall >= TARGET, (
        f"{check} with model={model}: precision {precision:.3f}, recall {recall:.3f}\n"
        + _failures(group)
    )
