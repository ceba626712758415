"""Ranking of measures, arenas, baton holders and services, with their reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from bti_cli.catalogue import loader as catalogue
from bti_cli.catalogue import suggest
from bti_cli.i18n import set_language

FIXTURE = Path(__file__).parent / "fixtures" / "walk.toml"


@pytest.fixture(scope="module")
def cat():
    return catalogue.load(None, FIXTURE).catalogue


def ids(items):
    return [s.id for s in items]


def test_level1_offers_own_service_universal_and_selective_first(cat):
    ranked = suggest.rank_measures(cat, level=1, age=8, areas=["learning"], work_arena="school")
    # own service (school) first, selective before universal; other services follow, demoted
    assert ids(ranked)[:2] == ["lesekurs", "leksehjelp"]
    assert ids(ranked)[2:4] == ["ppt-utredning", "hjemmebesok"] and "other-service" in ranked[2].codes
    assert ids(ranked)[-1] == "vennegruppe"  # own service, but another concern and only planned
    best = ranked[0]
    assert best.codes[0] == "tier:selective" and "age:fits" in best.codes and "area:learning" in best.codes
    assert "own-service" in best.codes and "status:active" in best.codes
    assert any("selektivt" in r for r in best.reasons) and any("Læring" in r for r in best.reasons)


def test_age_outside_range_is_left_out(cat):
    assert "lesekurs" not in ids(suggest.rank_measures(cat, level=1, age=11, areas=["learning"], work_arena="school"))


def test_area_mismatch_demotes_and_says_so(cat):
    ranked = suggest.rank_measures(cat, level=1, age=8, areas=["mental-health"], work_arena="school")
    assert ranked and all("area:none" in s.codes for s in ranked)
    matching = suggest.rank_measures(cat, level=1, age=8, areas=["learning"], work_arena="school")
    assert matching[0].score > max(s.score for s in ranked)
    every = ids(suggest.rank_measures(cat, level=1, age=8, work_arena="school"))
    assert every[:2] == ["lesekurs", "leksehjelp"]  # own service first
    assert set(every[-2:]) == {"hjemmebesok", "vennegruppe"}  # developing and planned after every running one


def test_planned_status_ranks_lower_and_says_so(cat):
    ranked = suggest.rank_measures(cat, level=1, age=8, areas=["learning", "social-inclusion-leisure"],
                                   work_arena="school")
    planned = next(s for s in ranked if s.id == "vennegruppe")
    assert "status:planned" in planned.codes
    assert any("planlagt" in r for r in planned.reasons)


def test_level3_prefers_indicated_measures_of_every_service(cat):
    ranked = suggest.rank_measures(cat, level=3, age=8, areas=["learning"], work_arena="school")
    assert ids(ranked)[0] == "ppt-utredning"
    assert ids(ranked).index("leksehjelp") > ids(ranked).index("lesekurs")  # universal demoted at level 3
    assert "tier:universal" in next(s for s in ranked if s.id == "leksehjelp").codes


def test_level2_selective_measures_of_other_services(cat):
    ranked = suggest.rank_measures(cat, level=2, age=8, areas=["learning"], work_arena="school")
    assert ids(ranked)[0] in ("lesekurs", "hjemmebesok")
    assert {"ppt-utredning", "hjemmebesok", "lesekurs"} <= set(ids(ranked))


def test_unknown_age_keeps_age_limited_measures_with_a_reason(cat):
    ranked = suggest.rank_measures(cat, level=1, areas=["learning"], work_arena="school")
    assert "lesekurs" in ids(ranked)
    assert "age:unknown" in ranked[0].codes


def test_without_own_service_measures_every_service_is_considered(cat):
    ranked = suggest.rank_measures(cat, level=1, age=3, areas=["parenting-interaction"], work_arena="leisure")
    assert ids(ranked)[:2] == ["foreldrekurs", "hjemmebesok"]
    assert all("own-service" not in s.codes for s in ranked)


def test_arenas_by_level_age_and_consent(cat):
    assert ids(suggest.rank_arenas(cat, level=3, age=9, areas=["learning"])) == ["ansvarsgruppe", "drofteteam"]
    assert ids(suggest.rank_arenas(cat, level=3, age=9, areas=["learning"], anonymous_only=True)) == ["drofteteam"]
    level2 = suggest.rank_arenas(cat, level=2, age=3)
    assert set(ids(level2)) == {"drofteteam", "smabarnsteam"}
    assert "smabarnsteam" not in ids(suggest.rank_arenas(cat, level=2, age=9))
    drofte = next(s for s in level2 if s.id == "drofteteam")
    assert "anonymous" in drofte.codes and "other-services" in drofte.codes


def test_arena_for_other_concerns_is_demoted(cat):
    ranked = suggest.rank_arenas(cat, level=3, areas=["mental-health"])
    assert ids(ranked) == ["drofteteam", "ansvarsgruppe"]
    assert "area:none" in ranked[1].codes


def test_coordinators_closest_to_the_child_first(cat):
    school = suggest.rank_coordinators(cat, level=1, work_arena="school")
    assert ids(school) == ["kontaktlaerer", "leder"]
    assert "arena:school" in school[0].codes and "own-service" in school[0].codes
    assert ids(suggest.rank_coordinators(cat, level=2, work_arena="health-station")) == ["helsesykepleier", "leder"]
    three = suggest.rank_coordinators(cat, level=3, work_arena="school")
    assert ids(three) == ["koordinator", "barnekoordinator"]  # a tie keeps the catalogue's order
    barnekoordinator = next(s for s in three if s.id == "barnekoordinator")
    assert "legal-basis" in barnekoordinator.codes and "conditions" in barnekoordinator.codes
    assert any("§ 2-5 c" in r for r in barnekoordinator.reasons)


def test_services_ranked_by_need(cat):
    ranked = suggest.rank_services(cat, level=2, age=8, areas=["learning"], work_arena="school")
    assert ids(ranked)[0] in ("skole", "ppt", "barnevern")
    counts = {s.id: s.codes[0] for s in ranked}
    assert counts["helsestasjon"] == "measures:0"
    assert counts["ppt"] == "measures:1"


def test_reasons_follow_the_language(cat):
    set_language("en")
    ranked = suggest.rank_measures(cat, level=1, age=8, areas=["learning"], work_arena="school")
    assert "a selective measure fits level 1" in ranked[0].reasons
    assert "your own service" in ranked[0].reasons


def test_row_has_stable_keys(cat):
    row = suggest.rank_measures(cat, level=1, age=8, work_arena="school")[0].row(1)
    for key in ("kind", "rank", "id", "name", "score", "reason_codes", "reasons", "service", "tiers", "status"):
        assert key in row
    assert row["kind"] == "measure" and row["rank"] == 1


def test_own_services_mapping(cat):
    assert suggest.own_services(cat, "school") == {"skole"}
    assert suggest.own_services(cat, "health-station") == {"helsestasjon"}
    assert suggest.own_services(cat, "other") == set()
    assert suggest.own_services(cat, None) == set()
