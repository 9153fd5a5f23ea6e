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
    LEAD_IN.pattern[:-3] + r"|before|original|old term|old wording)\b", re.IGNORECASE
)
MAX_LIST_WORDS = 8  # a list item longer than this is prose, not a glossary entry


def mention_blocks(blocks: list[Block]) -> dict[int, str]:
    """Block index -> why its terms are mentions."""
    out: dict[int, str] = {}
    avoid_columns: set[int] = set()
    lead_in = ""
    for index, block in enumerate(blocks):
        if block.kind == "table-cell":
            column = int(block.meta.get("column", -1))  # type: ignore[call-overload]
            if block.meta.get("header"):
                if block.meta.get("row") == 0 and column == 0:
                    avoid_columns = set()  # a new table
                if HEADER.search(block.text):
                    avoid_columns.add(column)
            elif column in avoid_columns:
                out[index] = "in a table column of terms to avoid (a mention, not a use)"
            continue
        avoid_columns = set()
        if block.kind == "list-item":
            if lead_in and len(block.text.split()) <= MAX_LIST_WORDS:
                out[index] = f"in a list after '{lead_in}' (a mention, not a use)"
            continue
        text = block.text.strip()
        lead_in = text if text.endswith(":") and LEAD_IN.search(text) else ""
    return out


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
    ends = list(_SENTENCE_END.finditer(text))
    return (text[ends[-1].end() :] if ends else text)[-MAX_CARRY:]
