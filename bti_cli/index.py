"""SQLite index of case summaries (being written by the export/index engineer).

Contract used by other modules: `on_case_written(log)` is called by caselog after every
successful write of a case file.
"""

from __future__ import annotations


def on_case_written(log) -> None:  # noqa: ARG001 - filled in by the index work
    return None
