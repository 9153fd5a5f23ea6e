"""Reading .docx files: text as a reader sees it, paragraph layout and Word locations."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docx_helpers import (
    add_field,
    add_hidden,
    add_hyperlink,
    add_note,
    add_runs,
    add_textbox,
    add_tracked,
    new_document,
)
from genderlint.api import lint_file, lint_source
from genderlint.config import Config
from genderlint.findings import Location
from genderlint.readers import read_path
from genderlint.readers.docx import read_docx
from genderlint.reporters.base import Report, render

BLANK = Config(model="none")
Build = Callable[[object], None]


def _save(document: object, tmp_path: Path, name: str = "doc.docx") -> str:
    path = tmp_path / name
    document.save(str(path))  # type: ignore[attr-defined]
    return str(path)


def _runs(parts: list[str | tuple[str, str]]) -> Build:
    return lambda d: add_runs(d.add_paragraph(), parts)  # type: ignore[attr-defined]


def _tracked(before: str, text: str, kind: str, after: str) -> Build:
    def build(d: object) -> None:
        p = d.add_paragraph(before)  # type: ignore[attr-defined]
        add_tracked(p, text, kind)
        p.add_run(after)

    return build


def _with(before: str, add: Callable[[object], None], after: str) -> Build:
    def build(d: object) -> None:
        p = d.add_paragraph(before)  # type: ignore[attr-defined]
        add(p)
        p.add_run(after)

    return build


def _xml_run(inner: str) -> Callable[[object], None]:
    return lambda p: p._p.append(parse_xml(f"<w:r {nsdecls('w')}>{inner}</w:r>"))  # type: ignore[attr-defined]


def _breaks(d: object) -> None:
    run = d.add_paragraph().add_run("Line one")  # type: ignore[attr-defined]
    run.add_break()
    run.add_text("two")
    run.add_tab()
    run.add_text("three")


def _sdt(p: object) -> None:
    p._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:r><w:t>controlled</w:t></w:r>"
            "</w:sdtContent></w:sdt>"
        )
    )


def _moved(p: object) -> None:
    p._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:moveFrom {nsdecls("w")} w:id="5" w:author="A"><w:r><w:delText>old place '
            "</w:delText></w:r></w:moveFrom>"
        )
    )
    p._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:moveTo {nsdecls("w")} w:id="6" w:author="A"><w:r><w:t xml:space="preserve">'
            "new place</w:t></w:r></w:moveTo>"
        )
    )


def _comment(d: object) -> None:
    p = d.add_paragraph("Commented words here.")  # type: ignore[attr-defined]
    d.add_comment(p.runs, text="The manpower comment is not checked", author="Ana")  # type: ignore[attr-defined]


def _simple_field(p: object) -> None:
    p._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="TITLE manpower"><w:r><w:t>Field title</w:t>'
            "</w:r></w:fldSimple>"
        )
    )


TEXT_CASES = [
    ("split runs", _runs(["The ", ("man", "b"), "power ", ("plan", "i")]), "The manpower plan"),
    ("insertion read", _tracked("The ", "new ", "ins", "plan"), "The new plan"),
    ("deletion skipped", _tracked("The ", "old ", "del", "plan"), "The plan"),
    (
        "hyperlink",
        _with("See ", lambda p: add_hyperlink(p, "the guide", "https://x.org"), "."),
        "See the guide.",
    ),
    (
        "field result, not code",
        _with("Ref ", lambda p: add_field(p, "REF manpower", "result"), "."),
        "Ref result.",
    ),
    ("simple field", _with("A ", _simple_field, "."), "A Field title."),
    (
        "hidden text skipped",
        _with("Shown ", lambda p: add_hidden(p, "hidden "), "text"),
        "Shown text",
    ),
    ("break and tab", _breaks, "Line one two\tthree"),
    (
        "soft hyphen and no-break hyphen",
        _with("man", _xml_run("<w:softHyphen/><w:t>power</w:t><w:noBreakHyphen/><w:t>x</w:t>"), ""),
        "manpower-x",
    ),
    ("content control", _with("A ", _sdt, " value"), "A controlled value"),
    ("moved text read once", _with("From ", _moved, ""), "From new place"),
    ("existing comment not read", _comment, "Commented words here."),
]


@pytest.mark.parametrize(
    ("build", "expected"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES]
)
def test_paragraph_text(tmp_path: Path, build: Build, expected: str) -> None:
    document = new_document()
    build(document)
    source = read_docx(_save(document, tmp_path))
    assert [b.text for b in source.blocks] == [expected]


def _layout_document() -> object:
    d = new_document()
    d.add_heading("Code of Conduct", 0)
    d.add_heading("3.1 Use of force", 2)
    add_runs(d.add_paragraph(), ["Force is a last ", ("resort", "b"), "."])
    d.add_paragraph()  # empty paragraphs count, as in Word
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Role"
    table.cell(0, 1).text = "Duty"
    table.cell(0, 2).text = "Merged down"
    table.cell(0, 2).merge(table.cell(1, 2))
    left, right = table.cell(1, 0), table.cell(1, 1)
    left.text = "Across"
    left.merge(right)
    inner = d.tables[0].cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 1).text = "Nested"
    box = d.add_paragraph("Anchor")
    add_textbox(box, "Boxed text")
    d.add_heading("4 Reporting", 1)
    note = d.add_paragraph("Report it.")
    add_note(d, note, "A footnote.")
    add_note(d, note, "An endnote.", "endnote")
    d.sections[0].header.paragraphs[0].text = "Header text"
    d.sections[0].footer.paragraphs[0].text = "Footer text"
    return d


LAYOUT = [
    ("Code of Conduct", "heading", "¶1"),
    ("3.1 Use of force", "heading", "¶2 [Code of Conduct]"),
    ("Force is a last resort.", "paragraph", "¶3 [3.1 Use of force]"),
    ("Role", "table-cell", "¶5 [3.1 Use of force] table 1 R1C1"),
    ("Nested", "table-cell", "¶7 [3.1 Use of force] table 1 R1C1 > R1C2"),
    ("Duty", "table-cell", "¶9 [3.1 Use of force] table 1 R1C2"),
    ("Merged down", "table-cell", "¶10 [3.1 Use of force] table 1 R1C3"),
    ("Across", "table-cell", "¶11 [3.1 Use of force] table 1 R2C1"),
    ("Anchor", "paragraph", "¶12 [3.1 Use of force]"),
    ("Boxed text", "paragraph", "¶13 [3.1 Use of force] text box"),
    ("4 Reporting", "heading", "¶14 [3.1 Use of force]"),
    ("Report it.", "paragraph", "¶15 [4 Reporting]"),
    ("Header text", "paragraph", "header ¶1"),
    ("Footer text", "paragraph", "footer ¶1"),
    (" A footnote.", "paragraph", "footnote 1 ¶1"),
    (" An endnote.", "paragraph", "endnote 1 ¶1"),
]


def test_layout_reading_order_and_places(tmp_path: Path) -> None:
    source = read_docx(_save(_layout_document(), tmp_path))
    got = [(b.text, b.kind, source.locate(b, 0, 1).extra["display"]) for b in source.blocks]
    assert got == [(text, kind, f"{where}:1") for text, kind, where in LAYOUT]


def test_pieces_are_verbatim_slices_of_source(tmp_path: Path) -> None:
    source = read_docx(_save(_layout_document(), tmp_path))
    assert source.source.split("\n") == [b.text for b in source.blocks]
    for block in source.blocks:
        for piece in block.pieces:
            assert source.source[piece.source_start : piece.source_start + len(piece.text)] == (
                piece.text
            )


LOCATIONS = [
    (
        2,
        11,
        17,
        Location(3, 12, 3, 18, 11, 17),
        {
            "part": "body",
            "paragraph": 3,
            "heading": "3.1 Use of force",
            "display": "¶3 [3.1 Use of force]:12",
        },
    ),
    (
        4,
        0,
        6,
        Location(7, 1, 7, 7, 0, 6),
        {
            "part": "body",
            "paragraph": 7,
            "heading": "3.1 Use of force",
            "table": {"number": 1, "row": 1, "column": 1, "nested": [{"row": 1, "column": 2}]},
            "display": "¶7 [3.1 Use of force] table 1 R1C1 > R1C2:1",
        },
    ),
    (
        9,
        0,
        5,
        Location(13, 1, 13, 6, 0, 5),
        {
            "part": "body",
            "paragraph": 13,
            "heading": "3.1 Use of force",
            "textbox": True,
            "display": "¶13 [3.1 Use of force] text box:1",
        },
    ),
    (
        12,
        7,
        11,
        Location(1, 8, 1, 12, 7, 11),
        {
            "part": "header",
            "section": 1,
            "type": "default",
            "paragraph": 1,
            "display": "header ¶1:8",
        },
    ),
    (
        14,
        3,
        11,
        Location(1, 4, 1, 12, 3, 11),
        {"part": "footnote", "footnote": 1, "paragraph": 1, "display": "footnote 1 ¶1:4"},
    ),
]


@pytest.mark.parametrize(("index", "start", "end", "location", "extra"), LOCATIONS)
def test_locations(
    tmp_path: Path, index: int, start: int, end: int, location: Location, extra: dict[str, object]
) -> None:
    source = read_docx(_save(_layout_document(), tmp_path))
    got = source.locate(source.blocks[index], start, end)
    assert got == location
    assert got.extra == extra


def test_header_kinds_and_sections(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("Body")
    first = d.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Cover header"
    first.header.paragraphs[0].text = "Running header"
    second = d.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Annex header"
    source = read_docx(_save(d, tmp_path))
    got = [(b.text, source.locate(b, 0, 1).extra["display"]) for b in source.blocks[1:]]
    assert got == [
        ("Running header", "header, section 1 ¶1:1"),
        ("Cover header", "first-page header, section 1 ¶1:1"),
        ("Annex header", "header, section 2 ¶1:1"),
    ]


def test_notes_numbered_by_reference_order(tmp_path: Path) -> None:
    d = new_document()
    first, second = d.add_paragraph("First"), d.add_paragraph("Second")
    add_note(d, second, "note of the second paragraph")  # id 1, referenced last
    add_note(d, first, "note of the first paragraph")  # id 2, referenced first
    source = read_docx(_save(d, tmp_path))
    got = [(b.text, source.locate(b, 0, 1).extra["display"]) for b in source.blocks[2:]]
    assert got == [
        (" note of the second paragraph", "footnote 2 ¶1:1"),
        (" note of the first paragraph", "footnote 1 ¶1:1"),
    ]


def test_headings_from_outline_level_and_style_chain(tmp_path: Path) -> None:
    d = new_document()
    custom = d.styles.add_style("Policy Heading", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = d.styles["Heading 1"]
    d.add_paragraph("Annex A", style="Policy Heading")
    d.add_paragraph("Text one")
    outlined = d.add_paragraph("Outline B")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    d.add_paragraph("Text two")
    source = read_docx(_save(d, tmp_path))
    got = [(b.kind, source.locate(b, 0, 1).extra.get("heading")) for b in source.blocks]
    assert got == [
        ("heading", None),
        ("paragraph", "Annex A"),
        ("heading", "Annex A"),
        ("paragraph", "Outline B"),
    ]


def _check_document() -> object:
    d = new_document()
    d.add_heading("2 Staffing", 1)
    add_runs(d.add_paragraph(), ["The ", ("man", "b"), "power plan is due."])
    p = d.add_paragraph("Our ")
    add_tracked(p, "brotherhood ", "ins")
    add_tracked(p, "sportsmanship ", "del")
    p.add_run("matters.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "Honour our forefathers."
    d.sections[0].header.paragraphs[0].text = "Manpower review"
    add_note(d, p, "A domestic dispute is violence.")
    return d


def test_check_reports_expected_findings_and_locations(tmp_path: Path) -> None:
    path = _save(_check_document(), tmp_path, "policy.docx")
    findings = lint_source(read_docx(path), BLANK)
    got = [(f.rule_id, f.match, f.location.extra["display"]) for f in findings]
    assert sorted(got) == sorted(
        [
            ("GL200", "manpower", "¶2 [2 Staffing]:5"),
            ("GL216", "brotherhood", "¶3 [2 Staffing]:5"),
            ("GL218", "forefathers", "¶5 [2 Staffing] table 1 R1C2:12"),
            ("GL200", "Manpower", "header ¶1:1"),
            ("GL609", "domestic dispute", "footnote 1 ¶1:4"),
        ]
    )
    assert lint_file(path, BLANK) == findings  # the reader registry picks the Word reader
    assert read_path(path).source == read_docx(path).source


def test_text_report_shows_word_positions(tmp_path: Path) -> None:
    path = _save(_check_document(), tmp_path, "policy.docx")
    findings = lint_source(read_docx(path), BLANK)
    out = io.StringIO()
    render(Report(findings=[f for f in findings if f.match == "manpower"]), "text", out)
    assert out.getvalue().splitlines()[0].startswith(f"{path}:¶2 [2 Staffing]:5: GL200 ")
