"""Generate examples/code-of-conduct.docx: a short Code of Conduct for a border police
service, with headings, a table, a header, a footnote and terms genderlint reports.

Usage: python scripts/make_example_docx.py [OUT.docx] [--repeat N]

The output is byte-for-byte reproducible. ``--repeat N`` repeats the standards chapter N
times, for timing long documents (N=200 gives about 100 pages).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml import etree

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "examples" / "code-of-conduct.docx"
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)

PURPOSE = (
    "This Code sets out the standards of conduct expected of every member of the Border "
    "Police Service, whether on duty at a crossing point, on patrol or off duty."
)
SCOPE = (
    "It applies to all sworn officers, civilian staff and contractors. Each policeman and "
    "each civilian employee signs it on appointment."
)
STANDARDS = [
    (
        "3.1 Use of force",
        [
            "An officer may use force only when it is necessary and proportionate. Before "
            "using force, every officer must ensure that he has tried to de-escalate.",
            "Where manpower at a crossing point is insufficient, the duty officer requests "
            "support rather than escalating.",
        ],
    ),
    (
        "3.2 Treatment of people in custody",
        [
            "Detained persons are treated with dignity. A case recorded as a domestic dispute "
            "is assessed for risk like any other report of violence.",
            "Searches are carried out by an officer of the gender the person asks for, where "
            "possible.",
        ],
    ),
    (
        "3.3 Professional relationships",
        [
            "The Service values the brotherhood of its officers, but loyalty never excuses "
            "silence about misconduct.",
            "Officers show sportsmanship in training and competitions.",
        ],
    ),
]
ROLES = [
    ("Role", "Responsibility"),
    ("Duty officer", "Records every use of force in the shift log."),
    ("Chairman of the Ethics Board", "Reviews complaints and reports to the Director."),
    ("Welfare officer", "Supports staff and families after critical incidents."),
]


def build(repeat: int = 1) -> Document:
    """The example document, with the standards chapter ``repeat`` times."""
    document = docx.Document()
    _properties(document)
    document.styles["Normal"].font.size = Pt(11)
    header = document.sections[0].header.paragraphs[0]
    header.text = "Border Police Service | Code of Conduct for policemen and staff | Draft 2"
    document.sections[0].footer.paragraphs[0].text = "Internal: for consultation"

    document.add_heading("Code of Conduct", 0)
    document.add_heading("1 Purpose", 1)
    document.add_paragraph(PURPOSE)
    document.add_heading("2 Scope", 1)
    scope = document.add_paragraph(SCOPE)
    _footnote(
        document,
        scope,
        "Contractors are bound through their contracts; a manpower agency has each of its "
        "staff sign it.",
    )
    for round_ in range(repeat):
        suffix = f" (part {round_ + 1})" if repeat > 1 else ""
        document.add_heading(f"3 Standards of conduct{suffix}", 1)
        for title, paragraphs in STANDARDS:
            document.add_heading(title, 2)
            for text in paragraphs:
                document.add_paragraph(text)
    document.add_heading("4 Roles and responsibilities", 1)
    table = document.add_table(rows=len(ROLES), cols=2)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, ROLES, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("5 Reporting misconduct", 1)
    document.add_paragraph(
        "Any member who witnesses misconduct reports it to his supervisor or directly to the "
        "Ethics Board. No one who reports in good faith is disadvantaged.",
        style="List Bullet",
    )
    return document


def _properties(document: Document) -> None:
    props = document.core_properties
    props.title = "Code of Conduct (example)"
    props.author = "genderlint examples"
    props.last_modified_by = "genderlint examples"
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1


class _XmlBlobPart(Part):
    """A part python-docx has no class for, serialised from an lxml tree on save."""

    root: etree._Element

    @property
    def blob(self) -> bytes:
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _footnote(document: Document, paragraph: Paragraph, text: str) -> None:
    package = document.part.package
    part = _XmlBlobPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, b"", package)
    part.root = parse_xml(
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )


def save_reproducibly(document: Document, out: Path) -> None:
    """Save with fixed zip timestamps so the same content gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--repeat", type=int, default=1, help="copies of the standards chapter")
    args = parser.parse_args(argv)
    save_reproducibly(build(max(args.repeat, 1)), args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
