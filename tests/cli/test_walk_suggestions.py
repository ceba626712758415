"""The suggestions as a person meets them: in `bti suggest`'s notes and in the walkthrough's
measures and baton steps (issue 11, read in a walkthrough)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang, said, old", [
    ("nb", "for en annen gruppe (for eksempel bare for gravide eller bare for ungdom)", "andre enn denne personen"),
    ("nn", "for ei anna gruppe (til dømes berre for gravide eller berre for ungdom)", "andre enn denne personen"),
    ("en", "for another group (for example only for pregnant women or only for young people)",
     "someone other than this person"),
])
def test_left_out_for_another_group_says_which_kind_of_group(cli, lang, said, old):
    # Løten has measures only for young people: a pregnancy leaves them out, and the note says
    # in plain words what kind of measure that is
    result = cli("suggest", "--lang", lang, "--kind", "measure", "--level", "1", "--subject", "pregnant",
                 "--area", "school-absence", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert said in result.stderr
    assert old not in result.stderr


# ---- the walkthrough's measures screen, on a real pseudo-terminal at 60 columns

LOTEN_LEVEL3 = """
[l0-concern]
concern_date = "today-10"
arena = "school"
role = "kontaktlærer"
subject = "youth"
age = 14
areas = ["school-absence", "mental-health"]
[safety]
danger = false
[l0-concrete]
observations = "Høyt fravær."
child_said = ""
duration = "months"
earlier = true
scale = 3
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
talked_child = true
child_view = "Vil ha hjelp."
talked_guardians = true
guardians_view = "Bekymret."
[l0-decide]
decision = "level:3"
"""
LOTEN_CONSENT = """
[l3-consent]
consent.given = true
consent.by = ["guardians"]
consent.services = ["skolehelsetjenesten", "ungdomsskole", "kommunen", "ppt", "helsestasjon"]
consent.until = "today+180"
[l3-meeting]
first_meeting = "today+7"
goals = "Tilbake på skolen."
"""


def _pty(tmp_path, cases_dir, text: str, lang: str, columns: int = 60):
    import os
    import re
    import sys
    from pathlib import Path

    pexpect = pytest.importorskip("pexpect")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "xterm", "BTI_PLAIN": "1", "COLUMNS": str(columns), "BTI_CACHE_DIR": str(tmp_path / "cache"),
                "BTI_LANG": lang})
    answers = tmp_path / "answers.toml"
    answers.write_text(text, encoding="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "--answers", str(answers)], env=env,
                          encoding="utf-8", timeout=30, dimensions=(50, columns), cwd=str(root))
    return pexpect, child, re


MEASURES_QUESTION = {"nb": "Velg samordnede tiltak", "nn": "Vel samordna tiltak", "en": "Choose coordinated measures"}
HINT_END = {"nb": "tomt] >", "nn": "tomt] >", "en": "empty] >"}


def _to_measures(child, lang):
    """Enter at each optional question the file leaves out, up to the measures question; the
    screen of that question, as printed (up to its prompt)."""
    while child.expect_exact([MEASURES_QUESTION[lang], HINT_END[lang]]) == 1:
        child.sendline("")
    child.expect_exact(HINT_END[lang])
    return MEASURES_QUESTION[lang] + child.before


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_first_measures_screen_is_short_with_the_best_and_their_reasons(tmp_path, cases_dir, lang):
    pexpect, child, re = _pty(tmp_path, cases_dir, LOTEN_LEVEL3 + LOTEN_CONSENT, lang)
    screen = _to_measures(child, lang)
    lines = [line.rstrip() for line in screen.replace("\r", "").split("\n")]
    assert all(len(line) <= 60 for line in lines), max(lines, key=len)
    # about 150 lines before (30 suggestions with 5-8 lines of reasons each); now the best five
    # with their reasons, one line for the rest, one for what the consent leaves out, the search
    assert len(lines) <= 55, "\n".join(lines)
    numbered = re.findall(r"^ {2,3}(\d+)  \S", screen.replace("\r", ""), flags=re.M)
    assert numbered == ["1", "2", "3", "4", "5"], numbered
    assert "Ungteam Løten" in screen
    words = {"nb": ("kilde: planen", "tiltak passer nivå 3"), "nn": ("kjelde: planen", "tiltak passar nivå 3"),
             "en": ("source: the plan", "measure fits level 3")}[lang]
    flat = " ".join(screen.split())
    for word in words:  # each of the five says why, and where it comes from
        assert flat.count(word) == 5, (word, flat)
    more = {"nb": "Forslag 6–30 (25 til): skriv + for å se dem med begrunnelse.",
            "nn": "Forslag 6–30 (25 til): skriv + for å sjå dei med grunngjeving.",
            "en": "Suggestions 6–30 (25 more): type + to see them with their reasons."}[lang]
    assert more in flat
    # `+`: the others with their reasons, numbered on from 6, and the question again
    child.sendline("+")
    child.expect_exact(HINT_END[lang])
    rest = child.before.replace("\r", "")
    shown = re.findall(r"^ {2,3}(\d+)  \S", rest, flags=re.M)
    assert shown == [str(n) for n in range(6, 31)], shown
    assert " ".join(rest.split()).count(words[0]) >= 25
    # `?` says what + does
    child.sendline("?")
    child.expect_exact(HINT_END[lang])
    said = {"nb": "+ viser 25 forslag til med begrunnelse.", "nn": "+ viser 25 forslag til med grunngjeving.",
            "en": "+ shows 25 more suggestions with their reasons."}[lang]
    assert said in " ".join(child.before.split())
    child.sendline("6")  # a number `+` showed can be chosen
    child.expect_exact(HINT_END[lang])
    child.sendintr()
    child.expect(pexpect.EOF)


def test_measures_the_consent_does_not_cover_are_left_out_with_one_line(tmp_path, cases_dir):
    # Løten, a 14-year-old at school, school absence and mental health, level 3; the consent
    # names the school health service, the lower secondary school, the municipality, PPT and the
    # health station: the GP's measures (Henvising til BUP, …) are not offered, and one line says so
    pexpect, child, re = _pty(tmp_path, cases_dir, LOTEN_LEVEL3 + LOTEN_CONSENT, "en", columns=80)
    screen = " ".join(_to_measures(child, "en").split())
    assert "Henvising til BUP" not in screen
    assert "(Fastlege; indicated)" not in screen and "(Fastlege; selective)" not in screen
    found = re.search(r"(\d+) measures that meet the concern are left out because the consent does not cover "
                      r"the services that run them: (.*?)\. The consent", screen)
    assert found, screen
    assert int(found.group(1)) >= 2 and "Fastlege: " in found.group(2)
    # an answers file answers the consent here, so `<` cannot change it: the line says how to
    assert "The consent can be changed afterwards with bti cases edit BTI-" in screen
    child.sendline("henvising")  # found by search, with its number
    child.expect(r"(\d+)\s+Henvising til BUP \(Fastlege")
    number = child.match.group(1)
    child.expect_exact(HINT_END["en"])
    child.sendline(number)
    child.expect_exact(HINT_END["en"])
    refused = " ".join(child.before.split())
    assert "The consent does not cover the measure “Henvising til BUP”" in refused
    assert "Choose another measure now; the consent (and then the measures) can be changed afterwards" in refused
    assert "“services”" not in refused  # the answers file's key is not the terminal's word
    child.sendintr()
    child.expect(pexpect.EOF)


def test_the_municipality_s_coordination_counts_as_fitting_in_the_consent_list(tmp_path, cases_dir):
    # Løten kommune (tverrgående) runs the coordinator and the individual plan, level 3's frame:
    # the consent's list of services says it has fitting measures (it said 0)
    pexpect, child, re = _pty(tmp_path, cases_dir, LOTEN_LEVEL3, "en", columns=80)
    while child.expect_exact(["Has consent been given that covers every service?", "empty] >"]) == 1:
        child.sendline("")  # an optional question the file leaves out
    child.expect_exact("> ")
    child.sendline("yes")
    child.expect_exact("Who consented?")
    child.expect_exact("> ")
    child.sendline("1")
    child.expect_exact("] > ")
    screen = " ".join(child.before.split())
    found = re.search(r"Løten kommune \(tverrgående, kommunedirektøren\) (\d+) fitting measure", screen)
    assert found, screen
    assert int(found.group(1)) >= 2
    child.sendintr()
    child.expect(pexpect.EOF)


# ---- level 3: who holds the baton now, as this walk's answers place the roles

LOTEN_COORDINATION = """measures = ["ungteam-loten"]
[l3-views]
child_view = "Vil prøve."
guardians_view = "Enige."
[l3-coordination]
individual_plan = true
responsibility_group = true
statutory_coordinator = {statutory}
child_coordinator = {child}
"""


def _baton_screen(child, pexpect):
    while child.expect_exact(["Who holds the baton now (often yourself)?", "empty] >"]) == 1:
        child.sendline("")  # an optional question the file leaves out
    before = child.before.rsplit("\n", 2)[-2]  # the line above the question: where it stands
    child.expect_exact("[number or a role] >")
    return (before + child.before).replace("\r", "")


@pytest.mark.parametrize("statutory, child_coordinator", [("true", "false"), ("false", "true")])
def test_level3_baton_now_offers_the_current_holder_and_follows_the_answers(tmp_path, cases_dir, statutory,
                                                                             child_coordinator):
    text = LOTEN_LEVEL3 + LOTEN_CONSENT + LOTEN_COORDINATION.format(statutory=statutory, child=child_coordinator)
    pexpect, child, re = _pty(tmp_path, cases_dir, text, "en", columns=80)
    screen = _baton_screen(child, pexpect)
    numbered = re.findall(r"^ {2,3}(\d+)  (.+?)\s*$", screen, flags=re.M)
    names = [name for _, name in numbered]
    # the employee's own role (kontaktlærer, from the first question) first: keeping the baton is
    # a choice; it said why
    assert names[0] == "Kontaktlærer", names
    flat = " ".join(screen.split())
    assert "your role: whoever holds the baton now keeps it until a new holder has accepted" in flat
    # barnevern, which the consent does not name, is not numbered (it could not be chosen): one
    # line names it with its service and says what to do; the answers order the others
    assert "Kontaktperson i barneverntjenesten" not in names, names
    assert ("Not in the list, because the consent does not cover their service: Kontaktperson i "
            "barneverntjenesten (Barnevern). The consent can be changed afterwards with bti cases edit") in flat
    assert "other measures in the catalogue" not in flat
    if statutory == "true":
        assert names[1] == "Koordinator" and names[-1] == "Barnekoordinator", names
        # quoted in the words it was asked: the case is a 14-year-old's
        assert "you answered yes to “Is the young person entitled to a coordinator?”" in flat
        assert "you answered no to “Is the family entitled to a child coordinator?”" in flat
    else:
        assert names[1] == "Barnekoordinator" and names[-1] == "Koordinator", names
        assert "you answered no to “Is the young person entitled to a coordinator?”" in flat
    place = re.findall(r"Level 3 · question (\d+)", screen)[-1]
    child.sendline("1")
    child.expect_exact("Will the baton pass to another role?")
    # the next question has the next number, not the same one again
    assert re.findall(r"Level 3 · question (\d+)", child.before)[-1] == str(int(place) + 1)
    child.expect_exact("[y/n] >")
    child.sendintr()
    child.expect(pexpect.EOF)
    saved = next(cases_dir.glob("*.toml")).read_text(encoding="utf-8")
    assert 'value = "kontaktlaerer"' in saved  # the catalogue's role, by its id


def test_level3_new_holder_lists_only_roles_the_consent_covers(tmp_path, cases_dir):
    """The consent names no barnevern: its contact person is not listed, one line says why, and
    it is refused when typed (the same rule as `bti cases handover`)."""
    text = LOTEN_LEVEL3 + LOTEN_CONSENT + LOTEN_COORDINATION.format(statutory="false", child="false")
    pexpect, child, re = _pty(tmp_path, cases_dir, text, "en", columns=80)
    _baton_screen(child, pexpect)
    child.sendline("1")  # the contact teacher holds it now
    child.expect_exact("Will the baton pass to another role?")
    child.expect_exact("[y/n] >")
    child.sendline("y")
    child.expect_exact("Who will hold the baton?")
    child.expect_exact("[number or a role] >")
    screen = child.before.replace("\r", "")
    names = [name for _, name in re.findall(r"^ {2,3}(\d+)  (.+?)\s*$", screen, flags=re.M)]
    assert names and "Kontaktperson i barneverntjenesten" not in names, names
    flat = " ".join(screen.split())
    assert "the consent does not cover" not in flat.split("Not in the list")[0]  # every listed role is covered
    assert ("Not in the list, because the consent does not cover their service: Kontaktperson i "
            "barneverntjenesten (Barnevern).") in flat
    child.sendline("Kontaktperson i barneverntjenesten")  # typed all the same
    child.expect_exact("[number or a role] >")
    assert "The consent does not cover Barnevern" in " ".join(child.before.split())
    child.sendintr()
    child.expect(pexpect.EOF)


@pytest.mark.parametrize(("age", "by", "words"), [
    ("16", '["guardians", "youth"]', "agreed with the guardians (and the young person)"),
    ("18", '["youth"]', "agreed with the young person"),
])
def test_the_goals_are_agreed_with_whom_the_case_is_for(cli, cases_dir, tmp_path, age, by, words):
    """An 18-year-old who consents alone agrees the goals herself, not with guardians."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    text = (root / "examples" / "answers" / "level3.toml").read_text(encoding="utf-8")
    text = text.replace("age = 16", f"age = {age}").replace('by = ["guardians", "youth"]', f"by = {by}")
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert f"Shared goals of the coordinated work, {words}" in result.stdout


