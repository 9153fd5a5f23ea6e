"""Rules -> the surface forms they match and the cheap first-pass expression.

Everything here is computed once per rule set and is plain data (picklable), so it can be
cached between runs without importing spaCy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from genderlint.ruleset.inflect import variants
from genderlint.ruleset.model import Rule

Tokenize = Callable[[str], list[str]]


@dataclass(frozen=True)
class RuleForms:
    """The forms one rule matches: lower-cased form -> whether it is plural."""

    rule_id: str
    forms: Mapping[str, bool]
    triggers: tuple[str, ...]  # single words that pattern rules need present


def rule_forms(rule: Rule) -> RuleForms:
    forms: dict[str, bool] = {}
    for term in rule.terms:
        generated = variants(term) if rule.inflect else [(term, False)]
        for form, plural in generated:
            key = form if rule.case_sensitive else form.lower()
            forms.setdefault(key, plural)
    for form in rule.forms:
        forms.setdefault(form if rule.case_sensitive else form.lower(), False)
    triggers: list[str] = []
    for pattern in rule.patterns:
        token = next(t for t in pattern if "LOWER" in t)
        value = token["LOWER"]
        triggers.extend(value.get("IN", []) if isinstance(value, dict) else [value])
    return RuleForms(rule.id, forms, tuple(str(t).lower() for t in triggers))


def prefilter_pattern(
    all_forms: Iterable[RuleForms], tokenize: Tokenize, special_cases: Mapping[str, list[str]]
) -> str:
    """A regular expression that matches wherever any rule could match.

    It must be a superset of the token matchers: each form becomes its token sequence with
    optional whitespace between tokens, bounded by non-alphanumerics. Tokenizer special cases
    that split a word without punctuation ("hes" -> "he" "s") are added whole.
    """
    sequences: set[tuple[str, ...]] = set()
    first_tokens: set[str] = set()
    for rf in all_forms:
        for form in rf.forms:
            tokens = tuple(t.lower() for t in tokenize(form) if t.strip())
            if tokens:
                sequences.add(tokens)
                first_tokens.update(tokens)
        for trigger in rf.triggers:
            sequences.add((trigger,))
            first_tokens.add(trigger)
    for text, pieces in special_cases.items():
        if any(p.lower() in first_tokens for p in pieces) and text.lower() not in first_tokens:
            sequences.add((text.lower(),))
    alternatives = sorted((_alternative(seq) for seq in sequences), key=lambda s: (-len(s), s))
    return "|".join(alternatives)


def _alternative(tokens: tuple[str, ...]) -> str:
    body = r"\s*".join(map(re.escape, tokens))
    # word edges need a boundary; punctuation edges ("(s)he") do not
    left = r"(?<![^\W_])" if tokens[0][:1].isalnum() else ""
    right = r"(?![^\W_])" if tokens[-1][-1:].isalnum() else ""
    return f"{left}{body}{right}"


def compile_prefilter(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]
