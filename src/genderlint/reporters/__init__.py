"""Output formats. Reporters format a finished report; they never decide anything."""

from __future__ import annotations

from genderlint.reporters.base import FORMATS, FileError, Options, Report, render

__all__ = ["FORMATS", "FileError", "Options", "Report", "render"]
