"""One JSON object per run; the contract is documented in docs/json-format.md."""

from __future__ import annotations

from typing import Any, TextIO

from genderlint.findings import Finding
from genderlint.reporters.base import Options, Report, rule_counts, severity_counts, write_json

# bump on a removed or renamed field or a changed meaning; adding fields does not
FORMAT_VERSION = 1


def write(report: Report, out: TextIO, options: Options) -> None:
    """Write the report as one indented JSON object followed by a newline."""
    write_json(as_dict(report), out)


def as_dict(report: Report) -> dict[str, Any]:
    """The JSON document as Python data (sequences may be tuples)."""
    data = {
        "format_version": FORMAT_VERSION,
        "version": report.version,
        "findings": [finding_dict(f) for f in report.findings],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "summary": {
            "files_checked": report.files_checked,
            "findings": len(report.findings),
            "errors": len(report.errors),
            "by_severity": severity_counts(report.findings),
            "by_rule": rule_counts(report.findings),
        },
    }
    if report.dropped:  # only with --explain-context
        data["dropped"] = [finding_dict(f) for f in report.dropped]
    return data


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding; ``location`` and ``context`` appear only when they have content."""
    loc = finding.location
    data: dict[str, Any] = {
        "path": finding.path,
        "rule_id": finding.rule_id,
        "rule": finding.rule,
        "category": finding.category,
        # ``_value_`` is the member's plain attribute (``value`` is a slower descriptor,
        # read twice per finding in reports of tens of thousands)
        "severity": finding.severity._value_,
        "message": finding.message,
        "match": finding.match,
        "suggestions": finding.suggestions,  # a tuple: both JSON encoders write an array
        "applicability": finding.applicability._value_,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "start": loc.start,
        "end": loc.end,
    }
    if loc.extra:
        extra = {key: value for key, value in loc.extra.items() if key != "display"}
        if extra:
            data["location"] = extra
    if finding.context:
        data["context"] = finding.context
    return data
