"""Whose words a baton holder's conditions are, and whom a role is for (issue 11, read by a
black-box coordinator): a role whose source is the BTI model (a plan that names no baton holder)
or the law was quoted as «the plan's words»; the midwife in a pregnancy was «for the child
itself»; a role with no ages of its own was «outside the role's age range» by the ages of its
arena."""

from __future__ import annotations

import json


def rows(cli, *args: str) -> list[dict]:
    result = cli("suggest", *args, "--kind", "coordinator", "--format", "json", "--lang", "en", "--limit", "40")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_law_based_role_quotes_the_law_not_the_plan(cli):
    # Elverum's «Koordinator (individuell plan)»: its source is the law (helse- og
    # omsorgstjenesteloven § 7-2), the plan does not give it
    found = rows(cli, "-m", "elverum", "--level", "3", "--subject", "child", "--age", "6",
                 "--area", "disability-long-term-needs", "--arena", "school")
    role = next(r for r in found if r["id"] == "koordinator-individuell-plan")
    quoted = [x for x in role["reasons"] if "«" in x]
    assert quoted and all("(by the law)" in x or x.startswith("the law's condition") for x in quoted), quoted
    assert not any("the plan's" in x for x in quoted)


def test_a_role_by_the_bti_model_says_the_plan_is_silent(cli):
    found = rows(cli, "-m", "loten", "--level", "1", "--subject", "child", "--age", "unborn",
                 "--area", "pregnancy-infancy", "--arena", "health-station")
    nurse = next(r for r in found if r["id"] == "ansvarlig-helsesykepleier")
    assert any(x.startswith("conditions to check (by the BTI model; the plan does not say)") for x in nurse["reasons"])


def test_the_midwife_in_a_pregnancy_is_for_pregnant_women(cli):
    found = rows(cli, "-m", "loten", "--level", "1", "--subject", "child", "--age", "unborn",
                 "--area", "pregnancy-infancy", "--arena", "health-station")
    assert found[0]["id"] == "jordmor"
    assert "the role is for pregnant women (condition met)" in found[0]["reasons"]
    assert "the role is for the child itself (condition met)" not in found[0]["reasons"]


def test_a_role_with_no_ages_of_its_own_says_the_ages_are_its_arenas(cli):
    # Søndre Land's health nurse at the health station: the plan gives the role no ages; the
    # health station serves 0–5-year-olds, and a pregnant woman of 24 is not one of them
    found = rows(cli, "-m", "sondre-land", "--level", "1", "--subject", "pregnant", "--age", "24",
                 "--area", "mental-health", "--arena", "health-station")
    nurse = next(r for r in found if r["id"] == "helsesykepleier-helsestasjon")
    assert ("the age is outside what Health station serves (ages 0–5; the plan gives the role no age range)"
            " (condition not met)") in nurse["reasons"]
    assert "the age is outside the role's age range (condition not met)" not in nurse["reasons"]
