"""The process as the seeds and BTI.md describe it, as a user meets it: the goals after a "no" to
"met the guardians", level 1 chosen with nobody asked, level 2 "helst mellom to avdelinger/
tjenester" (Løten 004), and the close into an individual plan (a reason and a pointer)."""

from __future__ import annotations

import os
import re
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "walk.toml"
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")

LEVEL0 = """
[l0-concern]
arena = "school"
role = "kontaktlærer"
subject = "child"
age = 9
areas = ["learning"]
[safety]
danger = false
[l0-concrete]
observations = "Strever med lesing."
duration = "weeks"
earlier = false
scale = 3
[l0-share]
shared_colleague = {shared}
shared_leader = {shared}
anonymous_consultation = false
talked_child = {shared}
not_talked_reason = "planned"
not_talked_text = "Kontaktlæreren snakker med barnet neste uke."
child_view = "Vil lese bedre."
talked_guardians = {shared}
guardians_view = "Ønsker hjelp."
[l0-decide]
decision = "level:1"
"""


def run(cli, tmp_path, text: str, *args: str):
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return cli(*args or ("start",), "--data", str(FIXTURE), "--no-input", "--answers", str(path))


def test_level1_with_nobody_asked_says_so(cli, tmp_path):
    alone = run(cli, tmp_path, LEVEL0.format(shared="false"))
    assert "du har ikke drøftet undringen med en kollega, nærmeste leder, barnet eller foresatte" in alone.stdout
    shared = run(cli, tmp_path, LEVEL0.format(shared="true"))
    assert "du har ikke drøftet undringen" not in shared.stdout


def test_one_contact_is_enough_for_no_note(cli, tmp_path):
    text = LEVEL0.format(shared="false").replace("shared_leader = false", "shared_leader = true")
    assert "du har ikke drøftet undringen" not in run(cli, tmp_path, text).stdout


def test_a_no_to_met_the_guardians_asks_for_proposed_goals(cli, tmp_path):
    text = LEVEL0.format(shared="true") + """
[l1-goals]
guardians_met = false
child_involved = true
proposed_goals = "Lese 10 minutter hver dag; møte foresatte neste uke."
"""
    result = run(cli, tmp_path, text)
    assert "Målene dere ble enige om" not in result.stdout
    assert "Målene du foreslår (ikke avtalt med foresatte ennå)" in result.stdout
    yes = run(cli, tmp_path, LEVEL0.format(shared="true") + """
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser bedre."
""")
    assert "Målene dere ble enige om" in yes.stdout and "Målene du foreslår" not in yes.stdout


def test_level2_is_preferably_between_two_services(cli):
    result = cli("data", "process", "--format", "json")
    assert "helst mellom to tjenester" in result.stdout
    from bti_cli.walkthrough.process import default_process

    level2 = default_process().level(2)
    assert "helst mellom to avdelinger eller tjenester" in level2.purpose.nb
    assert "helst mellom to avdelingar eller tenester" in level2.purpose.nn
    assert "preferably between two" in level2.purpose.en


def test_closing_into_an_individual_plan_names_where_the_work_goes_on(cli, tmp_path):
    started = run(cli, tmp_path, LEVEL0.format(shared="true"))
    case = CASE_RE.search(started.stdout).group(0)
    text = """
[close]
closing_reason = "individual-plan"
plan_holder = "koordinator"
closing_note = "Individuell plan er vedtatt; koordinator følger opp."
"""
    result = run(cli, tmp_path, text, "cases", "close", case)
    assert result.exit_code == 0, result.stderr
    assert "Arbeidet fortsetter i den individuelle planen" in result.stdout
    assert f"bti cases show {case} --format md" in result.stdout
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.open(Path(os.environ["BTI_CASES_DIR"]), case)
    close = [e for e in log.events if str(getattr(e.kind, "value", e.kind)) == "close"][-1]
    assert close.value == {"closing_reason": "individual-plan", "plan_holder": "koordinator"}


def test_other_closing_reasons_ask_no_plan_holder(cli, tmp_path):
    """(A level-0 case: no goals were set, so the reason is "the concern is gone".)"""
    started = run(cli, tmp_path, LEVEL0.format(shared="true"))
    case = CASE_RE.search(started.stdout).group(0)
    result = run(cli, tmp_path, '[close]\nclosing_reason = "concern-gone"\nclosing_note = "Ferdig."\n',
                 "cases", "close", case)
    assert result.exit_code == 0, result.stderr
    assert "individuelle planen" not in result.stdout
