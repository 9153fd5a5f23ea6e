"""One engine per effective configuration: active rules, first pass, lazy spaCy pipeline.

Start-up is lazy: loading rules comes from a cache keyed on the rule files, and spaCy is
imported only when the first pass finds a candidate.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from genderlint import __version__, cache
from genderlint.config import Config
from genderlint.errors import ConfigError, RuleError
from genderlint.findings import Severity
from genderlint.nlp.verdict import CARRIED_KEY
from genderlint.prefilter import Prefilter, build_tables
from genderlint.ruleset.compiler import CompiledRules, RuleForms, digest, prefilter_spec
from genderlint.ruleset.loader import PROFILES, bundled_rules_dir, rule_files
from genderlint.ruleset.model import AllowEntry, Rule
from genderlint.ruleset.profiles import ProfileAllow, profile_allows
from genderlint.selection import is_selected, unknown_selectors

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=8)
def rules_key(extra: tuple[Path, ...] = ()) -> tuple[str, tuple[Path, ...]]:
    """A digest of the rule files (path, size, modification time), the genderlint and
    spaCy versions, and the files themselves."""
    files = tuple(rule_files((bundled_rules_dir(), *extra)))
    stats = [cache.file_stamp(f) for f in files]
    return digest([__version__, _spacy_version(), cache.code_stamp(), *stats]), files


@lru_cache(maxsize=8)
def compiled_rules(extra: tuple[Path, ...] = ()) -> CompiledRules:
    """Built-in rules plus a team's rule files, validated and compiled once, and cached
    on disk under :func:`rules_key`."""
    key, files = rules_key(extra)
    return cache.cached("rules", key, lambda: _compile(list(files)))


def _compile(files: list[Path]) -> CompiledRules:
    from genderlint.nlp.pipeline import tokenizer_info
    from genderlint.ruleset.compiler import compile_rules
    from genderlint.ruleset.loader import load_rules

    tokenize, special = tokenizer_info()
    return compile_rules(load_rules(files), tokenize, special)


def _spacy_version() -> str:
    """spaCy's version without importing spaCy or importlib.metadata (both slow)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.origin:
        return "?"
    about = Path(spec.origin).with_name("about.py")
    try:
        for line in about.read_text(encoding="utf-8").splitlines():
            if line.startswith("__version__"):
                return line.split("=", 1)[1].strip().strip("\"'")
    except OSError:
        pass
    return "?"


def all_rules(extra: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    return compiled_rules(extra).rules


class Engine:
    """Matches one configuration's active rules; build with :func:`engine_for`."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.compiled = compiled_rules(config.rules)
        rules = self.compiled.rules
        _validate(config, rules)
        self.all_rules = {r.id: r for r in rules}
        self.rules = {r.id: r for r in rules if self._active(r)}
        # the active profiles' official titles: global, or added to the rules they name
        allows = profile_allows(config.profiles, config.rules)
        _check_allow_rules(allows, self.all_rules)
        self.allow = config.allow + tuple(a.phrase for a in allows if not a.rules)
        for entry in allows:
            for rid in entry.rules:
                if rid in self.rules:
                    rule = self.rules[rid]
                    extra = AllowEntry(entry.phrase, entry.reason)
                    self.rules[rid] = replace(rule, allow=(*rule.allow, extra))
        self.severity = dict(config.severity)
        from genderlint.document_checks import load_checks

        checks = load_checks()
        # rules that read the whole document; the others go through the matchers
        self.document_rules = [r for r in self.rules.values() if r.context in checks]
        self.forms: dict[str, RuleForms] = {
            rid: self.compiled.forms[rid]
            for rid, r in self.rules.items()
            if r.context not in checks
        }
        self.key = digest([repr(config), *sorted(self.rules), repr(allows)])
        # what a cached result depends on besides the file: config, rules, model choice
        self.cache_key = digest([self.key, rules_key(config.rules)[0], self._model_name()])
        self._prefilter: Prefilter | None = None
        self._nlp: Language | None = None
        self._model: object = _UNLOADED

    def _model_name(self) -> str:
        if self.config.model != "auto":
            return self.config.model
        from genderlint.nlp.pipeline import find_installed_model

        return find_installed_model() or "none"

    def _active(self, rule: Rule) -> bool:
        if rule.opt_in and rule.id not in self.config.select:
            return False
        if rule.profiles and not set(rule.profiles) & set(self.config.profiles):
            return False
        return is_selected(rule, self.config.select, self.config.ignore)

    @property
    def prefilter(self) -> Prefilter:
        if self._prefilter is None:
            from genderlint.nlp.wordlists import REQUIRED_WORDS

            tables = cache.cached(
                "prefilter",
                digest([self.cache_key, *sorted(self.forms)]),
                lambda: build_tables(prefilter_spec(self.compiled, self.forms, REQUIRED_WORDS)),
            )
            self._prefilter = Prefilter(tables)
        return self._prefilter

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from genderlint.nlp.spacy_loader import import_spacy

            import_spacy()  # before the modules that import spaCy themselves
            from genderlint.nlp.component import MatchSpec
            from genderlint.nlp.pipeline import build_pipeline

            spec = MatchSpec(
                {rid: r for rid, r in self.rules.items() if rid in self.forms},
                self.forms,
                self.allow,
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
        return self.prefilter.may_match(text)

    def docs(self, texts: list[str], carried: list[int] | None = None) -> Iterator[Doc]:
        """The pipeline over ``texts``; ``carried``: per text, how many characters at its
        start are context from the block before (hits there are left out)."""
        if carried is None:
            return self.nlp.pipe(texts, batch_size=64)
        return self.nlp.pipe(self._made(texts, carried), batch_size=64)

    def _made(self, texts: list[str], carried: list[int]) -> Iterator[Doc]:
        make = self.nlp.make_doc
        for text, count in zip(texts, carried, strict=True):
            doc = make(text)
            if count:
                doc.user_data[CARRIED_KEY] = count
            yield doc

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


def _check_allow_rules(allows: tuple[ProfileAllow, ...], rules: dict[str, Rule]) -> None:
    for entry in allows:
        unknown = [rid for rid in entry.rules if rid not in rules]
        if unknown:
            path, _, line = entry.source.rpartition(":")
            raise RuleError(
                f"allow {entry.phrase!r}: unknown rule ID {unknown[0]!r}",
                path,
                int(line) if line.isdigit() else None,
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
