"""A pregnant woman's age in the walkthrough (issue 11, read by a fresh-eyes reader): the walk
asks it (optional: empty means "don't know, or an adult"), passes it to the suggestions as
`bti suggest --subject pregnant --age 16` does (the youth measures whose range holds her age),
and the consent follows the consent ages (BTI.md; Løten: the case log from 15, health matters
from 16 by pasient- og brukerrettighetsloven § 4-3): under 16 her guardians take part in a
consent that covers a health service, from 16 she consents herself, from 18 alone. Each age 14,
15, 16, 17, 18 and unknown."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from walk_answers import CASE_RE

ROOT = Path(__file__).resolve().parents[2]

LEVEL0 = """
[l0-concern]
concern_date = "today"
arena = "health-station"
role = "jordmor"
subject = "pregnant"
{age}
areas = ["pregnancy-infancy", "mental-health"]
[safety]
danger = false
[l0-concrete]
observations = "Strever i svangerskapet."
child_said = ""
duration = "months"
earlier = true
scale = 3
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
talked_guardians = true
guardians_view = "Ønsker hjelp."
[l0-decide]
family_text = ""
decision = "level:{level}"
"""

LEVEL2 = """
[l2-consent]
consent = {{ given = true, by = {by}, services = {services}, until = "today+180" }}
[l2-meeting]
first_meeting = "today+7"
goals = "Trygg fødsel."
measures = []
baton_holder = "jordmor"
evaluation_date = "today+42"
family_text = ""
[l2-views]
guardians_view = "Enig."
"""


def walk(cli, tmp_path: Path, age: int | None, by: str, services: str = '["helsestasjon"]'):
    text = LEVEL0.format(age="" if age is None else f"age = {age}", level=2)
    text += LEVEL2.format(by=by, services=services)
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    return cli("start", "-m", "loten", "--lang", "en", "--no-input", "--answers", str(answers))


def test_the_age_is_asked_for_a_pregnancy_and_may_be_left_empty(cli, cases_dir, tmp_path):
    result = walk(cli, tmp_path, 16, '["woman"]')
    assert result.exit_code == 0, result.stderr
    assert "The pregnant woman's age in whole years (leave empty if you do not know, or she is an adult) > 16" \
        in result.stdout
    case = CASE_RE.search(result.stdout).group(0)
    shown = json.loads(cli("cases", "show", case, "--format", "json").stdout)
    assert shown["summary"]["age"] == 16
    # unknown (or an adult): the file leaves it out, and the walk goes on
    result = walk(cli, tmp_path, None, '["woman"]')
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("age", "by", "ok", "words"), [
    # under the case log's consent age (15): her guardians consent, she may too
    (14, '["guardians"]', True, None),
    (14, '["woman"]', False, "Under age 15 the guardians consent."),
    # 15: she consents to the log, but under 16 the guardians take part in health help
    (15, '["woman", "guardians"]', True, None),
    (15, '["woman"]', False, "under age 16 the guardians consent to health help. The law lets a young person "
                            "consent in health matters from 16 (pasient- og brukerrettighetsloven § 4-3)."),
    (15, '["guardians"]', False, "From age 15 a pregnant woman consents for herself."),
    # from 16 she consents herself in health matters too
    (16, '["woman"]', True, None),
    (16, '["guardians"]', False, "From age 15 a pregnant woman consents for herself."),
    (17, '["woman"]', True, None),
    (17, '["woman", "guardians"]', True, None),
    # from 18 alone: the guardians are not among those who may consent
    (18, '["woman"]', True, None),
    (18, '["woman", "guardians"]', False, None),
    # not known: an adult, as before the walk asked her age
    (None, '["woman"]', True, None),
    (None, '["guardians"]', False, None),
])
def test_who_consents_follows_her_age(cli, cases_dir, tmp_path, age, by, ok, words):
    result = walk(cli, tmp_path, age, by)
    assert (result.exit_code == 0) is ok, result.stdout + result.stderr
    if words:
        assert words in " ".join(result.stderr.split())


def test_at_15_a_consent_without_a_health_service_is_hers(cli, cases_dir, tmp_path):
    """The health consent age (16) asks for the guardians only when a health service is named."""
    result = walk(cli, tmp_path, 15, '["woman"]', services='["nav"]')
    assert result.exit_code == 0, result.stderr


def test_the_consent_step_states_the_rule_with_its_source(cli, cases_dir, tmp_path):
    result = walk(cli, tmp_path, 15, '["woman", "guardians"]')
    out = " ".join(result.stdout.split())
    assert "A pregnant woman consents for herself from age 15, and alone from 18" in out
    assert "In health matters (health station, midwife) she consents for herself from 16" in out
    assert "(pasient- og brukerrettighetsloven § 4-3)" in out
    assert "a pregnant woman consents for herself." not in out  # the flat rule, before


def _measures_screen(cases_dir: Path, tmp_path: Path, age: int | None) -> str:
    pexpect = pytest.importorskip("pexpect")
    answers = tmp_path / "l1.toml"
    answers.write_text(LEVEL0.format(age="" if age is None else f"age = {age}", level=1)
                       + '[l1-goals]\nguardians_met = true\ngoals = "Trygg fødsel."\n', encoding="utf-8")
    env = dict(os.environ, BTI_CASES_DIR=str(cases_dir), BTI_CONFIG=str(tmp_path / "config.toml"), NO_COLOR="1",
               TERM="dumb", COLUMNS="200", BTI_CACHE_DIR=str(tmp_path / "cache"))
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "-m", "loten", "--lang", "en",
                                           "--answers", str(answers)],
                          env=env, encoding="utf-8", timeout=60, dimensions=(300, 200), cwd=str(ROOT))
    while child.expect_exact(["Choose measures", "may be left empty] > "]) == 1:
        child.sendline("")  # her age, not known (the answers file leaves it out): Enter
    child.expect_exact("> ")
    child.sendline("+")
    child.expect_exact("> ")
    screen = child.before
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    return " ".join(screen.split())


def test_a_pregnant_16_year_old_gets_the_youth_measures_her_age_fits(cases_dir, tmp_path):
    # Helsestasjon for ungdom (13–20) is for her at 16, as `bti suggest --subject pregnant --age 16`
    assert "Helsestasjon for ungdom" in _measures_screen(cases_dir, tmp_path, 16)
    assert "Helsestasjon for ungdom" not in _measures_screen(cases_dir, tmp_path, None)


def test_suggest_gives_the_same_for_her_age(cli):
    result = cli("suggest", "-m", "loten", "--level", "1", "--subject", "pregnant", "--age", "16",
                 "--area", "pregnancy-infancy", "--area", "mental-health", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "helsestasjon-for-ungdom" in result.stdout


@pytest.mark.parametrize(("age", "adult", "asked_for_age"), [(17, False, False), (18, True, False),
                                                              (19, True, False), (None, False, True)])
def test_the_consent_words_follow_her_age_when_it_is_given(cli, cases_dir, tmp_path, age, adult, asked_for_age):
    # a reader saw a 19-year-old's consent ask for her age «(the first question …)»: given, it is not asked
    # for again, and when it is not given the text names the question, not a position
    by = '["woman"]' if age is None or age >= 16 else '["woman", "guardians"]'
    result = walk(cli, tmp_path, age, by)
    out = " ".join(result.stdout.split())
    assert ("The pregnant woman is 18 or older and consents for herself." in out) is adult
    assert ("give her age (the question about age, or bti cases edit afterwards)" in out) is asked_for_age
    assert "the first question" not in out
    assert "Has there been concern for the pregnant woman or the pregnancy before?" in out
    assert "Has there been concern for the child before?" not in out
