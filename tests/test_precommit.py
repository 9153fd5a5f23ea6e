"""The hook as users run it: real `pre-commit try-repo` in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))

pytestmark = pytest.mark.slow


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for both runs: the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), "genderlint", "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _repo(tmp_path: Path, text: str) -> Path:
    repo = tmp_path / "training"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "module-1.md").write_text(text, encoding="utf-8")
    (repo / "script.py").write_text("policeman = 1\n", encoding="utf-8")  # not prose: ignored
    _git(repo, "add", ".")
    return repo


def test_hook_fails_on_policeman(tmp_path: Path, hook_home: Path) -> None:
    repo = _repo(tmp_path, "# Module 1\n\nEvery policeman must wear a body camera.\n")
    result = _try_repo(repo, hook_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "module-1.md:3:7: GL100" in result.stdout
    assert "script.py" not in result.stdout


def test_hook_passes_on_clean_file(tmp_path: Path, hook_home: Path) -> None:
    repo = _repo(tmp_path, "# Module 1\n\nEvery police officer must wear a body camera.\n")
    result = _try_repo(repo, hook_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
