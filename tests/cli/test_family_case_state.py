"""The family summary follows the case's state (issue 16, fresh-eyes items 2-4): a closed case's
responsibility group is not said to have met when its first meeting was still to come; after the
work went back from level 2 to level 1 the level-2 services, meeting and measures are not told as
current; a measure given to a new baton holder who has not said yes is done by the one holding
the baton until then. In nb, nn and en, through `bti cases show CASE --for guardians`."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from test_family_texts import CASE_RE, EXAMPLES, LANGS, VIEWS, _start_with, answers, family, section, write

from bti_cli import i18n
from bti_cli.reports.family import long_date

MET_REGULARLY = {"nb": "møttes jevnlig", "nn": "møttest jamleg", "en": "met regularly"}


def _t(lang: str):
    return lambda key, **v: i18n.t(key, lang, **v)


# --------------------------------------------------------------------------- item 2: the group's meetings


@pytest.mark.parametrize("lang", LANGS)
def test_a_level3_case_closed_the_day_it_was_planned_says_the_group_never_met(cli, tmp_path, lang):
    t = _t(lang)
    case = _start_with(cli, tmp_path, answers(3))  # first joint meeting: in a week
    data = {"close": {"closing_reason": "guardians-withdrew", "closing_note": "Avsluttet."}}
    result = cli("cases", "close", case, "--no-input", "--answers", write(tmp_path, "close.toml", data))
    assert result.exit_code == 0, result.stderr
    text = family(cli, case, lang)
    first = long_date(date.today() + timedelta(days=7), lang)
    assert MET_REGULARLY[lang] not in text
    assert t("family.group_not_met_closed", date=first) in text
    assert t("family.responsibility_group_closed") in text
    assert t("family.group_met_closed") not in text


def _close_on(cases_dir, case: str, day: date) -> None:
    """Close `case` as of `day` (the log's dates are what the summary judges by)."""
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.open(cases_dir, case)
    at = f"{day.isoformat()}T12:00:00Z"
    log.append(level=3, step="close", kind="answer", question="closing_reason", value="concern-gone", at=at)
    log.append(level=3, step="close", kind="close", value={"closing_reason": "concern-gone"}, at=at)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_the_group_is_judged_by_the_first_meeting_against_the_close_date(cli, tmp_path, cases_dir, lang, offset):
    """Closed the day before the first joint meeting: it did not take place; on its day or
    after: it was set for that day (the log cannot tell that it was held); never "met regularly"."""
    t = _t(lang)
    case = _start_with(cli, tmp_path, answers(3))
    meeting = date.today() + timedelta(days=7)
    _close_on(cases_dir, case, meeting + timedelta(days=offset))
    text = family(cli, case, lang)
    shown = long_date(meeting, lang)
    assert MET_REGULARLY[lang] not in text
    if offset < 0:
        assert t("family.group_not_met_closed", date=shown) in text
        assert t("family.group_first_meeting_closed", date=shown) not in text
    else:
        assert t("family.group_first_meeting_closed", date=shown) in text
        assert t("family.group_not_met_closed", date=shown) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_group_that_held_an_evaluation_meeting_met(cli, tmp_path, lang):
    t = _t(lang)
    case = _start_with(cli, tmp_path, answers(3))
    data = {"l3-carry-out": {"carried_out": "I gang.", "as_planned": True},
            "l3-evaluate": {"meeting_date": "today", **VIEWS, "assessment": "Vurdering.", "decision": "close"},
            "close": {"closing_reason": "goal-reached", "closing_note": "Ferdig."}}
    result = cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "eval.toml", data))
    assert result.exit_code == 0, result.stderr
    text = family(cli, case, lang)
    assert t("family.group_met_closed") in text and MET_REGULARLY[lang] not in text


@pytest.mark.parametrize("lang", LANGS)
def test_an_open_level3_case_still_says_the_group_will_meet(cli, tmp_path, lang):
    t = _t(lang)
    text = family(cli, _start_with(cli, tmp_path, answers(3)), lang)
    assert t("family.responsibility_group") in text
    assert t("family.group_not_met_closed", date="").split("{")[0][:20] not in text


