"""Reading one case file into its index row, and the keyed checksum that lets a row be trusted.

A row holds, beside the summary columns, what it was built from: the file's stat fingerprint
(inode, size, mtime and ctime in ns), the SHA-256 of its bytes, its event count and head. The
file is read through THE reader of case files (`log.parse_case`, the one `bti cases verify`
uses: TOML, models, chain, byte-canonical layout, and the case's checkpoint from the journal),
so a row exists only for bytes that verify accepts; anything else becomes a *problem row*
that every reader reports.

Every row also carries `mac`, an HMAC-SHA256 over all its other columns with a key kept in the
user's cache folder (never in the cases folder). A row changed by hand (a level, a status, a
fingerprint made to match) no longer matches its mac, and the index reads the file again.

Core module: never prints; never raises for a bad file (one bad file never stops the others).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from functools import cache
from typing import Any

from bti_cli.caselog.journal import Checkpoint

COLUMNS = (
    "name", "mtime_ns", "ctime_ns", "size", "ino", "sha256", "events", "head", "problem", "case_id",
    "created", "status", "level", "highest_level", "arena", "decision", "decision_deadline",
    "next_evaluation", "pending_step", "baton_holder_role", "pending_baton_holder_role", "notification_pending",
    "consent_until", "measure_dates", "row", "mac",
)
STAT_COLUMNS = ("mtime_ns", "ctime_ns", "size", "ino")
KEY_NAME = "index.key"

# the checkpoints of the folder being read (set by the index before it reads, inherited by
# forked workers); a case without one is checked for its own chain and layout only
checkpoints: dict[str, Checkpoint] = {}


@cache
def row_key() -> bytes:
    """This user's key for row checksums: `<cache dir>/index.key` (created 0600 on first use);
    a key for this run only when the cache folder cannot hold one (rows are then re-read)."""
    from bti_cli import fileio
    from bti_cli.paths import cache_dir

    path = cache_dir() / KEY_NAME
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            key = handle.read(65)
        if len(key) == 32:
            return key
    except OSError:
        pass
    key = os.urandom(32)
    try:
        fileio.ensure_dir(path.parent)
        if not fileio.atomic_write(path, key, exclusive=True):
            with open(path, "rb") as handle:  # another bti made one meanwhile: use theirs
                theirs = handle.read(65)
            return theirs if len(theirs) == 32 else key
    except OSError:
        pass
    return key


def seal(values: tuple) -> tuple:
    """The row with its mac (the last column) computed over every other column."""
    body = values[:-1]
    return (*body, _mac(body))


def _mac(body: tuple) -> str:
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(row_key(), text.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:32]


def sealed(values: tuple) -> bool:
    """True when the row's mac matches its other columns (it was written by bti, for this key)."""
    return hmac.compare_digest(str(values[-1] or ""), _mac(tuple(values[:-1])))


def values(name: str, st: os.stat_result | None, *, problem: str | None = None, sha256: str | None = None,
           events: int | None = None, head: str | None = None, columns: dict[str, Any] | None = None) -> tuple:
    """A sealed row in COLUMNS order."""
    columns = columns or {}
    base: dict[str, Any] = {
        "name": name, "mtime_ns": st.st_mtime_ns if st else 0, "ctime_ns": st.st_ctime_ns if st else 0,
        "size": st.st_size if st else 0, "ino": st.st_ino if st else 0, "sha256": sha256, "events": events,
        "head": head, "problem": problem,
    }
    if problem is not None:
        base["case_id"] = name[:-5]
    return seal(tuple(base.get(c, columns.get(c)) for c in COLUMNS[:-1]) + (None,))


def stat_key(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


def read_case_file(path: str) -> tuple | None:
    """The sealed row of one case file (a problem row when verify would not accept it); None
    when the file vanished meanwhile. Never raises for a bad file."""
    from bti_cli import fileio
    from bti_cli.caselog import log
    from bti_cli.i18n import t

    name = os.path.basename(path)
    case_id = name[:-5]
    try:
        lst = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return values(name, None, problem=log.problem_text(case_id, [log.unreadable(exc)]))
    if not stat.S_ISREG(lst.st_mode):
        return values(name, lst, problem=log.problem_text(case_id, [t("caselog.p_not_regular")]))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        return values(name, lst, problem=log.problem_text(case_id, [log.unreadable(exc)]))
    try:
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            raw = fileio.read_capped(handle, log.MAX_CASE_BYTES)
    except OSError as exc:
        return values(name, lst, problem=log.problem_text(case_id, [log.unreadable(exc)]))
    digest = hashlib.sha256(raw).hexdigest()
    try:
        parsed = log.parse_case(raw, case_id, checkpoints.get(case_id))
        if parsed.newer:
            return values(name, st, sha256=digest, problem=t("caselog.newer", case=case_id))
        if not parsed.readable or parsed.problems or parsed.header is None:
            return values(name, st, sha256=digest, problem=log.problem_text(case_id, parsed.problems))
        from bti_cli.caselog.summary import summary_columns

        events = parsed.events
        head = events[-1].hash if events else log.header_hash(parsed.header)
        columns = summary_columns(parsed.header, events)
    except Exception as exc:  # noqa: BLE001 - one odd case must not stop the index
        if os.environ.get("BTI_DEBUG") == "1":
            raise
        return values(name, st, sha256=digest, problem=t("export.p_summary", case=case_id, error=type(exc).__name__))
    return values(name, st, sha256=digest, events=len(events), head=head, columns=columns)


__all__ = ["COLUMNS", "checkpoints", "read_case_file", "row_key", "seal", "sealed", "stat_key", "values"]