def test_level3_new_holder_says_once_when_the_consent_covers_no_role(tmp_path, cases_dir):
    """A consent to the school's own services only: no other role can take the baton, and the
    question says so in one line, naming the roles with their services, instead of numbering
    roles that would be refused."""
    consent = LOTEN_CONSENT.replace('["skolehelsetjenesten", "ungdomsskole", "kommunen", "ppt", "helsestasjon"]',
                                    '["ungdomsskole"]')
    text = LOTEN_LEVEL3 + consent + LOTEN_COORDINATION.format(statutory="false", child="false")
    text = text.replace('measures = ["ungteam-loten"]', 'measures = ["elevsamtaler"]')
    pexpect, child, re = _pty(tmp_path, cases_dir, text, "en", columns=80)
    _baton_screen(child, pexpect)
    child.sendline("1")
    child.expect_exact("Will the baton pass to another role?")
    child.expect_exact("[y/n] >")
    child.sendline("y")
    child.expect_exact("Who will hold the baton?")
    child.expect_exact("[number or a role] >")
    flat = " ".join(child.before.replace("\r", "").split())
    numbered = re.findall(r"^ {2,3}(\d+)  (.+?)\s*$", child.before.replace("\r", ""), flags=re.M)
    assert all(name != "Kontaktperson i barneverntjenesten" for _, name in numbered), numbered
    assert "No role the consent covers can hold the baton here; these need consent for their service:" in flat
    assert "Kontaktperson i barneverntjenesten (Barnevern)" in flat
    child.sendintr()
    child.expect(pexpect.EOF)


