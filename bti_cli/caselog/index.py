"""SQLite index of case summaries: `<cases-dir>/index.sqlite`, one row per case file.

The case files are the truth; the index is a cache that listing, `due`, `export` and `stats`
read. It is kept fresh in two ways:

* `on_case_written(log)` (called by caselog after every durable write, under the case's lock)
  replays that one case from memory and upserts its row: one small SQLite transaction;
* `Index.refresh()` (run by every reading command) compares each case file's name, mtime_ns,
  size and inode with the stored values and re-reads only the files that were added or
  changed behind its back, and drops the rows of removed files. A changed program (summary
  code, process or shipped data) changes the index fingerprint, which forces a full rebuild;
  so does `bti cases reindex`.

Reading a file: a fast path parses the exact TOML layout caselog writes, checks the header,
every event and the hash chain, and replays the events with `state.summarise`. Anything the
fast path does not accept goes through `CaseLog.open` itself (strict: TOML, models, chain and
canonical layout), so a file is indexed when caselog would open it. A file that
cannot be read is kept as a *problem* row (never a traceback) and reported by every reader.
Large rebuilds run in worker processes. The index file is 0600; without a writable cases
folder the index lives in memory for the run.

Core module: never prints. Progress is reported through a callback `(done, total)`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

INDEX_NAME = "index.sqlite"
INDEX_FORMAT = 2  # bump when the table layout or the stored row changes
FILE_MODE = 0o600
PARALLEL_MIN = 400  # files to (re)read before worker processes pay off
BATCH = 2000  # rows per write transaction while rebuilding
BUSY_TIMEOUT_MS = 10_000

CASE_ID_RE = re.compile(r"^BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}$")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
_BARE_KEY_RE = re.compile(r"^[A-Za-z0-9_-]+$")
HEADER_KEYS = frozenset(
    ("schema_version", "case_id", "municipality", "catalogue_version", "process_version", "created")
)
EVENT_KEYS = frozenset(
    ("seq", "at", "level", "step", "kind", "question", "value", "actor_role", "prev_hash", "hash")
)
EVENT_REQUIRED = frozenset(("seq", "at", "level", "step", "kind", "prev_hash", "hash"))
EVENT_KINDS = frozenset(("answer", "decision", "notify", "handover", "accept", "evaluation", "close", "note"))

# stored columns, in table order
COLUMNS = (
    "name", "mtime_ns", "size", "ino", "problem", "case_id", "created", "status", "level",
    "highest_level", "arena", "decision", "decision_deadline", "next_evaluation", "pending_step",
    "baton_holder_role", "pending_baton_holder_role", "notification_pending", "row",
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    name TEXT NOT NULL UNIQUE,      -- the case file's name
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    problem TEXT,                   -- why the file could not be read; NULL when indexed
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
    row TEXT                        -- the export row (bti_cli.reports.export.EXPORT_KEYS) as JSON
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


# --------------------------------------------------------------------------- the fingerprint


@cache
def fingerprint() -> str:
    """Changes whenever the stored rows could change: the index format, the bti version, the
    summary and process code, and the shipped process and municipality data."""
    from bti_cli import __version__
    from bti_cli.datafiles import data_dir

    digest = hashlib.sha256(f"{INDEX_FORMAT}:{__version__}".encode())
    package = Path(__file__).resolve().parent.parent
    parts = [package / "caselog" / "state.py", package / "walkthrough" / "process.py",
             package / "reports" / "export.py", package / "caselog" / "index.py"]
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


# --------------------------------------------------------------------------- reading case files


class _NotFast(Exception):
    """The fast path cannot vouch for this file: let caselog decide."""


class _Ev:
    """A lightweight event (the attributes `state` and `process` read)."""

    __slots__ = ("seq", "at", "level", "step", "kind", "question", "value", "actor_role")

    def __init__(self, seq: int, at: str, level: int, step: str, kind: str, question: str | None,
                 value: Any, actor_role: str | None) -> None:
        self.seq = seq
        self.at = at
        self.level = level
        self.step = step
        self.kind = kind
        self.question = question
        self.value = value
        self.actor_role = actor_role

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> _Ev:
        return cls(table["seq"], table["at"], table["level"], table["step"], table["kind"],
                   table.get("question"), table.get("value"), table.get("actor_role"))


class _Header:
    __slots__ = ("schema_version", "case_id", "municipality", "catalogue_version", "process_version", "created")

    def __init__(self, table: dict[str, Any]) -> None:
        for key in self.__slots__:
            setattr(self, key, table[key])


_decode_json = json.JSONDecoder().decode
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_known_keys: set[str] = set()


def _scalar(text: str) -> Any:
    """A TOML value as tomli_w writes it on one line (basic strings, integers, booleans,
    one-line arrays of those); anything else is not for the fast path."""
    first = text[:1]
    if first == '"':
        if text[-1] == '"' and "\\" not in text and text.count('"') == 2 and len(text) > 1:
            return text[1:-1]
    elif text.isascii() and text.isdigit() and (first != "0" or text == "0"):
        return int(text)
    elif text == "true":
        return True
    elif text == "false":
        return False
    if not text or first in "{'" or "\\/" in text:
        raise _NotFast
    try:
        value = _decode_json(text)
    except ValueError:
        raise _NotFast from None
    if value is None or isinstance(value, (float, dict)):
        raise _NotFast
    return value


def _key(key: str) -> str:
    if key not in _known_keys:
        if not _BARE_KEY_RE.match(key):
            raise _NotFast
        if len(_known_keys) < 10_000:
            _known_keys.add(key)
    return key


_S = r'"([^"\\\n]*)"'  # a basic string without escapes
_SIMPLE_EVENT_RE = re.compile(
    r"seq = (0|[1-9][0-9]*)\n"
    rf"at = {_S}\n"
    r"level = ([0-3])\n"
    rf"step = {_S}\n"
    r'kind = "([a-z]+)"\n'
    rf"(?:question = {_S}\n)?"
    r"(?:value = ([^\n\[{][^\n]*)\n)?"
    rf"(?:actor_role = {_S}\n)?"
    r'prev_hash = "([0-9a-f]{64})"\n'
    r'hash = "([0-9a-f]{64})"\n?'
)
_EVENT_SEPARATOR = "\n\n[[events]]\n"


def parse_fast(text: str) -> dict[str, Any]:
    """Parse the TOML subset caselog writes (via tomli_w) into what tomllib would return.

    Raises _NotFast for anything outside that subset; the caller then uses tomllib."""
    if _CONTROL_RE.search(text):
        raise _NotFast
    head, *blocks = text.split(_EVENT_SEPARATOR)
    root = _parse_lines(head.split("\n"), subtables=False)
    if blocks:
        if "events" in root:
            raise _NotFast
        events = root["events"] = []
        match = _SIMPLE_EVENT_RE.fullmatch
        for block in blocks:
            m = match(block)
            if m is None:
                events.append(_parse_lines(block.split("\n"), subtables=True))
                continue
            seq, at, level, step, kind, question, value, actor_role, prev_hash, digest = m.groups()
            event: dict[str, Any] = {"seq": int(seq), "at": at, "level": int(level), "step": step, "kind": kind}
            if question is not None:
                event["question"] = question
            if value is not None:
                event["value"] = _scalar(value)
            if actor_role is not None:
                event["actor_role"] = actor_role
            event["prev_hash"] = prev_hash
            event["hash"] = digest
            events.append(event)
    return root


def _parse_lines(lines: list[str], *, subtables: bool) -> dict[str, Any]:
    """`key = value` lines (and, in an event, `[events.KEY…]` subtables)."""
    root: dict[str, Any] = {}
    current = root
    count = len(lines)
    i = 0
    while i < count:
        line = lines[i]
        i += 1
        if not line or line[0] == "#":
            continue
        if line[0] == "[":
            if not (subtables and line.startswith("[events.") and line[-1] == "]"):
                raise _NotFast
            table = root
            for part in line[8:-1].split("."):
                sub = table.get(_key(part))
                if sub is None:
                    sub = table[part] = {}
                elif not isinstance(sub, dict):
                    raise _NotFast
                table = sub
            if table:  # a table defined twice
                raise _NotFast
            current = table
            continue
        key, sep, rest = line.partition(" = ")
        if not sep or _key(key) in current:
            raise _NotFast
        if rest == "[":
            items = []
            while True:
                if i >= count:
                    raise _NotFast
                item = lines[i]
                i += 1
                if item == "]":
                    break
                if not item.startswith("    ") or item[-1:] != "," or item[4:5] in ("[", "{", " "):
                    raise _NotFast
                items.append(_scalar(item[4:-1]))
            current[key] = items
        else:
            current[key] = _scalar(rest)
    return root


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int))  # bool is an int


def _answer_ok(value: Any) -> bool:
    if value is None or _is_scalar(value):
        return True
    if isinstance(value, list):
        return all(_is_scalar(v) for v in value)
    if isinstance(value, dict):
        return all(_is_scalar(v) or (isinstance(v, list) and all(_is_scalar(x) for x in v))
                   for v in value.values())
    return False


def _plain_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _stripped(value: Any) -> bool:
    return isinstance(value, str) and bool(value) and value == value.strip()


@cache
def _canonical_encoder() -> Callable[[Any], str]:
    """caselog.canonical_json's encoder, built once (a different result only costs speed:
    the file then goes through CaseLog.open)."""
    from bti_cli.caselog.log import _json_default

    return json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                            default=_json_default).encode


def read_fast(raw: bytes, expected_id: str) -> tuple[_Header, list[_Ev]]:
    """Header and events of a canonical, intact case file; _NotFast for anything else.

    Parses, checks and hashes in one pass. Most events match `_SIMPLE_EVENT_RE`; for those,
    the canonical JSON that caselog hashes is assembled from the matched text itself (the
    regex admits only strings that JSON writes unchanged); other events are parsed line by
    line and hashed through the encoder. Any doubt raises _NotFast: caselog decides."""
    from bti_cli.caselog.log import header_hash
    from bti_cli.caselog.models import SCHEMA_VERSION

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotFast from None
    if _CONTROL_RE.search(text):
        raise _NotFast
    head_text, *blocks = text.split(_EVENT_SEPARATOR)
    head = _parse_lines(head_text.split("\n"), subtables=False)
    if set(head) != HEADER_KEYS:
        raise _NotFast
    version = head["schema_version"]
    if not _plain_int(version) or not 1 <= version <= SCHEMA_VERSION:
        raise _NotFast
    if head["case_id"] != expected_id or not isinstance(head["created"], str):
        raise _NotFast
    municipality = head["municipality"]
    if not isinstance(municipality, str) or not _SLUG_RE.match(municipality) or len(municipality) > 80:
        raise _NotFast
    if not (_stripped(head["catalogue_version"]) and _stripped(head["process_version"])):
        raise _NotFast
    prev = header_hash(head)
    encode = _canonical_encoder()
    sha256 = hashlib.sha256
    match = _SIMPLE_EVENT_RE.fullmatch
    kinds = EVENT_KINDS
    events = []
    for index, block in enumerate(blocks):
        m = match(block)
        if m is None:
            prev = _check_table(_parse_lines(block.split("\n"), subtables=True), index, prev, events)
            continue
        seq, at, level, step, kind, question, value_text, actor_role, prev_hash, digest = m.groups()
        if prev_hash != prev or int(seq) != index or kind not in kinds or not step or step != step.strip():
            raise _NotFast
        parts = [f'"actor_role":"{actor_role}",' if actor_role is not None else "",
                 f'"at":"{at}","kind":"{kind}","level":{level},"prev_hash":"{prev_hash}",',
                 f'"question":"{question}",' if question is not None else "",
                 f'"seq":{seq},"step":"{step}"']
        value = None
        if value_text is not None:
            value = _scalar(value_text)  # a string, an integer or a boolean (no arrays here)
            kind_of = type(value)
            if kind_of is bool or (kind_of is str and "\\" not in value_text and "\t" not in value_text) or (
                kind_of is int and value_text.isdigit()
            ):
                parts.append(',"value":' + value_text)  # JSON writes it the same way
            elif kind_of in (str, int):
                parts.append(',"value":' + encode(value))
            else:
                raise _NotFast
        if sha256(("{" + "".join(parts) + "}").encode("utf-8")).hexdigest() != digest:
            raise _NotFast
        events.append(_Ev(index, at, int(level), step, kind, question, value, actor_role))
        prev = digest
    return _Header(head), events


def _check_table(table: dict[str, Any], index: int, prev: str, events: list[_Ev]) -> str:
    """Check one event parsed line by line, hash it, append it; returns its hash."""
    if not EVENT_REQUIRED.issubset(table) or not EVENT_KEYS.issuperset(table):
        raise _NotFast
    level = table["level"]
    digest = table["hash"]
    if (
        table["prev_hash"] != prev or table["seq"] != index or type(table["seq"]) is not int
        or type(level) is not int or not 0 <= level <= 3 or table["kind"] not in EVENT_KINDS
        or type(table["at"]) is not str or not _stripped(table["step"])
        or type(digest) is not str or not _HEX64_RE.match(digest)
        or type(table.get("question", "")) is not str or type(table.get("actor_role", "")) is not str
        or not _answer_ok(table.get("value"))
    ):
        raise _NotFast
    body = table.copy()
    del body["hash"]
    if hashlib.sha256(_canonical_encoder()(body).encode("utf-8")).hexdigest() != digest:
        raise _NotFast
    events.append(_Ev.from_table(table))
    return digest


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
        "row": dumps_row(export_row(summary)),
    }


def _values(name: str, st: os.stat_result, problem: str | None, columns: dict[str, Any] | None) -> tuple:
    columns = columns or {}
    base = {"name": name, "mtime_ns": st.st_mtime_ns, "size": st.st_size, "ino": st.st_ino, "problem": problem}
    if problem is not None:
        base["case_id"] = name[:-5]
    return tuple(base.get(c, columns.get(c)) for c in COLUMNS)


def read_case_file(path: str) -> tuple | None:
    """The stored row of one case file (a problem row when it cannot be read); None when the
    file vanished meanwhile. Never raises for a bad file."""
    from bti_cli.errors import BtiError, CaseNotFound

    name = os.path.basename(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        st = _lstat(path)
        return None if st is None else _values(name, st, _unreadable(exc), None)
    try:
        st = os.fstat(fd)
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return _values(name, _lstat(path) or os.stat_result((0,) * 10), _unreadable(exc), None)
    case_id = name[:-5]
    try:
        header, events = read_fast(raw, case_id)
    except _NotFast:
        from bti_cli.caselog.log import CaseLog

        try:
            log = CaseLog.open(os.path.dirname(path) or ".", case_id)
        except CaseNotFound:
            return None
        except BtiError as exc:
            return _values(name, st, exc.message, None)
        except OSError as exc:
            return _values(name, st, _unreadable(exc), None)
        header, events = log.header, log.events
    try:
        columns = summary_columns(header, events)
    except Exception as exc:  # noqa: BLE001 - one odd case must not stop the index
        from bti_cli.i18n import t

        return _values(name, st, t("export.p_summary", case=case_id, error=type(exc).__name__), None)
    return _values(name, st, None, columns)


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _unreadable(exc: OSError) -> str:
    from bti_cli.i18n import t

    return t("export.p_unreadable", reason=exc.strerror or type(exc).__name__)


def _read_many(paths: list[str]) -> list[tuple]:
    out = []
    for path in paths:
        values = read_case_file(path)
        if values is not None:
            out.append(values)
    return out


# --------------------------------------------------------------------------- the database


def index_path(cases_dir: Path | str) -> Path:
    return Path(cases_dir) / INDEX_NAME


def _create_file(path: Path) -> None:
    """Create the index file 0600 before SQLite opens it (its -wal/-shm files copy the mode)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        mode = os.fstat(fd).st_mode & 0o777
        if mode & ~FILE_MODE:
            os.fchmod(fd, mode & FILE_MODE)
    finally:
        os.close(fd)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
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


