"""The close step offers only the reasons that fit the case (issue 16, fresh-eyes item 1): "the
guardians withdrew consent" only once consent was given, "the goal is reached" only when goals
were set. An answers file naming a reason that does not fit is refused with the allowed values,
and the family summary never contradicts itself — each reason at each level it can occur at,
in nb, nn and en."""

from __future__ import annotations

import re

import pytest
from test_family_texts import CASE_RE, LANGS, _start_with, answers, family, section, write

from bti_cli import i18n
from bti_cli.walkthrough.process import default_process

REASONS = [o.value for o in default_process().required_step("close").question("closing_reason").options]
ALWAYS = {"concern-gone", "barnevern", "individual-plan", "moved", "other"}


def _case(kind: str) -> dict:
    """The answers of a case of `kind`: level 0 (nothing set), level 1 (goals, no consent), level
    2 or 3 with consent and goals, or level 2 without consent (only discussed anonymously)."""
    if kind == "l0":
        data = answers(None)
        data["l0-decide"]["decision"] = "close"
        return data
    if kind == "l2-no-consent":
        data = answers(2)
        data["l2-consent"] = {"consent": {"given": False}}
        data["l2-anonymous"] = {"evaluation_date": "today+30"}
        return data
    return answers(int(kind[1]))


FITS = {"l0": ALWAYS, "l1": ALWAYS | {"goal-reached"}, "l2-no-consent": ALWAYS,
        "l2": set(REASONS), "l3": set(REASONS)}
PLAN = [(kind, reason) for kind in FITS for reason in REASONS]


def _close(cli, tmp_path, kind: str, reason: str):
    """Start a case of `kind` and close it with `reason` (level 0: in the same run)."""
    data = _case(kind)
    close = {"closing_reason": reason, "closing_note": "Avslutningsnotat."}
    if reason == "individual-plan":
        close["plan_holder"] = "kontaktlaerer"  # a role of a service the consent covers
    if kind == "l0":
        data["close"] = close
        result = cli("start", "--no-input", "--answers", write(tmp_path, "start.toml", data))
        return result, (CASE_RE.search(result.stdout + result.stderr) or [None])[0]
    case = _start_with(cli, tmp_path, data)
    result = cli("cases", "close", case, "--no-input", "--answers", write(tmp_path, "close.toml", {"close": close}))
    return result, case


def test_every_reason_is_offered_somewhere_and_the_two_that_need_a_state_are_conditioned():
    close = default_process().required_step("close").question("closing_reason")
    conditions = {o.value: o.when for o in close.options}
    assert conditions["guardians-withdrew"] == "consent_was_given"
    assert conditions["goal-reached"] == "goals or proposed_goals"
    assert {value for value, when in conditions.items() if not when} == ALWAYS


@pytest.mark.parametrize(("kind", "reason"), PLAN)
def test_a_reason_is_taken_where_it_fits_and_refused_with_the_allowed_values_where_not(cli, tmp_path, kind,
                                                                                      reason):
    result, case = _close(cli, tmp_path, kind, reason)
    if reason not in FITS[kind]:
        assert result.exit_code == 1, result.stdout
        allowed = ", ".join(r for r in REASONS if r in FITS[kind])
        assert allowed in result.stderr and reason not in result.stderr.split(":")[-1]
        if case:  # the case stays open: nothing was closed
            shown = cli("cases", "show", case, "--format", "json")
            assert '"status": "open"' in shown.stdout or '"status":"open"' in shown.stdout
        return
    assert result.exit_code == 0, result.stderr
    text = family(cli, case, "nb")
    label = next(o.label for o in default_process().required_step("close").question("closing_reason").options
                 if o.value == reason)
    if reason == "other":  # «another reason» tells the family nothing: not said
        assert i18n.t("family.closed_reason", "nb", reason=label.nb) not in text
    else:
        assert i18n.t("family.closed_reason", "nb", reason=label.nb) in text
    consent = section(text, i18n.t("family.h_consent", "nb"))
    no_consent = (i18n.t("family.consent_not_needed_closed", "nb"), i18n.t("family.consent_none_closed", "nb"))
    if reason == "guardians-withdrew":
        assert i18n.t("family.consent_withdrawn_closed", "nb") in consent
    if kind in ("l0", "l1", "l2-no-consent"):
        assert any(line in consent for line in no_consent)
    else:  # consent was given: never "no consent was needed / given"
        assert not any(line in consent for line in no_consent), consent
    if reason == "goal-reached":  # goals were set: never "no goals were agreed"
        assert i18n.t("family.goals_none_closed", "nb") not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_withdrawn_consent_is_told_once_in_every_language(cli, tmp_path, lang):
    _, case = _close(cli, tmp_path, "l2", "guardians-withdrew")
    text = family(cli, case, lang)
    consent = section(text, i18n.t("family.h_consent", lang))
    assert i18n.t("family.consent_withdrawn_closed", lang) in consent
    assert i18n.t("family.consent_not_needed_closed", lang) not in text
    assert i18n.t("family.disagree_withdraw", lang) not in text  # nothing left to withdraw


