"""state.summarise: replaying events into the CaseSummary contract."""

from __future__ import annotations

import pytest

from bti_cli.caselog.models import CaseHeader, Event
from bti_cli.caselog.state import measures_value, parse_measures_value, summarise

HASH = "0" * 64


def header() -> CaseHeader:
    return CaseHeader(case_id="BTI-2026-7K3Q9", municipality="loten", catalogue_version="cat1",
                      process_version="proc1", created="2026-01-05T09:00:00Z")


class Log:
    """Builds events in order, like the walkthrough appends them."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def add(self, kind: str, step: str, question: str | None = None, value=None, *, level: int = 0,
            at: str = "2026-01-05T09:00:00Z", actor_role: str | None = None) -> Log:
        self.events.append(Event(seq=len(self.events), at=at, level=level, step=step, kind=kind, question=question,
                                 value=value, actor_role=actor_role, prev_hash=HASH, hash=HASH))
        return self

    def answer(self, step: str, question: str, value, **kw) -> Log:
        return self.add("answer", step, question, value, **kw)


def level0(decision: str = "level:1", at: str = "2026-01-10T10:00:00Z") -> Log:
    log = Log()
    log.answer("l0-concern", "concern_date", "2026-01-02")
    log.answer("l0-concern", "arena", "school")
    log.answer("l0-concern", "role", "kontaktlærer")
    log.answer("l0-concern", "subject", "child")
    log.answer("l0-concern", "age", 9)
    log.answer("l0-concern", "areas", ["learning", "behaviour"])
    log.answer("safety", "danger", False)
    log.answer("l0-concrete", "scale", 3)
    log.add("decision", "l0-decide", value=decision, at=at)
    return log


def test_empty_case_is_open_at_level_0():
    s = summarise(header(), [])
    assert s.case_id == "BTI-2026-7K3Q9"
    assert s.status == "open" and s.level == 0 and s.highest_level == 0
    assert s.decision is None and s.concern_date is None
    assert s.process_version == "proc1" and s.catalogue_version == "cat1"
    assert s.pending_step == "l0-concern"


def test_level0_answers_and_decision_within_deadline():
    s = summarise(header(), level0().events)
    assert (s.arena, s.actor_role, s.subject, s.age) == ("school", "kontaktlærer", "child", 9)
    assert s.concern_areas == ["learning", "behaviour"]
    assert s.concern_scale == 3
    assert s.concern_date == "2026-01-02"
    assert s.decision_deadline == "2026-01-16"
    assert s.decision == "level:1" and s.decision_date == "2026-01-10"
    assert s.days_to_decision == 8 and s.decided_within_deadline is True
    assert s.level == 1 and s.highest_level == 1
    assert s.pending_step == "l1-goals"


def test_decision_after_deadline_and_custom_deadline_days():
    events = level0(at="2026-01-20T08:00:00Z").events
    late = summarise(header(), events)
    assert late.days_to_decision == 18 and late.decided_within_deadline is False
    generous = summarise(header(), events, deadline_days=21)
    assert generous.decision_deadline == "2026-01-23" and generous.decided_within_deadline is True


def test_unborn_age_is_none():
    log = Log().answer("l0-concern", "subject", "pregnant").answer("l0-concern", "age", "unborn")
    assert summarise(header(), log.events).age is None


def test_measures_consent_baton_and_evaluation():
    log = level0("level:2")
    log.answer("l2-consent", "consent", {"given": True, "by": ["guardians"], "services": ["ppt", "helsestasjon"],
                                         "until": "2026-06-30"}, level=2)
    log.answer("l2-meeting", "measures", measures_value([
        {"id": "lesekurs", "service": "skole", "tiers": ["selective"]},
        {"id": "ppt-utredning", "service": "ppt", "tiers": ["indicated"]},
    ]), level=2)
    log.answer("l2-meeting", "baton_holder", "kontaktlaerer", level=2)
    log.answer("l2-meeting", "evaluation_date", "2026-02-20", level=2)
    s = summarise(header(), log.events)
    assert s.level == 2 and s.highest_level == 2
    assert s.consent_services == ["ppt", "helsestasjon"] and s.consent_until == "2026-06-30"
    assert [m["id"] for m in s.measures] == ["lesekurs", "ppt-utredning"]
    assert s.measures[1] == {"id": "ppt-utredning", "tiers": ["indicated"], "service": "ppt"}
    assert s.services_involved == ["ppt", "helsestasjon", "skole"]
    assert s.baton_holder_role == "kontaktlaerer" and s.pending_baton_holder_role is None
    assert s.next_evaluation == "2026-02-20" and s.evaluations == 0

    log.add("evaluation", "l2-evaluate", value={"meeting_date": "2026-02-20"}, level=2)
    s = summarise(header(), log.events)
    assert s.evaluations == 1 and s.next_evaluation is None
    log.add("decision", "l2-evaluate", value="level:1", level=2)
    s = summarise(header(), log.events)
    assert s.level == 1 and s.highest_level == 2
    assert s.decision == "level:2"  # the level-0 decision stays the case's decision


def test_withdrawn_consent_clears_services_but_not_history():
    log = level0("level:2")
    log.answer("l2-consent", "consent", {"given": True, "by": ["guardians"], "services": ["ppt"],
                                         "until": "2026-06-30"}, level=2)
    log.answer("l2-consent", "consent", {"given": False}, level=2)
    s = summarise(header(), log.events)
    assert s.consent_services == [] and s.consent_until is None
    assert s.services_involved == ["ppt"]


def test_handover_takes_effect_only_on_accept():
    log = level0()
    log.answer("l1-plan", "baton_holder", "kontaktlaerer", level=1)
    log.add("handover", "handover", value={"to": "koordinator"}, level=1)
    s = summarise(header(), log.events)
    assert s.baton_holder_role == "kontaktlaerer" and s.pending_baton_holder_role == "koordinator"
    log.add("accept", "accept", value={"role": "koordinator"}, level=1, actor_role="koordinator")
    s = summarise(header(), log.events)
    assert s.baton_holder_role == "koordinator" and s.pending_baton_holder_role is None


def test_answering_a_new_baton_holder_is_a_pending_handover():
    log = level0("level:3")
    log.answer("l3-baton-now", "baton_holder", "helsesykepleier", level=3)
    log.answer("l3-baton", "handover", True, level=3)
    log.answer("l3-baton", "baton_holder", "koordinator", level=3)
    s = summarise(header(), log.events)
    assert s.baton_holder_role == "helsesykepleier" and s.pending_baton_holder_role == "koordinator"
    log.answer("l3-baton", "baton_holder", "helsesykepleier", level=3)  # changed back: nothing pending
    assert summarise(header(), log.events).pending_baton_holder_role is None


def test_notify_and_close():
    log = Log()
    log.answer("l0-concern", "concern_date", "2026-01-05")
    log.answer("safety", "danger", True)
    log.add("decision", "safety", value="notify", at="2026-01-05T09:10:00Z")
    s = summarise(header(), log.events)
    assert s.decision == "notify" and s.notified_barnevern is False and s.pending_step == "notify"
    log.add("notify", "notify", value={"notified_date": "2026-01-05", "police_informed": True})
    s = summarise(header(), log.events)
    assert s.notified_barnevern is True and s.notified_date == "2026-01-05"
    assert s.decided_within_deadline is True and s.days_to_decision == 0
    log.add("decision", "notify", value="close")
    log.answer("close", "closing_reason", "barnevern")
    log.answer("close", "closing_note", "Barnevernet følger opp.")
    log.add("close", "close", value={"closing_reason": "barnevern"}, at="2026-01-06T12:00:00Z")
    s = summarise(header(), log.events)
    assert s.status == "closed" and s.closed == "2026-01-06"
    assert s.pending_step is None and s.next_evaluation is None


def test_summary_is_json_serialisable_with_public_keys():
    s = summarise(header(), level0().events)
    data = s.model_dump(mode="json")
    for key in ("case_id", "status", "level", "decision", "decision_deadline", "measures", "pending_step",
                "days_to_decision", "decided_within_deadline"):
        assert key in data


@pytest.mark.parametrize(
    "value, expected",
    [
        ({"m1": ["service:s1", "tier:selective", "tier:indicated"]},
         [{"id": "m1", "tiers": ["selective", "indicated"], "service": "s1"}]),
        (["a", "b"], [{"id": "a", "tiers": [], "service": None}, {"id": "b", "tiers": [], "service": None}]),
        ({}, []),
        (None, []),
    ],
)
def test_measures_value_round_trip(value, expected):
    rows = parse_measures_value(value)
    assert rows == expected
    if isinstance(value, dict):
        assert measures_value(rows) == value


def test_level_decision_and_pending_step_are_the_engines_own():
    """One replay: what the summary says of level, decision and pending step is what the walkthrough
    engine says, also where a simple fold of the events would differ."""
    from bti_cli.walkthrough import process as engine

    proc = engine.default_process()
    # the safety gate opened: a close decision is refused by the engine until barnevern is informed
    log = Log()
    log.answer("l0-concern", "concern_date", "2026-01-02")
    log.answer("safety", "danger", True)
    log.add("decision", "l0-decide", value="close", at="2026-01-03T10:00:00Z")
    s = summarise(header(), log.events, process=proc)
    pos = engine.replay(proc, log.events)
    assert s.decision is None and pos.first_decision is None
    assert s.pending_step == engine.action_at(proc, pos, resume=True).step.id
    assert s.notification_pending is True and s.status == "open"
    # events after the close are not replayed, by the engine nor by the summary
    log = level0("level:2")
    log.add("close", "close", at="2026-01-20T10:00:00Z")
    log.add("decision", "l2-decide", value="level:3", level=2)
    s = summarise(header(), log.events, process=proc)
    assert (s.level, s.highest_level, s.status) == (2, 2, "closed") == (engine.replay(proc, log.events).level, 2,
                                                                        "closed")
    assert s.decision == "level:2" and s.decision_date == "2026-01-10" and s.pending_step is None


# --------------------------------------------------------------------------- figures added with bti report


def _summary_of(events):
    from bti_cli.caselog import state
    from bti_cli.caselog.models import CaseHeader

    header = CaseHeader(case_id="BTI-2026-ABCDE", municipality="loten", catalogue_version="c",
                        process_version="p", created="2026-01-05T09:00:00Z")
    return state.summarise(header, events)


def _ev(seq, level, step, kind, question=None, value=None, day="2026-01-05"):
    from bti_cli.caselog.models import Event

    return Event.model_construct(seq=seq, at=f"{day}T09:00:00Z", level=level, step=step, kind=kind,
                                 question=question, value=value, actor_role=None, prev_hash="0" * 64,
                                 hash="0" * 64)


@pytest.mark.parametrize(("held", "on_time", "late"), [
    ("2026-03-09", 1, 0), ("2026-03-10", 1, 0), ("2026-03-11", 0, 1)])
def test_evaluation_on_time_the_day_before_on_and_after(held, on_time, late):
    s = _summary_of([_ev(0, 1, "l1-plan", "answer", "evaluation_date", "2026-03-10"),
                     _ev(1, 1, "l1-evaluate", "evaluation", None, {"meeting_date": held}, held)])
    assert (s.evaluations, s.evaluations_on_time, s.evaluations_late) == (1, on_time, late)


def test_evaluation_without_a_date_set_is_neither_on_time_nor_late():
    s = _summary_of([_ev(0, 1, "l1-evaluate", "evaluation", None, {"meeting_date": "2026-03-01"})])
    assert (s.evaluations, s.evaluations_on_time, s.evaluations_late) == (1, 0, 0)


def test_handovers_offered_accepted_and_child_view_levels():
    s = _summary_of([
        _ev(0, 0, "l0-share", "answer", "child_view", "Sier lite."),
        _ev(1, 1, "l1-views", "answer", "child_view", "   "),  # empty: not recorded
        _ev(2, 2, "l2-plan", "answer", "baton_holder", "kontaktlaerer"),
        _ev(3, 2, "l2-plan", "handover", None, {"to": "helsesykepleier"}),
        _ev(4, 2, "l2-plan", "handover", None, {"to": "helsesykepleier"}),  # the same offer again
        _ev(5, 2, "l2-plan", "accept", None, {"role": "helsesykepleier"}),
        _ev(6, 2, "l2-plan", "handover", None, {"to": "rektor"}),
        _ev(7, 2, "l2-views", "answer", "child_view", "Vil ha hjelp."),
    ])
    assert (s.handovers_offered, s.handovers_accepted) == (2, 1)
    assert s.pending_baton_holder_role == "rektor"
    assert s.child_view_levels == [0, 2]


@pytest.mark.parametrize(("value", "reason"), [
    ({"closing_reason": "goal-reached"}, "goal-reached"), ({"closing_reason": "Fritekst med navn"}, None),
    (None, None)])
def test_closing_reason_is_an_option_id_never_text(value, reason):
    s = _summary_of([_ev(0, 0, "close", "close", None, value)])
    assert s.status == "closed" and s.closing_reason == reason


@pytest.mark.parametrize(
    "value, notified",
    [
        ({"notified_date": "2026-01-04", "police_informed": False}, "2026-01-04"),  # the day the employee gave
        ({"date": "2026-01-03"}, "2026-01-03"),  # the older key of hand-made files
        ("2026-01-02", "2026-01-02"),  # a bare date
        ({"notified_date": "2026-01-04T10:00:00Z"}, "2026-01-04"),  # a time stamp: its day
        ({"notified_date": "yesterday"}, "2026-01-06"),  # not a date: the event's own day
        ({"police_informed": True}, "2026-01-06"),
        (None, "2026-01-06"),
    ],
)
def test_the_notified_date_is_the_one_recorded_else_the_events_day(value, notified):
    log = Log()
    log.answer("l0-concern", "concern_date", "2026-01-02")
    log.answer("safety", "danger", True)
    log.add("decision", "safety", value="notify", at="2026-01-06T09:10:00Z")
    log.add("notify", "notify", value=value, at="2026-01-06T09:30:00Z")
    s = summarise(header(), log.events)
    assert s.notified_barnevern is True and s.notified_date == notified


@pytest.mark.parametrize("decision, level", [("level:2", 2), ("level:3", 3), ("level:9", 3), ("level:x", 0)])
def test_the_summary_level_is_one_of_the_four_levels(decision, level):
    """A hand-edited decision to a level the process does not have is shown as level 3 (the
    highest there is); one that is no number leaves the level where it was."""
    s = summarise(header(), level0(decision).events)
    assert s.level == level and s.highest_level == level


def test_a_hand_edited_consent_until_with_a_time_keeps_its_day():
    log = level0("level:2")
    log.answer("l2-consent", "consent", {"given": True, "by": ["guardians"], "services": ["ppt"],
                                         "until": "2026-06-30T23:59:00Z"}, level=2)
    assert summarise(header(), log.events).consent_until == "2026-06-30"


@pytest.mark.parametrize("value", [{"to": ""}, {"to": None}, {"to": 7}, {}, "", None, 7])
def test_a_handover_to_no_role_is_no_offer(value):
    s = _summary_of([_ev(0, 2, "l2-plan", "answer", "baton_holder", "kontaktlaerer"),
                     _ev(1, 2, "handover", "handover", None, value)])
    assert s.handovers_offered == 0 and s.pending_baton_holder_role is None
    assert s.baton_holder_role == "kontaktlaerer"


def test_an_accept_takes_the_offered_role_else_the_role_it_names():
    offered = _summary_of([_ev(0, 2, "l2-plan", "answer", "baton_holder", "kontaktlaerer"),
                           _ev(1, 2, "handover", "handover", None, {"to": "helsesykepleier"}),
                           _ev(2, 2, "accept", "accept", None, {"role": "rektor"})])  # a mismatch: the offer wins
    assert offered.baton_holder_role == "helsesykepleier" and offered.handovers_accepted == 1
    for value in ({"role": "rektor"}, "rektor"):  # nothing offered: a file written by another tool
        named = _summary_of([_ev(0, 2, "l2-plan", "answer", "baton_holder", "kontaktlaerer"),
                             _ev(1, 2, "accept", "accept", None, value)])
        assert named.baton_holder_role == "rektor" and named.handovers_accepted == 0
    for value in ({"role": 7}, {}, None):
        kept = _summary_of([_ev(0, 2, "l2-plan", "answer", "baton_holder", "kontaktlaerer"),
                            _ev(1, 2, "accept", "accept", None, value)])
        assert kept.baton_holder_role == "kontaktlaerer" and kept.pending_baton_holder_role is None


def test_an_evaluation_counts_on_the_meeting_day_not_the_day_it_was_recorded():
    """Held on the day set (2026-03-10) but written down two days later: on time. Without a
    meeting date in the event, the day it was recorded counts."""
    planned = _ev(0, 1, "l1-plan", "answer", "evaluation_date", "2026-03-10")
    s = _summary_of([planned, _ev(1, 1, "l1-evaluate", "evaluation", None, {"meeting_date": "2026-03-10"},
                                  "2026-03-12")])
    assert (s.evaluations_on_time, s.evaluations_late) == (1, 0)
    for value in ({}, {"meeting_date": "snart"}, None, "2026-03-01"):
        s = _summary_of([planned, _ev(1, 1, "l1-evaluate", "evaluation", None, value, "2026-03-12")])
        assert (s.evaluations_on_time, s.evaluations_late) == (0, 1), value


def test_hand_edited_answers_keep_their_day_and_their_place():
    """Dates with a time keep their day; an answer of the wrong shape is not taken for another."""
    log = Log()
    log.answer("l0-concern", "concern_date", "2026-01-02T09:30:00Z")
    log.answer("l0-concern", "areas", ["learning"])
    log.add("decision", "l0-decide", value="level:2")
    log.answer("l2-consent", "consent", True, level=2)  # not a table: no consent, no failure
    log.answer("l2-meeting", "guardians_view", {"given": True, "services": ["ppt"]}, level=2)  # not consent
    log.answer("l2-meeting", "measures", ["lesekurs"], level=2)  # a plain list of ids: measures, not areas
    log.answer("l2-meeting", "evaluation_date", "2026-02-20T12:00:00Z", level=2)
    s = summarise(header(), log.events)
    assert s.concern_date == "2026-01-02" and s.decision_deadline == "2026-01-16"
    assert s.concern_areas == ["learning"] and [m["id"] for m in s.measures] == ["lesekurs"]
    assert s.consent_services == [] and s.consent_until is None
    assert s.next_evaluation == "2026-02-20"
    log.answer("l2-meeting", "evaluation_date", "snart", level=2)  # not a date: the date set stays
    assert summarise(header(), log.events).next_evaluation == "2026-02-20"


def test_a_new_baton_holder_answered_twice_is_one_offer():
    log = level0("level:3")
    log.answer("l3-baton-now", "baton_holder", "helsesykepleier", level=3)
    log.answer("l3-baton", "baton_holder", "koordinator", level=3)
    log.answer("l3-baton", "baton_holder", "koordinator", level=3)  # the same offer again
    s = summarise(header(), log.events)
    assert s.handovers_offered == 1 and s.pending_baton_holder_role == "koordinator"
    log.answer("l3-baton", "baton_holder", "rektor", level=3)  # another role: a second offer
    assert summarise(header(), log.events).handovers_offered == 2


def test_a_consent_event_extends_the_consent_of_the_summary():
    """A consent extended at a handover is a `consent` event, not an answer: it replaces the
    consent the summary shows (services and end date)."""
    log = level0("level:2")
    log.answer("l2-consent", "consent", {"given": True, "by": ["guardians"], "services": ["ppt"],
                                         "until": "2026-03-01"}, level=2)
    before = summarise(header(), log.events)
    assert before.consent_services == ["ppt"] and before.consent_until == "2026-03-01"
    log.add("consent", "handover", value={"given": True, "by": ["guardians"], "services": ["ppt", "helsestasjon"],
                                          "until": "2026-06-01"}, level=2)
    after = summarise(header(), log.events)
    assert after.consent_services == ["ppt", "helsestasjon"] and after.consent_until == "2026-06-01"


@pytest.mark.parametrize(("tokens", "day"), [
    (["owner:kontaktlaerer", "date:2026-02-01"], "2026-02-01"),
    (["owner:kontaktlaerer", "date:not-a-date"], None),  # a hand-edited date that is none: no deadline
    (["owner:kontaktlaerer"], None),
])
def test_a_measure_owner_is_due_on_its_date_only_when_it_has_one(tokens, day):
    log = level0("level:1")
    log.answer("l1-plan", "measure_owners", {"leksehjelp": tokens}, level=1)
    (owner,) = summarise(header(), log.events).measure_owners
    assert owner == {"id": "leksehjelp", "owner": "kontaktlaerer", "date": day, "due": day is not None}
