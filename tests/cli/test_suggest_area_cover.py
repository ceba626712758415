"""Each concern area the employee names is met on the first screen: a measure for an area that
none of the first five covers is brought forward (at most two), with a reason that says why."""

from __future__ import annotations

import json

import pytest

from bti_cli.catalogue import suggest
from bti_cli.catalogue.suggest import Suggestion, cover_areas

FAMILY_AT_NAV = ("--municipality", "loten", "--level", "3", "--age", "7", "--subject", "family", "--arena", "nav",
                 "--area", "minority-integration", "--area", "language", "--area", "mental-health",
                 "--area", "low-income-housing")


def measures(cli, *args: str, lang: str = "en") -> list[dict]:
    result = cli("suggest", *args, "--kind", "measure", "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return [r for r in json.loads(result.stdout) if r["kind"] == "measure"]


def test_uncovered_areas_are_brought_onto_the_first_screen(cli):
    rows = measures(cli, *FAMILY_AT_NAV)
    first = rows[:5]
    for area in ("minority-integration", "language", "mental-health", "low-income-housing"):
        assert any(f"area:{area}" in r["reason_codes"] for r in first), area
    pulled = [r for r in first if any(c.startswith("cover:") for c in r["reason_codes"])]
    assert [c for r in pulled for c in r["reason_codes"] if c.startswith("cover:")] == [
        "cover:language", "cover:mental-health"]  # in the order the areas were given, placed last
    assert [r["rank"] for r in pulled] == [4, 5]
    assert pulled[0]["reasons"][0] == "brought forward: none of the measures above covers Language"
    # what they displaced follows at once, and nothing after the first screen says it was moved
    assert not any(c.startswith("cover:") for r in rows[5:] for c in r["reason_codes"])
    assert len(rows) == len({r["id"] for r in rows})


@pytest.mark.parametrize("lang, words", [("nb", "flyttet fram: ingen av tiltakene over dekker"),
                                         ("nn", "flytt fram: ingen av tiltaka over dekkjer")])
def test_the_reason_in_each_language(cli, lang, words):
    rows = measures(cli, *FAMILY_AT_NAV, lang=lang)
    assert any(r["reasons"][0].startswith(words) for r in rows[:5])


def test_nothing_moves_when_the_first_five_cover_every_area(cli):
    rows = measures(cli, "--municipality", "loten", "--level", "3", "--age", "7", "--subject", "family",
                    "--arena", "nav", "--area", "minority-integration", "--area", "low-income-housing")
    assert not any(c.startswith("cover:") for r in rows for c in r["reason_codes"])


def _s(key: str, *codes: str, status: str = "active") -> Suggestion:
    return Suggestion("measure", key, key, 50, codes, (key,), {"status": status})


FILLER = [_s(f"a{i}", "area:a") for i in range(5)]


def test_at_most_two_areas_are_brought_forward():
    tail = [_s("b", "area:b"), _s("c", "area:c"), _s("d", "area:d")]
    out = cover_areas([*FILLER, *tail], ["a", "b", "c", "d"])
    assert [s.id for s in out[:5]] == ["a0", "a1", "a2", "b", "c"]
    assert [s.id for s in out[5:]] == ["a3", "a4", "d"]
    assert suggest.AREA_COVER_MAX == 2


def test_only_a_running_measure_that_meets_the_concern_is_brought_forward():
    tail = [_s("planned", "area:b", status="planned"), _s("beyond", "area:b", "beyond-level"),
            _s("parents", "area:b", "safety:guardians-only"), _s("running", "area:b")]
    out = cover_areas([*FILLER, *tail], ["a", "b"])
    assert out[4].id == "running" and out[4].codes[-1] == "cover:b"
    assert cover_areas([*FILLER, *tail[:3]], ["a", "b"]) == [*FILLER, *tail[:3]]


def test_an_area_covered_in_the_first_five_is_not_brought_forward_again():
    ranked = [*FILLER[:4], _s("b1", "area:b"), _s("b2", "area:b")]
    assert cover_areas(ranked, ["a", "b", "b"]) == ranked
    # the sixth measure is not on the first screen: it is brought forward
    ranked = [*FILLER, _s("b2", "area:b")]
    assert [s.id for s in cover_areas(ranked, ["b"])] == ["a0", "a1", "a2", "a3", "b2", "a4"]


def test_the_only_measure_for_another_area_is_never_pushed_off():
    ranked = [*FILLER[:4], _s("b0", "area:b"), _s("c0", "area:c")]
    out = cover_areas(ranked, ["a", "b", "c"])
    assert [s.id for s in out[:5]] == ["a0", "a1", "a2", "b0", "c0"]  # a3 went, not b0
    assert [s.id for s in out[5:]] == ["a3"]
    # when each of the five is the only one for its area, nothing is brought forward
    unique = [_s(x, f"area:{x}") for x in "abcde"]
    assert cover_areas([*unique, _s("f", "area:f")], list("abcdef")) == [*unique, _s("f", "area:f")]


def test_a_measure_that_covers_more_of_the_named_areas_is_preferred():
    ranked = [*FILLER, _s("c1", "area:c"), _s("cd", "area:c", "area:d")]
    out = cover_areas(ranked, ["a", "c", "d"])
    assert out[4].id == "cd"
    assert [c for c in out[4].codes if c.startswith("cover:")] == ["cover:c", "cover:d"]
    assert "c1" not in [s.id for s in out[:5]]  # one measure for both, not two