def _open_database(cases_dir: Path) -> tuple[sqlite3.Connection, bool]:
    """(connection, persistent). A damaged index file is replaced; an unwritable folder gets
    an in-memory index for this run."""
    path = index_path(cases_dir)
    try:
        return _connect_file(path), True
    except sqlite3.DatabaseError:
        _remove_database(path)  # not a database (any more): start again
        with contextlib.suppress(sqlite3.DatabaseError, OSError):
            return _connect_file(path), True
    except OSError:
        pass
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.executescript(_SCHEMA)
    return db, False


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _reset(db: sqlite3.Connection) -> None:
    """Drop every row and (re)create the tables for the current fingerprint."""
    db.executescript(
        "BEGIN IMMEDIATE; DROP TABLE IF EXISTS cases; DROP TABLE IF EXISTS meta;"
        + _SCHEMA
        + f"INSERT INTO meta VALUES ('fingerprint', '{fingerprint()}'); COMMIT;"
    )


def _is_case_file(name: str) -> bool:
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
    problems: list[Problem] = field(default_factory=list)


Progress = Callable[[int, int], None]


class Index:
    """The index of one cases folder. Use `Index.open(cases_dir)`, then `refresh()`."""

    def __init__(self, cases_dir: Path, db: sqlite3.Connection | None, persistent: bool) -> None:
        self.cases_dir = Path(cases_dir)
        self.db = db
        self.persistent = persistent

    @classmethod
    def open(cls, cases_dir: Path | str) -> Index:
        cases_dir = Path(cases_dir)
        if not cases_dir.is_dir():
            return cls(cases_dir, None, False)  # no cases yet: nothing to index, nothing created
        db, persistent = _open_database(cases_dir)
        return cls(cases_dir, db, persistent)

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
        """Bring the index up to date with the files; `force` rebuilds it from scratch."""
        result = Refresh()
        db = self.db
        if db is None:
            return result
        if force or _meta(db, "fingerprint") != fingerprint():
            _reset(db)
            result.rebuilt = True
        stored = {name: (m, s, i) for name, m, s, i in db.execute("SELECT name, mtime_ns, size, ino FROM cases")}
        changed: list[str] = []
        seen: set[str] = set()
        try:
            entries = os.scandir(self.cases_dir)
        except OSError:
            entries = None
        if entries is not None:
            with entries:
                for entry in entries:
                    name = entry.name
                    if not _is_case_file(name):
                        continue
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    seen.add(name)
                    if stored.get(name) != (st.st_mtime_ns, st.st_size, st.st_ino):
                        changed.append(name)
        result.files = len(seen)
        removed = [name for name in stored if name not in seen]
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
        db = self.db
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

        workers = _worker_count(total)
        if workers <= 1:
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
            with _pool(workers) as pool:
                for chunk_rows, size in zip(pool.imap(_read_many, chunks), map(len, chunks), strict=True):
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
        """The case files that could not be read. The first `reword` messages are worded
        again in the current language (they were stored in the language of the run that
        read the file)."""
        if self.db is None:
            return []
        cur = self.db.execute("SELECT name, problem FROM cases WHERE problem IS NOT NULL ORDER BY name")
        problems = [Problem(name, message) for name, message in cur]
        for problem in problems[:reword]:
            values = read_case_file(os.path.join(self.cases_dir, problem.name))
            if values is not None and values[COLUMNS.index("problem")]:
                problem.message = values[COLUMNS.index("problem")]
        return problems

    def count(self) -> int:
        if self.db is None:
            return 0
        return self.db.execute("SELECT count(*) FROM cases WHERE problem IS NULL").fetchone()[0]

    def _where(self, *, since: str | None = None, until: str | None = None, status: str | None = None,
               level: int | None = None) -> tuple[str, list[Any]]:
        clauses = ["problem IS NULL"]
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

    def list_rows(self, *, status: str | None = None, level: int | None = None) -> Iterator[dict[str, Any]]:
        """The columns `bti cases list` and `bti due` show, oldest case first."""
        if self.db is None:
            return
        where, params = self._where(status=status, level=level)
        keys = ("case_id", "created", "status", "level", "highest_level", "arena", "decision",
                "decision_deadline", "next_evaluation", "pending_step", "baton_holder_role",
                "pending_baton_holder_role", "notification_pending")
        cur = self.db.execute(f"SELECT {', '.join(keys)} FROM cases WHERE {where} ORDER BY created, case_id",
                              params)
        for values in cur:
            row = dict(zip(keys, values, strict=True))
            row["notification_pending"] = bool(row["notification_pending"])
            yield row


