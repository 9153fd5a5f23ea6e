"""Match findings to labelled spans and compute precision, recall and F1.

A finding and a label match when their character spans overlap. Overall scores ignore
categories. Per category, recall counts the labels of that category found by a finding of
the same category, and precision counts the findings of that category that overlap a label
of the same category; so a finding filed under the wrong category costs both categories but
not the overall score, and is listed as a category mismatch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evalset import Label, Snippet

from genderlint.ruleset.model import CATEGORIES


@dataclass(frozen=True)
class Hit:
    """One finding, as the evaluation sees it: offsets into the snippet's text."""

    rule_id: str
    category: str
    start: int
    end: int
    match: str


@dataclass
class Counts:
    labels: int = 0  # labelled spans
    found: int = 0  # labelled spans overlapped by a finding
    findings: int = 0  # findings reported
    correct: int = 0  # findings overlapping a labelled span

    @property
    def precision(self) -> float | None:
        return self.correct / self.findings if self.findings else None

    @property
    def recall(self) -> float | None:
        return self.found / self.labels if self.labels else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    snippet: Snippet
    label: Label


@dataclass(frozen=True)
class FalsePositive:
    snippet: Snippet
    hit: Hit


@dataclass(frozen=True)
class Mismatch:
    snippet: Snippet
    label: Label
    hits: tuple[Hit, ...]  # overlapping findings, none of the label's category


@dataclass
class Score:
    overall: Counts = field(default_factory=Counts)
    categories: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[FalsePositive] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    def category(self, name: str) -> Counts:
        return self.categories.setdefault(name, Counts())

    def ordered_categories(self) -> list[tuple[str, Counts]]:
        order = {name: i for i, name in enumerate(CATEGORIES)}
        return sorted(self.categories.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))


def overlaps(a: Label | Hit, b: Label | Hit) -> bool:
    return a.start < b.end and b.start < a.end


def score(results: list[tuple[Snippet, list[Hit]]]) -> Score:
    """Score every snippet's findings against its labels."""
    total = Score()
    for snippet, hits in results:
        for label in snippet.labels:
            near = [h for h in hits if overlaps(h, label)]
            same = [h for h in near if h.category == label.category]
            total.overall.labels += 1
            total.overall.found += bool(near)
            counts = total.category(label.category)
            counts.labels += 1
            counts.found += bool(same)
            if not near:
                total.misses.append(Miss(snippet, label))
            elif not same:
                total.mismatches.append(Mismatch(snippet, label, tuple(near)))
        for hit in hits:
            near_labels = [lab for lab in snippet.labels if overlaps(hit, lab)]
            total.overall.findings += 1
            total.overall.correct += bool(near_labels)
            counts = total.category(hit.category)
            counts.findings += 1
            counts.correct += any(lab.category == hit.category for lab in near_labels)
            if not near_labels:
                total.false_positives.append(FalsePositive(snippet, hit))
    return total
