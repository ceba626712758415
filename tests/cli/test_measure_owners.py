"""Who does what (Løten's BTI guide: "det er tydelig hvem som gjør hva"): each chosen measure gets a
responsible role and a date, stored in the log, shown in `cases show` by name and due in `bti due`
(the day before, on and after that date)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from walk_answers import CASE_RE, FIXTURE, LEVEL0_SHARED

TODAY = date.today()

LEVEL1 = LEVEL0_SHARED + """[l0-decide]
decision = "level:1"
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser bedre innen jul."
[l1-plan]
measures = ["lesekurs", "leksehjelp"]
baton_holder = "kontaktlaerer"
evaluation_date = "today+30"
{owners}
[l1-views]
child_view = "Vil øve."
guardians_view = "Enige."
"""


def start(cli, tmp_path: Path, owners: str = "") -> tuple[object, str | None]:
    answers = tmp_path / "a.toml"
    answers.write_text(LEVEL1.format(owners=owners), encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    found = CASE_RE.search(result.stdout + result.stderr)
    return result, found.group(0) if found else None


def summary(cli, case: str) -> dict:
    result = cli("cases", "show", case, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["summary"]


def due(cli, as_of: date, within: int = 0) -> list[dict]:
    result = cli("due", "--format", "json", "--as-of", as_of.isoformat(),
                 "--within", str(within))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_defaults_are_the_baton_holder_and_the_evaluation_date(cli, cases_dir, tmp_path):
    result, case = start(cli, tmp_path)
    assert result.exit_code == 0, result.stderr
    evaluation = (TODAY + timedelta(days=30)).isoformat()
    owners = summary(cli, case)["measure_owners"]
    assert owners == [
        {"id": "lesekurs", "owner": "kontaktlaerer", "date": evaluation, "due": True},
        {"id": "leksehjelp", "owner": "kontaktlaerer", "date": evaluation, "due": True},
    ]
    # a scripted walk says what it took
    assert "Hvem gjør hva" in result.stdout and "Intensivt lesekurs: Kontaktlærer" in result.stdout


def test_an_owner_and_a_date_per_measure_from_the_answers_file(cli, cases_dir, tmp_path):
    owners = 'measure_owners = { lesekurs = { owner = "helsestasjon", date = "today+10" } }'
    result, case = start(cli, tmp_path, owners)
    assert result.exit_code == 0, result.stderr
    s = summary(cli, case)
    by_id = {o["id"]: o for o in s["measure_owners"]}
    assert by_id["lesekurs"]["owner"] == "helsestasjon"
    assert by_id["lesekurs"]["date"] == (TODAY + timedelta(days=10)).isoformat()
    assert by_id["leksehjelp"]["owner"] == "kontaktlaerer"  # left out: the default


def test_names_in_show_and_due(cli, cases_dir, tmp_path):
    """A shipped municipality's names: the measure's and the owner's (a service here, a role there)."""
    example = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level1.toml"
    text = example.read_text(encoding="utf-8").replace(
        'evaluation_date = "today+42"',
        'evaluation_date = "today+42"\nmeasure_owners = { kartlegging-og-identifisering-barneskole = '
        '{ owner = "ppt", date = "today+7" } }')
    assert "measure_owners" in text
    answers = tmp_path / "loten.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    shown = cli("cases", "show", case, "--format", "md")
    assert shown.exit_code == 0, shown.stderr
    assert "| Hvem gjør hva | Kartlegging og identifisering: Pedagogisk-/psykologisk tjeneste i Løten" in shown.stdout
    assert "Foreldresamarbeid: Kontaktlærer" in shown.stdout
    table = cli("due", "--format", "md", "--within", "7")
    ppt = "Pedagogisk-/psykologisk tjeneste i Løten"
    assert f"tiltak «Kartlegging og identifisering» (ansvarlig: {ppt})" in table.stdout


@pytest.mark.parametrize("offset, listed, overdue", [(-1, False, False), (0, True, False), (1, True, True)])
def test_a_measure_is_due_on_its_date(cli, cases_dir, tmp_path, offset, listed, overdue):
    owners = 'measure_owners = { lesekurs = { owner = "helsestasjon", date = "today+10" } }'
    result, _ = start(cli, tmp_path, owners)
    assert result.exit_code == 0, result.stderr
    day = TODAY + timedelta(days=10 + offset)
    items = [i for i in due(cli, day) if i["what"] == "measure"]
    if not listed:
        assert items == []
        return
    assert [(i["measure"], i["owner"], i["days_left"], i["overdue"]) for i in items] == [
        ("lesekurs", "helsestasjon", -offset, overdue)]
    table = cli("due", "--format", "md", "--as-of", day.isoformat(), "--within", "0")
    assert "tiltak «Lesekurs» (ansvarlig: Helsestasjon)" in table.stdout  # (names: test_names_in_show_and_due)


