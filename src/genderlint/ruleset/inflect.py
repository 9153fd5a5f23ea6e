"""Variant generation for rule terms, and number/case matching for suggestions."""

from __future__ import annotations

import re

# plural of the last word stays as is
UNCOUNTABLE = frozenset(
    [
        "personnel",
        "staff",
        "workforce",
        "crew",
        "humankind",
        "humanity",
        "people",
        "everyone",
        "everybody",
        "police",
        "leadership",
        "management",
        "security",
        "they",
        "them",
        "their",
        "themselves",
        "you",
    ]
)
_IRREGULAR = {"person": "persons", "child": "children", "woman": "women", "man": "men"}
_SUFFIXES = ("man", "woman")
_GENDER_WORDS = frozenset({"man", "men", "woman", "women"})
# words that have no useful plural
_NO_PLURAL_ENDINGS = ("kind", "power", "hood", "ship", "ness")


def pluralize_word(word: str) -> str:
    lower = word.lower()
    if not word or lower in UNCOUNTABLE or not word[-1].isalpha():
        return word
    if lower.endswith(_NO_PLURAL_ENDINGS) or re.search(r"[^su]s$", lower):
        return word  # uncountable, or written in the plural already
    if lower in _IRREGULAR:
        return _keep_case(word, _IRREGULAR[lower])
    if lower.endswith(("woman", "man")) and not lower.endswith(("human", "german", "roman")):
        return word[:-2] + ("EN" if word[-2:].isupper() else "en")
    if lower.endswith("fe") and not lower.endswith("ffe"):
        return word[:-2] + "ves"  # wife -> wives
    if lower.endswith(("thief", "self", "half", "wolf", "shelf", "leaf")):
        return word[:-1] + "ves"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return word + "es"
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    return word + "s"


def pluralize(phrase: str) -> str:
    """Plural of a phrase: its last word (``police officer`` -> ``police officers``)."""
    head, sep, last = phrase.rpartition(" ")
    if "-" in last and last.rsplit("-", 1)[1]:
        stem, _, tail = last.rpartition("-")
        return f"{head}{sep}{stem}-{pluralize_word(tail)}"
    return f"{head}{sep}{pluralize_word(last)}"


def looks_plural(form: str) -> bool:
    """Whether a form listed by hand (``forms:``) is a plural: its last word ends in -men,
    -ves or a plain -s."""
    last = form.rsplit(" ", 1)[-1].lower()
    return last.endswith(("men", "ves", "ies", "children", "people")) or bool(
        re.search(r"[^sui]s$", last)
    )


def spelling_variants(term: str) -> list[str]:
    """Hyphen/space/closed spellings of man/woman compounds, base form first."""
    forms = [term]
    words = re.split(r"([ -])", term)
    for i in range(0, len(words) - 2, 2):
        left, joint, right = words[i], words[i + 1], words[i + 2]
        before, after = "".join(words[: i + 1]), "".join(words[i + 2 :])
        if joint == "-":
            forms.append(f"{before} {after}")
            if left.lower() in _GENDER_WORDS:  # man-hours -> manhours
                forms.append(before + after)
        elif (
            left.lower() in _GENDER_WORDS or right.lower() in _GENDER_WORDS or len(words) == 3
        ):  # two-word terms: "child-pornography charges"
            forms.append(f"{before}-{after}")
    if len(words) == 1:
        lower = term.lower()
        for suffix in _SUFFIXES:
            stem = term[: -len(suffix)]
            if lower.endswith(suffix) and len(stem) >= 3 and not stem.lower().endswith("wo"):
                forms.append(f"{stem}-{term[-len(suffix) :]}")
                break
    return _unique(forms)


def variants(term: str) -> list[tuple[str, bool]]:
    """Every generated form of a term with whether it is plural."""
    out: list[tuple[str, bool]] = []
    for form in spelling_variants(term):
        out.append((form, False))
        plural_form = pluralize(form)
        if plural_form != form:
            out.append((plural_form, True))
    seen: set[str] = set()
    unique = []
    for form, is_plural in out:
        if form.lower() not in seen:
            seen.add(form.lower())
            unique.append((form, is_plural))
    return unique


def match_case(suggestion: str, matched: str) -> str:
    """Give a suggestion the case pattern of the matched text."""
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return suggestion.upper()
    if letters and letters[0].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def fit_suggestions(suggestions: tuple[str, ...], matched: str, plural: bool) -> tuple[str, ...]:
    """The suggestions in the number (``plural``) and case of the matched text."""
    return tuple(match_case(pluralize(s) if plural else s, matched) for s in suggestions)


def _keep_case(original: str, replacement: str) -> str:
    return match_case(replacement, original)


def _unique(items: list[str]) -> list[str]:
    """The items in order, without case-insensitive repeats."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
