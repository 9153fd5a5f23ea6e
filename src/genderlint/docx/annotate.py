"""Write a reviewed copy of a .docx: one Word comment on each finding's words and, on request,
a tracked replacement by the first suggestion.

Word cannot hold comments in headers, footers or notes, and text boxes are stored twice
(DrawingML and a VML fallback), so findings there are listed in one comment at the top of the
body; tracked changes are still made in headers, footers and notes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from lxml import etree

from genderlint.docx.comments import Comments
from genderlint.docx.output import check_output, write_atomically
from genderlint.docx.package import WordPackage, serialize, w
from genderlint.docx.runs import Para, Revision, anchor_comment, reference_run, replace_tracked
from genderlint.findings import Finding
from genderlint.readers.docx import block_key, docx_ref, read_package
from genderlint.readers.docx_layout import paragraphs
from genderlint.readers.docx_walk import Own
from genderlint.textmap import Block, SourceText

if TYPE_CHECKING:
    from genderlint.config import Config

AUTHOR = "genderlint"
INITIALS = "GL"
MADE = "made"

Lint = Callable[[SourceText], list[Finding]]


def annotate_docx(
    in_path: str,
    out_path: str,
    config: Config | None = None,
    *,
    force: bool = False,
    track_changes: bool = False,
    lint: Lint | None = None,
    explanations: Mapping[str, str] | None = None,
    date: datetime | None = None,
) -> list[Finding]:
    """Lint ``in_path`` and write the commented copy to ``out_path``; return the findings.

    The input is never modified; the output is written to a temporary file beside it and
    renamed into place when complete. An existing output is replaced only with ``force``.
    ``lint`` replaces :func:`genderlint.api.lint_source` (and then ``explanations``, rule id
    to explanation, feed the comments' "Why"; by default they come from the loaded rules).
    """
    check_output(in_path, out_path, force)
    with WordPackage(in_path) as pkg:
        source = read_package(pkg)
        if lint is None:
            from genderlint.api import lint_source

            findings = lint_source(source, config)
            if explanations is None:
                explanations = rule_explanations(config)
        else:
            findings = lint(source)
        stamp = (date or datetime.now(timezone.utc)).astimezone(timezone.utc)
        when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        replace = annotate_package(pkg, source, findings, explanations or {}, track_changes, when)
        write_atomically(out_path, lambda handle: pkg.write_copy(handle, replace))
    return findings


def rule_explanations(config: Config | None) -> dict[str, str]:
    """Rule id -> explanation for every loaded rule."""
    from genderlint.api import DEFAULT_CONFIG
    from genderlint.engine import engine_for

    engine = engine_for(config or DEFAULT_CONFIG)
    return {rule_id: rule.explanation for rule_id, rule in engine.all_rules.items()}


def annotate_package(
    pkg: WordPackage,
    source: SourceText,
    findings: list[Finding],
    explanations: Mapping[str, str],
    track_changes: bool,
    date: str,
) -> dict[str, bytes]:
    """Apply comments (and tracked changes) to the parsed parts; return the parts to save."""
    index = {block_key(docx_ref(b).extra): i for i, b in enumerate(source.blocks)}
    placed = sorted(
        (
            (index[key], f.location.start, f.location.end, n)
            for n, f in enumerate(findings)
            if (key := block_key(f.location.extra)) in index
        )
    )
    comments = Comments(pkg)
    ids = itertools.count(_max_id(pkg, comments) + 1)
    comment_ids = {n: next(ids) for b, _, _, n in placed if _inline(source.blocks[b])}
    status: dict[int, str] = {}
    dirty: set[str] = set()
    own = Own()
    for b, group in itertools.groupby(placed, key=lambda item: item[0]):
        block = source.blocks[b]
        ref = docx_ref(block)
        para = Para(ref.para.element, ref.para.fields, own)
        for _, start, end, n in sorted(group, reverse=True):
            finding = findings[n]
            if track_changes and finding.suggestions:
                if ref.para.place.textbox:
                    status[n] = "it is in a text box"
                else:
                    rev = Revision(next(ids), next(ids), AUTHOR, date)
                    segs = para.cut(start, end)
                    status[n] = replace_tracked(para, segs, finding.suggestions[0], rev) or MADE
                    dirty.add(ref.story.name)
            if n in comment_ids:
                segs = para.cut(start, end)
                if segs:
                    anchor_comment(para, segs, comment_ids[n])
                    dirty.add(ref.story.name)
                else:  # no characters to hold a range: listed at the top instead
                    del comment_ids[n]
    order = {n: i for i, (_, _, _, n) in enumerate(placed)}
    outside = sorted(
        (n for n in range(len(findings)) if n not in comment_ids),
        key=lambda n: order.get(n, len(order) + n),
    )
    if outside:
        summary_id = next(ids)
        _anchor_summary(pkg, summary_id)
        dirty.add(pkg.main)
        lines = [_summary_head(len(outside))]
        for n in outside:
            where = findings[n].location.extra.get("display", "")
            lines.append(f"{where}: {comment_text(findings[n], explanations, status.get(n))}")
        comments.add(summary_id, lines, AUTHOR, INITIALS, date)
    for n, comment_id in comment_ids.items():
        text = comment_text(findings[n], explanations, status.get(n))
        comments.add(comment_id, [text], AUTHOR, INITIALS, date)
    replace = {name: serialize(pkg.xml(name)) for name in sorted(dirty)}
    if outside or comment_ids:
        comments.save_into(replace)
    return replace


def comment_text(finding: Finding, explanations: Mapping[str, str], change: str | None) -> str:
    """``GL101 job-title: "policeman" → police officer. Why: <first sentence>``."""
    text = f'{finding.rule_id} {finding.category}: "{finding.match}"'
    first, others = finding.suggestions[:1], finding.suggestions[1:]
    if first:
        text += f" → {first[0]}"
    notes = []
    if change == MADE:
        notes.append("tracked change")
    elif change:
        notes.append(f"not changed: {change}")
    if others:
        notes.append(("also: " if change == MADE else "or: ") + ", ".join(others))
    if notes:
        text += f" ({'; '.join(notes)})"
    why = first_sentence(explanations.get(finding.rule_id, "")) or finding.message
    return f"{text}. Why: {why}"


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])", text, maxsplit=1)[0]


def _summary_head(count: int) -> str:
    noun = "finding" if count == 1 else "findings"
    return (
        f"genderlint: {count} {noun} in headers, footers, notes or text boxes, "
        "where comments cannot be anchored:"
    )


def _inline(block: Block) -> bool:
    ref = docx_ref(block)
    return ref.story.kind == "body" and not ref.para.place.textbox


def _anchor_summary(pkg: WordPackage, comment_id: int) -> None:
    """Anchor a comment on the whole first paragraph of the body."""
    body = pkg.body.find(w("body"))
    if body is None:
        body = etree.SubElement(pkg.body, w("body"))
    first = next((p.element for p in paragraphs(body) if not p.place.textbox), None)
    if first is None:
        first = etree.Element(w("p"))
        body.insert(0, first)
    ppr = first.find(w("pPr"))
    start = first.makeelement(w("commentRangeStart"), {w("id"): str(comment_id)})
    first.insert(1 if ppr is not None and first.index(ppr) == 0 else 0, start)
    end = etree.SubElement(first, w("commentRangeEnd"), {w("id"): str(comment_id)})
    end.addnext(reference_run(end, comment_id))


def _max_id(pkg: WordPackage, comments: Comments) -> int:
    """Largest annotation id in use, so new comments and revisions get unique ids."""
    found = [0, *comments.ids()]
    for story in pkg.stories():
        for el in story.root.iter():
            value = el.get(w("id")) if isinstance(el.tag, str) else None
            if value and value.lstrip("-").isdigit():
                found.append(int(value))
    return max(found)