# --------------------------------------------------------------------------- item 3: back from level 2 to 1

EV2 = {"l2-carry-out": {"carried_out": "Gjort.", "as_planned": True},
       "l2-evaluate": {"meeting_date": "today", **VIEWS, "assessment": "Vurdering.",
                       "family_text": "Vi går tilbake til tiltak på skolen.", "decision": "level:1"}}
R1 = {"l1-goals": {"guardians_met": True, "child_involved": True, "goals": "Nye mål."},
      "l1-plan": {"measures": ["kartlegging-og-identifisering-barneskole"], "baton_holder": "kontaktlaerer",
                  "evaluation_date": "today+30"},
      "l1-views": dict(VIEWS)}


def _back_to_level1(cli, tmp_path) -> str:
    case = _start_with(cli, tmp_path, answers(2))  # PPT in the consent, a first meeting in a week
    cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "ev2.toml", EV2))
    result = cli("resume", case, "--no-input", "--answers", write(tmp_path, "r1.toml", R1))
    assert result.exit_code == 0, result.stderr
    return case


@pytest.mark.parametrize("lang", LANGS)
def test_back_at_level1_the_summary_follows_the_current_level(cli, tmp_path, lang):
    t = _t(lang)
    case = _back_to_level1(cli, tmp_path)
    text = family(cli, case, lang)
    today = long_date(date.today(), lang)
    assert t("family.stage_1") in text
    who = section(text, t("family.h_who"))
    ppt = "Pedagogisk-/psykologisk tjeneste i Løten"
    assert t("family.service_joins", service=ppt) not in who
    assert t("family.service_until", service=ppt, date=today) in who
    # the level-2 first joint meeting is not the next meeting
    assert t("family.first_meeting", date=long_date(date.today() + timedelta(days=7), lang)) not in text
    # the level-2 measure ended when the work went back (the school's own: the new plan left it
    # out, tests/cli/test_family_down_a_level.py), under its own heading; the new one is current
    measures = section(text, t("family.h_measures"))
    assert "Foreldresamarbeid" not in measures
    old = next(line for line in section(text, t("family.h_measures_ended")).splitlines() if "Foreldresamarbeid" in line)
    assert t("family.measure_ended_left_out", date=today) in old
    assert long_date(date.today() + timedelta(days=42), lang) not in text  # its old evaluation date
    new = next(line for line in measures.splitlines() if "Kartlegging" in line)
    assert t("family.measure_ended_left_out", date=today) not in new
    assert long_date(date.today() + timedelta(days=30), lang) in new
    assert "Foreldresamarbeid" not in who  # not a measure the school is doing now
    dates = section(text, t("family.h_dates"))
    assert long_date(date.today() + timedelta(days=30), lang) in dates


def test_a_measure_chosen_again_after_going_back_is_current(cli, tmp_path):
    t = _t("nb")
    case = _start_with(cli, tmp_path, answers(2))
    cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "ev2.toml", EV2))
    again = {**R1, "l1-plan": {**R1["l1-plan"], "measures": ["foreldresamarbeid-barneskole"]}}
    assert cli("resume", case, "--no-input", "--answers", write(tmp_path, "r1.toml", again)).exit_code == 0
    measures = section(family(cli, case, "nb"), t("family.h_measures"))
    assert "Foreldresamarbeid" in measures and t("family.h_measures_ended") not in family(cli, case, "nb")


# --------------------------------------------------------------------------- item 4: a pending handover


def _level3_owned_by_the_coordinator(tmp_path) -> str:
    """examples/answers/level3.toml with both measures given to the coordinator to be (the
    walkthrough's default owner is each measure's own service)."""
    text = (EXAMPLES / "level3.toml").read_text(encoding="utf-8")
    text += ('measure_owners = { ungteam-loten = { owner = "koordinator" }, '
             'oppfolgingstjenesten = { owner = "koordinator" } }\n')
    path = tmp_path / "level3-coordinator.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("lang", LANGS)
