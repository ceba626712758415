"""SQLite index of case summaries: `<cases-dir>/index.sqlite`, one row per case file.

The case files are the truth; the index is a cache that listing, `due`, `export` and `stats`
read, and it trusts nothing but what `bti cases verify` would accept:

* a row is built only by the one reader of case files (bti_cli.caselog.rows, through
  `log.parse_case`: chain, canonical layout and the case's checkpoint included), and holds the
  SHA-256 of the bytes it was built from and the file's stat fingerprint (inode, size, mtime
  and ctime in nanoseconds; no one but the clock can set a ctime back);
* every row is sealed with a keyed checksum (rows.seal); a row whose seal does not match (one
  edited by hand) or whose file's fingerprint changed is rebuilt from the file;
* a file that verify would not accept, and every entry named like a case that is not a regular
  file (a symlink, a folder), is a *problem row* that every reader names (exit 5).

It is kept fresh in two ways: the write observer `on_case_written(log)` (passed to CaseLog by
bti_cli.caselog.store, so the log itself never imports the index) upserts the row of a case
just written; `Index.refresh()` (run by every reading command) re-reads what changed behind
its back. A changed program changes the fingerprint (summary.fingerprint): full rebuild.

The index file must be a regular file (a symlink is refused, InputError), 0600 like its
-wal/-shm files. Without a writable folder, or when the disk is full, the index lives in
memory for the run (`Index.degraded` says why) and the readers keep working read-only.

Core module: never prints. Progress is reported through a callback `(done, total)`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bti_cli.caselog import rows as _rows
from bti_cli.caselog.due import due_items
from bti_cli.caselog.rows import COLUMNS, read_case_file
from bti_cli.caselog.summary import fingerprint, summary_columns

INDEX_NAME = "index.sqlite"
INDEX_FILES = ("", "-wal", "-shm", "-journal")
FILE_MODE = 0o600
BATCH = 2000  # rows per write transaction while rebuilding
BUSY_TIMEOUT_MS = 10_000
CASE_FILE_CHECKS = ("name", "problem")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    name TEXT NOT NULL UNIQUE,      -- the case file's name
    mtime_ns INTEGER NOT NULL,      -- its stat fingerprint when the row was built
    ctime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    sha256 TEXT,                    -- the hash of the bytes the row was built from
    events INTEGER,                 -- how many events, and the last one's hash
    head TEXT,
    problem TEXT,                   -- why verify would not accept the file; NULL when indexed
    case_id TEXT,
    created TEXT,
    status TEXT,
    level INTEGER,
    highest_level INTEGER,
    arena TEXT,
    decision TEXT,
    decision_deadline TEXT,
    next_evaluation TEXT,
    pending_step TEXT,
    baton_holder_role TEXT,
    pending_baton_holder_role TEXT,
    notification_pending INTEGER,   -- 1: at the safety gate, barnevern not yet informed
    consent_until TEXT,             -- the end date of the consent given (due on it, expired after it)
    measure_dates TEXT,             -- JSON [[measure id, date, owner], ...]: the measures' dates still due
    row TEXT,                       -- the export row (bti_cli.reports.export.EXPORT_KEYS) as JSON
    mac TEXT NOT NULL               -- keyed checksum over every other column (rows.seal)
);
CREATE INDEX IF NOT EXISTS cases_created ON cases (created, case_id);
"""
_UPSERT = (
    f"INSERT OR REPLACE INTO cases ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in COLUMNS)})"
)

_suspended = False


@contextlib.contextmanager
def suspended() -> Iterator[None]:
    """Skip `on_case_written` in this process (bulk writers; the next reader catches up)."""
    global _suspended
    old, _suspended = _suspended, True
    try:
        yield
    finally:
        _suspended = old


# --------------------------------------------------------------------------- the database


def index_path(cases_dir: Path | str) -> Path:
    return Path(cases_dir) / INDEX_NAME


class IndexRefused(Exception):
    """The index file (or its -wal/-shm) is a symlink or not a regular file."""


def _check_files(path: Path) -> None:
    for suffix in INDEX_FILES:
        try:
            st = os.lstat(f"{path}{suffix}")
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(st.st_mode):
            raise IndexRefused(f"{path.name}{suffix}")


def _create_file(path: Path) -> None:
    """Create the index file 0600 before SQLite opens it (its -wal/-shm files copy the mode);
    never through a symlink."""
    _check_files(path)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IndexRefused(path.name) from None
        raise
    try:
        mode = os.fstat(fd).st_mode & 0o777
        if mode & ~FILE_MODE:
            os.fchmod(fd, mode & FILE_MODE)
    finally:
        os.close(fd)
    for suffix in INDEX_FILES[1:]:
        from bti_cli import fileio

        fileio.tighten(f"{path}{suffix}", FILE_MODE)


