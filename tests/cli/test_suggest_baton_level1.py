"""Level 1 is measures in the employee's own service (BTI.md, "Level 1"): where the catalogue has
no baton-holder role for the work arena at that level (Elverum's barnevern has its contact person
from level 2, its dental service and crisis team none), the own unit's leader, a role of any
arena, is offered first, and a role of another arena says the baton stays in the own service.
Before, the contact teacher came first for a father who asked barnevern for advice. At level 2,
or with no work arena given, the ranking is as before."""

from __future__ import annotations

import json

import pytest


def batons(cli, *args: str, municipality: str = "elverum") -> list[dict]:
    result = cli("suggest", "-m", municipality, "-k", "coordinator", "--format", "json", "--lang", "en", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("arena", ["child-welfare", "other"])
def test_level1_without_a_role_of_the_arena_keeps_the_baton_in_the_own_service(cli, arena):
    rows = batons(cli, "--level", "1", "--age", "10", "--subject", "child", "--arena", arena,
                  "--area", "behaviour")
    assert rows[0]["id"] == "enhetsleder", [r["id"] for r in rows]
    assert "arena:no-own-role" in rows[0]["reason_codes"]
    assert any(reason.startswith("no baton-holder role at level 1 where you work") for reason in rows[0]["reasons"])
    teacher = next(r for r in rows if r["id"] == "kontaktlaerer")
    assert "works in School and after-school care, not where you work: at level 1 the baton stays in your own service" \
        in teacher["reasons"]


def test_level1_in_an_arena_with_its_own_role_is_unchanged(cli):
    rows = batons(cli, "--level", "1", "--age", "10", "--subject", "child", "--arena", "school", "--area", "behaviour")
    assert rows[0]["id"] == "kontaktlaerer"
    assert all("arena:no-own-role" not in r["reason_codes"] for r in rows)


def test_level2_and_no_arena_keep_the_closest_professional_by_age(cli):
    # at level 2 another service joins: barnevern's contact person where the employee works there
    level2 = batons(cli, "--level", "2", "--age", "10", "--subject", "child", "--arena", "child-welfare",
                    "--area", "behaviour")
    assert level2[0]["id"] == "kontaktperson-barnevern", [r["id"] for r in level2]
    # the dental service at level 2: a professional who follows the child, as before
    other = batons(cli, "--level", "2", "--age", "10", "--subject", "child", "--arena", "other", "--area", "behaviour")
    assert other[0]["id"] != "enhetsleder", [r["id"] for r in other]
    # no arena given: nothing says where "your own service" is
    unknown = batons(cli, "--level", "1", "--age", "10", "--subject", "child", "--area", "behaviour")
    assert unknown[0]["id"] != "enhetsleder", [r["id"] for r in unknown]
    assert all("arena:no-own-role" not in r["reason_codes"] for r in unknown)


def test_of_the_professionals_of_other_arenas_the_one_whose_service_helps_with_the_concern_leads(cli):
    # a therapist in mental health and substance use, a mother's drinking, her son of 9: the health
    # nurse (the health station and school health service have measures for children as relatives
    # and mental health) before the contact teacher, whose school has fewer (before: the catalogue's
    # order put the teacher first); each says how many
    rows = batons(cli, "--level", "2", "--age", "9", "--subject", "child", "--arena", "mental-health",
                  "--area", "parental-mental-illness-substance-use", "--area", "mental-health")
    ids = [r["id"] for r in rows]
    assert ids.index("helsesykepleier") < ids.index("kontaktlaerer"), ids
    nurse = next(r for r in rows if r["id"] == "helsesykepleier")
    assert "service-fit" in nurse["reason_codes"]
    ends = (" measures for the concern", " measure for the concern")
    assert any(reason.startswith("the service has ") and reason.endswith(ends) for reason in nurse["reasons"])
    # NAV's adviser: no measure of NAV meets these areas, nothing said
    nav = next(r for r in rows if r["id"] == "veileder-nav")
    assert "service-fit" not in nav["reason_codes"]


def test_the_service_fit_counts_up_to_three_measures(cli):
    # Søndre Land, the dental service, a 5-year-old: the kindergarten has 5 measures for the concern,
    # the health station 4, the school 2: the first two gain the same (three measures' worth), the
    # school two measures' worth less
    rows = batons(cli, "--level", "2", "--age", "5", "--subject", "child", "--arena", "other",
                  "--area", "physical-health-development", "--area", "parenting-interaction",
                  municipality="sondre-land")
    score = {r["id"]: r["score"] for r in rows}
    said = {r["id"]: next(x for x in r["reasons"] if x.startswith("the service has")) for r in rows
            if "service-fit" in r["reason_codes"]}
    assert said["pedagogisk-leder"] == "the service has 5 measures for the concern"
    assert said["helsesykepleier-helsestasjon"] == "the service has 4 measures for the concern"
    assert said["kontaktlaerer"] == "the service has 2 measures for the concern"
    assert score["pedagogisk-leder"] == score["helsesykepleier-helsestasjon"] == score["kontaktlaerer"] + 2
