"""Case files: a header plus append-only events chained by SHA-256, written durably.

One TOML file per case, `<cases-dir>/<case-id>.toml`:

    # bti case file: do not edit; `bti cases verify` detects any change.
    schema_version = 1
    case_id = "BTI-2026-7K3Q9"
    ...header fields (models.CaseHeader)...

    [[events]]
    seq = 0
    ...event fields (models.Event), `None` fields left out...
    prev_hash = "…"
    hash = "…"

The hash chain: `hash` of an event is SHA-256 over the canonical JSON of the event's table
without `hash` (keys sorted, no spaces, UTF-8, `None` fields left out; the table includes `seq`
and `prev_hash`). The first event's `prev_hash` is SHA-256 over the canonical JSON of the
header table, so an edited header breaks the chain too. Beyond the chain, a file must be
byte-for-byte what bti writes for its content (the canonical layout), so any changed byte,
even a space, is reported.

Writes are a full atomic replace (temp file in the same folder, fsync, `os.replace`, fsync of
the folder) under an exclusive `flock` on a sidecar lock file in `<cases-dir>/.locks/`. Before
writing, `append` re-reads the file under the lock; if another process appended meanwhile it
refuses with `CaseChanged` (or, with `merge=True`, chains the new event after theirs), so an
event is never lost. Files are 0600 and the folder 0700.

The canonical text is written by bti_cli.caselog.canonical (tomli_w's layout, without its cost),
which also reads a file in that layout quickly; anything else is parsed by tomllib.

Core module: raises BtiError subclasses, never prints or prompts. Pydantic and tomllib are
imported lazily so that importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import signal
import stat
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bti_cli.caselog import canonical, journal
from bti_cli.errors import (
    BtiError,
    CaseNotFound,
    DataError,
    ExitCode,
    InputError,
    VerificationError,
)
from bti_cli.i18n import t

if TYPE_CHECKING:
    from collections.abc import Callable

    from bti_cli.caselog.journal import Checkpoint
    from bti_cli.caselog.models import CaseHeader, Event, EventKind

    WriteObserver = Callable[["CaseLog"], None]

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I L O U
CASE_ID_RE = re.compile(r"^BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}$")  # = models.CASE_ID_PATTERN
FILE_COMMENT = canonical.FILE_COMMENT
LOCK_DIR = ".locks"
LOCK_TIMEOUT = 10.0  # seconds to wait for another writer of the same case
FILE_MODE = 0o600
DIR_MODE = 0o700
INT64 = (-(2**63), 2**63 - 1)
HEADER_KEYS = ("schema_version", "case_id", "municipality", "catalogue_version", "process_version", "created")
EVENT_KEYS = ("seq", "at", "level", "step", "kind", "question", "value", "actor_role", "prev_hash", "hash")


class CaseChanged(BtiError):
    """Another process wrote the case after this one read it; nothing was written."""

    exit_code = ExitCode.INPUT


class CaseBusy(BtiError):
    """Another process holds the case's lock for longer than LOCK_TIMEOUT."""

    exit_code = ExitCode.INPUT


# --------------------------------------------------------------------------- ids and time


def new_case_id(now: datetime | None = None, cases_dir: Path | None = None) -> str:
    """`BTI-<year>-<5 random Crockford base32 chars>`; not yet used in `cases_dir` if given.

    `CaseLog.create` claims the id atomically (a hard link that fails if the name exists), so
    the check here only avoids needless retries.
    """
    year = _utc(now).year
    for _ in range(100):
        case_id = f"BTI-{year:04d}-" + "".join(secrets.choice(CROCKFORD) for _ in range(5))
        if cases_dir is None or not (Path(cases_dir) / f"{case_id}.toml").exists():
            return case_id
    raise BtiError(t("caselog.no_free_id"))  # pragma: no cover - 33 million ids a year


def normalise_case_id(case_id: str) -> str:
    """Upper-case and trimmed; raises CaseNotFound when it cannot be a case id."""
    value = (case_id or "").strip().upper()
    if not CASE_ID_RE.match(value):
        raise CaseNotFound(t("caselog.bad_case_id"), hint=t("caselog.case_id_hint"))
    return value


