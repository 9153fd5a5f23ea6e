"""Findings point at the exact words in the source, in every Markdown construct, with CRLF
line endings and a byte-order mark, through the JSON contract users read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DOC = """---
title: policeman handbook
---
# The policeman's role

Every policeman must sign in. See `policeman_id` and <https://x.org/policeman>.

- A list item about the chairman.
  1. Nested: manpower planning.

| Role | Note |
| --- | --- |
| Chairman | chairs the **board** |

> Quoted: the two-man rule.

Read [the chairman's guide](https://x.org/chairman) today.

```
policeman in a fenced block
```

    policeman in an indented block

<!-- policeman in a comment -->
"""

EXPECTED = [  # (line, column, match) in the LF version
    (4, 7, "policeman"),
    (6, 7, "policeman"),
    (8, 25, "chairman"),
    (9, 14, "manpower"),
    (13, 3, "Chairman"),
    (15, 15, "two-man rule"),
    (17, 11, "chairman"),
]


@pytest.mark.parametrize(
    ("newline", "bom"), [("\n", False), ("\r\n", False), ("\n", True), ("\r\n", True)]
)
def test_json_positions_index_the_source(tmp_path: Path, newline: str, bom: bool) -> None:
    text = DOC.replace("\n", newline)
    path = tmp_path / "handbook.md"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    (tmp_path / ".genderlint.yaml").write_text("model: none\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "genderlint", "check", "--format", "json", "handbook.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    got = [(f["line"], f["column"], f["match"]) for f in findings]
    assert got == EXPECTED
    lines = text.splitlines(keepends=True)
    for f in findings:
        assert text[f["start"] : f["end"]] == f["match"]  # offsets into the decoded text
        assert f["end_line"] == f["line"]
        line = lines[f["line"] - 1]
        assert line[f["column"] - 1 : f["end_column"] - 1] == f["match"]
