"""Whom a suggestion is for, and when it comes: a family's 10-year-old is not the young person a
youth measure serves; a young adult is a parent only if she is one; an acute crisis meets the
crisis team before the ordinary parent talks; a table of other services waits for level 2; the
unit's leader holds the baton only as an exception; a kindergarten teacher is not a 17-year-old's."""

from __future__ import annotations

import json

import pytest

from bti_cli.catalogue import suggest


def rows(cli, *args: str, kind: str, lang: str = "en") -> list[dict]:
    result = cli("suggest", *args, "--kind", kind, "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return [r for r in json.loads(result.stdout) if r["kind"] == kind]


FAMILY = ("--municipality", "loten", "--level", "3", "--subject", "family", "--arena", "school",
          "--area", "parental-mental-illness-substance-use", "--area", "school-absence", "--area", "low-income-housing")


@pytest.mark.parametrize("age, child_in_family", [("12", False), ("13", True)])
def test_a_youth_measure_is_for_the_family_child_only_from_13(cli, age, child_in_family):
    # Arbeidsrettet oppfølging (NAV) is for young people and guardians: the family's child is a
    # young person from lower-secondary age (13)
    found = rows(cli, *FAMILY, "--age", age, kind="measure")
    measure = next(r for r in found if r["id"] == "arbeidsrettet-oppfolging")
    said = "for the child in the family" in measure["reasons"]
    assert said is child_in_family, measure["reasons"]
    assert ("for the family or the parents" in measure["reasons"]) is not child_in_family


YOUNG_AT_NAV = ("--municipality", "elverum", "--level", "2", "--subject", "youth", "--arena", "nav",
                "--area", "low-income-housing")


@pytest.mark.parametrize("age, as_parent", [("17", False), ("18", True), ("23", True)])
def test_a_parents_measure_is_a_young_adults_only_as_a_parent(cli, age, as_parent):
    # Kvalifiseringsprogram: the plan's target group is «Foresatte» (003, Tiltak)
    found = rows(cli, *YOUNG_AT_NAV, "--age", age, kind="measure")
    measure = next(r for r in found if r["id"] == "kvalifiseringsprogram")
    assert ("subject:as-a-parent" in measure["reason_codes"]) is as_parent
    assert ("for parents in the plan: fits when the young person is a parent" in measure["reasons"]) is as_parent
    assert ("helps through the parents or the family" in measure["reasons"]) is not as_parent
    assert suggest.ADULT_AGE == 18


def test_in_an_acute_crisis_the_crisis_team_comes_before_the_parent_talks(cli):
    args = ("--municipality", "elverum", "--level", "1", "--subject", "child", "--age", "10", "--arena", "school")
    crisis = rows(cli, *args, "--area", "acute-crisis", kind="measure")
    assert crisis[0]["id"] == "psykososialt-kriseteam"
    talks = next(r for r in crisis if r["id"] == "utviklingssamtaler")
    assert "with-guardians" not in talks["reason_codes"]
    # with another concern the own service's talks with the guardians are lifted as before
    other = rows(cli, *args, "--area", "learning", kind="measure")
    assert "with-guardians" in next(r for r in other if r["id"] == "utviklingssamtaler")["reason_codes"]


def test_at_level_1_a_table_of_other_services_comes_after_the_anonymous_one(cli):
    args = ("--municipality", "sondre-land", "--subject", "child", "--age", "0", "--arena", "health-station",
            "--area", "parenting-interaction")
    level1 = [r["id"] for r in rows(cli, *args, "--level", "1", kind="arena")]
    assert level1.index("anonym-drofting-barnevern") < level1.index("tverrfaglig-droftingsteam")
    team = next(r for r in rows(cli, *args, "--level", "1", kind="arena") if r["id"] == "tverrfaglig-droftingsteam")
    assert "other-services-only" in team["reason_codes"]
    level2 = [r["id"] for r in rows(cli, *args, "--level", "2", kind="arena")]
    assert level2.index("tverrfaglig-droftingsteam") < level2.index("anonym-drofting-barnevern")


@pytest.mark.parametrize("municipality, leader", [("loten", "leder-av-enheten"), ("sondre-land", "enhetsleder"),
                                                  ("elverum", "enhetsleder")])
def test_the_units_leader_is_the_last_person_offered(cli, municipality, leader):
    roles = rows(cli, "--municipality", municipality, "--level", "2", "--subject", "youth", "--age", "16",
                 "--arena", "mental-health", "--area", "mental-health", kind="coordinator")
    entry = next(r for r in roles if r["id"] == leader)
    # after it only roles whose stated conditions the case does not meet
    after = roles[roles.index(entry) + 1:]
    assert all(any(c.startswith("condition-unmet") for c in r["reason_codes"]) for r in after), after
    assert "exception" in entry["reason_codes"]
    assert ("only as an exception: when it is not natural for the professional closest to the child to hold "
            "the baton") in entry["reasons"]
    # said once: not again as a condition to check («Unntaksvis, når det ikke er naturlig …»)
    assert "conditions" not in entry["reason_codes"]
    assert not any("nntaksvis" in r for r in entry["reasons"]), entry["reasons"]


@pytest.mark.parametrize("age, fits", [("0", False), ("1", True), ("6", True), ("7", False), ("17", False)])
def test_a_kindergarten_teacher_serves_the_ages_of_kindergarten(cli, age, fits):
    # Søndre Land's pedagogisk leder gives no ages: the kindergarten's (1–6) apply
    roles = rows(cli, "--municipality", "sondre-land", "--level", "2", "--subject", "child", "--age", age,
                 "--arena", "other", kind="coordinator")
    teacher = next(r for r in roles if r["id"] == "pedagogisk-leder")
    assert ("condition-unmet:age" in teacher["reason_codes"]) is not fits
    assert "condition-met:age" not in teacher["reason_codes"]  # the arena's ages earn nothing


def test_a_role_for_whom_it_names_has_no_arena_ages(cli):
    roles = rows(cli, "--municipality", "elverum", "--level", "1", "--subject", "pregnant", "--age", "unborn",
                 "--arena", "health-station", kind="coordinator")
    midwife = next(r for r in roles if r["id"] == "jordmor")
    assert "condition-unmet:age" not in midwife["reason_codes"]


@pytest.mark.parametrize("age, offered", [("11", False), ("12", True), ("14", True)])
def test_a_table_for_young_people_is_not_offered_to_a_child(cli, age, offered):
    # Løten's FORT, «oppfølgingstilbud til ungdom», gives no ages: from 12, as a youth measure
    arenas = rows(cli, "--municipality", "loten", "--level", "2", "--subject", "child", "--age", age,
                  "--arena", "school", "--area", "substance-use", kind="arena")
    assert ("fort" in [r["id"] for r in arenas]) is offered
    assert suggest.YOUTH_MIN_AGE == 12


@pytest.mark.parametrize(("subject", "age", "offered"), [
    ("child", "0", True), ("child", "1", True), ("child", "2", False), ("family", "2", False), ("youth", "16", False),
])
def test_breastfeeding_support_is_for_an_infant_only(cli, subject, age, offered):
    # Løten's Ammekyndig helsestasjon is for infants and their parents, with no ages of its own
    # (audience infant, guardians): a QA reader found it on a 16-year-old's first screen
    found = rows(cli, "--municipality", "loten", "--level", "1", "--subject", subject, "--age", age,
                 "--arena", "health-station", "--area", "pregnancy-infancy", "--area", "mental-health",
                 "--limit", "60", kind="measure")
    assert ("ammekyndig-helsestasjon" in [r["id"] for r in found]) is offered


def test_an_infant_measure_with_ages_of_its_own_keeps_them(cli):
    # Elverum's video material is for infants and their parents at ages 0–3: a 3-year-old's too
    found = rows(cli, "--municipality", "elverum", "--level", "1", "--subject", "child", "--age", "3",
                 "--arena", "health-station", "--area", "minority-integration", "--limit", "60", kind="measure")
    assert "videomateriell-pa-flere-sprak" in [r["id"] for r in found]


@pytest.mark.parametrize("municipality, measure_id, subject, age, area, for_itself", [
    # Løten's ROP team is «for personer med utfordringer knyttet til psykisk helse og rus»: the
    # pregnant woman, the young person and the parents (001, 6.2); a 17-year-old is helped himself
    ("loten", "rus-og-psykisk-helsetjeneste", "youth", "17", "substance-use", True),
    # Elverum's barnekoordinator serves the family and the child it is for (003, Indikative tiltak)
    ("elverum", "barnekoordinator", "child", "5", "disability-long-term-needs", True),
    # Søndre Land's EPDS is for «gravide og barselkvinner»: a newborn is helped through its mother
    ("sondre-land", "epds", "child", "0", "pregnancy-infancy", False),
])
def test_a_measure_for_the_pregnancy_too_is_for_a_child_it_names(cli, municipality, measure_id, subject, age, area,
                                                                 for_itself):
    found = rows(cli, "-m", municipality, "--level", "3", "--subject", subject, "--age", age,
                 "--area", area, "--limit", "80", kind="measure")
    measure = next(r for r in found if r["id"] == measure_id)
    assert ("subject:fits" in measure["reason_codes"]) is for_itself, measure["reasons"]
    assert ("helps through the parents or the family" in measure["reasons"]) is not for_itself


@pytest.mark.parametrize("age, aftercare", [("17", False), ("18", True), ("22", True)])
def test_barneverns_table_reaches_a_young_adult_only_as_aftercare(cli, age, aftercare):
    # Søndre Land's «Anonym drøfting med barnevernet»: from 18 barnevern helps only as ettervern,
    # for one who had its help before 18 (as its measures say, `only-when:aftercare`)
    found = rows(cli, "-m", "sondre-land", "--level", "2", "--subject", "youth", "--age", age,
                 "--area", "mental-health", "--arena", "mental-health", kind="arena")
    table = next(r for r in found if r["id"] == "anonym-drofting-barnevern")
    assert ("only-when:aftercare" in table["reason_codes"]) is aftercare
    assert ("from 18 only as aftercare from barnevern, for someone who had its help before 18 (check that it applies)"
            in table["reasons"]) is aftercare
    if age == "18":  # the interdisciplinary team (no barnevern alone) comes first
        assert found[0]["id"] != "anonym-drofting-barnevern"


@pytest.mark.parametrize("age, offered", [("12", True), ("23", True), ("24", False)])
def test_a_youth_measure_without_ages_is_a_pregnant_womans_only_up_to_23(cli, age, offered):
    # Søndre Land's Helsestasjon for ungdom: «Ungdom», no ages; BTI is for young people 0–23
    found = rows(cli, "-m", "sondre-land", "--level", "1", "--subject", "pregnant", "--age", age,
                 "--area", "mental-health", "--arena", "health-station", "--limit", "80", kind="measure")
    hfu = next((r for r in found if r["id"] == "helsestasjon-for-ungdom"), None)
    assert (hfu is not None and "subject:fits" in hfu["reason_codes"]) is offered


def test_a_measure_for_the_pregnancy_comes_before_a_youth_measure_she_is_old_enough_for(cli):
    # a pregnant woman of 24 at the health station: the midwife's EPDS talks first, Fontenehuset
    # (young people from 16, another service) after
    found = rows(cli, "-m", "sondre-land", "--level", "1", "--subject", "pregnant", "--age", "24",
                 "--area", "mental-health", "--arena", "health-station", kind="measure")
    ids = [r["id"] for r in found]
    assert ids.index("epds-stottesamtaler-henvisning") < ids.index("fontenehuset")


@pytest.mark.parametrize("fmt, in_document", [("md", True), ("json", False), ("csv", False)])
def test_the_safety_rule_is_in_a_markdown_list_and_on_stderr_for_scripts(cli, fmt, in_document):
    # a Markdown list is a document a person keeps and passes on: the rule stands at its top;
    # a script's JSON or CSV stays data, with the rule on stderr
    from bti_cli import i18n

    rule = i18n.t("walk.suggest_safety_first", "en")
    result = cli("suggest", "-m", "elverum", "--level", "3", "--subject", "child", "--age", "9",
                 "--area", "violence-abuse", "--arena", "school", "--format", fmt, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert (result.stdout.startswith(f"> **{rule}**")) is in_document
    assert (rule in result.stderr) is not in_document


@pytest.mark.parametrize("areas, caveat", [(("violence-abuse", "parenting-interaction"), True),
                                           (("parenting-interaction",), False)])
def test_a_measure_for_the_family_as_such_carries_the_safety_caveat(cli, areas, caveat):
    # Elverum's «Åpne møteplasser» (foreldrekafé, babysang): for the guardians and the family; with
    # suspected violence the guardians are not told first, as for a parents' course
    args = [a for area in areas for a in ("--area", area)]
    found = rows(cli, "-m", "elverum", "--level", "1", "--subject", "child", "--age", "4", *args,
                 "--arena", "kindergarten", "--limit", "80", kind="measure")
    meeting = next(r for r in found if r["id"] == "apne-moteplasser")
    assert ("safety:guardians-only" in meeting["reason_codes"]) is caveat