def test_measures_of_the_new_baton_holder_are_the_current_holders_until_accepted(cli, tmp_path, lang):
    t = _t(lang)
    result = cli("start", "--no-input", "--answers", _level3_owned_by_the_coordinator(tmp_path))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    text = family(cli, case, lang)
    holder, new = "Helsesykepleier (skolehelsetjenesten)", "Koordinator"
    measures = section(text, t("family.h_measures"))
    lines = [line for line in measures.splitlines() if "Ungteam" in line or "Oppfølgingstjenesten" in line]
    assert len(lines) == 2
    pending = t("family.measure_owner_pending", holder=holder, new="Koordinator")
    for line in lines:
        assert pending in line, line
        assert not re.search(rf"{t('family.measure_owner_nodate', role=new)[:-1]}\b", line)
    assert t("family.baton_pending", new=new, holder=holder) in text  # the same story as under "who"
    assert cli("cases", "accept", case).exit_code == 0
    after = section(family(cli, case, lang), t("family.h_measures"))
    assert pending not in after
    assert t("family.measure_owner", role=new, date=long_date(date.today() + timedelta(days=42), lang)) in after


@pytest.mark.parametrize("lang", LANGS)
def test_a_case_closed_before_the_new_holder_said_yes_names_the_holder(cli, tmp_path, lang):
    t = _t(lang)
    result = cli("start", "--no-input", "--answers", _level3_owned_by_the_coordinator(tmp_path))
    case = CASE_RE.search(result.stdout).group(0)
    data = {"close": {"closing_reason": "concern-gone", "closing_note": "Avsluttet."}}
    assert cli("cases", "close", case, "--no-input", "--answers", write(tmp_path, "c.toml", data)).exit_code == 0
    text = family(cli, case, lang)
    holder = "Helsesykepleier (skolehelsetjenesten)"
    assert t("family.measure_owner_nodate", role=holder) in text  # the plan's date was after the close
    assert t("family.measure_owner_nodate", role="Koordinator") not in text
    assert t("family.measure_owner_pending", holder=holder, new="Koordinator") not in text


@pytest.mark.parametrize("lang", LANGS)
def test_back_at_level2_the_level3_coordination_is_not_told_as_current(cli, tmp_path, lang):
    t = _t(lang)
    case = _start_with(cli, tmp_path, answers(3))  # a responsibility group, first meeting in a week
    ev3 = {"l3-carry-out": {"carried_out": "Gjort.", "as_planned": True},
           "l3-evaluate": {"meeting_date": "today", **VIEWS, "assessment": "Vurdering.", "decision": "level:2"}}
    cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "ev3.toml", ev3))
    r2 = {"l2-consent": {"consent": {"given": True, "by": ["guardians"], "services": ["barneskole", "ppt"],
                                     "until": "today+180"}},
          "l2-meeting": {"first_meeting": "today+14", "goals": "Mål.", "measures": ["foreldresamarbeid-barneskole"],
                         "baton_holder": "kontaktlaerer", "evaluation_date": "today+42"},
          "l2-views": dict(VIEWS)}
    assert cli("resume", case, "--no-input", "--answers", write(tmp_path, "r2.toml", r2)).exit_code == 0
    text = family(cli, case, lang)
    assert t("family.stage_2") in text
    assert t("family.responsibility_group") not in text
    assert t("family.first_meeting", date=long_date(date.today() + timedelta(days=14), lang)) in text
    assert t("family.first_meeting", date=long_date(date.today() + timedelta(days=7), lang)) not in text


# --------------------------------------------------------------------------- round 21: unsaid areas


@pytest.mark.parametrize("lang", LANGS)
def test_the_family_summary_never_names_violence_as_what_was_talked_about(cli, tmp_path, lang):
    """A case that chose «Vold og overgrep» and went on («not against the child»): the staff's
    word for violence is not printed as what was talked about; the other areas are."""
    from bti_cli.catalogue.loader import area_label

    data = answers(1)
    data["l0-concern"]["areas"] = ["violence-abuse", "behaviour"]
    data["safety"] = {"danger": False, "violence_area": "not-against-the-child"}
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    assert area_label("behaviour", lang).lower() in text.lower()
    assert area_label("violence-abuse", lang).lower() not in text.lower()
    assert not re.search(r"vold|vald|violence", text, re.I)
