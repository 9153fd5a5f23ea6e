"""Which Word paragraphs are headings or list items, from direct formatting and styles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from genderlint.docx.package import WordPackage, w

_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.IGNORECASE)


@dataclass(frozen=True)
class _Style:
    name: str
    outline: int | None
    based_on: str | None
    numbered: bool


class Styles:
    """Paragraph styles of a package, resolved through ``w:basedOn`` chains."""

    def __init__(self, pkg: WordPackage) -> None:
        self._styles: dict[str, _Style] = {}
        self._default: str | None = None
        name = pkg.related("styles")
        if name is not None:
            self._load(pkg.xml(name))

    def _load(self, root: etree._Element) -> None:
        for el in root.iter(w("style")):
            if el.get(w("type"), "paragraph") != "paragraph":
                continue
            style_id = el.get(w("styleId"), "")
            if el.get(w("default")) in ("1", "true", "on"):
                self._default = style_id
            name_el = el.find(w("name"))
            based = el.find(w("basedOn"))
            ppr = el.find(w("pPr"))
            self._styles[style_id] = _Style(
                name=name_el.get(w("val"), "") if name_el is not None else "",
                outline=_outline(ppr),
                based_on=based.get(w("val")) if based is not None else None,
                numbered=ppr is not None and ppr.find(w("numPr")) is not None,
            )

    def _chain(self, p: etree._Element) -> list[_Style]:
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else self._default
        chain: list[_Style] = []
        while style_id in self._styles and len(chain) < 12:
            style = self._styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def heading_level(self, p: etree._Element) -> int | None:
        """0 for a title, 1-9 for headings, None for other paragraphs."""
        direct = _outline(p.find(w("pPr")))
        if direct is not None:
            return direct + 1
        for style in self._chain(p):
            if style.name.lower() == "title":
                return 0
            match = _HEADING_NAME.match(style.name.strip())
            if match:
                return int(match.group(1))
            if style.outline is not None:
                return style.outline + 1
        return None

    def is_list(self, p: etree._Element) -> bool:
        ppr = p.find(w("pPr"))
        if ppr is not None and ppr.find(w("numPr")) is not None:
            return True
        return any(s.numbered or s.name.lower().startswith("list") for s in self._chain(p))


def _outline(ppr: etree._Element | None) -> int | None:
    """Outline level 0-8 from ``w:outlineLvl`` (9 means body text)."""
    if ppr is None:
        return None
    el = ppr.find(w("outlineLvl"))
    if el is None:
        return None
    try:
        level = int(el.get(w("val"), "9"))
    except ValueError:
        return None
    return level if 0 <= level <= 8 else None
