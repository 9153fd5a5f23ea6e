"""Work-context profiles from `profiles.yaml`: what each one is for, and the official titles
and service terms it allow-lists.

The built-in file sits next to the rule files and must describe every profile. A team rule
folder may hold its own `profiles.yaml` (any subset of the profiles) to add allow entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from genderlint import cache
from genderlint.errors import RuleError
from genderlint.ruleset.loader import ID_RE, PROFILES, PROFILES_FILE, bundled_rules_dir
from genderlint.ruleset.yamlnodes import LDict, LList, load_located

PROFILE_KEYS = ("description", "allow")
ALLOW_KEYS = ("phrase", "reason", "rules")


@dataclass(frozen=True)
class ProfileAllow:
    """A phrase never flagged under a profile; ``rules`` limits it to those rule IDs."""

    phrase: str
    reason: str
    rules: tuple[str, ...] = ()
    source: str = ""  # path:line of the entry


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    allow: tuple[ProfileAllow, ...] = ()


def load_profiles(path: Path, *, complete: bool = False) -> dict[str, Profile]:
    """Read and validate one profiles file. ``complete`` requires every profile, each with a
    description (the built-in file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read profiles file: {exc}", str(path)) from None
    where = str(path)
    data = load_located(text, where)
    if data is None:
        data = LDict()
        data.line, data.key_lines = 1, {}
    if not isinstance(data, LDict):
        raise RuleError("a profiles file must map profile names to settings", where, 1)
    out = {}
    for name, body in data.items():
        line = data.key_lines[name]
        if name not in PROFILES:
            raise RuleError(f"unknown profile {name!r} (known: {', '.join(PROFILES)})", where, line)
        out[name] = _profile(name, body, where, line, complete)
    missing = [p for p in PROFILES if p not in out]
    if complete and missing:
        raise RuleError(f"profile {missing[0]!r} is not described", where, data.line)
    return out


def _profile(name: str, body: object, where: str, line: int, complete: bool) -> Profile:
    if not isinstance(body, LDict):
        raise RuleError(
            f"profile {name}: must be a mapping with description and allow", where, line
        )
    _reject_unknown_keys(body, PROFILE_KEYS, f"profile {name}", where)
    description = body.get("description", "")
    if not isinstance(description, str) or (complete and not description.strip()):
        raise RuleError(
            f"profile {name}: description must be a non-empty string",
            where,
            body.key_lines.get("description", body.line),
        )
    items = body.get("allow")
    if items is None:
        return Profile(name, " ".join(description.split()))
    if not isinstance(items, LList):
        raise RuleError(
            f"profile {name}: allow must be a list of {{phrase, reason}}",
            where,
            body.key_lines.get("allow", body.line),
        )
    allow = tuple(
        _allow(name, item, where, item_line)
        for item, item_line in zip(items, items.item_lines, strict=True)
    )
    return Profile(name, " ".join(description.split()), allow)


def _reject_unknown_keys(data: LDict, known: Iterable[str], label: str, where: str) -> None:
    known = tuple(known)
    unknown = [k for k in data if k not in known]
    if unknown:
        raise RuleError(
            f"{label}: unknown key {unknown[0]!r} (known keys: {', '.join(known)})",
            where,
            data.key_lines[unknown[0]],
        )


def _allow(profile: str, item: object, where: str, line: int) -> ProfileAllow:
    label = f"profile {profile}: allow"
    if not isinstance(item, LDict):
        raise RuleError(f"{label}: each entry is a mapping with phrase and reason", where, line)
    _reject_unknown_keys(item, ALLOW_KEYS, label, where)
    for key in ("phrase", "reason"):
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise RuleError(
                f"{label}: {key} must be a non-empty string", where, item.key_lines.get(key, line)
            )
    rules = item.get("rules", [])
    if isinstance(rules, str):
        rules = [rules]
    if not isinstance(rules, list) or not all(isinstance(r, str) and ID_RE.match(r) for r in rules):
        raise RuleError(
            f"{label}: rules must be a list of rule IDs", where, item.key_lines.get("rules", line)
        )
    return ProfileAllow(
        " ".join(item["phrase"].split()), item["reason"].strip(), tuple(rules), f"{where}:{line}"
    )


@lru_cache(maxsize=1)
def bundled_profiles() -> dict[str, Profile]:
    """The built-in profiles (`rules/profiles.yaml`), parsed once and cached on disk."""
    path = bundled_rules_dir() / PROFILES_FILE
    return cache.cached(
        "profiles", cache.file_key(path), lambda: load_profiles(path, complete=True)
    )


def team_profile_files(paths: Iterable[Path]) -> list[Path]:
    """`profiles.yaml` files inside a team's rule folders."""
    return [f for p in paths if p.is_dir() for f in sorted(p.rglob(PROFILES_FILE))]


def profile_allows(names: Iterable[str], extra: Iterable[Path] = ()) -> tuple[ProfileAllow, ...]:
    """The allow entries of these profiles: built-in first, then a team's own files."""
    wanted = list(dict.fromkeys(names))
    sources = [bundled_profiles(), *(load_profiles(f) for f in team_profile_files(extra))]
    return tuple(a for found in sources for n in wanted if n in found for a in found[n].allow)
