"""Corpus files, word counts and the scaled copies the benchmarks run over."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

# What `genderlint check` picks up in a folder walk among text files (Word files are
# measured separately).
TEXT_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text")
# Describes the corpus and is not part of it (its word total leaves it out).
CORPUS_META = ("SOURCES.md",)


@dataclass
class Corpus:
    """The paths to pass on the command line, and the files and words behind them."""

    root: Path
    paths: list[Path]
    files: list[Path]
    words: int

    def args(self) -> list[str]:
        """Command-line arguments naming the corpus."""
        return [str(p) for p in self.paths]


def count_words(path: Path) -> int:
    """``str.split`` tokens of the raw file, as the corpus's SOURCES.md counts them."""
    return len(path.read_bytes().decode("utf-8", errors="replace").split())


def text_files(folder: Path) -> list[Path]:
    """Text files a folder walk would check: sorted, hidden folders and files skipped."""
    found = [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in TEXT_EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found)


def load(root: Path) -> Corpus:
    """The corpus under ``root``, without its top-level description files."""
    paths = sorted(p for p in root.iterdir() if p.name not in CORPUS_META)
    files = [f for f in text_files(root) if f.parent != root or f.name not in CORPUS_META]
    return Corpus(root, paths, files, sum(count_words(f) for f in files))


def subset(corpus: Corpus, words: int, dest: Path) -> Corpus:
    """Copy an even spread of the corpus's files, about ``words`` words, into ``dest``."""
    if corpus.words <= words:
        return corpus
    step = max(1, corpus.words // words)
    spread = corpus.files[::step]
    chosen = set(spread)
    order = spread + [f for f in corpus.files if f not in chosen]
    picked: list[Path] = []
    total = 0
    for f in order:
        if total >= words:
            break
        picked.append(f)
        total += count_words(f)
    for f in picked:
        target = dest / f.relative_to(corpus.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    return Corpus(dest, [dest], text_files(dest), total)


def scaled(corpus: Corpus, factor: int, dest: Path) -> Corpus:
    """``factor`` copies of every corpus file under ``dest``, each copy under new names."""
    for copy in range(factor):
        for f in corpus.files:
            rel = f.relative_to(corpus.root)
            target = dest / f"copy{copy}" / rel.with_name(f"{rel.stem}-{copy}{rel.suffix}")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    return Corpus(dest, [dest], text_files(dest), corpus.words * factor)
