"""Rule files -> validated :class:`Rule` objects, with `path:line` errors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from genderlint.errors import RuleError
from genderlint.findings import Applicability, Severity
from genderlint.ruleset.compiler import required_lower_words
from genderlint.ruleset.model import CATEGORIES, AllowEntry, BadExample, Reference, Rule
from genderlint.ruleset.yamlnodes import LDict, LList, load_located

ID_RE = re.compile(r"^[A-Z]{1,6}[0-9]{2,4}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PROFILES = ("general", "police", "military", "border", "justice", "peacekeeping", "recruitment")
REQUIRED = (
    "id",
    "name",
    "category",
    "severity",
    "suggestions",
    "message",
    "explanation",
    "references",
    "examples",
)
OPTIONAL = (
    "terms",
    "forms",
    "inflect",
    "patterns",
    "fix",
    "allow",
    "before_name",
    "context",
    "profiles",
    "profile_suggestions",
    "opt_in",
    "case_sensitive",
)
BEFORE_NAME = ("report", "info", "skip")
PROFILES_FILE = "profiles.yaml"


def bundled_rules_dir() -> Path:
    """Where the built-in rule files are: inside the wheel, or the checkout's `rules/`."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their YAML files, sorted; files are taken as given."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(p for p in sorted(path.rglob("*.y*ml")) if p.name != PROFILES_FILE)
        elif path.exists():
            out.append(path)
        else:
            raise RuleError("rule file or folder not found", str(path))
    return out


