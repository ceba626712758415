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
| answer `consent` ({given, by, services, until}) | consent_services, consent_until, services_involved |
| answer `baton_holder` (role)            | baton_holder_role when none yet, else a pending handover |
| answer `evaluation_date`                | next_evaluation                                  |
| decision `level:N`                      | level, highest_level                             |
| decision (first one at level 0)         | decision, decision_date, days_to_decision, decided_within_deadline |
| kind `notify` (barnevern informed)      | notified_barnevern, notified_date (value `notified_date`) |
| kind `notify` (`barnevern_informed = "advised-no-report"`) | nothing: no report was made  |
| the safety gate passed, no notify yet   | notification_pending (due at once)                |
| kind `handover` ({to: role})            | pending_baton_holder_role                        |
| kind `accept`                           | baton_holder_role ← pending; pending cleared     |
| kind `evaluation`                       | evaluations += 1; next_evaluation cleared until a new date is answered |
| kind `close`                            | status closed, closed (date of the event)        |

`pending_step` (where `bti resume` continues) comes from the walkthrough engine in
`bti_cli.walkthrough.process`, replayed over the same events with the process definition (the shipped one
unless `process=` is given).
"""

from __future__ import annotations

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
    """Replay `events` (in order, corrections applied) into the case's summary row."""
    from bti_cli.caselog.models import CaseSummary
    from bti_cli.walkthrough.process import effective_events

    events = effective_events(events)

    s: dict[str, Any] = {
        "case_id": header.case_id,
        "municipality": header.municipality,
        "created": header.created,
        "process_version": header.process_version,
        "catalogue_version": header.catalogue_version,
    }
    level = 0
    highest = 0
    measures: dict[str, dict[str, Any]] = {}
    services: list[str] = []
    holder: str | None = None
    pending_holder: str | None = None
    evaluations = 0
    next_evaluation: str | None = None
    first_decision: tuple[str, str] | None = None
    notified = False
    notified_date: str | None = None
    closed: str | None = None
    consent_services: list[str] = []
    consent_until: str | None = None
    concern_areas: list[str] = []

    for event in events:
        kind = _kind(event)
        value = event.value
        at_day = event.at[:10] if event.at else None
        if kind == "answer":
            q = event.question
            if q == "concern_date" and _date(value):
                s["concern_date"] = str(value)[:10]
            elif q == "arena" and isinstance(value, str):
                s["arena"] = value
            elif q == "role" and isinstance(value, str):
                s["actor_role"] = value
            elif q == "subject" and isinstance(value, str):
                s["subject"] = value
            elif q == "age":
                s["age"] = value if isinstance(value, int) and not isinstance(value, bool) else None
            elif q == "areas" and isinstance(value, list):
                concern_areas = [str(v) for v in value]
            elif q == "scale" and isinstance(value, int) and not isinstance(value, bool):
                s["concern_scale"] = value
            elif q == "measures":
                for row in parse_measures_value(value):
                    measures[row["id"]] = row
                    if row["service"]:
                        _add(services, row["service"])
            elif q == "consent" and isinstance(value, dict):
                if value.get("given"):
                    given = value.get("services")
                    consent_services = [str(v) for v in given] if isinstance(given, list) else []
                    until = value.get("until")
                    consent_until = str(until)[:10] if _date(until) else None
                    _add(services, consent_services)
                else:
                    consent_services, consent_until = [], None
            elif q == "baton_holder" and isinstance(value, str) and value:
                if holder is None:
                    holder = value
                elif value != holder:
                    pending_holder = value
                else:
                    pending_holder = None
            elif q == "evaluation_date" and _date(value):
                next_evaluation = str(value)[:10]
        elif kind == "decision":
            to = str(value) if value is not None else ""
            if first_decision is None and event.level == 0 and to:
                first_decision = (to, at_day or "")
            if to.startswith("level:"):
                try:
                    level = int(to.split(":", 1)[1])
                except ValueError:
                    pass
                else:
                    highest = max(highest, level)
        elif kind == "notify":
            if isinstance(value, dict) and value.get("barnevern_informed") == "advised-no-report":
                continue  # barnevern advised after an anonymous consultation: no report was made
            notified = True
            when = (value.get("notified_date") or value.get("date")) if isinstance(value, dict) else value
            notified_date = str(when)[:10] if _date(when) else at_day
        elif kind == "handover":
            offered = value.get("to") if isinstance(value, dict) else value
            if isinstance(offered, str) and offered:
                pending_holder = offered if offered != holder else None
        elif kind == "accept":
            role = value.get("role") if isinstance(value, dict) else value
            accepted = pending_holder or (role if isinstance(role, str) else None)
            if accepted:
                holder = accepted
            pending_holder = None
        elif kind == "evaluation":
            evaluations += 1
            next_evaluation = None
        elif kind == "close":
            closed = at_day
        level = max(0, min(3, level))

    s["level"] = level
    s["highest_level"] = max(highest, level)
    s["concern_areas"] = concern_areas
    s["measures"] = list(measures.values())
    s["services_involved"] = services
    s["baton_holder_role"] = holder
    s["pending_baton_holder_role"] = pending_holder
    s["consent_services"] = consent_services
    s["consent_until"] = consent_until
    s["evaluations"] = evaluations
    s["next_evaluation"] = None if closed else next_evaluation
    s["notified_barnevern"] = notified
    s["notified_date"] = notified_date
    if closed:
        s["status"] = "closed"
        s["closed"] = closed

    concern = _date(s.get("concern_date"))
    if concern is not None:
        s["decision_deadline"] = (concern + timedelta(days=deadline_days)).isoformat()
    if first_decision is not None:
        s["decision"], s["decision_date"] = first_decision[0], first_decision[1] or None
        decided = _date(first_decision[1])
        if concern is not None and decided is not None:
            days = (decided - concern).days
            s["days_to_decision"] = days
            s["decided_within_deadline"] = days <= deadline_days

    if not closed:
        s["pending_step"], s["notification_pending"] = _pending(events, process)
    return CaseSummary(**s)


def _pending(events: list[Event], process: Process | None) -> tuple[str | None, bool]:
    """(the step `bti resume` continues at, whether the case waits at the safety gate)."""
    from bti_cli.walkthrough import process as engine

    proc = process if process is not None else engine.default_process()
    pos = engine.replay(proc, events)
    waiting = engine.awaiting_notification(pos)
    action = engine.action_at(proc, pos, resume=True)
    return (None if isinstance(action, engine.Done) else action.step.id), waiting
