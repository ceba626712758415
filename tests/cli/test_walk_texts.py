"""Texts of the walkthrough that must fit the case (issue 11): the level-3 baton reasons cite the
question of the role's own right, and reasons are joined without ".;"."""

from __future__ import annotations

import pytest
from walk_answers import TO_LEVEL3_DISABILITY

SONDRE_LAND_LEVEL3 = TO_LEVEL3_DISABILITY + """
[l3-consent]
consent = { given = true, by = ["guardians"], services = ["ppt", "barne-og-familiekoordinator"], until = "today+90" }
[l3-meeting]
first_meeting = "today+7"
goals = "Leser bedre innen jul."
measures = ["ansvarsgrupper"]
[l3-views]
child_view = "Vil prøve."
guardians_view = "Enige."
[l3-coordination]
individual_plan = true
responsibility_group = true
statutory_coordinator = false
child_coordinator = false
"""


def spawn(tmp_path, cases_dir, text: str, *args: str, columns: int = 80):
    import os
    import sys
    from pathlib import Path

    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "xterm", "BTI_PLAIN": "1", "COLUMNS": str(columns), "BTI_CACHE_DIR": str(tmp_path / "cache")})
    answers = tmp_path / "answers.toml"
    answers.write_text(text, encoding="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", *args, "--answers", str(answers)], env=env,
                          encoding="utf-8", timeout=30, dimensions=(50, columns),
                          cwd=str(Path(__file__).resolve().parents[2]))
    return pexpect, child


def test_the_child_coordinator_s_reason_cites_the_child_coordinator_question(tmp_path, cases_dir):
    pexpect, child = spawn(tmp_path, cases_dir, SONDRE_LAND_LEVEL3, "-m", "sondre-land", "--lang", "nn")
    while child.expect_exact(["Kven har stafettpinnen no", "tomt] >"]) == 1:
        child.sendline("")  # an optional question the file leaves out
    child.expect_exact("[nummer eller ei rolle] >")
    screen = " ".join(child.before.replace("\r", "").split())
    child.sendintr()
    child.expect(pexpect.EOF)
    # Søndre Land's "Barne- og familiekoordinator" stands on § 2-5 c first (and § 7-2): the "no"
    # that puts it last is the one to the child coordinator question
    role = screen[screen.index("Barne- og familiekoordinator du svarte"):]
    assert role.startswith("Barne- og familiekoordinator du svarte nei på «Har familien rett til ein "
                           "barnekoordinator?»"), role[:200]
    assert ".;" not in screen  # a catalogue condition ending in a full stop, before "; "


