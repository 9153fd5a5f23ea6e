"""`annotate`: Word comments on each finding, tracked replacements, safe output writing."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from lxml import etree

from docx_helpers import (
    add_field,
    add_hyperlink,
    add_note,
    add_runs,
    add_textbox,
    add_tracked,
    new_document,
)
from genderlint.config import Config
from genderlint.docx.annotate import annotate_docx, comment_text
from genderlint.errors import GenderlintError
from genderlint.findings import Finding, Location, Severity
from genderlint.readers.docx import read_docx
from genderlint.textmap import SourceText

BLANK = Config(model="none")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
STORY_PARTS = ("word/document.xml", "word/header1.xml", "word/footnotes.xml")


def _policy(tmp_path: Path) -> str:
    d = new_document()
    d.add_heading("2 Staffing", 1)
    add_runs(d.add_paragraph(), ["The ", ("man", "b"), "power plan is due."])
    d.add_paragraph("Manpower and brotherhood matter to us.")
    p = d.add_paragraph("Honour our ")
    add_tracked(p, "forefathers", "ins")
    p.add_run(" today.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "Ask about man-hours."
    d.sections[0].header.paragraphs[0].text = "Manpower review"
    add_note(d, d.paragraphs[1], "A domestic dispute is violence.")
    add_textbox(d.add_paragraph("Box: "), "The brotherhood box")
    path = tmp_path / "policy.docx"
    d.save(str(path))
    return str(path)


def _annotate(
    tmp_path: Path, track: bool = False, name: str = "out.docx"
) -> tuple[str, str, list[Finding]]:
    src = _policy(tmp_path)
    out = str(tmp_path / name)
    findings = annotate_docx(src, out, BLANK, track_changes=track, date=DATE)
    return src, out, findings


def _xml(path: str, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _anchored(root: etree._Element) -> dict[str, tuple[str, str]]:
    """Comment id -> (text, deleted text) between its range start and end."""
    open_ids: set[str] = set()
    text: dict[str, list[str]] = defaultdict(lambda: ["", ""])
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(el.get(f"{W}id"))
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(el.get(f"{W}id"))
        elif el.tag in (f"{W}t", f"{W}delText"):
            for cid in open_ids:
                text[cid][el.tag == f"{W}delText"] += el.text or ""
    return {cid: (t[0], t[1]) for cid, t in text.items()}


def _comments(path: str) -> dict[str, str]:
    root = _xml(path, "word/comments.xml")
    return {
        c.get(f"{W}id"): "\n".join(
            "".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p")
        )
        for c in root.iter(f"{W}comment")
    }


def _texts(path: str) -> list[str]:
    return [b.text for b in read_docx(path).blocks]


def _resolve(path: str, out: Path, accept: bool) -> str:
    """Accept or reject genderlint's tracked changes in every part, by plain XML edits."""
    keep, drop = (f"{W}ins", f"{W}del") if accept else (f"{W}del", f"{W}ins")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in STORY_PARTS:
                root = etree.fromstring(data)
                for el in list(root.iter(drop)):
                    if el.get(f"{W}author") == "genderlint":
                        el.getparent().remove(el)
                for el in list(root.iter(keep)):
                    if el.get(f"{W}author") == "genderlint":
                        for t in el.iter(f"{W}delText"):
                            t.tag = f"{W}t"
                        parent, index = el.getparent(), el.getparent().index(el)
                        for offset, child in enumerate(list(el)):
                            parent.insert(index + offset, child)
                        parent.remove(el)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    return str(out)


INLINE = ["manpower", "Manpower", "brotherhood", "forefathers", "man-hours"]  # body order


def test_one_comment_per_finding_on_its_words(tmp_path: Path) -> None:
    _, out, findings = _annotate(tmp_path)
    anchored = _anchored(_xml(out, "word/document.xml"))
    comments = _comments(out)
    inline = sorted(
        (int(cid), cid, text) for cid, (text, _) in anchored.items() if text != "2 Staffing"
    )
    assert [text for _, _, text in inline] == INLINE
    for _, cid, match in inline:
        finding = next(f for f in findings if f.match == match)
        assert comments[cid].startswith(f'{finding.rule_id} {finding.category}: "{match}" → ')
        assert "Why: " in comments[cid]
    assert len(comments) == len(INLINE) + 1  # and one summary for the rest
    assert len(findings) == len(INLINE) + 3


