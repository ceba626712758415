"""The SQLite case index: updated on every write, rebuilt when files change behind its back,
corrupted files reported and skipped, and a fast reader that agrees with tomllib/caselog."""

from __future__ import annotations

import json
import os
import stat
from datetime import date

import pytest
from bti_case_factory import make_case, measure
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bti_cli.caselog import index, workers
from bti_cli.caselog.index import Index, due_items
from bti_cli.caselog.log import CaseLog
from bti_cli.caselog.store import create_case
from bti_cli.reports.export import EXPORT_KEYS, ExportRow


def export_ids(cases_dir) -> list[str]:
    with Index.open(cases_dir) as idx:
        idx.refresh()
        return [row["case_id"] for row in idx.export_rows()]


def refresh(cases_dir):
    with Index.open(cases_dir) as idx:
        return idx.refresh()


# --------------------------------------------------------------------------- the write hook


def test_every_write_updates_the_index(cases_dir):
    case = make_case(cases_dir, decision="level:1", measures={"leksehjelp": measure("barneskole", "selective")},
                     baton_holder="kontaktlaerer", evaluation_date="2026-04-20")
    path = index.index_path(cases_dir)
    assert path.exists()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with Index.open(cases_dir) as idx:
        stored = {r["case_id"]: r for r in idx.export_rows()}  # no refresh: written by the hook
    row = stored[case]
    assert row["level"] == 1 and row["baton_holder_role"] == "kontaktlaerer"
    assert row["measures"] == [{"id": "leksehjelp", "tiers": ["selective"], "service": "barneskole"}]
    assert row["next_evaluation"] == "2026-04-20"
    assert tuple(row) == EXPORT_KEYS
    ExportRow.model_validate(row)
    # the hook kept the stored stat in step: a refresh finds nothing to re-read
    assert refresh(cases_dir).read == 0


