"""Bad and hostile .docx input: each fails with one line naming the file, fast and in bounded
memory, and never follows an external entity."""

from __future__ import annotations

import io
import json
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from docx_helpers import new_document
from genderlint.docx.annotate import annotate_docx
from genderlint.errors import ReaderError
from genderlint.readers.docx import read_docx
from genderlint.runner import EXIT_ERROR, CheckOptions, run_check

CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    "</Types>"
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BODY = f"<w:document {W}><w:body><w:p><w:r><w:t>Manpower</w:t></w:r></w:p></w:body></w:document>"


def _zip(path: Path, members: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def _docx(path: Path, document: str = BODY, **extra: str) -> None:
    _zip(path, {"[Content_Types].xml": CT, "word/document.xml": document, **extra})


def _cfb(path: Path, streams: list[str]) -> None:
    """A minimal OLE compound file (version 3) holding empty streams with these names."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack(
        "<HHHHH6sIIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0, 1, 1, 0, 4096, end, 0, end, 0, 0
    )
    header += struct.pack("<109I", *([free] * 109))[4:]
    fat = struct.pack("<128I", fat_sector, end, *([free] * 126))

    def entry(name: str, kind: int, right: int, child: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, free, right, child)
            + bytes(36)
            + struct.pack("<IQ", end, 0)
        )

    entries = [entry("Root Entry", 5, free, 1)]
    for i, name in enumerate(streams, 1):
        entries.append(entry(name, 2, i + 1 if i < len(streams) else free, free))
    directory = b"".join(entries).ljust(512, b"\0")
    path.write_bytes(header + fat + directory)


def _patch_central(path: Path, offset: int, value: int, size: str = "<I") -> None:
    """Overwrite one field in every central-directory entry (a crafted archive)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into(size, data, at + offset, value)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def _not_zip(p: Path) -> None:
    p.write_text("This is a plain text file someone renamed.")


def _empty(p: Path) -> None:
    p.write_bytes(b"")


def _truncated(p: Path) -> None:
    _docx(p)
    p.write_bytes(p.read_bytes()[:60])


def _bad_deflate(p: Path) -> None:
    _docx(p, BODY * 20)
    data = bytearray(p.read_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start + 5 : start + 40] = b"\xff" * 35
    p.write_bytes(bytes(data))


def _ratio_bomb(p: Path) -> None:
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        with z.open("word/document.xml", "w") as member:
            for _ in range(30):
                member.write(bytes(1024 * 1024))


def _declared_huge(p: Path) -> None:
    _docx(p)
    _patch_central(p, 24, 0xFFFFFFF0)  # uncompressed size


def _declared_total(p: Path) -> None:
    _docx(p, **{f"word/media/image{i}.png": "x" for i in range(4)})
    _patch_central(p, 20, 60 * 1024 * 1024)  # compressed size: no suspicious ratio
    _patch_central(p, 24, 60 * 1024 * 1024)  # uncompressed size: 6 x 60 MB in all


def _encrypted_member(p: Path) -> None:
    _docx(p)
    _patch_central(p, 8, 0x1, "<H")


XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_DTD = (
    '<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://example.invalid/w.dtd">' + BODY
)


def _header_xxe(p: Path) -> None:
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/header" Target="header1.xml"/></Relationships>'
    )
    body = BODY.replace(
        "</w:body>",
        '<w:sectPr><w:headerReference xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships" w:type="default" r:id="rId1"/></w:sectPr></w:body>',
    )
    header = XXE.replace("w:document", "w:hdr").replace("<w:body>", "").replace("</w:body>", "")
    _docx(p, body, **{"word/_rels/document.xml.rels": rels, "word/header1.xml": header})


def _workbook(p: Path) -> None:
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    _zip(
        p,
        {
            "[Content_Types].xml": CT,
            "_rels/.rels": rels,
            "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main"/>',
        },
    )


def _strict(p: Path) -> None:
    _docx(
        p,
        BODY.replace(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main",
        ),
    )


def _many_members(p: Path) -> None:
    _docx(p, **{f"customXml/item{i}.xml": "" for i in range(10_001)})


