"""Texts written for the family, asked as such ("Dette vises for familien"), and the family
summary (`bti cases show CASE --for guardians`) of cases at every level — open, evaluated, handed
over and closed — read as a parent would, in nb, nn and en."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import tomli_w

from bti_cli import i18n
from bti_cli.reports.family import long_date

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "answers"
LANGS = ("nb", "nn", "en")
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-Z]{5}")

# texts for the family, written as the prompt asks: "barnet", "dere" or a role, never a name
FAMILY_L0 = "Vi har snakket om friminuttene og blir enige om å prøve noe nytt på skolen."
FAMILY_PLAN = "Vi prøver en fast friminuttsgruppe i seks uker, og barnet får en voksen å gå til."
FAMILY_PLAN_SHOWN = FAMILY_PLAN
FAMILY_EVAL = "Gruppen hjelper. Vi fortsetter til jul og møtes igjen da."
FAMILY_CLOSE = "Det går bedre nå, og dere kan ta kontakt med skolen igjen om noe endrer seg."
# staff notes: never in the family summary
GOALS = "Intern målformulering om friminutt og gruppe."
ASSESSMENT = "Faglig vurdering: effekten er usikker."
CLOSING = "Avslutningsnotat for arkivet."

L0 = {
    "l0-concern": {"concern_date": "today-3", "arena": "school", "role": "kontaktlærer", "subject": "child",
                   "age": 9, "areas": ["social-inclusion-leisure"]},
    "safety": {"danger": False},
    "l0-concrete": {"observations": "Alene i friminuttene.", "child_said": "", "duration": "weeks",
                    "earlier": False, "scale": 3},
    "l0-share": {"shared_colleague": True, "shared_leader": True, "anonymous_consultation": False,
                 "talked_child": True, "child_view": "Vil ha noen å være med.", "talked_guardians": True,
                 "guardians_view": "Glade for at skolen tar kontakt."},
    "l0-decide": {"family_text": FAMILY_L0},
}
PLAN = {"measures": ["foreldresamarbeid-barneskole"], "baton_holder": "kontaktlaerer",
        "evaluation_date": "today+42", "family_text": FAMILY_PLAN}
VIEWS = {"child_view": "Liker gruppen.", "guardians_view": "Enige i planen."}
CONSENT = {"given": True, "by": ["guardians"], "services": ["barneskole", "ppt"], "until": "today+180"}


def answers(level: int | None) -> dict:
    """A walkthrough that stays at level 0 (no decision yet), or goes on to `level`."""
    data = {key: dict(value) for key, value in L0.items()}
    if level is None:
        return data
    data["l0-decide"]["decision"] = f"level:{level}"
    if level == 1:
        data["l1-goals"] = {"guardians_met": True, "child_involved": True, "goals": GOALS}
        data["l1-plan"] = dict(PLAN)
        data["l1-views"] = dict(VIEWS)
    elif level == 2:
        data["l2-consent"] = {"consent": CONSENT}
        data["l2-meeting"] = {"first_meeting": "today+7", "goals": GOALS, **PLAN}
        data["l2-views"] = dict(VIEWS)
    else:
        data["l3-consent"] = {"consent": CONSENT}
        data["l3-meeting"] = {"first_meeting": "today+7", "goals": GOALS,
                              "measures": ["foreldresamarbeid-barneskole"], "family_text": FAMILY_PLAN}
        data["l3-views"] = dict(VIEWS)
        data["l3-coordination"] = {"individual_plan": False, "responsibility_group": True,
                                   "statutory_coordinator": False, "child_coordinator": False}
        data["l3-baton-now"] = {"baton_holder": "kontaktlaerer"}
        data["l3-baton"] = {"handover": False, "baton_holder": "kontaktlaerer", "evaluation_date": "today+42"}
    return data


def write(tmp_path: Path, name: str, data: dict) -> str:
    path = tmp_path / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return str(path)


def start(cli, tmp_path: Path, level: int | None) -> str:
    result = cli("start", "--no-input", "--answers", write(tmp_path, "start.toml", answers(level)))
    assert result.exit_code == (1 if level is None else 0), result.stderr  # level 0: waits at the decision
    return CASE_RE.search(result.stdout).group(0)


def evaluate(cli, tmp_path: Path, case: str, level: int, decision: str) -> None:
    data = {
        f"l{level}-carry-out": {"carried_out": "Gruppen er i gang.", "as_planned": True},
        f"l{level}-evaluate": {"meeting_date": "today", **VIEWS, "assessment": ASSESSMENT,
                               "family_text": FAMILY_EVAL, "decision": decision},
    }
    if decision == "continue" and level == 1:  # the plan again, with a new evaluation date and no new text
        data["l1-plan"] = {key: value for key, value in PLAN.items() if key != "family_text"}
        data["l1-views"] = dict(VIEWS)
    if decision == "close":  # the closing step follows in the same run
        data["close"] = {"closing_reason": "goal-reached", "closing_note": CLOSING}
    result = cli("cases", "evaluate", case, "--no-input", "--answers", write(tmp_path, "eval.toml", data))
    assert result.exit_code == 0, result.stderr


def close(cli, tmp_path: Path, case: str) -> None:
    data = {"close": {"closing_reason": "goal-reached", "closing_note": CLOSING}}
    result = cli("cases", "close", case, "--no-input", "--answers", write(tmp_path, "close.toml", data))
    assert result.exit_code == 0, result.stderr


def family(cli, case: str, lang: str) -> str:
    result = cli("cases", "show", case, "--format", "md", "--for", "guardians", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def section(text: str, heading: str) -> str:
    """The lines under `## heading`, up to the next heading."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |^---)", text, re.S | re.M)
    return match.group(1) if match else ""


