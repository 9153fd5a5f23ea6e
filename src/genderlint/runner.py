"""A `check` run: resolve config per file, read, lint, collect errors, report, exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from genderlint import __version__
from genderlint.api import lint_source
from genderlint.config import Config, find_config, load_config, parse_fail_on
from genderlint.discovery import is_excluded, iter_files
from genderlint.engine import engine_for
from genderlint.errors import ConfigError, GenderlintError, RuleError
from genderlint.findings import Finding
from genderlint.ruleset.model import Rule

EXIT_SUCCESS, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    profiles: tuple[str, ...] | None = None
    fail_on: str | None = None
    config_path: Path | None = None
    model: str | None = None
    stdin_filename: str | None = None


class ConfigResolver:
    """The effective config for each file: nearest config file, then command-line flags."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self._by_file: dict[Path | None, Config] = {}
        self._fixed = load_config(options.config_path) if options.config_path else None
        if options.config_path and not options.config_path.is_file():
            raise ConfigError("config file not found", str(options.config_path))

    def for_path(self, path: Path) -> Config:
        if self._fixed is not None:
            return self._apply(self._fixed)
        found = find_config(path)
        if found not in self._by_file:
            self._by_file[found] = self._apply(load_config(found) if found else Config())
        return self._by_file[found]

    def _apply(self, config: Config) -> Config:
        o = self.options
        config = config.with_overrides(
            select=o.select,
            ignore=(config.ignore + o.ignore) if o.ignore else None,  # --ignore adds
            profiles=o.profiles,
            model=o.model,
        )
        if o.fail_on is not None:
            config = replace(config, fail_on=parse_fail_on(o.fail_on))
        return config


def run_check(
    options: CheckOptions,
    fmt: str,
    out: TextIO,
    *,
    color: bool = False,
    show_source: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    explain_context: bool = False,
) -> int:
    """Check every file, print the report, return the exit code."""
    from genderlint.readers import EXTENSIONS, read_path, read_text
    from genderlint.reporters.base import FileError, Report, render

    findings: list[Finding] = []
    errors: list[FileError] = []
    sources: dict[str, str] = {}
    rules: dict[str, Rule] = {}
    failing = False
    checked = 0
    try:
        resolver = ConfigResolver(options)
    except GenderlintError as exc:
        return _fatal(exc)
    for target in _targets(options.paths, EXTENSIONS):
        try:
            if target == STDIN:
                name = options.stdin_filename or STDIN
                config = resolver.for_path(Path(options.stdin_filename or "."))
                source = read_text(sys.stdin.read(), name, _kind_of(name))
            else:
                path = Path(target)
                config = resolver.for_path(path)
                if config.exclude and is_excluded(path, config.exclude, Path.cwd()):
                    continue
                source = read_path(target)
            found = lint_source(source, config)
            rules.update(engine_for(config).rules)
        except (ConfigError, RuleError) as exc:  # the same problem would fail every file
            return _fatal(exc)
        except GenderlintError as exc:
            errors.append(FileError(exc.path or target, str(exc)))
            continue
        except Exception as exc:  # never a traceback: report and go on with other files
            errors.append(
                FileError(target, f"{target}: internal error: {type(exc).__name__}: {exc}")
            )
            continue
        checked += 1
        if found:
            sources[source.path] = source.source
            findings.extend(found)
            threshold = config.fail_on
            failing |= threshold is not None and any(
                f.severity.rank >= threshold.rank for f in found
            )
    findings.sort(key=lambda f: f.sort_key)
    if not explain_context:
        findings = [_without_context(f) for f in findings]
    from genderlint.engine import all_rules

    rules = {r.id: r for r in all_rules(resolver.for_path(Path(".")).rules)}
    report = Report(
        findings,
        errors,
        checked,
        {f.rule_id: rules[f.rule_id] for f in findings if f.rule_id in rules},
        sources,
        __version__,
    )
    render(
        report,
        fmt,
        out,
        color=color,
        show_source=show_source and fmt == "text",
        statistics=statistics,
        quiet=quiet,
    )
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_SUCCESS


def _targets(paths: tuple[str, ...], extensions: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if p == STDIN:
            out.append(STDIN)
        else:
            out.extend(str(f) for f in iter_files([Path(p)], extensions))
    return out


def _kind_of(name: str) -> str:
    from genderlint.readers import reader_for

    return reader_for(name) or "plain"


def _without_context(finding: Finding) -> Finding:
    return replace(finding, context="") if finding.context else finding


def _fatal(exc: GenderlintError) -> int:
    print(f"genderlint: error: {exc}", file=sys.stderr)
    return EXIT_ERROR
