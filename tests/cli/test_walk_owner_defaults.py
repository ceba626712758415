"""Who does what, as the walkthrough proposes it (issue 11, read by a fresh-eyes reader): the
default owner of a measure is the service that runs it, stored by the service's id and shown by its
name; the baton holder owns only the measures of the holder's own service. The owner is never shown
as a raw id (a level-1 role holding the baton at level 3), and a case file that stores a role id
still reads by the role's name. The help cites Løten's BTI guide by its title, not a seed number."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from walk_answers import CASE_RE, to_decision

ROOT = Path(__file__).resolve().parents[2]


def evaluation() -> str:
    """The evaluation date the answers give ("today+42"), as of now (a run may pass midnight)."""
    return (date.today() + timedelta(days=42)).isoformat()


LEVEL0 = to_decision(arena="{arena}", role="{role}", subject="child", age="{age}", areas="{areas}",
                     level="{level}", observations="Strever i hverdagen.")

LEVEL2 = """
[l2-consent]
consent = {{ given = true, by = ["guardians"], services = {services}, until = "today+180" }}
[l2-meeting]
first_meeting = "today+7"
goals = "Tryggere hverdag."
measures = {measures}
baton_holder = "{holder}"
evaluation_date = "today+42"
{owners}
family_text = ""
meeting_arena = ""
[l2-views]
child_view = "Vil prøve."
guardians_view = "Støtter planen."
"""

LEVEL3 = """
[l3-consent]
consent = {{ given = true, by = ["guardians"], services = {services}, until = "today+180" }}
[l3-meeting]
first_meeting = "today+7"
goals = "Tryggere hverdag."
measures = {measures}
family_text = ""
meeting_arena = ""
[l3-views]
child_view = "Vil prøve."
guardians_view = "Støtter planen."
[l3-coordination]
individual_plan = false
responsibility_group = false
statutory_coordinator = false
child_coordinator = false
[l3-baton-now]
baton_holder = "{holder}"
[l3-baton]
handover = false
evaluation_date = "today+42"
{owners}
"""

# Løten, level 3: the contact teacher keeps the baton; NAV's social assistance is NAV's, the
# school's own close cooperation with the parents is the teacher's
LOTEN = dict(municipality="loten", arena="school", role="kontaktlaerer", age=10,
             areas='["low-income-housing", "learning"]', level=3, services='["nav", "ppt"]',
             measures='["okonomisk-sosialhjelp", "tett-samarbeid-skole-foresatte"]', holder="kontaktlaerer")
# Elverum, level 3: the health nurse (Forebyggende enhet) keeps the baton; Miljøterapi is her own
# service's measure, so she owns it: shown by the role's name, never "helsesykepleier"
ELVERUM = dict(municipality="elverum", arena="health-station", role="helsesykepleier", age=10,
               areas='["behaviour"]', level=3, services='["barneverntjenesten"]', measures='["miljoterapi"]',
               holder="helsesykepleier")
# Søndre Land, level 2: the kindergarten teacher holds the baton; Familiebasen is the health
# station's measure (the kindergarten only takes part): the health station owns it
SONDRE_LAND = dict(municipality="sondre-land", arena="kindergarten", role="pedagogisk-leder", age=3,
                   areas='["parenting-interaction"]', level=2, services='["helsestasjonstjenester"]',
                   measures='["familiebasen"]', holder="pedagogisk-leder")


def answers_text(case: dict, owners: str = "") -> str:
    tail = LEVEL3 if case["level"] == 3 else LEVEL2
    return LEVEL0.format(**case) + tail.format(**case, owners=owners)


def walk(cli, tmp_path: Path, case: dict, *args: str, owners: str = ""):
    answers = tmp_path / "a.toml"
    answers.write_text(answers_text(case, owners), encoding="utf-8")
    result = cli("start", "-m", case["municipality"], *args, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    found = CASE_RE.search(result.stdout + result.stderr)
    assert found
    return " ".join(result.stdout.split()), found.group(0)


def owners(cli, case_id: str, municipality: str) -> dict[str, str]:
    result = cli("cases", "show", case_id, "-m", municipality, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return {o["id"]: o["owner"] for o in json.loads(result.stdout)["summary"]["measure_owners"]}


@pytest.mark.parametrize("lang, nav, teacher", [
    ("nb", "Økonomisk sosialhjelp: NAV, ", "Tett samarbeid skole-foresatte: Kontaktlærer, "),
    ("nn", "Økonomisk sosialhjelp: NAV, ", "Tett samarbeid skole-foresatte: Kontaktlærer, "),
    ("en", "Økonomisk sosialhjelp: NAV, ", "Tett samarbeid skole-foresatte: Kontaktlærer, "),
])
def test_loten_a_nav_measure_is_owned_by_nav_and_the_school_s_by_the_teacher(cli, cases_dir, tmp_path, lang, nav,
                                                                              teacher):
    out, case = walk(cli, tmp_path, LOTEN, "--lang", lang)
    # before: "Økonomisk sosialhjelp: kontaktlaerer, 2027-01-12"
    assert nav + evaluation() in out
    assert teacher + evaluation() in out
    assert ": kontaktlaerer" not in out
    # stored: the service's id (a stable value naming the service), the teacher's role id
    assert owners(cli, case, "loten") == {"okonomisk-sosialhjelp": "nav",
                                          "tett-samarbeid-skole-foresatte": "kontaktlaerer"}


def test_elverum_the_holder_s_own_service_measure_shows_the_role_s_name(cli, cases_dir, tmp_path):
    out, case = walk(cli, tmp_path, ELVERUM, "--lang", "en")
    # before: "Miljøterapi: helsesykepleier" (the id of a level-1 role, not offered at level 3)
    assert f"Miljøterapi: Helsesykepleier, {evaluation()}" in out
    assert owners(cli, case, "elverum") == {"miljoterapi": "helsesykepleier"}


def test_sondre_land_a_health_station_measure_is_the_health_station_s(cli, cases_dir, tmp_path):
    out, case = walk(cli, tmp_path, SONDRE_LAND)
    # before: "Familiebasen: Pedagogisk leder" (the kindergarten only takes part in it)
    assert f"Familiebasen: Helsestasjonstjenester, {evaluation()}" in out
    assert owners(cli, case, "sondre-land") == {"familiebasen": "helsestasjonstjenester"}


def test_an_owner_given_in_the_answers_file_wins_and_an_old_role_id_reads_by_name(cli, cases_dir, tmp_path):
    """A case file that stores a role id (as every case did before) still shows the role's name."""
    given = 'measure_owners = { okonomisk-sosialhjelp = { owner = "kontaktlaerer", date = "today+42" } }'
    out, case = walk(cli, tmp_path, LOTEN, owners=given)
    assert f"Økonomisk sosialhjelp: Kontaktlærer, {evaluation()}" in out
    assert owners(cli, case, "loten")["okonomisk-sosialhjelp"] == "kontaktlaerer"
    shown = cli("cases", "show", case, "-m", "loten", "--format", "md")
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "Kontaktlærer" in text and "kontaktlaerer" not in text


def test_the_help_at_a_terminal_cites_loten_s_guide_and_the_new_default(cases_dir, tmp_path):
    pexpect = pytest.importorskip("pexpect")
    answers = tmp_path / "a.toml"
    # no measure_owners: the terminal asks it
    answers.write_text(answers_text(LOTEN), encoding="utf-8")
    env = dict(os.environ, BTI_CASES_DIR=str(cases_dir), BTI_CONFIG=str(tmp_path / "config.toml"), NO_COLOR="1",
               TERM="dumb", COLUMNS="200", BTI_CACHE_DIR=str(tmp_path / "cache"))
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "-m", "loten", "--answers", str(answers)],
                          env=env, encoding="utf-8", timeout=30, dimensions=(60, 200), cwd=str(ROOT))
    child.expect_exact("Hvem gjør hva")
    child.expect_exact("> ")
    screen = " ".join(child.before.split())
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "BTI-veilederen i Løten: «det er tydelig hvem som gjør hva»" in screen
    assert "004" not in screen and "plan 00" not in screen
    assert "Standard er tjenesten som har tiltaket" in screen
    assert f"Økonomisk sosialhjelp: NAV, {evaluation()}" in screen