def test_hook_failure_never_undoes_a_write(cases_dir, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(index, "summary_columns", broken)
    log = create_case(cases_dir, municipality="loten", catalogue_version="x", process_version="y")
    assert isinstance(log.index_error, RuntimeError)
    assert (cases_dir / f"{log.case_id}.toml").exists()
    monkeypatch.undo()
    assert export_ids(cases_dir) == [log.case_id]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files through /proc")
def test_writing_to_many_folders_keeps_one_index_connection(tmp_path):
    """The hook keeps a connection for the process's writes, but one only: a long-lived process
    (a library user, the test suite) that writes to folder after folder must not run out of
    file descriptors (each WAL connection holds three)."""

    def open_index_files() -> int:
        count = 0
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            count += os.path.basename(target).startswith(index.INDEX_NAME)
        return count

    before = open_index_files()
    folders = [tmp_path / f"cases-{n}" for n in range(6)]
    for folder in folders:
        folder.mkdir()
        make_case(folder)
        assert index.index_path(folder).exists()
    assert open_index_files() - before <= 3
    make_case(folders[0])  # a folder written before gets its connection again
    assert export_ids(folders[0]) and len(export_ids(folders[0])) == 2


# --------------------------------------------------------------------------- staleness


def test_add_edit_delete_behind_its_back(cases_dir):
    first = make_case(cases_dir, created="2026-01-10")
    assert export_ids(cases_dir) == [first]
    with index.suspended():  # writes the index does not hear about
        second = make_case(cases_dir, created="2026-02-10", decision="level:2")
        log = CaseLog.open(cases_dir, first)
        log.append(level=1, step="close", kind="close", value={"closing_reason": "goal-reached"},
                   at="2026-03-01T10:00:00Z")
    result = refresh(cases_dir)
    assert (result.files, result.read, result.removed) == (2, 2, 0)
    with Index.open(cases_dir) as idx:
        rows = {r["case_id"]: r for r in idx.export_rows()}
    assert rows[first]["status"] == "closed" and rows[first]["closed"] == "2026-03-01"
    assert rows[second]["level"] == 2
    (cases_dir / f"{second}.toml").unlink()
    result = refresh(cases_dir)
    assert result.removed == 1
    assert export_ids(cases_dir) == [first]


def test_unchanged_files_are_not_read_again(cases_dir, monkeypatch):
    for day in ("2026-01-05", "2026-01-06", "2026-01-07"):
        make_case(cases_dir, created=day)
    (cases_dir / index.INDEX_NAME).unlink()
    assert refresh(cases_dir).read == 3
    calls = []
    real = index.read_case_file
    monkeypatch.setattr(index, "read_case_file", lambda p: calls.append(p) or real(p))
    with index.suspended():
        changed = make_case(cases_dir, created="2026-01-08")
    assert refresh(cases_dir).read == 1
    assert [os.path.basename(p) for p in calls] == [f"{changed}.toml"]


def test_other_files_in_the_folder_are_ignored(cases_dir):
    case = make_case(cases_dir)
    (cases_dir / "notes.toml").write_text("x = 1\n")
    (cases_dir / f".{case}.123.tmp").write_text("half")
    (cases_dir / "BTI-2026-ILOU0.toml").write_text("x = 1\n")  # I, L, O, U are not in case ids
    assert export_ids(cases_dir) == [case]
    assert refresh(cases_dir).problems == []


def test_fingerprint_change_rebuilds(cases_dir, monkeypatch):
    make_case(cases_dir)
    assert refresh(cases_dir).rebuilt is False
    monkeypatch.setattr(index, "fingerprint", lambda: "another-program")
    result = refresh(cases_dir)
    assert result.rebuilt and result.read == 1
    assert refresh(cases_dir).rebuilt is False


def test_force_rebuilds_everything(cases_dir):
    make_case(cases_dir)
    make_case(cases_dir)
    with Index.open(cases_dir) as idx:
        result = idx.refresh(force=True)
    assert result.rebuilt and result.read == 2


def test_damaged_index_file_is_replaced(cases_dir):
    case = make_case(cases_dir)
    path = index.index_path(cases_dir)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.unlink(f"{path}{suffix}")
    path.write_bytes(b"this is not a database" * 100)
    assert export_ids(cases_dir) == [case]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_missing_cases_folder_reads_as_empty(tmp_path):
    folder = tmp_path / "nowhere"
    assert export_ids(folder) == []
    assert not folder.exists()  # reading never creates the folder


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_gets_an_index_in_memory(cases_dir):
    case = make_case(cases_dir)
    index.index_path(cases_dir).unlink()
    os.chmod(cases_dir, 0o500)
    try:
        with Index.open(cases_dir) as idx:
            assert not idx.persistent
            idx.refresh()
            assert [r["case_id"] for r in idx.export_rows()] == [case]
    finally:
        os.chmod(cases_dir, 0o700)


def test_parallel_rebuild_matches_serial(cases_dir, monkeypatch):
    for i in range(12):
        make_case(cases_dir, created=f"2026-02-{i + 1:02d}", decision=("level:1", "close", "level:2")[i % 3],
                  age=i)
    (cases_dir / "BTI-2026-AAAAA.toml").write_text("garbage", encoding="utf-8")
    with Index.open(cases_dir) as idx:
        idx.refresh(force=True)
        serial = list(idx.export_texts()), [p.name for p in idx.problems()]
    monkeypatch.setattr(workers, "PARALLEL_MIN", 2)
    monkeypatch.setattr(workers, "worker_count", lambda total: 2)
    seen = []
    with Index.open(cases_dir) as idx:
        idx.refresh(force=True, progress=lambda done, total: seen.append((done, total)))
        parallel = list(idx.export_texts()), [p.name for p in idx.problems()]
    assert parallel == serial
    assert seen[0] == (0, 13) and seen[-1] == (13, 13)


# --------------------------------------------------------------------------- corrupted files


def test_corrupted_file_is_reported_and_skipped(cases_dir):
    good = make_case(cases_dir, created="2026-01-02")
    bad = make_case(cases_dir, created="2026-01-03")
    path = cases_dir / f"{bad}.toml"
    path.write_bytes(path.read_bytes()[:-40])  # a torn last event
    result = refresh(cases_dir)
    assert [p.name for p in result.problems] == [f"{bad}.toml"]
    message = result.problems[0].message
    assert bad in message and "Virker" not in message  # names the case, never its content
    assert export_ids(cases_dir) == [good]
    # the problem stays reported until the file is fixed or removed, without re-reading it
    assert refresh(cases_dir).read == 0 and len(refresh(cases_dir).problems) == 1
    path.unlink()
    assert refresh(cases_dir).problems == []


def test_tampered_value_is_a_problem(cases_dir):
    case = make_case(cases_dir, age=7)
    path = cases_dir / f"{case}.toml"
    text = path.read_text(encoding="utf-8")
    assert 'question = "age"\nvalue = 7\n' in text
    path.write_text(text.replace('question = "age"\nvalue = 7\n', 'question = "age"\nvalue = 8\n'),
                    encoding="utf-8")
    assert [p.case_id for p in refresh(cases_dir).problems] == [case]
    assert export_ids(cases_dir) == []


@pytest.mark.parametrize("content", [b"", b"\xff\xfe not utf-8", b"[[events]]\nseq = 'x'\n", b"schema_version = 99\n"])
def test_unreadable_contents_are_problems(cases_dir, content):
    (cases_dir).mkdir(parents=True, exist_ok=True)
    (cases_dir / "BTI-2026-AB12C.toml").write_bytes(content)
    problems = refresh(cases_dir).problems
    assert [p.name for p in problems] == ["BTI-2026-AB12C.toml"]
    assert problems[0].message


def test_layout_change_is_reported_like_verify_does(cases_dir):
    """Any changed byte, even a space, makes caselog refuse the file; so does the index."""
    from bti_cli.caselog.log import verify_file

    case = make_case(cases_dir)
    path = cases_dir / f"{case}.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("seq = 0\n", "seq  =  0\n"), encoding="utf-8")
    assert not verify_file(path).ok
    assert [p.case_id for p in refresh(cases_dir).problems] == [case]
    assert export_ids(cases_dir) == []


# --------------------------------------------------------------------------- one reader

MUTATIONS = st.sampled_from([
    "comment", "blank", "swap_header", "no_final_newline", "drop_last_event", "flip_byte", "delete_byte",
    "duplicate_byte", "crlf", "indent", "none",
])


def _mutate(raw: bytes, how: str, where: int) -> bytes:
    lines = raw.split(b"\n")
    at = where % max(1, len(raw))
    line = where % max(1, len(lines) - 1)
    if how == "comment":
        return b"\n".join([*lines[:line], b"# a note", *lines[line:]])
    if how == "blank":
        return b"\n".join([*lines[:line], b"", *lines[line:]])
    if how == "swap_header":  # two header keys in the other order
        lines[2], lines[3] = lines[3], lines[2]
        return b"\n".join(lines)
    if how == "no_final_newline":
        return raw.rstrip(b"\n")
    if how == "drop_last_event":
        return raw[: raw.rfind(b"\n[[events]]\n") + 1]
    if how == "flip_byte":
        return raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1:]
    if how == "delete_byte":
        return raw[:at] + raw[at + 1:]
    if how == "duplicate_byte":
        return raw[:at] + raw[at:at + 1] + raw[at:]
    if how == "crlf":
        return raw.replace(b"\n", b"\r\n", 1 + where % 3)
    if how == "indent":
        lines[line] = b" " + lines[line]
        return b"\n".join(lines)
    return raw