def test_bti_suggest_joins_reasons_without_a_full_stop_before_the_semicolon(cli):
    result = cli("suggest", "-m", "sondre-land", "--level", "3", "--age", "10", "--area",
                 "disability-long-term-needs", "--kind", "coordinator", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "(loven)»; " in result.stdout or "(loven)» |" in result.stdout, result.stdout
    assert ".;" not in result.stdout


# ---- texts that fit the case: another municipality's plan is never quoted; a pregnant woman is
# asked about herself, not the guardians

LEVEL1 = """
[l0-concern]
concern_date = "today"
arena = "{arena}"
role = "{role}"
subject = "{subject}"
{age}
areas = ["{area}"]
[safety]
danger = false
[l0-concrete]
observations = "Trenger støtte."
child_said = ""
duration = "weeks"
earlier = false
scale = 2
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
{child}
talked_guardians = true
guardians_view = "Ønsker hjelp."
[l0-decide]
family_text = ""
decision = "level:1"
[l1-goals]
guardians_met = true
{involved}
goals = "Tryggere hverdag."
[l1-plan]
measures = []
baton_holder = "{baton}"
evaluation_date = "today+42"
family_text = ""
[l1-views]
{child_view}
guardians_view = "Enige i planen."
"""
CHILD = dict(arena="school", role="kontaktlaerer", subject="child", age="age = 9", area="learning",
             child='talked_child = true\nchild_view = "Vil ha hjelp."', involved="child_involved = true",
             baton="kontaktlaerer", child_view='child_view = "Fint."')
PREGNANT = dict(arena="health-station", role="jordmor", subject="pregnant", age="", area="pregnancy-infancy",
                child="", involved="", baton="jordmor", child_view="")


def walk(cli, tmp_path, case: dict, *args: str):
    answers = tmp_path / "a.toml"
    answers.write_text(LEVEL1.format(**case), encoding="utf-8")
    result = cli("start", *args, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


@pytest.mark.parametrize("municipality", ["sondre-land", "elverum"])
def test_another_municipality_s_plan_is_not_quoted(cli, cases_dir, tmp_path, municipality):
    out = walk(cli, tmp_path, CHILD, "-m", municipality, "--lang", "nn")
    # before: "(Løten, plan 004: «Barn og unges stemme kommer tydelig frem»)" in Søndre Land
    assert "Løten" not in out
    assert "Barnet og føresette er aktive deltakarar i planlegginga (BTI-modellen" in out


@pytest.mark.parametrize("lang, source", [
    ("nb", "(BTI-veilederen i Løten: «Barn og unges stemme kommer tydelig frem»)"),
    ("nn", "(BTI-veilederen i Løten: «Barn og unges stemme kommer tydelig frem»)"),
    ("en", "(Løten's BTI guide: “Barn og unges stemme kommer tydelig frem”)"),
])
def test_loten_keeps_the_quote_from_its_own_guide(cli, cases_dir, tmp_path, lang, source):
    """The quote is from Løten's BTI guide (the BTS page), named by its title: never "plan 004",
    a seed file's number, and never called a plan."""
    out = walk(cli, tmp_path, CHILD, "-m", "loten", "--lang", lang)
    assert source in out
    assert "004" not in out and "plan 00" not in out


@pytest.mark.parametrize("lang, herself, not_guardians", [
    ("nb", "Har du snakket med den gravide selv om undringen?", "Har du snakket med foresatte?"),
    ("nn", "Har du snakka med den gravide sjølv om undringa?", "Har du snakka med føresette?"),
    ("en", "Have you talked with the pregnant woman herself about the concern?", "Have you talked with the guardians?"),
])
def test_a_pregnant_woman_is_asked_about_herself(cli, cases_dir, tmp_path, lang, herself, not_guardians):
    out = walk(cli, tmp_path, PREGNANT, "-m", "sondre-land", "--lang", lang)
    assert herself in out
    assert not_guardians not in out
    assert {"nb": "Møt den gravide: problem og mål", "nn": "Møt den gravide: problem og mål",
            "en": "Meet the pregnant woman: problem and goals"}[lang] in out
    guardians = {"nb": "foresatte", "nn": "føresette", "en": "guardians"}[lang]
    assert guardians not in out.casefold(), out[max(0, out.casefold().find(guardians) - 200):][:400]
    # a child's case keeps the guardians
    child = walk(cli, tmp_path, CHILD, "-m", "sondre-land", "--lang", lang)
    assert not_guardians in child


def test_shared_goals_at_level_2_speak_of_the_pregnant_woman(cli, cases_dir, tmp_path):
    text = LEVEL1.format(**PREGNANT).split("[l1-goals]")[0].replace('decision = "level:1"', 'decision = "level:2"')
    text += """[l2-consent]
consent = { given = true, by = ["woman"], services = ["helsestasjonstjenester"], until = "today+90" }
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
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "-m", "sondre-land", "--lang", "en", "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Shared goals of the cooperation, agreed with the pregnant woman" in out
    assert "The pregnant woman's view of the plan" in out
    assert "guardians" not in out


def test_the_note_on_level_1_with_nobody_asked_speaks_of_the_pregnant_woman(cli, cases_dir, tmp_path):
    text = LEVEL1.format(**PREGNANT).split("[l1-goals]")[0]
    text = text.replace("shared_colleague = true", "shared_colleague = false").replace(
        "shared_leader = true", "shared_leader = false").replace(
        'talked_guardians = true\nguardians_view = "Ønsker hjelp."', "talked_guardians = false")
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "-m", "sondre-land", "--lang", "en", "--no-input", "--answers", str(answers))
    out = " ".join((result.stdout + result.stderr).split())
    assert "Note: you have not discussed the concern with a colleague, your nearest leader or the pregnant " \
           "woman herself." in out, out[-1500:]
    assert "the child or the guardians" not in out


def test_a_variant_condition_naming_no_question_is_a_process_problem():
    from bti_cli.walkthrough import process as engine

    base = engine.default_process().definition
    steps = list(base.steps)
    i = next(n for n, s in enumerate(steps) if s.id == "l0-share")
    q = steps[i].questions[0]
    bad = q.model_copy(update={"variants": [engine.Variant(when="subjekt == 'pregnant'", text=q.text)]})
    steps[i] = steps[i].model_copy(update={"questions": [bad, *steps[i].questions[1:]]})
    problems = engine.check(base.model_copy(update={"steps": steps}))
    assert any(loc[-2:] == ("variants", 0) or "variants" in loc for loc, _ in problems), problems
    assert any("subjekt" in message for _, message in problems)


def test_the_coordinator_s_reason_cites_the_question_as_it_was_asked(tmp_path, cases_dir):
    # a reader saw «Har barnet rett til ein koordinator?» quoted for a 15-year-old, who was asked
    # «Har den unge rett til ein koordinator?»
    text = SONDRE_LAND_LEVEL3.replace('subject = "child"', 'subject = "youth"').replace("age = 10", "age = 15")
    text = text.replace('by = ["guardians"]', 'by = ["guardians", "youth"]')
    assert 'subject = "youth"' in text and "age = 15" in text
    pexpect, child = spawn(tmp_path, cases_dir, text, "-m", "sondre-land", "--lang", "nn")
    while child.expect_exact(["Kven har stafettpinnen no", "tomt] >"]) == 1:
        child.sendline("")
    child.expect_exact("[nummer eller ei rolle] >")
    screen = " ".join(child.before.replace("\r", "").split())
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "du svarte nei på «Har den unge rett til ein koordinator?»" in screen, screen[-1500:]
    assert "«Har barnet rett til ein koordinator?»" not in screen
