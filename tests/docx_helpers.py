"""Build Word documents for tests with python-docx, adding by XML what it has no API for:
tracked changes, fields, footnotes, endnotes, text boxes."""

from __future__ import annotations

from collections.abc import Sequence

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def new_document() -> Document:
    return docx.Document()


def add_runs(paragraph: Paragraph, parts: Sequence[str | tuple[str, str]]) -> None:
    """Add runs; a ``(text, "b")`` or ``(text, "i")`` part is bold or italic."""
    for part in parts:
        text, style = (part, "") if isinstance(part, str) else part
        run = paragraph.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None


def _run_xml(text: str, tag: str = "w:t", rpr: str = "") -> str:
    return f'<w:r>{rpr}<{tag} xml:space="preserve">{text}</{tag}></w:r>'


def add_tracked(paragraph: Paragraph, text: str, kind: str, author: str = "Reviewer") -> None:
    """Append a tracked insertion (``kind="ins"``) or deletion (``kind="del"``)."""
    tag = "w:delText" if kind == "del" else "w:t"
    el = parse_xml(
        f'<w:{kind} {nsdecls("w")} w:id="{900 + len(paragraph._p)}" w:author="{author}" '
        f'w:date="2024-01-01T00:00:00Z">{_run_xml(text, tag)}</w:{kind}>'
    )
    paragraph._p.append(el)


def add_hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    run = _run_xml(text, rpr='<w:rPr><w:u w:val="single"/></w:rPr>')
    el = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}">{run}</w:hyperlink>')
    paragraph._p.append(el)


def add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """A complex field: its code is not prose, its result is."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        _run_xml(result),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))


def add_hidden(paragraph: Paragraph, text: str) -> None:
    paragraph._p.append(
        parse_xml(f"<w:r {nsdecls('w')}><w:rPr><w:vanish/></w:rPr><w:t>{text}</w:t></w:r>")
    )


def _notes_part(document: Document, kind: str) -> etree._Element:
    """The footnotes or endnotes part (created with its separators on first use)."""
    rel_type = RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES
    for rel in document.part.rels.values():
        if rel.reltype == rel_type:
            return rel.target_part._notes_root
    root = parse_xml(
        f"<w:{kind}s {nsdecls('w')}>"
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}></w:{kind}s>"
    )
    content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
    part = _NotesPart(PackURI(f"/word/{kind}s.xml"), content_type, b"", document.part.package)
    part._notes_root = root
    document.part.relate_to(part, rel_type)
    return root


class _NotesPart(Part):
    _notes_root: etree._Element

    @property
    def blob(self) -> bytes:
        return etree.tostring(
            self._notes_root, xml_declaration=True, encoding="UTF-8", standalone=True
        )


def add_note(document: Document, paragraph: Paragraph, text: str, kind: str = "footnote") -> int:
    """Append a footnote (or endnote) reference to ``paragraph``; returns the note id."""
    root = _notes_part(document, kind)
    note_id = len(root.findall(qn(f"w:{kind}"))) - 1
    root.append(
        parse_xml(
            f'<w:{kind} {nsdecls("w")} w:id="{note_id}"><w:p>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
            f"{_run_xml(' ' + text)}</w:p></w:{kind}>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
        )
    )
    return note_id


_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_V = "urn:schemas-microsoft-com:vml"


def add_textbox(paragraph: Paragraph, text: str) -> None:
    """An inline DrawingML text box with the VML fallback copy Word writes beside it."""
    body = f"<w:txbxContent><w:p>{_run_xml(text)}</w:p></w:txbxContent>"
    xml = (
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="{_MC}" xmlns:wps="{_WPS}" xmlns:wp="{_WP}" '
        f'xmlns:a="{_A}" xmlns:v="{_V}"><mc:AlternateContent><mc:Choice Requires="wps">'
        '<w:drawing><wp:inline><wp:extent cx="2000000" cy="500000"/>'
        '<wp:docPr id="77" name="Text Box 1"/><a:graphic>'
        f'<a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>'
        f"<wps:txbx>{body}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape style="width:157pt;height:39pt"><v:textbox>{body}</v:textbox></v:shape>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(etree.fromstring(xml))
