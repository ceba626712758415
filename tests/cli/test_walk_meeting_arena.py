"""The walkthrough suggests where the level-2 and level-3 meetings are held (issue 11: the tool
"suggests measures, baton holders and meeting arenas"): an optional question after the meeting's
other answers offers the plan's case tables that serve the level, ranked as `bti suggest --kind
arena` ranks them; a system meeting (leadership, planning) is no choice."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from walk_answers import CASE_RE, to_decision

LEVEL2 = to_decision(arena="kindergarten", role="pedagogisk leder", subject="child", age="4",
                     areas='["behaviour", "parenting-interaction"]', level="2",
                     observations="Tar leker fra andre barn flere ganger om dagen.") + """
[l2-consent]
consent = {{ given = true, by = ["guardians"], services = ["helsestasjon"], until = "today+180" }}
[l2-meeting]
first_meeting = "today+7"
goals = "Færre konflikter i leken."
measures = ["dua-kurs-helsestasjon"]
baton_holder = "pedagogisk-leder"
evaluation_date = "today+42"
family_text = ""
{arena}
[l2-views]
child_view = "Vil leke."
guardians_view = "Ønsker hjelp."
"""


def run(cli, tmp_path: Path, arena_line: str):
    answers = tmp_path / "a.toml"
    answers.write_text(LEVEL2.format(arena=arena_line), encoding="utf-8")
    return cli("start", "-m", "loten", "--lang", "en", "--no-input", "--answers", str(answers))


def stored(cases_dir: Path) -> list[dict]:
    events = []
    for path in cases_dir.rglob("BTI-*.toml"):
        events += tomllib.loads(path.read_text(encoding="utf-8")).get("events", [])
    return events


def test_a_case_table_of_the_plan_is_the_meeting_s_arena(cli, cases_dir, tmp_path):
    result = run(cli, tmp_path, 'meeting_arena = "sped-og-smabarnsteam"')
    assert result.exit_code == 0, result.stderr
    assert CASE_RE.search(result.stdout)
    assert "Where will the meeting be held?" in result.stdout
    answers = [e for e in stored(cases_dir) if e.get("question") == "meeting_arena"]
    assert [e["value"] for e in answers] == ["sped-og-smabarnsteam"]


def test_the_question_may_be_left_out(cli, cases_dir, tmp_path):
    result = run(cli, tmp_path, "")
    assert result.exit_code == 0, result.stderr
    assert not [e for e in stored(cases_dir) if e.get("question") == "meeting_arena" and e.get("value")]


@pytest.mark.parametrize("arena", ["driftsutvalget", "no-such-arena"])
def test_a_system_meeting_or_an_unknown_arena_is_refused(cli, cases_dir, tmp_path, arena):
    result = run(cli, tmp_path, f'meeting_arena = "{arena}"')
    assert result.exit_code == 1
    assert "l2-meeting.meeting_arena" in result.stderr
    assert arena not in result.stderr  # what was typed is not repeated


def test_the_arenas_offered_are_those_bti_suggest_ranks_for_the_case(cli, cases_dir):
    from bti_cli.catalogue import loader
    from bti_cli.walkthrough import process as engine
    from bti_cli.walkthrough.prompts import ScriptedPrompter
    from bti_cli.walkthrough.session import Session

    loaded = loader.load("loten")
    proc = engine.load_for(loaded)
    example = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level1.toml"
    session = Session(loaded=loaded, proc=proc, prompter=ScriptedPrompter.from_file(example), cases_dir=cases_dir)
    step = proc.required_step("l2-meeting")
    answers = {"subject": "child", "age": 4, "arena": "kindergarten", "areas": ["behaviour", "parenting-interaction"],
               "consent": {"given": True, "by": ["guardians"], "services": ["helsestasjon"], "until": "2099-01-01"}}
    spec = session.spec(engine.Ask(step, step.question("meeting_arena"), 2),
                        engine.Position(level=2, phase="start", answers=answers))
    offered = [c.value for c in spec.choices]
    result = cli("suggest", "-m", "loten", "--kind", "arena", "--level", "2", "--age", "4", "--subject", "child",
                 "--arena", "kindergarten", "--area", "behaviour", "--area", "parenting-interaction",
                 "--format", "json")
    # the same order, without the anonymous consultation (a table only for a case without consent)
    assert offered == [r["id"] for r in json.loads(result.stdout) if r["id"] != "anonym-drofting-barnevern"]
    assert offered[0] == "sped-og-smabarnsteam"  # the plan's team for 0–5, with the health station
    assert "driftsutvalget" not in offered


def _meeting_spec(cases_dir, slug: str, answers: dict):
    from bti_cli.catalogue import loader
    from bti_cli.walkthrough import process as engine
    from bti_cli.walkthrough.prompts import ScriptedPrompter
    from bti_cli.walkthrough.session import Session

    loaded = loader.load(slug)
    proc = engine.load_for(loaded)
    example = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level1.toml"
    session = Session(loaded=loaded, proc=proc, prompter=ScriptedPrompter.from_file(example), cases_dir=cases_dir)
    step = proc.required_step("l2-meeting")
    return session.spec(engine.Ask(step, step.question("meeting_arena"), 2),
                        engine.Position(level=2, phase="start", answers=answers))


CONSENT = {"given": True, "by": ["guardians"], "services": ["psykisk-helse"], "until": "2099-01-01"}


def test_the_anonymous_consultation_is_no_place_for_a_consented_meeting(cases_dir):
    # a reader was offered «Anonym drøfting med barnevernstjenesten» as where to hold the meeting
    # the family had consented to; it stays where it belongs, without consent (l2-anonymous)
    spec = _meeting_spec(cases_dir, "loten", {"subject": "youth", "age": 15, "arena": "school-health",
                                              "areas": ["mental-health"], "consent": CONSENT})
    assert "anonym-drofting-barnevern" not in [c.value for c in spec.choices]
    assert spec.choices  # Løten has tables for a 15-year-old


def test_no_fitting_arena_is_said_not_left_blank(cases_dir):
    # Elverum names no case table for a baby at level 2 but the anonymous consultation
    spec = _meeting_spec(cases_dir, "elverum", {"subject": "family", "age": 0, "arena": "health-station",
                                                "areas": ["parenting-interaction"], "consent": CONSENT})
    assert list(spec.choices) == []
    assert spec.note and "ingen samarbeidsarena" in spec.note


def test_with_consent_given_the_tables_do_not_say_they_need_it(cases_dir):
    # a last reader: every choice said "needs consent" under a question asked after the consent
    from bti_cli.i18n import t

    spec = _meeting_spec(cases_dir, "loten", {"subject": "child", "age": 4, "arena": "kindergarten",
                                              "areas": ["behaviour"], "consent": CONSENT})
    assert spec.choices
    needs = t("process.reason_needs_consent")
    assert not any(needs in c.detail for c in spec.choices)


def test_the_meeting_is_asked_before_the_text_for_the_family(cli, cases_dir, tmp_path):
    # so that the family's text can say where they meet
    result = run(cli, tmp_path, 'meeting_arena = "sped-og-smabarnsteam"')
    out = result.stdout
    assert out.index("Where will the meeting be held?") < out.rindex("A short text for the family")


def test_a_table_with_a_service_the_consent_does_not_cover_is_not_listed(cases_dir):
    # the last reader: the meeting's choices ignored the consent (the measures list does not);
    # BTI.md: consent must cover every service taking part
    answers = {"subject": "child", "age": 4, "arena": "kindergarten", "areas": ["behaviour"],
               "consent": {"given": True, "by": ["guardians"], "services": ["helsestasjon"], "until": "2099-01-01"}}
    spec = _meeting_spec(cases_dir, "loten", answers)
    assert spec.listed is not None and spec.listed < len(spec.choices)
    listed = [c.value for c in spec.choices[:spec.listed]]
    assert "kontaktmote-barnehage-og-ppt" not in listed  # PPT is not named by the consent
    assert "Kontaktmøte barnehage og PPT" in spec.note and "Pedagogisk" in spec.note
    with_ppt = _meeting_spec(cases_dir, "loten", {**answers, "consent": {**answers["consent"],
                                                                        "services": ["helsestasjon", "ppt"]}})
    assert "kontaktmote-barnehage-og-ppt" in [c.value for c in with_ppt.choices[:with_ppt.listed or None]]
