"""The case writer's rules at their edges, through its public behaviour (CaseLog create/open/
append/append_many), so that they hold whichever helper does the atomic write: every write is
fsynced (the file and its folder); another writer's appended events are taken over only with
`merge=True`; a different history of the same case is refused, also with `merge=True`, so an
acknowledged event is never dropped; the schema-version boundary; the personal-data guard."""

from __future__ import annotations

import os
import stat

import pytest

from bti_cli.caselog.log import CaseChanged, CaseLog
from bti_cli.errors import BtiError, DataError, InputError, VerificationError
from bti_cli.i18n import t


def new(cases_dir):
    return CaseLog.create(cases_dir, municipality="loten", catalogue_version="0123456789abcdef",
                          process_version="fedcba9876543210")


def add(log, n, **kw):
    return log.append(level=0, step="l0-concrete", kind="answer", question="observations", value=f"obs {n}", **kw)


def values(log):
    return [e.value for e in log.events]


# --------------------------------------------------------------------------- durability


@pytest.fixture
def fsyncs(monkeypatch):
    """Every fsync as 'file' or 'dir' (what the descriptor is), in order."""
    calls: list[str] = []
    real = os.fsync

    def spy(fd):
        calls.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        return real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return calls


def test_create_fsyncs_the_file_and_its_folder(cases_dir, fsyncs):
    new(cases_dir)
    assert "file" in fsyncs and "dir" in fsyncs
    assert fsyncs.index("file") < len(fsyncs) - 1 - fsyncs[::-1].index("dir")  # the folder after the file


def test_every_append_fsyncs_the_file_then_the_folder(cases_dir, fsyncs):
    log = new(cases_dir)
    for n in range(3):
        fsyncs.clear()
        add(log, n)
        assert fsyncs.count("file") >= 1 and fsyncs.count("dir") >= 1, fsyncs
        assert fsyncs[-1] == "dir" or fsyncs.index("file") < fsyncs.index("dir")
    fsyncs.clear()
    log.append_many([{"level": 0, "step": "l0-concrete", "kind": "answer", "question": "duration",
                      "value": "weeks"}, {"level": 0, "step": "l0-concrete", "kind": "answer",
                                          "question": "earlier", "value": False}])
    assert fsyncs.count("file") >= 1 and fsyncs.count("dir") >= 1


def test_a_failed_fsync_leaves_the_file_as_it_was(cases_dir, monkeypatch):
    log = new(cases_dir)
    add(log, 0)
    before = log.path.read_bytes()

    def broken(fd):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "fsync", broken)
    from bti_cli.caselog.log import CaseNotSaved

    with pytest.raises(CaseNotSaved, match="I/O error"):  # said in words, exit 1
        add(log, 1)
    monkeypatch.undo()
    assert log.path.read_bytes() == before
    assert [p.name for p in cases_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert values(CaseLog.open(cases_dir, log.case_id)) == ["obs 0"]


# --------------------------------------------------------------------------- two writers


def test_another_writers_events_need_merge(cases_dir):
    mine = new(cases_dir)
    add(mine, 0)
    theirs = CaseLog.open(cases_dir, mine.case_id)
    add(theirs, 1)
    with pytest.raises(CaseChanged):
        add(mine, 2)
    assert values(CaseLog.open(cases_dir, mine.case_id)) == ["obs 0", "obs 1"]
    mine.append_many([{"level": 0, "step": "l0-concrete", "kind": "answer", "question": "observations",
                       "value": "obs 2"}], merge=True)
    assert values(mine) == ["obs 0", "obs 1", "obs 2"]
    assert values(CaseLog.open(cases_dir, mine.case_id)) == ["obs 0", "obs 1", "obs 2"]
    assert [e.seq for e in mine.events] == [0, 1, 2]


def test_the_same_file_needs_no_merge(cases_dir):
    log = new(cases_dir)
    add(log, 0)
    add(log, 1)
    assert values(CaseLog.open(cases_dir, log.case_id)) == ["obs 0", "obs 1"]


@pytest.mark.parametrize("merge", [False, True])
def test_a_different_history_of_the_same_case_is_refused(cases_dir, tmp_path, merge):
    mine = new(cases_dir)
    add(mine, 0)
    at_one = mine.path.read_bytes()
    add(mine, 1)  # acknowledged: on disk, and in my log
    # elsewhere, someone writes another history on top of the older file, and it comes back
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / mine.path.name).write_bytes(at_one)
    other = CaseLog.open(elsewhere, mine.case_id)
    add(other, "x")
    add(other, "y")
    rewritten = other.path.read_bytes()
    mine.path.write_bytes(rewritten)
    with pytest.raises(VerificationError):
        mine.append_many([{"level": 0, "step": "l0-concrete", "kind": "answer", "question": "observations",
                           "value": "obs 2"}], merge=merge)
    assert values(mine) == ["obs 0", "obs 1"]  # my acknowledged event is not dropped
    assert mine.path.read_bytes() == rewritten  # and nothing is written over the other history