CASES: list[tuple[str, str, Callable[[Path], None], str]] = [
    ("not a zip", "doc.docx", _not_zip, "is not a Word .docx file (not a zip archive)"),
    ("empty file", "doc.docx", _empty, "is not a Word .docx file (not a zip archive)"),
    (
        "rtf renamed",
        "doc.docx",
        lambda p: p.write_bytes(b"{\\rtf1\\ansi Hello}"),
        "is an RTF file, not a Word .docx; save it as .docx",
    ),
    ("truncated zip", "doc.docx", _truncated, "is a corrupt zip archive (File is not a zip file)"),
    (
        "bad deflate data",
        "doc.docx",
        _bad_deflate,
        "part 'word/document.xml' is corrupt (Error -3 while decompressing data: invalid ",
    ),
    (
        "password-protected",
        "doc.docx",
        lambda p: _cfb(p, ["EncryptionInfo", "EncryptedPackage"]),
        "is password-protected (encrypted); remove the password in Word and try again",
    ),
    (
        "Word 97 .doc",
        "old.doc",
        lambda p: _cfb(p, ["WordDocument", "1Table"]),
        "is a Word 97-2003 binary document (.doc), not .docx; save it as .docx",
    ),
    (
        "Word 97 renamed .docx",
        "old.docx",
        lambda p: _cfb(p, ["1Table", "WordDocument"]),
        "is a Word 97-2003 binary document (.doc), not .docx; save it as .docx",
    ),
    ("zip bomb by ratio", "bomb.docx", _ratio_bomb, "zip member 'word/document.xml' expands 1"),
    (
        "zip bomb by declared size",
        "bomb.docx",
        _declared_huge,
        "zip member '[Content_Types].xml' declares 4096 MB uncompressed (limit 64 MB); "
        "possible zip bomb",
    ),
    (
        "zip bomb by total size",
        "bomb.docx",
        _declared_total,
        "expands to more than 200 MB; possible zip bomb",
    ),
    ("too many members", "many.docx", _many_members, "has 10003 zip members (limit 10000)"),
    (
        "encrypted zip member",
        "doc.docx",
        _encrypted_member,
        "has an encrypted zip member '[Content_Types].xml'",
    ),
    (
        "external entity",
        "xxe.docx",
        lambda p: _docx(p, XXE),
        "part 'word/document.xml' declares a DOCTYPE; entities are not allowed in .docx",
    ),
    (
        "entity expansion",
        "lol.docx",
        lambda p: _docx(p, LAUGHS),
        "part 'word/document.xml' declares a DOCTYPE; entities are not allowed in .docx",
    ),
    (
        "external DTD",
        "dtd.docx",
        lambda p: _docx(p, EXTERNAL_DTD),
        "part 'word/document.xml' declares a DOCTYPE; entities are not allowed in .docx",
    ),
    (
        "entity in a header",
        "hdr.docx",
        _header_xxe,
        "part 'word/header1.xml' declares a DOCTYPE; entities are not allowed in .docx",
    ),
    (
        "malformed XML",
        "doc.docx",
        lambda p: _docx(p, BODY[:-5]),
        "part 'word/document.xml' is not well-formed XML (",
    ),
    (
        "zip but not Word",
        "doc.docx",
        lambda p: _zip(p, {"readme.txt": "hello"}),
        "is a zip archive but not a Word document",
    ),
    (
        "no main part",
        "doc.docx",
        lambda p: _zip(p, {"[Content_Types].xml": CT}),
        "is not a Word document (no main document part)",
    ),
    (
        "workbook renamed",
        "book.docx",
        _workbook,
        "is not a Word document (its main part is <workbook>)",
    ),
    (
        "strict Open XML",
        "strict.docx",
        _strict,
        "uses Strict Open XML, which is not supported; save it as a Word Document (.docx) in Word",
    ),
]


@pytest.mark.parametrize(
    ("name", "build", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_input_fails_fast_with_one_line(
    tmp_path: Path, name: str, build: Callable[[Path], None], message: str
) -> None:
    path = tmp_path / name
    build(path)
    tracemalloc.start()
    began = time.perf_counter()
    try:
        with pytest.raises(ReaderError) as caught:
            read_docx(str(path))
        elapsed = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    text = str(caught.value)
    assert text.startswith(f"{path}: {message}")
    assert "\n" not in text
    assert "root:" not in text  # nothing from /etc/passwd
    assert elapsed < 2.0
    assert peak < 16 * 1024 * 1024


def test_annotate_refuses_hostile_input_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    _docx(path, XXE)
    out = tmp_path / "out.docx"
    with pytest.raises(ReaderError, match="declares a DOCTYPE"):
        annotate_docx(str(path), str(out))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xxe.docx"]


def test_other_files_still_checked(tmp_path: Path) -> None:
    _ratio_bomb(tmp_path / "bomb.docx")
    _cfb(tmp_path / "locked.docx", ["EncryptionInfo", "EncryptedPackage"])
    good = new_document()
    good.add_paragraph("Manpower is short.")
    good.save(str(tmp_path / "good.docx"))
    out = io.StringIO()
    options = CheckOptions(paths=(str(tmp_path),), model="none")
    assert run_check(options, "json", out) == EXIT_ERROR
    report = json.loads(out.getvalue())
    assert [(Path(f["path"]).name, f["rule_id"]) for f in report["findings"]] == [
        ("good.docx", "GL200")
    ]
    assert sorted(Path(e["path"]).name for e in report["errors"]) == ["bomb.docx", "locked.docx"]
