"""Instructions of one warm spaCy phase over dense Markdown, counted by valgrind.

Wall and CPU times on a shared machine drift by 10-25% within minutes, too much to see a
change of a few percent. Instruction counts do not drift: with ``PYTHONHASHSEED=0`` two
runs of the same code agree to about 0.1%. This script screens the files, builds the
pipeline and lints them ``N`` times in one process; run under callgrind with N=1 and N=3,
the difference halved is one warm lint (the tokenizer's cache filled, as in a worker that
has linted a few files):

    .venv/bin/python benchmarks/instructions.py DIR [--files 40]

DIR holds Markdown files (for example a dense corpus from ``make_dense_corpus.py``). Needs
``valgrind`` on PATH. ``--stage scan`` counts the screening (read, first pass, Markdown
regions) instead of the spaCy phase.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _work(root: Path, files: int, stage: str, times: int) -> None:
    """The measured process: screen ``files`` files, build, then repeat the stage."""
    from genderlint import cache
    from genderlint.config import Config
    from genderlint.engine import engine_for
    from genderlint.worker import Outcome, _build_pipelines, _lint, scan_target

    cache.disable("results")
    config = Config(model="none")
    paths = sorted(str(p) for p in root.rglob("*.md"))[:files]
    engine_for(config).prefilter  # noqa: B018  (compiled before the count starts to matter)
    screened = [scan_target(path, config, False) for path in paths]
    jobs = [  # as a linting worker gets them: no results cache, no --explain-context, and
        # findings (not a JSON report's file parts) back
        ((path, config, False, False, False), pending)
        for path, pending in zip(paths, screened, strict=True)
        if not isinstance(pending, Outcome)
    ]
    _build_pipelines([config])
    for _ in range(times):
        if stage == "scan":
            [scan_target(path, config, False) for path in paths]
        else:
            [_lint(job) for job in jobs]


def _count(args: argparse.Namespace, times: int, env: dict[str, str]) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={os.devnull}",
        sys.executable,
        __file__,
        str(args.root),
        "--files",
        str(args.files),
        "--stage",
        args.stage,
        "--times",
        str(times),
        "--inside",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a folder of Markdown files")
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--stage", choices=["lint", "scan"], default="lint")
    parser.add_argument("--times", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        _work(args.root, args.files, args.stage, args.times)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("instructions.py: valgrind is not installed")
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, PYTHONHASHSEED="0", GENDERLINT_CACHE_DIR=folder)
        # a first run outside valgrind compiles the rules into the cache the counts share
        subprocess.run(
            [sys.executable, __file__, str(args.root), "--files", "1", "--inside"],
            env=env,
            check=True,
        )
        once, thrice = _count(args, 1, env), _count(args, 3, env)
    print(f"{args.stage}, {args.files} files of {args.root}: {(thrice - once) // 2:,} instructions")


if __name__ == "__main__":
    main()
