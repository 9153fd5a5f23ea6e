"""Configuration: `.genderlint.yaml` or `[tool.genderlint]`, validated, merged with flags."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from genderlint.errors import ConfigError
from genderlint.findings import Severity

CONFIG_NAMES = (".genderlint.yaml", ".genderlint.yml", "pyproject.toml")
KEYS = (
    "select",
    "ignore",
    "severity",
    "rules",
    "allow",
    "fail-on",
    "exclude",
    "profile",
    "model",
    "mentions",
)
MENTIONS = ("skip", "info", "report")


@dataclass(frozen=True)
class Config:
    """Everything that changes what genderlint reports. Frozen: safe as a cache key."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    rules: tuple[Path, ...] = ()
    allow: tuple[str, ...] = ()
    fail_on: Severity | None = Severity.WARNING
    exclude: tuple[str, ...] = ()
    profiles: tuple[str, ...] = ("general",)
    model: str = "auto"
    mentions: str = "skip"
    path: str = ""  # the file this came from, for error messages
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with CLI values applied (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """The nearest config file walking up from ``start`` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    return _config_for_folder("" if folder.is_absolute() else os.getcwd(), str(folder))


@lru_cache(maxsize=4096)
def _config_for_folder(cwd: str, folder: str) -> Path | None:
    """Memoised per folder as given (and working folder): resolving walks every path
    component, and a run asks for the same few folders for every file."""
    return _config_in(str((Path(cwd) / folder).resolve()))


@lru_cache(maxsize=4096)
def _config_in(folder: str) -> Path | None:
    """Memoised per folder: a run over a tree asks for the same folders again and again."""
    directory = Path(folder)
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    parent = directory.parent
    return None if parent == directory else _config_in(str(parent))


def load_config(path: Path) -> Config:
    """Read and validate one config file."""
    lines: Mapping[str, int] = {}
    if path.name == "pyproject.toml":
        table = _read_pyproject(path)
    else:
        table, lines = _read_yaml(path)
    return parse_config(table, str(path), lines, base=path.parent)


def parse_config(
    table: Mapping[str, Any],
    path: str = "<config>",
    lines: Mapping[str, int] | None = None,
    base: Path | None = None,
) -> Config:
    lines = lines or {}
    base = base or Path.cwd()

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{key}: {problem}", path, lines.get(key))

    unknown = [k for k in table if k not in KEYS]
    if unknown:
        raise fail(unknown[0], f"unknown key (known keys: {', '.join(KEYS)})")

    def strings(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise fail(key, "must be a string or a list of strings")
        return tuple(value)

    values: dict[str, Any] = {"path": path, "lines": dict(lines)}
    for key in ("select", "ignore", "allow", "exclude"):
        if (got := strings(key)) is not None:
            values[key] = got
    if (got := strings("profile")) is not None:
        values["profiles"] = got
    if (got := strings("rules")) is not None:
        values["rules"] = tuple((base / p) for p in got)
    if "severity" in table:
        sev = table["severity"]
        if not isinstance(sev, dict):
            raise fail("severity", "must map rule IDs to info, warning or error")
        try:
            values["severity"] = tuple((str(k), Severity.parse(str(v))) for k, v in sev.items())
        except ValueError as exc:
            raise fail("severity", str(exc)) from None
    if "fail-on" in table:
        values["fail_on"] = parse_fail_on(str(table["fail-on"]), lambda m: fail("fail-on", m))
    if "model" in table:
        if not isinstance(table["model"], str) or not table["model"]:
            raise fail("model", "must be none, auto, or a spaCy package name or path")
        values["model"] = table["model"]
    if "mentions" in table:
        if table["mentions"] not in MENTIONS:
            raise fail("mentions", f"must be one of {', '.join(MENTIONS)}")
        values["mentions"] = table["mentions"]
    return Config(**values)


def parse_fail_on(value: str, fail: Any = None) -> Severity | None:
    if value.lower() in ("never", "none"):
        return None
    try:
        return Severity.parse(value)
    except ValueError:
        message = f"unknown level {value!r} (use info, warning, error or never)"
        raise (fail(message) if fail else ConfigError(message)) from None


def _read_yaml(path: Path) -> tuple[Mapping[str, Any], Mapping[str, int]]:
    from genderlint.errors import RuleError
    from genderlint.ruleset.yamlnodes import LDict, load_located

    try:
        data = load_located(path.read_text(encoding="utf-8"), str(path))
    except RuleError as exc:  # YAML syntax errors are reported as config errors here
        raise ConfigError(exc.message, exc.path, exc.line) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None
    if data is None:
        return {}, {}
    if not isinstance(data, LDict):
        raise ConfigError("config must be a YAML mapping", str(path), 1)
    return data, data.key_lines


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.genderlint]" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _read_pyproject(path: Path) -> Mapping[str, Any]:
    table = _load_toml(path).get("tool", {}).get("genderlint", {})
    if not isinstance(table, dict):
        raise ConfigError("[tool.genderlint] must be a table", str(path))
    return table