def test_a_changed_header_is_a_different_history(cases_dir):
    mine = new(cases_dir)
    add(mine, 0)
    raw = mine.path.read_bytes()
    other = CaseLog.create(cases_dir, municipality="elverum", catalogue_version="0123456789abcdef",
                           process_version="fedcba9876543210")
    add(other, 0)
    text = other.path.read_bytes().replace(other.case_id.encode(), mine.case_id.encode())
    assert text != raw
    mine.path.write_bytes(text)
    with pytest.raises((VerificationError, DataError)):
        mine.append_many([{"level": 0, "step": "s", "kind": "answer", "question": "q", "value": "v"}], merge=True)


def test_a_damaged_file_is_never_merged(cases_dir):
    mine = new(cases_dir)
    add(mine, 0)
    theirs = CaseLog.open(cases_dir, mine.case_id)
    add(theirs, 1)
    raw = mine.path.read_bytes()
    mine.path.write_bytes(raw.replace(b"obs 1", b"obs 9"))
    with pytest.raises(VerificationError):
        add(mine, 2)
    with pytest.raises(VerificationError):
        mine.append_many([{"level": 0, "step": "s", "kind": "answer", "question": "q", "value": "v"}], merge=True)


# --------------------------------------------------------------------------- schema versions


def test_the_schema_version_boundary(cases_dir):
    from bti_cli.caselog.models import SCHEMA_VERSION

    log = new(cases_dir)
    add(log, 0)
    raw = log.path.read_bytes()
    marker = f"schema_version = {SCHEMA_VERSION}\n".encode()
    assert marker in raw
    assert values(CaseLog.open(cases_dir, log.case_id)) == ["obs 0"]
    log.path.write_bytes(raw.replace(marker, f"schema_version = {SCHEMA_VERSION + 1}\n".encode()))
    with pytest.raises(DataError) as newer:
        CaseLog.open(cases_dir, log.case_id)
    assert str(SCHEMA_VERSION + 1) in " ".join([str(newer.value), *getattr(newer.value, "problems", [])])
    log.path.write_bytes(raw.replace(marker, f"schema_version = {SCHEMA_VERSION - 1}\n".encode()))
    with pytest.raises((VerificationError, DataError)):
        CaseLog.open(cases_dir, log.case_id)


# --------------------------------------------------------------------------- the personal-data guard


@pytest.mark.parametrize("phone", ["22 33 44 55", "22334455", "41 23 45 67", "+47 22 33 44 55", "90012345"])
def test_a_phone_number_is_refused_also_one_starting_with_2(cases_dir, phone):
    log = new(cases_dir)
    with pytest.raises(InputError):
        log.append(level=0, step="l0-concrete", kind="answer", question="observations", value=f"Ring {phone}.")
    with pytest.raises(InputError):
        log.append(level=0, step="l0-concrete", kind="answer", question="observations", value="ok",
                   actor_role=f"ring {phone}")
    assert log.events == []


def test_a_plain_observation_is_kept(cases_dir):
    log = new(cases_dir)
    add(log, 0)
    log.append(level=0, step="l0-concrete", kind="answer", question="age", value=12)
    assert values(CaseLog.open(cases_dir, log.case_id)) == ["obs 0", 12]


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, {"a": [2**63]}, [1, [2**63]], (2**63,), {"a": {"b": 2**64}}])
def test_integers_out_of_range_are_refused_as_numbers(cases_dir, value):
    log = new(cases_dir)
    with pytest.raises(InputError) as refused:
        log.append(level=0, step="s", kind="answer", question="q", value=value)
    assert str(refused.value) == t("caselog.bad_value", step="s")  # not "looks like an identity number"
    assert CaseLog.open(cases_dir, log.case_id).events == []


def test_integers_at_the_ends_of_the_range_are_kept(cases_dir):
    log = new(cases_dir)
    for value in ([-5, 7], True, False, {"n": 0}):
        log.append(level=0, step="s", kind="answer", question="q", value=value)
    assert values(log) == [[-5, 7], True, False, {"n": 0}]
    # the int64 ends themselves are in range (the guard, not the range, refuses them: 19 digits)
    for end in (2**63 - 1, -(2**63)):
        with pytest.raises(InputError) as refused:
            log.append(level=0, step="s", kind="answer", question="q", value=end)
        assert str(refused.value) != t("caselog.bad_value", step="s")


