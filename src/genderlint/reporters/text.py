"""Human output, one finding per line (like ruff and flake8), with an optional source excerpt."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TextIO

from genderlint.findings import Finding, Severity
from genderlint.reporters.base import (
    Options,
    Report,
    display,
    plural,
    rule_counts,
    severity_counts,
    with_suggestions,
)

TAB_SIZE = 4
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"
_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[34m"}

Paint = Callable[[str, str], str]  # (text, ANSI code) -> text, coloured or not


def write(report: Report, out: TextIO, options: Options) -> None:
    """Write findings (with why a context check kept them, when the finding says), file
    errors, the optional statistics table and the summary line."""
    paint = _painter(options.color)
    for finding in report.findings:
        out.write(_finding_line(finding, paint) + "\n")
        if finding.context:
            out.write(f"  context: {finding.context}\n")
        if options.show_source:
            for line in _excerpt(finding, report.sources.get(finding.path), paint):
                out.write(line + "\n")
    if report.dropped:
        out.write("Dropped by context checks:\n")
        for finding in report.dropped:
            loc = finding.location
            where = display(finding) or f"{loc.line}:{loc.column}"
            out.write(
                f"{finding.path}:{where}: {finding.rule_id} '{finding.match}': {finding.context}\n"
            )
    for error in report.errors:
        out.write(f"{paint('error', _COLORS[Severity.ERROR])}: {error.message}\n")
    if options.statistics and report.findings:
        out.write("\n")
        for line in _statistics(report.findings):
            out.write(line + "\n")
    if not options.quiet:
        out.write(_summary(report) + "\n")


def _painter(color: bool) -> Paint:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    return paint


def _finding_line(finding: Finding, paint: Paint) -> str:
    loc = finding.location
    where = display(finding) or f"{loc.line}:{loc.column}"
    severity = paint(f"[{finding.severity.value}]", _COLORS[finding.severity])
    rule_id = paint(finding.rule_id, _BOLD)
    return f"{finding.path}:{where}: {rule_id} {severity} {with_suggestions(finding)}"


def _excerpt(finding: Finding, source: str | None, paint: Paint) -> list[str]:
    """The finding's source line and a caret underline; a match spanning lines is
    underlined to the end of its first line."""
    loc = finding.location
    if source is None or display(finding):
        return []  # a prebuilt display position is not a line of the decoded source
    lines = source.split("\n")
    if not 1 <= loc.line <= len(lines):
        return []
    text = lines[loc.line - 1].removesuffix("\r")
    start = min(max(loc.column - 1, 0), len(text))
    end = loc.end_column - 1 if loc.end_line == loc.line else len(text)
    end = min(max(end, start), len(text))
    shown, cols = _layout(text)
    carets = "^" * max(cols[end] - cols[start], 1)
    number = str(loc.line)
    return [
        f" {number} | {shown}".rstrip(),
        f" {' ' * len(number)} | {' ' * cols[start]}{paint(carets, _COLORS[finding.severity])}",
    ]


def _layout(text: str) -> tuple[str, list[int]]:
    """The line as printed (tabs expanded, control characters replaced) and the screen
    column where each code point starts (plus one entry for the end of the line)."""
    shown: list[str] = []
    cols: list[int] = []
    col = 0
    for char in text:
        cols.append(col)
        if char == "\t":
            width = TAB_SIZE - col % TAB_SIZE
            shown.append(" " * width)
        else:
            if unicodedata.category(char) == "Cc":
                char = "\ufffd"  # never echo escape sequences from a document to a terminal
            width = _char_width(char)
            shown.append(char)
        col += width
    cols.append(col)
    return "".join(shown), cols


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _statistics(findings: list[Finding]) -> list[str]:
    """Counts per rule, most frequent first, like ``ruff --statistics``."""
    names = {f.rule_id: f.rule for f in findings}
    counts = sorted(rule_counts(findings).items(), key=lambda item: (-item[1], item[0]))
    count_width = max(len(str(n)) for _, n in counts)
    id_width = max(len(rule_id) for rule_id, _ in counts)
    return [f"{n:>{count_width}}  {rule_id:<{id_width}}  {names[rule_id]}" for rule_id, n in counts]


def _summary(report: Report) -> str:
    files = plural(report.files_checked, "file")
    if report.findings:
        by = severity_counts(report.findings)
        text = (
            f"Found {plural(len(report.findings), 'finding')} ({plural(by['error'], 'error')}, "
            f"{plural(by['warning'], 'warning')}, {by['info']} info) in {files}."
        )
    else:
        text = f"No findings in {files}."
    if report.errors:
        text += f" {plural(len(report.errors), 'file')} could not be checked."
    return text