def _worker_count(total: int) -> int:
    if total < PARALLEL_MIN:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


@contextlib.contextmanager
def _pool(workers: int):
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ctx.Pool(workers)
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


# --------------------------------------------------------------------------- due dates


def due_items(rows: Iterator[dict[str, Any]] | list[dict[str, Any]], *, as_of: date,
              within: int | None = 14) -> list[dict[str, Any]]:
    """Decisions (level 0, no decision yet) and evaluations of open cases falling due on or
    before `as_of + within` days (every one when `within` is None), soonest first.

    A case waiting at the safety gate (barnevern not yet informed) is due at once: a `notify`
    item dated `as_of` (today), whatever `within` is (barnevernsloven § 13-2: "straks")."""
    limit = None if within is None else (as_of + timedelta(days=within)).isoformat()
    items = []
    for row in rows:
        if row["status"] != "open":
            continue
        due = []
        if row.get("notification_pending"):
            due.append(("notify", as_of.isoformat()))
        if row.get("decision") is None and row.get("decision_deadline"):
            due.append(("decision", row["decision_deadline"]))
        if row.get("next_evaluation"):
            due.append(("evaluation", row["next_evaluation"]))
        for what, when in due:
            when = str(when)[:10]
            if limit is not None and when > limit:
                continue
            try:
                days_left = (date.fromisoformat(when) - as_of).days
            except ValueError:
                continue
            items.append({
                "case_id": row["case_id"], "what": what, "due": when, "days_left": days_left,
                "overdue": days_left < 0, "level": row["level"],
                "baton_holder_role": row.get("baton_holder_role"),
            })
    items.sort(key=lambda r: (r["due"], r["case_id"], r["what"]))
    return items


