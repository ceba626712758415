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
