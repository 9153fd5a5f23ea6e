"""Score genderlint on the labelled evaluation set.

    python benchmarks/evaluate.py [--model none|auto|both] [--set FILE ...] [--json]

Runs every snippet through the public API (``lint_text`` with the snippet's format and
profiles), matches findings to labelled spans by overlap (see scoring.py), and prints
precision, recall and F1 per category and overall, then every false positive, miss and
category mismatch. Exit 0 whatever the scores; 2 when a set file is malformed or genderlint
cannot run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from evalset import EvalSetError, Snippet, load_sets
from scoring import Counts, Hit, Score, score

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = sorted(ROOT.glob("tests/eval/rules*.yaml"))


def run(snippets: list[Snippet], model: str) -> list[tuple[Snippet, list[Hit]]]:
    """Lint each snippet exactly as a user would, with its own format and profiles."""
    from genderlint import Config, lint_text

    results = []
    for snippet in snippets:
        config = Config(model=model, profiles=snippet.profiles)
        findings = lint_text(snippet.text, config, path=snippet.id, kind=snippet.format)
        hits = [
            Hit(f.rule_id, f.category, f.location.start, f.location.end, f.match) for f in findings
        ]
        results.append((snippet, hits))
    return results


def model_name(model: str) -> str:
    """The model setting with the pipeline it resolves to, for the report header."""
    if model != "auto":
        return model
    from genderlint.nlp.pipeline import find_installed_model

    return f"auto ({find_installed_model() or 'no model installed: same as none'})"


def _num(value: float | None) -> str:
    return "    -" if value is None else f"{value:.3f}"


def _line(text: str) -> str:
    return text.replace("\n", "\\n")


def table(result: Score) -> list[str]:
    head = f"{'category':<24}{'labels':>7}{'found':>7}{'flags':>7}{'right':>7}"
    lines = [head + f"{'precision':>11}{'recall':>8}{'F1':>8}", "-" * (len(head) + 27)]

    def row(name: str, c: Counts) -> str:
        return (
            f"{name:<24}{c.labels:>7}{c.found:>7}{c.findings:>7}{c.correct:>7}"
            f"{_num(c.precision):>11}{_num(c.recall):>8}{_num(c.f1):>8}"
        )

    lines += [row(name, counts) for name, counts in result.ordered_categories()]
    lines += ["-" * (len(head) + 27), row("overall", result.overall)]
    return lines


def details(result: Score) -> list[str]:
    lines = [f"False positives ({len(result.false_positives)}):"]
    for fp in result.false_positives:
        hit = fp.hit
        lines.append(
            f"  {fp.snippet.id}: {hit.rule_id} ({hit.category}) '{_line(hit.match)}' "
            f"at {hit.start}-{hit.end} in: {_line(fp.snippet.text)}"
        )
    lines.append(f"Misses ({len(result.misses)}):")
    for miss in result.misses:
        lab = miss.label
        lines.append(
            f"  {miss.snippet.id}: '{lab.match}' ({lab.category}) at {lab.start}-{lab.end} "
            f"in: {_line(miss.snippet.text)}"
        )
    lines.append(f"Category mismatches ({len(result.mismatches)}):")
    for mm in result.mismatches:
        found = ", ".join(f"{h.rule_id} ({h.category})" for h in mm.hits)
        lines.append(
            f"  {mm.snippet.id}: '{mm.label.match}' labelled {mm.label.category}, found as {found}"
        )
    return lines


def _counts(c: Counts) -> dict[str, Any]:
    return {
        "labels": c.labels,
        "found": c.found,
        "findings": c.findings,
        "correct": c.correct,
        "precision": c.precision,
        "recall": c.recall,
        "f1": c.f1,
    }


def as_json(model: str, seconds: float, result: Score) -> dict[str, Any]:
    def hit(h: Hit) -> dict[str, Any]:
        return {"rule_id": h.rule_id, "category": h.category, "match": h.match,
                "start": h.start, "end": h.end}  # fmt: skip

    return {
        "model": model,
        "model_used": model_name(model),
        "seconds": round(seconds, 2),
        "overall": _counts(result.overall),
        "categories": {name: _counts(c) for name, c in result.ordered_categories()},
        "false_positives": [
            {"id": fp.snippet.id, "text": fp.snippet.text, **hit(fp.hit)}
            for fp in result.false_positives
        ],
        "misses": [
            {
                "id": m.snippet.id,
                "text": m.snippet.text,
                "match": m.label.match,
                "category": m.label.category,
                "start": m.label.start,
                "end": m.label.end,
            }
            for m in result.misses
        ],
        "category_mismatches": [
            {
                "id": m.snippet.id,
                "match": m.label.match,
                "category": m.label.category,
                "found": [hit(h) for h in m.hits],
            }
            for m in result.mismatches
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=("none", "auto", "both"), default="none")
    parser.add_argument("--set", dest="sets", nargs="+", action="extend", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="write one JSON object")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.sets] if args.sets else DEFAULT_SETS
    if not paths:
        print("evaluate: error: no evaluation files found", file=sys.stderr)
        return 2
    try:
        snippets = load_sets(paths)
    except EvalSetError as exc:
        print(f"evaluate: error: {exc}", file=sys.stderr)
        return 2
    from genderlint.errors import GenderlintError

    models = ("none", "auto") if args.model == "both" else (args.model,)
    runs = []
    try:
        for model in models:
            started = time.perf_counter()
            result = score(run(snippets, model))
            runs.append((model, time.perf_counter() - started, result))
    except GenderlintError as exc:
        print(f"evaluate: error: genderlint failed: {exc}", file=sys.stderr)
        return 2
    traps = sum(s.is_trap for s in snippets)
    labels = sum(len(s.labels) for s in snippets)
    if args.json:
        payload = {
            "sets": [str(p) for p in paths],
            "snippets": len(snippets),
            "traps": traps,
            "labels": labels,
            "runs": [as_json(m, secs, r) for m, secs, r in runs],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    share = traps / len(snippets) if snippets else 0.0
    print(f"{len(snippets)} snippets ({traps} traps, {share:.0%}), {labels} labels, "
          f"from {len(paths)} files")  # fmt: skip
    for model, seconds, result in runs:
        print(f"\n== model: {model_name(model)}  ({seconds:.1f}s)")
        print("\n".join(table(result)))
        print()
        print("\n".join(details(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
