"""How blocks read in their neighbours' light: glossaries of terms to avoid (a table
column, a list after "Terms to avoid:"), and the sentence a block continues.

Terms in them are mentions, not uses: a lesson on gender-aware language names the words it
teaches people to replace.
"""

from __future__ import annotations

import re

from genderlint.textmap import Block

# a list lead-in ("Terms to avoid:") or table header ("Avoid | Use instead")
LEAD_IN = re.compile(
    r"\b(avoid|instead of|don'?t use|do not use|not recommended|outdated|old[- ]fashioned|"
    r"discouraged|gendered (terms?|words?|language)|exclusionary|non-inclusive|replace|"
    r"problematic|terms? (not )?to use)\b",
    re.IGNORECASE,
)
# table headers may also be a before/after pair
HEADER = re.compile(
    LEAD_IN.pattern[:-3] + r"|before|original|(?:old|older|former|legacy) (?:terms?|wording|"
    r"words?|expressions?))\b",
    re.IGNORECASE,
)
# "| Term | Use instead |": the term column of a table that pairs terms with alternatives
TERM_HEADER = re.compile(r"^\s*(terms?|words?|expressions?|phrases?|wording)\s*$", re.I)
ALTERNATIVE_HEADER = re.compile(
    r"\b(instead|preferred|alternatives?|suggest\w*|replacements?|status|why|reason|"
    r"better|inclusive)\b",
    re.IGNORECASE,
)
# a section or short paragraph that introduces terms as terms
GLOSSARY_TITLE = re.compile(
    r"\b(glossary|terms to avoid|words to avoid|inclusive language|gender-sensitive "
    r"language|gender-inclusive language|terminology)\b",
    re.IGNORECASE,
)
MAX_LIST_WORDS = 8  # a list item longer than this is prose, not a glossary entry
MAX_TITLE_WORDS = 6


def mention_blocks(blocks: list[Block]) -> dict[int, str]:
    """Block index -> why its terms are mentions."""
    out: dict[int, str] = {}
    section = ""  # the heading of a glossary section we are in
    lead_in = ""  # a paragraph that introduces the list after it
    table: list[tuple[int, Block]] = []
    for index, block in enumerate(blocks):
        if block.kind == "table-cell":
            table.append((index, block))
            continue
        if table:
            out.update(_table_mentions(table, section))
            table = []
        text = block.text.strip()
        if block.kind == "heading":
            section = text if _glossary_title(text) else ""
            lead_in = ""
        elif block.kind == "list-item":
            why = lead_in or section
            if why and _words_at_most(text, MAX_LIST_WORDS):
                out[index] = f"in a list under '{why}' (a mention, not a use)"
        else:
            short_title = _words_at_most(text, MAX_TITLE_WORDS) and _glossary_title(text)
            lead_in = text if (text.endswith(":") and LEAD_IN.search(text)) or short_title else ""
    if table:
        out.update(_table_mentions(table, section))
    return out


def _words_at_most(text: str, most: int) -> bool:
    """``len(text.split()) <= most`` without splitting a long paragraph word by word."""
    return len(text.split(None, most)) <= most


def _glossary_title(text: str) -> bool:
    return bool(GLOSSARY_TITLE.search(text) or LEAD_IN.search(text))


def _table_mentions(cells: list[tuple[int, Block]], section: str) -> dict[int, str]:
    """The cells of a table's term columns (several tables in a row are split at row 0)."""
    out: dict[int, str] = {}
    headers: dict[int, str] = {}
    columns: set[int] | None = None
    for index, block in cells:
        column = int(block.meta.get("column", -1))  # type: ignore[call-overload]
        if block.meta.get("header"):
            if block.meta.get("row") == 0 and column == 0:
                headers, columns = {}, None  # a new table
            headers[column] = block.text
            continue
        if columns is None:
            columns = _term_columns(headers, section)
        if column in columns:
            out[index] = "in a table column of terms to avoid (a mention, not a use)"
    return out


def _term_columns(headers: dict[int, str], section: str) -> set[int]:
    columns = {c for c, text in headers.items() if HEADER.search(text)}
    pairs_terms = any(ALTERNATIVE_HEADER.search(text) for text in headers.values())
    columns |= {c for c, text in headers.items() if TERM_HEADER.match(text) and pairs_terms}
    if not columns and section:
        columns = {0}  # a table in a glossary section lists its terms first
    return columns


_PROSE = ("paragraph", "list-item", "blockquote")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=\S)")
MAX_CARRY = 300  # characters of the previous block a pronoun may look back into


def carry_over(blocks: list[Block], index: int) -> str:
    """Text a block continues, with a separating space ('' if none): the last sentence of
    the previous prose block, and for a list item also the lead-in before the list, so
    that "Each officer must:" gives every item after it its antecedent."""
    if index == 0 or blocks[index].kind not in _PROSE or blocks[index - 1].kind not in _PROSE:
        return ""
    parts = [_last_sentence(blocks[index - 1].text)]
    if blocks[index].kind == "list-item":
        first = index
        while first > 0 and blocks[first - 1].kind == "list-item":
            first -= 1
        if first < index and first > 0 and blocks[first - 1].kind in _PROSE:
            lead_in = blocks[first - 1].text.rstrip()
            if lead_in.endswith(":"):
                parts.insert(0, _last_sentence(lead_in))
    carried = " ".join(p for p in parts if p)
    return carried + " " if carried else ""


def _last_sentence(text: str) -> str:
    text = text.rstrip()
    # only the last sentence end matters, and only within the last MAX_CARRY characters:
    # look there first (no match starts inside another's quotes and spaces, so the window
    # finds the same ends); with none there, an end before it may still reach in
    window = max(len(text) - MAX_CARRY - 1, 0)
    ends = list(_SENTENCE_END.finditer(text, window)) or list(_SENTENCE_END.finditer(text))
    return (text[ends[-1].end() :] if ends else text)[-MAX_CARRY:]
