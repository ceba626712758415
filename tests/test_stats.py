"""`bti stats` figures on hand-built export rows with known answers, incl. small-count
suppression and secondary suppression (no hidden count can be worked out from totals)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bti_cli.reports.export import AT_LEAST, EQUAL, SECONDARY, SMALL, _safe, compute_stats, protect

TODAY = date(2026, 6, 1)


def row(**values):
    base = {
        "case_id": "BTI-2026-00000", "municipality": "loten", "created": "2026-02-01T09:00:00Z",
        "closed": None, "status": "open", "level": 0, "highest_level": 0, "arena": "school", "age": 7,
        "concern_areas": ["learning"], "concern_scale": 2, "notified_barnevern": False, "measures": [],
        "services_involved": [], "baton_holder_role": None, "consent_services": [],
        "days_to_decision": None, "decided_within_deadline": None, "evaluations": 0,
        "next_evaluation": None, "process_version": "p", "catalogue_version": "c",
    }
    base.update(values)
    return base


def m(mid, service, *tiers):
    return {"id": mid, "tiers": list(tiers), "service": service}


def rows_for(counts: dict, **common):
    """`counts`: {(key, value): n} → n rows with that key set."""
    out = []
    for (key, value), n in counts.items():
        out += [row(**{key: value}, **common) for _ in range(n)]
    return out


# --------------------------------------------------------------------------- overview figures


def test_overview_figures_known_answers():
    rows = (
        [row(days_to_decision=d, decided_within_deadline=d <= 14) for d in (2, 4, 6, 10, 12, 20, 30)]
        + [row(notified_barnevern=True) for _ in range(6)]
        + [row(next_evaluation="2026-05-01") for _ in range(5)]  # overdue on TODAY
        + [row(next_evaluation="2026-06-01") for _ in range(3)]  # due today: not overdue
        + [row(next_evaluation="2026-04-01", status="closed") for _ in range(4)]  # closed: never overdue
    )
    stats = compute_stats(rows, today=TODAY, min_count=5)
    o = stats.overview
    assert o["concerns"] == 25
    assert o["notified_barnevern"] == 6
    assert o["open_overdue_evaluations"] == 5
    assert o["median_days_to_decision"] == 10
    # 5 of 7 within the deadline, but 2 late cases would be a small count: hidden
    assert o["share_decided_within_deadline"] is None
    # the figures these rows have none of (closed cases, handovers, evaluations) are 0: small
    assert o["suppressed"] == {"share_decided_within_deadline": SMALL, "closed": SMALL,
                               "handovers_offered": SMALL, "handovers_accepted": SMALL,
                               "handovers_pending": SMALL, "evaluations_on_time": SMALL,
                               "evaluations_late": SMALL}


def test_share_and_median_shown_with_enough_cases():
    days = [1, 2, 3, 4, 5, 6, 15, 16, 17, 18, 19, 20]
    rows = [row(days_to_decision=d, decided_within_deadline=d <= 14) for d in days]
    stats = compute_stats(rows, today=TODAY, min_count=5)
    assert stats.overview["median_days_to_decision"] == 10.5
    assert stats.overview["share_decided_within_deadline"] == 0.5
    all_in_time = [row(days_to_decision=3, decided_within_deadline=True) for _ in range(5)]
    assert compute_stats(all_in_time, today=TODAY).overview["share_decided_within_deadline"] == 1.0


def test_median_hidden_below_min_count():
    rows = [row(days_to_decision=d, decided_within_deadline=True) for d in (1, 2, 3, 4)] + [row()] * 10
    stats = compute_stats(rows, today=TODAY, min_count=5)
    assert stats.overview["median_days_to_decision"] is None
    assert stats.overview["suppressed"]["median_days_to_decision"] == SMALL
    assert compute_stats(rows, today=TODAY, min_count=4).overview["median_days_to_decision"] == 2.5


def test_year_filter_uses_created():
    rows = [row(created="2025-12-31T23:00:00Z")] * 6 + [row(created="2026-01-01T00:10:00Z")] * 7
    assert compute_stats(rows, today=TODAY, year=2025, min_count=0).overview["concerns"] == 6
    assert compute_stats(rows, today=TODAY, year=2026, min_count=0).overview["concerns"] == 7
    assert compute_stats(rows, today=TODAY, min_count=0).overview["concerns"] == 13
    assert compute_stats(rows, today=TODAY, year=2024).overview["concerns"] is None  # 0 < 5


def test_a_total_that_would_expose_its_small_cells_is_hidden():
    # 6 cases, all at level 0: showing 6 and "level 1-3: <5" would tell those are 0 or 1
    rows = [row()] * 6
    stats = compute_stats(rows, today=TODAY)
    assert stats.overview["concerns"] is None
    assert stats.overview["suppressed"]["concerns"] == SECONDARY


def test_min_count_zero_hides_nothing():
    rows = [row(highest_level=3, notified_barnevern=True)] + [row()] * 2
    stats = compute_stats(rows, today=TODAY, min_count=0)
    assert stats.overview["concerns"] == 3 and stats.overview["notified_barnevern"] == 1
    levels = {r["group"]: r["concerns"] for r in stats.breakdowns["level"]}
    assert levels == {"0": 2, "1": 0, "2": 0, "3": 1}
    assert all(not r["suppressed"] for r in stats.breakdowns["level"])


# --------------------------------------------------------------------------- breakdowns


def test_breakdowns_count_cases_per_group():
    rows = (
        [row(highest_level=0, arena="school", concern_areas=["learning", "language"])] * 10
        + [row(highest_level=1, arena="kindergarten", concern_areas=["language"],
               measures=[m("a", "barnehage", "universal", "selective"), m("b", "barnehage", "universal")])] * 8
        + [row(highest_level=2, arena=None, concern_areas=["behaviour"],
               measures=[m("c", "ppt", "indicated")])] * 7
    )
    stats = compute_stats(rows, today=TODAY, min_count=5)
    by = {d: {r["group"]: r["concerns"] for r in rs} for d, rs in stats.breakdowns.items()}
    assert by["arena"] == {"kindergarten": 8, "school": 10, "unknown": 7}
    assert by["area"] == {"behaviour": 7, "language": 18, "learning": 10}
    # a case with two universal measures counts once in "universal"
    assert by["tier"] == {"universal": 8, "selective": 8, "indicated": 7}
    assert by["service"] == {"barnehage": 8, "ppt": 7}
    assert list(by["level"]) == ["0", "1", "2", "3"]
    # level 3 is 0 (< 5): hidden, and one more level is hidden so it cannot be worked out
    levels = stats.breakdowns["level"]
    assert levels[3]["concerns"] is None and levels[3]["suppressed"]["concerns"] == SMALL
    secondary = [r for r in levels if r["suppressed"].get("concerns") == SECONDARY]
    # the smallest cell that covers it: 0 + v - 5 >= 4 needs v >= 9, so the 10 (not the 8 or 7)
    assert len(secondary) == 1 and secondary[0]["group"] == "0"
    assert [r["concerns"] for r in levels] == [None, 8, 7, None]


def test_by_dimension_has_every_figure():
    rows = (
        [row(highest_level=0)] * 7
        + [row(highest_level=1, notified_barnevern=True, days_to_decision=3, decided_within_deadline=True)] * 6
        + [row(highest_level=2, notified_barnevern=True, days_to_decision=9, decided_within_deadline=True,
               next_evaluation="2026-01-01")] * 9
    )
    stats = compute_stats(rows, today=TODAY, by="level", min_count=5)
    assert list(stats.breakdowns) == ["level"]
    o = stats.overview
    assert (o["concerns"], o["notified_barnevern"], o["open_overdue_evaluations"]) == (22, 15, 9)
    assert (o["median_days_to_decision"], o["share_decided_within_deadline"]) == (9, 1.0)
    level0, level1, level2, level3 = stats.breakdowns["level"]
    # concerns 7, 6, 9, 0: the 0 needs a complement of at least 9 → the 9 is hidden
    assert [r["concerns"] for r in (level0, level1, level2, level3)] == [7, 6, None, None]
    assert level2["suppressed"]["concerns"] == SECONDARY and level3["suppressed"]["concerns"] == SMALL
    # notified 0, 6, 9, 0 → the 9 covers both zeros; overdue 0, 0, 9, 0 → the 9 again
    assert [r["notified_barnevern"] for r in (level0, level1, level2, level3)] == [None, 6, None, None]
    assert level2["suppressed"]["notified_barnevern"] == SECONDARY
    assert all(r["open_overdue_evaluations"] is None for r in (level0, level1, level2, level3))
    assert level2["suppressed"]["open_overdue_evaluations"] == SECONDARY
    # medians and shares hide only where they rest on too few cases
    assert (level1["median_days_to_decision"], level2["median_days_to_decision"]) == (3, 9)
    assert level0["median_days_to_decision"] is None and level0["suppressed"]["median_days_to_decision"] == SMALL
    assert level1["share_decided_within_deadline"] == 1.0 and level2["share_decided_within_deadline"] == 1.0


def test_unknown_dimension_is_an_error():
    with pytest.raises(ValueError):
        compute_stats([], today=TODAY, by="colour")


def test_long_rows_and_as_dict_shape():
    rows = [row()] * 6
    stats = compute_stats(rows, today=TODAY, by="arena")
    data = stats.as_dict()
    assert data["as_of"] == "2026-06-01" and data["min_count"] == 5 and data["by"] == "arena"
    assert data["breakdowns"][0]["by"] == "arena"
    assert data["breakdowns"][0]["rows"][0]["group"] == "school"
    long = list(stats.long_rows())
    assert {"section", "group", "metric", "value", "suppressed"} == set(long[0])
    concern = [r for r in long if r["section"] == "overview" and r["metric"] == "concerns"][0]
    assert concern["value"] == 6 and concern["suppressed"] == ""


# --------------------------------------------------------------------------- suppression


def test_single_small_cell_gets_a_complement():
    hidden, ok = protect([40, 3, 20, 12], 5, EQUAL)
    assert ok
    assert hidden[1] == SMALL
    assert list(hidden.values()).count(SECONDARY) == 1
    # the complement must carry enough: 3 + v - 5 >= 4 → v >= 6, so 12 (not 20, not 40)
    assert hidden == {1: SMALL, 3: SECONDARY}


def test_two_small_cells_that_would_pin_each_other():
    # 4 + 4 = 8 known from the total: both would be exactly 4
    hidden, ok = protect([30, 4, 4], 5, EQUAL)
    assert ok and hidden[0] == SECONDARY
    # small cells that already cover each other need no complement: 1 + 3 + 4 = 8 → each in 0..4
    hidden, ok = protect([30, 1, 3, 4], 5, EQUAL)
    assert ok and hidden == {1: SMALL, 2: SMALL, 3: SMALL}
    # but 2 + 3 + 4 = 9 would tell that the 2 is at least 1
    hidden, ok = protect([30, 2, 3, 4], 5, EQUAL)
    assert ok and hidden == {0: SECONDARY, 1: SMALL, 2: SMALL, 3: SMALL}


def test_zero_is_a_small_count():
    hidden, _ = protect([10, 0], 5, EQUAL)
    assert hidden == {1: SMALL, 0: SECONDARY}


def test_hidden_total_needs_no_complement():
    assert protect([3, 1], 5, None) == ({0: SMALL, 1: SMALL}, True)


def test_unprotectable_breakdown_hides_the_figure_everywhere():
    # 8 cases, 4 at school and 4 in kindergarten: even hiding both, the total 8 gives 4 + 4
    rows = [row(arena="school", highest_level=1)] * 4 + [row(arena="kindergarten", highest_level=1)] * 4
    stats = compute_stats(rows, today=TODAY, min_count=5)
    assert stats.overview["concerns"] is None
    assert stats.overview["suppressed"]["concerns"] == SECONDARY
    for table in stats.breakdowns.values():
        for r in table:
            assert r["concerns"] is None and r["suppressed"]["concerns"] in (SMALL, SECONDARY)


def feasible_values(values, hidden, m, total):
    """Every value each hidden cell can take, for someone who knows the shown cells, the
    total, that SMALL cells are 0..m-1 and SECONDARY cells at least m (brute force)."""
    shown = sum(v for i, v in enumerate(values) if i not in hidden)
    rest = total - shown
    keys = sorted(hidden)
    ranges = [range(0, m) if hidden[i] == SMALL else range(m, rest + 1) for i in keys]
    seen = {i: set() for i in keys}
    for combo in itertools.product(*ranges):
        if sum(combo) == rest:
            for i, v in zip(keys, combo, strict=True):
                seen[i].add(v)
    return seen


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=14), min_size=2, max_size=5), st.integers(2, 5))
def test_no_hidden_small_count_can_be_worked_out(values, m):
    total = sum(values)
    hidden, ok = protect(values, m, EQUAL if total >= m else None)
    assert all(hidden.get(i) == SMALL for i, v in enumerate(values) if v < m)  # every small count hidden
    if total < m or not ok:
        return  # the total itself is hidden (compute_stats hides the figure everywhere)
    seen = feasible_values(values, hidden, m, total)
    for i, why in hidden.items():
        if why == SMALL:
            assert seen[i] == set(range(m)), (values, hidden, i, seen[i])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=14), min_size=2, max_size=5), st.integers(2, 5))
def test_protect_reports_failure_only_when_everything_is_hidden(values, m):
    hidden, ok = protect(values, m, EQUAL)
    if not ok:
        assert len(hidden) == len(values)
        assert not _safe(values, hidden, m)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["school", "kindergarten", "nav", "ppt"]), min_size=0, max_size=40))
def test_arena_breakdown_never_exposes_a_small_count(arenas):
    rows = [row(arena=a) for a in arenas]
    stats = compute_stats(rows, today=TODAY, min_count=5)
    total = stats.overview["concerns"]
    table = stats.breakdowns["arena"]
    values = [arenas.count(r["group"]) for r in table]
    hidden = {i: r["suppressed"]["concerns"] for i, r in enumerate(table) if "concerns" in r["suppressed"]}
    for i, r in enumerate(table):
        assert (r["concerns"] is None) == (i in hidden)
        if r["concerns"] is not None:
            assert r["concerns"] == values[i] >= 5
    if total is None:
        return  # nothing adds up to a shown total
    seen = feasible_values(values, hidden, 5, total)
    for i, why in hidden.items():
        if why == SMALL:
            assert seen[i] == set(range(5))


def feasible_at_least(values, hidden, m, total):
    """Like feasible_values, when the cells add up to at least `total` (several groups per case)."""
    shown = sum(v for i, v in enumerate(values) if i not in hidden)
    least = total - shown
    keys = sorted(hidden)
    cap = max(least, 0) + m
    ranges = [range(0, m) if hidden[i] == SMALL else range(m, cap + 1) for i in keys]
    seen = {i: set() for i in keys}
    for combo in itertools.product(*ranges):
        if sum(combo) >= least:
            for i, v in zip(keys, combo, strict=True):
                seen[i].add(v)
    return seen


def test_at_least_breakdown_needs_cover_against_the_lower_bound():
    # 20 cases, each with one or more areas: 12 + 6 + 3 = 21 ≥ 20; shown 12 + 6 → the 3 is ≥ 2
    hidden, ok = protect([12, 6, 3], 5, AT_LEAST, total=20)
    assert ok and hidden == {2: SMALL, 1: SECONDARY}
    # when the shown cells already reach the total, the small one is free: 15 + 6 ≥ 20
    assert protect([15, 6, 3], 5, AT_LEAST, total=20) == ({2: SMALL}, True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=4), st.integers(2, 5),
       st.integers(0, 12))
def test_at_least_breakdown_never_narrows_a_small_count(values, m, missing):
    total = max(0, sum(values) - missing)  # some cases counted in two groups
    if total < m:
        return
    hidden, ok = protect(values, m, AT_LEAST, total=total)
    if not ok:
        return
    seen = feasible_at_least(values, hidden, m, total)
    for i, why in hidden.items():
        if why == SMALL:
            assert seen[i] == set(range(m)), (values, total, hidden, i, seen[i])


def test_tier_and_service_have_no_total_to_work_back_from():
    rows = [row(measures=[m("a", "ppt", "universal")])] * 7 + [row(measures=[m("b", "nav", "indicated")])] + [row()] * 9
    stats = compute_stats(rows, today=TODAY, min_count=5)
    tiers = {r["group"]: (r["concerns"], r["suppressed"].get("concerns")) for r in stats.breakdowns["tier"]}
    assert tiers == {"universal": (7, None), "selective": (None, SMALL), "indicated": (None, SMALL)}
    assert stats.overview["concerns"] == 17


# --------------------------------------------------------------------------- figures added with bti report


def test_closing_reasons_split_the_closed_cases_and_protect_them():
    rows = ([row(status="closed", closing_reason="goal-reached") for _ in range(7)]
            + [row(status="closed", closing_reason="moved") for _ in range(2)]
            + [row() for _ in range(10)])
    stats = compute_stats(rows, today=TODAY, min_count=5)
    assert stats.overview["closed"] == 9
    closing = {r["group"]: r for r in stats.breakdowns["closing"]}
    assert closing["moved"]["suppressed"] == {"concerns": SMALL}
    # 9 closed less 7 shown would give the 2 away: the 7 is hidden too, or the closed total
    assert closing["goal-reached"]["concerns"] is None or stats.overview["closed"] is None


def test_handover_parts_cannot_be_worked_out_from_the_whole():
    # 6 offered, 5 accepted shown, 1 pending hidden: 6 - 5 = 1 would narrow the hidden one
    rows = [row(handovers_offered=1, handovers_accepted=1) for _ in range(5)] + [
        row(handovers_offered=1, handover_pending=True)]
    o = compute_stats(rows, today=TODAY, min_count=5).overview
    assert o["handovers_pending"] is None and o["suppressed"]["handovers_pending"] == SMALL
    assert o["handovers_offered"] is None and o["suppressed"]["handovers_offered"] == SECONDARY
    # with enough room left over (10 offered, 5 accepted) the whole stays
    rows += [row(handovers_offered=1) for _ in range(4)]
    o = compute_stats(rows, today=TODAY, min_count=5).overview
    assert (o["handovers_offered"], o["handovers_accepted"], o["handovers_pending"]) == (10, 5, None)


@pytest.mark.parametrize(("heard", "expect"), [(0, 0.0), (4, None), (5, 0.167), (10, 0.333)])
def test_child_view_share_at_the_edges(heard, expect):
    # 10 cases at level 0 only; the child's view recorded in `heard` of them
    # 10 cases at level 0 with the child's view recorded in `heard` of them, 10 at level 1 and 5
    # each at levels 2 and 3 (never heard): `share` is heard/10 among the first, None when hidden
    rows = [row(child_view_levels=[0] if i < heard else []) for i in range(10)] + [
        row(highest_level=level) for level, n in ((1, 10), (2, 5), (3, 5)) for _ in range(n)]
    view = compute_stats(rows, today=TODAY, min_count=5).child_view
    # the base is 30 cases, so the share hides only when `heard` (or 30 - heard) is 1..4
    assert view[0]["cases"] == 30
    assert view[0]["share_child_view"] == expect
    assert view[1]["cases"] == 20 and view[1]["share_child_view"] == 0.0


def test_child_view_base_hidden_when_it_would_reveal_a_hidden_level():
    rows = [row() for _ in range(10)] + [row(highest_level=2) for _ in range(8)] + [
        row(highest_level=3) for _ in range(2)]
    stats = compute_stats(rows, today=TODAY, min_count=5)
    levels = {r["group"]: r["suppressed"] for r in stats.breakdowns["level"]}
    assert levels["3"] == {"concerns": SMALL}
    view = {r["level"]: r for r in stats.child_view}
    assert view["0"]["cases"] == 20  # the shown total
    assert view["3"]["cases"] is None and view["2"]["cases"] is None  # 10 = 8 + the hidden 2


def test_months_still_to_come_are_no_count():
    rows = [row(created=f"2026-{mo:02d}-01T09:00:00Z") for mo in (1, 2, 3, 4, 5) for _ in range(9)]
    stats = compute_stats(rows, today=TODAY, year=2026, min_count=5, dimensions=("month",))
    months = [r["group"] for r in stats.breakdowns["month"]]
    assert months == ["01", "02", "03", "04", "05", "06"]  # TODAY is in June: July… not shown
    # June holds 0 (small); one further month is hidden so that it cannot be worked out
    shown = [r["concerns"] for r in stats.breakdowns["month"]]
    assert shown[5] is None and shown.count(9) == 4 and shown.count(None) == 2


def test_child_view_at_every_level_counts_the_cases_that_reached_it():
    """Per level N: the cases whose highest level is N or more, and the share of them whose child's
    view was recorded at N (6 cases end at each level; the view is recorded at every level they
    passed in the first 5 of each six, never in the sixth)."""
    rows = [row(highest_level=top, child_view_levels=list(range(top + 1)) if i < 5 else [])
            for top in range(4) for i in range(6)]
    view = compute_stats(rows, today=TODAY, min_count=0).child_view
    assert [(r["level"], r["cases"]) for r in view] == [("0", 24), ("1", 18), ("2", 12), ("3", 6)]
    assert [r["share_child_view"] for r in view] == [round(20 / 24, 3), round(15 / 18, 3), round(10 / 12, 3),
                                                     round(5 / 6, 3)]


def test_an_unknown_dimension_is_refused_among_known_ones():
    with pytest.raises(ValueError, match="nonsense"):
        compute_stats([row()], today=TODAY, dimensions=("level", "nonsense"))
    with pytest.raises(ValueError, match="nonsense"):
        compute_stats([row()], today=TODAY, by="nonsense")
    with pytest.raises(ValueError, match="'nonsense', 'other'"):
        compute_stats([row()], today=TODAY, dimensions=("nonsense", "level", "other"))


@pytest.mark.parametrize("given, used", [(-3, 0), (-1, 0), (0, 0), (1, 1)])
def test_a_negative_min_count_protects_as_zero(given, used):
    stats = compute_stats([row(), row(highest_level=1)], today=TODAY, min_count=given)
    assert stats.min_count == used
    assert stats.overview["concerns"] == 2


def test_protect_takes_the_largest_cell_when_none_is_enough_alone():
    """Two cells of 1 (m = 5) need 2 more than m each from the cells hidden with them; no cell
    of 5 or 6 holds that alone, so the largest goes first (then the other 6 is enough): the two
    5s stay shown. Taking the smallest first would hide every cell."""
    hidden, ok = protect([1, 1, 5, 5, 6, 6], 5)
    assert ok and hidden == {0: SMALL, 1: SMALL, 4: SECONDARY, 5: SECONDARY}


def test_rows_from_another_tool_a_level_above_3_and_no_measures():
    """Export rows written by hand or another tool: a highest level above 3 counts as level 3,
    one below 0 as level 0, a row without measures (or with none) belongs to no measure, tier or
    service."""
    rows = [row(highest_level=7), row(highest_level=3), row(measures=None), row(highest_level=-2)]
    del rows[1]["measures"]
    stats = compute_stats(rows, today=TODAY, min_count=0, dimensions=("measure", "tier", "service"))
    assert [r["cases"] for r in stats.child_view] == [4, 2, 2, 2]
    assert all(stats.breakdowns[d] == [] or all(r["concerns"] == 0 for r in stats.breakdowns[d])
               for d in ("measure", "tier", "service"))
