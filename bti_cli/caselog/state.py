"""The derived state of a case: replay its events into a `models.CaseSummary`.

Pure: no files, no clock (except `today` for `days_left`-style figures, which callers pass).

How events map onto the summary (the process file keeps these question ids; see
`data/process.toml`):

| event                                   | summary fields                                   |
|-----------------------------------------|--------------------------------------------------|
| answer `concern_date` (YYYY-MM-DD)      | concern_date, decision_deadline                  |
| answer `arena` / `role` / `subject`     | arena / actor_role / subject                     |
| answer `age` (int; "unborn" → None)     | age                                              |
| answer `areas` (list)                   | concern_areas                                    |
| answer `scale` (1–4)                    | concern_scale                                    |
| answer `measures` ({id: ["service:S", "tier:T", …]}) | measures (merged by id), services_involved |
| answer `measure_owners` ({id: ["owner:ROLE", "date:DAY"]}) | measure_owners ({id, owner, date, due}) |
| answer `consent` ({given, by, services, until}) | consent_services, consent_until, services_involved |
| kind `consent` (the same table: extended at a handover, or renewed) | as the answer `consent` |
| answer `baton_holder` (role)            | baton_holder_role when none yet, else a pending handover |
| answer `evaluation_date`                | next_evaluation                                  |
| decision `level:N`                      | level, highest_level                             |
| decision (first one at level 0)         | decision, decision_date, days_to_decision, decided_within_deadline |
| kind `notify` (barnevern informed)      | notified_barnevern, notified_date (value `notified_date`) |
| kind `notify` (`barnevern_informed = "advised-no-report"`) | nothing: no report was made  |
| the safety gate passed, no notify yet   | notification_pending (due at once)                |
| kind `handover` ({to: role})            | pending_baton_holder_role, handovers_offered += 1 |
| kind `accept`                           | baton_holder_role ← pending; pending cleared; handovers_accepted += 1 |
| answer `child_view` (not empty)         | child_view_levels gains the event's level (the words stay in the file) |
| kind `evaluation` ({meeting_date})      | evaluations += 1; _on_time (by the date set) or _late; next date cleared |
| kind `close` ({closing_reason})         | status closed, closed (date of the event), closing_reason (an option id) |
| kind `discard` ({reason})               | status discarded; nothing pending                |
| kind `correction` / `withdraw`          | applied first (`walkthrough.process.effective_events`) |

`level`, `highest_level`, the first decision, `pending_step` (where `bti resume` continues) and
`notification_pending` come from the walkthrough engine's one replay (`bti_cli.walkthrough.process.replay`)
over the same events with the process definition (the shipped one unless `process=` is given): a
decision the engine refuses (a close while the safety gate waits for barnevern) or an event after the
close counts for neither.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bti_cli.caselog.models import CaseHeader, CaseSummary, Event
    from bti_cli.walkthrough.process import Process


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# answers that record the child's own view (free text: only whether one was given is counted)
CHILD_VIEW_QUESTIONS = frozenset({"child_view"})
_OPTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")  # a closing reason is an option value, never text


def _said(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _kind(event: Event) -> str:
    kind = event.kind
    return kind.value if hasattr(kind, "value") else str(kind)


def parse_measures_value(value: Any) -> list[dict[str, Any]]:
    """`{id: ["service:S", "tier:T", …]}` (or a plain list of ids) → [{id, tiers, service}]."""
    rows: list[dict[str, Any]] = []
    if isinstance(value, dict):
        for measure_id, tokens in value.items():
            service = None
            tiers: list[str] = []
            for token in tokens if isinstance(tokens, list) else [tokens]:
                if not isinstance(token, str):
                    continue
                key, _, rest = token.partition(":")
                if key == "service" and rest:
                    service = rest
                elif key == "tier" and rest:
                    tiers.append(rest)
            rows.append({"id": str(measure_id), "tiers": tiers, "service": service})
    elif isinstance(value, list):
        rows.extend({"id": str(v), "tiers": [], "service": None} for v in value)
    return rows


def measures_value(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The inverse of `parse_measures_value`: what the walkthrough stores."""
    value: dict[str, list[str]] = {}
    for row in rows:
        tokens = []
        if row.get("service"):
            tokens.append(f"service:{row['service']}")
        tokens.extend(f"tier:{t}" for t in row.get("tiers") or [])
        value[str(row["id"])] = tokens
    return value


def _add(seq: list[str], items: Any) -> None:
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, str) and item and item not in seq:
            seq.append(item)


