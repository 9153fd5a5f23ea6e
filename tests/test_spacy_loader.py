"""spaCy is imported only when needed, and without its command-line interface."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from genderlint.nlp.spacy_loader import import_without_cli


def run_python(code: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_spacy_imported_without_its_cli_still_works_and_can_load_the_cli_later() -> None:
    out = run_python(
        """
        import sys
        from genderlint.nlp.spacy_loader import import_spacy
        spacy = import_spacy()
        print(sorted(m for m in sys.modules if m.startswith("spacy.cli")))
        print("typer" in sys.modules, "jinja2" in sys.modules)
        print([t.text for t in spacy.blank("en")("Each officer can't leave.")])
        print(sorted(spacy.info(silent=True))[:2])
        import spacy.cli
        print(callable(spacy.cli.download), "typer" in sys.modules)
        """
    )
    assert out.splitlines() == [
        "[]",
        "False False",
        "['Each', 'officer', 'ca', \"n't\", 'leave', '.']",
        "['location', 'pipelines']",
        "True True",
    ]


def imported_modules(tmp_path: Path, *texts: str) -> list[str]:
    """The modules ``genderlint check`` imports on files holding ``texts`` (rules cached;
    more than one file: two processes)."""
    names = []
    for n, text in enumerate(texts):
        names.append(f"doc{n}.md")
        (tmp_path / names[-1]).write_text(text)
    env = {**os.environ, "GENDERLINT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-X", "importtime", "-m", "genderlint", "check", "--no-cache"]
    command += ["--jobs", "2", *names]  # --no-cache: results only; compiled rules stay cached
    # the first run compiles the rule set (spaCy's tokenizer splits the terms) and caches it
    for _ in range(2):
        done = subprocess.run(
            command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False
        )
        assert done.returncode in (0, 1), done.stderr
    return [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]


def test_a_clean_file_never_imports_spacy(tmp_path: Path) -> None:
    imported = imported_modules(tmp_path, "# Duties\n\nThe duty officer signs the log.\n")
    assert "genderlint.cli" in imported
    assert not [name for name in imported if name.split(".")[0] in {"spacy", "thinc"}]


@pytest.mark.parametrize("files", [1, 2])
def test_a_file_with_findings_imports_spacy_without_its_cli(tmp_path: Path, files: int) -> None:
    imported = imported_modules(tmp_path, *["Every policeman signs his log.\n"] * files)
    assert "spacy" in imported
    assert "genderlint.nlp.checks" in imported
    assert not [name for name in imported if name.startswith("spacy.cli")]


@pytest.fixture
def fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m.split(".")[0].startswith("fakepkg_")]:
        del sys.modules[name]


def _write_package(root: Path, name: str, init: str) -> None:
    (root / name / "cli").mkdir(parents=True)
    (root / name / "__init__.py").write_text(init)
    (root / name / "cli" / "__init__.py").write_text(
        "from .info import info\nfrom .other import other\nLOADED = True\n"
    )
    (root / name / "cli" / "info.py").write_text("def info():\n    return 'real info'\n")
    (root / name / "cli" / "other.py").write_text("def other():\n    return 'other'\n")


def test_the_cli_placeholders_are_removed_after_the_import(fake_package: Path) -> None:
    _write_package(fake_package, "fakepkg_a", "from .cli.info import info\n")
    module = import_without_cli("fakepkg_a")
    assert not [name for name in sys.modules if name.startswith("fakepkg_a.cli")]
    assert not hasattr(module, "cli") or getattr(module.cli, "LOADED", False)
    assert module.info() == "real info"  # the deferred function loads the real module
    assert sys.modules["fakepkg_a.cli"].LOADED is True


def test_a_package_needing_more_of_its_cli_is_imported_the_ordinary_way(
    fake_package: Path,
) -> None:
    _write_package(
        fake_package,
        "fakepkg_b",
        "from .cli.info import info\nfrom .cli.other import other\n",
    )
    module = import_without_cli("fakepkg_b")
    assert module.other() == "other"
    assert module.info() == "real info"
    assert sys.modules["fakepkg_b.cli"].LOADED is True
