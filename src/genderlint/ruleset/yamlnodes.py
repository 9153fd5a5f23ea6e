"""YAML loading that remembers line numbers, so errors can point at `path:line`."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


class LDict(dict):  # type: ignore[type-arg]
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LList(list):  # type: ignore[type-arg]
    """A sequence that knows its own line and each item's line."""

    line: int = 0
    item_lines: list[int]


def load_located(text: str, path: str) -> Any:
    """Parse one YAML document into LDict/LList/scalars; raise ValueError with a line."""
    import yaml  # only when rules, profiles or a config file are read, not from caches

    from genderlint.errors import RuleError

    try:  # the C loader is several times faster; fall back when libyaml is missing
        loader = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover
        loader = yaml.SafeLoader  # type: ignore[assignment,misc]
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None
    if node is None:
        return None
    return _convert(node, path)


def _convert(node: yaml.Node, path: str) -> Any:
    import yaml

    from genderlint.errors import RuleError

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line = line
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path)
            if not isinstance(key, str):
                raise RuleError(f"mapping keys must be strings, got {key!r}", path, line)
            if key in out:
                raise RuleError(f"duplicate key {key!r}", path, key_node.start_mark.line + 1)
            out[key] = _convert(value_node, path)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_convert(item, path) for item in node.value)
        seq.line = line
        seq.item_lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    # scalars: let the safe constructor resolve the tag (int, bool, str, ...)
    return _scalars().construct_object(node, deep=True)


@functools.cache
def _scalars() -> yaml.SafeLoader:
    import yaml

    return yaml.SafeLoader("")