def test_a_measure_date_is_the_next_due_date_in_cases_list(cli, cases_dir, tmp_path):
    owners = 'measure_owners = { lesekurs = { owner = "helsestasjon", date = "today+10" } }'
    start(cli, tmp_path, owners)
    rows = json.loads(cli("cases", "list", "--format", "json").stdout)
    assert rows[0]["next_due"] == (TODAY + timedelta(days=10)).isoformat()


def test_an_owner_is_a_role_never_a_person(cli, cases_dir, tmp_path):
    owners = 'measure_owners = { lesekurs = { owner = "Kari Nordmann", date = "today+10" } }'
    result, _ = start(cli, tmp_path, owners)
    assert result.exit_code == 1
    assert "Kari" not in result.stderr and "Nordmann" not in result.stderr
    assert "rolle eller tjeneste" in result.stderr and "l1-plan.measure_owners" in result.stderr
    # a role typed (not in the catalogue) is kept as typed
    ok, case = start(cli, tmp_path, 'measure_owners = { lesekurs = { owner = "spesialpedagog" } }')
    assert ok.exit_code == 0, ok.stderr
    assert summary(cli, case)["measure_owners"][0]["owner"] == "spesialpedagog"


def test_a_measure_not_chosen_is_refused(cli, cases_dir, tmp_path):
    result, _ = start(cli, tmp_path, 'measure_owners = { vennegruppe = { owner = "leder" } }')
    assert result.exit_code == 1
    assert "(valgt: lesekurs, leksehjelp)" in result.stderr  # a key like a word is not repeated


def test_the_evaluation_meeting_ends_the_measures_deadlines(cli, cases_dir, tmp_path):
    owners = 'measure_owners = { lesekurs = { owner = "helsestasjon", date = "today+10" } }'
    _, case = start(cli, tmp_path, owners)
    evaluation = tmp_path / "e.toml"
    evaluation.write_text(
        '[l1-carry-out]\ncarried_out = "Lesekurs."\nas_planned = true\n'
        '[l1-evaluate]\nmeeting_date = "today"\nchild_view = "Bra."\nguardians_view = "Bra."\n'
        'assessment = "Bedre."\ndecision = "close"\n'
        '[close]\nclosing_reason = "goal-reached"\nclosing_note = "Målet er nådd."\n', encoding="utf-8")
    result = cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input", "--answers", str(evaluation))
    assert result.exit_code == 0, result.stderr
    assert [o["due"] for o in summary(cli, case)["measure_owners"]] == [False, False]
    assert due(cli, TODAY + timedelta(days=10)) == []


def test_interactive_enter_keeps_the_defaults_and_a_number_changes_one(cli, cases_dir):
    lines = [
        "", "school", "kontaktlærer", "child", "8", "learning", "n",
        "Strever med lesing i timene.", "", "weeks", "n", "3",
        "j", "j", "n", "j", "Synes lesing er vanskelig.", "j", "Ønsker hjelp.",
        "",  # a text for the family: none
        "level:1", "j", "j", "Leser bedre innen jul.",
        "lesekurs, leksehjelp", "kontaktlaerer", "",  # measures, baton holder, evaluation date
        "2", "spesialpedagog", "+5",  # who does what: the second measure's owner and date
        "",  # Enter: these are right
        "",  # a text for the family: none
        "Vil øve.", "Enige.",
    ]
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Enter for å godta dem slik" in result.stdout and "[1–2, Enter: godta]" in result.stdout
    case = CASE_RE.search(result.stdout).group(0)
    by_id = {o["id"]: o for o in summary(cli, case)["measure_owners"]}
    assert by_id["lesekurs"]["owner"] == "kontaktlaerer"
    assert by_id["leksehjelp"] == {"id": "leksehjelp", "owner": "spesialpedagog",
                                   "date": (TODAY + timedelta(days=5)).isoformat(), "due": True}


def test_no_measures_no_owner_question(cli, cases_dir, tmp_path):
    answers = tmp_path / "a.toml"
    answers.write_text(LEVEL1.format(owners="").replace('measures = ["lesekurs", "leksehjelp"]', "measures = []"),
                       encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "Hvem gjør hva" not in result.stdout
