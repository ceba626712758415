"""Texts of the walkthrough that must fit the case (issue 11): the level-3 baton reasons cite the
question of the role's own right, and reasons are joined without ".;"."""

from __future__ import annotations

import pytest

SONDRE_LAND_LEVEL3 = """
[l0-concern]
concern_date = "today"
arena = "school"
role = "kontaktlaerer"
subject = "child"
age = 10
areas = ["disability-long-term-needs", "learning"]
[safety]
danger = false
[l0-concrete]
observations = "Strever med lesing og samspill."
child_said = ""
duration = "months"
earlier = true
scale = 3
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
talked_child = true
child_view = "Vil ha hjelp."
talked_guardians = true
guardians_view = "Ønsker hjelp."
[l0-decide]
family_text = ""
decision = "level:3"
[l3-consent]
consent = { given = true, by = ["guardians"], services = ["ppt", "barne-og-familiekoordinator"], until = "today+90" }
[l3-meeting]
first_meeting = "today+7"
goals = "Leser bedre innen jul."
measures = ["ansvarsgrupper"]
[l3-views]
child_view = "Vil prøve."
guardians_view = "Enige."
[l3-coordination]
individual_plan = true
responsibility_group = true
statutory_coordinator = false
child_coordinator = false
"""


def spawn(tmp_path, cases_dir, text: str, *args: str, columns: int = 80):
    import os
    import sys
    from pathlib import Path

    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "xterm", "BTI_PLAIN": "1", "COLUMNS": str(columns), "BTI_CACHE_DIR": str(tmp_path / "cache")})
    answers = tmp_path / "answers.toml"
    answers.write_text(text, encoding="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", *args, "--answers", str(answers)], env=env,
                          encoding="utf-8", timeout=30, dimensions=(50, columns),
                          cwd=str(Path(__file__).resolve().parents[2]))
    return pexpect, child


def test_the_child_coordinator_s_reason_cites_the_child_coordinator_question(tmp_path, cases_dir):
    pexpect, child = spawn(tmp_path, cases_dir, SONDRE_LAND_LEVEL3, "-m", "sondre-land", "--lang", "nn")
    while child.expect_exact(["Kven har stafettpinnen no", "tomt] >"]) == 1:
        child.sendline("")  # an optional question the file leaves out
    child.expect_exact("[nummer eller ei rolle] >")
    screen = " ".join(child.before.replace("\r", "").split())
    child.sendintr()
    child.expect(pexpect.EOF)
    # Søndre Land's "Barne- og familiekoordinator" stands on § 2-5 c first (and § 7-2): the "no"
    # that puts it last is the one to the child coordinator question
    role = screen[screen.index("Barne- og familiekoordinator du svarte"):]
    assert role.startswith("Barne- og familiekoordinator du svarte nei på «Har familien rett til ein "
                           "barnekoordinator?»"), role[:200]
    assert ".;" not in screen  # a catalogue condition ending in a full stop, before "; "


def test_bti_suggest_joins_reasons_without_a_full_stop_before_the_semicolon(cli):
    result = cli("suggest", "-m", "sondre-land", "--level", "3", "--age", "10", "--area",
                 "disability-long-term-needs", "--kind", "coordinator", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "(loven); " in result.stdout or "(loven) |" in result.stdout, result.stdout
    assert ".;" not in result.stdout