def _remove_database(path: Path) -> None:
    for suffix in INDEX_FILES:
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def _configure(db: sqlite3.Connection) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    with contextlib.suppress(sqlite3.DatabaseError):
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def _connect_file(path: Path) -> sqlite3.Connection:
    _create_file(path)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        _configure(db)
        db.executescript(_SCHEMA)
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _memory_database() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.executescript(_SCHEMA)
    return db


def _open_database(cases_dir: Path) -> tuple[sqlite3.Connection, bool]:
    """(connection, persistent). A damaged index file is replaced; an unwritable folder (or a
    full disk) gets an in-memory index for this run. IndexRefused for a symlinked index."""
    path = index_path(cases_dir)
    try:
        return _connect_file(path), True
    except IndexRefused:
        raise
    except sqlite3.DatabaseError:
        _remove_database(path)  # not a database (any more): start again
        with contextlib.suppress(sqlite3.DatabaseError, OSError):
            return _connect_file(path), True
    except OSError:
        pass
    return _memory_database(), False


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _reset(db: sqlite3.Connection) -> None:
    """Drop every row and (re)create the tables for the current fingerprint."""
    db.executescript(
        "BEGIN IMMEDIATE; DROP TABLE IF EXISTS cases; DROP TABLE IF EXISTS meta;"
        + _SCHEMA
        + f"INSERT INTO meta VALUES ('fingerprint', '{fingerprint()}'); COMMIT;"
    )


def _is_case_file(name: str) -> bool:
    from bti_cli.caselog.log import CASE_ID_RE

    return name.endswith(".toml") and CASE_ID_RE.match(name[:-5]) is not None


@dataclass
class Problem:
    """A case file that could not be read (the message names no personal data)."""

    name: str
    message: str

    @property
    def case_id(self) -> str:
        return self.name[:-5]


@dataclass
class Refresh:
    """What a refresh did."""

    files: int = 0
    read: int = 0
    removed: int = 0
    rebuilt: bool = False
    forged: int = 0  # rows whose seal did not match, read again from their files
    problems: list[Problem] = field(default_factory=list)


Progress = Callable[[int, int], None]
_STAT_AT = tuple(COLUMNS.index(c) for c in _rows.STAT_COLUMNS)


