"""The one door in: text or file -> findings. Knows nothing about click or formats."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from genderlint.config import Config
from genderlint.engine import Engine, engine_for
from genderlint.findings import Finding, Severity
from genderlint.glossary import carry_over, mention_blocks
from genderlint.nlp.verdict import DROPPED_KEY, SPANS_KEY, VERDICTS_KEY, Verdict, doc_text
from genderlint.prefilter import RawMarkdownPass
from genderlint.ruleset.inflect import fit_suggestions
from genderlint.ruleset.model import Rule
from genderlint.suppress import apply_directives
from genderlint.textmap import Block, SourceText

if TYPE_CHECKING:
    from spacy.tokens import Span

DEFAULT_CONFIG = Config()


def lint_text(
    text: str, config: Config | None = None, path: str = "<text>", kind: str = "plain"
) -> list[Finding]:
    """Lint a string (``kind`` is ``plain`` or ``markdown``)."""
    from genderlint.readers import read_text

    return lint_source(read_text(text, path, kind), config)


def lint_file(path: str | Path, config: Config | None = None) -> list[Finding]:
    """Lint one file, choosing the reader by its extension."""
    return check_file(str(path), config).findings


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: list[Finding]
    source: str  # the decoded text (empty when the first pass ruled the file out)


@dataclass(frozen=True)
class Prepared:
    """A document read and screened: the blocks spaCy still has to see. Plain data for
    text files, so a worker that read a file can hand it to the one that lints it."""

    source: SourceText
    chosen: list[tuple[int, int, str]]  # (block index, carried-over length, text for spaCy)
    glossary: dict[int, str]  # block index -> why its terms are mentions


def check_file(
    path: str,
    config: Config | None = None,
    *,
    first_pass: bool = True,
    dropped: list[Finding] | None = None,
) -> FileResult:
    """Read and lint one file. A text file with no candidate anywhere is never parsed."""
    return check_prepared(
        prepare_file(path, config, first_pass=first_pass), config, dropped=dropped
    )


def check_prepared(
    prepared: Prepared, config: Config | None = None, *, dropped: list[Finding] | None = None
) -> FileResult:
    """:func:`check_file` for a file :func:`prepare_file` has read."""
    found = finish(prepared, config, dropped=dropped)
    return FileResult(prepared.source.path, found, prepared.source.source)


def prepare_file(path: str, config: Config | None = None, *, first_pass: bool = True) -> Prepared:
    """Read a file and choose what spaCy has to see (nothing in a file the first pass
    rules out: such a file is read, never parsed). Needs no spaCy."""
    from genderlint.readers import PATH_READERS, read_path, read_text, reader_for
    from genderlint.readers.decode import read_text_file

    kind = reader_for(path) or "plain"
    if kind in PATH_READERS:
        return prepare(read_path(path, kind), config, first_pass=first_pass)
    text = read_text_file(path)
    engine = engine_for(config or DEFAULT_CONFIG)
    screen = first_pass and not engine.document_rules
    markdown_pass = RawMarkdownPass(engine.prefilter) if screen and kind == "markdown" else None
    if screen and not (markdown_pass(text) if markdown_pass else engine.may_match(text)):
        return Prepared(SourceText(path, "", []), [], {})
    # the Markdown reader runs the first pass again, region by region
    source = read_text(text, path, kind, markdown_pass)
    return prepare(source, config, first_pass=first_pass)


def lint_source(
    source: SourceText,
    config: Config | None = None,
    *,
    first_pass: bool = True,
    dropped: list[Finding] | None = None,
) -> list[Finding]:
    """Lint a document that a reader has already extracted.

    ``first_pass=False`` sends every block through spaCy; the result is the same (a test
    proves it), only slower. ``dropped`` collects the candidates a context check dropped,
    each with its reason in ``context`` (for `--explain-context`).
    """
    return finish(prepare(source, config, first_pass=first_pass), config, dropped=dropped)


def prepare(
    source: SourceText, config: Config | None = None, *, first_pass: bool = True
) -> Prepared:
    """The blocks of a document that can hold a finding, each with the sentence it
    continues in front (the first pass, glossaries and mentions; no spaCy)."""
    engine = engine_for(config or DEFAULT_CONFIG)
    glossary = mention_blocks(source.blocks)
    chosen = []
    for index, block in enumerate(source.blocks):
        if glossary.get(index) and engine.config.mentions == "skip":
            continue
        carried = carry_over(source.blocks, index)
        text = carried + block.text
        if not first_pass or engine.prefilter.may_start_from(text, len(carried)):
            chosen.append((index, len(carried), text))
    return Prepared(source, chosen, glossary)


def needs_spacy(prepared: Prepared, config: Config | None = None) -> bool:
    """Whether :func:`finish` has anything to do beyond returning no findings."""
    return bool(prepared.chosen) or bool(engine_for(config or DEFAULT_CONFIG).document_rules)


def finish(
    prepared: Prepared, config: Config | None = None, *, dropped: list[Finding] | None = None
) -> list[Finding]:
    """Findings of a prepared document: spaCy over its chosen blocks, document checks,
    suppression directives (``dropped``: see :func:`lint_source`)."""
    if not needs_spacy(prepared, config):
        return []
    engine = engine_for(config or DEFAULT_CONFIG)
    source, glossary = prepared.source, prepared.glossary
    findings = _document_findings(engine, source)
    chosen = prepared.chosen
    docs = engine.docs([text for _, _, text in chosen], [offset for _, offset, _ in chosen])
    for (index, offset, _), doc in zip(chosen, docs, strict=True):
        block = source.blocks[index]
        text = doc_text(doc)
        if dropped is not None:
            dropped.extend(
                _shifted(engine, source, block, offset, text, span, Verdict(False, note))
                for span, note in doc.user_data.get(DROPPED_KEY, [])
                if span.start_char >= offset
            )
        verdicts = doc.user_data.get(VERDICTS_KEY, {})
        mention = glossary.get(index, "")
        for span in doc.spans[SPANS_KEY]:
            if span.start_char < offset:
                continue  # a hit in the carried-over sentence belongs to the block before
            verdict = verdicts.get((span.start_char, span.end_char, span.label_))
            if mention and engine.config.mentions == "info":
                verdict = Verdict(True, f"info: {mention}", "info")
            findings.append(_shifted(engine, source, block, offset, text, span, verdict))
    findings = apply_directives(findings, source.directives)
    return sorted(findings, key=lambda f: f.sort_key)


def _shifted(
    engine: Engine,
    source: SourceText,
    block: Block,
    offset: int,
    text: str,
    span: Span,
    verdict: Verdict | None,
) -> Finding:
    """A finding for a span of a doc (whose text is ``text``) that starts with ``offset``
    carried-over chars. ``span.text`` would join the span's tokens anew."""
    start, end = span.start_char, span.end_char
    return _finding(
        engine, source, block, start - offset, end - offset, text[start:end], span.label_, verdict
    )