# --------------------------------------------------------------------------- the write hook


_hook_connections: dict[tuple[int, str], tuple[sqlite3.Connection, int]] = {}


def _hook_database(folder: Path) -> sqlite3.Connection | None:
    """A connection kept open for this process's writes (closing the last connection of a
    WAL database checkpoints it, which costs an fsync per answered step); reopened when the
    index file was replaced. None when the index cannot live in this folder."""
    path = index_path(folder)
    key = (os.getpid(), str(path))
    cached = _hook_connections.get(key)
    try:
        inode = os.stat(path).st_ino
    except OSError:
        inode = None
    if cached is not None:
        db, known = cached
        if inode == known:
            return db
        _hook_connections.pop(key, None)
        with contextlib.suppress(sqlite3.Error):
            db.close()
    db, persistent = _open_database(folder)
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
    _hook_connections[key] = (db, os.stat(path).st_ino)
    return db


def on_case_written(log) -> None:
    """Upsert the row of a case that caselog has just written (called under its lock).

    Cheap: the case is replayed from memory and its row written in one small transaction on a
    connection kept for the process. Never creates a cases folder; an index of another bti
    version is left for the next reader to rebuild."""
    if _suspended:
        return
    path = Path(log.path)
    st = os.stat(path)
    columns = summary_columns(log.header, log.events)
    db = _hook_database(path.parent)
    if db is not None:
        db.execute(_UPSERT, _values(path.name, st, None, columns))


__all__ = [
    "INDEX_NAME", "Index", "Problem", "Refresh", "due_items", "fingerprint", "index_path",
    "on_case_written", "parse_fast", "read_case_file", "suspended",
]
