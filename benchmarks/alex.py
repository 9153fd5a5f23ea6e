"""alex 11, the reference linter: installed with npm into a scratch folder on first use."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from procs import median_run

if TYPE_CHECKING:
    from corpora import Corpus
    from suite import Bench

ALEX_SPEC = "alex@11"

# Figures the issue quotes for alex 11 on the shared corpus (2 cores); the baseline when
# alex cannot be run here, always labelled as a reference in the report.
REFERENCE = {
    "alex_words_per_s": 14_500.0,
    "alex_startup_clean_s": 0.79,
    "alex_startup_findings_s": 0.79,
    "alex_peak_rss_mib": 624.0,
}


def find_or_install(folder: Path) -> tuple[list[str] | None, str]:
    """Return the argv prefix that runs alex's CLI (or None) and a message saying why."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "node/npm not found: alex skipped, its figures are the issue's reference"
    cli = folder / "node_modules" / "alex" / "cli.js"
    if not cli.exists():
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", ALEX_SPEC, "--prefix", str(folder), "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0 or not cli.exists():
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
            return None, f"npm install {ALEX_SPEC} failed ({tail[0]}): alex skipped"
    return [node, str(cli), "--quiet"], f"alex {version(folder)} from {folder}"


def version(folder: Path) -> str:
    """The installed alex version, or '?'."""
    try:
        meta = json.loads((folder / "node_modules" / "alex" / "package.json").read_text())
        return str(meta.get("version", "?"))
    except (OSError, ValueError):
        return "?"


def node_version() -> str:
    """`node --version`, or '' without node."""
    node = shutil.which("node")
    if not node:
        return ""
    return subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()


def measure(
    bench: Bench, folder: Path, corpus: Corpus | None, files: list[Path], runs: int
) -> tuple[dict[str, float | None], str]:
    """alex over the corpus (words/s, peak memory) and over the two 300-word files."""
    prefix, note = find_or_install(folder)
    if prefix is None:
        return {}, note
    values: dict[str, float | None] = {}
    if corpus is not None:
        run = bench.tool("alex, corpus", [*prefix, *corpus.args()])
        values["alex_words_per_s"] = corpus.words / run.wall_s
        values["alex_peak_rss_mib"] = run.peak_mib
    for key, path in zip(("clean", "findings"), files, strict=True):
        median, _ = median_run(
            key,
            lambda i, p=path, k=key: bench.tool(f"alex, {k} file {i + 1}", [*prefix, str(p)]),
            runs,
        )
        values[f"alex_startup_{key}_s"] = median
    return values, f"{note}, node {node_version()}"
