"""Property tests: no sequence of answers, decisions, safety gates, evaluations or stops leads the
engine to an undefined step, an unanswerable question, a dead end or a loop."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bti_cli.caselog.models import CaseHeader
from bti_cli.caselog.state import summarise
from bti_cli.walkthrough import process as engine

PROC = engine.default_process()
STEP_IDS = {s.id for s in PROC.steps}
ROLES = ["kontaktlaerer", "koordinator", "helsesykepleier"]


def answer_strategy(question):
    kind = question.kind
    if kind == "yes-no":
        return st.booleans()
    if kind == "integer":
        return st.one_of(st.integers(question.min or 0, question.max or 23), st.just("unborn"))
    if kind == "date":
        return st.sampled_from(["2026-01-01", "2026-02-15", "2026-12-31"])
    if kind == "choice":
        if question.options:
            return st.sampled_from([o.value for o in question.options])
        return st.one_of(st.none(), st.sampled_from(["school", "kindergarten", "drofteteam", "x"]))
    if kind == "multi-choice":
        return st.lists(st.sampled_from(["learning", "behaviour", "mental-health"]), max_size=3, unique=True)
    if kind == "text":
        return st.text(max_size=20)
    if kind == "measures":
        return st.dictionaries(st.sampled_from(["m1", "m2"]), st.just(["service:s", "tier:selective"]), max_size=2)
    if kind == "coordinator":
        return st.sampled_from(ROLES)
    if kind == "owners":
        return st.dictionaries(st.sampled_from(["m1", "m2"]),
                               st.builds(lambda r, d: [f"owner:{r}", f"date:{d}"], st.sampled_from(ROLES),
                                         st.sampled_from(["2026-01-01", "2026-12-31"])), max_size=2)
    if kind == "consent":
        return st.one_of(
            st.just({"given": False}),
            st.builds(lambda s: {"given": True, "by": ["guardians"], "services": s, "until": "2026-12-31"},
                      st.lists(st.sampled_from(["ppt", "skole"]), min_size=1, max_size=2, unique=True)),
        )
    raise AssertionError(kind)


def ev(kind, step, question=None, value=None, level=0):
    return SimpleNamespace(kind=kind, step=step, question=question, value=value, level=level,
                           at="2026-01-05T10:00:00Z")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_answer_sequence_reaches_an_undefined_step(data):
    events: list = []
    resume = False
    evaluate = False
    sessions = 0
    for _ in range(400):
        action = engine.next_action(PROC, events, resume=resume, evaluate=evaluate)
        # pure: the same events give the same action
        assert engine.next_action(PROC, events, resume=resume, evaluate=evaluate) == action
        resume = evaluate = False
        if isinstance(action, engine.Done):
            assert action.reason in ("waiting", "closed")
            if action.reason == "closed":
                break
            sessions += 1
            if sessions > 6:
                break
            what = data.draw(st.sampled_from(["evaluate", "evaluate", "close", "handover"]), label="after")
            if what == "evaluate":
                evaluate = True
            elif what == "close":
                events.append(ev("decision", engine.CLOSE_STEP, None, "close", action.level))
            else:
                events.append(ev("handover", "handover", None, {"to": data.draw(st.sampled_from(ROLES))},
                                 action.level))
                events.append(ev("accept", "accept", None, {"role": "x"}, action.level))
            continue
        assert action.step.id in STEP_IDS
        assert action.step is PROC.step(action.step.id)
        if isinstance(action, engine.Stop):
            assert action.step.stop_unless
            sessions += 1  # the sitting ends; `bti resume` asks the gating question again
            if sessions > 6:
                break
            resume = True
            continue
        if isinstance(action, engine.Record):
            assert action.kind in ("decision", "evaluation", "notify", "close")
            events.append(ev(action.kind, action.step.id, None, action.value, action.level))
            continue
        if isinstance(action, engine.Decide):
            assert action.options and set(action.options) <= set(action.step.decisions)
            choice = data.draw(st.sampled_from(action.options), label=f"{action.step.id}.decision")
            if choice.to.startswith("level:"):
                assert PROC.phase_steps(int(choice.to[6:]), "start")
            events.append(ev("decision", action.step.id, None, choice.to, action.level))
            continue
        assert isinstance(action, engine.Ask)
        assert action.question in action.step.questions
        if action.step.phase not in ("notify", "close") and data.draw(st.integers(0, 40), label="!") == 0:
            events.append(ev("answer", engine.SAFETY_STEP, engine.SAFETY_QUESTION, True, action.level))
            continue
        value = data.draw(answer_strategy(action.question), label=f"{action.step.id}.{action.question.id}")
        events.append(ev("answer", action.step.id, action.question.id, value, action.level))
    else:
        raise AssertionError("the walkthrough did not come to rest")

    pending = engine.pending_step(PROC, events)
    assert pending is None or pending in STEP_IDS
    header = CaseHeader(case_id="BTI-2026-7K3Q9", municipality="loten", catalogue_version="c",
                        process_version="p", created="2026-01-05T10:00:00Z")
    summary = summarise(header, events, process=PROC)
    assert 0 <= summary.level <= 3 and summary.highest_level >= summary.level
    assert summary.pending_step == (None if summary.status == "closed" else pending)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(STEP_IDS) + ["handover", "accept", "bogus"]),
                          st.sampled_from(["answer", "decision", "evaluation", "notify", "close", "note",
                                           "handover", "accept"]),
                          st.sampled_from(["danger", "scale", "consent", "x", None]),
                          st.one_of(st.none(), st.booleans(), st.integers(-3, 9), st.text(max_size=8),
                                    st.sampled_from(["level:1", "level:3", "close", "notify", "continue"]))),
                max_size=30))
def test_arbitrary_event_logs_never_break_the_engine(raw):
    """Even a hand-edited or foreign log gives a defined next step (or nothing pending)."""
    events = [ev(kind, step, q, value) for step, kind, q, value in raw]
    action = engine.next_action(PROC, events)
    assert isinstance(action, engine.Done) or action.step.id in STEP_IDS
    pending = engine.pending_step(PROC, events)
    assert pending is None or pending in STEP_IDS