def summarise(
    header: CaseHeader,
    events: list[Event],
    *,
    deadline_days: int = 14,
    process: Process | None = None,
) -> CaseSummary:
    """Replay `events` (in order, corrections applied) into the case's summary row.

    The level, the highest level, the first decision, the pending step and the safety gate are
    the walkthrough engine's own replay (`process.replay`), so what the summary, the index and
    the export say can never disagree with where the walkthrough continues; the other fields are
    folded from the same events by `_Fold`."""
    from bti_cli.caselog.models import CaseSummary
    from bti_cli.walkthrough import process as engine

    proc = process if process is not None else engine.default_process()
    pos = engine.replay(proc, events)
    fold = _Fold()
    for event in engine.effective_events(events):
        fold.apply(event)
    s: dict[str, Any] = {
        "case_id": header.case_id,
        "municipality": header.municipality,
        "created": header.created,
        "process_version": header.process_version,
        "catalogue_version": header.catalogue_version,
        **fold.fields(),
        # the replay takes a level only from the digits of "level:N" (never below 0); a level
        # above the process's (a hand-edited "level:9") is shown as the highest, 3
        "level": min(3, pos.level),
        "highest_level": min(3, max(pos.highest, pos.level)),
    }
    s.update(_decision_fields(s.get("concern_date"), pos.first_decision, deadline_days))
    if pos.discarded:
        s["status"] = "discarded"  # `bti cases discard`: nothing is pending
    elif not fold.closed:
        s["pending_step"], s["notification_pending"] = _pending(proc, pos)
    return CaseSummary(**s)