@pytest.mark.parametrize("lang", LANGS)
def test_a_reason_that_does_not_fit_in_an_older_log_is_not_told(cli, tmp_path, cases_dir, lang):
    """A log written before the options were conditioned (or by hand) may close a level-0 case
    with "the guardians withdrew consent": the summary leaves the reason out rather than say it
    next to "no consent was needed"."""
    from bti_cli.caselog.log import CaseLog

    case = _start_with(cli, tmp_path, answers(1))
    log = CaseLog.open(cases_dir, case)
    log.append(level=1, step="close", kind="answer", question="closing_reason", value="guardians-withdrew")
    log.append(level=1, step="close", kind="close", value={"closing_reason": "guardians-withdrew"})
    text = family(cli, case, lang)
    label = {"nb": "Samtykket ble trukket tilbake", "nn": "Samtykket vart trekt tilbake",
             "en": "the consent was withdrawn"}[lang]
    assert label not in text
    assert i18n.t("family.consent_not_needed_closed", lang) in text
    assert i18n.t("family.consent_withdrawn_closed", lang) not in text


def test_a_consent_not_renewed_still_lets_the_case_close_as_withdrawn(cli, tmp_path, cases_dir):
    """The consent was given, then not renewed (a `consent` event with given = false): it was
    given once, so "the guardians withdrew consent" still fits."""
    from bti_cli.caselog.log import CaseLog
    from bti_cli.walkthrough.process import option_fits

    case = _start_with(cli, tmp_path, answers(2))
    log = CaseLog.open(cases_dir, case)
    log.append(level=2, step="consent-renewal", kind="consent", value={"given": False})
    assert option_fits(default_process(), CaseLog.open(cases_dir, case).events, "closing_reason",
                       "guardians-withdrew")


@pytest.mark.parametrize(("level", "absent"), [(None, ("goal-reached", "guardians-withdrew")),
                                               (1, ("guardians-withdrew",)), (2, ())])
def test_at_a_terminal_the_close_step_lists_only_the_reasons_that_fit(cli, tmp_path, level, absent):
    from test_family_texts import start

    case = start(cli, tmp_path, level)
    labels = {o.value: o.label.nb for o in
              default_process().required_step("close").question("closing_reason").options}
    if level is None:  # waiting at the level-0 decision: close there
        result = cli("resume", case, input="close\nconcern-gone\nNotat.\n\n")
    else:
        result = cli("cases", "close", case, input="concern-gone\nNotat.\n\n")
    assert result.exit_code == 0, result.stderr
    asked = result.stdout[result.stdout.index("Hvorfor avsluttes saken?"):]
    listed = re.findall(r"^\s+\d+\s+(.+?)\s*$", asked.split("[")[0], re.M)  # the numbered choices
    assert listed == [label for value, label in labels.items() if value not in absent], asked[:800]


@pytest.mark.parametrize("lang, label", [
    ("nb", "Samtykket ble trukket tilbake"),
    ("nn", "Samtykket vart trekt tilbake"),
    ("en", "The consent was withdrawn"),
])
def test_the_withdrawal_reason_names_no_one(lang, label):
    """A young person who consented alone can withdraw too: the reason does not say the guardians."""
    question = next(q for step in default_process().steps for q in step.questions if q.id == "closing_reason")
    option = next(o for o in question.options if o.value == "guardians-withdrew")
    assert getattr(option.label, lang) == label


@pytest.mark.parametrize("lang", LANGS)
def test_an_individual_plan_that_takes_over_is_told_in_the_present_with_who_follows_it_up(cli, tmp_path, lang):
    # before: "It was decided to make an individual plan: one plan that brought together …" and
    # "was entitled to a coordinator", as if the plan had ended with the BTI log, and no word of
    # who holds the plan now
    _, case = _close(cli, tmp_path, "l3", "individual-plan")
    text = family(cli, case, lang)
    planned = section(text, i18n.t("family.h_measures_closed", lang)) or section(
        text, i18n.t("family.h_measures_closed_planned", lang))
    holder = {"nb": "Kontaktlærer", "nn": "Kontaktlærer", "en": "Kontaktlærer"}[lang]
    assert f"{i18n.t('family.plan_goes_on', lang)} {i18n.t('family.plan_holder', lang, role=holder)}" in planned, text
    assert i18n.t("family.individual_plan_closed", lang) not in text
    # a closing for another reason keeps the past
    _, other = _close(cli, tmp_path, "l3", "goal-reached")
    closed = family(cli, other, lang)
    assert i18n.t("family.plan_goes_on", lang) not in closed



def test_the_plan_holder_is_not_limited_by_the_bti_consent(cli, tmp_path):
    # an individual plan that takes over has a consent of its own: at the close every role is
    # offered and can be chosen (before: "No role the consent covers can hold the baton here",
    # and the coordinator of the municipality, whom the consent did not name, was refused)
    case = _start_with(cli, tmp_path, _case("l3"))
    reason = REASONS.index("individual-plan") + 1
    result = cli("cases", "close", case, "--lang", "en", input=f"{reason}\nkoordinator\nAvslutta.\n\n\n")
    screen = result.stdout
    asked = screen[screen.index("Who holds the individual plan now"):]
    assert "consent" not in asked.split("[number or a role]")[0], asked
    assert "Koordinator" in asked
    assert result.exit_code == 0, result.stderr
    shown = cli("cases", "show", case, "--format", "json")
    assert '"plan_holder"' in shown.stdout and '"koordinator"' in shown.stdout
