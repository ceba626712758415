"""The family summary of a closed level-1 case says what happened, not more (issue 16, fresh-eyes
item 10): goals proposed before the guardians were met are not "no goals", and measures of a
case closed without an evaluation were planned, not shown to be done."""

from __future__ import annotations

import pytest
from test_family_texts import LANGS, VIEWS, _start_with, answers, close, evaluate, family, section, start

from bti_cli import i18n

GOALS = "Intern målformulering om friminutt og gruppe."


def _met_only_at_the_evaluation() -> dict:
    data = answers(1)
    data["l0-share"].update(talked_guardians=False)
    data["l0-share"].pop("guardians_view")
    data["l1-goals"] = {"guardians_met": False, "child_involved": True, "proposed_goals": GOALS}
    data["l1-views"] = {**VIEWS, "guardians_view": "Ikke spurt, fordi foresatte ikke er nådd ennå."}
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_goals_proposed_before_the_guardians_were_met_are_not_told_as_none(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = _start_with(cli, tmp_path, _met_only_at_the_evaluation())
    open_text = section(family(cli, case, lang), t("family.h_goals"))
    assert t("family.goals_none") not in open_text
    assert "Dere har rett" in open_text or "De har rett" in open_text or "You have the right" in open_text
    evaluate(cli, tmp_path, case, 1, "close")  # the guardians are heard at the evaluation; goal reached
    text = family(cli, case, lang)
    goals = section(text, t("family.h_goals"))
    assert t("family.goals_none_closed") not in goals, goals
    assert t("family.goals_agreed", date="").split("{")[0][:12] not in goals  # never "you and we agreed"
    assert "før vi" in goals or "before we" in goals
    assert GOALS not in text


@pytest.mark.parametrize("lang", LANGS)
def test_goals_proposed_and_the_guardians_never_met_are_told_so_when_closed(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = _start_with(cli, tmp_path, _met_only_at_the_evaluation())
    close(cli, tmp_path, case)
    goals = section(family(cli, case, lang), t("family.h_goals"))
    assert t("family.goals_none_closed") not in goals
    from datetime import date

    from bti_cli.reports.family import long_date

    assert t("family.goals_set_not_met_closed", date=long_date(date.today(), lang)) in goals


@pytest.mark.parametrize("lang", LANGS)
def test_a_case_closed_without_an_evaluation_lists_its_measures_as_planned(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = start(cli, tmp_path, 1)
    close(cli, tmp_path, case)
    text = family(cli, case, lang)
    assert f"## {t('family.h_measures_closed_planned')}" in text
    assert f"## {t('family.h_measures_closed')}" not in text
    assert "Foreldresamarbeid" in section(text, t("family.h_measures_closed_planned"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_case_closed_at_its_evaluation_tells_what_was_done(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = start(cli, tmp_path, 1)
    evaluate(cli, tmp_path, case, 1, "close")
    text = family(cli, case, lang)
    assert f"## {t('family.h_measures_closed')}" in text
    assert f"## {t('family.h_measures_closed_planned')}" not in text