class Index:
    """The index of one cases folder. Use `Index.open(cases_dir)`, then `refresh()`."""

    def __init__(self, cases_dir: Path, db: sqlite3.Connection | None, persistent: bool) -> None:
        self.cases_dir = Path(cases_dir)
        self.db = db
        self.persistent = persistent
        self.degraded: str | None = None  # why the index lives in memory this run (a full disk…)

    @classmethod
    def open(cls, cases_dir: Path | str) -> Index:
        """The folder's index. InputError when the folder is not a readable folder or the index
        file is a symlink; an index in memory when the folder cannot hold one."""
        from bti_cli.caselog.log import check_cases_dir, tighten_folder
        from bti_cli.errors import InputError
        from bti_cli.i18n import t

        cases_dir = Path(cases_dir)
        if not check_cases_dir(cases_dir):
            return cls(cases_dir, None, False)  # no cases yet: nothing to index, nothing created
        tighten_folder(cases_dir)
        _rows.row_key()  # before any worker forks
        try:
            db, persistent = _open_database(cases_dir)
        except IndexRefused as exc:
            raise InputError(t("export.index_refused", name=str(exc)), hint=t("export.index_refused_hint")) from None
        index = cls(cases_dir, db, persistent)
        if not persistent:
            index.degraded = t("export.index_in_memory")
        return index

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # ---- keeping fresh

    def refresh(self, *, force: bool = False, progress: Progress | None = None) -> Refresh:
        """Bring the index up to date with the files; `force` rebuilds it from scratch. When the
        index file cannot be written (a full disk, a read-only folder), the rows are built in
        memory instead and `degraded` says why."""
        try:
            return self._refresh(force=force, progress=progress)
        except sqlite3.OperationalError as exc:
            if self.db is None or not self.persistent:
                raise
            from bti_cli.i18n import t

            self.db.close()
            self.db, self.persistent = _memory_database(), False
            self.degraded = t("export.index_degraded", reason=_sqlite_reason(exc))
            return self._refresh(force=True, progress=progress)

    def _refresh(self, *, force: bool, progress: Progress | None) -> Refresh:
        from bti_cli import fileio
        from bti_cli.caselog.log import FILE_MODE as CASE_MODE

        result = Refresh()
        db = self.db
        if db is None:
            return result
        if force or _meta(db, "fingerprint") != fingerprint():
            _reset(db)
            result.rebuilt = True
        stored: dict[str, tuple] = {}
        forged: set[str] = set()
        for values in db.execute(f"SELECT {', '.join(COLUMNS)} FROM cases"):
            name = values[0]
            if _rows.sealed(values):
                stored[name] = tuple(values[i] for i in _STAT_AT)
            else:
                forged.add(name)
        changed: list[str] = []
        seen: set[str] = set()
        with os.scandir(self.cases_dir) as entries:
            for entry in entries:
                name = entry.name
                if not _is_case_file(name):
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                seen.add(name)
                if stat.S_ISREG(st.st_mode) and st.st_mode & 0o777 & ~CASE_MODE:
                    fileio.tighten(entry.path, CASE_MODE)
                    st = os.lstat(entry.path)
                if stored.get(name) != _rows.stat_key(st):
                    changed.append(name)
        result.files = len(seen)
        result.forged = len(forged & seen)
        removed = [name for name in set(stored) | forged if name not in seen]
        del stored
        if removed:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("DELETE FROM cases WHERE name = ?", ((n,) for n in removed))
            db.execute("COMMIT")
            result.removed = len(removed)
        if changed:
            changed.sort()
            result.read = self._read_into(changed, progress)
        result.problems = self.problems()
        return result

    def _read_into(self, names: list[str], progress: Progress | None) -> int:
        from bti_cli.caselog import journal, workers

        db = self.db
        assert db is not None
        _rows.checkpoints = journal.read(self.cases_dir).heads
        folder = str(self.cases_dir)
        paths = [os.path.join(folder, n) for n in names]
        total = len(paths)
        done = 0
        if progress:
            progress(0, total)
        pending: list[tuple] = []

        def flush() -> None:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(_UPSERT, pending)
            db.execute("COMMIT")
            pending.clear()

        count = workers.worker_count(total)
        if count <= 1:
            for path in paths:
                values = read_case_file(path)
                done += 1
                if values is not None:
                    pending.append(values)
                if len(pending) >= BATCH:
                    flush()
                    if progress:
                        progress(done, total)
        else:
            # warm the caches (imports, catalogue, process) once, before the workers fork
            first = read_case_file(paths[0])
            if first is not None:
                pending.append(first)
            done = 1
            chunks = [paths[i:i + 100] for i in range(1, total, 100)]
            with workers.pool(count) as pool:
                for chunk_rows, size in zip(pool.imap(workers.read_many, chunks), map(len, chunks), strict=True):
                    pending.extend(chunk_rows)
                    done += size
                    if len(pending) >= BATCH:
                        flush()
                        if progress:
                            progress(done, total)
        if pending:
            flush()
        if progress:
            progress(total, total)
        return total

    # ---- reading

    def problems(self, *, reword: int = 20) -> list[Problem]:
        """The case files verify would not accept. The first `reword` messages are worded
        again in the current language (they were stored in the language of the run that
        read the file)."""
        if self.db is None:
            return []
        cur = self.db.execute("SELECT name, problem FROM cases WHERE problem IS NOT NULL ORDER BY name")
        problems = [Problem(name, message) for name, message in cur]
        at = COLUMNS.index("problem")
        for problem in problems[:reword]:
            values = read_case_file(os.path.join(self.cases_dir, problem.name))
            if values is not None and values[at]:
                problem.message = values[at]
        return problems

    def count(self) -> int:
        if self.db is None:
            return 0
        return self.db.execute("SELECT count(*) FROM cases WHERE problem IS NULL").fetchone()[0]

    def _where(self, *, since: str | None = None, until: str | None = None, status: str | None = None,
               level: int | None = None, include_discarded: bool = False) -> tuple[str, list[Any]]:
        clauses = ["problem IS NULL"]
        if not include_discarded and not status:
            clauses.append("(status IS NULL OR status != 'discarded')")  # `bti cases discard`
        params: list[Any] = []
        # `created` starts with its date, so plain comparisons can use the created index
        if since:
            clauses.append("created >= ?")
            params.append(since[:10])
        if until:
            clauses.append("created < ?")
            params.append((date.fromisoformat(until[:10]) + timedelta(days=1)).isoformat())
        if status:
            clauses.append("status = ?")
            params.append(status)
        if level is not None:
            clauses.append("level = ?")
            params.append(level)
        return " AND ".join(clauses), params

    def export_texts(self, **filters: Any) -> Iterator[str]:
        """The stored export rows (JSON text), oldest case first; streams."""
        if self.db is None:
            return
        where, params = self._where(**filters)
        cur = self.db.execute(f"SELECT row FROM cases WHERE {where} ORDER BY created, case_id", params)
        for (text,) in cur:
            yield text

    def export_rows(self, **filters: Any) -> Iterator[dict[str, Any]]:
        for text in self.export_texts(**filters):
            yield json.loads(text)

    def list_rows(self, *, status: str | None = None, level: int | None = None,
                  include_discarded: bool = False) -> Iterator[dict[str, Any]]:
        """The columns `bti cases list` and `bti due` show, and the case's municipality (whose
        catalogue names its ids), oldest case first; no discarded case unless
        `include_discarded` (or `status="discarded"`)."""
        if self.db is None:
            return
        where, params = self._where(status=status, level=level, include_discarded=include_discarded)
        keys = ("case_id", "created", "status", "level", "highest_level", "arena", "decision",
                "decision_deadline", "next_evaluation", "pending_step", "baton_holder_role",
                "pending_baton_holder_role", "notification_pending", "consent_until", "measure_dates")
        # the municipality is a field of the stored export row
        cur = self.db.execute(f"SELECT {', '.join(keys)}, json_extract(row, '$.municipality') FROM cases "
                              f"WHERE {where} ORDER BY created, case_id", params)
        for values in cur:
            row = dict(zip(keys, values[:-1], strict=True))
            row["notification_pending"] = bool(row["notification_pending"])
            row["municipality"] = values[-1]
            row["measure_dates"] = json.loads(row["measure_dates"]) if row["measure_dates"] else []
            yield row


