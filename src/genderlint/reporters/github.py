"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from typing import TextIO

from genderlint.findings import Finding, Severity
from genderlint.reporters.base import Options, Report, display, with_suggestions

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write(report: Report, out: TextIO, options: Options) -> None:
    """Write one workflow command per finding, then one ``::error`` per file error."""
    for finding in report.findings:
        out.write(annotation(finding) + "\n")
    for error in report.errors:
        out.write(
            f"::error file={escape_property(_path(error.path))}::{escape_data(error.message)}\n"
        )


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    loc = finding.location
    props = [("file", _path(finding.path))]
    message = with_suggestions(finding)
    where = display(finding)
    if where:
        # a prebuilt position (Word) has no line in the file: say it in the message instead
        message = f"{where}: {message}"
    else:
        props += [
            ("line", str(loc.line)),
            ("col", str(loc.column)),
            ("endLine", str(loc.end_line)),
            ("endColumn", str(loc.end_column)),
        ]
    props.append(("title", f"{finding.rule_id} {finding.rule}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, where ``:`` and ``,`` are separators."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    return path.replace("\\", "/")
