"""Inline directives: drop findings that a `genderlint-disable...` comment covers."""

from __future__ import annotations

from collections.abc import Iterable

from genderlint.findings import Finding
from genderlint.textmap import Directive

ALL = "*"


def _covers(ids: frozenset[str], rule_id: str) -> bool:
    return ALL in ids or any(rule_id.startswith(i) for i in ids)


def apply_directives(findings: Iterable[Finding], directives: list[Directive]) -> list[Finding]:
    """Keep the findings no directive suppresses.

    ``disable`` opens a region (all rules, or the listed IDs/prefixes) until a matching
    ``enable``; ``disable-next-line`` covers the line after the directive; ``disable-line``
    covers its own line.
    """
    findings = list(findings)
    if not directives:
        return findings
    ordered = sorted(directives, key=lambda d: d.line)
    kept = []
    for finding in findings:
        line = finding.location.line
        if not _suppressed(finding.rule_id, line, ordered):
            kept.append(finding)
    return kept


def _suppressed(rule_id: str, line: int, directives: list[Directive]) -> bool:
    all_off = False
    off: set[str] = set()  # disabled IDs while not all_off
    back_on: set[str] = set()  # re-enabled IDs while all_off
    for d in directives:
        ids = frozenset(d.rule_ids) or frozenset({ALL})
        if d.kind == "disable-next-line" and d.line + 1 == line and _covers(ids, rule_id):
            return True
        if d.kind == "disable-line" and d.line == line and _covers(ids, rule_id):
            return True
        if d.line > line or d.kind not in ("disable", "enable"):
            continue
        if ALL in ids:
            all_off, off, back_on = d.kind == "disable", set(), set()
        elif d.kind == "disable":
            (back_on.difference_update if all_off else off.update)(ids)
        else:
            (back_on.update if all_off else off.difference_update)(ids)
    if all_off:
        return not _covers(frozenset(back_on), rule_id)
    return _covers(frozenset(off), rule_id)
