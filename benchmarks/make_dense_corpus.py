"""Write a deterministic Markdown corpus from the built-in rules' bad examples mixed with
neutral policy sentences.

    .venv/bin/python benchmarks/make_dense_corpus.py OUT_DIR [--words 200000] [--seed 7]
        [--density 0.5] [--file-words 1500]

With the default density about half the sentences are bad examples, so every paragraph
holds several findings; ``--density 0.01`` makes a sparse corpus instead.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from textgen import markdown_doc


def make_corpus(
    out: Path, words: int, seed: int = 7, density: float = 0.5, file_words: int = 1500
) -> dict[str, int]:
    """Write Markdown files totalling about ``words`` words under ``out``; return the
    number of files and the exact word count (``str.split`` tokens)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    total = files = 0
    while total < words:
        size = min(file_words, words - total)
        folder = out / f"part-{files // 50:03d}"
        folder.mkdir(exist_ok=True)
        text = markdown_doc(rng, size, density, f"Standing order {files + 1}")
        (folder / f"order-{files:05d}.md").write_text(text, encoding="utf-8")
        total += len(text.split())
        files += 1
    return {"files": files, "words": total}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--density", type=float, default=0.5)
    parser.add_argument("--file-words", type=int, default=1500)
    args = parser.parse_args(argv)
    info = make_corpus(args.out, args.words, args.seed, args.density, args.file_words)
    print(f"wrote {info['files']} files, {info['words']} words to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
