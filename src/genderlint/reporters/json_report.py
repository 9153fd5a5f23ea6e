"""One JSON object per run; the contract is documented in docs/json-format.md."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from genderlint.findings import Finding
from genderlint.reporters.base import (
    FilePart,
    Options,
    Report,
    encode_json,
    in_rule_order,
    in_severity_order,
    rule_counts,
    severity_counts,
    write_encoded,
)

# bump on a removed or renamed field or a changed meaning; adding fields does not
FORMAT_VERSION = 1
# where the findings array's items go in the encoded document (a top-level key is the only
# one indented by two spaces, and no string holds a raw line break)
_EMPTY_FINDINGS = '\n  "findings": []'


def write(report: Report, out: TextIO, options: Options) -> None:
    """Write the report as one indented JSON object followed by a newline."""
    encoded = encode_json(as_dict(report))
    if report.parts:
        encoded = _with_parts(encoded, report.parts)
    write_encoded(encoded, out)


def file_part(findings: Sequence[Finding]) -> FilePart:
    """One file's findings as the items of the report's findings array, indented for their
    place, and their counts (see :class:`FilePart`)."""
    items = encode_json([finding_dict(f) for f in findings], newline=False)
    # "[\n  {...},\n  {...}\n]" -> "    {...},\n    {...}": the items two levels deep
    if isinstance(items, bytes):
        text: bytes | str = b"  " + items[2:-2].replace(b"\n", b"\n  ")
    else:
        text = "  " + items[2:-2].replace("\n", "\n  ")
    return FilePart(
        findings[0].path,
        text,
        dict(Counter(f.severity.value for f in findings)),
        dict(Counter(f.rule_id for f in findings)),
    )


def _with_parts(encoded: bytes | str, parts: Sequence[FilePart]) -> bytes | str:
    """The document with the parts' items in its empty findings array."""
    texts = [part.text for part in parts]
    if isinstance(encoded, bytes) and all(isinstance(t, bytes) for t in texts):
        at = encoded.index(_EMPTY_FINDINGS.encode()) + len(_EMPTY_FINDINGS) - 1
        items = b",\n".join(texts)  # type: ignore[arg-type]  # all bytes, tested above
        return encoded[:at] + b"\n" + items + b"\n  " + encoded[at:]
    whole = encoded if isinstance(encoded, str) else encoded.decode("utf-8")
    at = whole.index(_EMPTY_FINDINGS) + len(_EMPTY_FINDINGS) - 1
    items_text = ",\n".join(t if isinstance(t, str) else t.decode("utf-8") for t in texts)
    return whole[:at] + "\n" + items_text + "\n  " + whole[at:]


def as_dict(report: Report) -> dict[str, Any]:
    """The JSON document as Python data (sequences may be tuples); with ``parts``, its
    findings array is left empty for :func:`write` to fill."""
    if report.parts:
        by_severity: Counter[str] = Counter()
        by_rule: Counter[str] = Counter()
        for part in report.parts:
            by_severity.update(part.by_severity)
            by_rule.update(part.by_rule)
        count = sum(by_severity.values())
        severities = in_severity_order(by_severity)
        rules = in_rule_order(by_rule)
    else:
        count = len(report.findings)
        severities = severity_counts(report.findings)
        rules = rule_counts(report.findings)
    data = {
        "format_version": FORMAT_VERSION,
        "version": report.version,
        "findings": [finding_dict(f) for f in report.findings],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "summary": {
            "files_checked": report.files_checked,
            "findings": count,
            "errors": len(report.errors),
            "by_severity": severities,
            "by_rule": rules,
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
