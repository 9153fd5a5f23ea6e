"""Precision and recall of the context checks, per check, with and without a spaCy model.

Usage:
    python benchmarks/evaluate_context.py --set tests/eval/context.yaml --model both --by check

Every finding genderlint reports for a snippet is scored: a finding is a hit when its span
overlaps a labelled word and its category matches the label ("he reports" covers "he");
any other finding is a false positive, any unmatched label a miss. Each false positive and
miss is printed with the context note that explains the engine's decision.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import yaml
from evalset import Label, occurrences

from genderlint import Config, lint_text
from genderlint.findings import Finding

CHECKS = (
    "generic-pronoun",
    "stereotyped-pronoun",
    "verb-man",
    "mention",
    "title-name",
    "proper-name",
)
FORMATS = ("plain", "markdown")


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    format: str
    check: str
    labels: tuple[Label, ...]


@dataclass
class Outcome:
    """One snippet scored: hits, false positives (findings) and misses (labels)."""

    snippet: Snippet
    hits: int = 0
    false_positives: list[Finding] = field(default_factory=list)
    misses: list[Label] = field(default_factory=list)


def locate(text: str, match: str, occurrence: int | None = None) -> tuple[int, int]:
    """Offsets of a whole-word, case-sensitive ``match`` in ``text`` (found as evalset.py
    finds them); ``occurrence`` (1-based) is required when the match occurs more than once."""
    found = occurrences(match, text)
    if occurrence is None and len(found) > 1:
        raise ValueError(f"{match!r} occurs {len(found)} times; add occurrence: N")
    if not 1 <= (occurrence or 1) <= len(found):
        raise ValueError(f"{match!r} occurs {len(found)} time(s), label wants #{occurrence}")
    start = found[(occurrence or 1) - 1]
    return start, start + len(match)


def load_set(path: str | Path) -> list[Snippet]:
    """Read and validate an evaluation file; a malformed entry raises ValueError."""
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a YAML list of snippets")
    snippets = []
    for entry in entries:
        where = f"{path}: {entry.get('id', '?') if isinstance(entry, dict) else entry!r}"
        if not isinstance(entry, dict) or set(entry) != {"id", "text", "format", "check", "expect"}:
            raise ValueError(f"{where}: keys must be id, text, format, check, expect")
        if entry["format"] not in FORMATS or entry["check"] not in CHECKS:
            raise ValueError(f"{where}: unknown format or check")
        labels = []
        for label in entry["expect"] or []:
            if not set(label) <= {"match", "category", "occurrence"} or not {
                "match",
                "category",
            } <= set(label):
                raise ValueError(f"{where}: a label has match, category and maybe occurrence")
            try:
                start, end = locate(entry["text"], label["match"], label.get("occurrence"))
            except ValueError as exc:
                raise ValueError(f"{where}: {exc}") from None
            labels.append(Label(label["match"], label["category"], start, end))
        snippets.append(
            Snippet(entry["id"], entry["text"], entry["format"], entry["check"], tuple(labels))
        )
    return snippets


def score(snippet: Snippet, findings: Sequence[Finding]) -> Outcome:
    """Match findings to labels one to one: overlapping span and the same category."""
    outcome = Outcome(snippet)
    unused = list(findings)
    for label in snippet.labels:
        hit = next(
            (
                f
                for f in unused
                if f.category == label.category
                and f.location.start < label.end
                and label.start < f.location.end
            ),
            None,
        )
        if hit is None:
            outcome.misses.append(label)
        else:
            outcome.hits += 1
            unused.remove(hit)
    outcome.false_positives = unused
    return outcome


def evaluate(snippets: Iterable[Snippet], model: str) -> list[Outcome]:
    """Lint every snippet with ``Config(model=model)`` and score it."""
    config = Config(model=model)
    return [score(s, lint_text(s.text, config, path=s.id, kind=s.format)) for s in snippets]


def rates(outcomes: Sequence[Outcome]) -> tuple[int, int, int, float, float]:
    """(hits, false positives, misses, precision, recall); an empty ratio counts as 1.0."""
    tp = sum(o.hits for o in outcomes)
    fp = sum(len(o.false_positives) for o in outcomes)
    fn = sum(len(o.misses) for o in outcomes)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return tp, fp, fn, precision, recall


def by_check(outcomes: Sequence[Outcome]) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = {c: [] for c in CHECKS}
    for outcome in outcomes:
        groups[outcome.snippet.check].append(outcome)
    return {c: g for c, g in groups.items() if g}


def dropped_notes(snippet: Snippet, model: str) -> list[tuple[int, int, str, str]]:
    """(start, end, rule id, why) for every candidate a context check dropped."""
    from genderlint.engine import engine_for
    from genderlint.nlp.verdict import DROPPED_KEY
    from genderlint.readers import read_text

    engine = engine_for(Config(model=model))
    source = read_text(snippet.text, snippet.id, snippet.format)
    blocks = [b for b in source.blocks if engine.may_match(b.text)]
    notes = []
    for block, doc in zip(blocks, engine.docs([b.text for b in blocks]), strict=True):
        for span, why in doc.user_data.get(DROPPED_KEY, []):
            where = source.locate(block, span.start_char, span.end_char)
            notes.append((where.start, where.end, span.label_, why))
    return notes


def report(outcomes: Sequence[Outcome], model: str, out: TextIO = sys.stdout) -> None:
    """Print the per-check table, then every false positive and miss with its note."""
    from genderlint.nlp.pipeline import find_installed_model

    shown = f"auto ({find_installed_model() or 'no model installed'})" if model == "auto" else model
    print(f"\n== model: {shown}", file=out)
    header = f"{'check':<20} {'snips':>5} {'traps':>5} {'labels':>6} {'TP':>4} {'FP':>4}"
    print(f"{header} {'FN':>4} {'precision':>9} {'recall':>6}", file=out)
    groups = by_check(outcomes)
    for name, group in [*groups.items(), ("ALL", list(outcomes))]:
        tp, fp, fn, precision, recall = rates(group)
        traps = sum(1 for o in group if not o.snippet.labels)
        labels = sum(len(o.snippet.labels) for o in group)
        print(
            f"{name:<20} {len(group):>5} {traps:>5} {labels:>6} {tp:>4} {fp:>4} {fn:>4}"
            f" {precision:>9.3f} {recall:>6.3f}",
            file=out,
        )
    print("\nfalse positives:", file=out)
    for o in outcomes:
        for f in o.false_positives:
            note = f.context or "no context note (the word list alone kept it)"
            print(
                f"  {o.snippet.id} [{o.snippet.check}] '{f.match}' {f.rule_id} "
                f"{f.category}/{f.severity.value}: {note}",
                file=out,
            )
            print(f"      {o.snippet.text!r}", file=out)
    print("\nmisses:", file=out)
    for o in outcomes:
        notes = dropped_notes(o.snippet, model) if o.misses else []
        for label in o.misses:
            why = [
                f"{rule}: {text}" for s, e, rule, text in notes if s < label.end and label.start < e
            ] or ["no candidate: no rule matched this word"]
            print(
                f"  {o.snippet.id} [{o.snippet.check}] '{label.match}' ({label.category}): "
                f"{'; '.join(why)}",
                file=out,
            )
            print(f"      {o.snippet.text!r}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="tests/eval/context.yaml", help="evaluation file")
    parser.add_argument("--model", choices=("none", "auto", "both"), default="both")
    parser.add_argument("--by", choices=("check",), default="check", help="grouping")
    args = parser.parse_args(argv)
    snippets = load_set(args.set)
    for model in ("none", "auto") if args.model == "both" else (args.model,):
        report(evaluate(snippets, model), model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
