"""The parts of a Word package: the main document, its headers, footers and notes, and how to
write a copy with some parts replaced."""

from __future__ import annotations

import posixpath
import shutil
import zipfile
from dataclasses import dataclass
from types import TracebackType
from typing import IO
from urllib.parse import unquote

from lxml import etree

from genderlint.docx.safezip import SafeZip
from genderlint.errors import ReaderError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_HF_ORDER = {"default": 0, "first": 1, "even": 2}
_HF_LABEL = {"default": "", "first": "first-page ", "even": "even-page "}


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


@dataclass(frozen=True)
class Rel:
    id: str
    type: str  # last path segment of the relationship type: header, footnotes ...
    target: str  # zip member name, or the URL of an external target
    external: bool


@dataclass(frozen=True)
class Story:
    """A part that holds paragraphs: the body, one header or footer, the notes."""

    kind: str  # body | header | footer | footnotes | endnotes
    name: str  # zip member
    root: etree._Element
    section: int = 0  # headers and footers: first section that uses the part
    type: str = ""  # headers and footers: default | first | even
    label: str = ""  # headers and footers, as a user would name them


class WordPackage:
    """A validated .docx; XML parts are parsed once and kept, so callers may edit them."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.zip = SafeZip(path)
        try:
            self._lower = {name.lower(): name for name in self.zip.infos}
            self._xml: dict[str, etree._Element] = {}
            self.main = self._main_part()
            self.body = self.xml(self.main)
            self._check_root()
            self.rels = self.relationships(self.main)
        except BaseException:
            self.zip.close()
            raise

    def _main_part(self) -> str:
        if not self.has("[Content_Types].xml"):
            raise ReaderError("is a zip archive but not a Word document", path=self.path)
        if self.has("_rels/.rels"):
            for rel in self.relationships(""):
                if rel.type == "officeDocument" and not rel.external and self.has(rel.target):
                    return self.member(rel.target)
        if self.has("word/document.xml"):
            return self.member("word/document.xml")
        raise ReaderError("is not a Word document (no main document part)", path=self.path)

    def _check_root(self) -> None:
        tag = etree.QName(self.body)
        if tag.namespace == STRICT_W_NS:
            raise ReaderError(
                "uses Strict Open XML, which is not supported; save it as a Word Document "
                "(.docx) in Word",
                path=self.path,
            )
        if tag.namespace != W_NS or tag.localname != "document":
            raise ReaderError(
                f"is not a Word document (its main part is <{tag.localname}>)", path=self.path
            )

    def has(self, name: str) -> bool:
        return name.lower() in self._lower

    def member(self, name: str) -> str:
        """The zip member's own spelling (part names are case-insensitive)."""
        return self._lower[name.lower()]

    def xml(self, name: str) -> etree._Element:
        """The parsed part, cached: edits to it are what :meth:`write_copy` saves."""
        name = self.member(name)
        if name not in self._xml:
            self._xml[name] = self.zip.xml(name)
        return self._xml[name]

    def relationships(self, part: str) -> list[Rel]:
        """Relationships of ``part`` ("" for the package), targets resolved to member names."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(rels_name):
            return []
        rels = []
        for el in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = el.get("Target", "")
            external = el.get("TargetMode") == "External"
            if not external:
                target = _resolve(folder, target)
            kind = el.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
            rels.append(Rel(el.get("Id", ""), kind, target, external))
        return rels

    def related(self, kind: str) -> str | None:
        """Member name of the main part's first internal relationship of ``kind``."""
        for rel in self.rels:
            if rel.type == kind and not rel.external and self.has(rel.target):
                return self.member(rel.target)
        return None

    def stories(self) -> list[Story]:
        """Body, then headers and footers in section order, then footnotes and endnotes."""
        stories = [Story("body", self.main, self.body)]
        by_id = {rel.id: rel for rel in self.rels if not rel.external and self.has(rel.target)}
        sections = [s for s in self.body.iter(w("sectPr")) if not _is_change(s)]
        with_refs = [s for s in sections if _has_refs(s)]
        seen: set[str] = set()
        for number, sect in enumerate(sections, 1):
            for kind in ("header", "footer"):
                refs = sorted(
                    sect.findall(w(f"{kind}Reference")),
                    key=lambda r: _HF_ORDER.get(r.get(w("type"), "default"), 3),
                )
                for ref in refs:
                    rel = by_id.get(ref.get(f"{{{R_NS}}}id", ""))
                    if rel is None or rel.type != kind:
                        continue
                    name = self.member(rel.target)
                    if name in seen:
                        continue
                    seen.add(name)
                    hf_type = ref.get(w("type"), "default")
                    label = f"{_HF_LABEL.get(hf_type, '')}{kind}"
                    if len(with_refs) > 1:
                        label += f", section {number}"
                    stories.append(Story(kind, name, self.xml(name), number, hf_type, label))
        for kind in ("footnotes", "endnotes"):
            notes = self.related(kind)
            if notes is not None:
                stories.append(Story(kind, notes, self.xml(notes)))
        return stories

    def write_copy(self, handle: IO[bytes], replace: dict[str, bytes]) -> None:
        """Write the package to ``handle``: members in ``replace`` get new bytes (new names are
        added at the end), every other member is copied unchanged."""
        pending = dict(replace)
        with zipfile.ZipFile(handle, "w") as out:
            for name, info in self.zip.infos.items():
                copy = zipfile.ZipInfo(name, info.date_time)
                copy.external_attr = info.external_attr
                copy.compress_type = (
                    info.compress_type
                    if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
                    else zipfile.ZIP_DEFLATED
                )
                if name in pending:
                    out.writestr(copy, pending.pop(name))
                    continue
                with self.zip.open(name) as src, out.open(copy, "w") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
            for name, data in pending.items():
                info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(info, data)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> WordPackage:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def serialize(root: etree._Element) -> bytes:
    """An XML part as Word writes it: UTF-8 with a standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _is_change(sect: etree._Element) -> bool:
    parent = sect.getparent()
    return parent is not None and parent.tag == w("sectPrChange")


def _has_refs(sect: etree._Element) -> bool:
    return (
        sect.find(w("headerReference")) is not None or sect.find(w("footerReference")) is not None
    )


def _resolve(folder: str, target: str) -> str:
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
