"""Inline suppression directives written in the document itself.

Syntax (the same in every format; Markdown writes them as HTML comments)::

    genderlint-disable [IDS]            rules off from this line on
    genderlint-enable [IDS]             rules back on from this line on
    genderlint-disable-next-line [IDS]  rules off on the following line only
    genderlint-disable-line [IDS]       rules off on the directive's own line

``IDS`` are rule IDs or ID prefixes separated by spaces or commas; none means every rule.
Anything after `` -- `` is a free-text reason and is ignored. Each directive becomes a
:class:`~genderlint.textmap.Directive` carrying the 1-based source line it is written on;
``genderlint.suppress`` applies them to findings by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genderlint.textmap import Directive

_BODY = re.compile(
    r"\s*genderlint-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*?)\s*\Z",
    re.DOTALL,
)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_SPLIT = re.compile(r"[\s,]+")
# comment leaders accepted in plain text before a directive
_LEADER = re.compile(r"\s*(?:#+|/{2,}|--|%+|;+)?\s*")


def parse_directive(body: str, line: int) -> Directive | None:
    """Read one directive from the text of a comment; ``None`` if it is not one."""
    m = _BODY.match(body)
    if m is None:
        return None
    rest = m.group(2)
    if rest and not rest[0].isspace() and rest[0] not in ",:":
        return None
    rest = rest.split(" --", 1)[0]
    ids = tuple(i for i in _SPLIT.split(rest.strip(" \t,:")) if i)
    return Directive(line, m.group(1), ids)


def comment_directives(html: str, first_line: int) -> Iterator[Directive]:
    """Directives in the HTML comments of ``html``, whose first line is ``first_line``."""
    if "genderlint-" not in html:
        return
    for m in _COMMENT.finditer(html):
        line = first_line + html.count("\n", 0, m.start())
        directive = parse_directive(m.group(1), line)
        if directive is not None:
            yield directive


def line_directive(text: str, line: int) -> Directive | None:
    """A plain-text line that is a directive: bare, after a comment leader, or in ``<!-- -->``."""
    if "genderlint-" not in text:
        return None
    stripped = text.strip()
    if stripped.startswith("<!--") and stripped.endswith("-->"):
        return parse_directive(stripped[4:-3], line)
    lead = _LEADER.match(stripped)
    return parse_directive(stripped[lead.end() if lead else 0 :], line)