def _utc(now: datetime | str | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if isinstance(now, str):
        try:
            now = datetime.fromisoformat(now)
        except ValueError:
            raise InputError(t("caselog.bad_timestamp")) from None
    if now.tzinfo is None:
        return now.replace(tzinfo=UTC)
    return now.astimezone(UTC)


def timestamp(now: datetime | str | None = None) -> str:
    """ISO 8601 UTC to the second, e.g. 2026-11-23T14:05:00Z."""
    return _utc(now).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- canonical form


def _json_default(value: Any) -> str:  # only reached for hand-edited files (dates, floats…)
    return f"{type(value).__name__}:{value}"


# json.dumps with these options, built once (json.dumps builds an encoder on every call)
_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def canonical_json(table: dict) -> bytes:
    """Keys sorted, no spaces, UTF-8, no ASCII escaping: the bytes that get hashed."""
    return _CANONICAL_JSON.encode(table).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def header_table(header: CaseHeader) -> dict:
    return header.model_dump(mode="json", exclude_none=True)


def header_hash(header: CaseHeader | dict) -> str:
    table = header if isinstance(header, dict) else header_table(header)
    return sha256_hex(canonical_json(table))


def event_table(event: Event, *, with_hash: bool = True) -> dict:
    """The event as stored: model field order, `None` fields left out."""
    exclude = None if with_hash else {"hash"}
    return event.model_dump(mode="json", exclude_none=True, exclude=exclude)


def event_hash(table: dict) -> str:
    """SHA-256 over the canonical JSON of an event table without its `hash` key."""
    return sha256_hex(canonical_json({k: v for k, v in table.items() if k != "hash"}))


def _render_header(table: dict) -> str:
    return canonical.render_header(table)


def _render_event(table: dict) -> str:
    return canonical.render_event(table)


def render(header: CaseHeader, events: list[Event]) -> bytes:
    """The canonical bytes of a case file."""
    text = _render_header(header_table(header)) + "".join(_render_event(event_table(e)) for e in events)
    return text.encode("utf-8")


# --------------------------------------------------------------------------- reading and checking


@dataclass
class _Parsed:
    """What a case file holds, and every problem found in it."""

    header: CaseHeader | None = None
    events: list[Event] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    readable: bool = False  # header and every event parsed into models
    newer: bool = False  # written by a newer bti (schema_version too high)
    event_count: int = 0


def _field_errors(error) -> list[str]:
    """Pydantic errors as `field: message`, never quoting the input (it may be personal)."""
    out = []
    for item in error.errors(include_input=False, include_url=False):
        loc = ".".join(str(p) for p in item.get("loc", ())) or "-"
        out.append(f"{loc}: {item.get('msg', 'invalid')}")
    return out


def _parse(raw: bytes, expected_id: str | None) -> _Parsed:
    import tomllib

    from pydantic import ValidationError

    from bti_cli.caselog.models import SCHEMA_VERSION, CaseHeader, Event

    result = _Parsed()
    problems = result.problems
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(t("caselog.p_not_utf8", offset=exc.start))
        return result
    if not text.strip():
        problems.append(t("caselog.p_empty"))
        return result
    # the file as bti writes it is read by canonical's line reader, checked by re-rendering
    # (the same tables tomllib would read: see bti_cli.caselog.canonical); anything else by tomllib
    tables = canonical.read_tables(text)
    if tables is not None:
        head, raw_events = tables
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            from bti_cli.privacy.guard import parser_message

            problems.append(t("caselog.p_not_toml", detail=parser_message(str(exc))))
            if not text.endswith("\n"):
                problems.append(t("caselog.p_truncated"))
            return result
        raw_events = data.pop("events", [])
        head = data
    version = head.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        result.newer = True
        problems.append(t("caselog.p_newer", version=version, supported=SCHEMA_VERSION))
        return result
    header = None
    try:
        header = CaseHeader.model_validate(head)
    except Exception as exc:  # pydantic.ValidationError
        for line in _field_errors(exc):
            problems.append(t("caselog.p_header_field", detail=line))
    if header is not None and expected_id and header.case_id != expected_id:
        problems.append(t("caselog.p_wrong_id", expected=expected_id))
    result.header = header

    if not isinstance(raw_events, list):
        problems.append(t("caselog.p_events_not_list"))
        return result
    result.event_count = len(raw_events)
    prev = header_hash(head)
    readable = header is not None
    for index, table in enumerate(raw_events):
        if not isinstance(table, dict):
            problems.append(t("caselog.p_event_not_table", n=index))
            readable = False
            continue
        stored = table.get("hash")
        try:
            event = Event.model_validate(table)
        except ValidationError as exc:
            readable = False
            missing = [e for e in exc.errors(include_input=False) if e.get("type") == "missing"]
            if missing:
                names = ", ".join(str(e["loc"][0]) for e in missing if e.get("loc"))
                problems.append(t("caselog.p_event_missing", n=index, fields=names))
            for line in _field_errors(exc):
                if not any(line.startswith(f"{e['loc'][0]}:") for e in missing if e.get("loc")):
                    problems.append(t("caselog.p_event_field", n=index, detail=line))
        else:
            result.events.append(event)
            if event.seq != index:
                problems.append(t("caselog.p_seq", n=index, seq=event.seq))
        if table.get("prev_hash") != prev:
            problems.append(t("caselog.p_prev_hash", n=index))
        actual = event_hash(table)
        if stored != actual:
            problems.append(t("caselog.p_hash", n=index))
        # continue the chain from the stored hash, so one edit is reported once
        prev = stored if isinstance(stored, str) else actual
    result.readable = readable
    if readable and header is not None and not problems:
        expected = render(header, result.events)
        if raw != expected:
            problems.append(t("caselog.p_layout", line=_first_diff_line(raw, expected)))
    return result


def _first_diff_line(a: bytes, b: bytes) -> int:
    for number, (x, y) in enumerate(zip(a.split(b"\n"), b.split(b"\n"), strict=False), start=1):
        if x != y:
            return number
    return min(a.count(b"\n"), b.count(b"\n")) + 1


@dataclass
class VerifyResult:
    """The outcome of checking one case file (a row of `bti cases verify`)."""

    path: Path
    case_id: str
    ok: bool
    events: int
    problems: list[str]

    def row(self) -> dict:
        return {
            "case_id": self.case_id,
            "ok": self.ok,
            "events": self.events,
            "problems": list(self.problems),
            "file": self.path.name,
        }


def verify_file(path: Path, checkpoint: Checkpoint | None = None) -> VerifyResult:
    """Check one case file: TOML, models, sequence, hash chain and canonical layout, and that
    it reaches its `checkpoint` from the journal (not cut short, not an older copy)."""
    path = Path(path)
    stem = path.name.removesuffix(".toml")
    expected = stem if CASE_ID_RE.match(stem) else None
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise CaseNotFound(t("caselog.not_found", case=stem), hint=t("caselog.not_found_hint")) from None
    except OSError as exc:
        return VerifyResult(path, stem, False, 0, [unreadable(exc)])
    if not stat.S_ISREG(st.st_mode):
        return VerifyResult(path, stem, False, 0, [t("caselog.p_not_regular")])
    try:
        raw = read_case_bytes(path)
    except FileNotFoundError:
        raise CaseNotFound(t("caselog.not_found", case=stem), hint=t("caselog.not_found_hint")) from None
    except OSError as exc:
        return VerifyResult(path, stem, False, 0, [unreadable(exc)])
    parsed = parse_case(raw, expected, checkpoint)
    if expected is None:
        parsed.problems.insert(0, t("caselog.p_bad_name"))
    return VerifyResult(path, stem, not parsed.problems, parsed.event_count, parsed.problems)


MAX_CASE_BYTES = 64 * 1024 * 1024  # far beyond any real case (a thousand answers are ~300 KB)


def read_case_bytes(path: Path | str) -> bytes:
    """A case file's bytes (never following a symlink; capped, see MAX_CASE_BYTES)."""
    from bti_cli import fileio

    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise fileio.NotRegularFile(path)
        return fileio.read_capped(handle, MAX_CASE_BYTES)


def parse_case(raw: bytes, expected_id: str | None, checkpoint: Checkpoint | None = None) -> _Parsed:
    """THE reader of case files: `verify`, `CaseLog.open` and the index all read through it.

    Everything is checked: UTF-8, TOML, the models, the sequence, the hash chain, the byte-exact
    canonical layout and, given a checkpoint from the journal, that the file reaches it. A file
    in the canonical layout is read by `canonical.read_tables` instead of tomllib; its tables
    are only used when re-rendered to the very same text, which makes them exactly tomllib's,
    so every check (and so every verdict) is the same whichever way a file is read."""
    try:
        parsed = _parse(raw, expected_id)
    except RecursionError:
        parsed = _Parsed(problems=[t("caselog.p_too_deep")])
    if checkpoint is not None and parsed.readable:
        head = header_hash(parsed.header) if parsed.header is not None else ""
        problem = journal.compare(checkpoint, [e.hash for e in parsed.events], head)
        if problem:
            parsed.problems.append(problem)
    return parsed


def iter_case_files(cases_dir: Path) -> Iterator[Path]:
    """Every `<case-id>.toml` in the folder that is a regular file, sorted by name (temp and lock
    files skipped; see `iter_case_entries` for the links and folders named like a case)."""
    for path, regular in iter_case_entries(cases_dir):
        if regular:
            yield path


def iter_case_entries(cases_dir: Path) -> Iterator[tuple[Path, bool]]:
    """(path, is a regular file) of every entry named like a case file, sorted by name. Links
    are never followed: a symlink or a folder named like a case is (path, False)."""
    try:
        entries = sorted(os.scandir(cases_dir), key=lambda e: e.name)
    except FileNotFoundError:
        return
    for entry in entries:
        name = entry.name
        if name.endswith(".toml") and CASE_ID_RE.match(name[:-5]):
            try:
                regular = entry.is_file(follow_symlinks=False)
            except OSError:
                regular = False
            yield Path(entry.path), regular


def check_cases_dir(cases_dir: Path) -> bool:
    """True when the folder exists (False: no cases yet); InputError when it is not a folder or
    cannot be read, so that a reader never shows an empty list for a folder it cannot see."""
    try:
        st = os.stat(cases_dir)
    except FileNotFoundError:
        if not _could_be_made(Path(cases_dir)):
            # a folder that can never exist (a typo, /proc/…): an error, not "no cases yet"
            raise InputError(t("caselog.dir_missing"), hint=t("caselog.dir_missing_hint")) from None
        return False
    except OSError as exc:
        raise InputError(t("caselog.dir_unreadable", reason=exc.strerror or type(exc).__name__)) from None
    if not stat.S_ISDIR(st.st_mode):
        raise InputError(t("caselog.not_a_dir"))
    if not os.access(cases_dir, os.R_OK | os.X_OK):
        raise InputError(t("caselog.dir_unreadable", reason=os.strerror(errno.EACCES)))
    return True


def _could_be_made(folder: Path) -> bool:
    """Whether a missing folder could be made by `bti start`: its nearest existing ancestor is a
    folder we may write in, on a file system that stores files (not /proc or /sys, whose
    statvfs counts no blocks)."""
    parent = folder.absolute().parent
    while True:
        try:
            st = os.stat(parent)
        except FileNotFoundError:
            if parent == parent.parent:
                return False
            parent = parent.parent
            continue
        except OSError:
            return False
        break
    if not stat.S_ISDIR(st.st_mode) or not os.access(parent, os.W_OK | os.X_OK):
        return False
    try:
        return os.statvfs(parent).f_blocks > 0
    except (OSError, AttributeError):  # no statvfs (Windows): the folder's permissions decide
        return True


def tighten_folder(cases_dir: Path) -> None:
    """0700 for the cases folder and `.locks`, 0600 for the lock files and the journal,
    whatever the umask they were made under (a path that is not ours is left alone)."""
    from bti_cli import fileio

    cases_dir = Path(cases_dir)
    fileio.tighten(cases_dir, DIR_MODE)
    locks = cases_dir / LOCK_DIR
    fileio.tighten(locks, DIR_MODE)
    with contextlib.suppress(OSError), os.scandir(locks) as entries:
        for entry in entries:
            if entry.name.endswith(".lock"):
                fileio.tighten(entry.path, FILE_MODE)
    fileio.tighten(journal.journal_path(cases_dir), FILE_MODE)


def folder_warnings(cases_dir: Path) -> list[str]:
    """Warnings about a cases folder bti uses but cannot make private: one owned by another
    user that others may write to (bti cannot tighten it; anyone could add or swap files)."""
    try:
        st = os.stat(cases_dir)
    except OSError:
        return []
    if st.st_uid != os.getuid() and st.st_mode & 0o022:
        return [t("caselog.foreign_open_dir", mode=f"{stat.S_IMODE(st.st_mode):04o}")]
    return []


def verify_folder(cases_dir: Path, *, against: str | None = None,
                  only: str | None = None) -> Iterator[VerifyResult]:
    """Check every case file of a folder (or `only` that case), each against its checkpoint;
    then the journal's own chain, the cases it names that are gone, and every entry named like
    a case that is not a regular file. With `against` (a digest from `bti cases checkpoint`),
    also that the folder still holds everything recorded up to that digest."""
    cases_dir = Path(cases_dir)
    book = journal.read(cases_dir)
    past = journal.read(cases_dir, until=against.strip().lower()) if against else None
    seen: set[str] = set()
    if only is not None:
        entries: list[tuple[Path, bool]] = [(cases_dir / f"{only}.toml", True)]
    else:
        entries = list(iter_case_entries(cases_dir)) if check_cases_dir(cases_dir) else []
        if entries:
            tighten_folder(cases_dir)
    for path, regular in entries:
        case_id = path.name[:-5]
        seen.add(case_id)
        if not regular:
            yield VerifyResult(path, case_id, False, 0, [t("caselog.p_not_regular")])
            continue
        result = verify_file(path, book.heads.get(case_id))
        if past is not None and case_id in past.heads and result.ok:
            parsed = parse_case(read_case_bytes(path), case_id, past.heads[case_id])
            if parsed.problems:
                result.ok = False
                result.problems.append(t("caselog.p_against", digest=against))
        yield result
    journal_file = journal.journal_path(cases_dir)
    problems = list(book.problems)
    if past is not None and not past.lines and not past.problems:
        problems.append(t("caselog.j_digest_unknown", digest=against))
    if problems:
        yield VerifyResult(journal_file, journal.JOURNAL_NAME, False, book.lines, problems)
    if only is None:
        recorded = set(book.heads) | (set(past.heads) if past is not None else set())
        for case_id in sorted(recorded - seen):
            if CASE_ID_RE.match(case_id):
                yield VerifyResult(cases_dir / f"{case_id}.toml", case_id, False, 0, [t("caselog.p_missing")])


def checkpoint_folder(cases_dir: Path) -> str:
    """Bring the journal up to every case's current head and return the folder's digest.

    Refuses (VerificationError) while any case fails verification: a digest vouches only for
    a folder that verifies."""
    cases_dir = Path(cases_dir)
    if not check_cases_dir(cases_dir):
        raise CaseNotFound(t("caselog.no_cases"))
    failed = [r for r in verify_folder(cases_dir) if not r.ok]
    if failed:
        raise VerificationError(t("caselog.checkpoint_refused", count=len(failed), first=failed[0].case_id),
                                hint=t("caselog.verify_hint", case=failed[0].case_id))
    with _Lock(cases_dir, journal.LOCK_NAME):
        book = journal.read(cases_dir)
        heads = []
        for path in iter_case_files(cases_dir):
            case_id = path.name[:-5]
            parsed = parse_case(read_case_bytes(path), case_id)
            if not parsed.readable or parsed.header is None:
                continue
            count = len(parsed.events)
            head = parsed.events[-1].hash if parsed.events else header_hash(parsed.header)
            known = book.heads.get(case_id)
            if known is None or (known.events, known.head) != (count, head):
                heads.append((case_id, count, head))
        if heads or not book.exists:
            journal.append(cases_dir, heads)
        return journal.read(cases_dir).digest


# --------------------------------------------------------------------------- files, modes, locks


def ensure_cases_dir(cases_dir: Path) -> Path:
    """Create the folder 0700 with missing parents 0700 too (tightening a looser existing mode,
    whatever the umask); remove temp files orphaned by killed writers."""
    from bti_cli import fileio

    cases_dir = Path(cases_dir)
    try:
        fileio.ensure_dir(cases_dir, DIR_MODE)
    except (FileExistsError, NotADirectoryError):
        raise InputError(t("caselog.not_a_dir")) from None
    fileio.remove_stale_temps(cases_dir, ".BTI-")
    return cases_dir


class _Lock:
    """An exclusive flock on `<cases-dir>/.locks/<case-id>.lock` (the lock file stays)."""

    def __init__(self, cases_dir: Path, case_id: str, timeout: float = LOCK_TIMEOUT):
        self.path = Path(cases_dir) / LOCK_DIR / f"{case_id}.lock"
        self.case_id = case_id
        self.timeout = timeout
        self.fd: int | None = None

    def __enter__(self) -> _Lock:
        import fcntl

        from bti_cli import fileio

        folder = self.path.parent
        if not folder.is_dir():
            fileio.ensure_dir(folder, DIR_MODE)
        fileio.tighten(folder, DIR_MODE)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, FILE_MODE)
        with contextlib.suppress(OSError):
            if os.fstat(fd).st_mode & 0o777 & ~FILE_MODE:
                os.fchmod(fd, FILE_MODE)
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise CaseBusy(t("caselog.busy", case=self.case_id), hint=t("caselog.busy_hint")) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        self.fd = fd
        return self

    def __exit__(self, *exc_info) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the last descriptor releases the flock
            self.fd = None


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT/SIGTERM while the file is replaced and memory updated, so that an
    interrupted append is either fully done (on disk and in `events`) or not done at all."""
    blocked = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # The mask holds a signal sent to the main thread; a signal the kernel hands to another thread
    # of the process is caught by the Python-level handler below and delivered afterwards.
    held: list[int] = []

    def hold(signum: int, frame: object) -> None:
        held.append(signum)

    handlers = {sig: signal.signal(sig, hold) for sig in blocked}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a blocked signal now reaches `hold`
        for sig, handler in handlers.items():
            if handler is not None:
                signal.signal(sig, handler)
        if held:
            signal.raise_signal(held[0])


# --------------------------------------------------------------------------- personal data guard
# The last gate before a case file: whatever the caller did, no identifier that the scrubber's
# own patterns find (e-mail, identity number, phone, birth date, address) is stored. The check
# lives in bti_cli.privacy.guard, beside the patterns; imported here when an event is written.


def personal_data_kinds(text: str) -> list[str]:
    """Which kinds of identifier `text` seems to hold (see bti_cli.privacy.guard)."""
    from bti_cli.privacy.guard import personal_data_kinds as kinds

    return kinds(text)


def _guard(step: str, *values: Any) -> None:
    from bti_cli.privacy.guard import guard_event

    guard_event(step, *values)


def _check_ints(value: Any, step: str) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int) and not INT64[0] <= value <= INT64[1]:
        raise InputError(t("caselog.bad_value", step=step))
    if isinstance(value, dict):
        for item in value.values():
            _check_ints(item, step)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_ints(item, step)


# --------------------------------------------------------------------------- the case log



def prepare_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry to append (the keyword arguments of `CaseLog.append`) checked before anything is
    chained: a known kind, numbers in the file's range, no personal data; its time stamped. One
    check for the file's writer and for the in-memory rehearsal of an answers file."""
    from bti_cli.caselog.models import EventKind

    step = entry["step"]
    try:
        kind = EventKind(entry["kind"])
    except ValueError:
        raise InputError(t("caselog.bad_kind", step=step)) from None
    # the range first: a number too large for the file (19 digits or more) is refused as
    # a number, not as "looks like an identity number" by the guard
    _check_ints(entry.get("value"), step)
    _guard(step, entry.get("actor_role"), entry.get("value"))  # ids come from the process file
    return {**entry, "kind": kind, "at": timestamp(entry.get("at"))}