def test_outside_findings_listed_in_one_comment_at_the_top(tmp_path: Path) -> None:
    _, out, _ = _annotate(tmp_path)
    anchored = _anchored(_xml(out, "word/document.xml"))
    comments = _comments(out)
    (summary_id,) = [cid for cid, (text, _) in anchored.items() if text == "2 Staffing"]
    lines = comments[summary_id].splitlines()
    assert lines[0] == (
        "genderlint: 3 findings in headers, footers, notes or text boxes, "
        "where comments cannot be anchored:"
    )
    assert [line.split(": GL")[0] for line in lines[1:]] == [
        "¶8 [2 Staffing] text box:5",
        "header ¶1:1",
        "footnote 1 ¶1:4",
    ]
    for part in STORY_PARTS[1:]:
        assert _xml(out, part).find(f".//{W}commentRangeStart") is None


def test_visible_text_and_python_docx_view_unchanged(tmp_path: Path) -> None:
    src, out, _ = _annotate(tmp_path)
    assert _texts(out) == _texts(src)
    before, after = docx.Document(src), docx.Document(out)
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert [c.author for c in after.comments] == ["genderlint"] * 6
    assert {c.initials for c in after.comments} == {"GL"}


def test_split_runs_keep_formatting(tmp_path: Path) -> None:
    _, out, _ = _annotate(tmp_path)
    body = _xml(out, "word/document.xml")
    para = body.findall(f".//{W}p")[1]
    runs = [
        ("".join(t.text for t in r.iter(f"{W}t")), r.find(f"{W}rPr/{W}b") is not None)
        for r in para.iter(f"{W}r")
        if r.find(f"{W}t") is not None
    ]
    assert runs == [("The ", False), ("man", True), ("power", False), (" plan is due.", False)]
    # a single run split in the middle keeps its (empty) formatting on both sides
    third = body.findall(f".//{W}p")[2]
    pieces = ["".join(t.text for t in r.iter(f"{W}t")) for r in third.iter(f"{W}r")]
    assert [p for p in pieces if p] == ["Manpower", " and ", "brotherhood", " matter to us."]


FIXED = [
    "2 Staffing",
    "The personnel plan is due.",
    "Personnel and fellowship matter to us.",
    "Honour our forefathers today.",  # inside another reviewer's insertion: not changed
    "Ask about person-hours.",
    "Box: ",
    "The brotherhood box",
    "Personnel review",
    " A domestic abuse is violence.",
]


def test_track_changes_accept_all_reads_as_fixed_text(tmp_path: Path) -> None:
    src, out, _ = _annotate(tmp_path, track=True)
    assert _texts(_resolve(out, tmp_path / "accepted.docx", accept=True)) == FIXED
    assert _texts(_resolve(out, tmp_path / "rejected.docx", accept=False)) == _texts(src)
    assert _texts(out) == FIXED  # the reader reads insertions, not deletions
    comments = "\n".join(_comments(out).values())
    assert "(not changed: it is in a text box; or: camaraderie, solidarity, community)" in comments
    assert '"forefathers" → ancestors (not changed: the words are in another reviewer' in comments
    assert '"brotherhood" → fellowship (tracked change; also: camaraderie' in comments


def test_tracked_change_keeps_formatting_and_anchors_comment(tmp_path: Path) -> None:
    _, out, _ = _annotate(tmp_path, track=True)
    body = _xml(out, "word/document.xml")
    deletion = body.find(f".//{W}del[@{W}author='genderlint']")
    insertion = deletion.getnext()
    assert insertion.tag == f"{W}ins"
    assert ["".join(r.itertext()) for r in deletion.iter(f"{W}r")] == ["man", "power"]
    assert insertion.find(f"{W}r/{W}rPr/{W}b") is not None  # formatting of the first run
    assert "".join(insertion.itertext()) == "personnel"
    anchored = _anchored(body)
    assert ("personnel", "manpower") in anchored.values()
    revisions = [el.get(f"{W}id") for el in body.iter(f"{W}ins", f"{W}del")]
    assert len(revisions) == len(set(revisions))
    assert not set(revisions) & set(anchored)