@pytest.fixture(scope="module")
def sample_case(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample") / "cases"
    case = make_case(folder, measures={"leksehjelp": measure("barneskole", "selective")}, baton_holder="kontaktlaerer",
                     evaluation_date="2026-04-20", notify=True, decision="notify")
    return case, (folder / f"{case}.toml").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(how=st.lists(st.tuples(MUTATIONS, st.integers(0, 10**6)), min_size=1, max_size=2))
def test_the_index_accepts_exactly_what_verify_accepts(tmp_path_factory, sample_case, how):
    """The same mutated file, fed to `verify` and to the index: both accept it, or the index
    serves no row for it and reports it as a problem (there is one reader of case files)."""
    from bti_cli.caselog.log import verify_file

    case, raw = sample_case
    for mutation, where in how:
        raw = _mutate(raw, mutation, where)
    folder = tmp_path_factory.mktemp("mutated")
    path = folder / f"{case}.toml"
    path.write_bytes(raw)
    verdict = verify_file(path)
    with Index.open(folder) as idx:
        problems = idx.refresh().problems
        served = [row["case_id"] for row in idx.export_rows()]
    if verdict.ok:
        assert served == [case] and problems == []
    else:
        assert served == [] and [p.case_id for p in problems] == [case]


# --------------------------------------------------------------------------- due dates


def test_due_items():
    rows = [
        {"case_id": "BTI-2026-AAAA1", "status": "open", "level": 0, "decision": None,
         "decision_deadline": "2026-03-01", "next_evaluation": None, "baton_holder_role": None},
        {"case_id": "BTI-2026-AAAA2", "status": "open", "level": 1, "decision": "level:1",
         "decision_deadline": "2026-02-01", "next_evaluation": "2026-03-20", "baton_holder_role": "kontaktlaerer"},
        {"case_id": "BTI-2026-AAAA3", "status": "open", "level": 2, "decision": "level:2",
         "decision_deadline": "2026-02-01", "next_evaluation": "2026-06-01", "baton_holder_role": None},
        {"case_id": "BTI-2026-AAAA4", "status": "closed", "level": 1, "decision": None,
         "decision_deadline": "2026-02-01", "next_evaluation": "2026-03-01", "baton_holder_role": None},
    ]
    items = due_items(rows, as_of=date(2026, 3, 10), within=14)
    assert [(i["case_id"], i["what"], i["days_left"], i["overdue"]) for i in items] == [
        ("BTI-2026-AAAA1", "decision", -9, True),
        ("BTI-2026-AAAA2", "evaluation", 10, False),
    ]
    assert len(due_items(rows, as_of=date(2026, 3, 10), within=None)) == 3


def test_stored_row_is_the_export_row(cases_dir):
    make_case(cases_dir, notify=True, decision="notify")
    with Index.open(cases_dir) as idx:
        idx.refresh()
        text = next(idx.export_texts())
    row = json.loads(text)
    assert list(row) == list(EXPORT_KEYS)
    assert row["notified_barnevern"] is True


