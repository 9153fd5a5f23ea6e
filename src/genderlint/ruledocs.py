"""Rule documentation from rule data: `genderlint rules`, `explain`, and docs/rules.md."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from genderlint.config import Config, find_config, load_config
from genderlint.engine import all_rules
from genderlint.errors import GenderlintError
from genderlint.ruleset.compiler import rule_forms
from genderlint.ruleset.model import CATEGORIES, Rule
from genderlint.selection import is_selected


def _rules(config_path: Path | None) -> tuple[Rule, ...]:
    found = config_path or find_config(Path.cwd())
    config = load_config(found) if found else Config()
    return all_rules(config.rules)


def list_rules(
    select: tuple[str, ...] | None,
    profiles: tuple[str, ...] | None,
    config_path: Path | None,
    fmt: str,
    out: TextIO,
) -> None:
    rules = [
        r
        for r in _rules(config_path)
        if (not select or is_selected(r, select, ()))
        and (not r.profiles or (profiles and set(r.profiles) & set(profiles)))
    ]
    if fmt == "json":
        json.dump(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "category": r.category,
                    "severity": r.severity.value,
                    "profiles": list(r.profiles),
                    "terms": list(r.terms),
                    "suggestions": list(r.suggestions),
                }
                for r in rules
            ],
            out,
            indent=2,
        )
        out.write("\n")
        return
    for r in rules:
        scope = f"  [{', '.join(r.profiles)}]" if r.profiles else ""
        out.write(f"{r.id:<8}{r.name:<34}{r.category:<24}{r.severity.value}{scope}\n")
    out.write(f"{len(rules)} rules\n")


def find_rule(key: str, rules: Iterable[Rule]) -> Rule:
    for rule in rules:
        if key.upper() == rule.id or key.lower() == rule.name:
            return rule
    raise GenderlintError(f"unknown rule {key!r} (see `genderlint rules`)")


def explain_rule(key: str, config_path: Path | None, out: TextIO) -> None:
    rule = find_rule(key, _rules(config_path))
    out.write(rule_text(rule))


def rule_text(rule: Rule) -> str:
    """The plain-text explanation that `genderlint explain` prints."""
    forms = ", ".join(sorted(rule_forms(rule).forms)) or "(token patterns)"
    lines = [
        f"{rule.id} {rule.name} ({rule.category}, {rule.severity.value})",
        "",
        f"Message:     {rule.message}",
        f"Suggestions: {', '.join(rule.suggestions)}  [fix: {rule.fix.value}]",
    ]
    lines += [f"  under profile {p}: {', '.join(s)}" for p, s in rule.profile_suggestions.items()]
    if rule.profiles:
        lines.append(f"Profiles:    only with {', '.join(rule.profiles)}")
    lines += ["", "Why:", *_wrap(rule.explanation, "  "), "", f"Matches:     {forms}"]
    if rule.allow:
        lines.append("Never flagged inside:")
        lines += [f"  - {a.phrase}" + (f" ({a.reason})" if a.reason else "") for a in rule.allow]
    if rule.before_name != "report":
        lines.append(f"Before a personal name: {rule.before_name}")
    lines += ["", "Examples to avoid:"]
    lines += [f"  ✗ {b.text}    [{', '.join(b.expect)}]" for b in rule.bad_examples]
    lines += ["Examples that pass:"]
    lines += [f"  ✓ {g}" for g in rule.good_examples]
    lines += ["", "References:"]
    lines += [f"  - {r.title}" + (f" <{r.url}>" if r.url else "") for r in rule.references]
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str, width: int = 88) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)


def rules_markdown(rules: Iterable[Rule]) -> str:
    """docs/rules.md: one section per rule, generated from the rule data."""
    rules = sorted(rules, key=lambda r: r.id)
    out = [
        "# genderlint rules",
        "",
        "Generated from `rules/*.yaml` by `python scripts/gen_rules_doc.py`; do not edit by hand.",
        "",
    ]
    out += ["| ID | name | category | severity | matches |", "| --- | --- | --- | --- | --- |"]
    out += [
        f"| [{r.id}](#{r.id.lower()}) | {r.name} | {r.category} | {r.severity.value} | "
        f"{', '.join(r.terms) or '(patterns)'} |"
        for r in rules
    ]
    for category in CATEGORIES:
        chosen = [r for r in rules if r.category == category]
        if not chosen:
            continue
        out += ["", f"## {category}", ""]
        for r in chosen:
            out += [
                f"### {r.id}",
                "",
                f"**{r.name}** · {r.severity.value}"
                + (f" · profiles: {', '.join(r.profiles)}" if r.profiles else ""),
                "",
                r.explanation,
                "",
                f"- Matches: {', '.join(f'`{t}`' for t in r.terms) or '(token patterns)'}",
                f"- Suggestions: {', '.join(r.suggestions)} (fix: {r.fix.value})",
            ]
            out += [f"- Under `{p}`: {', '.join(s)}" for p, s in r.profile_suggestions.items()]
            out += [
                f"- Never flagged inside: {a.phrase}" + (f" ({a.reason})" if a.reason else "")
                for a in r.allow
            ]
            out += [f"- Avoid: “{b.text}”" for b in r.bad_examples]
            out += [f"- Fine: “{g}”" for g in r.good_examples]
            out += [
                "- References: "
                + "; ".join(
                    f"[{ref.title}]({ref.url})" if ref.url else ref.title for ref in r.references
                )
            ]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
