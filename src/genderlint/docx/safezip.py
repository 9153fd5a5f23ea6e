"""Open a .docx archive defensively: checks run on the zip directory before any member is
decompressed, so hostile files fail fast and in bounded memory.

A .docx is a zip of XML parts. Before reading, the file's magic bytes tell apart a zip, an OLE
compound file (a binary .doc, or a password-protected .docx, which Word stores encrypted inside
OLE) and anything else; the zip directory's declared sizes and compression ratios are checked
against caps; XML parts are parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import os
import re
import zipfile
from types import TracebackType
from typing import IO

from lxml import etree

from genderlint.errors import ReaderError

MAX_FILE_BYTES = 200 * 1024 * 1024  # the .docx itself
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # sum of declared uncompressed sizes
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one uncompressed member
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # deflate tops out near 1032:1; real XML parts stay well under 100:1
RATIO_FLOOR = 1024 * 1024  # small members may compress better than MAX_RATIO harmlessly

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_SCAN_BYTES = 64 * 1024 * 1024
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_WORD_DOCUMENT = "WordDocument".encode("utf-16-le")

_PROLOG = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
)


def check_signature(path: str) -> None:
    """Raise :class:`ReaderError` unless ``path`` starts like a zip archive."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ReaderError(f"cannot open: {exc.strerror or exc}", path=path) from None
    if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
        return
    if head == OLE_MAGIC:
        raise ReaderError(_ole_message(path), path=path)
    if head.startswith(b"{\\rtf"):
        raise ReaderError("is an RTF file, not a Word .docx; save it as .docx", path=path)
    raise ReaderError("is not a Word .docx file (not a zip archive)", path=path)


def _ole_message(path: str) -> str:
    """Tell a password-protected .docx from a Word 97-2003 .doc by their OLE stream names."""
    if _contains(path, _ENCRYPTION_INFO):
        return "is password-protected (encrypted); remove the password in Word and try again"
    if _contains(path, _WORD_DOCUMENT):
        return "is a Word 97-2003 binary document (.doc), not .docx; save it as .docx"
    return "is an OLE compound file, not a Word .docx file"


def _contains(path: str, needle: bytes, chunk: int = 1024 * 1024) -> bool:
    """Search the first bytes of a file for ``needle`` without loading it whole."""
    tail = b""
    seen = 0
    with open(path, "rb") as handle:
        while seen < _OLE_SCAN_BYTES:
            data = handle.read(chunk)
            if not data:
                return False
            if needle in tail + data:
                return True
            tail = data[-len(needle) :]
            seen += len(data)
    return False


class SafeZip:
    """A validated zip archive; members are read with size caps, XML parsed safely."""

    def __init__(self, path: str) -> None:
        self.path = path
        check_signature(path)
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise self._error(f"is larger than {_mb(MAX_FILE_BYTES)}")
        try:
            self._zip = zipfile.ZipFile(path)
        except Exception as exc:  # a damaged directory can fail in many ways
            raise ReaderError(f"is a corrupt zip archive ({_one_line(exc)})", path=path) from None
        try:
            self._check_directory()
        except ReaderError:
            self._zip.close()
            raise
        self.infos = {info.filename: info for info in self._zip.infolist()}

    def _check_directory(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self._error(f"has {len(infos)} zip members (limit {MAX_MEMBERS})")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise self._error(f"has an encrypted zip member {info.filename!r}")
            if info.file_size > MAX_MEMBER_BYTES:
                raise self._error(
                    f"zip member {info.filename!r} declares {_mb(info.file_size)} uncompressed "
                    f"(limit {_mb(MAX_MEMBER_BYTES)}); possible zip bomb"
                )
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                raise self._error(
                    f"zip member {info.filename!r} expands {ratio:.0f}:1 "
                    f"(limit {MAX_RATIO}:1); possible zip bomb"
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise self._error(f"expands to more than {_mb(MAX_TOTAL_BYTES)}; possible zip bomb")

    def _error(self, message: str) -> ReaderError:
        return ReaderError(message, path=self.path)

    def has(self, name: str) -> bool:
        return name in self.infos

    def open(self, name: str) -> IO[bytes]:
        """A stream over one member (for copying it unchanged)."""
        return self._zip.open(self.infos[name])

    def read(self, name: str) -> bytes:
        """The member's bytes; never more than its declared (already checked) size."""
        info = self.infos.get(name)
        if info is None:
            raise self._error(f"has no part {name!r}")
        try:
            with self._zip.open(info) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except Exception as exc:  # bad CRC, bad deflate data (zlib.error), unknown method
            raise self._error(f"part {name!r} is corrupt ({_one_line(exc)})") from None
        if len(data) > MAX_MEMBER_BYTES:
            raise self._error(f"part {name!r} is larger than {_mb(MAX_MEMBER_BYTES)}")
        return data

    def xml(self, name: str) -> etree._Element:
        """Parse an XML member; any DOCTYPE (the carrier of entity attacks) is refused."""
        return parse_xml(self.read(name), self.path, name)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def parse_xml(data: bytes, path: str, name: str) -> etree._Element:
    """Parse one XML part with entities, DTDs and network access all off."""
    doctype = ReaderError(
        f"part {name!r} declares a DOCTYPE; entities are not allowed in .docx", path=path
    )
    if _starts_with_doctype(data):
        raise doctype  # before parsing: libxml2 would still count entity expansions
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReaderError(
            f"part {name!r} is not well-formed XML ({_one_line(exc)})", path=path
        ) from None
    except ValueError as exc:
        raise ReaderError(f"part {name!r} cannot be parsed ({_one_line(exc)})", path=path) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise doctype
    return root


def _starts_with_doctype(data: bytes) -> bool:
    """Whether a DOCTYPE comes before the root element (after the declaration, comments and
    processing instructions)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    data = data.removeprefix(b"\xef\xbb\xbf")
    pos = 0
    while True:
        match = _PROLOG.match(data, pos)
        if match is None or match.end() == pos:
            return data.startswith(b"<!DOCTYPE", pos)
        pos = match.end()


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
