"""genderlint: a gender-aware language linter for security-sector documents.

Public surface: :func:`lint_text`, :func:`lint_file`, :class:`Finding`, :class:`Config`.
Imports are lazy so that `import genderlint` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Config", "Finding", "Severity", "__version__", "lint_file", "lint_source", "lint_text"]

if TYPE_CHECKING:
    from genderlint.api import lint_file, lint_source, lint_text
    from genderlint.config import Config
    from genderlint.findings import Finding, Severity

_LAZY = {
    "lint_text": "genderlint.api",
    "lint_file": "genderlint.api",
    "lint_source": "genderlint.api",
    "Config": "genderlint.config",
    "Finding": "genderlint.findings",
    "Severity": "genderlint.findings",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
