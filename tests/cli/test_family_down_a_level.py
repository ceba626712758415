"""The family summary after a case went down a level (issue 16, a fresh-eyes reader's items):
a plan that was never evaluated is "what was planned" even when an earlier plan was evaluated;
measures that ended when the work went down a level stand under their own heading with a reason
that fits (left out of the new plan, or ended with a service that left); after going from level
3 to 2 with a new baton holder who has not said yes, the holder keeps the baton until then (the
handover rule, ../shared/domain/BTI.md), said so a family understands, the roles spelt one way.
In nb, nn and en, through `bti cases show CASE --for guardians`."""

from __future__ import annotations

from datetime import date

import pytest
from test_family_texts import CASE_RE, EXAMPLES, LANGS, PLAN, VIEWS, _start_with, answers, family, section, write

from bti_cli import i18n
from bti_cli.reports.family import long_date


def _t(lang: str):
    return lambda key, **v: i18n.t(key, lang, **v)


# decision level:2 at the level-3 evaluation; consent by the young person (16); a new level-2
# plan with the school nurse as baton holder and a first meeting still to come
F1 = {"l3-carry-out": {"carried_out": "Gjort.", "as_planned": True},
      "l3-evaluate": {"meeting_date": "today", **VIEWS, "assessment": "Vurdering.", "decision": "level:2"},
      "l2-consent": {"consent": {"given": True, "by": ["youth"], "services": ["skolehelsetjenesten"],
                                 "until": "today+180"}},
      "l2-meeting": {"first_meeting": "today+14", "goals": "Mål.", "measures": ["stottesamtaler-helsesykepleier"],
                     "baton_holder": "helsesykepleier-skolehelsetjenesten", "evaluation_date": "today+42"},
      "l2-views": dict(VIEWS)}
FC = {"close": {"closing_reason": "concern-gone", "closing_note": "Avsluttet."}}


def _level3_down_to_2(cli, tmp_path, *, close: bool) -> str:
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / "level3.toml"))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    assert cli("cases", "accept", case).exit_code == 0
    result = cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "F1.toml", F1))
    assert result.exit_code == 0, result.stderr
    if close:
        result = cli("cases", "close", case, "--no-input", "--answers", write(tmp_path, "Fc.toml", FC))
        assert result.exit_code == 0, result.stderr
    return case


SUPPORT = "Støttesamtaler hos helsesykepleier"
NURSE, COORDINATOR = "Helsesykepleier (skolehelsetjenesten)", "Koordinator"


# --------------------------------------------------------------------------- item 1: a plan never evaluated


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_plan_closed_before_it_was_evaluated_is_what_was_planned(cli, tmp_path, lang):
    """The level-3 plan was evaluated (and the work went down to level 2 there); the level-2 plan
    was closed before its first meeting or any evaluation: it was planned, not done."""
    t = _t(lang)
    text = family(cli, _level3_down_to_2(cli, tmp_path, close=True), lang)
    assert f"## {t('family.h_measures_closed_planned')}" in text
    assert f"## {t('family.h_measures_closed')}" not in text
    assert f"## {t('family.h_who_closed_planned')}" in text and f"## {t('family.h_who_closed')}" not in text
    assert SUPPORT in section(text, t("family.h_measures_closed_planned"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_plan_that_was_evaluated_before_the_close_is_what_was_done(cli, tmp_path, lang):
    t = _t(lang)
    case = _level3_down_to_2(cli, tmp_path, close=False)
    ev2 = {"l2-carry-out": {"carried_out": "Gjort.", "as_planned": True},
           "l2-evaluate": {"meeting_date": "today", **VIEWS, "assessment": "Vurdering.", "decision": "close"},
           **FC}
    result = cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "ev2.toml", ev2))
    assert result.exit_code == 0, result.stderr
    text = family(cli, case, lang)
    assert SUPPORT in section(text, t("family.h_measures_closed"))
    assert f"## {t('family.h_measures_closed_planned')}" not in text


# --------------------------------------------------------------------------- item 2: ended measures


@pytest.mark.parametrize("lang", LANGS)
def test_measures_of_the_services_that_left_end_under_their_own_heading(cli, tmp_path, lang):
    """From level 3 to 2 with a consent naming only the school health service: the measures of
    Helsestasjon and NAV ended because those services left; they are not "what will be done"."""
    t = _t(lang)
    text = family(cli, _level3_down_to_2(cli, tmp_path, close=False), lang)
    today = long_date(date.today(), lang)
    current, ended = section(text, t("family.h_measures")), section(text, t("family.h_measures_ended"))
    assert SUPPORT in current and "Ungteam" not in current and "Oppfølgingstjenesten" not in current
    for name in ("Ungteam Løten", "Oppfølgingstjenesten"):
        line = next(line for line in ended.splitlines() if name in line)
        assert t("family.measure_ended", date=today) in line
    assert SUPPORT not in ended
    closed = family(cli, _level3_down_to_2(cli, tmp_path, close=True), lang)
    assert "Ungteam Løten" in section(closed, t("family.h_measures_ended_closed"))
    assert "Ungteam Løten" not in section(closed, t("family.h_measures_closed_planned"))