def chain_event(entry: dict[str, Any], *, seq: int, prev_hash: str) -> tuple[Event, dict[str, Any]]:
    """A prepared entry as the event chained after `prev_hash` (validated, hashed), with its
    table as the file holds it (hash included)."""
    from bti_cli.caselog.models import Event

    step = entry["step"]
    fields = {
        "seq": seq, "at": entry["at"], "level": entry["level"], "step": step, "kind": entry["kind"],
        "question": entry.get("question"), "value": entry.get("value"), "actor_role": entry.get("actor_role"),
        "prev_hash": prev_hash, "hash": "0" * 64,
    }
    try:
        draft = Event.model_validate(fields)
    except Exception as exc:  # pydantic.ValidationError
        raise InputError(t("caselog.bad_event", step=str(step), detail="; ".join(_field_errors(exc)))) from None
    table = event_table(draft, with_hash=False)
    try:
        digest = event_hash(table)
    except UnicodeEncodeError:
        raise InputError(t("caselog.bad_value", step=step)) from None
    return draft.model_copy(update={"hash": digest}), {**table, "hash": digest}


class CaseLog:
    """One case file in memory: its header and events, as last read or written."""

    def __init__(self, path: Path, header: CaseHeader, events: list[Event], raw: bytes,
                 problems: list[str] | None = None, observer: WriteObserver | None = None) -> None:
        self.path = Path(path)
        self.header = header
        self.events = events
        self.problems = problems or []  # found when opened with check=False
        self.observer = observer  # told after every durable write (e.g. the index)
        self.index_error: Exception | None = None  # the last failure of the observer
        self.journal_error: Exception | None = None  # the last failure to record a checkpoint
        self._raw = raw  # the file's bytes as this object last read or wrote them
        self.lock_timeout = LOCK_TIMEOUT  # seconds an append waits for another writer
        self._swept = False

    def __repr__(self) -> str:
        return f"CaseLog({self.case_id}, events={len(self.events)})"

    @property
    def case_id(self) -> str:
        return self.header.case_id

    @property
    def cases_dir(self) -> Path:
        return self.path.parent

    @property
    def raw(self) -> bytes:
        """The file's bytes as this object last read or wrote them."""
        return self._raw

    @property
    def head_hash(self) -> str:
        """The hash the next event chains to."""
        return self.events[-1].hash if self.events else header_hash(self.header)

    # ---- creating and opening

    @classmethod
    def create(cls, cases_dir: Path, *, municipality: str, catalogue_version: str,
               process_version: str, now: datetime | str | None = None,
               observer: WriteObserver | None = None) -> CaseLog:
        """A new case file with a fresh random id and no events yet. `observer(log)` is called
        after every durable write (the index's `on_case_written`, see bti_cli.caselog.store)."""
        from bti_cli import fileio
        from bti_cli.caselog.models import CaseHeader

        cases_dir = ensure_cases_dir(cases_dir)
        created = timestamp(now)
        for _ in range(50):
            case_id = new_case_id(_utc(now), cases_dir)
            try:
                header = CaseHeader(case_id=case_id, municipality=municipality,
                                    catalogue_version=catalogue_version,
                                    process_version=process_version, created=created)
            except Exception as exc:  # pydantic.ValidationError
                raise InputError(t("caselog.bad_header", detail="; ".join(_field_errors(exc)))) from None
            raw = render(header, [])
            path = cases_dir / f"{case_id}.toml"
            with _Lock(cases_dir, case_id), _signals_deferred():
                try:
                    claimed = fileio.atomic_write(path, raw, mode=FILE_MODE, exclusive=True)
                except OSError as exc:
                    raise _not_saved(case_id, exc) from None
                if claimed:
                    log = cls(path, header, [], raw, observer=observer)
                    log._checkpoint()
                    log._written()
                    return log
        raise BtiError(t("caselog.no_free_id"))  # pragma: no cover - 50 collisions in a row

    @classmethod
    def open(cls, cases_dir: Path, case_id: str, *, check: bool = True,
             observer: WriteObserver | None = None) -> CaseLog:
        """Load a case. A file that cannot be read as a case raises VerificationError naming it;
        a broken hash chain or changed layout too, unless `check=False` (then see `.problems`)."""
        case_id = normalise_case_id(case_id)
        path = Path(cases_dir) / f"{case_id}.toml"
        try:
            raw = read_case_bytes(path)
        except (FileNotFoundError, NotADirectoryError):
            raise CaseNotFound(t("caselog.not_found", case=case_id), hint=t("caselog.not_found_hint")) from None
        except OSError as exc:
            raise _broken(case_id, [unreadable(exc)]) from None
        parsed = parse_case(raw, case_id, journal.checkpoint_of(path.parent, case_id))
        if parsed.newer:
            raise DataError(t("caselog.newer", case=case_id), parsed.problems)
        if not parsed.readable or parsed.header is None or (check and parsed.problems):
            raise _broken(case_id, parsed.problems)
        from bti_cli import fileio

        fileio.tighten(path.parent, DIR_MODE)
        fileio.tighten(path, FILE_MODE)
        return cls(path, parsed.header, parsed.events, raw, parsed.problems, observer)

    def reload(self) -> None:
        """Re-read the file (strictly checked), dropping what this object knew."""
        fresh = type(self).open(self.cases_dir, self.case_id)
        self.header, self.events, self._raw, self.problems = fresh.header, fresh.events, fresh._raw, []

    # ---- writing

    def append(self, *, level: int, step: str, kind: EventKind | str, question: str | None = None,
               value: Any = None, actor_role: str | None = None, at: datetime | str | None = None,
               merge: bool = False) -> Event:
        """Chain one event to the log and write the file durably before returning it.

        If another process appended since this object last read or wrote the file, raises
        CaseChanged and writes nothing; with `merge=True` the event is chained after theirs
        instead (this object's events are updated to the file's). Raises InputError when a
        value holds an e-mail address, identity number or phone number.
        """
        entry = {"level": level, "step": step, "kind": kind, "question": question, "value": value,
                 "actor_role": actor_role, "at": at}
        return self.append_many([entry], merge=merge)[-1]

    def append_many(self, entries: list[dict[str, Any]], *, merge: bool = False) -> list[Event]:
        """Chain several events (dicts with the keyword arguments of `append`) in ONE durable
        write: all of them are on disk, or none. For importers and generators of many events;
        the walkthrough appends one answer at a time."""
        from bti_cli import fileio

        prepared = [prepare_entry(entry) for entry in entries]
        if not prepared:
            return []
        with _Lock(self.cases_dir, self.case_id, timeout=self.lock_timeout):
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                raise CaseNotFound(t("caselog.vanished", case=self.case_id)) from None
            if self.problems:  # opened leniently (check=False): never write to a damaged file
                raise _broken(self.case_id, self.problems)
            if raw != self._raw:
                self._adopt(raw, merge)
            self._sweep()
            built: list[Event] = []
            text = []
            prev = self.head_hash
            for entry in prepared:
                event, table = chain_event(entry, seq=len(self.events) + len(built), prev_hash=prev)
                built.append(event)
                text.append(_render_event(table))
                prev = event.hash
            new_raw = raw + "".join(text).encode("utf-8")
            with _signals_deferred():
                try:
                    fileio.atomic_write(self.path, new_raw, mode=FILE_MODE)
                except OSError as exc:
                    raise _not_saved(self.case_id, exc) from None
                self.events.extend(built)
                self._raw = new_raw
                self._checkpoint()
            self._written()
        return built

    def _adopt(self, raw: bytes, merge: bool) -> None:
        """The file changed under us: take the other writer's events, or refuse."""
        parsed = _parse(raw, self.case_id)
        if parsed.newer:
            raise DataError(t("caselog.newer", case=self.case_id), parsed.problems)
        if not parsed.readable or parsed.problems:
            raise _broken(self.case_id, parsed.problems)
        mine = self.events
        extends = parsed.header == self.header and parsed.events[: len(mine)] == mine
        if not extends:
            raise VerificationError(t("caselog.rewritten", case=self.case_id),
                                    hint=t("caselog.verify_hint", case=self.case_id))
        if not merge:
            raise CaseChanged(t("caselog.changed", case=self.case_id,
                                count=len(parsed.events) - len(mine)),
                              hint=t("caselog.changed_hint", case=self.case_id))
        self.events = parsed.events
        self._raw = raw

    def _sweep(self) -> None:
        """Remove temp files left by a writer of this case that was killed (we hold the lock)."""
        if self._swept:
            return
        self._swept = True
        prefix = f".{self.case_id}."
        with contextlib.suppress(OSError), os.scandir(self.cases_dir) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def _checkpoint(self) -> None:
        """Record the new head in the checkpoint journal (after the file is durable, so a crash
        in between leaves a file that extends its checkpoint). A failure never undoes the
        written event; it is kept in `journal_error` and `bti cases verify` reports the journal."""
        try:
            with _Lock(self.cases_dir, journal.LOCK_NAME):
                journal.append(self.cases_dir, [(self.case_id, len(self.events), self.head_hash)])
            self.journal_error = None
        except (OSError, BtiError) as exc:
            if os.environ.get("BTI_DEBUG") == "1":
                raise
            self.journal_error = exc

    def _written(self) -> None:
        """Tell the observer (the index, when whoever opened the log asked for it); its
        failure never undoes a durable write (the index is rebuilt from the files when stale),
        so it is kept in `index_error` instead of raised."""
        if self.observer is None:
            return
        try:
            self.observer(self)
            self.index_error = None
        except Exception as exc:  # noqa: BLE001
            if os.environ.get("BTI_DEBUG") == "1":
                raise
            self.index_error = exc

    # ---- checking

    def verify(self) -> list[str]:
        """Problems found in the file on disk (TOML, models, hash chain, layout); empty = ok."""
        return verify_file(self.path).problems


