"""Opening case logs with the index told about every write: the one place that knows both.

`bti_cli.caselog.log` writes case files and knows nothing of the index; the index
(`bti_cli.caselog.index`) reads case files through the log's reader. Front ends open and
create cases here, so that every durable write also updates the case's index row (the
observer pattern: `CaseLog(..., observer=index.on_case_written)`).

Core module: never prints.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bti_cli.caselog.log import CaseLog


def _observer():
    from bti_cli.caselog import index

    return index.on_case_written


def create_case(cases_dir: Path, *, municipality: str, catalogue_version: str, process_version: str,
                now: datetime | str | None = None) -> CaseLog:
    """A new case file (see CaseLog.create) whose writes update the index."""
    return CaseLog.create(cases_dir, municipality=municipality, catalogue_version=catalogue_version,
                          process_version=process_version, now=now, observer=_observer())


def open_case(cases_dir: Path, case_id: str, *, check: bool = True) -> CaseLog:
    """An existing case (see CaseLog.open) whose writes update the index."""
    return CaseLog.open(cases_dir, case_id, check=check, observer=_observer())


__all__ = ["create_case", "open_case"]