def read_as_a_parent(text: str, lang: str) -> None:
    """What holds for every family summary: no placeholder, no staff note, no ISO date, no
    right the BTI model does not give."""
    assert not re.search(r"\[[A-ZÆØÅ-]+\]", text)
    assert "Testesen" not in text
    for note in (GOALS, ASSESSMENT, CLOSING, "Alene i friminuttene", "Liker gruppen", "Gruppen er i gang"):
        assert note not in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert "statsforvalt" not in text.lower()
    assert (f"## {i18n.t('family.h_disagree', lang)}" in text
            or f"## {i18n.t('family.h_disagree_you', lang)}" in text)  # written to a young person


# --------------------------------------------------------------------------- the prompts


@pytest.mark.parametrize("lang", LANGS)
def test_the_prompt_for_the_family_says_so_and_every_other_text_prompt_says_case_log(cli, tmp_path, lang):
    """`bti cases evaluate` at a terminal: five text questions; one is for the family."""
    case = start(cli, tmp_path, 1)
    lines = [
        "Gruppen er i gang.", "j",  # carried out, as planned
        "",  # meeting date: today
        "Liker gruppen.", "Enige.", ASSESSMENT,  # the views, the assessment
        FAMILY_EVAL,  # for the family
        "close", "goal-reached", CLOSING,  # the decision, then the closing step
        FAMILY_CLOSE,  # the closing step's text for the family
    ]
    result = cli("cases", "evaluate", case, "--lang", lang, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for_family, for_log = i18n.t("walk.for_family", lang), i18n.t("walk.for_log", lang)
    assert out.count(for_family) == 2  # the evaluation's and the closing's text for the family
    # carried_out, child_view, guardians_view, assessment, closing_note
    assert out.count(for_log) == 5
    plainly = {"nb": "Dette vises for familien", "nn": "Dette blir vist til familien",
               "en": "This is shown to the family"}[lang]
    assert plainly in for_family
    # the family's prompt is the one asking for the family text, right under it
    asked = i18n.t("process.hint_optional", lang)
    family_block = out[out.index(for_family) - 200: out.index(for_family) + len(for_family) + 80]
    assert ("familien" in family_block or "family" in family_block) and asked in family_block
    # what the family reads: the family text, not the assessment nor the closing note
    text = family(cli, case, lang)
    assert FAMILY_EVAL in text and ASSESSMENT not in text and CLOSING not in text
    assert FAMILY_CLOSE in text


def test_an_empty_family_text_shows_nothing_and_answers_files_need_not_name_it(cli, tmp_path):
    data = answers(1)
    del data["l0-decide"]["family_text"], data["l1-plan"]["family_text"]
    result = cli("start", "--no-input", "--answers", write(tmp_path, "a.toml", data))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    for lang in LANGS:
        assert f"## {i18n.t('family.h_written', lang)}" not in family(cli, case, lang)
    # the examples shipped with bti do not name it either, and still run
    assert "family_text" not in (EXAMPLES / "level1.toml").read_text(encoding="utf-8")


def test_a_family_text_is_stripped_of_control_characters_when_stored(cli, tmp_path, cases_dir):
    # a text for the family with personal data is refused (test_family_text_doors.py); control
    # characters are taken out of one without
    data = answers(1)
    data["l1-plan"]["family_text"] = "Ring skolen om noe er uklart.\x1b[31m Vi møtes i januar."
    result = cli("start", "--no-input", "--answers", write(tmp_path, "a.toml", data))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    stored = (cases_dir / f"{case}.toml").read_text(encoding="utf-8")
    assert "\x1b" not in stored and "\\u001b" not in stored.lower()
    text = family(cli, case, "nb")
    assert "Ring skolen om noe er uklart. Vi møtes i januar." in text
    assert "\x1b" not in text and "[" not in text


# --------------------------------------------------------------------------- every level, every state


@pytest.mark.parametrize("lang", LANGS)
def test_level0_open_and_closed(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = start(cli, tmp_path, None)
    text = family(cli, case, lang)
    read_as_a_parent(text, lang)
    assert t("family.stage_0") in text
    assert FAMILY_L0 in section(text, t("family.h_written"))
    # level 0 sets no goals and chooses no measures, and asks no consent (no other service is involved)
    assert t("family.h_goals") not in text and t("family.h_measures") not in text
    assert t("family.baton_none") in text
    # no baton holder: the family is told whom to tell instead, never "the baton holder"
    disagree = section(text, t("family.h_disagree"))
    assert t("family.disagree_talk_no_holder", head=t("family.unit_head_school")) in disagree
    assert i18n.t("family.baton", lang, role="")[:8].lower() not in disagree.lower()
    assert t("family.consent_not_needed") in text and t("family.consent_none") not in text
    assert t("family.disagree_withdraw") not in text
    assert t("family.dates_none_no_holder") in text
    # closed from the decision: told in the past, the text for the family kept
    data = answers(None)
    data["l0-decide"]["decision"] = "close"
    data["close"] = {"closing_reason": "concern-gone", "closing_note": CLOSING}
    result = cli("start", "--no-input", "--answers", write(tmp_path, "closed.toml", data))
    assert result.exit_code == 0, result.stderr
    closed = family(cli, CASE_RE.search(result.stdout).group(0), lang)
    read_as_a_parent(closed, lang)
    assert t("family.closed", date=long_date(date.today(), lang)) in closed
    assert t("family.h_goals") not in closed and t("family.goals_none_closed") not in closed
    # what was done at level 0: the concern was raised and settled, then what the family can do
    who = section(closed, t("family.h_who_closed"))
    assert t("family.level0_who_closed") in who and t("family.family_line_closed") in who
    assert t("family.consent_not_needed_closed") in closed and t("family.consent_none_closed") not in closed
    assert t("family.h_dates") not in closed
    assert t("family.disagree_close") not in closed and t("family.disagree_withdraw") not in closed
    assert FAMILY_L0 in closed


@pytest.mark.parametrize("lang", LANGS)
def test_level1_open_evaluated_and_closed(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = start(cli, tmp_path, 1)
    text = family(cli, case, lang)
    read_as_a_parent(text, lang)
    written = section(text, t("family.h_written"))
    # the texts for the family, in the order written, a name read as "barnet"
    assert written.index(FAMILY_L0) < written.index(FAMILY_PLAN_SHOWN)
    # the goals were agreed: said so with the date, the staff's wording of them not shown
    today = long_date(date.today(), lang)
    assert t("family.goals_agreed", date=today) + " " + t("family.goals_in_writing") in text
    assert t("family.baton", role="Kontaktlærer") in text
    assert t("family.evaluation", date=long_date(date.today() + timedelta(days=42), lang)) in text
    assert t("family.last_evaluation", date=today) not in text  # no evaluation meeting yet
    # no consent asked at level 1 (no other service): not a refusal, nothing to withdraw
    assert t("family.consent_not_needed") in text and t("family.consent_none") not in text
    assert t("family.disagree_withdraw") not in text
    assert t("family.disagree_talk", head=t("family.unit_head_school")) in text and t("family.disagree_close") in text

    evaluate(cli, tmp_path, case, 1, "continue")
    evaluated = family(cli, case, lang)
    read_as_a_parent(evaluated, lang)
    assert t("family.last_evaluation", date=today) in evaluated
    written = section(evaluated, t("family.h_written"))
    assert FAMILY_EVAL in written and written.count(FAMILY_PLAN_SHOWN) == 1
    assert t("family.stage_1") in evaluated

    close(cli, tmp_path, case)
    closed = family(cli, case, lang)
    read_as_a_parent(closed, lang)
    assert t("family.goals_agreed", date=today) in closed and t("family.goals_in_writing") not in closed
    assert t("family.baton_closed", role="Kontaktlærer") in closed
    assert t("family.h_measures_closed") in closed and t("family.h_measures") not in closed
    assert t("family.family_line") not in closed and t("family.disagree_close") not in closed
    assert t("family.consent_not_needed_closed") in closed and t("family.consent_none_closed") not in closed
    assert FAMILY_EVAL in closed


@pytest.mark.parametrize("lang", LANGS)
def test_level2_with_consent_open_then_closed(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = start(cli, tmp_path, 2)
    text = family(cli, case, lang)
    read_as_a_parent(text, lang)
    assert t("family.stage_2") in text
    assert FAMILY_PLAN_SHOWN in section(text, t("family.h_written"))
    assert t("family.first_meeting", date=long_date(date.today() + timedelta(days=7), lang)) in text
    # consent given: it can be withdrawn while the work goes on
    consent = section(text, t("family.h_consent"))
    assert consent.strip().startswith(t("family.consent_by_guardians"))
    assert "Pedagogisk-/psykologisk tjeneste" in consent
    assert t("family.consent_until", date=long_date(date.today() + timedelta(days=180), lang)) in consent
    assert t("family.disagree_withdraw") in text
    assert t("family.service_joins", service="Pedagogisk-/psykologisk tjeneste i Løten") in text

    close(cli, tmp_path, case)
    closed = family(cli, case, lang)
    read_as_a_parent(closed, lang)
    # the service that joined took part, in the past; no baton holder left to tell, the head of the unit is
    assert t("family.service_joined", service="Pedagogisk-/psykologisk tjeneste i Løten") in closed
    assert t("family.service_joins", service="Pedagogisk-/psykologisk tjeneste i Løten") not in closed
    head = t("family.unit_head_school")
    assert t("family.disagree_talk_closed", head=head) in closed and t("family.disagree_talk", head=head) not in closed
    # the consent was given and ends with the work: no more "you can withdraw"
    assert t("family.disagree_withdraw") not in closed and t("family.consent_none") not in closed
    assert t("family.consent_until", date=long_date(date.today() + timedelta(days=180), lang)) not in closed
    assert t("family.h_dates") not in closed


@pytest.mark.parametrize("lang", LANGS)
def test_level3_handed_over_then_accepted(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = start(cli, tmp_path, 3)
    # the coordinator's unit joins: the consent is extended (tests/cli/test_consent_handover.py)
    assert cli("cases", "handover", case, "--to", "koordinator", "--consent-extended").exit_code == 0
    text = family(cli, case, lang)
    read_as_a_parent(text, lang)
    assert t("family.stage_3") in text and t("family.responsibility_group") in text
    assert FAMILY_PLAN_SHOWN in section(text, t("family.h_written"))
    # the baton holder's role by its name, and who it is to pass to
    assert t("family.baton", role="Kontaktlærer") in text
    assert t("family.baton_pending", new="Koordinator", holder="Kontaktlærer") in text
    assert cli("cases", "accept", case).exit_code == 0
    accepted = family(cli, case, lang)
    assert t("family.baton", role="Koordinator") in accepted
    assert t("family.baton_pending", new="Koordinator", holder="Kontaktlærer") not in accepted

    evaluate(cli, tmp_path, case, 3, "close")
    closed = family(cli, case, lang)
    read_as_a_parent(closed, lang)
    assert t("family.responsibility_group_closed") in closed and t("family.responsibility_group") not in closed
    assert t("family.baton_closed", role="Koordinator") in closed
    assert FAMILY_EVAL in section(closed, t("family.h_written"))


@pytest.mark.parametrize(("lang", "not_asked"), [("nb", "Ikke spurt, fordi barnet var sykt."),
                                                 ("nn", "Ikkje spurt, fordi barnet var sjukt."),
                                                 ("en", "Not asked, because the child was ill."),
                                                 # the same said in other words a reader wrote
                                                 ("nn", "Ikkje spurd, barnet var sjukt."),
                                                 ("nb", "Ble ikke spurt, barnet var sykt."),
                                                 ("nb", "Har ikke blitt spurt ennå."),
                                                 ("nb", "Ikke hørt ennå."),
                                                 ("en", "Not yet asked: the child was ill.")])
def test_a_view_written_as_not_asked_is_not_told_as_heard(cli, tmp_path, lang, not_asked):
    """The prompts ask for «ikke spurt, fordi …» when the child or the guardians were not asked:
    the family summary then does not say that they were heard."""
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = answers(1)
    data["l0-share"].update(talked_child=False, talked_guardians=False, not_talked_reason="too-young")
    del data["l0-share"]["child_view"], data["l0-share"]["guardians_view"]
    data["l1-views"] = {"child_view": not_asked, "guardians_view": "Enige i planen."}
    result = cli("start", "--no-input", "--answers", write(tmp_path, "a.toml", data))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    text = family(cli, case, lang)
    today = long_date(date.today(), lang)
    assert t("family.child_view", date=today) not in text and not_asked not in text
    assert t("family.guardians_view", date=today) in text
    # neither heard: nothing is said to have been written down, and closed it is told in the past
    data["l1-views"]["guardians_view"] = not_asked
    result = cli("start", "--no-input", "--answers", write(tmp_path, "b.toml", data))
    second = CASE_RE.search(result.stdout).group(0)
    assert t("family.views_none") in family(cli, second, lang)
    close(cli, tmp_path, second)
    closed = family(cli, second, lang)
    assert t("family.views_none_closed") in closed and t("family.views_none") not in closed


@pytest.mark.parametrize("lang", LANGS)
def test_each_measure_says_who_does_it_and_the_date_agreed(cli, tmp_path, lang):
    """Who does what (measure_owners): the family reads the role by its name and the date written out."""
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = answers(1)
    data["l1-plan"]["measure_owners"] = {"foreldresamarbeid-barneskole": {"owner": "kontaktlaerer",
                                                                          "date": "today+10"}}
    result = cli("start", "--no-input", "--answers", write(tmp_path, "a.toml", data))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    text = family(cli, case, lang)
    line = t("family.measure_owner", role="Kontaktlærer", date=long_date(date.today() + timedelta(days=10), lang))
    assert line in section(text, t("family.h_measures"))
    assert "kontaktlaerer" not in text
    # closed today, before the agreed date: the date was never reached and is not told
    close(cli, tmp_path, case)
    closed = section(family(cli, case, lang), t("family.h_measures_closed_planned"))  # closed without evaluation
    assert t("family.measure_owner_nodate", role="Kontaktlærer") in closed and line not in closed


# --------------------------------------------------------------------------- issue 16: the gaps


@pytest.mark.parametrize("lang", LANGS)
def test_a_closing_offers_a_text_for_the_family_asked_as_such(cli, tmp_path, lang):
    case = start(cli, tmp_path, 1)
    typed = "\n".join(["goal-reached", CLOSING, FAMILY_CLOSE]) + "\n"
    result = cli("cases", "close", case, "--lang", lang, input=typed)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for_family = i18n.t("walk.for_family", lang)
    assert out.count(for_family) == 1
    # the closing note is asked for the log, before the text for the family
    assert out.index(i18n.t("walk.for_log", lang)) < out.index(for_family)
    text = family(cli, case, lang)
    read_as_a_parent(text, lang)
    assert FAMILY_CLOSE in section(text, i18n.t("family.h_written", lang)) and CLOSING not in text


def test_a_closing_after_barnevern_took_over_asks_no_text_for_the_family(cli, tmp_path):
    case = start(cli, tmp_path, 1)
    result = cli("cases", "close", case, input="\n".join(["barnevern", CLOSING]) + "\n")
    assert result.exit_code == 0, result.stderr
    assert i18n.t("walk.for_family", "nb") not in result.stdout


def _start_with(cli, tmp_path, data: dict) -> str:
    result = cli("start", "--no-input", "--answers", write(tmp_path, "case.toml", data))
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


@pytest.mark.parametrize("lang", LANGS)
def test_a_pregnancy_summary_speaks_to_the_expecting_parents(cli, tmp_path, lang):
    data = answers(1)
    data["l0-concern"].update(subject="pregnant")
    data["l0-concern"].pop("age")
    data["l1-goals"].pop("child_involved")
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    read_as_a_parent(text, lang)
    assert t("family.family_line_pregnant") in text and t("family.family_line") not in text
    assert t("family.child_line") not in text and t("family.h_views_pregnant") in text
    assert t("family.disagree_insight", subject=t("family.subject_pregnant")) in text
    assert t("family.stage_1_pregnant") in text and t("family.stage_1") not in text


def youth_alone(age: int = 16) -> dict:
    """A young person who consented alone; the guardians never talked with (the QA case of
    issue 16: "Vil ha hjelp, men ikke at foreldrene får vite")."""
    data = answers(2)
    data["l0-concern"].update(subject="youth", age=age)
    data["l0-share"].update(talked_guardians=False, child_view="Vil ha hjelp, men ikke hjemme.")
    data["l0-share"].pop("guardians_view")
    data["l2-consent"] = {"consent": {**CONSENT, "by": ["youth"]}}
    data["l2-views"] = {"child_view": "Vil ha hjelp, men ikke at foreldrene får vite.",
                        "guardians_view": "ikke spurt, fordi ungdommen samtykker selv."}
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_a_young_person_who_consents_alone_gets_the_summary_written_to_them(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = _start_with(cli, tmp_path, youth_alone())
    result = cli("cases", "show", case, "--format", "md", "--for", "guardians", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    # the employee is warned, on stderr only: the guardians may not be entitled to it
    assert t("family.youth_alone_warning", case=case) in result.stderr
    assert t("family.youth_alone_warning", case=case) not in text
    read_as_a_parent(text, lang)
    today = long_date(date.today(), lang)
    # written to the young person: "deg"/"you", never "ungdommen deres" or "dere"
    assert text.startswith(f"# {t('family.title_you')}")
    assert t("family.subject_youth") not in text and t("family.title") not in text
    if lang != "en":  # "you" is both in English; in Norwegian, no plural "dere"/"dykk" to the young person
        assert not re.search(r"\b(dere|dykk|De)\b", text)
    # the goals were agreed with the young person, not with guardians who were never met
    assert t("family.goals_agreed_you", date=today) in text
    if lang != "en":  # "You and we agreed" is the same words in English
        assert t("family.goals_agreed", date=today) not in text
    assert t("family.family_line_you") in text
    assert t("family.family_line_not_met") not in text and t("family.family_line") not in text
    assert t("family.consent_given", who=t("family.consent_by_youth_you"),
             services="Barneskole; Pedagogisk-/psykologisk tjeneste i Løten") in text
    assert t("family.disagree_withdraw_youth_you") in text and t("family.disagree_close_you") in text
    assert t("family.disagree_withdraw") not in text
    if lang != "en":
        assert t("family.disagree_close") not in text
    assert t("family.child_view_youth_you", date=today) in text
    assert t("family.footer_you", case=case) in text
    # the staff's note of the young person's own view never reaches the summary
    assert "foreldrene" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_consent_with_the_guardians_is_the_familys_summary_and_no_warning(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = youth_alone(17)
    data["l2-consent"] = {"consent": {**CONSENT, "by": ["guardians", "youth"]}}
    case = _start_with(cli, tmp_path, data)
    result = cli("cases", "show", case, "--format", "md", "--for", "guardians", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert t("family.youth_alone_warning", case=case) not in result.stderr
    both = result.stdout
    read_as_a_parent(both, lang)
    assert both.startswith(f"# {t('family.title')}") and t("family.subject_youth") in both
    assert t("family.disagree_withdraw") in both and t("family.disagree_withdraw_youth") not in both
    assert t("family.consent_given", who=t("family.consent_by_both"),
             services="Barneskole; Pedagogisk-/psykologisk tjeneste i Løten") in both
    assert t("family.h_views_youth") in both and t("family.child_line_youth") in both
    youth_l1 = answers(1)
    youth_l1["l0-concern"].update(subject="youth", age=16)
    assert t("family.stage_1_youth") in family(cli, _start_with(cli, tmp_path, youth_l1), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_goals_written_without_the_guardians_are_not_said_to_be_agreed_with_them(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = answers(2)
    data["l0-share"].update(talked_guardians=False)
    data["l0-share"].pop("guardians_view")
    data["l2-views"] = {"child_view": "Liker gruppen.", "guardians_view": "ikke spurt, fordi de ikke er nådd."}
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    read_as_a_parent(text, lang)
    today = long_date(date.today(), lang)
    assert t("family.goals_set_not_met", date=today) in text and t("family.goals_agreed", date=today) not in text
    assert t("family.family_line_not_met") in text
    # closed: told in the past, still not "agreed with you"
    case = _start_with(cli, tmp_path, data)
    close(cli, tmp_path, case)
    closed = family(cli, case, lang)
    assert t("family.goals_set_not_met_closed", date=today) in closed
    assert t("family.goals_agreed", date=today) not in closed


@pytest.mark.parametrize("lang", LANGS)
def test_a_closed_case_without_measures_or_consent_is_told_in_the_past(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = answers(None)
    data["l0-decide"]["decision"] = "close"
    data["close"] = {"closing_reason": "concern-gone", "closing_note": CLOSING}
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    read_as_a_parent(text, lang)
    # closed at level 0: no measures section (none are chosen at level 0), consent was not needed
    assert t("family.h_measures_closed") not in text and t("family.measures_none") not in text
    assert t("family.consent_not_needed_closed") in text and t("family.consent_none") not in text


@pytest.mark.parametrize("lang", LANGS)
def test_guardians_never_met_are_not_told_they_are_at_the_meetings(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = answers(1)
    data["l0-share"].update(talked_guardians=False)
    data["l0-share"].pop("guardians_view")
    data["l1-goals"] = {"guardians_met": False, "child_involved": True, "proposed_goals": GOALS}
    data["l1-views"]["guardians_view"] = "Ikke spurt, fordi foresatte ikke er nådd ennå."
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    read_as_a_parent(text, lang)
    assert t("family.family_line_not_met") in text and t("family.family_line") not in text
    # and once they are met and heard, they are
    met = family(cli, start(cli, tmp_path, 1), lang)
    assert t("family.family_line") in met and t("family.family_line_not_met") not in met


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("how", [("--format", "md"), ("--plain",)])
def test_the_staff_view_marks_the_texts_the_family_will_read(cli, tmp_path, lang, how):
    case = start(cli, tmp_path, 1)
    result = cli("cases", "show", case, *how, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    mark = i18n.t("caselog.shown_to_family", lang)
    marked = [line for line in result.stdout.splitlines() if mark in line]
    # the two texts written for the family (level 0's decision, level 1's plan), nothing else
    assert len(marked) == 2, result.stdout
    assert not any(GOALS[:20] in line for line in marked)
    if how[0] == "--format":  # a table row: the answer on the marked line
        assert any(FAMILY_L0[:30] in line for line in marked)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("level", [2, 3])
def test_without_consent_the_other_services_are_only_consulted_anonymously(cli, tmp_path, lang, level):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = answers(level)
    data[f"l{level}-consent"] = {"consent": {"given": False}}
    data[f"l{level}-anonymous"] = {"evaluation_date": "today+30"}
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    read_as_a_parent(text, lang)
    assert t(f"family.stage_{level}_no_consent") in text and t(f"family.stage_{level}") not in text
    assert t("family.consent_none") in text and t("family.disagree_withdraw") not in text
    # the baton stays in the employee's own service (asked at the anonymous step, the employee's
    # own role by default): the family is told who holds it and whom to tell
    assert t("family.baton_none") not in text
    assert i18n.t("family.baton", lang, role="")[:8] in text
    disagree = section(text, t("family.h_disagree"))
    head = t("family.unit_head_school")
    assert t("family.disagree_talk", head=head) in disagree
    assert t("family.disagree_talk_no_holder", head=head) not in disagree
    # no measures: the case is looked at again, not "whether the measures help"
    again = long_date(date.today() + timedelta(days=30), lang)
    assert t("family.evaluation_no_measures", date=again) in text
    assert t("family.evaluation", date=again) not in text
    # with the consent given, the same level says the services work together
    assert t(f"family.stage_{level}") in family(cli, start(cli, tmp_path, level), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_evaluation_date_is_told_as_coming_until_its_day_and_as_past_after(cli, tmp_path, cases_dir, lang):
    from bti_cli.caselog.log import CaseLog
    from bti_cli.reports.family import guardian_summary

    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    log = CaseLog.open(cases_dir, start(cli, tmp_path, 1))
    day = date.today() + timedelta(days=42)
    shown = long_date(day, lang)
    for today, key in ((day - timedelta(days=1), "family.evaluation"), (day, "family.evaluation"),
                       (day + timedelta(days=1), "family.evaluation_past")):
        text = guardian_summary(log.header, log.events, lang=lang, today=today)
        other = "family.evaluation_past" if key == "family.evaluation" else "family.evaluation"
        assert t(key, date=shown) in text and t(other, date=shown) not in text, today


def test_the_guide_quotes_the_young_persons_warning_as_bti_writes_it():
    guide = (ROOT / "docs" / "employee-guide.md").read_text(encoding="utf-8")
    assert "bti: " + i18n.t("family.youth_alone_warning", "nb", case="BTI-2026-7K3Q9") in guide


@pytest.mark.parametrize("lang", LANGS)
def test_a_level3_case_a_young_person_consented_to_alone_is_theirs_open_and_closed(cli, tmp_path, lang):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    data = answers(3)
    data["l0-concern"].update(subject="youth", age=16)
    data["l0-share"].update(talked_guardians=False)
    data["l0-share"].pop("guardians_view")
    data["l3-consent"] = {"consent": {**CONSENT, "by": ["youth"]}}
    data["l3-views"] = {"child_view": "Vil ha hjelp.", "guardians_view": "ikke spurt, fordi ungdommen samtykker selv."}
    data["l3-coordination"] = {key: True for key in ("individual_plan", "responsibility_group",
                                                     "statutory_coordinator", "child_coordinator")}
    case = _start_with(cli, tmp_path, data)
    for state in ("open", "closed"):
        if state == "closed":
            close(cli, tmp_path, case)
        result = cli("cases", "show", case, "--format", "md", "--for", "guardians", "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert t("family.youth_alone_warning", case=case) in result.stderr
        text = result.stdout
        read_as_a_parent(text, lang)
        suffix = "_closed" if state == "closed" else ""
        for key in ("responsibility_group", "statutory_coordinator", "child_coordinator"):
            assert t(f"family.{key}{suffix}_you") in text, (state, key)
        # (outside the texts the employee wrote, where a name still reads as "ungdommen")
        ours = text.replace(section(text, t("family.h_written_you")), "")
        if lang != "en":
            assert not re.search(r"\b(dere|dykk|De|barnet|ungdommen)\b", ours), state
        else:
            assert not re.search(r"\b(your teenager|your child)\b", ours), state
