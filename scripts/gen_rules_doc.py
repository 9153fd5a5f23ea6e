"""Write docs/rules.md from the built-in rule files (run after changing rules/)."""

from __future__ import annotations

import sys
from pathlib import Path

from genderlint.ruledocs import rules_markdown
from genderlint.ruleset.loader import bundled_rules_dir, load_rules

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def render() -> str:
    return rules_markdown(load_rules([bundled_rules_dir()]))


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
