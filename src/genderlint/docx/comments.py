"""The comments part of a Word package: reuse the existing one or create it with its
relationship and content type."""

from __future__ import annotations

import posixpath

from lxml import etree

from genderlint.docx.package import (
    CT_NS,
    PKG_REL_NS,
    R_NS,
    W_NS,
    XML_SPACE,
    WordPackage,
    serialize,
    w,
)

COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = f"{R_NS}/comments"
CONTENT_TYPES = "[Content_Types].xml"


class Comments:
    """Comments to add to a package; :meth:`save_into` records the changed parts."""

    def __init__(self, pkg: WordPackage) -> None:
        self.pkg = pkg
        name = pkg.related("comments")
        self.new = name is None
        if name is None:
            folder = posixpath.dirname(pkg.main)
            name = posixpath.join(folder, "comments.xml")
            n = 1
            while pkg.has(name):
                n += 1
                name = posixpath.join(folder, f"comments{n}.xml")
            self.root = etree.Element(w("comments"), nsmap={"w": W_NS})
        else:
            self.root = pkg.xml(name)
        self.name = name

    def add(
        self, comment_id: int, paragraphs: list[str], author: str, initials: str, date: str
    ) -> None:
        """One comment; each string becomes a paragraph of it."""
        attrs = {w("id"): str(comment_id), w("author"): author, w("date"): date}
        if initials:
            attrs[w("initials")] = initials
        comment = etree.SubElement(self.root, w("comment"), attrs)
        for i, text in enumerate(paragraphs):
            p = etree.SubElement(comment, w("p"))
            ppr = etree.SubElement(p, w("pPr"))
            etree.SubElement(ppr, w("pStyle"), {w("val"): "CommentText"})
            if i == 0:
                ref = etree.SubElement(p, w("r"))
                rpr = etree.SubElement(ref, w("rPr"))
                etree.SubElement(rpr, w("rStyle"), {w("val"): "CommentReference"})
                etree.SubElement(ref, w("annotationRef"))
            run = etree.SubElement(p, w("r"))
            node = etree.SubElement(run, w("t"), {XML_SPACE: "preserve"})
            node.text = text

    def ids(self) -> list[int]:
        """Ids of comments already in the file."""
        return [_int(c.get(w("id"))) for c in self.root.iter(w("comment"))]

    def save_into(self, replace: dict[str, bytes]) -> None:
        """Serialise the comments part, plus the relationship and content type if new."""
        replace[self.name] = serialize(self.root)
        if not self.new:
            return
        folder, base = posixpath.split(self.pkg.main)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if self.pkg.has(rels_name):
            rels_name = self.pkg.member(rels_name)
            rels = self.pkg.xml(rels_name)
        else:
            rels = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
        taken = {el.get("Id") for el in rels}
        n = len(taken) + 1
        while f"rId{n}" in taken:
            n += 1
        target = posixpath.relpath(self.name, folder) if folder else self.name
        etree.SubElement(
            rels,
            f"{{{PKG_REL_NS}}}Relationship",
            {"Id": f"rId{n}", "Type": COMMENTS_REL, "Target": target},
        )
        replace[rels_name] = serialize(rels)
        types = self.pkg.xml(CONTENT_TYPES)
        etree.SubElement(
            types,
            f"{{{CT_NS}}}Override",
            {"PartName": f"/{self.name}", "ContentType": COMMENTS_TYPE},
        )
        replace[self.pkg.member(CONTENT_TYPES)] = serialize(types)


def _int(value: str | None) -> int:
    try:
        return int(value or "0")
    except ValueError:
        return 0