def _arena_screen(child):
    """Enter at each optional question the file leaves out, up to the meeting's arena question;
    that question's screen (up to its prompt)."""
    while child.expect_exact(["Where will the interdisciplinary meeting be held?", "empty] >"]) == 1:
        child.sendline("")
    child.expect_exact("empty] >")
    return child.before.replace("\r", "")


def test_a_responsibility_group_is_offered_when_the_consent_leaves_out_a_service_of_such_groups(
        tmp_path, cases_dir):
    # Løten's plan says barnevern and the GP take part in responsibility groups; a group is formed
    # of the services working with the child (`formed_per_case`), so a consent without barnevern
    # still lets the meeting be held there. Before: no arena was left to choose ("not in the list,
    # because the consent does not cover … Ansvarsgruppe (Barnevern)").
    text = LOTEN_LEVEL3 + LOTEN_CONSENT + 'measures = ["ungteam-loten"]\n'
    pexpect, child, re = _pty(tmp_path, cases_dir, text, "en", columns=80)
    screen = _arena_screen(child)
    numbered = [name for _, name in re.findall(r"^ {2,3}(\d+)  (.+?)\s*$", screen, flags=re.M)]
    assert "Ansvarsgruppe" in numbered, screen
    flat = " ".join(screen.split())
    assert "Ansvarsgruppe (Barnevern" not in flat
    # a table with a fixed membership still needs the consent of each service in it
    assert "Not in the list, because the consent does not cover a service that takes part there" in flat
    child.sendline("Ansvarsgruppe")
    child.close()
