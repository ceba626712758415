"""The case log: create, open, append, verify; modes; tamper and truncation detection."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
import tomllib
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bti_cli.caselog import log as caselog
from bti_cli.caselog.log import CaseChanged, CaseLog, iter_case_files, new_case_id, verify_file
from bti_cli.caselog.models import CASE_ID_PATTERN
from bti_cli.errors import CaseNotFound, DataError, InputError, VerificationError
from bti_cli.privacy.controls import has_controls

NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


def make(cases_dir, **kw) -> CaseLog:
    return CaseLog.create(cases_dir, municipality="loten", catalogue_version="cat-1",
                          process_version="proc-1", now=kw.pop("now", NOW))


def fill(log: CaseLog, n: int = 3) -> None:
    for i in range(n):
        log.append(level=0, step="concern", kind="answer", question=f"q{i}", value=f"svar {i}",
                   actor_role="teacher", at=NOW)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# --------------------------------------------------------------------------- ids


def test_new_case_id_pattern_and_year():
    ids = {new_case_id(NOW) for _ in range(200)}
    assert all(re.match(CASE_ID_PATTERN, i) for i in ids)
    assert all(i.startswith("BTI-2026-") for i in ids)
    assert len(ids) > 190  # random, not a counter
    assert not any(c in "ILOU" for i in ids for c in i[9:])


def test_new_case_id_avoids_existing(cases_dir, monkeypatch):
    cases_dir.mkdir()
    (cases_dir / "BTI-2026-AAAAA.toml").write_text("")
    # the first candidate (AAAAA) is taken, the next (BBBBB) is free
    calls = iter("AAAAABBBBB")
    monkeypatch.setattr(caselog.secrets, "choice", lambda alphabet: next(calls))
    assert new_case_id(NOW, cases_dir) == "BTI-2026-BBBBB"


def test_create_never_overwrites_an_existing_case(cases_dir, monkeypatch):
    first = make(cases_dir)
    fill(first, 2)
    before = first.path.read_bytes()
    ids = iter([first.case_id, "BTI-2026-ZZZZZ"])
    # new_case_id's existence check is bypassed: the atomic hard link must still refuse
    monkeypatch.setattr(caselog, "new_case_id", lambda now=None, cases_dir=None: next(ids))
    second = make(cases_dir)
    assert second.case_id == "BTI-2026-ZZZZZ"
    assert first.path.read_bytes() == before


# --------------------------------------------------------------------------- create / open / append


def test_create_writes_header_only_file(cases_dir):
    log = make(cases_dir)
    assert log.path == cases_dir / f"{log.case_id}.toml"
    data = tomllib.loads(log.path.read_text("utf-8"))
    assert data == {
        "schema_version": 1, "case_id": log.case_id, "municipality": "loten",
        "catalogue_version": "cat-1", "process_version": "proc-1", "created": "2026-11-23T14:05:00Z",
    }
    assert log.events == []
    assert log.verify() == []


def test_append_chains_events_and_open_round_trips(cases_dir):
    log = make(cases_dir)
    e0 = log.append(level=0, step="concern", kind="answer", question="age", value=7, actor_role="teacher", at=NOW)
    e1 = log.append(level=0, step="concern", kind="answer", question="areas", value=["language", "play"])
    e2 = log.append(level=0, step="decide", kind="decision", value="level:1")
    e3 = log.append(level=1, step="measures", kind="answer", question="measures",
                    value={"m-1": ["service:school", "tier:selective"], "flag": True})
    assert [e.seq for e in log.events] == [0, 1, 2, 3]
    assert e0.prev_hash == caselog.header_hash(log.header)
    assert e1.prev_hash == e0.hash and e2.prev_hash == e1.hash and e3.prev_hash == e2.hash
    assert e0.at == "2026-11-23T14:05:00Z"
    assert e2.kind.value == "decision" and e2.question is None

    again = CaseLog.open(cases_dir, log.case_id.lower())  # ids are case-insensitive
    assert again.header == log.header
    assert again.events == log.events
    assert again.verify() == []
    assert log.path.read_bytes() == caselog.render(log.header, log.events)


def test_event_hash_is_documented_canonical_json(cases_dir):
    """The hash can be recomputed from the TOML table alone (see "The hash chain" in docs/file-formats.md)."""
    log = make(cases_dir)
    fill(log, 2)
    data = tomllib.loads(log.path.read_text("utf-8"))
    events = data.pop("events")
    header_digest = hashlib.sha256(
        json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).hexdigest()
    assert events[0]["prev_hash"] == header_digest
    for table in events:
        body = {k: v for k, v in table.items() if k != "hash"}
        digest = hashlib.sha256(
            json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        ).hexdigest()
        assert table["hash"] == digest


def test_none_fields_are_left_out_of_the_file(cases_dir):
    log = make(cases_dir)
    log.append(level=0, step="decide", kind="decision", value="close")
    table = tomllib.loads(log.path.read_text("utf-8"))["events"][0]
    assert "question" not in table and "actor_role" not in table


def test_open_unknown_and_malformed_ids(cases_dir):
    make(cases_dir)
    with pytest.raises(CaseNotFound):
        CaseLog.open(cases_dir, "BTI-2026-00000")
    for bad in ("../etc/passwd", "BTI-2026-ILOU0", "", "BTI-26-12345"):
        with pytest.raises(CaseNotFound):
            CaseLog.open(cases_dir, bad)
    with pytest.raises(CaseNotFound):
        CaseLog.open(cases_dir / "missing", "BTI-2026-00000")


def test_append_rejects_invalid_events_without_writing(cases_dir):
    log = make(cases_dir)
    before = log.path.read_bytes()
    with pytest.raises(InputError):
        log.append(level=7, step="concern", kind="answer")
    with pytest.raises(InputError):
        log.append(level=0, step="", kind="answer")
    with pytest.raises(InputError):
        log.append(level=0, step="concern", kind="gossip")
    with pytest.raises(InputError):
        log.append(level=0, step="concern", kind="answer", value=1.5)
    with pytest.raises(InputError):
        log.append(level=0, step="concern", kind="answer", value=2**70)
    with pytest.raises(InputError):
        log.append(level=0, step="concern", kind="answer", value="\ud800")
    assert log.path.read_bytes() == before
    assert log.events == []


@pytest.mark.parametrize("text", [
    "ring mor på 912 34 567",
    "tlf +47 41234567",
    "kari.nordmann@example.com",
    "fnr 01010112345",
    "født 010101 12345",
])
def test_append_refuses_direct_identifiers(cases_dir, text):
    log = make(cases_dir)
    before = log.path.read_bytes()
    with pytest.raises(InputError) as info:
        log.append(level=0, step="observations", kind="answer", question="seen", value=text)
    assert text not in info.value.message and "observations" in info.value.message
    with pytest.raises(InputError):
        log.append(level=0, step="observations", kind="answer", value={"notes": [text]})
    assert log.path.read_bytes() == before


@pytest.mark.parametrize("text", [
    "2026-11-23", "2026-11-23T14:05:00Z", "alder 7 år, skala 3", "tiltak m-12 og m-13", "uke 47",
])
def test_guard_lets_ordinary_answers_through(cases_dir, text):
    assert caselog.personal_data_kinds(text) == []


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("0123456789   +-.,@abxyzæ"), min_size=1, max_size=40))
def test_text_scrubbed_by_the_anonymiser_is_never_refused(text):
    """The guard is a floor under the scrubber, never stricter: scrubbed text always passes."""
    anonymise = pytest.importorskip("bti_cli.privacy.scrubber")
    assert caselog.personal_data_kinds(anonymise.scrub(text).text) == []


def test_iter_case_files_skips_other_files(cases_dir):
    a, b = make(cases_dir), make(cases_dir)
    fill(a, 1)
    (cases_dir / "index.sqlite").write_bytes(b"")
    (cases_dir / f".{a.case_id}.123.abcd.tmp").write_text("x")
    (cases_dir / "notes.toml").write_text("")
    assert [p.name for p in iter_case_files(cases_dir)] == sorted([f"{a.case_id}.toml", f"{b.case_id}.toml"])
    assert list(iter_case_files(cases_dir / "nothing-here")) == []


def test_index_hook_called_after_each_write(cases_dir, monkeypatch):
    from bti_cli.caselog import index
    from bti_cli.caselog.store import create_case

    seen = []
    monkeypatch.setattr(index, "on_case_written", lambda log: seen.append(len(log.events)))
    log = create_case(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    fill(log, 2)
    assert seen == [0, 1, 2]


def test_index_failure_does_not_undo_the_write(cases_dir, monkeypatch):
    from bti_cli.caselog import index

    def boom(log):
        raise RuntimeError("index down")

    monkeypatch.setattr(index, "on_case_written", boom)
    from bti_cli.caselog.store import create_case

    log = create_case(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    log.append(level=0, step="concern", kind="note", value="x")
    assert isinstance(log.index_error, RuntimeError)
    assert len(CaseLog.open(cases_dir, log.case_id).events) == 1


# --------------------------------------------------------------------------- modes


def test_modes_are_0600_and_0700(cases_dir):
    log = make(cases_dir)
    fill(log, 1)
    assert mode(cases_dir) == 0o700
    assert mode(log.path) == 0o600
    assert mode(cases_dir / ".locks") == 0o700
    assert mode(cases_dir / ".locks" / f"{log.case_id}.lock") == 0o600


def test_looser_modes_are_tightened(cases_dir):
    log = make(cases_dir)
    os.chmod(cases_dir, 0o755)
    os.chmod(log.path, 0o644)
    CaseLog.open(cases_dir, log.case_id)
    assert mode(log.path) == 0o600 and mode(cases_dir) == 0o700
    os.chmod(cases_dir, 0o775)
    make(cases_dir)  # creating a case fixes the folder too
    assert mode(cases_dir) == 0o700
    os.chmod(log.path, 0o664)
    log.append(level=0, step="concern", kind="note", value="x")  # a write replaces the file 0600
    assert mode(log.path) == 0o600


def test_modes_hold_under_a_permissive_umask(cases_dir):
    old = os.umask(0)
    try:
        log = make(cases_dir)
        fill(log, 1)
    finally:
        os.umask(old)
    assert mode(cases_dir) == 0o700 and mode(log.path) == 0o600


# --------------------------------------------------------------------------- tampering


def _flip(path, offset: int, new: bytes) -> None:
    data = bytearray(path.read_bytes())
    data[offset:offset + 1] = new
    path.write_bytes(bytes(data))


def test_changing_any_single_byte_is_detected(cases_dir):
    log = make(cases_dir)
    log.append(level=0, step="concern", kind="answer", question="age", value=7, actor_role="teacher")
    log.append(level=0, step="concern", kind="answer", question="areas", value={"a": ["x", 1, True]})
    original = log.path.read_bytes()
    for offset in range(len(original)):
        for replacement in {b" ", b"\t", b"0", b"a", b"\n"} - {original[offset:offset + 1]}:
            _flip(log.path, offset, replacement)
            problems = verify_file(log.path).problems
            assert problems, (offset, replacement, original[max(0, offset - 20):offset + 20])
            log.path.write_bytes(original)
    assert verify_file(log.path).ok


def test_value_edit_breaks_the_hash(cases_dir):
    log = make(cases_dir)
    fill(log, 3)
    text = log.path.read_text("utf-8").replace('value = "svar 1"', 'value = "svar 9"')
    log.path.write_text(text, "utf-8")
    problems = log.verify()
    assert any("1" in p and "hash" in p for p in problems)
    assert len(problems) == 1  # reported once, not for every later event
    with pytest.raises(VerificationError) as info:
        CaseLog.open(cases_dir, log.case_id)
    assert log.case_id in info.value.message and "svar" not in info.value.message
    opened = CaseLog.open(cases_dir, log.case_id, check=False)
    assert opened.problems == problems


def test_header_edit_breaks_the_chain(cases_dir):
    log = make(cases_dir)
    fill(log, 2)
    text = log.path.read_text("utf-8").replace('municipality = "loten"', 'municipality = "elverum"')
    log.path.write_text(text, "utf-8")
    problems = log.verify()
    assert problems and "0" in problems[0] and "prev_hash" in problems[0]


def test_recomputed_hash_still_breaks_the_next_link(cases_dir):
    log = make(cases_dir)
    fill(log, 3)
    data = tomllib.loads(log.path.read_text("utf-8"))
    event = data["events"][1]
    event["value"] = "endret"
    event["hash"] = caselog.event_hash(event)
    import tomli_w

    log.path.write_text(caselog.FILE_COMMENT + tomli_w.dumps({k: v for k, v in data.items() if k != "events"})
                        + "".join("\n" + tomli_w.dumps({"events": [e]}) for e in data["events"]), "utf-8")
    problems = log.verify()
    assert len(problems) == 1 and "2" in problems[0]


def test_deleted_or_reordered_events_are_detected(cases_dir):
    log = make(cases_dir)
    fill(log, 3)
    text = log.path.read_text("utf-8")
    head, *chunks = text.split("\n[[events]]\n")
    log.path.write_text(head + "".join("\n[[events]]\n" + c for c in (chunks[0], chunks[2])), "utf-8")
    problems = log.verify()
    assert any("seq" in p or "2" in p for p in problems)
    log.path.write_text(head + "".join("\n[[events]]\n" + c for c in (chunks[1], chunks[0], chunks[2])), "utf-8")
    assert log.verify()


@pytest.mark.parametrize("cut", [1, 10, 40, 100])
def test_truncated_file_is_reported_not_dropped(cases_dir, cut):
    log = make(cases_dir)
    fill(log, 4)
    raw = log.path.read_bytes()
    log.path.write_bytes(raw[:-cut])
    result = verify_file(log.path)
    assert not result.ok and result.problems
    with pytest.raises(VerificationError) as info:
        CaseLog.open(cases_dir, log.case_id)
    assert log.case_id in info.value.message
    try:  # lenient opening (for `show`) still never hides the damage
        lenient = CaseLog.open(cases_dir, log.case_id, check=False)
    except VerificationError:
        pass
    else:
        assert lenient.problems


def test_torn_last_event_missing_fields_is_reported(cases_dir):
    log = make(cases_dir)
    fill(log, 2)
    text = log.path.read_text("utf-8")
    cut = text.rindex("prev_hash")  # a syntactically complete but torn last event
    log.path.write_text(text[:cut], "utf-8")
    problems = verify_file(log.path).problems
    assert any("1" in p and "prev_hash" in p and "hash" in p for p in problems)
    with pytest.raises(VerificationError) as info:
        CaseLog.open(cases_dir, log.case_id)
    assert "1" in info.value.message


def test_garbage_empty_and_binary_files(cases_dir):
    log = make(cases_dir)
    for junk in (b"", b"\x00\xff\xfe garbage", b"not = [toml", b'case_id = "x"\n'):
        log.path.write_bytes(junk)
        assert not verify_file(log.path).ok
        with pytest.raises(VerificationError):
            CaseLog.open(cases_dir, log.case_id)


def test_file_with_other_case_id_is_flagged(cases_dir):
    a, b = make(cases_dir), make(cases_dir)
    os.replace(a.path, b.path)
    assert any(a.case_id not in p and b.case_id in p for p in verify_file(b.path).problems)


def test_newer_schema_is_a_data_error(cases_dir):
    log = make(cases_dir)
    text = log.path.read_text("utf-8").replace("schema_version = 1", "schema_version = 99")
    log.path.write_text(text, "utf-8")
    with pytest.raises(DataError):
        CaseLog.open(cases_dir, log.case_id)
    assert not verify_file(log.path).ok


def test_append_refuses_on_a_tampered_file(cases_dir):
    log = make(cases_dir)
    fill(log, 2)
    text = log.path.read_text("utf-8").replace('value = "svar 0"', 'value = "svar 7"')
    log.path.write_text(text, "utf-8")
    with pytest.raises(VerificationError):
        log.append(level=0, step="concern", kind="note", value="x")
    assert log.path.read_text("utf-8") == text
    lenient = CaseLog.open(cases_dir, log.case_id, check=False)
    assert lenient.problems
    with pytest.raises(VerificationError):
        lenient.append(level=0, step="concern", kind="note", value="x")
    assert log.path.read_text("utf-8") == text


# --------------------------------------------------------------------------- a second writer (in-process)


def test_second_writer_is_refused_then_can_merge(cases_dir):
    a = make(cases_dir)
    fill(a, 1)
    b = CaseLog.open(cases_dir, a.case_id)
    b.append(level=0, step="concern", kind="note", value="from b")
    with pytest.raises(CaseChanged) as info:
        a.append(level=0, step="concern", kind="note", value="from a")
    assert "1" in info.value.message
    assert len(CaseLog.open(cases_dir, a.case_id).events) == 2
    event = a.append(level=0, step="concern", kind="note", value="from a", merge=True)
    assert event.seq == 2 and event.prev_hash == b.events[-1].hash
    final = CaseLog.open(cases_dir, a.case_id)
    assert [e.value for e in final.events] == ["svar 0", "from b", "from a"]
    assert final.verify() == []


def test_rewritten_file_is_never_merged(cases_dir):
    a = make(cases_dir)
    fill(a, 2)
    b = CaseLog.open(cases_dir, a.case_id)
    # b's view is replaced by a file with a different history (another valid case)
    other = make(cases_dir)
    fill(other, 1)
    os.replace(other.path, a.path)
    with pytest.raises(VerificationError):
        b.append(level=0, step="concern", kind="note", value="x", merge=True)


def test_reload_picks_up_other_writers(cases_dir):
    a = make(cases_dir)
    b = CaseLog.open(cases_dir, a.case_id)
    fill(b, 2)
    a.reload()
    assert a.events == b.events
    a.append(level=0, step="concern", kind="note", value="ok")


def test_stale_temp_files_are_swept(cases_dir):
    log = make(cases_dir)
    stale = cases_dir / f".{log.case_id}.99999.deadbeef.tmp"
    stale.write_bytes(b"half")
    other = cases_dir / ".BTI-2026-00000.1.ab.tmp"
    other.write_bytes(b"not ours")
    log.append(level=0, step="concern", kind="note", value="x")
    assert not stale.exists() and other.exists()


def test_lock_timeout_raises_case_busy(cases_dir):
    log = make(cases_dir)
    # a second descriptor in the same process conflicts like another process would
    with caselog._Lock(cases_dir, log.case_id), pytest.raises(caselog.CaseBusy), \
            caselog._Lock(cases_dir, log.case_id, timeout=0.05):
        pass
    # append waits for the lock as long as the log's lock_timeout, then gives up clearly
    log.lock_timeout = 0.05
    started = time.monotonic()
    with caselog._Lock(cases_dir, log.case_id), pytest.raises(caselog.CaseBusy):
        log.append(level=0, step="concern", kind="note", value="x")
    assert time.monotonic() - started < caselog.LOCK_TIMEOUT  # the parameter, not the default, was used
    assert log.events == [] and caselog.verify_file(log.path).ok


# --------------------------------------------------------------------------- property: any appends round-trip

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30).filter(
    lambda s: not caselog.personal_data_kinds(s) and not has_controls(s))
_scalar = st.one_of(_text, st.integers(-(2**63), 2**63 - 1).filter(lambda i: abs(i) < 10**7), st.booleans())
_value = st.one_of(
    st.none(), _scalar, st.lists(_scalar, max_size=4),
    st.dictionaries(_text, st.one_of(_scalar, st.lists(_scalar, max_size=3)), max_size=3),
)
_step = st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)
_event = st.fixed_dictionaries({
    "level": st.integers(0, 3),
    "step": _step,
    "kind": st.sampled_from(["answer", "decision", "notify", "handover", "accept", "evaluation", "close", "note"]),
    "question": st.one_of(st.none(), st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)),
    "value": _value,
    "actor_role": st.one_of(st.none(), _step.filter(lambda s: not caselog.personal_data_kinds(s))),
})


def _stripped(value):
    """What the strict model makes of a value (it trims whitespace, by pydantic's definition)."""
    from pydantic import ConfigDict, TypeAdapter

    from bti_cli.caselog.models import AnswerValue

    adapter = TypeAdapter(AnswerValue | None, config=ConfigDict(str_strip_whitespace=True))
    return adapter.validate_python(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(_event, max_size=8))
def test_any_sequence_of_appends_round_trips_and_verifies(tmp_path_factory, events):
    cases_dir = tmp_path_factory.mktemp("prop") / "cases"
    log = make(cases_dir)
    for spec in events:
        log.append(**spec)
    again = CaseLog.open(cases_dir, log.case_id)
    assert again.events == log.events
    assert again.verify() == []
    for spec, event in zip(events, again.events, strict=True):
        assert event.value == _stripped(spec["value"])
        assert event.step == spec["step"] and event.kind.value == spec["kind"]


# --------------------------------------------------------------------------- Ctrl-C during a write


@pytest.fixture
def ctrl_c():
    """Ctrl-C raises KeyboardInterrupt, as in a terminal, also when the tests run in a job started
    in the background (it inherits SIGINT ignored, and Python then installs no handler)."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_during_the_write_leaves_disk_and_memory_agreeing(cases_dir, monkeypatch, ctrl_c):
    import signal

    log = make(cases_dir)
    fill(log, 1)
    from bti_cli import fileio

    real = fileio.atomic_write

    def interrupted(path, data, **kw):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C arrives in the middle of the write
        return real(path, data, **kw)

    monkeypatch.setattr(fileio, "atomic_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        log.append(level=0, step="concern", kind="note", value="during ctrl-c")
    # the interrupt was held until the event was both on disk and in memory
    on_disk = CaseLog.open(cases_dir, log.case_id)
    assert on_disk.events == log.events and log.events[-1].value == "during ctrl-c"


def test_ctrl_c_handed_to_another_thread_is_held_too(cases_dir, monkeypatch, ctrl_c):
    """A process-directed SIGINT may reach any thread that does not block it; the write still
    finishes before the interrupt is raised in the main thread."""
    import signal
    import threading

    log = make(cases_dir)
    fill(log, 1)
    from bti_cli import fileio

    real = fileio.atomic_write
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)  # a thread with SIGINT unblocked
    other.start()

    def interrupted(path, data, **kw):
        signal.pthread_kill(other.ident, signal.SIGINT)
        return real(path, data, **kw)

    monkeypatch.setattr(fileio, "atomic_write", interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            log.append(level=0, step="concern", kind="note", value="during ctrl-c")
    finally:
        stop.set()
        other.join()
    assert CaseLog.open(cases_dir, log.case_id).events == log.events
    assert log.events[-1].value == "during ctrl-c"


def test_ctrl_c_before_the_write_writes_nothing(cases_dir, monkeypatch):
    import signal

    log = make(cases_dir)
    fill(log, 1)
    before = log.path.read_bytes()

    from bti_cli import fileio

    def interrupted(path, data, mode=0o600):
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio, "write_temp", interrupted)
    with pytest.raises(KeyboardInterrupt):
        log.append(level=0, step="concern", kind="note", value="lost")
    assert log.path.read_bytes() == before and len(log.events) == 1
    assert signal.getsignal(signal.SIGINT) is not None
    assert not [p for p in cases_dir.iterdir() if p.name.endswith(".tmp")]


def test_layout_is_pinned(cases_dir, monkeypatch):
    """The canonical layout (which `verify` compares byte for byte) must not drift, e.g. with a
    tomli_w upgrade: that would make every existing case file fail verification."""
    monkeypatch.setattr(caselog, "new_case_id", lambda now=None, cases_dir=None: "BTI-2026-7K3Q9")
    log = make(cases_dir)
    log.append(level=0, step="l0-concern", kind="answer", question="areas", value=["language", "play"],
               actor_role="kontaktlærer", at=NOW)
    log.append(level=1, step="l1-plan", kind="answer", question="measures",
               value={"m-1": ["service:school", "tier:selective"]}, at=NOW)
    log.append(level=1, step="l1-plan", kind="note", value='«sitat» "x"\tog\\n', at=NOW)
    text = log.path.read_text("utf-8")
    head, *events = text.split("\n[[events]]\n")
    assert head == (
        "# bti case file: do not edit; `bti cases verify` detects any change.\n"
        'schema_version = 1\ncase_id = "BTI-2026-7K3Q9"\nmunicipality = "loten"\n'
        'catalogue_version = "cat-1"\nprocess_version = "proc-1"\ncreated = "2026-11-23T14:05:00Z"\n'
    )
    h = [e.hash for e in log.events]
    assert events[0] == (
        'seq = 0\nat = "2026-11-23T14:05:00Z"\nlevel = 0\nstep = "l0-concern"\nkind = "answer"\n'
        'question = "areas"\nvalue = [\n    "language",\n    "play",\n]\nactor_role = "kontaktlærer"\n'
        f'prev_hash = "{caselog.header_hash(log.header)}"\nhash = "{h[0]}"\n'
    )
    assert events[1] == (
        'seq = 1\nat = "2026-11-23T14:05:00Z"\nlevel = 1\nstep = "l1-plan"\nkind = "answer"\n'
        f'question = "measures"\nprev_hash = "{h[0]}"\nhash = "{h[1]}"\n\n'
        '[events.value]\nm-1 = [\n    "service:school",\n    "tier:selective",\n]\n'
    )
    assert events[2] == (
        'seq = 2\nat = "2026-11-23T14:05:00Z"\nlevel = 1\nstep = "l1-plan"\nkind = "note"\n'
        'value = "«sitat» \\"x\\"\tog\\\\n"\n'  # a tab stays a tab
        f'prev_hash = "{h[1]}"\nhash = "{h[2]}"\n'
    )
    # and the hashes themselves are pinned by the documented canonical JSON
    assert h[0] == hashlib.sha256(json.dumps(
        {k: v for k, v in tomllib.loads(text)["events"][0].items() if k != "hash"},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()


def test_append_many_writes_all_events_in_one_chained_write(tmp_path):
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.create(tmp_path / "many", municipality="loten", catalogue_version="c" * 16,
                         process_version="p" * 16)
    first = log.append(level=0, step="l0-concern", kind="answer", question="age", value=9)
    batch = log.append_many([
        {"level": 0, "step": "l0-concern", "kind": "answer", "question": "areas", "value": ["learning"]},
        {"level": 0, "step": "l0-decide", "kind": "decision", "value": "level:1"},
    ])
    assert [e.seq for e in batch] == [1, 2]
    assert batch[0].prev_hash == first.hash and batch[1].prev_hash == batch[0].hash
    reopened = CaseLog.open(tmp_path / "many", log.case_id)
    assert reopened.events == log.events and reopened.verify() == []


def test_append_many_refuses_personal_data_and_writes_nothing(tmp_path):
    import pytest

    from bti_cli.caselog.log import CaseLog
    from bti_cli.errors import InputError

    log = CaseLog.create(tmp_path / "many", municipality="loten", catalogue_version="c" * 16,
                         process_version="p" * 16)
    before = log.path.read_bytes()
    with pytest.raises(InputError):
        log.append_many([
            {"level": 0, "step": "l0-concrete", "kind": "answer", "question": "seen", "value": "ok"},
            {"level": 0, "step": "l0-concrete", "kind": "answer", "question": "said", "value": "ring 98765432"},
        ])
    assert log.path.read_bytes() == before and log.events == []