def _sqlite_reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    return text if text in ("database or disk is full", "attempt to write a readonly database",
                            "disk I/O error", "database is locked") else type(exc).__name__


# --------------------------------------------------------------------------- the write observer


_hook_connections: dict[tuple[int, str], tuple[sqlite3.Connection, int]] = {}


def _close_hook_connections() -> None:
    """Close the kept connections (each holds three files of a WAL database open)."""
    while _hook_connections:
        _, (db, _) = _hook_connections.popitem()
        with contextlib.suppress(sqlite3.Error):
            db.close()


def _hook_database(folder: Path) -> sqlite3.Connection | None:
    """A connection kept open for this process's writes (closing the last connection of a
    WAL database checkpoints it, which costs an fsync per answered step); reopened when the
    index file was replaced. None when the index cannot live in this folder."""
    path = index_path(folder)
    key = (os.getpid(), str(path))
    cached = _hook_connections.get(key)
    try:
        inode = os.lstat(path).st_ino
    except OSError:
        inode = None
    if cached is not None:
        db, known = cached
        if inode == known:
            return db
        _hook_connections.pop(key, None)
        with contextlib.suppress(sqlite3.Error):
            db.close()
    _close_hook_connections()  # one kept connection: a process writing to many folders holds no more
    try:
        db, persistent = _open_database(folder)
    except IndexRefused:
        return None  # the readers say so
    if not persistent:
        db.close()
        return None
    stamp = _meta(db, "fingerprint")
    if stamp is None:
        db.execute("INSERT OR IGNORE INTO meta VALUES ('fingerprint', ?)", (fingerprint(),))
    elif stamp != fingerprint():
        db.close()
        return None  # an index of another bti: the next reader rebuilds it
    # a walkthrough waits at most a second for a reader's write batch; on a timeout the
    # write stands and the next reader re-reads the case
    db.execute("PRAGMA busy_timeout = 1000")
    _hook_connections[key] = (db, os.lstat(path).st_ino)
    return db


def on_case_written(log) -> None:
    """Upsert the row of a case that caselog has just written (called under its lock).

    Cheap: the case is replayed from memory (the bytes just written, which verify accepts)
    and its row written in one small transaction on a connection kept for the process. Never
    creates a cases folder; an index of another bti version is left for the next reader."""
    if _suspended:
        return
    path = Path(log.path)
    st = os.lstat(path)
    columns = summary_columns(log.header, log.events)
    db = _hook_database(path.parent)
    if db is not None:
        digest = hashlib.sha256(log.raw).hexdigest()
        db.execute(_UPSERT, _rows.values(path.name, st, sha256=digest, events=len(log.events),
                                         head=log.head_hash, columns=columns))


__all__ = [
    "INDEX_NAME", "Index", "Problem", "Refresh", "due_items", "fingerprint", "index_path",
    "on_case_written", "read_case_file", "suspended",
]
