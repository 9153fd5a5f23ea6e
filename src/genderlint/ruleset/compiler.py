"""Rules -> the surface forms they match and the cheap first-pass expression.

Everything here is computed once per rule set and is plain data (picklable), so it can be
cached between runs without importing spaCy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from genderlint.prefilter import PrefilterSpec, trie_pattern
from genderlint.ruleset.inflect import looks_plural, variants
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
        forms.setdefault(form if rule.case_sensitive else form.lower(), looks_plural(form))
    for form, plural in list(forms.items()):
        if "'" in form:  # typographic apostrophes are as common as straight ones
            forms.setdefault(form.replace("'", "’"), plural)
    triggers: list[str] = []
    for pattern in rule.patterns:
        triggers.extend(trigger_words(tuple(typographic(pattern))))
    return RuleForms(rule.id, forms, tuple(str(t).lower() for t in triggers))


def trigger_words(pattern: tuple[dict[str, Any], ...]) -> list[str]:
    """The words of the rarest token every match of this pattern contains.

    Only tokens that must appear (no optional or negated ``OP``) and pin ``LOWER`` qualify.
    A token whose words are all uncommon beats one with common words; then the token with
    fewer alternatives, then the longer shortest word, then the later token.
    """
    best: list[str] = []
    best_score = (-1, -(10**9), -1)
    for words in required_lower_words(pattern):
        score = (int(not any(w in COMMON_WORDS for w in words)), -len(words), min(map(len, words)))
        if score >= best_score:
            best, best_score = words, score
    return best


# Frequent English words (spaCy's English stop words, and common words of this domain):
# poor first-pass gates, because nearly every paragraph has one.
COMMON_WORDS = frozenset(
    """
a about above across after afterwards again against all almost alone along already also
although always am among amongst amount an and another any anyhow anyone anything anyway
anywhere are around as at back be became because become becomes becoming been before
beforehand behind being below beside besides between beyond both bottom but by ca call can
cannot could did do does doing done down due during each eight either eleven else elsewhere
empty enough even ever every everyone everything everywhere except few fifteen fifty first
five for former formerly forty four from front full further get give go had has have he
hence her here hereafter hereby herein hereupon hers herself him himself his how however
hundred i if in indeed into is it its itself just keep last latter latterly least less made
make many may me meanwhile might mine more moreover most mostly move much must my myself
name namely neither never nevertheless next nine no nobody none noone nor not nothing now
nowhere n‘t of off often on once one only onto or other others otherwise our ours ourselves
out over own part per perhaps please put quite rather re really regarding same say see seem
seemed seeming seems serious several she should show side since six sixty so some somehow
someone something sometime sometimes somewhere still such take ten than that the their them
themselves then thence there thereafter thereby therefore therein thereupon these they third
this those though three through throughout thru thus to together too top toward towards
twelve twenty two under unless until up upon us used using various very via was we well were
what whatever when whence whenever where whereafter whereas whereby wherein whereupon
wherever whether which while whither who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves ‘d ‘ll ‘m ‘re ‘s ‘ve
need needs needed like special real asking person people time way day work year years
job use used using said say information military training staff rights application 's ’s
""".split()
)


def typographic(pattern: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """The pattern with each straight apostrophe in a LOWER value also as ’."""
    out = []
    for token in pattern:
        value = token.get("LOWER")
        words = value if isinstance(value, str) else (value or {}).get("IN")
        if words is None or "'" not in "".join([words] if isinstance(words, str) else words):
            out.append(dict(token))
            continue
        words = [words] if isinstance(words, str) else list(words)
        both = sorted({v for w in words for v in (w, w.replace("'", "’"))})
        out.append({**token, "LOWER": {"IN": both}})
    return out


def required_lower_words(pattern: Iterable[dict[str, Any]]) -> list[list[str]]:
    """The lower-case words of each token every match contains: tokens that pin LOWER and
    whose OP does not allow zero, in pattern order."""
    return [words for _, words in required_words(pattern, ("LOWER",))]


def required_words(
    pattern: Iterable[dict[str, Any]], attrs: tuple[str, ...]
) -> list[tuple[int, list[str]]]:
    """Each token every match contains (its OP does not allow zero) whose first attribute
    of ``attrs`` it has pins its text, as (index, the lower-case words it takes)."""
    out = []
    for index, token in enumerate(pattern):
        value = next((token[attr] for attr in attrs if attr in token), None)
        words = pinned_words(value)
        if words is not None and not may_be_absent(str(token.get("OP", "1"))):
            out.append((index, [w.lower() for w in words]))
    return out


def pinned_words(value: object) -> list[str] | None:
    """The words a token attribute's value pins: a word, or the list of ``{"IN": [...]}``
    (None: no such value)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and "IN" in value:
        return [str(w) for w in value["IN"]]
    return None


def may_be_absent(op: str) -> bool:
    """'?', '*', '!' and counts that start at zero ('{0,3}', '{,2}')."""
    if op in ("?", "*", "!"):
        return True
    count = re.fullmatch(r"\{(\d*)(,\d*)?\}", op)
    return count is not None and (count.group(1) in ("", "0"))


