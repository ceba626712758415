"""The checkpoint journal: `<cases-dir>/checkpoints.journal`, an append-only, hash-chained list
of case heads, so that a case file cut short or put back to an older copy is caught.

A case file's own hash chain shows that nothing *inside* it was changed; it cannot show that
events were removed from its end, or that the whole file was replaced by an older copy (both
leave a valid chain). So every write of a case also appends one line here, after the case file
is durably written:

    # bti checkpoint journal 1: do not edit; `bti cases verify` checks it.
    <seq> <case-id> <events> <head> <hash>

`events` is how many events the case has, `head` the hash of its last event (of its header
when it has none), `hash` SHA-256 over `"<previous hash> <seq> <case-id> <events> <head>"`
(the first line chains to GENESIS), so a line removed or changed breaks the chain. A case's
*checkpoint* is its last line. A case file must reach its checkpoint: at least `events` events,
the `events`-th of which has hash `head`; fewer events, or another hash there, is a rollback.

The hash of the last line is the folder's *digest* (`bti cases checkpoint`): it stands for
every head ever recorded. Kept outside the folder (an archive, a letter), it catches even
someone who rewrites every case file and the journal itself (`bti cases verify --against`).

A torn last line (a writer killed mid-line) is no problem: its case file was written before
it, and the next writer cuts it off. Writers hold `<cases-dir>/.locks/journal.lock`
(bti_cli.caselog.log takes it); this module only reads and appends.

Core module: standard library only; never prints. Problems are returned in words (i18n).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

JOURNAL_NAME = "checkpoints.journal"
LOCK_NAME = "journal"  # `.locks/journal.lock`
HEADER = "# bti checkpoint journal 1: do not edit; `bti cases verify` checks it.\n"
GENESIS = hashlib.sha256(b"bti checkpoint journal 1").hexdigest()
DIGEST_CHARS = 32  # the printed digest: 128 bits of the last line's hash
MIN_DIGEST_CHARS = 16
TAIL_BYTES = 4096  # enough to hold the last complete line


@dataclass(frozen=True)
class Checkpoint:
    events: int
    head: str
    line: int  # 1-based line number in the journal


@dataclass
class Journal:
    """What the journal holds: each case's last checkpoint, the chain's end, and its problems."""

    exists: bool = False
    lines: int = 0
    last_hash: str = GENESIS
    heads: dict[str, Checkpoint] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)  # every line's hash, in order

    @property
    def digest(self) -> str:
        return self.last_hash[:DIGEST_CHARS]


def journal_path(cases_dir: Path | str) -> Path:
    return Path(cases_dir) / JOURNAL_NAME


def line_hash(prev: str, seq: int, case_id: str, events: int, head: str) -> str:
    return hashlib.sha256(f"{prev} {seq} {case_id} {events} {head}".encode()).hexdigest()


def _is_hex64(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def read(cases_dir: Path | str, *, until: str | None = None) -> Journal:
    """The journal of a cases folder (an empty one when there is none). With `until` (a digest
    prefix), only the lines up to the one whose hash starts with it; `Journal.lines` is 0 when
    no line has that hash."""
    from bti_cli.i18n import t

    journal = Journal()
    path = journal_path(cases_dir)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return journal
    except OSError as exc:
        journal.exists = True
        journal.problems.append(t("caselog.j_unreadable", reason=exc.strerror or type(exc).__name__))
        return journal
    journal.exists = True
    import stat

    if not stat.S_ISREG(st.st_mode):
        journal.problems.append(t("caselog.j_not_regular"))
        return journal
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        journal.problems.append(t("caselog.j_unreadable", reason=exc.strerror or type(exc).__name__))
        return journal
    body = raw
    if body.startswith(HEADER.encode()):
        body = body[len(HEADER):]
    elif body:
        journal.problems.append(t("caselog.j_header"))
        return journal
    complete, _, _torn = body.rpartition(b"\n")  # a torn last line was never acknowledged
    prev = GENESIS
    heads = journal.heads
    found = until is None
    for number, raw_line in enumerate(complete.split(b"\n") if complete else [], start=2):
        try:
            seq_text, case_id, events_text, head, digest = raw_line.decode("ascii").split(" ")
            seq, events = int(seq_text), int(events_text)
        except ValueError:
            journal.problems.append(t("caselog.j_bad_line", line=number))
            return journal
        if seq != journal.lines or events < 0 or not _is_hex64(head) or line_hash(
                prev, seq, case_id, events, head) != digest:
            journal.problems.append(t("caselog.j_chain", line=number))
            return journal
        heads[case_id] = Checkpoint(events, head, number)
        journal.hashes.append(digest)
        journal.lines += 1
        prev = digest
        if until is not None and digest.startswith(until):
            found = True
            break
    journal.last_hash = prev
    if not found:
        journal.lines = 0
        journal.heads = {}
    return journal


def compare(checkpoint: Checkpoint | None, event_hashes: list[str], header_hash: str) -> str | None:
    """Why a case with these event hashes does not reach its checkpoint (None when it does)."""
    if checkpoint is None:
        return None
    from bti_cli.i18n import t

    count = len(event_hashes)
    if count < checkpoint.events:
        return t("caselog.p_truncated_checkpoint", count=count, expected=checkpoint.events,
                 line=checkpoint.line)
    at = header_hash if checkpoint.events == 0 else event_hashes[checkpoint.events - 1]
    if at != checkpoint.head:
        return t("caselog.p_rolled_back", n=checkpoint.events, line=checkpoint.line)
    return None


def append(cases_dir: Path | str, heads: list[tuple[str, int, str]]) -> str:
    """Append one line per `(case_id, events, head)`; durable when it returns. The caller holds
    the journal lock. Returns the new last hash."""
    from bti_cli import fileio

    path = journal_path(cases_dir)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, fileio.FILE_MODE)
    try:
        st = os.fstat(fd)
        import stat

        if not stat.S_ISREG(st.st_mode):
            raise fileio.NotRegularFile(path)
        if st.st_mode & 0o777 & ~fileio.FILE_MODE:
            os.fchmod(fd, fileio.FILE_MODE)
        size = st.st_size
        new = size == 0
        seq, prev, end = _last_line(fd, size)
        if end != size:  # a torn line, or a lone header without its newline: cut it off
            os.ftruncate(fd, end)
        out = [] if end else [HEADER]
        for case_id, events, head in heads:
            digest = line_hash(prev, seq, case_id, events, head)
            out.append(f"{seq} {case_id} {events} {head} {digest}\n")
            prev = digest
            seq += 1
        os.lseek(fd, end, os.SEEK_SET)
        data = "".join(out).encode("ascii")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    if new:
        fileio.fsync_dir(path.parent)
    return prev


def _last_line(fd: int, size: int) -> tuple[int, str, int]:
    """(next seq, last hash, offset after the last complete line) from the file's tail."""
    if size == 0:
        return 0, GENESIS, 0
    start = max(0, size - TAIL_BYTES)
    tail = os.pread(fd, size - start, start)
    header = HEADER.encode()
    if start == 0 and not tail.startswith(header):
        if header.startswith(tail):  # the first writer was killed while writing the header
            return 0, GENESIS, 0
        from bti_cli.errors import VerificationError
        from bti_cli.i18n import t

        raise VerificationError(t("caselog.j_header"), hint=t("caselog.j_hint"))
    cut = tail.rfind(b"\n")
    end = start + cut + 1
    if start == 0 and end == len(header):
        return 0, GENESIS, end
    last = tail[:cut].rpartition(b"\n")[2]
    try:
        seq_text, _case, _events, _head, digest = last.decode("ascii").split(" ")
        return int(seq_text) + 1, digest, end
    except ValueError:
        from bti_cli.errors import VerificationError
        from bti_cli.i18n import t

        raise VerificationError(t("caselog.j_tail"), hint=t("caselog.j_hint")) from None


__all__ = ["GENESIS", "JOURNAL_NAME", "Checkpoint", "Journal", "append", "compare", "journal_path", "read"]


def checkpoint_of(cases_dir: Path | str, case_id: str) -> Checkpoint | None:
    """One case's last checkpoint, found from the end of the journal (the chain itself is
    checked by `read`, i.e. by `bti cases verify`); None without a journal or a line for it."""
    path = journal_path(cases_dir)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    needle = f" {case_id} ".encode("ascii")
    end = len(raw)
    while True:
        at = raw.rfind(needle, 0, end)
        if at < 0:
            return None
        start = raw.rfind(b"\n", 0, at) + 1
        stop = raw.find(b"\n", at)
        if stop < 0:  # a torn last line
            end = start
            continue
        parts = raw[start:stop].split(b" ")
        if len(parts) == 5 and parts[1] == needle.strip():
            try:
                number = raw.count(b"\n", 0, start) + 1
                return Checkpoint(int(parts[2]), parts[3].decode("ascii"), number)
            except ValueError:
                return None
        end = start
