"""The `genderlint` spaCy component: rule matchers built once, hits written on the Doc.

Registered with ``@Language.factory``; its config names a compiled rule set held in
:data:`RULESETS` (rule objects are not JSON-serialisable, so the config carries a key).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from genderlint.nlp.context import decide
from genderlint.nlp.docfacts import lower_ids
from genderlint.nlp.patterns import PatternMatcher, anchors_of, fixed_of, needs_of, windows
from genderlint.nlp.verdict import (
    CARRIED_KEY,
    DROPPED_KEY,
    SPANS_KEY,
    VERDICTS_KEY,
    Verdict,
    doc_text,
)
from genderlint.ruleset.compiler import (
    RuleForms,
    max_tokens,
    trigger_words,
    typographic,
)
from genderlint.ruleset.model import Rule

GLOBAL_ALLOW = "__allow__"


@dataclass
class MatchSpec:
    """What the component needs: active rules, their forms, and global allow phrases.

    ``model`` returns a statistical pipeline (or None) the first time a hit needs one.
    """

    rules: dict[str, Rule]
    forms: dict[str, RuleForms]
    allow: tuple[str, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)
    model: Callable[[], Language | None] | None = None


RULESETS: dict[str, MatchSpec] = {}


@Language.factory("genderlint", default_config={"ruleset": ""})
def make_genderlint(nlp: Language, name: str, ruleset: str) -> GenderlintMatcher:
    return GenderlintMatcher(nlp, RULESETS[ruleset])


def _docs(nlp: Language, phrases: Iterable[str]) -> list[Doc]:
    """Phrase docs, each also with typographic apostrophes where it has straight ones."""
    texts = {v for p in phrases for v in (p, p.replace("'", "’"))}
    return [nlp.make_doc(t) for t in sorted(texts)]


class GenderlintMatcher:
    """Finds rule hits, drops allow-listed ones, applies context checks."""

    def __init__(self, nlp: Language, spec: MatchSpec) -> None:
        self.spec = spec
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # one Matcher per token pattern, run only around the pattern's rarest word: a
        # Matcher's cost grows with every pattern it carries and every token it walks
        self.patterns: list[PatternMatcher] = []
        self.focus: dict[str, set[int]] = {}
        self.rule_of: dict[str, str] = {}
        self.allow = PhraseMatcher(nlp.vocab, attr="LOWER")
        # the LOWER id of every phrase's first word, per matcher: a doc holding none of them
        # cannot match (an ORTH match is a LOWER match too), and the call is skipped
        self.starts: dict[PhraseMatcher, set[int]] = {self.phrases: set(), self.exact: set()}
        self.starts[self.allow] = set()
        for rule_id, rule in spec.rules.items():
            docs = [nlp.make_doc(form) for form in spec.forms[rule_id].forms]
            self._add(self.exact if rule.case_sensitive else self.phrases, rule_id, docs)
            for n, pattern in enumerate(rule.patterns):
                # one key per pattern, so a match's alignment says which tokens to report
                key = f"{rule_id}#{n}"
                self.focus[key] = {i for i, t in enumerate(pattern) if t.get("FOCUS")}
                self.rule_of[key] = rule_id
                tokens = [{k: v for k, v in t.items() if k != "FOCUS"} for t in pattern]
                matcher = Matcher(nlp.vocab)
                matcher.add(key, [typographic(tuple(tokens))])
                words = trigger_words(tuple(typographic(pattern)))
                gate = frozenset(nlp.vocab.strings.add(w) for w in words)
                typo = typographic(tuple(tokens))
                # the fewest words first: most patterns miss the rarest word they need
                needs = tuple(sorted((n for n in needs_of(nlp, typo) if n != gate), key=len))
                anchors, around = anchors_of(nlp, typo, gate)
                reach = max_tokens(pattern)
                fixed = fixed_of(nlp, typo)
                self.patterns.append(
                    PatternMatcher(gate, key, matcher, reach, needs, anchors, around, fixed)
                )
            if rule.allow:
                self._add(self.allow, rule_id, _docs(nlp, [a.phrase for a in rule.allow]))
        if spec.allow:
            self._add(self.allow, GLOBAL_ALLOW, _docs(nlp, spec.allow))
        self.gated_by: dict[int, list[int]] = {}  # gate word hash -> pattern indices
        for n, gated in enumerate(self.patterns):
            for word in gated.gate:
                self.gated_by.setdefault(word, []).append(n)
        # a set: intersecting two sets walks the smaller one, a set and a dict the dict
        self.gate_words = frozenset(self.gated_by)

    def _add(self, matcher: PhraseMatcher, key: str, docs: list[Doc]) -> None:
        matcher.add(key, docs)
        self.starts[matcher].update(doc[0].lower for doc in docs if len(doc))

    def _may_match(self, matcher: PhraseMatcher, words: set[int]) -> bool:
        """Whether a doc with these LOWER ids holds a word that starts one of the matcher's
        phrases (most docs hold none of the case-sensitive or allowed phrases' words)."""
        return not words.isdisjoint(self.starts[matcher])

    def __call__(self, doc: Doc) -> Doc:
        undecided, dropped = self._candidates(doc)
        (views,) = self._views([(doc, undecided)])
        self._decide(doc, undecided, dropped, views)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Batches: one statistical-model call parses the windows of a whole batch."""
        for batch in minibatch(stream, size=batch_size):
            found = [(doc, *self._candidates(doc)) for doc in batch]
            views = self._views([(doc, undecided) for doc, undecided, _ in found])
            for (doc, undecided, dropped), doc_views in zip(found, views, strict=True):
                self._decide(doc, undecided, dropped, doc_views)
            yield from batch

    def _candidates(self, doc: Doc) -> tuple[list[Span], list[tuple[Span, str]]]:
        """Every rule hit, less those inside an allowed phrase (returned as dropped)."""
        strings = doc.vocab.strings
        lower = lower_ids(doc)
        words = set(lower)
        hits = [
            span
            for matcher in (self.phrases, self.exact)
            if self._may_match(matcher, words)
            for span in matcher(doc, as_spans=True)
        ]
        if self.patterns:
            hits.extend(self._pattern_hits(doc, lower, words))
        carried = doc.user_data.get(CARRIED_KEY, 0)
        if carried:  # hits in the sentence carried over belong to the block before
            hits = [span for span in hits if span.start_char >= carried]
        dropped: list[tuple[Span, str]] = []
        allowed = (
            [(strings[m], s, e) for m, s, e in self.allow(doc)]
            if hits and self._may_match(self.allow, words)
            else []
        )
        if not allowed:
            return hits, dropped
        undecided = []
        for span in hits:
            rule = self.spec.rules[span.label_]
            cover = next(
                (
                    doc[s:e]
                    for rid, s, e in allowed
                    if rid in (rule.id, GLOBAL_ALLOW) and s <= span.start and span.end <= e
                ),
                None,
            )
            if cover is not None:
                dropped.append((span, f"dropped: inside allowed phrase '{cover.text}'"))
            else:
                undecided.append(span)
        return undecided, dropped

    def _decide(
        self,
        doc: Doc,
        undecided: list[Span],
        dropped: list[tuple[Span, str]],
        views: list[tuple[Span, int, bool]],
    ) -> None:
        """Run the context checks and write kept hits, verdicts and drops on the doc."""
        verdicts: dict[tuple[int, int, str], Verdict] = {}
        kept: list[Span] = []
        for span, (view, offset, parsed) in zip(undecided, views, strict=True):
            rule = self.spec.rules[span.label_]
            verdict = decide(view, rule, self.spec.settings, parsed)
            if not verdict.keep:
                dropped.append((span, verdict.note))
                continue
            if verdict.end_char is not None:
                wider = doc.char_span(
                    span.start_char,
                    verdict.end_char + offset,
                    label=span.label,
                    alignment_mode="expand",
                )
                span = wider if wider is not None else span
            kept.append(span)
            verdicts[(span.start_char, span.end_char, rule.id)] = verdict
        doc.spans[SPANS_KEY] = filter_spans(kept)
        doc.user_data[DROPPED_KEY] = dropped
        doc.user_data[VERDICTS_KEY] = verdicts

    def _pattern_hits(self, doc: Doc, lower: list[int], words: set[int]) -> list[Span]:
        """Token-pattern matches, narrowed to their FOCUS tokens where a pattern has some.

        Every match holds one of its pattern's gate words, so the Matcher only walks the
        tokens within a match's length of those words: the same matches, fewer tokens.
        """
        spans: list[Span] = []
        gates = words & self.gate_words
        if not gates:
            return spans
        where: dict[int, list[int]] = {}  # gate word hash -> its token positions
        for word in gates:  # list.index: no Python loop over every token
            positions, i = [], -1
            for _ in range(lower.count(word)):
                i = lower.index(word, i + 1)
                positions.append(i)
            where[word] = positions
        present = sorted({n for word in where for n in self.gated_by[word]})
        for pattern in (self.patterns[n] for n in present):
            if pattern.needs and not pattern.may_match(words):
                continue  # most patterns whose gate word is here miss another word
            rule_id, focus = self.rule_of[pattern.key], self.focus[pattern.key]
            at = sorted(i for word in pattern.gate if word in where for i in where[word])
            if pattern.fixed is not None:  # read off the words, no Matcher call
                first, last = (min(focus), max(focus) + 1) if focus else (0, len(pattern.fixed))
                for start in pattern.fixed_starts(lower, at):
                    spans.append(Span(doc, start + first, start + last, label=rule_id))
                continue
            # unbounded patterns have no anchors: every match is looked for in the whole doc
            ranges: Iterable[tuple[int, int]] = (
                [(0, len(doc))] if pattern.reach is None else windows(len(doc), at, pattern.reach)
            )
            n = 0  # the first gate position not yet in a range (ranges come in order)
            for first, last in ranges:
                if pattern.anchors and at:
                    inside = n
                    while n < len(at) and at[n] < last:
                        n += 1
                    held = [i for i in at[inside:n] if pattern.may_match_at(lower, i)]
                    if not held:
                        continue
                    # every match lies around a gate word that may hold one: the Matcher
                    # walks fewer tokens, in the same range, so finds the same matches in
                    # the same order
                    before, after = pattern.around
                    first, last = max(held[0] - before, first), min(held[-1] + after + 1, last)
                elif pattern.needs and not pattern.may_match(set(lower[first:last])):
                    continue
                window = doc if pattern.reach is None else doc[first:last]
                if not focus:  # alignments cost the Matcher a dict per matched token
                    for _, start, end in pattern.matcher(window):
                        spans.append(Span(doc, start + first, end + first, label=rule_id))
                    continue
                found = pattern.matcher(window, with_alignments=True)
                for _, start, _end, alignment in found:  # type: ignore[misc]
                    picked = [start + first + i for i, a in enumerate(alignment) if a in focus]
                    spans.append(Span(doc, min(picked), max(picked) + 1, label=rule_id))
        return spans

    def _views(self, batch: list[tuple[Doc, list[Span]]]) -> list[list[tuple[Span, int, bool]]]:
        """Each hit as the context checks see it: in a model-parsed window when there is a
        model (the hit's sentence and the one before; one model call for the batch), else
        in the blank doc itself."""
        busy = any(spans for _, spans in batch)
        model = self.spec.model() if busy and self.spec.model else None
        if model is None:
            return [[(span, 0, False) for span in spans] for _, spans in batch]
        windows: list[list[tuple[int, int]]] = []
        texts: dict[tuple[int, int, int], str] = {}
        for n, (doc, spans) in enumerate(batch):
            doc_windows = []
            for span in spans:
                sent = span.sent
                first = doc[sent.start - 1].sent if sent.start > 0 else sent
                doc_windows.append((first.start_char, sent.end_char))
                texts[(n, first.start_char, sent.end_char)] = doc_text(doc)[
                    first.start_char : sent.end_char
                ]
            windows.append(doc_windows)
        keys = list(texts)
        parsed = dict(zip(keys, model.pipe(texts[k] for k in keys), strict=True))
        out = []
        for n, ((_, spans), doc_windows) in enumerate(zip(batch, windows, strict=True)):
            views = []
            for span, (a, b) in zip(spans, doc_windows, strict=True):
                view = parsed[(n, a, b)].char_span(
                    span.start_char - a, span.end_char - a, alignment_mode="expand"
                )
                views.append((view, a, True) if view is not None else (span, 0, False))
            out.append(views)
        return out
