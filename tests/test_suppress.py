from __future__ import annotations

import pytest

from genderlint.findings import Finding, Location, Severity
from genderlint.suppress import apply_directives
from genderlint.textmap import Directive


def _finding(rule_id: str, line: int) -> Finding:
    return Finding(
        "f.md",
        rule_id,
        "r",
        "job-title",
        Severity.WARNING,
        "m",
        "x",
        (),
        Location(line, 1, line, 2, 0, 1),
    )


D = Directive


@pytest.mark.parametrize(
    ("directives", "rule_id", "line", "suppressed"),
    [
        ([D(2, "disable")], "GL101", 3, True),
        ([D(2, "disable")], "GL101", 1, False),
        ([D(2, "disable"), D(4, "enable")], "GL101", 5, False),
        ([D(2, "disable"), D(4, "enable")], "GL101", 3, True),
        ([D(2, "disable", ("GL101",))], "GL102", 3, False),
        ([D(2, "disable", ("GL1",))], "GL102", 3, True),
        ([D(2, "disable"), D(3, "enable", ("GL101",))], "GL101", 4, False),
        ([D(2, "disable"), D(3, "enable", ("GL101",))], "GL102", 4, True),
        ([D(2, "disable", ("GL101", "GL102")), D(3, "enable", ("GL101",))], "GL102", 4, True),
        ([D(2, "disable-next-line")], "GL101", 3, True),
        ([D(2, "disable-next-line")], "GL101", 4, False),
        ([D(2, "disable-next-line", ("GL2",))], "GL101", 3, False),
        ([D(5, "disable-line")], "GL101", 5, True),
        ([D(5, "disable-line")], "GL101", 6, False),
    ],
)
def test_directives(directives: list[Directive], rule_id: str, line: int, suppressed: bool) -> None:
    kept = apply_directives([_finding(rule_id, line)], directives)
    assert (kept == []) is suppressed
