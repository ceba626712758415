"""Each rule at its edge (issue 12): the day before, on and after a deadline; the ages around
the consent ages; `min_count - 1` and `min_count` in the statistics; the condition language's
`any` over a multi-choice answer; the schema-version boundary. These are the tests the mutation
run (scripts/mutants.py) leans on, so they are fast and name the edge they hold."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from bti_cli.caselog.models import CaseHeader, Event
from bti_cli.caselog.state import summarise
from bti_cli.walkthrough import process as engine

HASH = "0" * 64
CONCERN = date(2026, 3, 2)


def header() -> CaseHeader:
    return CaseHeader(case_id="BTI-2026-7K3Q9", municipality="loten", catalogue_version="cat1",
                      process_version="proc1", created="2026-03-02T09:00:00Z")


def event(seq, kind, step, question=None, value=None, *, at="2026-03-02T09:00:00Z", level=0) -> Event:
    return Event(seq=seq, at=at, level=level, step=step, kind=kind, question=question, value=value,
                 actor_role=None, prev_hash=HASH, hash=HASH)


def decided_after(days: int, deadline_days: int = 14):
    day = CONCERN + timedelta(days=days)
    events = [
        event(0, "answer", "l0-concern", "concern_date", CONCERN.isoformat()),
        event(1, "decision", "l0-decide", value="level:1", at=f"{day.isoformat()}T10:00:00Z"),
    ]
    return summarise(header(), events, deadline_days=deadline_days)


# --------------------------------------------------------------------------- the decision deadline


@pytest.mark.parametrize("days, within", [(13, True), (14, True), (15, False)])
def test_a_decision_the_day_before_on_and_after_the_deadline(days, within):
    s = decided_after(days)
    assert s.decision_deadline == (CONCERN + timedelta(days=14)).isoformat()
    assert s.days_to_decision == days and s.decided_within_deadline is within


@pytest.mark.parametrize("deadline_days", [7, 21])
def test_the_deadline_follows_the_municipality(deadline_days):
    assert decided_after(deadline_days, deadline_days).decided_within_deadline is True
    assert decided_after(deadline_days + 1, deadline_days).decided_within_deadline is False


@pytest.mark.parametrize("offset, days_left, overdue", [(-1, 1, False), (0, 0, False), (1, -1, True)])
def test_due_the_day_before_on_and_after_the_deadline(offset, days_left, overdue):
    from bti_cli.caselog.index import due_items

    deadline = CONCERN + timedelta(days=14)
    row = {"case_id": "BTI-2026-7K3Q9", "status": "open", "level": 0, "decision": None,
           "decision_deadline": deadline.isoformat(), "next_evaluation": None}
    items = due_items([row], as_of=deadline + timedelta(days=offset), within=1)
    assert [(i["what"], i["days_left"], i["overdue"]) for i in items] == [("decision", days_left, overdue)]


def test_due_window_edges():
    from bti_cli.caselog.index import due_items

    today = date(2026, 5, 1)
    rows = [{"case_id": f"BTI-2026-0000{n}", "status": "open", "level": 1, "decision": "level:1",
             "decision_deadline": None, "next_evaluation": (today + timedelta(days=n)).isoformat()}
            for n in (13, 14, 15)]
    shown = [i["days_left"] for i in due_items(rows, as_of=today, within=14)]
    assert shown == [13, 14]
    assert [i["days_left"] for i in due_items(rows, as_of=today, within=None)] == [13, 14, 15]
    closed = [{**rows[0], "status": "closed"}]
    assert due_items(closed, as_of=today) == []


def test_a_pending_notification_is_due_on_the_day_asked():
    from bti_cli.caselog.index import due_items

    today = date(2026, 5, 1)
    row = {"case_id": "BTI-2026-00001", "status": "open", "level": 0, "decision": "notify",
           "decision_deadline": "2026-04-01", "next_evaluation": None, "notification_pending": True}
    items = due_items([row], as_of=today, within=0)
    assert [(i["what"], i["due"], i["days_left"], i["overdue"]) for i in items] == [
        ("notify", today.isoformat(), 0, False)]
    assert due_items([{**row, "notification_pending": False}], as_of=today, within=0) == []


def test_cases_list_next_due_at_the_gate_is_today():
    from bti_cli.cli.export import next_due

    today = date(2026, 5, 1)
    row = {"status": "open", "decision": None, "decision_deadline": "2026-05-09", "next_evaluation": "2026-05-03"}
    assert next_due(row, today) == "2026-05-03"
    assert next_due({**row, "notification_pending": True}, today) == today.isoformat()
    assert next_due({**row, "status": "closed", "notification_pending": True}, today) is None


# --------------------------------------------------------------------------- consent ages


EXPECTED = {  # (consent age, age) → (offered, required)
    (15, 14): (("guardians",), ("guardians",)),
    (15, 15): (("guardians", "youth"), ("youth",)),
    (15, 16): (("guardians", "youth"), ("youth",)),
    (15, 17): (("guardians", "youth"), ("youth",)),
    (15, 18): (("youth",), ("youth",)),
    (16, 14): (("guardians",), ("guardians",)),
    (16, 15): (("guardians",), ("guardians",)),
    (16, 16): (("guardians", "youth"), ("youth",)),
    (16, 17): (("guardians", "youth"), ("youth",)),
    (16, 18): (("youth",), ("youth",)),
}


@pytest.mark.parametrize("consent_age, age", sorted(EXPECTED))
def test_consent_givers_around_the_consent_ages(consent_age, age):
    givers = engine.consent_givers("youth", age, consent_age)
    assert (givers.offered, givers.required) == EXPECTED[(consent_age, age)]


def test_consent_givers_for_a_pregnancy_and_an_unknown_age():
    assert engine.consent_givers("pregnant", 30, 15) == engine.ConsentGivers(("woman",), ("woman",))
    assert engine.consent_givers("child", None, 15) == engine.ConsentGivers(("guardians",), ())
    assert engine.consent_givers("child", False, 15) == engine.ConsentGivers(("guardians",), ())
    assert engine.consent_givers("child", 0, 15) == engine.ConsentGivers(("guardians",), ("guardians",))


# --------------------------------------------------------------------------- the condition language


@pytest.mark.parametrize("areas, hit", [(["learning", "bullying"], True), (["learning"], True), (["bullying"], False),
                                        ([], False)])
def test_in_over_a_multi_choice_answer_is_any_overlap(areas, hit):
    assert engine.holds("areas in ['learning', 'language']", {"areas": areas}) is hit
    assert engine.holds("areas not in ['learning', 'language']", {"areas": areas}) is (not hit)


@pytest.mark.parametrize("text, env, expected", [
    ("a and b", {"a": True, "b": False}, False),
    ("a or b", {"a": False, "b": True}, True),
    ("a or b", {"a": False, "b": False}, False),
    ("not a", {"a": True}, False),
    ("level >= 1", {"level": 1}, True), ("level >= 1", {"level": 0}, False),
    ("level > 1", {"level": 1}, False), ("level > 1", {"level": 2}, True),
    ("level <= 1", {"level": 1}, True), ("level <= 1", {"level": 2}, False),
    ("level < 1", {"level": 1}, False), ("level < 1", {"level": 0}, True),
    ("level == 1", {"level": 1}, True), ("level != 1", {"level": 1}, False),
    ("0 < level < 3", {"level": 2}, True), ("0 < level < 3", {"level": 3}, False),
    ("level > 1", {}, False), ("level < 1", {}, False), ("level >= 1", {"level": "x"}, False),
    ("x == -1", {"x": -1}, True),
    ("consent.given", {"consent": {"given": True}}, True),
    ("consent.given", {"consent": True}, False),
    ("subject in 'pregnant'", {"subject": 3}, False),
    ("subject in 3", {"subject": 3}, False),
    ("x == none", {}, True), ("x == true", {"x": True}, True), ("x == false", {"x": True}, False),
    ("a in [1, 2]", {"a": 2}, True), ("a not in [1, 2]", {"a": 2}, False),
    ("", {}, True),
])
def test_conditions_at_their_edges(text, env, expected):
    assert engine.holds(text, env) is expected


def test_a_condition_with_an_unsupported_node_is_refused():
    with pytest.raises(engine.ConditionError):
        engine.holds("f(x)", {})
    with pytest.raises(engine.ConditionError):
        engine.holds("~x", {"x": 1})


# --------------------------------------------------------------------------- the safety gate in the engine


def ns(kind, step, question=None, value=None, level=0):
    return SimpleNamespace(kind=kind, step=step, question=question, value=value, level=level)


def test_a_close_decision_at_the_gate_does_not_take_effect():
    proc = engine.default_process()
    events = [ns("answer", "safety", "danger", True), ns("decision", "safety", value="notify"),
              ns("decision", "close", value="close")]
    pos = engine.replay(proc, events)
    assert pos.phase == "notify" and engine.awaiting_notification(pos)
    events.append(ns("notify", "notify", value={"barnevern_informed": True}))
    assert not engine.awaiting_notification(engine.replay(proc, events))
    events.append(ns("decision", "close", value="close"))
    assert engine.replay(proc, events).phase == "close"


def test_awaiting_notification_at_each_phase():
    proc = engine.default_process()
    assert not engine.awaiting_notification(engine.replay(proc, []))
    gate = [ns("answer", "safety", "danger", True)]
    assert engine.replay(proc, gate).phase == "gate" and engine.awaiting_notification(engine.replay(proc, gate))
    assert not engine.awaiting_notification(engine.replay(proc, [ns("answer", "safety", "danger", False)]))


def test_passed_gate_ways():
    proc = engine.default_process()
    assert not engine.passed_gate([])
    assert not engine.passed_gate([ns("answer", "safety", "danger", False)], proc)
    assert not engine.passed_gate([ns("answer", "safety", "danger", "yes")], proc)
    assert not engine.passed_gate([ns("answer", "other", "danger", True)], proc)
    assert not engine.passed_gate([ns("answer", "safety", "other", True)], proc)
    assert engine.passed_gate([ns("answer", "safety", "danger", True)])
    assert engine.passed_gate([ns("decision", "l0-decide", value="notify")])
    assert not engine.passed_gate([ns("decision", "l0-decide", value="close")])
    assert engine.passed_gate([ns("notify", "notify", value={})])
    scale4 = [ns("answer", "l0-concrete", "scale", 4)]
    assert engine.passed_gate(scale4, proc) and not engine.passed_gate(scale4)
    assert not engine.passed_gate([ns("answer", "l0-concrete", "scale", 3)], proc)
    assert not engine.passed_gate([ns("answer", "nowhere", "scale", 4)], proc)


def test_the_gate_option_needs_the_same_type():
    proc = engine.default_process()
    assert engine.replay(proc, [ns("answer", "l0-concrete", "scale", 4)]).phase == "gate"
    assert engine.replay(proc, [ns("answer", "l0-concrete", "scale", "4")]).phase == "start"
    assert engine.replay(proc, [ns("answer", "l0-concrete", "observations", 4)]).phase == "start"


def test_the_gate_opens_again_after_an_earlier_gate():
    proc = engine.default_process()
    events = [ns("answer", "safety", "danger", True), ns("decision", "safety", value="notify"),
              ns("answer", "notify", "barnevern_informed", True), ns("notify", "notify", value={}),
              ns("decision", "notify", value="level:1", level=0),
              ns("answer", "l1-goals", "guardians_met", True, level=1),
              ns("answer", "safety", "danger", True, level=1)]
    pos = engine.replay(proc, events)
    assert pos.phase == "gate" and pos.level == 1 and engine.awaiting_notification(pos)
    action = engine.action_at(proc, pos)
    assert isinstance(action, engine.Record) and action.value == "notify"


def test_stop_and_resume_at_the_gate():
    proc = engine.default_process()
    events = [ns("answer", "safety", "danger", True), ns("decision", "safety", value="notify"),
              ns("answer", "notify", "barnevern_informed", False)]
    assert isinstance(engine.next_action(proc, events), engine.Stop)
    again = engine.next_action(proc, events, resume=True)
    assert isinstance(again, engine.Ask) and again.again and again.question.id == "barnevern_informed"
    advised = [*events, ns("answer", "notify", "barnevern_informed", "advised-no-report")]
    action = engine.next_action(proc, advised)
    assert isinstance(action, engine.Ask) and action.question.id == "advice_date"
    advised.append(ns("answer", "notify", "advice_date", "2026-03-01"))
    record = engine.next_action(proc, advised)
    assert isinstance(record, engine.Record) and record.kind == "notify"
    assert record.value == {"barnevern_informed": "advised-no-report", "advice_date": "2026-03-01"}


def test_the_advised_outcome_is_no_notification_in_the_summary():
    events = [event(0, "answer", "safety", "danger", True), event(1, "decision", "safety", value="notify"),
              event(2, "notify", "notify", value={"barnevern_informed": "advised-no-report",
                                                 "advice_date": "2026-03-01"})]
    s = summarise(header(), events)
    assert s.notified_barnevern is False and s.notified_date is None and s.notification_pending is False
    informed = events[:2] + [event(2, "notify", "notify", value={"barnevern_informed": True,
                                                                "notified_date": "2026-03-02"})]
    s = summarise(header(), informed)
    assert s.notified_barnevern is True and s.notified_date == "2026-03-02"
    old = events[:2] + [event(2, "notify", "notify", value={"notified_date": "2026-03-02"})]
    assert summarise(header(), old).notified_barnevern is True  # files written before the choice
    waiting = summarise(header(), events[:2])
    assert waiting.notification_pending is True and waiting.pending_step == "notify"
    closed = [*informed, event(3, "decision", "notify", value="close"), event(4, "close", "close", value={})]
    assert summarise(header(), closed).notification_pending is False


def test_the_shipped_notify_step_cannot_lose_its_stop():
    from bti_cli.walkthrough.process import ProcessFile, check

    base = engine.default_process().definition
    steps = [s.model_copy(update={"stop_unless": None}) if s.id == "notify" else s for s in base.steps]
    problems = check(ProcessFile.model_validate({**base.model_dump(), "steps": [s.model_dump() for s in steps]}))
    assert any(loc[-1] == "stop_unless" for loc, _ in problems)
    assert check(base) == []


# --------------------------------------------------------------------------- statistics at min_count


def stat_row(**values):
    base = {"case_id": "BTI-2026-00000", "created": "2026-02-01T09:00:00Z", "status": "open", "highest_level": 0,
            "arena": "school", "concern_areas": ["learning"], "notified_barnevern": False, "measures": [],
            "days_to_decision": None, "decided_within_deadline": None, "next_evaluation": None}
    base.update(values)
    return base


@pytest.mark.parametrize("n, shown", [(4, False), (5, True)])
def test_overview_count_at_min_count(n, shown):
    from bti_cli.reports.export import SMALL, compute_stats

    # one arena: no breakdown cell can reveal a hidden one (secondary suppression stays out)
    stats = compute_stats([stat_row() for _ in range(n)], today=date(2026, 6, 1), min_count=5, by="arena")
    assert (stats.overview["concerns"] == n) is shown
    assert ("concerns" in stats.overview["suppressed"]) is (not shown)
    if not shown:
        assert stats.overview["suppressed"]["concerns"] == SMALL and stats.overview["concerns"] is None


@pytest.mark.parametrize("n, shown", [(4, False), (5, True)])
def test_area_suppression_at_min_count(n, shown):
    from bti_cli.reports.export import compute_stats

    rows = [stat_row(concern_areas=["learning"]) for _ in range(10)] + [
        stat_row(concern_areas=["language"]) for _ in range(n)]
    for by in ("area", None):
        stats = compute_stats(rows, today=date(2026, 6, 1), min_count=5, by=by)
        cell = next(r for r in stats.breakdowns["area"] if r["group"] == "language")
        assert (cell["concerns"] == n) is shown
        assert ("concerns" in cell["suppressed"]) is (not shown)


@pytest.mark.parametrize("n, shown", [(4, False), (5, True)])
def test_notified_and_overdue_counts_at_min_count(n, shown):
    from bti_cli.reports.export import compute_stats

    today = date(2026, 6, 1)
    rows = [stat_row(notified_barnevern=True, next_evaluation="2026-05-31") for _ in range(n)] + [
        stat_row(next_evaluation="2026-06-01") for _ in range(10)]  # due today: not overdue
    ov = compute_stats(rows, today=today, min_count=5).overview
    assert (ov["notified_barnevern"] == n) is shown
    assert (ov["open_overdue_evaluations"] == n) is shown
    closed = [stat_row(status="closed", next_evaluation="2026-05-01") for _ in range(6)]
    assert compute_stats(closed, today=today, min_count=5).overview["open_overdue_evaluations"] is None


@pytest.mark.parametrize("n, shown", [(4, False), (5, True)])
def test_median_and_share_at_min_count(n, shown):
    from bti_cli.reports.export import compute_stats

    rows = [stat_row(days_to_decision=3, decided_within_deadline=True) for _ in range(n)] + [
        stat_row() for _ in range(10)]
    ov = compute_stats(rows, today=date(2026, 6, 1), min_count=5).overview
    assert (ov["median_days_to_decision"] == 3) is shown
    assert (ov["share_decided_within_deadline"] == 1.0) is shown


@pytest.mark.parametrize("late, shown", [(0, True), (4, False), (5, True)])
def test_share_hides_a_small_number_of_late_decisions(late, shown):
    from bti_cli.reports.export import compute_stats

    rows = [stat_row(days_to_decision=3, decided_within_deadline=True) for _ in range(10)] + [
        stat_row(days_to_decision=20, decided_within_deadline=False) for _ in range(late)]
    ov = compute_stats(rows, today=date(2026, 6, 1), min_count=5).overview
    assert (ov["share_decided_within_deadline"] is not None) is shown
    if shown:
        assert ov["share_decided_within_deadline"] == round(10 / (10 + late), 3)


def test_median_of_an_even_count_keeps_its_half():
    from bti_cli.reports.export import compute_stats

    rows = [stat_row(days_to_decision=d) for d in (1, 2, 3, 4, 5, 6)]
    assert compute_stats(rows, today=date(2026, 6, 1), min_count=5).overview["median_days_to_decision"] == 3.5
    rows = [stat_row(days_to_decision=d) for d in (1, 2, 3, 4, 5)]
    assert compute_stats(rows, today=date(2026, 6, 1), min_count=5).overview["median_days_to_decision"] == 3


def test_min_count_zero_shows_everything_and_year_filters():
    from bti_cli.reports.export import compute_stats

    rows = [stat_row(), stat_row(created="2025-12-31T23:00:00Z")]
    assert compute_stats(rows, today=date(2026, 6, 1), min_count=0).overview["concerns"] == 2
    assert compute_stats(rows, today=date(2026, 6, 1), min_count=1, year=2026).overview["concerns"] == 1


def test_row_groups_per_dimension():
    from bti_cli.reports.export import row_groups

    r = stat_row(highest_level=2, arena=None, concern_areas=["a", "a", "b"],
                 measures=[{"id": "m1", "tiers": ["universal", "selective"], "service": "s1"},
                           {"id": "m2", "tiers": ["universal"], "service": None}])
    assert row_groups(r, "level") == ["2"] and row_groups(stat_row(highest_level=None), "level") == ["0"]
    assert row_groups(r, "arena") == ["unknown"]
    assert row_groups(r, "area") == ["a", "b"]
    assert row_groups(r, "tier") == ["universal", "selective"]
    assert row_groups(r, "service") == ["s1"]
    with pytest.raises(ValueError):
        row_groups(r, "colour")


# --------------------------------------------------------------------------- schema versions


def test_case_schema_version_boundary():
    from pydantic import ValidationError

    from bti_cli.caselog.models import SCHEMA_VERSION

    data = header().model_dump()
    assert CaseHeader.model_validate({**data, "schema_version": SCHEMA_VERSION}).schema_version == SCHEMA_VERSION
    for bad in (SCHEMA_VERSION + 1, 0):
        with pytest.raises(ValidationError):
            CaseHeader.model_validate({**data, "schema_version": bad})


def test_process_schema_version_boundary():
    from pydantic import ValidationError

    from bti_cli.walkthrough.process import PROCESS_SCHEMA_VERSION, ProcessFile

    base = engine.default_process().definition.model_dump()
    assert ProcessFile.model_validate({**base, "schema_version": PROCESS_SCHEMA_VERSION})
    for bad in (PROCESS_SCHEMA_VERSION + 1, 0):
        with pytest.raises(ValidationError):
            ProcessFile.model_validate({**base, "schema_version": bad})


def test_the_deadline_setting_reaches_the_process():
    assert engine.default_process().deadline_days == 14
    proc = engine.Process(engine.default_process().definition, "x", {"decision_deadline_days": 7})
    assert proc.deadline_days == 7


# --------------------------------------------------------------------------- found by the mutation run


def test_a_process_without_settings_uses_the_default_rules():
    from bti_cli.catalogue.models import Settings

    bare = engine.Process(engine.default_process().definition, "x", {})
    env = engine.environment(bare, engine.Position())
    defaults = Settings()
    assert env["consent_age"] == defaults.consent_age_log == 15
    assert env["consent_age_health"] == defaults.consent_age_health == 16
    assert bare.deadline_days == defaults.decision_deadline_days == 14
    assert engine.format_text("{consent_age}/{consent_age_health}/{deadline_days}", bare) == "15/16/14"


def test_a_gate_option_of_a_multi_choice_opens_on_any_chosen_value():
    from bti_cli.walkthrough.process import Option, Question, Step, _opens_gate

    label = {"nb": "x", "nn": "x", "en": "x"}
    q = Question(id="signs", kind="multi-choice", text=label, options=[
        Option(value="bruises", label=label, gate=True), Option(value="tired", label=label)])
    step = Step(id="s", level=0, title=label, questions=[q])
    assert _opens_gate(step, "signs", ["tired", "bruises"])
    assert _opens_gate(step, "signs", ["bruises"])
    assert not _opens_gate(step, "signs", ["tired"])
    assert not _opens_gate(step, "signs", [])
    assert not _opens_gate(step, "other", ["bruises"])


def test_an_evaluation_event_without_answers_starts_the_evaluation_segment():
    proc = engine.default_process()
    events = [ns("decision", "l0-decide", value="level:1")]
    assert engine.replay(proc, events).phase == "start"
    events.append(ns("evaluation", "l1-evaluate", value={"meeting_date": "2026-03-01"}, level=1))
    pos = engine.replay(proc, events)
    assert pos.phase == "evaluation" and ("l1-evaluate", "evaluation") in pos.recorded
    # an evaluation event in another phase changes nothing
    notify = [ns("answer", "safety", "danger", True), ns("decision", "safety", value="notify"),
              ns("evaluation", "l1-evaluate", value={})]
    pos = engine.replay(proc, notify)
    assert pos.phase == "notify" and ("l1-evaluate", "evaluation") in pos.recorded
    closed = [*events, ns("decision", "close", value="close", level=1), ns("close", "close", value={}, level=1),
              ns("evaluation", "l1-evaluate", value={}, level=1)]
    assert engine.replay(proc, closed).phase == "closed"


def test_resume_asks_the_gating_question_even_when_another_comes_first():
    from bti_cli.walkthrough.process import Question

    base = engine.default_process()
    label = {"nb": "x", "nn": "x", "en": "x"}
    steps = []
    for s in base.steps:
        if s.id == "notify":
            first = Question(id="first_thing", kind="yes-no", text=label)
            s = s.model_copy(update={"questions": [first, *s.questions]})
        steps.append(s)
    proc = engine.Process(base.definition.model_copy(update={"steps": steps}), "x", dict(base.settings))
    events = [ns("answer", "safety", "danger", True), ns("decision", "safety", value="notify"),
              ns("answer", "notify", "first_thing", True), ns("answer", "notify", "barnevern_informed", False)]
    assert isinstance(engine.next_action(proc, events), engine.Stop)
    again = engine.next_action(proc, events, resume=True)
    assert isinstance(again, engine.Ask) and again.question.id == "barnevern_informed" and again.again


@pytest.mark.parametrize("left, right", [(None, 1), (1, None), (None, None), ("a", 1)])
def test_an_order_between_unlike_values_is_false(left, right):
    for op in ("<", "<=", ">", ">="):
        assert engine.holds(f"a {op} b", {"a": left, "b": right}) is False


def test_nothing_small_hidden_is_safe():
    from bti_cli.reports.export import SECONDARY, _safe

    assert _safe([7, 8], {}, 5) is True
    assert _safe([7, 8], {0: SECONDARY}, 5) is True
    assert _safe([7, 8], {}, 5, total=15) is True


@pytest.mark.parametrize("within, shown", [(4, False), (5, True)])
def test_share_hides_a_small_number_of_decisions_within(within, shown):
    from bti_cli.reports.export import compute_stats

    rows = [stat_row(days_to_decision=3, decided_within_deadline=True) for _ in range(within)] + [
        stat_row(days_to_decision=20, decided_within_deadline=False) for _ in range(6)]
    ov = compute_stats(rows, today=date(2026, 6, 1), min_count=5, by="arena").overview
    assert (ov["share_decided_within_deadline"] is not None) is shown


@pytest.mark.parametrize("min_count", [0, 1])
def test_a_single_decision_with_min_count_one_or_zero(min_count):
    from bti_cli.reports.export import compute_stats

    ov = compute_stats([stat_row(days_to_decision=3, decided_within_deadline=True)], today=date(2026, 6, 1),
                       min_count=min_count, by="arena").overview
    assert ov["median_days_to_decision"] == 3 and ov["share_decided_within_deadline"] == 1.0
    empty = compute_stats([], today=date(2026, 6, 1), min_count=min_count, by="arena").overview
    assert empty["median_days_to_decision"] is None and empty["share_decided_within_deadline"] is None


@pytest.mark.parametrize("within, late, shown", [(0, 6, True), (1, 6, False), (6, 1, False), (6, 0, True)])
def test_share_at_the_ends_of_the_small_range(within, late, shown):
    from bti_cli.reports.export import compute_stats

    rows = [stat_row(days_to_decision=3, decided_within_deadline=True) for _ in range(within)] + [
        stat_row(days_to_decision=20, decided_within_deadline=False) for _ in range(late)]
    ov = compute_stats(rows, today=date(2026, 6, 1), min_count=5, by="arena").overview
    assert (ov["share_decided_within_deadline"] is not None) is shown


def test_protect_falls_back_to_the_largest_cell_and_says_when_nothing_suffices():
    from bti_cli.reports.export import SECONDARY, SMALL, protect

    assert protect([0, 0, 0, 5], 5) == ({0: SMALL, 1: SMALL, 2: SMALL, 3: SECONDARY}, False)
    hidden, ok = protect([1, 9, 12, 30], 5)
    assert ok and hidden[0] == SMALL and SECONDARY in hidden.values()
