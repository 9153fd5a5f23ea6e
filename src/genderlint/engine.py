"""One engine per effective configuration: active rules, first pass, lazy spaCy pipeline."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from genderlint.config import Config
from genderlint.errors import ConfigError
from genderlint.findings import Severity
from genderlint.ruleset.compiler import (
    RuleForms,
    compile_prefilter,
    digest,
    prefilter_pattern,
    rule_forms,
)
from genderlint.ruleset.loader import PROFILES, bundled_rules_dir, load_rules
from genderlint.ruleset.model import Rule
from genderlint.selection import is_selected, unknown_selectors

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=8)
def all_rules(extra: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    """Built-in rules plus a team's rule files, loaded and validated once per process."""
    return tuple(load_rules((bundled_rules_dir(), *extra)))


class Engine:
    """Matches one configuration's active rules; build with :func:`engine_for`."""

    def __init__(self, config: Config) -> None:
        self.config = config
        rules = all_rules(config.rules)
        _validate(config, rules)
        self.all_rules = {r.id: r for r in rules}
        self.rules = {r.id: r for r in rules if self._active(r)}
        self.severity = dict(config.severity)
        self.forms: dict[str, RuleForms] = {rid: rule_forms(r) for rid, r in self.rules.items()}
        self.key = digest([repr(config), *sorted(self.rules)])
        self._prefilter: re.Pattern[str] | None = None
        self._nlp: Language | None = None
        self._model: object = _UNLOADED

    def _active(self, rule: Rule) -> bool:
        if rule.profiles and not set(rule.profiles) & set(self.config.profiles):
            return False
        return is_selected(rule, self.config.select, self.config.ignore)

    @property
    def prefilter(self) -> re.Pattern[str]:
        if self._prefilter is None:
            from genderlint.nlp.pipeline import tokenizer_info

            tokenize, special = tokenizer_info()
            pattern = prefilter_pattern(self.forms.values(), tokenize, special)
            self._prefilter = compile_prefilter(pattern or r"(?!x)x")
        return self._prefilter

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from genderlint.nlp.component import MatchSpec
            from genderlint.nlp.pipeline import build_pipeline

            spec = MatchSpec(
                self.rules,
                self.forms,
                self.config.allow,
                {"mentions": self.config.mentions},
                self.model,
            )
            self._nlp = build_pipeline(spec, self.key)
        return self._nlp

    def model(self) -> Language | None:
        """The statistical pipeline, loaded the first time a hit needs context."""
        if self._model is _UNLOADED:
            from genderlint.nlp.pipeline import load_model

            self._model = load_model(self.config.model)
            _announce_model(self.config.model, self._model)
        return self._model  # type: ignore[return-value]

    def may_match(self, text: str) -> bool:
        """The cheap first pass: False means no rule can match this text."""
        return self.prefilter.search(text) is not None

    def docs(self, texts: list[str]) -> Iterator[Doc]:
        return self.nlp.pipe(texts, batch_size=64)

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.id, rule.severity)


def _validate(config: Config, rules: tuple[Rule, ...]) -> None:
    for key, selectors in (
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", [k for k, _ in config.severity]),
    ):
        bad = unknown_selectors(selectors, rules)
        if bad:
            raise ConfigError(
                f"{key}: unknown rule ID, prefix or category {bad[0]!r}",
                config.path or None,
                config.line_of(key),
            )
    bad_profiles = [p for p in config.profiles if p not in PROFILES]
    if bad_profiles:
        raise ConfigError(
            f"profile: unknown profile {bad_profiles[0]!r} (known: {', '.join(PROFILES)})",
            config.path or None,
            config.line_of("profile"),
        )


_UNLOADED = object()
_ANNOUNCED: set[str] = set()


def _announce_model(setting: str, model: Language | None) -> None:
    """Say once per process, on stderr, which pipeline `model: auto` picked."""
    if setting != "auto" or setting in _ANNOUNCED:
        return
    _ANNOUNCED.add(setting)
    if model is None:
        note = (
            "no spaCy English model installed; context checks use word lists "
            "(pip install en_core_web_sm for better precision)"
        )
    else:
        note = f"using spaCy pipeline {model.meta.get('name', '?')} {model.meta.get('version', '')}"
    print(f"genderlint: {note}", file=sys.stderr)


@lru_cache(maxsize=16)
def engine_for(config: Config) -> Engine:
    return Engine(config)
