"""Work-context profiles: allow-listed official titles, profile-only rules, profile
suggestions, and errors in profiles.yaml files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from genderlint.api import lint_text
from genderlint.config import Config
from genderlint.engine import Engine, all_rules
from genderlint.errors import RuleError
from genderlint.ruleset.loader import PROFILES
from genderlint.ruleset.profiles import bundled_profiles, load_profiles


def found(text: str, *profiles: str) -> list[tuple[str, str]]:
    config = Config(model="none", profiles=profiles or ("general",))
    return [(f.rule_id, f.match) for f in lint_text(text, config)]


@pytest.mark.parametrize(
    ("text", "profile", "general"),
    [
        ("She was awarded the Marksman Qualification Badge.", "military", ("GL116", "Marksman")),
        ("The rank of Rifleman is held by private soldiers.", "military", ("GL109", "Rifleman")),
        (
            "Soldiers, sailors, airmen and Marines attended the ceremony.",
            "military",
            ("GL106", "airmen"),
        ),
        (
            "The Chairman of the Military Staff Committee spoke first.",
            "peacekeeping",
            ("GL143", "Chairman"),
        ),
        ("Seamen in transit may be issued a visa at the border.", "border", ("GL108", "Seamen")),
        ("The officer checked each seaman's book.", "border", ("GL108", "seaman")),
        (
            "The Legal Ombudsman handles complaints about lawyers.",
            "justice",
            ("GL148", "Ombudsman"),
        ),
        ("The Garda Ombudsman opened an inquiry.", "police", ("GL148", "Ombudsman")),
    ],
)
def test_official_title_is_allowed_only_under_its_profile(
    text: str, profile: str, general: tuple[str, str]
) -> None:
    assert found(text) == [general]
    assert found(text, profile) == []
    assert found(text, "general", profile) == []


def test_allow_entry_is_limited_to_the_rules_it_names() -> None:
    # "rank of Seaman" is allowed for GL108 only; the same sentence keeps its policeman
    text = "The policeman held the rank of Seaman before he joined."
    assert found(text) == [("GL100", "policeman"), ("GL108", "Seaman")]
    assert found(text, "military") == [("GL100", "policeman")]


@pytest.mark.parametrize(
    ("text", "profiles", "expected"),
    [
        ("The customs men searched the lorry.", ("border",), [("GL187", "customs men")]),
        ("The officers and men paraded at dawn.", ("military",), [("GL260", "officers and men")]),
        ("Striking a brother officer is an offence.", ("police",), [("GL261", "brother officer")]),
        (
            "Striking a brother officer is an offence.",
            ("military",),
            [("GL261", "brother officer")],
        ),
        ("The matron searched the detainee.", ("justice",), [("GL429", "matron")]),
        ("Former bush wives joined the programme.", ("peacekeeping",), [("GL629", "bush wives")]),
        ("The convoy carried child soldiers.", ("peacekeeping",), [("GL816", "child soldiers")]),
    ],
)
def test_profile_rule_is_active_only_under_its_profile(
    text: str, profiles: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    assert found(text) == []
    assert found(text, "recruitment") == []
    assert found(text, *profiles) == expected


@pytest.mark.parametrize(
    ("text", "profiles", "suggestions"),
    [
        ("The spokesman confirmed it.", ("general",), ("spokesperson", "representative")),
        ("The spokesman confirmed it.", ("police",), ("spokesperson", "press officer")),
        ("The spokesman confirmed it.", ("military",), ("spokesperson", "public affairs officer")),
        # the first selected profile with its own suggestions wins
        ("The spokesman confirmed it.", ("police", "military"), ("spokesperson", "press officer")),
        ("Two marksmen covered the door.", ("police",), ("firearms officers", "sharpshooters")),
        ("Two marksmen covered the door.", ("general",), ("sharpshooters", "precision shooters")),
        ("The Patrolman stopped the van.", ("border",), ("Patrol officer", "Border patrol agent")),
        ("The matron searched her.", ("police",), ("custody officer", "detention officer")),
        ("The matron searched her.", ("justice",), ("prison officer", "custody officer")),
    ],
)
def test_profile_suggestions(text: str, profiles: tuple[str, ...], suggestions: tuple) -> None:
    findings = lint_text(text, Config(model="none", profiles=profiles))
    assert [f.suggestions for f in findings] == [suggestions]


def test_bundled_profiles_describe_every_profile() -> None:
    profiles = bundled_profiles()
    assert list(profiles) == list(PROFILES)
    assert all(p.description for p in profiles.values())


def test_every_bundled_allow_entry_guards_a_real_finding() -> None:
    ids = {r.id for r in all_rules()}
    for name, profile in bundled_profiles().items():
        for entry in profile.allow:
            assert set(entry.rules) <= ids, entry
            assert entry.reason, entry
            # flagged without the profile, by a rule the entry names; not with it
            plain = {rid for rid, _ in found(entry.phrase)}
            assert plain & set(entry.rules), entry
            assert not {rid for rid, _ in found(entry.phrase, name)} & set(entry.rules), entry


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("- police\n", 1, "a profiles file must map profile names to settings"),
        ("navy:\n  description: x\n", 1, "unknown profile 'navy'"),
        ("police: [a]\n", 1, "profile police: must be a mapping"),
        ("police:\n  description: x\n  allowed: []\n", 3, "profile police: unknown key 'allowed'"),
        ("police:\n  allow: {phrase: x}\n", 2, "profile police: allow must be a list"),
        (
            "police:\n  allow:\n    - Police Federation\n",
            3,
            "profile police: allow: each entry is a mapping with phrase and reason",
        ),
        (
            "police:\n  allow:\n    - phrase: Police Federation\n",
            3,
            "profile police: allow: reason must be a non-empty string",
        ),
        (
            "police:\n  allow:\n    - phrase: A\n      reason: b\n      rules: [policeman]\n",
            5,
            "profile police: allow: rules must be a list of rule IDs",
        ),
        (
            "police:\n  allow:\n    - phrase: A\n      reason: b\n      why: c\n",
            5,
            "profile police: allow: unknown key 'why'",
        ),
        ("police:\n  allow: [\n", 3, "invalid YAML"),
    ],
)
def test_malformed_profiles_file(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = tmp_path / "profiles.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_profiles(path)
    assert str(err.value).startswith(f"{path}:{line}: {problem}")


def test_the_builtin_file_must_be_complete(tmp_path: Path) -> None:
    path = tmp_path / "profiles.yaml"
    path.write_text("general:\n  description: Everyday writing.\n", encoding="utf-8")
    assert list(load_profiles(path)) == ["general"]
    with pytest.raises(RuleError, match=r"profiles.yaml:1: profile 'police' is not described"):
        load_profiles(path, complete=True)


def team_folder(tmp_path: Path, profiles: str) -> Path:
    folder = tmp_path / "team-rules"
    folder.mkdir()
    (folder / "profiles.yaml").write_text(profiles, encoding="utf-8")
    return folder


def test_team_profiles_file_adds_allow_entries(tmp_path: Path) -> None:
    folder = team_folder(
        tmp_path,
        "justice:\n  allow:\n    - phrase: foreman of the jury\n"
        "      reason: our court rules say so\n      rules: [GL145]\n",
    )
    text = "The foreman of the jury reads the verdict."
    for profiles, expected in (
        (("general",), [("GL145", "foreman")]),
        (("justice",), []),
    ):
        config = Config(model="none", profiles=profiles, rules=(folder,))
        assert [(f.rule_id, f.match) for f in lint_text(text, config)] == expected


def test_unknown_rule_in_a_team_allow_entry_is_an_error(tmp_path: Path) -> None:
    folder = team_folder(
        tmp_path, "police:\n  allow:\n    - phrase: A\n      reason: b\n      rules: [GL999]\n"
    )
    with pytest.raises(RuleError) as err:
        Engine(Config(model="none", profiles=("police",), rules=(folder,)))
    assert str(err.value) == f"{folder / 'profiles.yaml'}:3: allow 'A': unknown rule ID 'GL999'"


def test_cli_reports_a_malformed_team_profiles_file_with_exit_2(tmp_path: Path) -> None:
    team_folder(tmp_path, "police:\n  description: Ours.\n  allow:\n    - phrase: x\n")
    (tmp_path / ".genderlint.yaml").write_text(
        "rules: [team-rules]\nprofile: [police]\nmodel: none\n", encoding="utf-8"
    )
    (tmp_path / "a.md").write_text("The policeman left.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "genderlint", "check", "a.md"],
        cwd=tmp_path,
        text=True,
        capture_output=True,
        timeout=120,
        encoding="utf-8",
    )
    assert result.returncode == 2
    where = tmp_path / "team-rules" / "profiles.yaml"
    assert result.stderr.strip() == (
        f"genderlint: error: {where}:4: profile police: allow: reason must be a non-empty string"
    )
