"""The CLI as users run it: a real process, real files, exact output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RULES = Path(__file__).parent / "data" / "rules" / "test-rules.yaml"


def run(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "genderlint", *args],
        cwd=cwd,
        input=stdin,
        text=True,
        capture_output=True,
        timeout=120,
        encoding="utf-8",
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".genderlint.yaml").write_text(
        f"rules: [{RULES.as_posix()}]\nselect: [TST]\nmodel: none\n", encoding="utf-8"
    )
    return tmp_path


def test_text_output_and_exit_code(project: Path) -> None:
    (project / "a.md").write_text("# Title\n\nThe testman and the Testmen.\n", encoding="utf-8")
    result = run(["check", "a.md"], project)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "a.md:3:5: TST001 [warning] 'testman' presumes a man (suggest: test officer)",
        "a.md:3:21: TST001 [warning] 'Testmen' presumes a man (suggest: Test officers)",
        "Found 2 findings (0 errors, 2 warnings, 0 info) in 1 file.",
    ]


def test_clean_file_exits_zero(project: Path) -> None:
    (project / "a.md").write_text("The test officer left.\n", encoding="utf-8")
    result = run(["check", "a.md"], project)
    assert (result.returncode, result.stdout.strip()) == (0, "No findings in 1 file.")


@pytest.mark.parametrize(("fail_on", "code"), [("info", 1), ("warning", 0), ("never", 0)])
def test_fail_on(project: Path, fail_on: str, code: int) -> None:
    (project / "a.txt").write_text("A fooey phrase.\n", encoding="utf-8")
    assert run(["check", "--fail-on", fail_on, "a.txt"], project).returncode == code


def test_binary_file_is_an_error_and_others_are_checked(project: Path) -> None:
    (project / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (project / "good.md").write_text("The testman.\n", encoding="utf-8")
    result = run(["check", "--format", "json", "."], project)
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["findings"]] == ["good.md"]
    assert data["errors"] == [{"path": "bad.txt", "message": "bad.txt: binary file, not text"}]
    assert "Traceback" not in result.stderr


def test_malformed_rule_file_is_one_line_exit_2(project: Path) -> None:
    broken = project / "team.yaml"
    broken.write_text("- id: TST9\n  name: x\n  severity: loud\n", encoding="utf-8")
    (project / ".genderlint.yaml").write_text("rules: [team.yaml]\n", encoding="utf-8")
    (project / "a.md").write_text("Text.\n", encoding="utf-8")
    result = run(["check", "a.md"], project)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"genderlint: error: {broken}:1: rule TST9: missing required key 'category'"
    ]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("selekt: [GL1]\n", ".genderlint.yaml:1: selekt: unknown key"),
        (
            "ignore: [GL999]\n",
            ".genderlint.yaml:1: ignore: unknown rule ID, prefix or category 'GL999'",
        ),
        ("fail-on: sometimes\n", ".genderlint.yaml:1: fail-on: unknown level 'sometimes'"),
        ("select: [ALL]\nprofile: navy\n", ".genderlint.yaml:2: profile: unknown profile 'navy'"),
    ],
)
def test_config_errors(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / ".genderlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    result = run(["check", "a.md"], tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.genderlint]\nrules = ["{RULES.as_posix()}"]\nselect = ["TST001"]\nmodel = "none"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text("A testman and a fooey phrase.\n", encoding="utf-8")
    result = run(["check", "--format", "json", "a.md"], tmp_path)
    assert [f["rule_id"] for f in json.loads(result.stdout)["findings"]] == ["TST001"]


def test_cli_select_ignore_and_exclude(project: Path) -> None:
    (project / "a.md").write_text("A testman and a fooey phrase.\n", encoding="utf-8")
    (project / "skip").mkdir()
    (project / "skip" / "b.md").write_text("A testman.\n", encoding="utf-8")
    (project / ".genderlint.yaml").write_text(
        f"rules: [{RULES.as_posix()}]\nselect: [TST]\nmodel: none\nexclude: ['skip/**']\n",
        encoding="utf-8",
    )
    result = run(["check", "--format", "json", "--ignore", "job-title", "."], project)
    data = json.loads(result.stdout)
    assert [(f["path"], f["rule_id"]) for f in data["findings"]] == [("a.md", "TST002")]
    assert data["summary"]["files_checked"] == 1


def test_stdin_with_markdown_name(project: Path) -> None:
    result = run(["check", "--stdin-filename", "x.md", "-"], project, stdin="`testman` testman\n")
    assert result.stdout.splitlines()[0] == (
        "x.md:1:11: TST001 [warning] 'testman' presumes a man (suggest: test officer)"
    )


def test_explain_and_rules(project: Path) -> None:
    explained = run(["explain", "TST001"], project)
    assert explained.returncode == 0
    assert "✗ The testman left." in explained.stdout
    assert "testmen" in explained.stdout  # generated forms are shown
    listed = run(["rules", "--select", "TST"], project)
    assert listed.stdout.splitlines()[0].split() == [
        "TST001",
        "test-policeman",
        "job-title",
        "warning",
    ]
    unknown = run(["explain", "NOPE1"], project)
    assert unknown.returncode == 2 and "unknown rule 'NOPE1'" in unknown.stderr


def test_usage_error_exits_2(project: Path) -> None:
    result = run(["check", "--format", "yaml", "."], project)
    assert result.returncode == 2


def test_missing_path_is_an_error(project: Path) -> None:
    result = run(["check", "nope.md"], project)
    assert result.returncode == 2
    assert "nope.md" in result.stdout + result.stderr


def test_explain_context_shows_kept_and_dropped(tmp_path: Path) -> None:
    (tmp_path / ".genderlint.yaml").write_text("model: none\n", encoding="utf-8")
    text = (
        "Each officer must ensure that he reports it. Officer Daniel Ortiz said he reported it.\n"
    )
    result = run(["check", "--explain-context", "--format", "json", "-"], tmp_path, stdin=text)
    data = json.loads(result.stdout)
    assert [(f["match"], f["context"]) for f in data["findings"]] == [
        ("he reports", "kept: antecedent 'each officer' is a role of any gender")
    ]
    assert [(f["match"], f["context"]) for f in data["dropped"]] == [
        ("he", "dropped: antecedent 'Daniel' is a named person")
    ]
    plain = run(["check", "-"], tmp_path, stdin=text)
    assert "context:" not in plain.stdout and "Dropped" not in plain.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("paths", [["c.md", "b.txt", "a.md"], ["c.md", "b.txt", "a.md", "c.md"]])
def test_report_lists_files_by_path_whatever_the_order_checked(
    project: Path, jobs: str, paths: list[str]
) -> None:
    for name in ("c.md", "a.md", "b.txt"):
        (project / name).write_text("A testman.\n\nTwo Testmen and a testman.\n", encoding="utf-8")
    result = run(["check", "--jobs", jobs, "--format", "json", *paths], project)
    assert result.returncode == 1, result.stderr
    found = [(f["path"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert found == sorted(found)
    assert [path for path, _, _ in found] == sorted(3 * paths)  # a file named twice: twice
