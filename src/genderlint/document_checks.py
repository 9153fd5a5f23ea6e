"""Checks that read a whole document rather than one match (rules with such a `context`).

A document check gets the extracted document and its rule and returns hits; the API turns
them into findings like any other. They run on every document (no first pass), so keep
them to cheap scans.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from genderlint.ruleset.model import Rule
from genderlint.textmap import SourceText


@dataclass(frozen=True)
class DocumentHit:
    block: int  # index into source.blocks
    start: int  # offsets into that block's text
    end: int
    message: str = ""  # replaces the rule's message when set
    suggestions: tuple[str, ...] = ()  # replaces the rule's suggestions when set
    note: str = ""


DocumentCheck = Callable[[SourceText, Rule], list[DocumentHit]]
DOCUMENT_CHECKS: dict[str, DocumentCheck] = {}


def document_check(name: str) -> Callable[[DocumentCheck], DocumentCheck]:
    """Register a document check under the name rules use in `context:`."""

    def register(fn: DocumentCheck) -> DocumentCheck:
        DOCUMENT_CHECKS[name] = fn
        return fn

    return register


def load_checks() -> dict[str, DocumentCheck]:
    """Import the modules that register document checks, then return the registry."""
    from genderlint import recruitment  # noqa: F401

    return DOCUMENT_CHECKS