def max_tokens(pattern: Iterable[dict[str, Any]]) -> int | None:
    """The most tokens one match of this pattern can span (None when unbounded)."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op in ("*", "+"):
            return None
        count = re.fullmatch(r"\{(\d*)(?:,(\d*))?\}", op)
        if count is None:
            total += 1  # "1", "?" and "!" take at most one token
        elif "," not in op:
            total += int(count.group(1))
        elif count.group(2):
            total += int(count.group(2))
        else:
            return None  # "{n,}"
    return total


@dataclass(frozen=True)
class CompiledRules:
    """A loaded rule set with everything the first pass needs, as cacheable data."""

    rules: tuple[Rule, ...]
    forms: Mapping[str, RuleForms]  # rule id -> forms
    tokens: Mapping[str, tuple[str, ...]]  # form -> its tokens, lower-cased
    splits: tuple[tuple[str, tuple[str, ...]], ...]  # tokenizer special cases ("hes": he, s)


def compile_rules(
    rules: Iterable[Rule], tokenize: Tokenize, special_cases: Mapping[str, list[str]]
) -> CompiledRules:
    rules = tuple(rules)
    forms = {r.id: rule_forms(r) for r in rules}
    tokens: dict[str, tuple[str, ...]] = {}
    for rf in forms.values():
        for form in rf.forms:
            tokens[form] = tuple(t.lower() for t in tokenize(form) if t.strip())
    known = {t for seq in tokens.values() for t in seq}
    known.update(t for rf in forms.values() for t in rf.triggers)
    # special cases that split a word with no punctuation at the split ("hes" -> he, s)
    # hide a token from a word-bounded expression, so they join the first pass whole
    splits = tuple(
        sorted(
            (text.lower(), tuple(p.lower() for p in pieces))
            for text, pieces in special_cases.items()
            if len(pieces) > 1
            and any(p.lower() in known for p in pieces)
            and _splits_inside_word(pieces)
        )
    )
    return CompiledRules(rules, forms, tokens, splits)


def _splits_inside_word(pieces: list[str]) -> bool:
    return any(a[-1:].isalnum() and b[:1].isalnum() for a, b in pairwise(pieces))


def prefilter_spec(
    compiled: CompiledRules, active: Iterable[str], required: Mapping[str, Iterable[str]]
) -> PrefilterSpec:
    """The first-pass expression for these active rules.

    Rules whose context check needs one of ``required[check]`` in the same text go into a
    conjunctive pair instead of the main expression.
    """
    groups: dict[str, set[tuple[str, ...]]] = {}
    patterned: list[Rule] = []
    by_id = {r.id: r for r in compiled.rules}
    for rule_id in active:
        rule = by_id[rule_id]
        key = rule.context if rule.context in required else ""
        seqs = groups.setdefault(key, set())
        rf = compiled.forms[rule_id]
        seqs.update(compiled.tokens[f] for f in rf.forms if compiled.tokens[f])
        if rf.triggers:
            patterned.append(rule)
    main = _with_splits(groups.pop("", set()), compiled.splits)
    pairs = tuple(
        (
            _single_words(_with_splits(seqs, compiled.splits)),
            _single_words(_with_splits({(w,) for w in required[check]}, compiled.splits)),
        )
        for check, seqs in sorted(groups.items())
        if seqs
    )
    sequences = []
    late_focus = False
    for rule in patterned:
        for pattern in rule.patterns:
            typo = tuple(typographic(pattern))
            gate = trigger_words(typo)
            late_focus |= focus_after_gate(typo, gate)
            gate_splits = _with_splits({(w,) for w in gate}, compiled.splits)
            sequences.append(
                (
                    tuple(sorted(_single_words(gate_splits))),
                    tuple(
                        trie_pattern(
                            _with_splits({_word_tokens(w) for w in words}, compiled.splits)
                        )
                        for words in _required_words(pattern)
                    ),
                )
            )
    return PrefilterSpec(tuple(sorted(main)), pairs, tuple(sequences), late_focus)


def focus_after_gate(pattern: tuple[dict[str, Any], ...], gate: list[str]) -> bool:
    """Whether a match of a (typographic) ``pattern`` may report a FOCUS span that begins
    after every one of its gate words (the first pass then cannot tell where its findings
    start)."""
    focus = [i for i, token in enumerate(pattern) if token.get("FOCUS")]
    if not focus:
        return False  # the whole match is reported: it begins at or before its gate word
    at_gate = [i for i, words in required_words(pattern, ("LOWER",)) if words == gate]
    return not at_gate or max(at_gate) < focus[0]


def _single_words(seqs: set[tuple[str, ...]]) -> frozenset[str]:
    """Words (and split special cases) as the scanner sees them: one token each; a word
    spaCy splits at a hyphen is matched whole."""
    return frozenset("".join(seq) for seq in seqs)


def _required_words(pattern: tuple[dict[str, Any], ...]) -> list[list[str]]:
    """The words of each token a match must contain, in pattern order."""
    return required_lower_words(typographic(pattern))


def _word_tokens(word: str) -> tuple[str, ...]:
    """'asylum-seeker' is three tokens for spaCy."""
    return tuple(t for t in re.split(r"(-)", word) if t)


def _with_splits(
    seqs: set[tuple[str, ...]], splits: Iterable[tuple[str, tuple[str, ...]]]
) -> set[tuple[str, ...]]:
    """Add each tokenizer special case that hides the start or end of a sequence inside a
    word ("hes" -> "he" + "s" hides the end of "he" from a word-bounded expression)."""
    firsts = {seq[0] for seq in seqs}
    lasts = {seq[-1] for seq in seqs}
    out = set(seqs)
    for text, pieces in splits:
        for left, right in pairwise(pieces):
            inside = left[-1:].isalnum() and right[:1].isalnum()
            if inside and (left in lasts or right in firsts):
                out.add((text,))
                break
    return out


def digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]
