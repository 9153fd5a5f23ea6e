"""Import spaCy without its command-line interface.

``import spacy`` imports ``spacy.cli`` (typer, requests, jinja2, rich, weasel and about 360
modules in all) for the one name it re-exports, ``spacy.info``. genderlint never calls
spaCy's CLI, and that import is about a third of ``import spacy``, paid on every run that
reaches the spaCy stage. While spaCy is imported, placeholders stand in for ``spacy.cli``
and ``spacy.cli.info``; they are removed afterwards, so a later ``import spacy.cli`` loads
the real package, and ``spacy.info`` loads it when called. If a spaCy release imports
anything else from its CLI, the import is simply repeated the ordinary way.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` when it is not loaded yet."""
    return import_without_cli("spacy")


def import_without_cli(package: str) -> types.ModuleType:
    """Import ``package`` with placeholders for ``package.cli`` and ``package.cli.info``."""
    if package in sys.modules:
        return sys.modules[package]
    cli_name, info_name = f"{package}.cli", f"{package}.cli.info"
    if cli_name in sys.modules:  # the real CLI is loaded already: nothing to save
        return __import__(package)
    cli = types.ModuleType(cli_name)
    cli.__path__ = []  # a package, so that ``from .cli.info import info`` resolves
    info = types.ModuleType(info_name)
    info.info = _deferred(info_name, "info")  # type: ignore[attr-defined]
    sys.modules[cli_name], sys.modules[info_name] = cli, info
    try:
        module = __import__(package)
    except ImportError:
        _remove_placeholders(package, cli, info)
        sys.modules.pop(package, None)
        return __import__(package)
    _remove_placeholders(package, cli, info)
    return module


def _remove_placeholders(package: str, cli: types.ModuleType, info: types.ModuleType) -> None:
    for name, placeholder in ((f"{package}.cli", cli), (f"{package}.cli.info", info)):
        if sys.modules.get(name) is placeholder:
            del sys.modules[name]
    parent = sys.modules.get(package)
    if parent is not None and getattr(parent, "cli", None) is cli:
        delattr(parent, "cli")


def _deferred(module: str, name: str) -> Any:
    """A function that imports the real ``module.name`` when first called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        import importlib

        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported when first called."
    return call
