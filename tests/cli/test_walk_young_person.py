"""The walkthrough's words for the person the concern is about, by age (issue 11, read by a
fresh-eyes reader: a 20-year-old at NAV was "the child" with guardians to talk with). From 18 the
person is "the young person" and nobody is asked about guardians (an adult decides alone, as the
consent rule already has it: `walkthrough.process.consent_givers`); from 13 to 17 the texts say
"the young person" and keep the guardians; under 13, "the child". Each age around 18 and 13, at
levels 1 and 3, in nb, nn and en."""

from __future__ import annotations

import pytest
from walk_answers import GUARDIANS_TALKED, to_decision

LEVEL0 = to_decision(arena="nav", role="veileder-nav", subject="{subject}", age="{age}", areas='["mental-health"]',
                     level="{level}", observations="Faller ut av skole og arbeid.", guardians="{guardians}")

LEVEL1 = """
[l1-goals]
guardians_met = true
{involved}
goals = "Mer struktur i hverdagen."
[l1-plan]
measures = []
baton_holder = "veileder-nav"
evaluation_date = "today+42"
family_text = ""
[l1-views]
child_view = "Vil prøve."
{guardians_view}
"""

LEVEL3 = """
[l3-consent]
consent = {{ given = true, by = {by}, services = ["nav"], until = "today+180" }}
[l3-meeting]
first_meeting = "today+7"
goals = "Mer struktur i hverdagen."
measures = []
family_text = ""
[l3-views]
child_view = "Vil prøve."
{guardians_view}
[l3-coordination]
individual_plan = false
responsibility_group = false
statutory_coordinator = false
child_coordinator = false
[l3-baton-now]
baton_holder = "veileder-nav"
[l3-baton]
handover = false
evaluation_date = "today+42"
"""

WORDS = {
    "nb": {"young": ["Har du (eller en annen) snakket med den unge?", "Den unges syn: hva sa den unge selv?",
                     "Den unges syn på planen"],
           "child": ["snakket med barnet", "Barnets syn", "barnet"],
           "guardians": ["Har du snakket med foresatte?", "Foresattes syn"],
           "adult_share": "deretter som hovedregel med den unge selv: fra 18 år bestemmer den unge selv",
           "teen_share": "deretter som hovedregel med den unge og foresatte"},
    "nn": {"young": ["Har du (eller ein annan) snakka med den unge?", "Synet til den unge: kva sa den unge sjølv?",
                     "Synet til den unge på planen"],
           "child": ["snakka med barnet", "Synet til barnet", "barnet"],
           "guardians": ["Har du snakka med føresette?", "Synet til føresette"],
           "adult_share": "deretter som hovudregel med den unge sjølv: frå 18 år bestemmer den unge sjølv",
           "teen_share": "deretter som hovudregel med den unge og føresette"},
    "en": {"young": ["Have you (or someone else) talked with the young person?",
                     "The young person's view: what did they say themselves?", "The young person's view of the plan"],
           "child": ["talked with the child", "The child's view", "the child"],
           "guardians": ["Have you talked with the guardians?", "The guardians' view"],
           "adult_share": "then, as a rule, with the young person themselves: from 18 the young person decides alone",
           "teen_share": "then, as a rule, with the young person and the guardians"},
}


def walk(cli, tmp_path, *, age: int, level: int, lang: str, subject: str = "youth") -> str:
    adult = age >= 18
    guardians_view = "" if adult else 'guardians_view = "Enige."'
    text = LEVEL0.format(subject=subject, age=age, level=level, guardians="" if adult else GUARDIANS_TALKED)
    if level == 1:
        text += LEVEL1.format(involved="" if adult else "child_involved = true", guardians_view=guardians_view)
    else:
        by = '["youth"]' if adult else '["guardians", "youth"]' if age >= 15 else '["guardians"]'
        text += LEVEL3.format(by=by, guardians_view=guardians_view)
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "-m", "loten", "--lang", lang, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stdout + result.stderr
    out = " ".join(result.stdout.split())
    # what comes before the subject and the age is asked cannot know them (the arena question)
    return out[out.index("(0–23) > "):]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("age", [18, 20])
@pytest.mark.parametrize("level", [1, 3])
def test_from_18_the_young_person_and_no_guardians(cli, cases_dir, tmp_path, lang, age, level):
    words = WORDS[lang]
    out = walk(cli, tmp_path, age=age, level=level, lang=lang)
    for text in words["young"]:
        assert text in out
    assert words["adult_share"] in out
    for text in words["guardians"]:
        assert text not in out  # before: "Have you talked with the guardians?"
    for text in words["child"]:
        assert text not in out  # before: "talked with the child, in a way suited to the age"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("age", [13, 17])
@pytest.mark.parametrize("level", [1, 3])
def test_from_13_to_17_the_young_person_with_the_guardians(cli, cases_dir, tmp_path, lang, age, level):
    words = WORDS[lang]
    out = walk(cli, tmp_path, age=age, level=level, lang=lang)
    for text in words["young"]:
        assert text in out  # before, Elverum at 17: "The child's view of the plan"
    assert words["teen_share"] in out
    for text in words["guardians"]:
        assert text in out
    assert words["child"][1] not in out


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_at_12_the_child(cli, cases_dir, tmp_path, lang):
    words = WORDS[lang]
    out = walk(cli, tmp_path, age=12, level=3, lang=lang, subject="child")
    assert words["child"][0] in out and words["child"][1] in out
    for text in words["guardians"]:
        assert text in out
    for text in words["young"]:
        assert text not in out


def test_at_18_level1_the_meeting_is_with_the_young_person(cli, cases_dir, tmp_path):
    out = walk(cli, tmp_path, age=18, level=1, lang="en")
    assert "Meet the young person: problem and goals" in out
    assert "Have you met the young person and agreed on what the problem is?" in out
    assert "taken part in agreeing the goals" not in out  # the meeting is with them
    out = walk(cli, tmp_path, age=17, level=1, lang="en")
    assert "Meet the guardians (and the young person): problem and goals" in out
    assert "Has the young person taken part in agreeing the goals?" in out


@pytest.mark.parametrize(("age", "asked"), [(17, True), (18, False), (20, False)])
def test_the_child_coordinator_is_asked_only_for_a_child_under_18(cli, cases_dir, tmp_path, age, asked):
    # the right to a child coordinator is the parents' of a child (pasient- og brukerrettighetsloven
    # § 2-5 c): for a young adult the walk does not ask it
    out = walk(cli, tmp_path, age=age, level=3, lang="en")
    assert ("Is the family entitled to a child coordinator?" in out) is asked
    assert "Is the young person entitled to a coordinator?" in out  # § 7-2 holds at any age