# --------------------------------------------------------------------------- the atomic-write helper


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_writes_leave_no_descriptor_open(cases_dir, monkeypatch):
    log = new(cases_dir)
    add(log, 0)
    before = _open_fds()
    for n in range(1, 6):
        add(log, n)
    assert _open_fds() == before

    def broken(fd):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises((OSError, BtiError)):
        add(log, 9)
    monkeypatch.undo()
    assert _open_fds() == before


def test_an_exclusive_write_never_replaces_and_leaves_no_temp_file(tmp_path):
    from bti_cli import fileio

    target = tmp_path / "case.toml"
    assert fileio.atomic_write(target, b"first", exclusive=True) is True
    assert fileio.atomic_write(target, b"second", exclusive=True) is False
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.toml"]
    assert fileio.atomic_write(target, b"third") is True
    assert target.read_bytes() == b"third"


def test_an_atomic_write_never_follows_a_link(tmp_path):
    from bti_cli import fileio

    real = tmp_path / "real.txt"
    real.write_bytes(b"keep")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    with pytest.raises(fileio.NotRegularFile):
        fileio.atomic_write(link, b"over")
    assert real.read_bytes() == b"keep" and link.is_symlink()


def test_every_write_is_checkpointed_in_the_journal(cases_dir):
    """After each durable append the journal holds the case's new head (what `bti cases verify
    --against` compares a later file with); one line per write, also for append_many."""
    from bti_cli.caselog import journal

    log = new(cases_dir)
    add(log, 0)
    first = journal.checkpoint_of(cases_dir, log.case_id)
    assert first is not None and (first.events, first.head) == (1, log.head_hash)
    log.append_many([{"level": 0, "step": "l0-concrete", "kind": "answer", "question": "observations",
                      "value": f"obs {n}"} for n in (1, 2)])
    point = journal.checkpoint_of(cases_dir, log.case_id)
    assert point is not None and (point.events, point.head) == (3, log.head_hash) and point.line == first.line + 1
    assert journal.read(cases_dir).heads[log.case_id] == point and not log.journal_error


@pytest.mark.parametrize("events", ["5", '"alle"', "{ a = 1 }"])
def test_events_that_are_not_a_list_are_a_problem_and_block_writing(cases_dir, events):
    from bti_cli.caselog.log import verify_file

    log = new(cases_dir)
    log.path.write_text(log.path.read_text(encoding="utf-8") + f"events = {events}\n", encoding="utf-8")
    assert verify_file(log.path).problems == [t("caselog.p_events_not_list")]
    with pytest.raises(BtiError):
        add(log, 0)  # the file changed under us and cannot be read: nothing is written


def test_verify_names_what_is_wrong_with_a_damaged_file(cases_dir):
    """Each kind of damage is named once, as itself: cut off mid-line, a field missing (not also
    as a bad field), a field of the wrong type."""
    from bti_cli.caselog.log import verify_file

    log = new(cases_dir)
    log.append(level=0, step="s", kind="answer", question="q", value="x")
    raw = log.path.read_text(encoding="utf-8")
    log.path.write_text(raw[:-5], encoding="utf-8")  # the last line cut off
    problems = verify_file(log.path).problems
    assert len(problems) == 2 and problems[1] == t("caselog.p_truncated")
    assert problems[0].startswith(t("caselog.p_not_toml", detail="")[:8])
    log.path.write_text(raw.replace('step = "s"\n', "", 1), encoding="utf-8")
    assert verify_file(log.path).problems == [t("caselog.p_event_missing", n=0, fields="step"),
                                              t("caselog.p_hash", n=0)]
    log.path.write_text(raw.replace("level = 0", 'level = "x"', 1), encoding="utf-8")
    problems = verify_file(log.path).problems
    assert len(problems) == 2 and problems[0].startswith(t("caselog.p_event_field", n=0, detail="level:"))
    assert problems[1] == t("caselog.p_hash", n=0)


def test_an_event_that_is_not_a_table_is_named():
    from bti_cli.caselog.log import _parse

    raw = b'schema_version = 1\ncase_id = "BTI-2026-NJVXR"\nmunicipality = "loten"\n' \
          b'catalogue_version = "0123456789abcdef"\nprocess_version = "fedcba9876543210"\n' \
          b'created = "2026-12-01T14:25:21Z"\nevents = [5]\n'
    parsed = _parse(raw, None)
    assert t("caselog.p_event_not_table", n=0) in parsed.problems and not parsed.readable
