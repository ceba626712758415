"""`bti start` takes the employee's arena and role from the config file instead of asking, an
answers file still wins, and the first run on a terminal says where cases are kept."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = str(ROOT / "tests" / "fixtures" / "walk.toml")

CONCERN = """
[l0-concern]
subject = "child"
age = 9
areas = ["learning"]
"""


def _configure(cli, arena="school", role="kontaktlærer"):
    assert cli("config", "set", "arena", arena).exit_code == 0
    assert cli("config", "set", "role", role).exit_code == 0


def _answers(cases_dir, cli) -> dict:
    """question -> value of the one case in the folder."""
    case_id = next(cases_dir.glob("BTI-*.toml")).stem
    shown = json.loads(cli("cases", "show", case_id, "-f", "json").stdout)
    return {e["question"]: e["value"] for e in shown["events"] if e["kind"] == "answer"}


def test_start_takes_arena_and_role_from_the_config_file(cli, cases_dir, tmp_path):
    _configure(cli)
    answers = tmp_path / "answers.toml"
    answers.write_text(CONCERN, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    # the file ends before the safety question: exit 1, the answers so far are saved
    assert result.exit_code == 1 and "safety.danger" in result.stderr
    recorded = _answers(cases_dir, cli)
    assert recorded["arena"] == "school" and recorded["role"] == "kontaktlærer"
    assert "fra innstillingene dine" in result.stdout and "bti config set arena" in result.stdout
    # the events carry the configured role as their actor
    case_id = next(cases_dir.glob("BTI-*.toml")).stem
    events = json.loads(cli("cases", "show", case_id, "-f", "json").stdout)["events"]
    assert {e["actor_role"] for e in events if e["question"] == "subject"} == {"kontaktlærer"}


def test_interactive_start_does_not_ask_what_the_config_file_says(cli, cases_dir):
    _configure(cli, arena="kindergarten", role="pedagogisk leder")
    # Enter for the concern date, then "Et barn"; the input ends at the age question
    result = cli("start", "--data", FIXTURE, "--lang", "en", input="\n2\n")
    assert result.exit_code == 1
    out = " ".join(result.stdout.split())  # as read, whatever the wrapping
    assert "Where do you work (arena)? > Kindergarten (from your settings" in out
    assert "> pedagogisk leder (from your settings" in out
    # the arena's options were never listed, and the next question came straight after the role
    assert "[health-station]" not in out
    assert out.index("Who is the concern about?") > out.index("pedagogisk leder (from your settings")
    recorded = _answers(cases_dir, cli)
    assert recorded["arena"] == "kindergarten" and recorded["role"] == "pedagogisk leder"


def test_an_answers_file_wins_over_the_config_file(cli, cases_dir, tmp_path):
    _configure(cli)
    answers = tmp_path / "answers.toml"
    answers.write_text(CONCERN.replace("[l0-concern]", '[l0-concern]\narena = "leisure"\nrole = "miljøarbeider"'),
                       encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 1
    recorded = _answers(cases_dir, cli)
    assert recorded["arena"] == "leisure" and recorded["role"] == "miljøarbeider"
    assert "fra innstillingene dine" not in result.stdout


def test_without_a_config_file_the_arena_is_asked(cli, cases_dir, tmp_path):
    answers = tmp_path / "answers.toml"  # everything but the arena
    answers.write_text('[l0-concern]\nsubject = "child"\n', encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 1
    assert "l0-concern.arena" in result.stderr and "fra innstillingene" not in result.stdout


def test_a_configured_role_with_personal_data_never_reaches_a_case(cli, cases_dir, tmp_path):
    # `bti config set role` refuses a person; a config file edited by hand stops `start` before
    # a case is made (the role would go on every event of an append-only log)
    assert cli("config", "set", "role", "lærer 912 34 567").exit_code == 1
    (tmp_path / "config.toml").write_text('role = "lærer 912 34 567"\n', encoding="utf-8")
    answers = tmp_path / "answers.toml"
    answers.write_text(CONCERN, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 1 and "912" not in result.stdout + result.stderr
    assert not list(cases_dir.glob("BTI-*.toml"))


def test_first_run_notice_on_a_real_terminal_then_never_again(cases_dir, tmp_path):
    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "dumb", "COLUMNS": "100", "BTI_CACHE_DIR": str(tmp_path / "cache"), "BTI_LANG": "nn"})

    def first_screen() -> str:
        child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "--data", FIXTURE], env=env,
                              encoding="utf-8", timeout=30, dimensions=(40, 100), cwd=str(ROOT))
        child.expect_exact("Kva dato oppstod undringa?")
        seen = child.before  # everything printed before the first question
        child.expect_exact("> ")
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
        return seen

    assert not cases_dir.exists()
    seen = first_screen()
    assert "Velkomen til bti" in seen and str(cases_dir) in seen.replace("\r\n", "")
    assert seen.index("Velkomen til bti") < seen.index("BTI – rettleiing")
    assert cases_dir.is_dir() and (cases_dir.stat().st_mode & 0o777) == 0o700
    assert "Velkomen til bti" not in first_screen()
