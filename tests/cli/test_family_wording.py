"""Wording of the family summary a reader stumbled over (issue 16, fresh-eyes item 6): a catalogue
name mid-sentence is quoted; a unit is spelt one way in one text; "reviewing the measures" is said
only when there are measures. In nb, nn and en through `bti cases show CASE --for guardians`."""

from __future__ import annotations

import re

import pytest
from test_family_texts import CASE_RE, EXAMPLES, LANGS, _start_with, answers, family, section, write

from bti_cli import i18n

ARENA = "Anonym drøfting med barnevernstjenesten"
REVIEW = {"nb": "evaluere tiltakene", "nn": "evaluere tiltaka", "en": "reviewing the measures"}


def _no_consent(level: int, *, arena: bool = True) -> dict:
    data = answers(level)
    data[f"l{level}-consent"] = {"consent": {"given": False}}
    data[f"l{level}-anonymous"] = {"evaluation_date": "today+30"}
    if arena:
        data[f"l{level}-anonymous"]["discussion_arena"] = "anonym-drofting-barnevern"
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_the_anonymous_forum_is_quoted_as_a_name(cli, tmp_path, lang):
    text = family(cli, _start_with(cli, tmp_path, _no_consent(2)), lang)
    line = next(line for line in text.splitlines() if ARENA in line)
    quoted = {"nb": f"«{ARENA}»", "nn": f"«{ARENA}»", "en": f"“{ARENA}”"}[lang]
    assert quoted in line, line
    assert not re.search(rf"\b(i|in) {ARENA}", line)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("level", [2, 3])
def test_without_measures_the_family_is_not_told_it_reviews_them(cli, tmp_path, lang, level):
    text = family(cli, _start_with(cli, tmp_path, _no_consent(level)), lang)
    assert REVIEW[lang] not in text
    who = section(text, i18n.t("family.h_who", lang))
    assert i18n.t("family.family_line_no_measures", lang) in who


@pytest.mark.parametrize("lang", LANGS)
def test_an_open_level0_case_has_no_measures_to_review(cli, tmp_path, lang):
    result = cli("start", "--no-input", "--answers", write(tmp_path, "l0.toml", answers(None)))
    case = CASE_RE.search(result.stdout).group(0)
    text = family(cli, case, lang)
    assert REVIEW[lang] not in text


@pytest.mark.parametrize("lang", LANGS)
def test_with_measures_the_family_is_told_it_reviews_them(cli, tmp_path, lang):
    text = family(cli, _start_with(cli, tmp_path, answers(1)), lang)
    assert i18n.t("family.family_line", lang) in text and REVIEW[lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_school_health_service_is_spelt_one_way(cli, lang):
    """Raised in the school health service (examples/answers/level3.toml): the head of the unit
    is named by the catalogue's word, as the service's own line and the consent name it."""
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / "level3.toml"))
    case = CASE_RE.search(result.stdout).group(0)
    text = family(cli, case, lang)
    assert "Skolehelsetjenesten" in text  # the catalogue's (Løten's plan's) name
    assert "skulehelsetenesta" not in text and "skolehelsetenesta" not in text
    disagree = section(text, i18n.t("family.h_disagree", lang))
    if lang == "en":
        assert i18n.t("family.unit_head_school-health", lang) in disagree
    else:
        assert i18n.t("family.unit_head_of", lang, service="skolehelsetjenesten") in disagree
