"""The process definition (loading, validation, overrides) and the engine's decision branches."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from bti_cli import i18n
from bti_cli.datafiles import data_dir
from bti_cli.errors import DataError
from bti_cli.walkthrough import process as engine

FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED = (data_dir() / "process.toml").read_text(encoding="utf-8")


@pytest.fixture
def english():
    """Validation messages in English, the language these tests quote (nb and nn: test_i18n)."""
    i18n.set_language("en")


def ev(kind, step, question=None, value=None, level=0):
    return SimpleNamespace(kind=kind, step=step, question=question, value=value, level=level)


# Answers a scripted employee gives; keyed by question id (latest wins).
BASE = {
    "concern_date": "2026-01-02", "arena": "school", "role": "kontaktlærer", "subject": "child", "age": 9,
    "areas": ["learning"], "danger": False, "observations": "obs", "child_said": "", "duration": "weeks",
    "earlier": False, "scale": 2, "shared_colleague": True, "shared_leader": True,
    "anonymous_consultation": False, "talked_child": True, "child_view": "view", "talked_guardians": True,
    "guardians_view": "view", "guardians_met": True, "child_involved": True, "goals": "goals", "measures": {},
    "baton_holder": "kontaktlaerer", "evaluation_date": "2026-03-01", "meeting_date": "2026-03-01",
    "assessment": "better", "consent": {"given": True, "by": ["guardians"], "services": ["ppt"],
                                        "until": "2026-12-31"},
    "discussion_arena": None, "meeting_arena": None, "first_meeting": "2026-02-01", "individual_plan": False,
    "responsibility_group": True, "statutory_coordinator": False, "child_coordinator": False,
    "handover": False, "barnevern_informed": True, "notified_date": "2026-01-03", "police_informed": False,
    "words_written": True, "carried_out": "done", "as_planned": True,
    "closing_reason": "goal-reached", "closing_note": "done", "talk_within_week": True, "family_text": "",
}


def drive(proc, decisions, answers=None, events=None, *, evaluate=False, steps=None):
    """Run the engine: answer every question, take `decisions` in order; returns (events, trace, last).

    With `steps`, stop after that many actions (the last action is then None)."""
    answers = {**BASE, **(answers or {})}
    events = list(events or [])
    decisions = list(decisions)
    trace = []
    first = True
    for _ in range(steps or 400):
        action = engine.next_action(proc, events, evaluate=evaluate and first)
        first = False
        if isinstance(action, engine.Ask):
            trace.append(f"{action.step.id}.{action.question.id}")
            events.append(ev("answer", action.step.id, action.question.id, answers[action.question.id],
                             action.level))
        elif isinstance(action, engine.Decide):
            to = decisions.pop(0)
            assert to in [d.to for d in action.options], (to, action.step.id)
            trace.append(f"{action.step.id}->{to}")
            events.append(ev("decision", action.step.id, None, to, action.level))
        elif isinstance(action, engine.Record):
            trace.append(f"record:{action.kind}")
            events.append(ev(action.kind, action.step.id, None, action.value, action.level))
        else:
            return events, trace, action
    if steps:
        return events, trace, None
    raise AssertionError("did not stop")


@pytest.fixture(scope="module")
def proc():
    return engine.default_process()


# --------------------------------------------------------------------------- loading


def test_shipped_process_is_valid_and_covers_every_level(proc):
    assert {lv.level for lv in proc.definition.levels} == {0, 1, 2, 3}
    ids = [s.id for s in proc.steps]
    assert ids[:2] == ["l0-concern", "safety"]
    assert {"notify", "close", "l1-evaluate", "l2-evaluate", "l3-evaluate"} <= set(ids)
    assert len(proc.version_hash) == 16
    for step in proc.steps:
        for label in (step.title, *(q.text for q in step.questions), *(d.label for d in step.decisions)):
            assert label.nb and label.nn and label.en


def test_notify_step_cites_the_duty_and_the_numbers(proc):
    intro = proc.step("notify").intro
    for text in (intro.nb, intro.nn, intro.en):
        for needle in ("§ 13-2", "112", "02800", "116 111"):
            assert needle in text
    assert "barnevernvakt" in intro.nb


def test_summary_question_ids_exist(proc):
    qids = {q.id for s in proc.steps for q in s.questions}
    for qid in ("concern_date", "arena", "role", "subject", "age", "areas", "scale", "measures", "consent",
                "baton_holder", "evaluation_date"):
        assert qid in qids


def _broken(text: str) -> list[str]:
    with pytest.raises(DataError) as info:
        engine.parse_process(text, "p.toml")
    return info.value.problems


def test_unknown_kind_is_reported_with_its_line():
    text = SHIPPED.replace('id = "observations"\nkind = "text"', 'id = "observations"\nkind = "essay"', 1)
    line = text.splitlines().index('kind = "essay"') + 1
    problems = _broken(text)
    assert any(p.startswith(f"p.toml:{line} steps[") and "kind" in p for p in problems), problems


@pytest.mark.usefixtures("english")
def test_condition_with_unknown_name_is_reported():
    text = SHIPPED.replace('when = "talked_child"', 'when = "talked_kid"', 1)
    line = text.splitlines().index('when = "talked_kid"') + 1
    problems = _broken(text)
    assert problems == [f"p.toml:{line} steps[3].questions[7].when: unknown name(s) in condition: talked_kid"]


@pytest.mark.usefixtures("english")
def test_condition_with_forbidden_syntax_is_reported():
    problems = _broken(SHIPPED.replace('when = "talked_child"', 'when = "__import__(\'os\')"', 1))
    assert any("not allowed" in p for p in problems)


@pytest.mark.usefixtures("english")
def test_duplicate_step_and_missing_safety_are_reported():
    problems = _broken(SHIPPED.replace('id = "l0-concrete"', 'id = "l0-concern"', 1))
    assert any("duplicate step id 'l0-concern'" in p for p in problems)
    problems = _broken(SHIPPED.replace('id = "safety"\nlevel = 0', 'id = "safe"\nlevel = 0', 1))
    assert any("safety track step 'safety' is missing" in p for p in problems)


@pytest.mark.usefixtures("english")
def test_for_family_only_on_an_optional_text_question():
    """A text for the family must be a text the employee may leave empty, in a walkthrough,
    evaluation or closing step; a choice, a required text or a text of the notify step (the
    family may not be told first) cannot be marked for the family."""
    engine.parse_process(SHIPPED, "p.toml")  # as shipped: valid
    marked = 'required = false\nfor_family = true\n'
    # a required text: refused
    problems = _broken(SHIPPED.replace(marked, 'for_family = true\n', 1))
    assert any("for_family" in p and "optional text question" in p for p in problems), problems
    # a yes-no question: refused
    text = SHIPPED.replace('id = "talked_child"\nkind = "yes-no"\n',
                           'id = "talked_child"\nkind = "yes-no"\nrequired = false\nfor_family = true\n', 1)
    assert text != SHIPPED and any("for_family" in p for p in _broken(text))
    # a text in the notify step: refused (barnevernsloven § 13-2: the family is not told first)
    block = ('[[steps.questions]]\nid = "note"\nkind = "text"\nrequired = false\nfor_family = true\n'
             'text.nb = "x"\ntext.nn = "x"\ntext.en = "x"\n\n')
    anchor = '[[steps.questions]]\nid = "barnevern_informed"\n'
    text = SHIPPED.replace(anchor, block + anchor, 1)
    assert text != SHIPPED and any("for_family" in p for p in _broken(text))
    # the same text without for_family is a valid process: the refusal is for_family's
    engine.parse_process(SHIPPED.replace(anchor, block.replace("for_family = true\n", "") + anchor, 1), "p.toml")


def test_the_texts_for_the_family_are_asked_at_each_levels_planning_and_evaluation(proc):
    marked = [(s.id, q.id) for s in proc.steps for q in s.questions if q.for_family]
    assert marked == [(step, "family_text") for step in ("l0-decide", "l1-plan", "l1-evaluate", "l2-meeting",
                                                         "l2-evaluate", "l3-meeting", "l3-evaluate", "close")]
    assert proc.for_family("l1-plan", "family_text") and not proc.for_family("l1-goals", "goals")
    assert not proc.for_family("no-such-step", "family_text") and not proc.for_family("l1-plan", None)
    for step_id, qid in marked:
        question = proc.step(step_id).question(qid)
        assert not question.required and question.kind == "text"


def test_bad_decision_target_is_reported():
    text = SHIPPED.replace('to = "level:3"\nwhen = "scale != 4"', 'to = "level:7"\nwhen = "scale != 4"', 1)
    line = text.splitlines().index('to = "level:7"') + 1
    problems = _broken(text)
    assert any(p.startswith(f"p.toml:{line} ") and ".to:" in p for p in problems), problems


@pytest.mark.usefixtures("english")
def test_syntax_error_names_the_line():
    problems = _broken(SHIPPED + "\n[[steps]\n")
    assert problems[0].startswith("p.toml:") and "(syntax)" in problems[0]


# --------------------------------------------------------------------------- municipality overrides


def _catalogue(tmp_path: Path, extra: str):
    from bti_cli.catalogue import loader as catalogue

    path = tmp_path / "kommune.toml"
    path.write_text((FIXTURES / "walk.toml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return catalogue.load(None, path), path


def test_override_replaces_inserts_and_removes_steps(tmp_path):
    extra = '''
[[process.steps]]
id = "l0-concrete"
title = { nb = "Konkretiser", nn = "Konkretiser", en = "Make it concrete" }
questions = [
  { id = "observations", kind = "text", text = { nb = "Hva så du?", nn = "Kva såg du?", en = "What did you see?" } },
  { id = "scale", kind = "choice", text = { nb = "Skala", nn = "Skala", en = "Scale" }, options = [
    { value = 1, label = { nb = "1", nn = "1", en = "1" } },
    { value = 4, label = { nb = "4", nn = "4", en = "4" } } ] },
]

[[process.steps]]
id = "l0-school-talk"
after = "l0-share"
title = { nb = "Samtale innen en uke", nn = "Samtale innan ei veke", en = "Talk within a week" }

[[process.steps.questions]]
id = "talk_within_week"
kind = "yes-no"
text = { nb = "Innen en uke?", nn = "Innan ei veke?", en = "Within a week?" }

[[process.steps]]
id = "l1-views"
remove = true
'''
    loaded, _ = _catalogue(tmp_path, extra)
    proc = engine.load_for(loaded)
    ids = [s.id for s in proc.steps]
    assert "l1-views" not in ids
    assert ids.index("l0-school-talk") == ids.index("l0-share") + 1
    step = proc.step("l0-concrete")
    assert [q.id for q in step.questions] == ["observations", "scale"] and step.level == 0
    assert proc.step("l0-school-talk").level == 0
    assert proc.version_hash != engine.default_process().version_hash
    assert proc.settings["evaluation_interval_days"] == 30
    _, trace, _ = drive(proc, ["level:1"])
    assert "l0-school-talk.talk_within_week" in trace and "l0-concrete.duration" not in trace


@pytest.mark.usefixtures("english")
def test_override_problems_name_the_municipality_file_and_line(tmp_path):
    extra = '''
[[process.steps]]
id = "l0-new"
title = { nb = "Ny", nn = "Ny", en = "New" }

[[process.steps]]
id = "safety"
remove = true

[[process.steps]]
id = "l0-share"
title = { nb = "Del", nn = "Del", en = "Share" }
questions = [ { id = "x", kind = "yes-no", when = "nonsense_name", text = { nb = "x", nn = "x", en = "x" } } ]
'''
    loaded, path = _catalogue(tmp_path, extra)
    with pytest.raises(DataError) as info:
        engine.load_for(loaded)
    problems = info.value.problems
    lines = path.read_text(encoding="utf-8").splitlines()
    new_line = lines.index('id = "l0-new"') + 1
    assert any(p.startswith(f"{path}:{new_line} process.steps[0].id") and "after" in p for p in problems), problems
    assert any("process.steps[1].remove" in p and "cannot be removed" in p for p in problems), problems


def test_override_with_bad_condition_is_reported_in_the_municipality_file(tmp_path):
    extra = '''
[[process.steps]]
id = "l0-share"
title = { nb = "Del", nn = "Del", en = "Share" }
questions = [ { id = "x", kind = "yes-no", when = "nonsense_name", text = { nb = "x", nn = "x", en = "x" } } ]
'''
    loaded, path = _catalogue(tmp_path, extra)
    with pytest.raises(DataError) as info:
        engine.load_for(loaded)
    assert any(p.startswith(f"{path}:") and "process.steps[0].questions[0].when" in p and "nonsense_name" in p
               for p in info.value.problems), info.value.problems


@pytest.mark.usefixtures("english")
def test_override_with_unknown_key_is_reported(tmp_path):
    extra = '''
[[process.steps]]
id = "l0-share"
titel = "typo"
'''
    loaded, path = _catalogue(tmp_path, extra)
    with pytest.raises(DataError) as info:
        engine.load_for(loaded)
    line = path.read_text(encoding="utf-8").splitlines().index('titel = "typo"') + 1
    assert f"{path}:{line} process.steps[0].titel: unknown key" in info.value.problems


# --------------------------------------------------------------------------- conditions


@pytest.mark.parametrize(
    "text, env, expected",
    [
        ("subject != 'pregnant'", {"subject": "child"}, True),
        ("subject != 'pregnant'", {"subject": "pregnant"}, False),
        ("subject != 'pregnant'", {}, True),
        ("scale != 4", {"scale": 4}, False),
        ("age >= consent_age", {"age": 15, "consent_age": 15}, True),
        ("age >= consent_age", {"age": None, "consent_age": 15}, False),
        ("not consent.given", {"consent": {"given": False}}, True),
        ("consent.given", {"consent": {"given": True}}, True),
        ("consent.given", {}, False),
        ("baton_holder == none", {}, True),
        ("'learning' in areas", {"areas": ["learning", "language"]}, True),
        ("areas in ['x', 'learning']", {"areas": ["learning"]}, True),
        ("level >= 1 and level != 3", {"level": 2}, True),
        ("talked_child or talked_guardians", {"talked_child": False, "talked_guardians": True}, True),
        (None, {}, True),
    ],
)
def test_conditions(text, env, expected):
    assert engine.holds(text, env) is expected


# --------------------------------------------------------------------------- every decision branch


def test_level0_close(proc):
    _, trace, last = drive(proc, ["close"])
    assert trace[0] == "l0-concern.concern_date" and trace[6] == "safety.danger"
    assert "l0-decide->close" in trace
    assert trace[-4:] == ["close.closing_reason", "close.closing_note", "close.family_text", "record:close"]
    assert isinstance(last, engine.Done) and last.reason == "closed"


@pytest.mark.parametrize("level", [1, 2, 3])
def test_level0_to_each_level_then_waits_for_evaluation(proc, level):
    events, trace, last = drive(proc, [f"level:{level}"])
    assert isinstance(last, engine.Done) and last.reason == "waiting" and last.level == level
    assert any(x.startswith(f"l{level}-") for x in trace)
    assert engine.pending_step(proc, events) is None


def test_level0_notify_then_close(proc):
    _, trace, last = drive(proc, ["notify", "close"])
    i = trace.index("l0-decide->notify")
    assert trace[i + 1:i + 6] == ["notify.barnevern_informed", "notify.notified_date", "notify.police_informed",
                                  "notify.words_written", "record:notify"]
    assert "notify->close" in trace and last.reason == "closed"


def test_scale_four_goes_straight_to_the_gate(proc):
    events, trace, last = drive(proc, ["close"], {"scale": 4})
    at = trace.index("l0-concrete.scale")
    assert trace[at + 1:at + 3] == ["record:decision", "notify.barnevern_informed"]
    assert not any(x.startswith(("l0-share.", "l0-decide")) for x in trace)
    assert last.reason == "closed"


def test_pregnant_skips_the_child_questions_and_asks_her_age(proc):
    _, trace, _ = drive(proc, ["level:1"], {"subject": "pregnant"})
    for q in ("l0-concrete.child_said", "l0-share.talked_child", "l1-goals.child_involved",
              "l1-views.child_view"):
        assert q not in trace
    # her own age (optional for a pregnancy: the consent ages and the youth measures read it)
    assert "l0-concern.age" in trace
    age = proc.step("l0-concern").questions[[q.id for q in proc.step("l0-concern").questions].index("age")]
    assert engine.holds(age.optional_when, {"subject": "pregnant"})
    assert not engine.holds(age.optional_when, {"subject": "youth"})


@pytest.mark.parametrize(("age", "offered", "required"), [
    (None, ("woman",), ("woman",)),
    (14, ("guardians", "woman"), ("guardians",)),
    (15, ("guardians", "woman"), ("woman",)),
    (17, ("guardians", "woman"), ("woman",)),
    (18, ("woman",), ("woman",)),
])
def test_a_pregnant_woman_consents_by_the_consent_ages(age, offered, required):
    givers = engine.consent_givers("pregnant", age, 15)
    assert givers.offered == offered and givers.required == required
    # health matters from 16: under it her guardians take part too
    health = engine.consent_givers("pregnant", 15, 15, health_age=16)
    assert set(health.required) == {"woman", "guardians"}
    assert engine.consent_givers("pregnant", 16, 15, health_age=16).required == ("woman",)


def test_safety_gate_at_level0(proc):
    events, trace, last = drive(proc, ["close"], {"danger": True})
    assert trace[7:9] == ["record:decision", "notify.barnevern_informed"]
    assert events[7].step == "safety" and events[7].value == "notify"
    assert "l0-concrete.observations" not in trace


def test_safety_gate_from_a_later_step(proc):
    events, _, _ = drive(proc, ["level:1"], steps=22)  # somewhere in l1-goals
    assert events[-1].step == "l1-goals"
    events.append(ev("answer", "safety", "danger", True, 1))
    action = engine.next_action(proc, events)
    assert isinstance(action, engine.Record) and action.kind == "decision" and action.value == "notify"
    events, trace, last = drive(proc, ["continue"], events=events)
    assert trace[:2] == ["record:decision", "notify.barnevern_informed"]
    # continue at level 1: back to the level's plan (continue_at) and then waiting
    assert "notify->continue" in trace and "l1-plan.measures" in trace and last.reason == "waiting"


def test_notify_stops_until_barnevern_is_informed_and_resume_asks_again(proc):
    events, trace, last = drive(proc, [], {"danger": True, "barnevern_informed": False})
    assert isinstance(last, engine.Stop) and last.step.id == "notify"
    assert engine.pending_step(proc, events) == "notify"
    again = engine.next_action(proc, events, resume=True)
    assert isinstance(again, engine.Ask) and again.again and again.question.id == "barnevern_informed"
    events.append(ev("answer", "notify", "barnevern_informed", True))
    action = engine.next_action(proc, events)
    assert isinstance(action, engine.Ask) and action.question.id == "notified_date"


@pytest.mark.parametrize(
    "level, decision, expect",
    [
        (1, "close", "closed"), (1, "continue", "l1-plan"), (1, "level:2", "l2-consent"),
        (2, "close", "closed"), (2, "continue", "l2-consent"), (2, "level:1", "l1-goals"),
        (2, "level:3", "l3-consent"),
        (3, "close", "closed"), (3, "continue", "l3-consent"), (3, "level:1", "l1-goals"),
        (3, "level:2", "l2-consent"),
    ],
)
def test_every_evaluation_branch(proc, level, decision, expect):
    events, _, _ = drive(proc, [f"level:{level}"])
    events, trace, last = drive(proc, [decision] + ["close"] * 3, events=events, evaluate=True)
    # carry out, then the evaluation meeting ("avgjøre, iverksette og evaluere", Løten 004)
    assert trace[:3] == [f"l{level}-carry-out.carried_out", f"l{level}-carry-out.as_planned",
                         f"l{level}-evaluate.meeting_date"]
    assert "record:evaluation" in trace and f"l{level}-evaluate->{decision}" in trace
    after = trace[trace.index(f"l{level}-evaluate->{decision}") + 1:]
    if expect == "closed":
        assert after[0] == "close.closing_reason" and last.reason == "closed"
    else:
        assert after[0].startswith(expect + ".")
        assert last.reason == "waiting"


def test_evaluate_is_only_offered_when_waiting(proc):
    events, _, _ = drive(proc, [], steps=3)
    action = engine.next_action(proc, events, evaluate=True)
    assert isinstance(action, engine.Ask) and action.step.id == "l0-concern"


def test_no_consent_offers_anonymous_discussion_only(proc):
    _, trace, last = drive(proc, ["level:2"], {"consent": {"given": False}})
    assert "l2-anonymous.discussion_arena" in trace and "l2-anonymous.evaluation_date" in trace
    assert not any(x.startswith("l2-meeting") for x in trace)
    assert last.reason == "waiting"


def test_level3_handover_questions(proc):
    _, trace, _ = drive(proc, ["level:3"], {"baton_holder": None})
    # nobody holds the baton yet: appoint one first, then decide on a handover
    assert trace.index("l3-baton-now.baton_holder") < trace.index("l3-baton.handover")


def test_close_from_anywhere_and_resume_in_close(proc):
    events, _, _ = drive(proc, [], steps=5)
    events.append(ev("decision", "close", None, "close"))
    assert engine.pending_step(proc, events) == "close"
    events.append(ev("answer", "close", "closing_reason", "moved"))
    action = engine.next_action(proc, events)
    assert isinstance(action, engine.Ask) and action.question.id == "closing_note"


def test_step_rows_list_every_question_and_decision(proc):
    rows = engine.step_rows(proc, "en")
    keys = {r["key"] for r in rows}
    assert "l0-concern.age" in keys and "l0-decide.decision" in keys and "notify.decision" in keys
    decide = next(r for r in rows if r["key"] == "l0-decide.decision")
    assert decide["targets"] == ["close", "level:1", "level:2", "level:3", "notify"]
    text = next(r["text"] for r in rows if r["key"] == "l0-concern.concern_date")
    assert "14-day" in text and "{" not in text


# --------------------------------------------------------------------------- replay details (mutation run)


def at_ev(kind, step, question=None, value=None, level=0, at=None):
    return SimpleNamespace(kind=kind, step=step, question=question, value=value, level=level, at=at)


def test_replay_keeps_the_segment_answers_in_order_once_each(proc):
    """`Position.order` is what "go back" walks: each answer of the segment once, in the order
    first given, the safety answer included (the session leaves it out), a decision starts afresh."""
    events = [ev("answer", "l0-concern", "concern_date", "2026-01-02"), ev("answer", "l0-concern", "arena", "school"),
              ev("answer", "l0-concern", "concern_date", "2026-01-03"), ev("answer", "safety", "danger", False)]
    pos = engine.replay(proc, events)
    assert pos.order == [("l0-concern", "concern_date"), ("l0-concern", "arena"), ("safety", "danger")]
    assert pos.answers["concern_date"] == "2026-01-03"
    pos = engine.replay(proc, [*events, ev("decision", "l0-decide", None, "level:1"),
                               ev("answer", "l1-goals", "goals", "g")])
    assert pos.order == [("l1-goals", "goals")]


def test_the_first_decision_is_the_first_at_level_0_with_its_day(proc):
    """The decision the deadline is measured against: the first at level 0, dated by its own
    day (the first ten characters of its time stamp), never a later one."""
    events = [at_ev("answer", "l0-concern", "concern_date", "2026-01-02", at="2026-01-02T08:00:00+00:00"),
              at_ev("decision", "l0-decide", None, "level:1", at="2026-01-16T23:59:00+00:00"),
              at_ev("decision", "l1-evaluate", None, "level:2", level=1, at="2026-02-20T10:00:00+00:00"),
              at_ev("decision", "l2-evaluate", None, "close", level=2, at="2026-03-20T10:00:00+00:00")]
    pos = engine.replay(proc, events)
    assert pos.first_decision == ("level:1", "2026-01-16")
    # an empty decision at level 0 is no decision; a later one at level 0 is not the first
    day = "2026-01-0{}T08:00:00+00:00".format
    pos = engine.replay(proc, [at_ev("decision", "l0-decide", None, "", at=day(3)),
                               at_ev("decision", "l0-decide", None, "level:1", at=day(4)),
                               at_ev("decision", "l1-evaluate", None, "level:0", level=1, at=day(5)),
                               at_ev("decision", "l0-decide", None, "close", at=day(6))])
    assert pos.first_decision == ("level:1", "2026-01-04")


def test_a_level_outside_the_process_in_a_hand_edited_file_waits(proc):
    """A decision to a level the process does not define (a hand-edited "level:9"), then
    "continue": nothing to ask there, the case waits; the replay does not fail."""
    events = [ev("decision", "l0-decide", None, "level:9"), ev("decision", "l9-evaluate", None, "continue", level=9)]
    pos = engine.replay(proc, events)
    assert pos.level == 9 and pos.phase == "continue"
    action = engine.next_action(proc, events)
    assert isinstance(action, engine.Done) and action.reason == "waiting"


def test_replay_takes_a_consent_event_as_the_consent_now_and_ignores_a_malformed_one(proc):
    """A consent extended at a handover or renewed after it ran out is a `consent` event: the
    engine's consent (what sharing steps and the next handover check) is that one from then on;
    a hand-edited consent event that is no table changes nothing."""
    first = {"given": True, "by": ["guardians"], "services": ["ppt"], "until": "2026-03-01"}
    wider = {"given": True, "by": ["guardians"], "services": ["ppt", "helsestasjon"], "until": "2026-06-01"}
    events = [ev("answer", "l2-consent", "consent", first, level=2)]
    assert engine.replay(proc, events).answers["consent"] == first
    assert engine.replay(proc, [*events, ev("consent", "handover", None, wider, level=2)]).answers["consent"] == wider
    assert engine.replay(proc, [*events, ev("consent", "handover", None, "yes", level=2)]).answers["consent"] == first