class _Fold:
    """The summary fields that are not the engine's: answers, notification, baton, evaluations,
    consent and closing, folded event by event (one method per event kind)."""

    def __init__(self) -> None:
        self.answers: dict[str, Any] = {}  # concern_date, arena, actor_role, subject, age, concern_scale
        self.concern_areas: list[str] = []
        self.measures: dict[str, dict[str, Any]] = {}
        self.owners: dict[str, dict[str, Any]] = {}  # measure id → {id, owner, date, due}
        self.services: list[str] = []
        self.holder: str | None = None
        self.pending_holder: str | None = None
        self.evaluations = 0
        self.next_evaluation: str | None = None
        self.notified = False
        self.notified_date: str | None = None
        self.closed: str | None = None
        self.consent_services: list[str] = []
        self.consent_until: str | None = None
        self.handovers = 0  # times the baton was offered to a new role
        self.accepted = 0
        self.on_time = 0
        self.late = 0
        self.child_view: set[int] = set()
        self.closing_reason: str | None = None

    def apply(self, event: Event) -> None:
        kind = _kind(event)
        day = event.at[:10] if event.at else None
        if kind == "answer":
            if event.question in CHILD_VIEW_QUESTIONS and _said(event.value):
                self.child_view.add(event.level)
            self.answer(event.question, event.value)
        elif kind == "notify":
            self.notify(event.value, day)
        elif kind == "handover":
            offered = event.value.get("to") if isinstance(event.value, dict) else event.value
            if isinstance(offered, str) and offered:
                self.handovers += offered != self.holder and offered != self.pending_holder
                self.pending_holder = offered if offered != self.holder else None
        elif kind == "accept":
            role = event.value.get("role") if isinstance(event.value, dict) else event.value
            accepted = self.pending_holder or (role if isinstance(role, str) else None)
            if accepted:
                self.holder = accepted
                self.accepted += self.pending_holder is not None
            self.pending_holder = None
        elif kind == "consent" and isinstance(event.value, dict):
            self.consent(event.value)  # extended at a handover, or renewed after it ran out
        elif kind == "evaluation":
            self.evaluation(event.value, day)
        elif kind == "close":
            self.closed = day
            reason = event.value.get("closing_reason") if isinstance(event.value, dict) else None
            self.closing_reason = reason if isinstance(reason, str) and _OPTION_ID.match(reason) else None

    def evaluation(self, value: Any, day: str | None) -> None:
        """A meeting held on or before the date set for it is on time; one without a date set is neither."""
        self.evaluations += 1
        held = (_date(value.get("meeting_date")) if isinstance(value, dict) else None) or _date(day)
        planned = _date(self.next_evaluation)
        if held is not None and planned is not None:
            self.on_time += held <= planned
            self.late += held > planned
        self.next_evaluation = None
        for owner in self.owners.values():
            owner["due"] = False  # the evaluation meeting went through the measures

    def answer(self, question: str | None, value: Any) -> None:
        if question == "concern_date" and _date(value):
            self.answers["concern_date"] = str(value)[:10]
        elif question in ("arena", "role", "subject") and isinstance(value, str):
            self.answers["actor_role" if question == "role" else question] = value
        elif question == "age":
            self.answers["age"] = value if isinstance(value, int) and not isinstance(value, bool) else None
        elif question == "areas" and isinstance(value, list):
            self.concern_areas = [str(v) for v in value]
        elif question == "scale" and isinstance(value, int) and not isinstance(value, bool):
            self.answers["concern_scale"] = value
        elif question == "measures":
            for row in parse_measures_value(value):
                self.measures[row["id"]] = row
                if row["service"]:
                    _add(self.services, row["service"])
        elif question == "measure_owners" and isinstance(value, dict):
            from bti_cli.walkthrough.prompts import owner_fields

            for measure_id, tokens in value.items():
                fields = owner_fields(tokens)
                day = fields.get("date") if _date(fields.get("date")) else None
                self.owners[str(measure_id)] = {"id": str(measure_id), "owner": fields.get("owner"), "date": day,
                                                "due": day is not None}
        elif question == "consent" and isinstance(value, dict):
            self.consent(value)
        elif question == "baton_holder" and isinstance(value, str) and value:
            if self.holder is None:
                self.holder = value
            elif value != self.holder:
                self.handovers += value != self.pending_holder
                self.pending_holder = value
            else:
                self.pending_holder = None
        elif question == "evaluation_date" and _date(value):
            self.next_evaluation = str(value)[:10]

    def consent(self, value: dict[str, Any]) -> None:
        if not value.get("given"):
            self.consent_services, self.consent_until = [], None
            return
        given = value.get("services")
        self.consent_services = [str(v) for v in given] if isinstance(given, list) else []
        until = value.get("until")
        self.consent_until = str(until)[:10] if _date(until) else None
        _add(self.services, self.consent_services)

    def notify(self, value: Any, day: str | None) -> None:
        if isinstance(value, dict) and value.get("barnevern_informed") == "advised-no-report":
            return  # barnevern advised after an anonymous consultation: no report was made
        self.notified = True
        when = (value.get("notified_date") or value.get("date")) if isinstance(value, dict) else value
        self.notified_date = str(when)[:10] if _date(when) else day

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            **self.answers,
            "concern_areas": self.concern_areas,
            "measures": list(self.measures.values()),
            "measure_owners": [{**o, "due": o["due"] and not self.closed} for o in self.owners.values()],
            "services_involved": self.services,
            "baton_holder_role": self.holder,
            "pending_baton_holder_role": self.pending_holder,
            "consent_services": self.consent_services,
            "consent_until": self.consent_until,
            "evaluations": self.evaluations,
            "evaluations_on_time": self.on_time,
            "evaluations_late": self.late,
            "handovers_offered": self.handovers,
            "handovers_accepted": self.accepted,
            "child_view_levels": sorted(self.child_view),
            "next_evaluation": None if self.closed else self.next_evaluation,
            "notified_barnevern": self.notified,
            "notified_date": self.notified_date,
        }
        if self.closed:
            out["status"] = "closed"
            out["closed"] = self.closed
            out["closing_reason"] = self.closing_reason
        return out


def _decision_fields(concern_date: Any, first_decision: tuple[str, str] | None, deadline_days: int) -> dict[str, Any]:
    """The decision deadline from the concern date, and the first decision against it."""
    out: dict[str, Any] = {}
    concern = _date(concern_date)
    if concern is not None:
        out["decision_deadline"] = (concern + timedelta(days=deadline_days)).isoformat()
    if first_decision is not None:
        out["decision"], out["decision_date"] = first_decision[0], first_decision[1] or None
        decided = _date(first_decision[1])
        if concern is not None and decided is not None:
            days = (decided - concern).days
            out["days_to_decision"] = days
            out["decided_within_deadline"] = days <= deadline_days
    return out


def _pending(proc: Process, pos: Any) -> tuple[str | None, bool]:
    """(the step `bti resume` continues at, whether the case waits at the safety gate)."""
    from bti_cli.walkthrough import process as engine

    waiting = engine.awaiting_notification(pos)
    action = engine.action_at(proc, pos, resume=True)
    return (None if isinstance(action, engine.Done) else action.step.id), waiting
