"""Golden-output tests for every reporter, on one hand-built report."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from genderlint.findings import Applicability, Finding, Location, Severity
from genderlint.reporters import FORMATS, FileError, Report, json_report, render
from genderlint.reporters.github import escape_data, escape_property
from genderlint.reporters.sarif import to_uri
from genderlint.ruleset.model import BadExample, Reference, Rule

DATA = Path(__file__).parent / "data"
NBSP = "\u00a0"

SOP = (
    "Every policeman must carry a radio.\r\n"
    f"\t警察 — the lady{NBSP}officer’s report.\r\n"
    "He must report to the duty sergeant.\r\n"
    "Planning in man\r\n"
    "hours is outdated.\r\n"
)
UN = Reference(
    "UN Guidelines for gender-inclusive language in English",
    "https://www.un.org/en/gender-inclusive-language/guidelines.shtml",
)


def rule(rule_id: str, name: str, category: str, severity: Severity, message: str, **kw) -> Rule:
    defaults = dict(
        explanation=f"Why {name} is flagged.",
        terms=(name.replace("-", " "),),
        suggestions=(),
        references=(UN,),
        bad_examples=(BadExample(f"The {name}.", (name,)),),
        good_examples=("The officer.",),
    )
    defaults.update(kw)
    return Rule(rule_id, name, category, severity, message, **defaults)  # type: ignore[arg-type]


RULES = {
    "GL101": rule(
        "GL101",
        "policeman",
        "job-title",
        Severity.WARNING,
        "'{match}' presumes the officer is a man",
        suggestions=("police officer", "officer"),
        explanation="Policing is done by people of every gender.\n",
    ),
    "GL202": rule(
        "GL202",
        "man-hours",
        "generic-masculine",
        Severity.WARNING,
        "'{match}' counts work as done by men",
        suggestions=("person-hours", "work hours"),
        references=(UN, Reference("DCAF Gender and Security Toolkit")),
    ),
    "GL301": rule(
        "GL301",
        "generic-he",
        "pronoun",
        Severity.ERROR,
        "Generic '{match}' assumes the person is a man",
        terms=("he",),
        suggestions=("they",),
    ),
    "GL401": rule(
        "GL401",
        "lady-officer",
        "gender-marking",
        Severity.INFO,
        "'{match}' marks the {suggestion}'s gender",
        suggestions=("officer",),
    ),
}


def finding(rule_id: str, match: str, loc: Location, path: str = "docs/sop.md", **kw) -> Finding:
    r = RULES[rule_id]
    message = r.message.replace("{match}", match).replace("{suggestion}", "officer")
    values = dict(message=message, suggestions=r.suggestions, severity=r.severity)
    values.update(kw)
    return Finding(path, rule_id, r.name, r.category, match=match, location=loc, **values)  # type: ignore[arg-type]


WORD = finding(
    "GL101",
    "policeman",
    Location(
        12,
        34,
        12,
        43,
        33,
        42,
        extra={
            "part": "word/document.xml",
            "paragraph": 12,
            "heading": "3.1 Use of force",
            "display": "¶12 [3.1 Use of force]:34",
        },
    ),
    path="docs/manual.docx",
)
POLICEMAN = finding(
    "GL101", "policeman", Location(1, 7, 1, 16, 6, 15), applicability=Applicability.SAFE
)
LADY = finding("GL401", f"lady{NBSP}officer", Location(2, 11, 2, 23, 47, 59))
HE = finding(
    "GL301",
    "He",
    Location(3, 1, 3, 3, 71, 73),
    suggestions=(),
    context="generic-pronoun: no named antecedent",
)
MAN_HOURS = finding("GL202", "man hours", Location(4, 13, 5, 6, 121, 131))
FINDINGS = [WORD, POLICEMAN, LADY, HE, MAN_HOURS]
BROKEN = FileError("docs/broken.md", "docs/broken.md: cannot decode as UTF-8 (byte 0xff)")


def full_report() -> Report:
    return Report(
        findings=list(FINDINGS),
        errors=[BROKEN],
        files_checked=2,
        rules=RULES,
        sources={"docs/sop.md": SOP},
        version="0.1.0",
    )


def rendered(report: Report, fmt: str, **options: bool) -> str:
    out = io.StringIO()
    render(report, fmt, out, **options)
    return out.getvalue()


def test_fixture_offsets_point_at_the_matches() -> None:
    for f in FINDINGS[1:]:
        assert SOP[f.location.start : f.location.end].replace("\r\n", " ") == f.match


def test_formats_registry() -> None:
    assert FORMATS == ("text", "json", "sarif", "github")
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(full_report(), "xml", io.StringIO())


TEXT_LINES = [
    "docs/manual.docx:¶12 [3.1 Use of force]:34: GL101 [warning] 'policeman' presumes the officer"
    " is a man (suggest: police officer, officer)",
    "docs/sop.md:1:7: GL101 [warning] 'policeman' presumes the officer is a man"
    " (suggest: police officer, officer)",
    f"docs/sop.md:2:11: GL401 [info] 'lady{NBSP}officer' marks the officer's gender"
    " (suggest: officer)",
    "docs/sop.md:3:1: GL301 [error] Generic 'He' assumes the person is a man\n"
    "  context: generic-pronoun: no named antecedent",
    "docs/sop.md:4:13: GL202 [warning] 'man hours' counts work as done by men"
    " (suggest: person-hours, work hours)",
]
ERROR_LINE = "error: docs/broken.md: cannot decode as UTF-8 (byte 0xff)"
SUMMARY = "Found 5 findings (1 error, 3 warnings, 1 info) in 2 files. 1 file could not be checked."


def test_text_plain() -> None:
    assert rendered(full_report(), "text") == "\n".join([*TEXT_LINES, ERROR_LINE, SUMMARY, ""])


def test_text_show_source_underlines_tabs_wide_characters_and_multiline() -> None:
    expected = [
        TEXT_LINES[0],  # a display position has no source line
        TEXT_LINES[1],
        " 1 | Every policeman must carry a radio.",
        "   |       ^^^^^^^^^",
        TEXT_LINES[2],
        f" 2 |     警察 — the lady{NBSP}officer’s report.",
        "   |                ^^^^^^^^^^^^",
        TEXT_LINES[3],
        " 3 | He must report to the duty sergeant.",
        "   | ^^",
        TEXT_LINES[4],
        " 4 | Planning in man",
        "   |             ^^^",
        ERROR_LINE,
        SUMMARY,
        "",
    ]
    assert rendered(full_report(), "text", show_source=True) == "\n".join(expected)


def test_text_color() -> None:
    report = Report([HE], [BROKEN], 2, RULES, {"docs/sop.md": SOP}, "0.1.0")
    assert rendered(report, "text", color=True, show_source=True) == (
        "docs/sop.md:3:1: \x1b[1mGL301\x1b[0m \x1b[31m[error]\x1b[0m"
        " Generic 'He' assumes the person is a man\n"
        "  context: generic-pronoun: no named antecedent\n"
        " 3 | He must report to the duty sergeant.\n"
        "   | \x1b[31m^^\x1b[0m\n"
        "\x1b[31merror\x1b[0m: docs/broken.md: cannot decode as UTF-8 (byte 0xff)\n"
        "Found 1 finding (1 error, 0 warnings, 0 info) in 2 files. 1 file could not be checked.\n"
    )


STATISTICS = [
    "2  GL101  policeman",
    "1  GL202  man-hours",
    "1  GL301  generic-he",
    "1  GL401  lady-officer",
]


def test_text_statistics_sorted_by_count_then_id() -> None:
    report = full_report()
    report.errors = []
    assert rendered(report, "text", statistics=True) == "\n".join(
        [
            *TEXT_LINES,
            "",
            *STATISTICS,
            "Found 5 findings (1 error, 3 warnings, 1 info) in 2 files.",
            "",
        ]
    )


def test_text_quiet_leaves_out_the_summary_only() -> None:
    assert rendered(full_report(), "text", quiet=True, statistics=True) == "\n".join(
        [*TEXT_LINES, ERROR_LINE, "", *STATISTICS, ""]
    )


@pytest.mark.parametrize(
    ("files", "expected"),
    [(0, "No findings in 0 files.\n"), (1, "No findings in 1 file.\n")],
)
def test_text_no_findings(files: int, expected: str) -> None:
    report = Report([], files_checked=files, version="0.1.0")
    assert rendered(report, "text", statistics=True, show_source=True) == expected


@pytest.mark.parametrize(
    ("line", "column", "end_column", "carets"),
    [
        ("\tman", 2, 5, "    ^^^"),  # tab expands to 4 columns
        ("a\tman", 3, 6, "    ^^^"),  # tab stops, not fixed width
        ("日本man", 3, 6, "    ^^^"),  # wide characters take two columns
        ("cafe\u0301 man", 7, 10, "     ^^^"),  # a combining accent takes none
        ("man", 4, 4, "   ^"),  # an empty span still gets a caret
    ],
)
def test_caret_columns(line: str, column: int, end_column: int, carets: str) -> None:
    f = finding("GL101", "man", Location(1, column, 1, end_column, 0, 0), path="x.txt")
    report = Report([f], sources={"x.txt": line + "\n"})
    assert rendered(report, "text", show_source=True).splitlines()[2] == f"   | {carets}"


def test_excerpt_replaces_control_characters() -> None:
    f = finding("GL101", "man", Location(1, 2, 1, 5, 1, 4), path="x.txt")
    report = Report([f], sources={"x.txt": "\x1bman\n"})
    assert rendered(report, "text", show_source=True).splitlines()[1] == " 1 | \ufffdman"


JSON_FINDINGS = [
    {
        "path": "docs/manual.docx",
        "rule_id": "GL101",
        "rule": "policeman",
        "category": "job-title",
        "severity": "warning",
        "message": "'policeman' presumes the officer is a man",
        "match": "policeman",
        "suggestions": ["police officer", "officer"],
        "applicability": "unsafe",
        "line": 12,
        "column": 34,
        "end_line": 12,
        "end_column": 43,
        "start": 33,
        "end": 42,
        "location": {"part": "word/document.xml", "paragraph": 12, "heading": "3.1 Use of force"},
    },
    {
        "path": "docs/sop.md",
        "rule_id": "GL101",
        "rule": "policeman",
        "category": "job-title",
        "severity": "warning",
        "message": "'policeman' presumes the officer is a man",
        "match": "policeman",
        "suggestions": ["police officer", "officer"],
        "applicability": "safe",
        "line": 1,
        "column": 7,
        "end_line": 1,
        "end_column": 16,
        "start": 6,
        "end": 15,
    },
    {
        "path": "docs/sop.md",
        "rule_id": "GL401",
        "rule": "lady-officer",
        "category": "gender-marking",
        "severity": "info",
        "message": f"'lady{NBSP}officer' marks the officer's gender",
        "match": f"lady{NBSP}officer",
        "suggestions": ["officer"],
        "applicability": "unsafe",
        "line": 2,
        "column": 11,
        "end_line": 2,
        "end_column": 23,
        "start": 47,
        "end": 59,
    },
    {
        "path": "docs/sop.md",
        "rule_id": "GL301",
        "rule": "generic-he",
        "category": "pronoun",
        "severity": "error",
        "message": "Generic 'He' assumes the person is a man",
        "match": "He",
        "suggestions": [],
        "applicability": "unsafe",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 3,
        "start": 71,
        "end": 73,
        "context": "generic-pronoun: no named antecedent",
    },
    {
        "path": "docs/sop.md",
        "rule_id": "GL202",
        "rule": "man-hours",
        "category": "generic-masculine",
        "severity": "warning",
        "message": "'man hours' counts work as done by men",
        "match": "man hours",
        "suggestions": ["person-hours", "work hours"],
        "applicability": "unsafe",
        "line": 4,
        "column": 13,
        "end_line": 5,
        "end_column": 6,
        "start": 121,
        "end": 131,
    },
]


def test_json_document() -> None:
    text = rendered(full_report(), "json")
    assert json.loads(text) == {
        "format_version": 1,
        "version": "0.1.0",
        "findings": JSON_FINDINGS,
        "errors": [
            {
                "path": "docs/broken.md",
                "message": "docs/broken.md: cannot decode as UTF-8 (byte 0xff)",
            }
        ],
        "summary": {
            "files_checked": 2,
            "findings": 5,
            "errors": 1,
            "by_severity": {"error": 1, "warning": 3, "info": 1},
            "by_rule": {"GL101": 2, "GL202": 1, "GL301": 1, "GL401": 1},
        },
    }
    # key order is part of the contract (humans read it too), and unicode stays readable
    assert list(json.loads(text)["findings"][3]) == list(JSON_FINDINGS[3])
    assert f'"match": "lady{NBSP}officer"' in text


def test_json_empty() -> None:
    assert json.loads(rendered(Report([], files_checked=3, version="0.1.0"), "json")) == {
        "format_version": 1,
        "version": "0.1.0",
        "findings": [],
        "errors": [],
        "summary": {
            "files_checked": 3,
            "findings": 0,
            "errors": 0,
            "by_severity": {"error": 0, "warning": 0, "info": 0},
            "by_rule": {},
        },
    }


def test_json_contract_document_matches_output() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "json-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.S)
    assert example is not None
    report = full_report()
    report.findings = [WORD, POLICEMAN, HE]
    assert json.loads(example.group(1)) == json.loads(rendered(report, "json"))
    table = doc.split("## Finding")[1].split("###")[0]
    assert re.findall(r"^\| `(\w+)` \|", table, re.M) == [*JSON_FINDINGS[1], "location", "context"]


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((DATA / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_matches_golden_file() -> None:
    golden = (DATA / "golden" / "report.sarif").read_text(encoding="utf-8")
    assert rendered(full_report(), "sarif") == golden


@pytest.mark.parametrize(
    "report",
    [
        full_report(),
        Report([], files_checked=1, version="0.1.0"),
        Report([POLICEMAN, HE], files_checked=1),  # no rule metadata, no version
    ],
)
def test_sarif_is_valid(report: Report) -> None:
    sarif_validator().validate(json.loads(rendered(report, "sarif")))


def test_sarif_schema_rejects_broken_logs() -> None:
    log = json.loads(rendered(full_report(), "sarif"))
    log["runs"][0]["results"][0]["level"] = "warn"
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator().validate(log)


def test_sarif_results_point_at_their_rules() -> None:
    run = json.loads(rendered(full_report(), "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["GL101", "GL202", "GL301", "GL401"]
    assert [(r["ruleId"], rules[r["ruleIndex"]]["id"], r["level"]) for r in run["results"]] == [
        ("GL101", "GL101", "warning"),
        ("GL101", "GL101", "warning"),
        ("GL401", "GL401", "note"),
        ("GL301", "GL301", "error"),
        ("GL202", "GL202", "warning"),
    ]
    assert run["invocations"] == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": "docs/broken.md: cannot decode as UTF-8 (byte 0xff)"},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": "docs/broken.md"}}}
                    ],
                }
            ],
        }
    ]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("docs/sop.md", "docs/sop.md"),
        ("docs\\Code of Conduct.md", "docs/Code%20of%20Conduct.md"),
        ("/srv/docs/sop.md", "file:///srv/docs/sop.md"),
        ("C:\\docs\\sop.md", "file:///C:/docs/sop.md"),
        ("docs/#1 100%.md", "docs/%231%20100%25.md"),
    ],
)
def test_sarif_uri(path: str, uri: str) -> None:
    assert to_uri(path) == uri


def test_github_annotations() -> None:
    assert rendered(full_report(), "github") == "\n".join(
        [
            "::warning file=docs/manual.docx,title=GL101 policeman::¶12 [3.1 Use of force]:34:"
            " 'policeman' presumes the officer is a man (suggest: police officer, officer)",
            "::warning file=docs/sop.md,line=1,col=7,endLine=1,endColumn=16,title=GL101 policeman"
            "::'policeman' presumes the officer is a man (suggest: police officer, officer)",
            "::notice file=docs/sop.md,line=2,col=11,endLine=2,endColumn=23,"
            f"title=GL401 lady-officer::'lady{NBSP}officer' marks the officer's gender"
            " (suggest: officer)",
            "::error file=docs/sop.md,line=3,col=1,endLine=3,endColumn=3,title=GL301 generic-he"
            "::Generic 'He' assumes the person is a man",
            "::warning file=docs/sop.md,line=4,col=13,endLine=5,endColumn=6,title=GL202 man-hours"
            "::'man hours' counts work as done by men (suggest: person-hours, work hours)",
            "::error file=docs/broken.md::docs/broken.md: cannot decode as UTF-8 (byte 0xff)",
            "",
        ]
    )


def test_github_escapes_properties_and_data() -> None:
    f = finding(
        "GL101",
        "policeman",
        Location(1, 1, 1, 10, 0, 9),
        path="a,b:c%.md",
        message="100% wrong\r\nsecond: line, really",
    )
    assert rendered(Report([f]), "github") == (
        "::warning file=a%2Cb%3Ac%25.md,line=1,col=1,endLine=1,endColumn=10,title=GL101 policeman"
        "::100%25 wrong%0D%0Asecond: line, really (suggest: police officer, officer)\n"
    )


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("50%", "50%25", "50%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),  # escaping is not applied twice
    ],
)
def test_github_escape_table(text: str, data: str, prop: str) -> None:
    assert (escape_data(text), escape_property(text)) == (data, prop)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("options", [{}, {"color": True, "show_source": True, "statistics": True}])
def test_output_is_lf_only_without_bom(fmt: str, options: dict[str, bool]) -> None:
    text = rendered(full_report(), fmt, **options)
    assert "\r" not in text
    assert not text.startswith("\ufeff")
    assert text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize(
    "data",
    [
        {"text": "police officer", "n": 3, "empty": [], "nested": {"a": [1, "é→"]}},
        {"control": "a\x00b\x7f\u2028", "quote": '"\\/'},
        {"surrogate": "undecodable \udcff byte"},  # orjson refuses it: the fallback writes it
    ],
)
def test_written_json_is_the_standard_librarys(data: dict) -> None:
    from genderlint.reporters.base import write_json

    byte_stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape")
    for out in (io.StringIO(), byte_stream):
        write_json(data, out)
        out.flush()
        written = out.getvalue() if isinstance(out, io.StringIO) else _bytes_of(out)
        assert written == _stdlib_json(data)


def _bytes_of(out: io.TextIOWrapper) -> str:
    raw = out.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue().decode("utf-8", errors="surrogateescape")


def _stdlib_json(data: object) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "latin-1"])
def test_write_json_writes_in_order_with_other_text(encoding: str) -> None:
    from genderlint.reporters.base import write_json

    data = {"findings": [{"match": "policeman", "message": "naïve “quoted”", "line": 3}]}
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding, errors="replace", write_through=False)
    out.write("before\n")
    write_json(data, out)
    out.write("after\n")
    out.flush()
    expected = "before\n" + _stdlib_json(data) + "after\n"
    assert raw.getvalue() == expected.encode(encoding, errors="replace")
    text = io.StringIO()  # no byte buffer
    write_json(data, text)
    assert text.getvalue() == _stdlib_json(data)


def _by_path(findings: list[Finding]) -> list[list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.path, []).append(f)
    return [groups[path] for path in sorted(groups)]


@pytest.mark.parametrize(
    "extra",
    [
        [],
        # text orjson refuses (a path from undecodable bytes): that part falls back to text
        [finding("GL101", "policeman", Location(1, 1, 1, 10, 0, 9), path="bad-\udcff.md")],
    ],
)
def test_a_json_report_from_file_parts_is_the_one_from_its_findings(
    extra: list[Finding],
) -> None:
    """Workers send each file's findings written out as its part of the JSON report; the
    report made from the parts is byte for byte the report made from the findings."""
    from genderlint.reporters.json_report import file_part

    whole = full_report()
    whole.findings = sorted([*whole.findings, *extra], key=lambda f: f.sort_key)
    parted = full_report()
    parted.findings = []
    parted.parts = [file_part(group) for group in _by_path(whole.findings)]
    assert len(parted.parts) == 2 + len(extra)
    expected = _stdlib_json(json_report.as_dict(whole))
    for report in (whole, parted):
        as_text = io.StringIO()
        render(report, "json", as_text)
        as_bytes = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape")
        render(report, "json", as_bytes)
        as_bytes.flush()
        assert as_text.getvalue() == _bytes_of(as_bytes) == expected


def test_a_file_part_counts_its_findings_and_knows_when_it_fails() -> None:
    from genderlint.reporters.json_report import file_part

    part = file_part([f for f in FINDINGS if f.path == "docs/sop.md"])
    assert part.path == "docs/sop.md"
    assert dict(part.by_severity) == dict(
        Counter(f.severity.value for f in FINDINGS if f.path == "docs/sop.md")
    )
    assert part.failing(Severity.ERROR) == any(
        f.severity is Severity.ERROR for f in FINDINGS if f.path == "docs/sop.md"
    )
    assert part.failing(Severity.INFO)
