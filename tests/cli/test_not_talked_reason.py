"""Level 0 and 1: when the child has not been talked with (or has not taken part in the goals), the
walkthrough asks why — too young, safety (suspected violence or abuse: straight to the safety
gate), not yet (planned) or other, with a text — never silently empty."""

from __future__ import annotations

import json
from pathlib import Path

from walk_answers import CASE_RE, FIXTURE, level0

LEVEL0 = level0(subject="{subject}", age_line="{age}", child_lines="talked_child = {talked}\n{reason}") + """[l0-decide]
decision = "close"
[close]
closing_reason = "concern-gone"
closing_note = "Ingen videre bekymring."
"""


def run(cli, tmp_path: Path, *, talked: str = "false", reason: str = "", subject: str = "child",
        age: str = "age = 9"):
    path = tmp_path / "a.toml"
    path.write_text(LEVEL0.format(talked=talked, reason=reason, subject=subject, age=age), encoding="utf-8")
    return cli("start", "--data", FIXTURE, "--no-input", "--answers", str(path))


def answers_of(cli, result) -> dict:
    case = CASE_RE.search(result.stdout + result.stderr).group(0)
    events = json.loads(cli("cases", "show", case, "--format", "json").stdout)["events"]
    return {e["question"]: e["value"] for e in events if e["kind"] == "answer"}


def test_a_no_asks_why(cli, cases_dir, tmp_path):
    missing = run(cli, tmp_path)
    assert missing.exit_code == 1 and "l0-share.not_talked_reason" in missing.stderr  # never silently empty
    ok = run(cli, tmp_path, reason='not_talked_reason = "too-young"')
    assert ok.exit_code == 0, ok.stderr
    assert answers_of(cli, ok)["not_talked_reason"] == "too-young"
    assert "Hvorfor har ingen snakket med barnet?" in ok.stdout


def test_planned_or_other_needs_a_text(cli, cases_dir, tmp_path):
    for choice in ("planned", "other"):
        missing = run(cli, tmp_path, reason=f'not_talked_reason = "{choice}"')
        assert missing.exit_code == 1 and "l0-share.not_talked_text" in missing.stderr
    ok = run(cli, tmp_path, reason='not_talked_reason = "other"\nnot_talked_text = "Barnet var syk denne uka."')
    assert ok.exit_code == 0, ok.stderr
    assert answers_of(cli, ok)["not_talked_text"] == "Barnet var syk denne uka."


def test_safety_goes_straight_to_the_gate(cli, cases_dir, tmp_path):
    result = run(cli, tmp_path, reason='not_talked_reason = "safety"')
    assert result.exit_code == 1 and "notify.barnevern_informed" in result.stderr  # the gate asks next
    assert "Har du snakket med foresatte?" not in result.stdout  # do not inform the guardians first
    case = CASE_RE.search(result.stdout + result.stderr).group(0)
    s = json.loads(cli("cases", "show", case, "--format", "json").stdout)["summary"]
    assert s["notification_pending"] is True and s["status"] == "open"


def test_a_yes_or_a_pregnancy_asks_nothing_more(cli, cases_dir, tmp_path):
    yes = run(cli, tmp_path, talked="true", reason='child_view = "Vil lese bedre."')
    assert yes.exit_code == 0, yes.stderr
    assert "not_talked_reason" not in answers_of(cli, yes)
    pregnant = run(cli, tmp_path, talked="false", subject="pregnant", age="")
    assert pregnant.exit_code == 0, pregnant.stderr
    assert "not_talked_reason" not in answers_of(cli, pregnant)


def test_level1_child_not_in_the_goals_asks_why(cli, cases_dir, tmp_path):
    text = LEVEL0.format(talked="true", reason='child_view = "Vil lese bedre."', subject="child", age="age = 9")
    text = text.replace('decision = "close"', 'decision = "level:1"') + """
[l1-goals]
guardians_met = true
child_involved = false
goals = "Leser bedre innen jul."
"""
    path = tmp_path / "l1.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(path))
    assert result.exit_code == 1 and "l1-goals.not_talked_reason" in result.stderr
    path.write_text(text.replace("child_involved = false", 'child_involved = false\nnot_talked_reason = "too-young"'),
                    encoding="utf-8")
    result = cli("resume", CASE_RE.search(result.stdout + result.stderr).group(0), "--data", FIXTURE,
                 "--no-input", "--answers", str(path))
    assert "l1-goals.not_talked_reason" not in result.stderr


def test_the_level0_reason_is_not_asked_again_when_the_child_took_part_at_level1(cli, cases_dir, tmp_path):
    text = LEVEL0.format(talked="false", reason='not_talked_reason = "other"\nnot_talked_text = "Syk."',
                         subject="child", age="age = 9").replace('decision = "close"', 'decision = "level:1"')
    text += '\n[l1-goals]\nguardians_met = true\nchild_involved = true\ngoals = "Leser bedre."\n'
    path = tmp_path / "l1.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(path))
    assert "l1-goals.not_talked" not in result.stderr and "l1-plan" in result.stderr
