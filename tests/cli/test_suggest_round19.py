"""Suggestions, round 19, from a coordinator's fresh reading (BTI.md, cross-cutting rules):
barnevern's own employee is not offered an anonymous consultation with barnevern; with suspected
violence a table that needs consent says that consent is asked for only after barnevern is told,
and comes after the tables open without it."""

from __future__ import annotations

import json

import pytest


def rows(cli, *args: str, kind: str, lang: str = "en") -> list[dict]:
    result = cli("suggest", *args, "--kind", kind, "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return [r for r in json.loads(result.stdout) if r["kind"] == kind]


@pytest.mark.parametrize("municipality", ["loten", "elverum", "sondre-land"])
@pytest.mark.parametrize(("arena", "offered"), [("child-welfare", False), ("school", True)])
def test_barnevern_is_not_consulted_anonymously_by_its_own_employee(cli, municipality, arena, offered):
    found = rows(cli, "-m", municipality, "--level", "1", "--subject", "child", "--age", "12",
                 "--area", "violence-abuse", "--arena", arena, kind="arena")
    assert ("anonym-drofting-barnevern" in [r["id"] for r in found]) is offered


def test_with_suspected_violence_consent_comes_after_barnevern(cli):
    args = ("-m", "loten", "--level", "1", "--subject", "child", "--age", "9", "--arena", "school")
    found = rows(cli, *args, "--area", "violence-abuse", "--area", "behaviour", kind="arena")
    assert found[0]["id"] == "anonym-drofting-barnevern"
    needing = [r for r in found if not r["anonymous"]]
    assert needing, found
    for r in needing:
        assert "safety:consent-after-barnevern" in r["reason_codes"]
        assert any("only after barnevern has been informed" in x for x in r["reasons"])
        assert "needs consent" not in r["reasons"]
    # without the suspicion the same table only needs consent
    calm = rows(cli, *args, "--area", "behaviour", kind="arena")
    but = next(r for r in calm if r["id"] == "but")
    assert "needs consent" in but["reasons"] and "safety:consent-after-barnevern" not in but["reason_codes"]


@pytest.mark.parametrize("level", ["0", "1", "2", "3"])
@pytest.mark.parametrize(("municipality", "barnevern"), [
    ("sondre-land", "barnevernstjenesten"), ("loten", "barnevern"), ("elverum", "barneverntjenesten"),
])
def test_with_suspected_violence_barnevern_comes_first_at_every_level(cli, level, municipality, barnevern):
    found = rows(cli, "-m", municipality, "--level", level, "--subject", "child", "--age", "9",
                 "--area", "violence-abuse", "--arena", "school", kind="measure")
    assert found[0]["service"] == barnevern, [r["id"] for r in found[:3]]
    assert "safety:barnevern-first" in found[0]["reason_codes"]
    assert any("barnevern comes first" in x and "§ 13-2" in x for x in found[0]["reasons"])


def test_a_placement_to_check_first_is_not_lifted_by_the_safety_rule(cli):
    # Løten's voluntary placement is «when the child cannot live at home»: a condition to check
    found = rows(cli, "-m", "loten", "--level", "1", "--subject", "child", "--age", "9",
                 "--area", "violence-abuse", "--arena", "school", kind="measure")
    ids = [r["id"] for r in found]
    assert ids.index("tilsyn-i-hjemmet") < ids.index("frivillig-plassering-utenfor-hjemmet")
    assert not found[ids.index("frivillig-plassering-utenfor-hjemmet")]["reasons"][0].startswith("with suspected")


def test_without_the_suspicion_barnevern_keeps_its_place(cli):
    found = rows(cli, "-m", "sondre-land", "--level", "1", "--subject", "child", "--age", "9",
                 "--area", "behaviour", "--arena", "school", kind="measure")
    assert not any("safety:barnevern-first" in r["reason_codes"] for r in found)


def test_the_cooperation_lifted_for_the_guardians_does_not_also_say_it_misses_the_concern(cli):
    found = rows(cli, "-m", "loten", "--level", "1", "--subject", "child", "--age", "10",
                 "--area", "parental-mental-illness-substance-use", "--arena", "school", kind="measure")
    lifted = [r for r in found if "with-guardians" in r["reason_codes"]]
    assert lifted, [r["id"] for r in found[:5]]
    for r in lifted:
        assert "working with the guardians, where BTI begins" in r["reasons"]
        assert "does not cover the chosen concern areas" not in r["reasons"]


def test_a_baton_condition_met_is_quoted_not_to_check(cli):
    found = rows(cli, "-m", "elverum", "--level", "1", "--age", "unborn", "--area", "pregnancy-infancy",
                 "--arena", "health-station", kind="coordinator")
    midwife = next(r for r in found if r["id"] == "jordmor")
    # the role's source is the BTI model (Elverum's plan names no baton holder): said so
    assert "the BTI model's condition: «Når bekymringen gjelder en gravid»" in midwife["reasons"]
    assert not any(x.startswith("conditions to check") for x in midwife["reasons"])


def test_barnevern_guidance_in_one_case_is_offered_to_the_other_services(cli):
    # Løten's «Veiledning til samarbeidspartnere … knyttet til enkeltsak» (001, 6.2): its audience
    # is staff, but it is help in this case, not staff training (`case_guidance`)
    found = rows(cli, "-m", "loten", "--level", "2", "--subject", "child", "--age", "6",
                 "--area", "violence-abuse", "--arena", "school", kind="measure")
    guidance = next(r for r in found if r["id"] == "veiledning-til-samarbeidspartnere")
    assert guidance["rank"] <= 5
    assert "guidance for you and the other services in this case" in guidance["reasons"]
    assert "subject:case-guidance" in guidance["reason_codes"]


def test_barnevern_guidance_is_not_offered_to_barnevern_itself(cli):
    found = rows(cli, "-m", "loten", "--level", "2", "--subject", "child", "--age", "6",
                 "--area", "violence-abuse", "--arena", "child-welfare", "--limit", "100", kind="measure")
    assert "veiledning-til-samarbeidspartnere" not in [r["id"] for r in found]


def test_staff_training_stays_left_out(cli):
    # a staff measure that is no guidance in one case is still never suggested
    from bti_cli.catalogue import loader

    cat = loader.load("loten").catalogue
    staff = [m.id for m in cat.measures if {a.value for a in m.audience} == {"staff"} and not m.case_guidance]
    assert staff
    found = rows(cli, "-m", "loten", "--level", "2", "--subject", "child", "--age", "6",
                 "--area", "violence-abuse", "--area", "parenting-interaction", "--arena", "school",
                 "--limit", "200", kind="measure")
    assert not set(staff) & {r["id"] for r in found}


def test_barnevern_employee_hears_why_no_anonymous_table_is_offered(cli):
    """In the walkthrough (typed answers): an Elverum barnevern employee who discussed the case
    anonymously is told the plan has no anonymous table for them, instead of an empty list."""
    typed = ["", "child-welfare", "saksbehandler", "child", "9", "behaviour", "n", "Tar leker fra andre barn.", "",
             "weeks", "n", "3", "j", "j", "j"]
    result = cli("start", "-m", "elverum", input="\n".join(typed) + "\n")
    assert "Hvor drøftet du saken anonymt?" in result.stdout
    assert "barnevernets anonyme drøfting er for de andre tjenestene" in result.stdout
