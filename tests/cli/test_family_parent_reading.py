"""The family summary (`bti cases show CASE --for guardians`) read as a parent would (issue 16,
a fresh-eyes reading): no date called "agreed" that may be a default, a case closed without an
evaluation says who *was to* do what, the head of the unit named for where the case is, texts
for the family labelled as the employee's words with the day they were written, the prompt's
advice in the summary's form of address, roles spelt one way, the right to see what was
written said once, and "level 2/3" naming the cooperation, not the consent; nb, nn and en."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from test_family_texts import (
    CASE_RE,
    EXAMPLES,
    FAMILY_PLAN,
    LANGS,
    _start_with,
    answers,
    close,
    family,
    section,
    youth_alone,
)

from bti_cli import i18n
from bti_cli.reports.family import long_date


def _t(lang):
    return lambda key, **v: i18n.t(key, lang, **v)


def _example(cli, name: str) -> str:
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / name))
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


@pytest.mark.parametrize("lang", LANGS)
def test_a_measure_date_is_the_plans_start_or_deadline_never_agreed(cli, lang):
    """level3.toml leaves measure_owners out: each measure takes its default owner (the service
    that runs it: the coordinator to be runs neither) and the evaluation date, which the log
    cannot tell from a date typed; it is never called agreed."""
    t = _t(lang)
    text = family(cli, _example(cli, "level3.toml"), lang)
    measures = section(text, t("family.h_measures"))
    day = long_date(date.today() + timedelta(days=42), lang)
    # the owner is the service responsible: said once ("ansvarlig: Helsestasjon", then the date)
    assert t("family.measure_owner_date", date=day) in measures
    assert t("family.measure_owner", role="Helsestasjon", date=day) not in measures
    assert {"nb": "oppstart eller frist", "nn": "oppstart eller frist", "en": "start or deadline"}[lang] in measures
    for agreed in ("Avtalt dato", "Agreed date", "avtalt dato", "agreed date"):
        assert agreed not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_case_closed_without_an_evaluation_says_who_was_to_do_what(cli, tmp_path, lang):
    t = _t(lang)
    case = _example(cli, "level1.toml")
    close(cli, tmp_path, case)
    text = family(cli, case, lang)
    assert f"## {t('family.h_who_closed_planned')}" in text and f"## {t('family.h_who_closed')}" not in text
    who = section(text, t("family.h_who_closed_planned"))
    assert "Foreldresamarbeid" in who
    assert {"nb": "Hvem skulle gjøre hva", "nn": "Kven skulle gjere kva", "en": "Who was to do what"}[lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_case_closed_at_level0_still_says_who_did_what(cli, tmp_path, lang):
    """Level 0 chooses no measures: nothing was planned that might not have been done."""
    t = _t(lang)
    data = answers(None)
    data["l0-decide"]["decision"] = "close"
    data["close"] = {"closing_reason": "concern-gone", "closing_note": "Notat."}
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    assert f"## {t('family.h_who_closed')}" in text and t("family.h_who_closed_planned") not in text


def _pregnancy(arena: str = "health-station") -> dict:
    data = answers(1)
    data["l0-concern"].update(subject="pregnant", arena=arena, role="jordmor")
    data["l0-concern"].pop("age")
    data["l1-goals"].pop("child_involved")
    data["l1-plan"] = {"baton_holder": "jordmor", "evaluation_date": "today+42", "family_text": FAMILY_PLAN}
    return data


HEADS = {
    "nb": ("rektor", "lederen for helsestasjonen", "lederen for skolehelsetjenesten"),
    # nn: the unit in the catalogue's word, as its own line ("Skolehelsetjenesten: …") spells it
    "nn": ("rektor", "leiaren for helsestasjonen", "leiaren for skolehelsetjenesten"),
    "en": ("the head teacher", "the head of the health station", "the head of the school health service"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_head_of_the_unit_is_named_for_the_cases_work_arena(cli, tmp_path, lang):
    t = _t(lang)
    school, station, school_health = HEADS[lang]
    pregnancy = section(family(cli, _start_with(cli, tmp_path, _pregnancy()), lang), t("family.h_disagree"))
    assert station in pregnancy and "rektor" not in pregnancy and "head teacher" not in pregnancy
    assert "styrer" not in pregnancy and "kindergarten" not in pregnancy
    level3 = section(family(cli, _example(cli, "level3.toml"), lang), t("family.h_disagree"))  # school health
    assert school_health in level3 and "head teacher" not in level3 and "rektor" not in level3
    level1 = section(family(cli, _example(cli, "level1.toml"), lang), t("family.h_disagree"))  # school
    assert school in level1 and "styrer" not in level1 and "kindergarten" not in level1
    # an arena without a word for its head: the head of the unit where the matter was raised
    other = section(family(cli, _start_with(cli, tmp_path, _pregnancy("other")), lang), t("family.h_disagree"))
    assert t("family.unit_head") in other
    assert "(" not in other  # no list of examples that may not fit


@pytest.mark.parametrize("lang", LANGS)
def test_a_text_for_the_family_is_labelled_as_the_employees_with_its_day(cli, tmp_path, lang):
    """Shown as written (in the language it was typed), labelled with the writer's role and the day;
    after the closing it keeps that day, so "Vi skal …" reads as of then."""
    t = _t(lang)
    case = _start_with(cli, tmp_path, _pregnancy())
    close(cli, tmp_path, case)
    written = section(family(cli, case, lang), t("family.h_written"))
    label = t("family.written_by", role="Jordmor", date=long_date(date.today(), lang))
    assert f"- **{label}** {FAMILY_PLAN}" in written
    assert {"nb": "Jordmor skrev", "nn": "Jordmor skreiv", "en": "Jordmor wrote on"}[lang] in written


def _evaluated_at_a_terminal(cli, tmp_path, data: dict, lang: str) -> str:
    """`bti cases evaluate` typed at a terminal, up to and past the evaluation's text for the family."""
    case = _start_with(cli, tmp_path, data)
    lines = ["Gruppen er i gang.", "j", "", "Enige.", "Enige.", "Vurdering.", "Det går bedre.",
             "close", "goal-reached", "Notat.", "Det går bedre nå."]
    result = cli("cases", "evaluate", case, "--lang", lang, input="\n".join(lines) + "\n")
    return result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_the_prompt_of_a_text_for_the_family_uses_the_summarys_form_of_address(cli, tmp_path, lang):
    t = _t(lang)
    out = _evaluated_at_a_terminal(cli, tmp_path, _pregnancy(), lang)
    assert t("walk.for_family_pregnant") in out and t("walk.for_family") not in out
    expecting = {"nb": "«barnet dere venter»", "nn": "«barnet de ventar»", "en": "“the baby you are expecting”"}
    assert expecting[lang] in t("walk.for_family_pregnant")
    # the summary it goes into says the same
    assert t("family.subject_pregnant").endswith(expecting[lang].strip("«»“”"))
    child = _evaluated_at_a_terminal(cli, tmp_path, answers(1), lang)
    assert t("walk.for_family") in child and t("walk.for_family_pregnant") not in child


