"""A case decided to level 2 or 3 without consent is only discussed anonymously, and its baton
stays in the employee's own service (BTI.md: the baton holder is appointed from level 1). A QA
reader saw such a case stored at level 2 with no baton holder at all."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from walk_answers import loten_session, to_decision

CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")


def decided(level: int) -> str:
    return to_decision(arena="school-health", role="helsesykepleier", subject="youth", age="16",
                       areas='["mental-health"]', level=str(level), observations="Mye fravær.")


def anonymous(level: int, holder: str | None) -> str:
    line = f'baton_holder = "{holder}"\n' if holder else ""
    return f"""
[l{level}-consent]
consent = {{ given = false }}
[l{level}-anonymous]
{line}evaluation_date = "today+30"
"""


def run(cli, tmp_path: Path, text: str, *args: str):
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    return cli(*args, "--no-input", "--answers", str(path), "--lang", "en")


def holder(case_id: str) -> str | None:
    from bti_cli.caselog.log import CaseLog
    from bti_cli.caselog.state import summarise
    from bti_cli.walkthrough.process import default_process

    log = CaseLog.open(Path(os.environ["BTI_CASES_DIR"]), case_id)
    return summarise(log.header, log.events, process=default_process()).baton_holder_role


@pytest.mark.parametrize("level", [2, 3])
def test_without_consent_someone_in_the_own_service_holds_the_baton(cli, tmp_path, level):
    # left out of the file: the employee's own role, as given at the start, and said so
    taken = run(cli, tmp_path, decided(level) + anonymous(level, None), "start")
    assert taken.exit_code == 0, taken.stderr
    assert ("No one holds the baton yet. Who follows up the case in your own service meanwhile (often yourself)? > "
            "Helsesykepleier (skolehelsetjenesten)") in taken.stdout
    assert holder(CASE_RE.search(taken.stdout).group(0)) is not None
    done = run(cli, tmp_path, decided(level) + anonymous(level, "helsesykepleier-skolehelsetjenesten"), "start")
    assert done.exit_code == 0, done.stderr
    assert holder(CASE_RE.search(done.stdout).group(0)) == "helsesykepleier-skolehelsetjenesten"
    # the health station is the school nurse's own service too
    assert run(cli, tmp_path, decided(level) + anonymous(level, "ansvarlig-helsesykepleier"), "start").exit_code == 0


@pytest.mark.parametrize("role, service", [("radgiver-ppt", "Pedagogisk-/psykologisk tjeneste i Løten"),
                                           ("kontaktperson-barneverntjenesten", "Barnevern")])
def test_without_consent_another_service_cannot_take_the_baton(cli, tmp_path, role, service):
    result = run(cli, tmp_path, decided(2) + anonymous(2, role), "start")
    assert result.exit_code == 1
    assert (f"Without consent the case stays in your own service, and {service} cannot hold the baton"
            in " ".join(result.stderr.split()))


@pytest.mark.parametrize("level", [2, 3])
def test_without_consent_the_list_offers_the_own_service_only(cases_dir, level):
    from bti_cli.walkthrough import process as engine

    session, proc = loten_session(cases_dir)
    step = proc.required_step(f"l{level}-anonymous")
    answers = {"subject": "youth", "age": 16, "arena": "school-health", "areas": ["mental-health"],
               "role": "helsesykepleier", "consent": {"given": False}}
    spec = session.spec(engine.Ask(step, step.question("baton_holder"), level),
                        engine.Position(level=level, phase="start", answers=answers))
    listed = [c.value for c in (spec.choices if spec.listed is None else spec.choices[:spec.listed])]
    assert listed[0] == "helsesykepleier-skolehelsetjenesten"
    outside = session.baton_uncovered(answers)
    assert [r for r in listed if outside(r) is not None] == []
    assert outside("radgiver-ppt") == "Pedagogisk-/psykologisk tjeneste i Løten"
    assert outside("leder-av-enheten") is None  # the head of the unit is of every service
    # a role of another service typed or found is not numbered, and one line says why
    from bti_cli.walkthrough.prompts import Choice

    offered = [Choice("helsesykepleier-skolehelsetjenesten", "Helsesykepleier"), Choice("radgiver-ppt", "Rådgiver")]
    kept, count, note = session.covered_first(offered, answers, step.id, "baton_holder")
    assert count == 1 and [c.value for c in kept] == ["helsesykepleier-skolehelsetjenesten", "radgiver-ppt"]
    assert note == ("Not in the list, because without consent only a role of your own service can hold the baton: "
                    "Rådgiver (Pedagogisk-/psykologisk tjeneste i Løten).")
    assert "without consent: Pedagogisk-/psykologisk tjeneste i Løten is not your own service" in kept[1].detail
    # with consent the same roles are judged by the consent, not by the own service
    consented = {**answers, "consent": {"given": True, "by": ["youth"], "services": ["ppt"], "until": "2099-01-01"}}
    assert session.baton_uncovered(consented)("radgiver-ppt") is None


def test_a_holder_from_level_1_keeps_the_baton_and_is_not_asked_again(cli, tmp_path):
    start = to_decision(arena="school-health", role="helsesykepleier", subject="youth", age="16",
                        areas='["mental-health"]', level="1", observations="Mye fravær.") + """
[l1-goals]
guardians_met = true
child_involved = true
goals = "Mer til stede."
[l1-plan]
measures = []
baton_holder = "helsesykepleier-skolehelsetjenesten"
evaluation_date = "today+21"
[l1-views]
child_view = "Vil prøve."
guardians_view = "Enige."
"""
    first = run(cli, tmp_path, start, "start")
    assert first.exit_code == 0, first.stderr
    case = CASE_RE.search(first.stdout).group(0)
    evaluation = """
[l1-carry-out]
carried_out = "Samtaler hver uke."
as_planned = true
[l1-evaluate]
child_view = "Litt bedre."
guardians_view = "Ønsker mer hjelp."
assessment = "Trenger flere tjenester."
decision = "level:2"
""" + anonymous(2, None)
    result = run(cli, tmp_path, evaluation, "cases", "evaluate", case)
    assert result.exit_code == 0, result.stderr
    assert holder(case) == "helsesykepleier-skolehelsetjenesten"


def test_an_answers_file_that_stops_half_way_says_how_to_go_on_without_a_second_case(cli, tmp_path):
    # a script that ran `bti start` again after mending its file made a second case
    half = decided(2)  # the consent is not answered
    first = run(cli, tmp_path, half, "start")
    assert first.exit_code == 1
    case = CASE_RE.search(first.stdout).group(0)
    said = " ".join(first.stderr.split())
    assert f"The answers so far are saved in case {case}." in said
    assert f"`bti resume {case} --answers FILE` (bti start again would create a new case)" in said
    # the whole file mended goes on in the same case
    mended = run(cli, tmp_path, decided(2) + anonymous(2, None), "resume", case)
    assert mended.exit_code == 0, mended.stderr
    assert holder(case) is not None
    assert len(list(Path(os.environ["BTI_CASES_DIR"]).glob("BTI-*.toml"))) == 1


def test_a_file_refused_before_any_answer_creates_no_case_and_says_nothing_of_one(cli, tmp_path):
    result = run(cli, tmp_path, '[l0-concern]\nrole = "x"\n[l0-concern]\n', "start")
    assert result.exit_code == 1
    assert "saved in case" not in result.stderr
    assert not list(Path(os.environ["BTI_CASES_DIR"]).glob("BTI-*.toml"))