def unreadable(exc: OSError) -> str:
    """Why a case file cannot be read, in words (never the path or the content)."""
    from bti_cli import fileio

    if isinstance(exc, fileio.TooLarge):
        return t("caselog.p_too_large", mib=exc.limit >> 20)
    if exc.errno == errno.ELOOP or isinstance(exc, fileio.NotRegularFile):
        return t("caselog.p_not_regular")
    return t("caselog.p_unreadable", detail=exc.strerror or type(exc).__name__)


class CaseNotSaved(BtiError):
    """The case file could not be written (a full disk, a read-only folder); nothing changed."""

    exit_code = ExitCode.INPUT


def _not_saved(case_id: str, exc: OSError) -> CaseNotSaved:
    reason = exc.strerror or type(exc).__name__
    return CaseNotSaved(t("caselog.not_saved", case=case_id, reason=reason), hint=t("caselog.not_saved_hint"))


def problem_text(case_id: str, problems: list[str]) -> str:
    """One line for a case file that failed: its first problem and how many more."""
    first = problems[0] if problems else "?"
    more = len(problems) - 1
    message = t("caselog.broken", case=case_id, problem=first)
    if more > 0:
        message += " " + t("caselog.more_problems", count=more)
    return message


def _broken(case_id: str, problems: list[str]) -> VerificationError:
    return VerificationError(problem_text(case_id, problems), hint=t("caselog.verify_hint", case=case_id))


__all__ = [
    "CaseBusy", "CaseChanged", "CaseLog", "VerifyResult", "canonical_json", "ensure_cases_dir",
    "event_hash", "header_hash", "iter_case_files", "new_case_id", "normalise_case_id",
    "personal_data_kinds", "render", "timestamp", "verify_file",
]