def test_a_young_person_who_consented_alone_is_written_to_as_du(cli, tmp_path):
    out = _evaluated_at_a_terminal(cli, tmp_path, youth_alone(), "nb")
    assert i18n.t("walk.for_family_you", "nb") in out and "«du»" in out
    assert i18n.t("walk.for_family", "nb") not in out


@pytest.mark.parametrize("lang", LANGS)
def test_roles_are_spelt_as_the_catalogue_spells_them_on_every_line(cli, lang):
    t = _t(lang)
    text = family(cli, _example(cli, "level3.toml"), lang)
    assert t("family.baton_pending", new="Koordinator", holder="Helsesykepleier (skolehelsetjenesten)") in text
    assert "helsesykepleier (skolehelsetjenesten)" not in text and ": koordinator" not in text


SEE = {"nb": r"be om å få (se|lese)", "nn": r"be om å få (sjå|lese)", "en": r"ask to (see|read)"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_to_see_what_was_written_is_said_once_in_a_closed_summary(cli, tmp_path, lang):
    case = _example(cli, "level1.toml")
    close(cli, tmp_path, case)
    text = family(cli, case, lang)
    assert len(re.findall(SEE[lang], text)) == 1, text
    assert {"nb": "si fra hvis noe er feil", "nn": "seie frå om noko er feil",
            "en": "say so if anything is wrong"}[lang] in section(text, _t(lang)("family.h_disagree"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("level", [2, 3])
def test_the_level_in_brackets_names_the_cooperation_not_the_consent(cli, tmp_path, lang, level):
    data = answers(level)
    data[f"l{level}-consent"] = {"consent": {"given": False}}
    data[f"l{level}-anonymous"] = {"evaluation_date": "today+30"}
    text = family(cli, _start_with(cli, tmp_path, data), lang)
    line = _t(lang)(f"family.stage_{level}_no_consent")
    assert line in text
    named = {"nb": rf"\(i BTI: nivå {level}\),? trenger vi samtykke",
             "nn": rf"\(i BTI: nivå {level}\),? treng vi samtykke",
             "en": rf"\(in BTI: level {level}\), we need your consent"}[lang]
    assert re.search(named, line) and line.endswith("."), line
    assert not re.search(r"samtykke fr[aå] (dere|dykk) \(|consent \(", line)
