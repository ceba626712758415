"""`bti cases evaluate|handover|accept|close`: the work after the first session."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from walk_answers import CASE_RE, FIXTURE, level0

NOT_TALKED = (
    'talked_child = false\nnot_talked_reason = "other"\n'
    'not_talked_text = "Barnet var sykt; kontaktlæreren snakker med barnet neste uke."'
)

START = level0(child_lines=NOT_TALKED) + """[l0-decide]
decision = "level:1"
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser bedre."
[l1-views]
child_view = "Ikke spurt, fordi barnet var syk; kontaktlærer snakker med barnet neste uke."
guardians_view = "Enige i planen."
[l1-plan]
measures = ["lesekurs"]
baton_holder = "kontaktlaerer"
"""


@pytest.fixture
def case(cli, cases_dir, tmp_path):
    path = tmp_path / "start.toml"
    path.write_text(START, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


def summary(cli, case_id):
    """The derived state, straight from the case file (the fixture municipality is not shipped)."""
    import os

    from bti_cli.caselog.log import CaseLog
    from bti_cli.caselog.state import summarise
    from bti_cli.walkthrough.process import default_process

    log = CaseLog.open(Path(os.environ["BTI_CASES_DIR"]), case_id)
    return summarise(log.header, log.events, process=default_process()).model_dump(mode="json")


def answers_file(tmp_path, text: str) -> str:
    path = tmp_path / "more.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_evaluate_continue_sets_a_new_evaluation_date(cli, case, tmp_path):
    before = summary(cli, case)
    assert before["evaluations"] == 0 and before["next_evaluation"]
    text = """
[l1-carry-out]
carried_out = "Lesekurs to ganger i uka siden oppstart."
as_planned = true
[l1-evaluate]
child_view = "Synes det går bedre."
guardians_view = "Fornøyde."
assessment = "Leser litt bedre."
decision = "continue"
[l1-plan]
measures = ["lesekurs", "leksehjelp"]
baton_holder = "kontaktlaerer"
evaluation_date = "today+21"
[l1-views]
child_view = "Vil ha leksehjelp."
guardians_view = "Enige."
"""
    result = cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input", "--answers", answers_file(tmp_path, text))
    assert result.exit_code == 0, result.stderr
    assert "Evalueringen er registrert" in result.stdout
    s = summary(cli, case)
    assert s["evaluations"] == 1 and s["level"] == 1
    assert s["next_evaluation"] == (date.today() + timedelta(days=21)).isoformat()
    assert [m["id"] for m in s["measures"]] == ["lesekurs", "leksehjelp"]


def test_evaluate_up_to_level2_with_consent_by_interactive_transcript(cli, case):
    lines = [
        "Lesekurs to ganger i uka.", "j",  # carried out, as planned
        "",  # meeting date: today
        "Leser fortsatt svakt.",  # child_view
        "Bekymret.",  # guardians_view
        "Trenger PPT.",  # assessment
        "Vi ber PPT om hjelp med lesingen.",  # a text for the family
        "level:2",
        "j", "guardians", "ppt", "+180",  # consent
        "+7", "Leser bedre.", "ppt-utredning", "kontaktlaerer", "",  # first meeting, goals, measures, baton, date
        "",  # who does what: the baton holder and the evaluation date
        "",  # a text for the family: none
        "",  # where the meeting is held: not said
        "Vil ha hjelp.", "Enige.",  # the views of the plan
    ]
    result = cli("cases", "evaluate", case, "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Hvem samtykket?" in result.stdout and "Til hvilke tjenester?" in result.stdout
    s = summary(cli, case)
    assert s["level"] == 2 and s["highest_level"] == 2
    assert s["consent_services"] == ["ppt"] and s["consent_until"] == (date.today() + timedelta(days=180)).isoformat()
    assert "ppt" in s["services_involved"]
    family = cli("cases", "show", case, "--for", "guardians", "--format", "md")
    assert "Vi ber PPT om hjelp med lesingen." in family.stdout and "Trenger PPT." not in family.stdout


def test_evaluate_down_without_consent_offers_anonymous_arenas(cli, case):
    lines = ["Lesekurs.", "n", "", "Vil ikke.", "Ikke spurt, fordi de ikke møtte.", "Trenger mer hjelp.", "",
             "level:2", "n", "drofteteam", ""]
    result = cli("cases", "evaluate", case, "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Uten samtykke kan saken bare drøftes anonymt" in result.stdout
    assert "Drøftingsteam" in result.stdout and "anonym drøfting mulig" in result.stdout
    s = summary(cli, case)
    assert s["consent_services"] == [] and s["level"] == 2


def test_evaluate_refuses_when_not_waiting(cli, cases_dir, tmp_path):
    path = tmp_path / "half.toml"
    path.write_text('[l0-concern]\narena = "school"\n', encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(path))
    assert result.exit_code == 1
    case_id = next(cases_dir.glob("BTI-*.toml")).stem
    refused = cli("cases", "evaluate", case_id, "--data", FIXTURE, "--no-input")
    assert refused.exit_code == 1 and "bti resume" in refused.stderr


def test_handover_takes_effect_only_when_accepted(cli, case):
    assert cli("cases", "accept", case, "--data", FIXTURE).exit_code == 1  # nothing offered yet
    # another service joins: not without a consent that covers it (tests/cli/test_consent_handover.py)
    assert cli("cases", "handover", case, "--to", "helsesykepleier", "--data", FIXTURE).exit_code == 1
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until", "today+90",
                 "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr
    assert "Kontaktlærer beholder den" in result.stdout
    s = summary(cli, case)
    assert s["baton_holder_role"] == "kontaktlaerer" and s["pending_baton_holder_role"] == "helsesykepleier"
    accepted = cli("cases", "accept", case, "--data", FIXTURE)
    assert accepted.exit_code == 0 and "Helsesykepleier har nå stafettpinnen" in accepted.stdout
    s = summary(cli, case)
    assert s["baton_holder_role"] == "helsesykepleier" and s["pending_baton_holder_role"] is None


def test_handover_to_a_role_outside_the_catalogue_and_refusals(cli, case, cases_dir):
    assert cli("cases", "handover", case, "--to", "kontaktlaerer", "--data", FIXTURE).exit_code == 1  # holds it
    refused = cli("cases", "handover", case, "--to", "Kari Nordmann 41234567", "--data", FIXTURE)
    assert refused.exit_code == 1 and "personopplysninger" in refused.stderr
    assert "Kari" not in refused.stderr and "41234567" not in refused.stderr
    ok = cli("cases", "handover", case, "--to", "miljøterapeut", "--data", FIXTURE)
    assert ok.exit_code == 0, ok.stderr
    assert summary(cli, case)["pending_baton_holder_role"] == "miljøterapeut"
    for file in cases_dir.glob("*.toml"):
        assert "Kari" not in file.read_text(encoding="utf-8")


def test_close_writes_a_closing_note_and_closes(cli, case, tmp_path):
    text = '[close]\nclosing_reason = "goal-reached"\nclosing_note = "Leser nå alderstilpasset."\n'
    result = cli("cases", "close", case, "--data", FIXTURE, "--no-input", "--answers", answers_file(tmp_path, text))
    assert result.exit_code == 0, result.stderr
    assert f"Avslutning av sak {case}." in result.stdout
    s = summary(cli, case)
    assert s["status"] == "closed" and s["closed"] == date.today().isoformat() and s["next_evaluation"] is None
    again = cli("cases", "close", case, "--data", FIXTURE, "--no-input")
    assert again.exit_code == 1 and "allerede avsluttet" in again.stderr
    assert cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input").exit_code == 1
    assert cli("cases", "handover", case, "--to", "leder", "--data", FIXTURE).exit_code == 1


def test_close_interrupted_resumes_in_the_closing_step(cli, case, tmp_path):
    result = cli("cases", "close", case, "--data", FIXTURE, input="goal-reached\n")
    assert result.exit_code == 1 and "close.closing_note" in result.stderr
    assert summary(cli, case)["pending_step"] == "close"
    resumed = cli("resume", case, "--data", FIXTURE, input="Ferdig.\n\n")  # the note, no text for the family
    assert resumed.exit_code == 0, resumed.stderr
    assert summary(cli, case)["status"] == "closed"


def test_unknown_case(cli):
    for args in (("evaluate",), ("accept",), ("close",), ("handover", "--to", "leder")):
        assert cli("cases", *args[:1], "BTI-2026-00000", *args[1:]).exit_code == 4


def test_help_texts(cli):
    for name in ("evaluate", "handover", "accept", "close"):
        result = cli("cases", name, "--help")
        assert result.exit_code == 0 and "--help" in result.stdout


def test_an_interrupted_evaluation_is_continued_by_evaluate(cli, case, tmp_path):
    """The first evaluation answer opens the evaluation; `bti cases evaluate` again continues it
    where it stopped (the case is in its evaluation, no longer "waiting")."""
    first = cli("cases", "evaluate", case, "--data", FIXTURE, input="Lesekurs to ganger i uka.\n")
    assert first.exit_code != 0  # the input ended in the middle
    text = """
