"""Due dates: the level-0 decisions and evaluations of open cases that fall due, from index rows.

Core module: standard library only; never prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any


def due_items(rows: Iterator[dict[str, Any]] | list[dict[str, Any]], *, as_of: date,
              within: int | None = 14) -> list[dict[str, Any]]:
    """Decisions (level 0, no decision yet) and evaluations of open cases falling due on or
    before `as_of + within` days (every one when `within` is None), soonest first.

    A case waiting at the safety gate (barnevern not yet informed) is due at once: a `notify`
    item dated `as_of` (today), whatever `within` is (barnevernsloven § 13-2: "straks").

    A measure's date (its start or deadline, with its owner) is a `measure` item until the next
    evaluation meeting; a consent's end date is a `consent` item, due on that day (the consent
    holds through it) and overdue from the day after, when it has run out."""
    limit = None if within is None else (as_of + timedelta(days=within)).isoformat()
    items = []
    for row in rows:
        if row["status"] != "open":
            continue
        due: list[tuple[str, str, dict[str, Any]]] = []
        if row.get("notification_pending"):
            due.append(("notify", as_of.isoformat(), {}))
        if row.get("decision") is None and row.get("decision_deadline"):
            due.append(("decision", row["decision_deadline"], {}))
        if row.get("next_evaluation"):
            due.append(("evaluation", row["next_evaluation"], {}))
        if row.get("consent_until"):
            due.append(("consent", row["consent_until"], {}))
        for measure in row.get("measure_dates") or []:
            if isinstance(measure, list) and len(measure) == 3 and measure[1]:
                due.append(("measure", measure[1], {"measure": measure[0], "owner": measure[2]}))
        for what, when, extra in due:
            when = str(when)[:10]
            if limit is not None and when > limit:
                continue
            try:
                days_left = (date.fromisoformat(when) - as_of).days
            except ValueError:
                continue
            items.append({
                "case_id": row.get("case_id"), "what": what, "due": when, "days_left": days_left,
                "overdue": days_left < 0, "level": row.get("level"),
                "baton_holder_role": row.get("baton_holder_role"), "measure": None, "owner": None, **extra,
            })
    items.sort(key=lambda r: (r["due"], r["case_id"] or "", r["what"], r.get("measure") or ""))
    return items
