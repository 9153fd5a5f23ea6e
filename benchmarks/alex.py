"""alex 11, the reference linter: installed with npm into a scratch folder on first use."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ALEX_SPEC = "alex@11"

# Figures the issue quotes for alex 11 on the shared corpus (2 cores); the baseline when
# alex cannot be run here, always labelled as a reference in the report.
REFERENCE = {"words_per_s": 14_500.0, "startup_s": 0.79, "peak_rss_mib": 624.0}


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