[l1-carry-out]
as_planned = true
[l1-evaluate]
child_view = "Synes det går bedre."
guardians_view = "Fornøyde."
assessment = "Leser bedre."
decision = "close"
[close]
closing_reason = "goal-reached"
closing_note = "Leser nå alderstilpasset."
"""
    again = cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input", "--answers", answers_file(tmp_path, text))
    assert again.exit_code == 0, again.stderr
    s = summary(cli, case)
    assert s["evaluations"] == 1 and s["status"] == "closed"


def test_evaluate_refuses_a_level_0_case_with_nothing_left_to_ask(cli, cases_dir, tmp_path):
    """Level 0 has no evaluation: a level-0 case that has nothing more to ask (a "continue" written
    into the file by another tool) is refused, as a case in the middle of its walk is."""
    import os

    from bti_cli.caselog.log import CaseLog
    from bti_cli.walkthrough import process as engine

    path = tmp_path / "l0.toml"
    path.write_text(START.split("[l0-decide]")[0], encoding="utf-8")
    cli("start", "--data", FIXTURE, "--no-input", "--answers", str(path))
    case_id = next(cases_dir.glob("BTI-*.toml")).stem
    log = CaseLog.open(Path(os.environ["BTI_CASES_DIR"]), case_id)
    log.append(level=0, step="l0-decide", kind="decision", value="continue")
    assert isinstance(engine.next_action(engine.default_process(), log.events), engine.Done)
    refused = cli("cases", "evaluate", case_id, "--data", FIXTURE, "--no-input")
    assert refused.exit_code == 1 and "bti resume" in refused.stderr
    assert summary(cli, case_id)["evaluations"] == 0
