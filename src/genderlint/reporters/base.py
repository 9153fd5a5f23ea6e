"""What every reporter receives, the format registry, and the counts they share.

Reporters format a finished :class:`Report`; they never filter, sort or pick exit codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import TextIO

from genderlint.findings import Finding, Severity
from genderlint.ruleset.model import Rule

# format name -> module in this package with a ``write(report, out, options)`` function
_MODULES = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
}
FORMATS: tuple[str, ...] = tuple(_MODULES)


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked."""

    path: str
    message: str  # one line, already includes path:line where known


@dataclass(frozen=True)
class FilePart:
    """One file's findings already written out for a report (the JSON format's items of
    its findings array), with the counts its summary needs: a worker process writes its
    files' parts, in parallel, and sends them instead of the findings."""

    path: str
    text: bytes | str  # UTF-8 bytes; str where the encoder had to fall back
    by_severity: Mapping[str, int]  # severity value -> findings
    by_rule: Mapping[str, int]  # rule id -> findings

    def failing(self, threshold: Severity) -> bool:
        """Whether a finding of this file is at least as severe as ``threshold``."""
        return any(Severity(value).rank >= threshold.rank for value in self.by_severity)


@dataclass
class Report:
    """Everything a reporter may show, already decided by the caller. A JSON report may
    come as ``parts`` (in report order) instead of ``findings``."""

    findings: list[Finding]  # sorted
    errors: list[FileError] = field(default_factory=list)
    files_checked: int = 0
    rules: Mapping[str, Rule] = field(default_factory=dict)  # every rule a finding references
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> decoded source text
    version: str = ""
    dropped: list[Finding] = field(default_factory=list)  # candidates a context check dropped
    parts: list[FilePart] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    """Presentation switches; only the text format uses them."""

    color: bool = False
    show_source: bool = False
    statistics: bool = False
    quiet: bool = False  # no summary line


def render(
    report: Report,
    fmt: str,
    out: TextIO,
    *,
    color: bool = False,
    show_source: bool = False,
    statistics: bool = False,
    quiet: bool = False,
) -> None:
    """Write ``report`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`).

    The switches only change the text format: ``color`` adds ANSI colours, ``show_source``
    prints each finding's source line with a caret underline, ``statistics`` adds a table of
    counts per rule and ``quiet`` leaves out the summary line.
    """
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    module = import_module(f"{__package__}.{_MODULES[fmt]}")
    module.write(report, out, Options(color, show_source, statistics, quiet))


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    """Findings per severity, always with the keys error, warning, info in that order."""
    return in_severity_order(Counter(f.severity.value for f in findings))


def in_severity_order(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts per severity value with the keys error, warning, info in that order (0 for
    a severity no finding has)."""
    return {
        s.value: counts.get(s.value, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    }


def rule_counts(findings: list[Finding]) -> dict[str, int]:
    """Findings per rule id, ordered by rule id."""
    return in_rule_order(Counter(f.rule_id for f in findings))


def in_rule_order(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts per rule id, ordered by rule id."""
    return {rule_id: counts[rule_id] for rule_id in sorted(counts)}


def with_suggestions(finding: Finding) -> str:
    """The message followed by ``(suggest: a, b)`` when there are suggestions."""
    if not finding.suggestions:
        return finding.message
    return f"{finding.message} (suggest: {', '.join(finding.suggestions)})"


def display(finding: Finding) -> str | None:
    """A reader's prebuilt position string (Word: ``¶12 [3.1 Use of force]:34``), if any."""
    value = finding.location.extra.get("display")
    return str(value) if value else None


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def write_json(data: object, out: TextIO) -> None:
    """``data`` as indented JSON (two spaces, UTF-8 text, a final newline) written to
    ``out`` (see :func:`encode_json` and :func:`write_encoded`)."""
    write_encoded(encode_json(data), out)


def encode_json(data: object, newline: bool = True) -> bytes | str:
    """``data`` as indented JSON: orjson writes it byte for byte as ``json.dumps(indent=2,
    ensure_ascii=False)`` does, many times faster (the standard library has no C encoder
    for indented output); text orjson refuses (lone surrogates from undecodable bytes)
    goes through the standard library, as text."""
    try:
        import orjson

        option = orjson.OPT_INDENT_2 | (orjson.OPT_APPEND_NEWLINE if newline else 0)
        return orjson.dumps(data, default=str, option=option)
    except (ImportError, TypeError, ValueError):  # orjson.JSONEncodeError is a TypeError
        return _json_indented(data) + ("\n" if newline else "")


def write_encoded(encoded: bytes | str, out: TextIO) -> None:
    """Encoded JSON to ``out``: UTF-8 bytes go straight to the stream's byte buffer when
    the stream writes UTF-8 (a report of 46,000 findings is 26 MB, not worth decoding only
    to encode it again)."""
    if isinstance(encoded, str):
        out.write(encoded)
        return
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "")
    if buffer is None or encoding != "utf8":
        out.write(encoded.decode("utf-8"))
        return
    out.flush()
    buffer.write(encoded)
    buffer.flush()


def _json_indented(data: object) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False, default=str)
