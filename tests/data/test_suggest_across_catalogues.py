"""`bti suggest` across levels, ages and work arenas for every second-edition shipped catalogue:
no leadership or system meeting is offered for a case, at least one anonymous-consultation arena
always is, and only direct help that has not ended is suggested."""

from __future__ import annotations

import json

import pytest

from bti_cli.catalogue import loader as catalogue
from bti_cli.catalogue import suggest

SECOND_EDITION = [
    slug for slug in catalogue.shipped_municipalities() if catalogue.load(slug).catalogue.schema_version >= 2
]
AGES = [None, 0, 1, 3, 6, 9, 12, 14, 16, 17, 19, 22, 25]
WORK_ARENAS = [None, *catalogue.load_vocabulary().work_arenas]


@pytest.fixture(scope="module", params=SECOND_EDITION)
def cat(request):
    return catalogue.load(request.param).catalogue


def test_there_is_a_second_edition_catalogue():
    assert "loten" in SECOND_EDITION


def test_no_system_meeting_and_always_an_anonymous_table(cat):
    kinds = {a.id: a.kind.value for a in cat.arenas}
    for level in range(4):
        for age in AGES:
            for work_arena in WORK_ARENAS:
                for anonymous_only in (False, True):
                    offered = suggest.rank_arenas(cat, level=level, age=age, work_arena=work_arena,
                                                  anonymous_only=anonymous_only)
                    assert all(kinds[s.id] == "case" for s in offered), (level, age, work_arena)
                    # barnevern's anonymous consultation is for the other services: its own
                    # employee may have no anonymous table (the walkthrough says so)
                    if work_arena != "child-welfare":
                        assert any(s.data["anonymous"] for s in offered), (level, age, work_arena, anonymous_only)


def test_only_direct_unended_help_and_persons_are_suggested(cat):
    by_id = {m.id: m for m in cat.measures}
    for level in range(4):
        for age in AGES:
            for s in suggest.rank_measures(cat, level=level, age=age):
                m = by_id[s.id]
                assert m.purpose.value == "direct", s.id
                period = m.period.model_dump() if m.period else None
                assert not catalogue.period_ended(period, status=m.status.value), s.id
                if age is not None:
                    assert {a.value for a in m.audience} != {"pregnant"}, s.id
    persons = {c.id for c in cat.coordinators if c.person}
    for level in (1, 2, 3):
        assert {s.id for s in suggest.rank_coordinators(cat, level=level)} <= persons


@pytest.mark.parametrize("slug", SECOND_EDITION)
@pytest.mark.parametrize(("level", "age", "arena"), [(0, "9", "school"), (3, "9", "school"), (2, "4", "kindergarten"),
                                                     (3, "15", "leisure"), (1, "0", "health-station")])
def test_the_command_offers_case_tables_only(cli, slug, level, age, arena):
    result = cli("suggest", "-m", slug, "--level", str(level), "--age", age, "--arena", arena,
                 "--kind", "arena", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    kinds = {a.id: a.kind.value for a in catalogue.load(slug).catalogue.arenas}
    assert rows and all(kinds[r["id"]] == "case" for r in rows)
    assert "anonym-drofting-barnevern" in {r["id"] for r in rows}


def _barnevern_indicated(cat) -> set[str]:
    kinds = {s.id: s.kind.value for s in cat.services}
    return {m.id for m in cat.measures if {t.value for t in m.tiers} == {"indicated"}
            and kinds.get(m.service) == "child-welfare"}


def test_barnevern_indicated_measures_never_lead_the_first_steps(cat):
    """Levels 0–2: a placement, drug tests or a visiting home come after every other measure,
    whatever the arena (barnevern's own employee too), the age or the areas; not with violence."""
    heavy = _barnevern_indicated(cat)
    assert heavy, "the catalogue has barnevern measures for high risk"
    areas = [a for a in catalogue.load_vocabulary().areas if a != "violence-abuse"]
    for level in (0, 1, 2):
        for work_arena in WORK_ARENAS:
            for area in areas:
                for age in (1, 15) if level < 2 else (9,):
                    ranked = suggest.rank_measures(cat, level=level, age=age, areas=[area], work_arena=work_arena)
                    ids = [s.id for s in ranked]
                    light = [i for i, x in enumerate(ids) if x not in heavy]
                    first_heavy = next((i for i, x in enumerate(ids) if x in heavy), len(ids))
                    assert not light or first_heavy > light[-1], (level, work_arena, area, age)
    # level 3 keeps them where their fit puts them, and so does violence at levels 1–2
    for level, areas_ in ((3, ["parenting-interaction"]), (1, ["violence-abuse"]), (2, ["violence-abuse"])):
        ranked = suggest.rank_measures(cat, level=level, age=9, areas=areas_, work_arena="child-welfare")
        ids = [s.id for s in ranked]
        assert any(ids.index(x) < len(ids) - len(heavy) for x in heavy if x in ids), (level, areas_)


def test_the_command_says_why_a_placement_comes_last_at_level_1(cli):
    result = cli("suggest", "-m", "loten", "--subject", "family", "--age", "1", "--area",
                 "parental-mental-illness-substance-use", "--level", "1", "--arena", "child-welfare",
                 "--kind", "measure", "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    top = [r["id"] for r in rows[:5]]
    assert not {"frivillig-plassering-utenfor-hjemmet", "urinprover-rusprover", "besokshjem"} & set(top), top
    placement = next(r for r in rows if r["id"] == "frivillig-plassering-utenfor-hjemmet")
    assert "a child-welfare measure for high risk: belongs to level 3, not levels 1 and 2" in placement["reasons"]


def test_the_coordination_frame_is_named_by_a_person_s_role_never_a_group(cat):
    groups = {c.role for c in cat.coordinators if not c.person}
    persons = {c.role for c in cat.coordinators if c.person}
    from bti_cli.i18n import set_language

    set_language("en")
    try:
        for work_arena in WORK_ARENAS:
            for areas in ([], ["disability-long-term-needs"], ["mental-health"]):
                for s in suggest.rank_measures(cat, level=3, age=10, areas=areas, work_arena=work_arena):
                    for text in s.reasons:
                        if text.startswith("the frame for coordination at level 3 (with the role "):
                            role = text.removeprefix("the frame for coordination at level 3 (with the role ")[:-1]
                            assert role in persons and role not in groups, (s.id, text)
    finally:
        set_language("nb")