def test_existing_comments_kept_and_ids_unique(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph("Manpower is short.")
    d.add_comment(p.runs, text="Earlier remark", author="Ana", initials="A")
    src = tmp_path / "in.docx"
    d.save(str(src))
    out = str(tmp_path / "out.docx")
    annotate_docx(str(src), out, BLANK, date=DATE)
    comments = docx.Document(out).comments
    assert [(c.author, c.text.split(":")[0]) for c in comments] == [
        ("Ana", "Earlier remark"),
        ("genderlint", "GL200 generic-masculine"),
    ]
    assert len({c.comment_id for c in comments}) == 2


def test_no_findings_gives_plain_copy(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("All staff attend.")
    src = tmp_path / "clean.docx"
    d.save(str(src))
    out = tmp_path / "out.docx"
    assert annotate_docx(str(src), str(out), BLANK) == []
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        assert [(i.filename, a.read(i)) for i in a.infolist()] == [
            (i.filename, b.read(i)) for i in b.infolist()
        ]


def _sha(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_input_never_modified_and_output_not_overwritten(tmp_path: Path) -> None:
    src = _policy(tmp_path)
    before = _sha(src)
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    with pytest.raises(GenderlintError, match=r"out\.docx: already exists; use --force"):
        annotate_docx(src, str(out), BLANK)
    assert out.read_bytes() == b"keep me"
    annotate_docx(src, str(out), BLANK, force=True, track_changes=True)
    assert docx.Document(str(out)).comments
    with pytest.raises(GenderlintError, match="is the input file"):
        annotate_docx(src, src, BLANK, force=True)
    assert _sha(src) == before
    assert sorted(os.listdir(tmp_path)) == ["out.docx", "policy.docx"]


def test_failure_leaves_no_partial_output(tmp_path: Path) -> None:
    src = _policy(tmp_path)

    def broken(source: SourceText) -> list[Finding]:
        raise RuntimeError("lint failed")

    with pytest.raises(RuntimeError):
        annotate_docx(src, str(tmp_path / "out.docx"), lint=broken)
    with pytest.raises(GenderlintError, match="does not exist"):
        annotate_docx(src, str(tmp_path / "missing" / "out.docx"), BLANK)
    assert os.listdir(tmp_path) == ["policy.docx"]


def _regex_lint(terms: dict[str, str]) -> object:
    """Findings for every match of each regex, so edge cases do not depend on the rules."""

    def lint(source: SourceText) -> list[Finding]:
        found = []
        for block in source.blocks:
            for pattern, suggestion in terms.items():
                for m in re.finditer(pattern, block.text):
                    found.append(
                        Finding(
                            source.path,
                            "GL999",
                            "test",
                            "job-title",
                            Severity.WARNING,
                            "test message",
                            m.group(),
                            (suggestion,),
                            source.locate(block, m.start(), m.end()),
                        )
                    )
        return found

    return lint


def test_overlapping_fields_and_links(tmp_path: Path) -> None:
    d = new_document()
    add_runs(d.add_paragraph(), ["The fire", ("man", "b"), " drove."])
    p = d.add_paragraph("See ")
    add_hyperlink(p, "the fireman guide", "https://example.org")
    add_field(p, "REF x", " and fireman")
    src = tmp_path / "in.docx"
    d.save(str(src))
    out = str(tmp_path / "out.docx")
    lint = _regex_lint({r"fireman": "firefighter", r"e fire": "X"})
    annotate_docx(str(src), out, lint=lint, track_changes=True, explanations={}, date=DATE)
    assert _texts(_resolve(out, tmp_path / "ok.docx", accept=True)) == [
        "The firefighter drove.",
        "See the firefighter guide and fireman",
    ]
    assert _texts(_resolve(out, tmp_path / "no.docx", accept=False)) == _texts(str(src))
    notes = sorted(_comments(out).values())
    assert notes == [
        'GL999 job-title: "e fire" → X (not changed: overlaps another change). Why: test message',
        'GL999 job-title: "e fire" → X (not changed: overlaps another change). Why: test message',
        'GL999 job-title: "fireman" → firefighter (not changed: the words are a field result). '
        "Why: test message",
        'GL999 job-title: "fireman" → firefighter (tracked change). Why: test message',
        'GL999 job-title: "fireman" → firefighter (tracked change). Why: test message',
    ]


COMMENT_TEXT = [
    (
        ("police officer", "officer"),
        None,
        'GL101 job-title: "policeman" → police officer (or: officer). Why: It assumes a man.',
    ),
    (
        ("police officer", "officer"),
        "made",
        'GL101 job-title: "policeman" → police officer '
        "(tracked change; also: officer). Why: It assumes a man.",
    ),
    (
        ("police officer",),
        "it is in a text box",
        'GL101 job-title: "policeman" → police '
        "officer (not changed: it is in a text box). Why: It assumes a man.",
    ),
    ((), None, 'GL101 job-title: "policeman". Why: It assumes a man.'),
]


@pytest.mark.parametrize(("suggestions", "change", "expected"), COMMENT_TEXT)
def test_comment_text(suggestions: tuple[str, ...], change: str | None, expected: str) -> None:
    finding = Finding(
        "p.docx",
        "GL101",
        "policeman",
        "job-title",
        Severity.WARNING,
        "msg",
        "policeman",
        suggestions,
        Location(1, 1, 1, 10, 0, 9),
    )
    explanations = {"GL101": "It assumes  a man. Police work is done by women too."}
    assert comment_text(finding, explanations, change) == expected


def _soffice(args: list[str], tmp_path: Path) -> None:
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", *args],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_output_with_comments(tmp_path: Path) -> None:
    _, out, _ = _annotate(tmp_path, track=True)
    lo = tmp_path / "lo"
    _soffice(["--convert-to", "odt", "--outdir", str(lo), out], tmp_path)
    _soffice(["--convert-to", "pdf", "--outdir", str(lo), out], tmp_path)
    assert (lo / "out.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(lo / "out.odt") as z:
        content = etree.fromstring(z.read("content.xml"))
        styles = etree.fromstring(z.read("styles.xml"))  # headers live here in ODF
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    dc = "{http://purl.org/dc/elements/1.1/}"
    notes = content.findall(f".//{office}annotation")
    assert [n.findtext(f"{dc}creator") for n in notes] == ["genderlint"] * 6
    texts = ["".join(n.itertext()) for n in notes]
    assert any('"manpower" → personnel (tracked change' in t for t in texts)
    text = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    regions = content.findall(f".//{text}changed-region")
    regions += styles.findall(f".//{text}changed-region")
    authors = [r.findtext(f".//{dc}creator") for r in regions]
    assert authors.count("genderlint") == 12  # 6 replacements: a deletion and an insertion each


def test_track_changes_keep_case_and_number(tmp_path: Path) -> None:
    d = new_document()
    add_runs(d.add_paragraph(), [("Policemen", "i"), " patrol; the ", "police", "man reports."])
    src = tmp_path / "in.docx"
    d.save(str(src))
    out = str(tmp_path / "out.docx")
    annotate_docx(str(src), out, BLANK, track_changes=True, date=DATE)
    accepted = _resolve(out, tmp_path / "accepted.docx", accept=True)
    assert _texts(accepted) == ["Police officers patrol; the police officer reports."]
    body = _xml(out, "word/document.xml")
    inserted = [
        ("".join(i.itertext()), i.find(f"{W}r/{W}rPr/{W}i") is not None)
        for i in body.iter(f"{W}ins")
    ]
    assert inserted == [("Police officers", True), ("police officer", False)]