def _level2_back_to_1(cli, tmp_path, level1_measures: list[str]) -> str:
    data = answers(2)
    data["l2-consent"] = {"consent": {"given": True, "by": ["guardians"], "services": ["barneskole", "ppt"],
                                      "until": "today+180"}}
    data["l2-meeting"] = {"first_meeting": "today+7", "goals": "Mål.", **PLAN,
                          "measures": ["kartlegging-og-identifisering-barneskole", "rad-og-veiledning-ppt"]}
    case = _start_with(cli, tmp_path, data)
    ev2 = {"l2-carry-out": {"carried_out": "Gjort.", "as_planned": True},
           "l2-evaluate": {"meeting_date": "today", **VIEWS, "assessment": "Vurdering.", "decision": "level:1"},
           "l1-goals": {"guardians_met": True, "child_involved": True, "goals": "Nye mål."},
           "l1-plan": {"measures": level1_measures, "baton_holder": "kontaktlaerer", "evaluation_date": "today+30"},
           "l1-views": dict(VIEWS)}
    result = cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "ev2.toml", ev2))
    assert result.exit_code == 0, result.stderr
    return case


@pytest.mark.parametrize("lang", LANGS)
def test_back_at_level1_the_schools_own_measure_was_left_out_of_the_new_plan(cli, tmp_path, lang):
    """The school's measure ended because the new level-1 plan left it out (the school is still
    there); PPT's because PPT left; neither is told under "what will be done"."""
    t = _t(lang)
    case = _level2_back_to_1(cli, tmp_path, ["foreldresamarbeid-barneskole"])
    text = family(cli, case, lang)
    today = long_date(date.today(), lang)
    current, ended = section(text, t("family.h_measures")), section(text, t("family.h_measures_ended"))
    assert "Foreldresamarbeid" in current and "Kartlegging" not in current
    school = next(line for line in ended.splitlines() if "Kartlegging" in line)
    assert t("family.measure_ended_left_out", date=today) in school
    assert t("family.measure_ended", date=today) not in school
    ppt = next(line for line in ended.splitlines() if "Råd og veiledning" in line)
    assert t("family.measure_ended", date=today) in ppt
    assert "Foreldresamarbeid" not in ended


def test_with_no_measure_in_the_new_plan_no_service_is_said_to_have_left(cli, tmp_path):
    """Nothing tells which services stay when the new level-1 plan has no measures: every ended
    measure was left out of the new plan, none is said to have ended with its service."""
    t = _t("nb")
    text = family(cli, _level2_back_to_1(cli, tmp_path, []), "nb")
    ended = section(text, t("family.h_measures_ended"))
    assert ended.count(t("family.measure_ended_left_out", date=long_date(date.today(), "nb"))) == 2
    assert t("family.measure_ended", date=long_date(date.today(), "nb")) not in ended


def test_no_ended_heading_when_nothing_ended(cli, tmp_path):
    t = _t("nb")
    text = family(cli, _start_with(cli, tmp_path, answers(2)), "nb")
    assert t("family.h_measures_ended") not in text and t("family.h_measures_ended_closed") not in text


# --------------------------------------------------------------------------- item 3: the baton after 3 → 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_coordinator_keeps_the_baton_until_the_school_nurse_has_said_yes(cli, tmp_path, lang):
    """BTI.md: the one holding the baton keeps it until the new holder has accepted. After the
    accepted handover to the coordinator, a level-2 plan naming the school nurse leaves the
    coordinator holding it until the nurse says yes; each role begins a sentence or follows a colon
    (one spelling, the catalogue's)."""
    t = _t(lang)
    case = _level3_down_to_2(cli, tmp_path, close=False)
    text = family(cli, case, lang)
    who = section(text, t("family.h_who"))
    assert t("family.baton", role=COORDINATOR) in who
    pending = t("family.baton_pending", new=NURSE, holder=COORDINATOR)
    assert pending in who
    support = next(line for line in section(text, t("family.h_measures")).splitlines() if SUPPORT in line)
    assert t("family.measure_owner_pending", holder=COORDINATOR, new=NURSE) in support
    # each role begins a sentence or follows a colon: one spelling, never "koordinator" next to
    # "Koordinator" (tests/cli/test_family_parent_reading.py: as the catalogue spells them)
    assert "koordinator" not in text and "helsesykepleier (skolehelsetjenesten)" not in text
    # once the nurse has said yes the nurse holds the baton, and nothing is pending
    assert cli("cases", "accept", case).exit_code == 0
    accepted = family(cli, case, lang)
    assert t("family.baton", role=NURSE) in accepted and pending not in accepted
    assert t("family.measure_owner_pending", holder=COORDINATOR, new=NURSE) not in accepted


@pytest.mark.parametrize("lang", LANGS)
def test_closed_before_the_school_nurse_said_yes_the_coordinator_was_the_holder(cli, tmp_path, lang):
    t = _t(lang)
    text = family(cli, _level3_down_to_2(cli, tmp_path, close=True), lang)
    who = section(text, t("family.h_who_closed_planned"))
    line = t("family.baton_closed", role=COORDINATOR) + " " + t("family.baton_pending_closed", new=NURSE)
    assert line in who
    assert t("family.baton_pending", new=NURSE, holder=COORDINATOR) not in text
    assert "koordinator" not in text and "helsesykepleier (skolehelsetjenesten)" not in text