def _document_findings(engine: Engine, source: SourceText) -> list[Finding]:
    from genderlint.document_checks import load_checks

    if not engine.document_rules:
        return []
    checks = load_checks()
    findings = []
    for rule in engine.document_rules:
        for hit in checks[rule.context](source, rule):
            block = source.blocks[hit.block]
            text = block.text[hit.start : hit.end]
            finding = _finding(
                engine,
                source,
                block,
                hit.start,
                hit.end,
                text,
                rule.id,
                Verdict(True, hit.note, suggestions=hit.suggestions),
            )
            if hit.message:
                finding = replace(finding, message=hit.message)
            findings.append(finding)
    return findings


def _finding(
    engine: Engine,
    source: SourceText,
    block: Block,
    start: int,
    end: int,
    text: str,
    rule_id: str,
    verdict: Verdict | None,
) -> Finding:
    rule, severity, message, suggestions = _described(
        engine,
        rule_id,
        text,
        verdict.suggestions if verdict is not None else (),
        verdict.severity if verdict is not None else "",
    )
    return Finding(
        path=source.path,
        rule_id=rule.id,
        rule=rule.name,
        category=rule.category,
        severity=severity,
        message=message,
        match=text,
        suggestions=suggestions,
        location=source.locate(block, start, end),
        applicability=rule.fix,
        context=verdict.note if verdict is not None else "",
    )


@lru_cache(maxsize=4096)
def _described(
    engine: Engine, rule_id: str, text: str, suggested: tuple[str, ...], lower: str
) -> tuple[Rule, Severity, str, tuple[str, ...]]:
    """What a finding of a rule on ``text`` says: its rule, severity, message and
    suggestions (``suggested``: a context check's instead of the rule's; ``lower``: a
    severity a context check lowers it to). Cached: dense text repeats the same few."""
    rule, forms, rule_suggestions, severity = _rule_parts(engine, rule_id)
    if suggested:
        suggestions = fit_suggestions(suggested, text, False)
    else:
        plural = forms.get(text if rule.case_sensitive else text.lower(), False)
        suggestions = fit_suggestions(rule_suggestions, text, plural)
    if lower:
        severity = _lowered(severity, lower)
    message = rule.message.replace("{match}", text).replace(
        "{suggestion}", suggestions[0] if suggestions else ""
    )
    return rule, severity, message, suggestions


@lru_cache(maxsize=1024)
def _rule_parts(
    engine: Engine, rule_id: str
) -> tuple[Rule, Mapping[str, bool], tuple[str, ...], Severity]:
    """What every finding of a rule shares: the rule, its forms (each with whether it is
    plural), its suggestions for the active profiles and its configured severity."""
    rule = engine.rules[rule_id]
    forms = engine.forms[rule_id].forms if rule_id in engine.forms else {}
    return rule, forms, rule.suggestions_for(engine.config.profiles), engine.severity_of(rule)


def _lowered(severity: Severity, lower: str) -> Severity:
    """``severity``, or a context check's ``lower`` one when that ranks below it."""
    lowered = Severity.parse(lower)
    return lowered if lowered.rank < severity.rank else severity
