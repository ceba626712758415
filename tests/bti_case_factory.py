"""Build small, fictitious case files through the real case writer (caselog.CaseLog), for the
index, export, stats and listing tests. No personal data: roles, ages in years, dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any


def _at(day: str, minute: int) -> str:
    return f"{day}T09:{minute % 60:02d}:00Z"


def make_case(
    cases_dir: Path,
    *,
    created: str = "2026-03-02",
    concern_date: str | None = None,
    arena: str | None = "school",
    age: int | None = 7,
    areas: list[str] | None = None,
    scale: int | None = 2,
    decision: str | None = "level:1",
    decided: str | None = None,
    measures: dict[str, list[str]] | None = None,
    baton_holder: str | None = None,
    evaluation_date: str | None = None,
    notify: bool = False,
    close_on: str | None = None,
    closing_reason: str = "goal-reached",
    observations: str = "Virker sliten om morgenen.",
    events: list[tuple[int, str, str, str | None, Any, str]] | None = None,
    municipality: str = "loten",
) -> str:
    """One case: the level-0 answers, a decision on `decided` (default: created + 5 days), and
    optionally measures, a baton holder, an evaluation date, a notification, further `events`
    ((level, step, kind, question, value, day), e.g. a child's view, a handover, an evaluation
    meeting) and a close with its reason."""
    from bti_cli.caselog.store import create_case as _create

    log = _create(cases_dir, municipality=municipality, catalogue_version="0123456789abcdef",
                         process_version="fedcba9876543210", now=f"{created}T08:30:00Z")
    concern_date = concern_date or created
    minute = 0

    def add(level: int, step: str, kind: str, question: str | None = None, value: Any = None,
            day: str = created) -> None:
        nonlocal minute
        minute += 1
        log.append(level=level, step=step, kind=kind, question=question, value=value,
                   actor_role="kontaktlærer", at=_at(day, minute))

    add(0, "l0-concern", "answer", "concern_date", concern_date)
    if arena is not None:
        add(0, "l0-concern", "answer", "arena", arena)
    add(0, "l0-concern", "answer", "subject", "child")
    if age is not None:
        add(0, "l0-concern", "answer", "age", age)
    add(0, "l0-concern", "answer", "areas", areas if areas is not None else ["learning"])
    add(0, "l0-concrete", "answer", "observations", observations)
    if scale is not None:
        add(0, "l0-concrete", "answer", "scale", scale)
    level = 0
    if decision is not None:
        day = decided or (date.fromisoformat(created) + timedelta(days=5)).isoformat()
        add(0, "l0-decide", "decision", value=decision, day=day)
        if decision.startswith("level:"):
            level = int(decision[6:])
        if decision == "notify":
            notify = True
    if notify:
        add(level, "notify", "answer", "barnevern_informed", True)
        add(level, "notify", "notify", value={"notified_date": created})
    if measures:
        add(level, f"l{max(level, 1)}-plan", "answer", "measures", measures)
    if baton_holder:
        add(level, f"l{max(level, 1)}-plan", "answer", "baton_holder", baton_holder)
    if evaluation_date:
        add(level, f"l{max(level, 1)}-plan", "answer", "evaluation_date", evaluation_date)
    for event_level, step, kind, question, value, day in events or ():
        add(event_level, step, kind, question, value, day=day)
    if close_on:
        add(level, "close", "answer", "closing_reason", closing_reason, day=close_on)
        add(level, "close", "close", value={"closing_reason": closing_reason}, day=close_on)
    return log.case_id


def measure(service: str, *tiers: str) -> list[str]:
    """The stored form of one measure's service and tiers."""
    return [f"service:{service}", *(f"tier:{t}" for t in tiers)]
