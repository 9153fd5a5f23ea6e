"""SARIF 2.1.0 for code-scanning services (GitHub code scanning, IDE viewers)."""

from __future__ import annotations

import re
from typing import Any, TextIO
from urllib.parse import quote

from genderlint.findings import Finding, Severity
from genderlint.reporters.base import Options, Report, display, with_suggestions, write_json
from genderlint.ruleset.model import Rule

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def write(report: Report, out: TextIO, options: Options) -> None:
    """Write the report as one SARIF log with a single run."""
    write_json(as_dict(report), out)


def as_dict(report: Report) -> dict[str, Any]:
    """The SARIF log as Python data."""
    rule_ids = sorted({f.rule_id for f in report.findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    first: dict[str, Finding] = {}
    for finding in report.findings:
        first.setdefault(finding.rule_id, finding)
    rules = [_descriptor(report.rules.get(i), first[i]) for i in rule_ids]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": to_uri(error.path)}}}
                ],
            }
            for error in report.errors
        ]
    driver: dict[str, Any] = {"name": "genderlint"}
    if report.version:
        driver["version"] = report.version
    driver["rules"] = rules
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule_id]) for f in report.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def to_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative, with forward slashes."""
    posix = path.replace("\\", "/")
    if re.match(r"[A-Za-z]:/", posix):
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def _descriptor(rule: Rule | None, finding: Finding) -> dict[str, Any]:
    if rule is None:  # no metadata passed: describe the rule from its finding
        return {
            "id": finding.rule_id,
            "name": finding.rule,
            "defaultConfiguration": {"level": LEVELS[finding.severity]},
            "properties": {"category": finding.category, "tags": [finding.category]},
        }
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": _short_description(rule)},
        "fullDescription": {"text": rule.explanation.strip()},
        "help": {"text": _help(rule, markdown=False), "markdown": _help(rule, markdown=True)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _short_description(rule: Rule) -> str:
    """The message template read with the rule's first term and suggestion."""
    example = (rule.terms or rule.forms or (rule.name,))[0]
    suggestion = rule.suggestions[0] if rule.suggestions else ""
    return rule.message.replace("{match}", example).replace("{suggestion}", suggestion)


def _help(rule: Rule, *, markdown: bool) -> str:
    parts = [rule.explanation.strip()]
    if rule.suggestions:
        parts.append("Use instead: " + ", ".join(rule.suggestions) + ".")
    if rule.references:
        lines = ["References:"]
        for ref in rule.references:
            if markdown and ref.url:
                lines.append(f"- [{ref.title}]({ref.url})")
            else:
                lines.append(f"- {ref.title}: {ref.url}" if ref.url else f"- {ref.title}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    loc = finding.location
    region: dict[str, Any] = {
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
    }
    extra = {key: value for key, value in loc.extra.items() if key != "display"}
    if not loc.extra:
        # offsets count in the decoded text; with reader-specific locations (Word) they
        # count in a paragraph, not in the file, so they are left out
        region["charOffset"] = loc.start
        region["charLength"] = loc.end - loc.start
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": to_uri(finding.path)}, "region": region}
    }
    where = display(finding)
    if where:
        location["message"] = {"text": where}
    if extra:
        location["properties"] = extra
    properties: dict[str, Any] = {
        "category": finding.category,
        "match": finding.match,
        "suggestions": list(finding.suggestions),
        "applicability": finding.applicability.value,
    }
    if finding.context:
        properties["context"] = finding.context
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": with_suggestions(finding)},
        "locations": [location],
        "properties": properties,
    }