def load_rules(paths: Iterable[Path]) -> list[Rule]:
    """Load and validate every rule in these files; IDs and names must be unique."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in rule_files(paths):
        for rule in load_rule_file(path):
            for key in (rule.id, f"name:{rule.name}"):
                if key in seen:
                    what = "rule id" if key == rule.id else "rule name"
                    raise RuleError(
                        f"duplicate {what} {key.removeprefix('name:')!r} (first defined at "
                        f"{seen[key]})",
                        *_split_source(rule.source),
                    )
                seen[key] = rule.source
            rules.append(rule)
    return rules


def load_rule_file(path: Path) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file: {exc}", str(path)) from None
    data = load_located(text, str(path))
    if data is None:
        return []
    if not isinstance(data, LList):
        raise RuleError("a rule file must be a YAML list of rules", str(path), 1)
    rules = []
    for item, line in zip(data, data.item_lines, strict=True):
        if not isinstance(item, LDict):
            raise RuleError("each rule must be a mapping", str(path), line)
        rules.append(_build(item, str(path)))
    return rules


def _split_source(source: str) -> tuple[str, int | None]:
    path, _, line = source.rpartition(":")
    return path, int(line) if line.isdigit() else None


class _Check:
    """Typed access to one rule mapping, raising `path:line: key: problem`."""

    def __init__(self, data: LDict, path: str) -> None:
        self.data, self.path = data, path

    def fail(self, key: str | None, problem: str) -> RuleError:
        line = self.data.key_lines.get(key, self.data.line) if key else self.data.line
        rid = self.data.get("id")
        label = f"rule {rid}: " if isinstance(rid, str) else ""
        return RuleError(f"{label}{key + ': ' if key else ''}{problem}", self.path, line)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty string")
        return value.strip()

    def strings(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None and not required:
            return ()
        if isinstance(value, str):
            value = [value]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise self.fail(key, "must be a non-empty list of strings")
        return tuple(v.strip() for v in value)

    def choice(self, key: str, options: Iterable[str], default: str) -> str:
        value = self.data.get(key, default)
        options = tuple(options)
        if value not in options:
            raise self.fail(key, f"must be one of {', '.join(options)} (got {value!r})")
        return str(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value


def _build(data: LDict, path: str) -> Rule:
    c = _Check(data, path)
    unknown = [k for k in data if k not in REQUIRED + OPTIONAL]
    if unknown:
        raise c.fail(unknown[0], f"unknown key (known keys: {', '.join(REQUIRED + OPTIONAL)})")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise c.fail(None, f"missing required key {missing[0]!r}")
    rule_id = c.text("id")
    if not ID_RE.match(rule_id):
        raise c.fail("id", f"{rule_id!r} is not an ID like GL101 (letters, then digits)")
    name = c.text("name")
    if not NAME_RE.match(name):
        raise c.fail("name", f"{name!r} is not kebab-case")
    terms = c.strings("terms")
    patterns = _patterns(c)
    if not terms and not patterns:
        raise c.fail(None, "needs 'terms' or 'patterns'")
    try:
        severity = Severity.parse(str(data["severity"]))
    except ValueError as exc:
        raise c.fail("severity", str(exc)) from None
    bad, good = _examples(c)
    return Rule(
        id=rule_id,
        name=name,
        category=c.choice("category", CATEGORIES, ""),
        severity=severity,
        message=c.text("message"),
        explanation=" ".join(c.text("explanation").split()),
        terms=terms,
        forms=c.strings("forms"),
        inflect=c.flag("inflect", True),
        patterns=patterns,
        suggestions=c.strings("suggestions", required=True),
        references=_references(c),
        bad_examples=bad,
        good_examples=good,
        allow=_allow(c),
        before_name=c.choice("before_name", BEFORE_NAME, "report"),
        context=_context(c),
        fix=Applicability(c.choice("fix", [a.value for a in Applicability], "unsafe")),
        profiles=tuple(_profile(c, p) for p in c.strings("profiles")),
        profile_suggestions=_profile_suggestions(c),
        case_sensitive=c.flag("case_sensitive", False),
        opt_in=c.flag("opt_in", False),
        source=f"{path}:{data.line}",
    )


def _context(c: _Check) -> str:
    from genderlint.document_checks import load_checks
    from genderlint.nlp.verdict import MATCH_CHECKS

    value = c.data.get("context", "")
    known = (*MATCH_CHECKS, *sorted(load_checks()))
    if value and value not in known:
        raise c.fail("context", f"unknown check {value!r} (known: {', '.join(known)})")
    return str(value)


def _profile(c: _Check, name: str) -> str:
    if name not in PROFILES:
        raise c.fail("profiles", f"unknown profile {name!r} (known: {', '.join(PROFILES)})")
    return name


def _profile_suggestions(c: _Check) -> dict[str, tuple[str, ...]]:
    value = c.data.get("profile_suggestions", {})
    if not isinstance(value, dict):
        raise c.fail("profile_suggestions", "must map profile names to lists of suggestions")
    out = {}
    for profile, items in value.items():
        _profile(c, profile)
        sub = _Check(LDict({profile: items}), c.path)
        sub.data.line, sub.data.key_lines = c.data.key_lines["profile_suggestions"], {}
        out[profile] = sub.strings(profile, required=True)
    return out


def _patterns(c: _Check) -> tuple[tuple[dict[str, Any], ...], ...]:
    value = c.data.get("patterns")
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise c.fail("patterns", "must be a list of token patterns")
    out = []
    for pattern in value:
        if not isinstance(pattern, list) or not all(isinstance(t, dict) for t in pattern):
            raise c.fail("patterns", "each pattern must be a list of token mappings")
        for token in pattern:
            if not isinstance(token.get("FOCUS", False), bool):
                raise c.fail("patterns", "FOCUS must be true or false")
            for key in ("LOWER", "ORTH", "TEXT", "NORM", "LEMMA"):
                if key in token and not _string_values(token[key]):
                    raise c.fail(
                        "patterns",
                        f"{key} must be a string or {{IN: [strings]}} "
                        f'(quote words YAML reads as other types, such as "on")',
                    )
        if not required_lower_words(pattern):
            raise c.fail(
                "patterns",
                "each pattern needs a required token with LOWER (not optional) for the first pass",
            )
        out.append(tuple(dict(t) for t in pattern))
    return tuple(out)


def _string_values(value: Any) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, dict):
        return all(
            isinstance(v, list) and all(isinstance(w, str) for w in v)
            for k, v in value.items()
            if k in ("IN", "NOT_IN")
        )
    return False


def _references(c: _Check) -> tuple[Reference, ...]:
    value = c.data.get("references")
    if not isinstance(value, list) or not value:
        raise c.fail("references", "needs at least one reference to public guidance")
    refs = []
    for item in value:
        if isinstance(item, str) and item.strip():
            refs.append(Reference(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            refs.append(Reference(item["title"].strip(), str(item.get("url", "")).strip()))
        else:
            raise c.fail("references", "each reference is a title or {title, url}")
    return tuple(refs)


def _allow(c: _Check) -> tuple[AllowEntry, ...]:
    value = c.data.get("allow", [])
    if not isinstance(value, list):
        raise c.fail("allow", "must be a list of phrases")
    out = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(AllowEntry(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("phrase"), str):
            out.append(AllowEntry(item["phrase"].strip(), str(item.get("reason", "")).strip()))
        else:
            raise c.fail("allow", "each entry is a phrase or {phrase, reason}")
    return tuple(out)


def _examples(c: _Check) -> tuple[tuple[BadExample, ...], tuple[str, ...]]:
    value = c.data.get("examples")
    if not isinstance(value, dict):
        raise c.fail("examples", "must be a mapping with 'bad' and 'good' lists")
    bad_raw, good_raw = value.get("bad"), value.get("good")
    if not isinstance(bad_raw, list) or not bad_raw:
        raise c.fail("examples", "needs at least one bad example")
    if not isinstance(good_raw, list) or not good_raw:
        raise c.fail("examples", "needs at least one good example")
    bad = []
    for item in bad_raw:
        if not (isinstance(item, dict) and isinstance(item.get("text"), str)):
            raise c.fail("examples", "each bad example is {text, expect: [words]}")
        expect = item.get("expect")
        if isinstance(expect, str):
            expect = [expect]
        if (
            not isinstance(expect, list)
            or not expect
            or not all(isinstance(e, str) for e in expect)
        ):
            raise c.fail("examples", f"bad example {item['text']!r} needs expect: [words]")
        missing = [e for e in expect if e not in item["text"]]
        if missing:
            raise c.fail("examples", f"expected {missing[0]!r} does not occur in {item['text']!r}")
        bad.append(BadExample(item["text"], tuple(expect)))
    if not all(isinstance(g, str) and g.strip() for g in good_raw):
        raise c.fail("examples", "each good example is a sentence")
    return tuple(bad), tuple(good_raw)
