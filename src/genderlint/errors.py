"""Errors that end in exit code 2: bad config, bad rules, unreadable input."""

from __future__ import annotations


class GenderlintError(Exception):
    """Base class; ``str(err)`` is the one-line message shown to the user."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(GenderlintError):
    """Invalid configuration file or option."""


class RuleError(GenderlintError):
    """Invalid rule file or rule definition."""


class ReaderError(GenderlintError):
    """A file that cannot be read as a document."""
