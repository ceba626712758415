"""A case's row in the index: the case replayed (bti_cli.caselog.state) into the columns that
listing, `due`, `export` and `stats` read, and the fingerprint of everything a row depends on.

Core module: never prints. Imports the replay, the process engine and the export row lazily.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

INDEX_FORMAT = 4  # bump when the table layout or the stored row changes

# the modules whose code decides what a row holds (their bytes are in the fingerprint)
ROW_CODE = ("caselog/state.py", "caselog/summary.py", "caselog/rows.py", "caselog/log.py", "caselog/index.py",
            "walkthrough/process.py", "reports/export.py")


@cache
def fingerprint() -> str:
    """Changes whenever the stored rows could change: the index format, the bti version, the
    summary and process code, and the shipped process and municipality data."""
    from bti_cli import __version__
    from bti_cli.datafiles import data_dir

    digest = hashlib.sha256(f"{INDEX_FORMAT}:{__version__}".encode())
    package = Path(__file__).resolve().parent.parent
    parts = [package / name for name in ROW_CODE]
    with contextlib.suppress(OSError):
        parts += sorted((p for p in data_dir().iterdir() if p.name.endswith(".toml")),
                        key=lambda p: p.name)
    for part in parts:
        try:
            data = part.read_bytes()
        except OSError:
            data = b"-"
        digest.update(part.name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class _Context:
    process: Any
    deadline_days: int


@cache
def _context(municipality: str) -> _Context:
    """The municipality's process (with its overrides) and decision deadline, for summaries."""
    from bti_cli.errors import BtiError

    loaded = _loaded_catalogue(municipality)
    try:
        from bti_cli.walkthrough import process

        proc = process.load_for(loaded) if loaded is not None else process.default_process()
    except (BtiError, OSError, ImportError, AttributeError):
        return _Context(None, _deadline(loaded))
    return _Context(proc, int(getattr(proc, "deadline_days", _deadline(loaded))))


def _deadline(loaded: Any) -> int:
    try:
        return int(loaded.catalogue.settings.decision_deadline_days)
    except AttributeError:
        return 14


def _loaded_catalogue(municipality: str) -> Any:
    """The municipality's catalogue: one the CLI loaded already in this run (maybe from a
    `--data` file), else the shipped one; None when there is none."""
    from bti_cli.catalogue import loader as catalogue
    from bti_cli.errors import BtiError

    loaded = catalogue.loaded_in_run(municipality)
    if loaded is not None:
        return loaded
    try:
        return catalogue.load(municipality)
    except (BtiError, OSError):
        return None


def summary_columns(header: Any, events: list[Any]) -> dict[str, Any]:
    """Replay a case into the stored columns (everything but name, stat and problem)."""
    from bti_cli.caselog import state
    from bti_cli.reports.export import dumps_row, export_row

    ctx = _context(header.municipality)
    kwargs: dict[str, Any] = {"deadline_days": ctx.deadline_days}
    if ctx.process is not None:
        kwargs["process"] = ctx.process
    summary = state.summarise(header, events, **kwargs).model_dump()
    return {
        "case_id": summary["case_id"],
        "created": summary["created"],
        "status": summary["status"],
        "level": summary["level"],
        "highest_level": summary["highest_level"],
        "arena": summary["arena"],
        "decision": summary["decision"],
        "decision_deadline": summary["decision_deadline"],
        "next_evaluation": summary["next_evaluation"],
        "pending_step": summary["pending_step"],
        "baton_holder_role": summary["baton_holder_role"],
        "pending_baton_holder_role": summary["pending_baton_holder_role"],
        "notification_pending": 1 if summary["notification_pending"] else 0,
        "consent_until": summary["consent_until"] if summary["status"] == "open" else None,
        "measure_dates": _measure_dates(summary),
        "row": dumps_row(export_row(summary)),
    }


def _measure_dates(summary: dict[str, Any]) -> str | None:
    """The measures whose date is still a deadline, as JSON `[[id, date, owner], …]` (None: none)."""
    import json

    due = [[o["id"], o["date"], o.get("owner")] for o in summary.get("measure_owners") or []
           if o.get("due") and o.get("date")]
    return json.dumps(due, ensure_ascii=False, separators=(",", ":")) if due else None
