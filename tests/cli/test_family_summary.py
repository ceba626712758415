"""`bti cases show CASE --format md --for guardians`: a plain-language summary for the family, in
nb, nn and en, made from cases created by the example answers files."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from bti_cli import i18n
from bti_cli.reports.family import in_sentence, long_date

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "answers"
LANGS = ("nb", "nn", "en")


def start(cli, answers: Path | str) -> str:
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    return re.search(r"BTI-\d{4}-[0-9A-Z]{5}", result.stdout).group(0)


@pytest.fixture
def level1(cli):
    return start(cli, EXAMPLES / "level1.toml")


@pytest.fixture
def level3(cli):
    return start(cli, EXAMPLES / "level3.toml")


def family(cli, case: str, lang: str, *extra: str) -> str:
    result = cli("cases", "show", case, "--format", "md", "--for", "guardians", "--lang", lang, *extra)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def loten():
    from bti_cli.catalogue import loader as catalogue

    return catalogue.load("loten").catalogue


def answers_of(name: str) -> dict:
    import tomllib

    return tomllib.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def texts(key: str, **values) -> list[str]:
    return [i18n.t(key, lang, **values) for lang in LANGS]


# --------------------------------------------------------------------------- what the family reads


@pytest.mark.parametrize("lang", LANGS)
def test_level1_summary_has_goals_measures_roles_dates_views_and_rights(cli, level1, lang):
    text = family(cli, level1, lang)
    answers = answers_of("level1.toml")
    cat = loten()
    measures = {m.id: m for m in cat.measures}
    services = {s.id: s.name for s in cat.services}
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731

    assert text.startswith(f"# {t('family.title')}\n")
    for heading in ("h_about", "h_goals", "h_measures", "h_who", "h_dates", "h_views", "h_consent", "h_disagree"):
        assert f"\n## {t(f'family.{heading}')}\n" in text
    # where the work stands, in words
    assert t("family.stage_1") in text
    # the goals were agreed (and when); the goals as the staff noted them are the case log's
    assert t("family.goals_agreed", date=long_date(date.today(), lang)) in text
    assert answers["l1-goals"]["goals"] not in text
    # the views: when they were heard, never the staff's notes of them as quotes
    today = long_date(date.today(), lang)
    assert t("family.child_view", date=today) in text and t("family.guardians_view", date=today) in text
    for view in (answers["l0-share"]["child_view"], answers["l1-views"]["child_view"],
                 answers["l1-views"]["guardians_view"]):
        assert view not in text
    # the measures by their names in the catalogue, each with its service
    for measure_id in answers["l1-plan"]["measures"]:
        m = measures[measure_id]
        assert t("family.measure_line", name=m.name, service=services[m.service]) in text
    # the baton holder's role and what a baton holder does
    assert t("family.baton", role="Kontaktlærer") in text and t("family.baton_explained") in text
    # the evaluation date, written out
    evaluation = date.today() + timedelta(days=42)
    assert t("family.evaluation", date=long_date(evaluation, lang)) in text
    # no consent at level 1, where no other service is involved: not a refusal, and none to withdraw
    assert t("family.consent_not_needed") in text and t("family.consent_none") not in text
    for key in ("disagree_talk", "disagree_close", "disagree_insight"):
        assert f"- {t(f'family.{key}', subject=t('family.subject_child'), head=t('family.unit_head_school'))}" in text
    assert t("family.disagree_withdraw") not in text


@pytest.mark.parametrize("lang", LANGS)
def test_level3_summary_has_consent_coordination_and_the_pending_baton(cli, level3, lang):
    text = family(cli, level3, lang)
    answers = answers_of("level3.toml")
    cat = loten()
    services = {s.id: s.name for s in cat.services}
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731

    assert t("family.stage_3") in text
    consent = answers["l3-consent"]["consent"]
    named = "; ".join(services[s] for s in consent["services"])
    until = long_date(date.today() + timedelta(days=180), lang)
    assert t("family.consent_given", who=t("family.consent_by_both"), services=named) in text
    assert t("family.consent_until", date=until) in text
    # the coordination that was decided, explained; what was not decided is not mentioned
    # (the case is about a young person: "ungdommen", never "barnet", in every line)
    assert t("family.individual_plan") in text
    for key in ("responsibility_group", "statutory_coordinator"):
        assert t(f"family.{key}_youth") in text and t(f"family.{key}") not in text
    assert t("family.child_coordinator") not in text
    assert not re.search(r"\b(barnet|the child|your child)\b", text, re.IGNORECASE)
    # the baton stays with the health nurse until the coordinator accepts
    assert t("family.baton", role="Helsesykepleier (skolehelsetjenesten)") in text
    assert t("family.baton_pending", new="Koordinator", holder="Helsesykepleier (skolehelsetjenesten)") in text
    # the next meetings: the first interdisciplinary meeting and the evaluation
    assert t("family.first_meeting", date=long_date(date.today() + timedelta(days=7), lang)) in text
    assert t("family.evaluation", date=long_date(date.today() + timedelta(days=42), lang)) in text
    assert t("family.subject_youth") in text


def test_after_accept_the_new_baton_holder_is_named(cli, level3):
    assert cli("cases", "accept", level3).exit_code == 0
    text = family(cli, level3, "nb")
    assert i18n.t("family.baton", "nb", role="Koordinator") in text
    assert "Stafettpinnen skal gå videre" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_internal_words_and_no_ids(cli, level1, level3, cases_dir, lang):
    """No step or question ids, hashes, event numbers, ISO dates, measure or role ids, keys."""
    from bti_cli.walkthrough.process import default_process

    proc = default_process()
    # the ids that are not also plain English words ("goals", "consent", "close" are)
    forbidden = {step.id for step in proc.steps if "-" in step.id}
    forbidden |= {q.id for step in proc.steps for q in step.questions if "_" in q.id}
    forbidden |= {"selective", "indicated", "universal", "level:", "seq", "hash", "kontaktlaerer", "koordinator\n"}
    for case in (level1, level3):
        text = family(cli, case, lang)
        shown = json.loads(cli("cases", "show", case, "-f", "json").stdout)
        forbidden |= {m["id"] for m in shown["summary"]["measures"]}
        words = set(re.findall(r"[\w:-]+", text))
        assert not (words & forbidden), words & forbidden
        assert not re.search(r"\b[0-9a-f]{12,}\b", text)  # no hashes or versions
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # dates are written out
        assert shown["header"]["catalogue_version"] not in text
        assert "stafettholder" in text.lower() or "stafetthaldar" in text.lower()


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_is_whole(cli, level3, lang):
    """The summary's own words are in the chosen language only (names from the catalogue and
    the recorded free text stay as they were written)."""
    text = family(cli, level3, lang)
    for other in set(LANGS) - {lang}:
        for key in ("family.title", "family.h_disagree", "family.h_who", "family.disagree_insight"):
            theirs, ours = (i18n.t(key, code, subject=i18n.t("family.subject_child", code)) for code in (other, lang))
            if theirs != ours:
                assert theirs not in text, (key, other)


def test_personal_data_in_the_answers_never_reaches_the_summary(cli, tmp_path):
    answers = (EXAMPLES / "level1.toml").read_text(encoding="utf-8")
    goals = ('family_text = "Barnet skal bli trygg i friminuttene."\n'
             'evaluation_date')
    answers = answers.replace('evaluation_date', goals, 1)
    view = 'guardians_view = "Mor Ola-Kari Testesen, født 01.02.2017, er enig."'
    answers = answers.replace('guardians_view = "Enige i planen."', view)
    assert goals in answers and view in answers
    path = tmp_path / "answers.toml"
    path.write_text(answers, encoding="utf-8")
    case = start(cli, path)
    for lang in LANGS:
        text = family(cli, case, lang)
        for secret in ("Kari", "Testesen", "01.02.2017"):
            assert secret not in text
        assert "Barnet skal bli trygg i friminuttene" in text  # a Norwegian text stays Norwegian
        assert "[" not in text  # no placeholder of the scrubber
    # the same with personal data in the text for the family: refused, never echoed
    path.write_text(answers.replace("Barnet skal", "Kari Nordmann (tlf. 912 34 567, kari@example.no) skal"),
                    encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path))
    assert result.exit_code == 1 and "l1-plan.family_text" in result.stderr
    for secret in ("Kari", "Nordmann", "912 34 567", "example.no"):
        assert secret not in result.stdout + result.stderr


def test_a_closed_case_says_when_and_why(cli, level1, tmp_path):
    path = tmp_path / "close.toml"
    path.write_text('[close]\nclosing_reason = "goal-reached"\nclosing_note = "Trives i friminuttene nå."\n',
                    encoding="utf-8")
    assert cli("cases", "close", level1, "--no-input", "--answers", str(path)).exit_code == 0
    text = family(cli, level1, "en")
    assert i18n.t("family.closed", "en", date=long_date(date.today(), "en")) in text
    assert "The reason: the goal is reached." in text  # no capital after a colon in English
    assert "Grunnen: Målet er nådd." in family(cli, level1, "nb")  # a full sentence: capital in Norwegian
    assert "Trives i friminuttene nå." not in text  # the closing note is the staff's
    assert i18n.t("family.h_dates", "en") not in text  # no next meeting for a closed case
    # told in the past: what was planned (closed without an evaluation), who did what; no "is
    # asked", no baton to contact
    assert i18n.t("family.h_measures_closed_planned", "en") in text
    assert i18n.t("family.h_who_closed_planned", "en") in text
    assert i18n.t("family.baton_closed", "en", role="Kontaktlærer") in text
    assert i18n.t("family.baton_explained", "en") not in text and i18n.t("family.child_line", "en") not in text


def test_a_case_through_the_safety_gate_gets_no_family_summary(cli):
    case = start(cli, EXAMPLES / "notify.toml")
    result = cli("cases", "show", case, "--format", "md", "--for", "guardians")
    assert result.exit_code == 1 and result.stdout == ""
    assert "sikkerhetssporet" in result.stderr and "barnevernet" in result.stderr
    # the staff's own view of the log is still there
    assert cli("cases", "show", case, "--format", "md").exit_code == 0


def test_guardians_summary_is_text_not_json(cli, level1):
    result = cli("cases", "show", level1, "--format", "json", "--for", "guardians")
    assert result.exit_code == 2 and "--format md" in result.stderr
    # in a pipe, without --format, it is Markdown (not the JSON of the staff view)
    piped = cli("cases", "show", level1, "--for", "guardians")
    assert piped.exit_code == 0 and piped.stdout.startswith("# Oppsummering for familien")
    result = cli("cases", "show", level1, "--for", "parents")
    assert result.exit_code == 2 and "staff, guardians" in result.stderr
    # and the option's help says so before anyone tries
    helped = " ".join(cli("cases", "show", "--help", "--lang", "en").stdout.split())
    assert "guardians (a plain-language summary for the family, no jargon; as md or table, not json)" in helped


def test_on_a_terminal_the_summary_is_rendered_to_fit(cli, level3):
    for width in (100, 80, 60):
        result = cli("cases", "show", level3, "--for", "guardians", "-f", "table", "--lang", "nn",
                     env={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.stderr
        assert "Oppsummering for familien" in result.stdout and "#" not in result.stdout
        assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= width


def test_a_broken_case_file_gets_no_summary(cli, level1, cases_dir):
    path = cases_dir / f"{level1}.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("Enige i planen.", "Uenige i planen."),
                    encoding="utf-8")
    result = cli("cases", "show", level1, "--format", "md", "--for", "guardians")
    assert result.exit_code == 5 and result.stdout == ""


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("lang", "expected"), [("nb", "4. januar 2027"), ("nn", "4. januar 2027"), ("en", "4 January 2027")]
)
def test_long_date(lang, expected):
    assert long_date("2027-01-04", lang) == expected
    assert long_date(date(2027, 1, 4), lang) == expected
    assert long_date("not a date", lang) == "not a date" and long_date(None, lang) == ""


def test_in_sentence():
    assert in_sentence("Kontaktlærer") == "kontaktlærer"
    assert in_sentence("PPT") == "PPT" and in_sentence("") == "" and in_sentence("X") == "X"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example", ["level1.toml", "level3.toml"])
@pytest.mark.parametrize("closed", [False, True])
def test_every_summary_is_for_the_family(cli, tmp_path, example, closed, lang):
    """Open or closed, at every level the examples reach: no placeholder, no staff note, consent
    wording that fits, tense that fits."""
    case = start(cli, EXAMPLES / example)
    if closed:
        path = tmp_path / "close.toml"
        path.write_text('[close]\nclosing_reason = "goal-reached"\nclosing_note = "Intern merknad om [ADRESSE]."\n',
                        encoding="utf-8")
        assert cli("cases", "close", case, "--no-input", "--answers", str(path)).exit_code == 0
    text = family(cli, case, lang)
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    assert not re.search(r"\[[A-ZÆØÅ-]+\]", text)
    assert "Intern merknad" not in text
    for step in answers_of(example).values():
        for key in ("child_view", "guardians_view", "child_said", "observations", "assessment"):
            if isinstance(step, dict) and isinstance(step.get(key), str) and len(step[key]) > 3:
                assert step[key] not in text
    consent_given = example == "level3.toml"
    assert (t("family.disagree_withdraw") in text) == (consent_given and not closed)
    if consent_given:
        no_longer = t("family.consent_given_closed", who="X", services="Y").split("Y.")[-1].strip()
        assert (no_longer in text) == closed
    # closed without an evaluation meeting: who was to do what (the measures were planned)
    assert (t("family.h_who_closed_planned") in text) == closed and t("family.h_who_closed") not in text
    assert (t("family.family_line") in text) == (not closed)
    if closed:  # nothing still to come in a closed case
        for key in ("individual_plan", "responsibility_group", "statutory_coordinator", "goals_none", "child_line"):
            assert t(f"family.{key}") not in text
