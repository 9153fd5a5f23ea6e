"""Write a long, deterministic policy document as a Word file (about 300 words a page).

.venv/bin/python benchmarks/make_policy_docx.py OUT.docx [--pages 100] [--seed 11]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from textgen import HEADINGS, sentences

WORDS_PER_PAGE = 300
TERM_DENSITY = 0.03  # a few findings per page, as in a real policy under review
ROLES = (
    ("Duty officer", "Keeps the station log and assigns patrols."),
    ("Shift supervisor", "The chairman of the shift briefing signs the roster."),
    ("Training lead", "Books interpreters and plans refresher courses."),
    ("Watchman", "Controls access to the compound at night."),
    ("Legal adviser", "Reviews draft orders before they are signed."),
)


def make_docx(path: Path, pages: int = 100, seed: int = 11) -> int:
    """Write the document and return its word count (``str.split`` over all text)."""
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    document.add_heading("Standing operating procedure: conduct and deployment", 0)
    words = 0
    target = pages * WORDS_PER_PAGE
    section = 0
    while words < target:
        if section == 0 or rng.random() < 0.12:
            heading = f"{section + 1}. {HEADINGS[section % len(HEADINGS)]}"
            document.add_heading(heading, 1)
            words += len(heading.split())
            section += 1
            if section == 3:
                words += _roles_table(document)
        text = " ".join(sentences(rng, rng.randint(60, 140), TERM_DENSITY))
        style = "List Bullet" if rng.random() < 0.1 else None
        document.add_paragraph(text, style=style)
        words += len(text.split())
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return words


def _roles_table(document: object) -> int:
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.rows[0].cells[0].text = "Role"
    table.rows[0].cells[1].text = "Responsibility"
    words = 2
    for role, duty in ROLES:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = role, duty
        words += len(role.split()) + len(duty.split())
    return words


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    words = make_docx(args.out, args.pages, args.seed)
    print(f"wrote {args.out}: {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
