"""The fault suite at the command level: hostile paths, files and folders, each met with the
exact message and exit code expected (issue 13)."""

from __future__ import annotations

import contextlib
import os
import stat

import pytest
from bti_case_factory import make_case

from bti_cli.i18n import t


@pytest.fixture
def one_case(cases_dir):
    return make_case(cases_dir)


# --------------------------------------------------------------------------- output paths


@pytest.mark.parametrize("command", [("export", "--out"), ("due", "--ics")])
def test_output_onto_a_case_file_is_refused_and_the_case_kept(cli, cases_dir, one_case, command):
    case_file = cases_dir / f"{one_case}.toml"
    before = case_file.read_bytes()
    result = cli(*command, str(case_file))
    assert result.exit_code == 1
    assert t("export.out_in_cases_dir") in result.stderr
    assert case_file.read_bytes() == before
    assert cli("cases", "verify").exit_code == 0


def test_output_into_the_cases_folder_through_a_relative_path_is_refused(cli, cases_dir, one_case,
                                                                       monkeypatch):
    monkeypatch.chdir(cases_dir)
    result = cli("export", "--out", "index.sqlite")
    assert result.exit_code == 1 and t("export.out_in_cases_dir") in result.stderr


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_stream_to_stdout(cli, one_case, name):
    result = cli("export", "--format", "jsonl", "--out", name)
    assert result.exit_code == 0
    assert one_case in result.stdout
    assert "Skrev" not in result.stderr and "Wrote" not in result.stderr


def test_due_ics_to_stdout(cli, one_case):
    result = cli("due", "--ics", "-", "--within", "3650", "--as-of", "2026-03-02")
    assert result.exit_code == 0 and "BEGIN:VCALENDAR" in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_output_onto_a_non_regular_file_is_refused(cli, tmp_path, one_case, kind):
    target = tmp_path / "out"
    victim = tmp_path / "victim"
    victim.write_text("keep")
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(victim)
    result = cli("export", "--out", str(target))
    assert result.exit_code == 1
    assert t("export.out_not_regular") in result.stderr
    assert victim.read_text() == "keep"
    assert stat.S_ISFIFO(target.lstat().st_mode) if kind == "fifo" else target.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_output_onto_dev_null_is_refused_not_replaced(cli, one_case):
    result = cli("export", "--out", "/dev/null")
    assert result.exit_code == 1
    assert t("export.out_not_regular") in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_onto_a_regular_file_replaces_it(cli, tmp_path, one_case):
    target = tmp_path / "export.json"
    target.write_text("old")
    result = cli("export", "--out", str(target))
    assert result.exit_code == 0 and one_case in target.read_text()


# --------------------------------------------------------------------------- truncation and rollback


def _drop_last_event(path):
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.rfind(b"\n\n[[events]]\n") + 1])


def test_a_case_cut_short_and_an_older_copy_are_both_caught(cli, cases_dir):
    from bti_cli.caselog.store import open_case

    first, second = make_case(cases_dir), make_case(cases_dir, created="2026-03-05")
    path_a, path_b = cases_dir / f"{first}.toml", cases_dir / f"{second}.toml"
    old_b = path_b.read_bytes()
    log = open_case(cases_dir, second)
    log.append(level=1, step="l1-evaluate", kind="note", value="ny vurdering")
    assert cli("cases", "verify").exit_code == 0
    _drop_last_event(path_a)  # still in bti's own layout
    path_b.write_bytes(old_b)  # an older copy, put back
    result = cli("cases", "verify", "--format", "json", "--lang", "en")
    assert result.exit_code == 5
    import json

    rows = {row["case_id"]: row for row in json.loads(result.stdout)}
    assert not rows[first]["ok"] and not rows[second]["ok"]
    assert "events were removed from its end" in rows[first]["problems"][0]
    assert "events were removed from its end" in rows[second]["problems"][0]
    # the readers say the same, with every other case still shown
    for command in (("export",), ("cases", "list", "--format", "json"), ("stats", "--format", "json")):
        result = cli(*command)
        assert result.exit_code == 5, command
        assert first in result.stderr and second in result.stderr


def test_a_rewritten_copy_with_as_many_events_is_caught(cli, cases_dir):
    from bti_cli.caselog.store import open_case

    case = make_case(cases_dir)
    path = cases_dir / f"{case}.toml"
    before = path.read_bytes()
    log = open_case(cases_dir, case)
    log.append(level=1, step="l1-evaluate", kind="note", value="a")
    after = path.read_bytes()
    # someone rebuilds the file with another last event, through bti's own writer elsewhere
    path.write_bytes(before)
    from bti_cli.caselog.log import CaseLog

    other = CaseLog.open(cases_dir, case, check=False)
    assert other.problems  # the older copy is already short of its checkpoint
    path.write_bytes(after.replace(b'value = "a"', b'value = "b"'))
    result = cli("cases", "verify", case, "--lang", "en")
    assert result.exit_code == 5


def test_the_journal_itself_is_checked(cli, cases_dir):
    make_case(cases_dir)
    journal = cases_dir / "checkpoints.journal"
    lines = journal.read_text().splitlines(keepends=True)
    journal.write_text("".join(lines[:2] + lines[3:]))  # a line removed
    result = cli("cases", "verify", "--lang", "en")
    assert result.exit_code == 5
    assert "the checkpoint journal, line 3: the chain is broken" in result.stdout


def test_checkpoint_digest_and_verify_against(cli, cases_dir):
    case = make_case(cases_dir)
    result = cli("cases", "checkpoint")
    assert result.exit_code == 0
    digest = result.stdout.strip()
    assert len(digest) == 32 and all(c in "0123456789abcdef" for c in digest)
    assert cli("cases", "checkpoint").stdout.strip() == digest  # nothing changed: the same digest
    assert cli("cases", "verify", "--against", digest).exit_code == 0
    make_case(cases_dir, created="2026-04-01")  # later work does not spoil an earlier digest
    assert cli("cases", "verify", "--against", digest).exit_code == 0
    # someone rewrites the case AND the journal: only the outside digest catches it
    (cases_dir / "checkpoints.journal").unlink()
    _drop_last_event(cases_dir / f"{case}.toml")
    assert cli("cases", "checkpoint").exit_code == 0  # a fresh journal, consistent with the files
    assert cli("cases", "verify").exit_code == 0
    result = cli("cases", "verify", "--against", digest, "--lang", "en")
    assert result.exit_code == 5
    assert f"checkpoint {digest} is not in the checkpoint journal" in result.stdout


def test_verify_against_a_malformed_digest_is_a_usage_error(cli, cases_dir):
    make_case(cases_dir)
    result = cli("cases", "verify", "--against", "xyz", "--lang", "en")
    assert result.exit_code == 2
    assert t("caselog.bad_digest", min=16) in result.stderr


def test_checkpoint_refuses_a_folder_that_fails_verification(cli, cases_dir):
    case = make_case(cases_dir)
    _drop_last_event(cases_dir / f"{case}.toml")
    result = cli("cases", "checkpoint")
    assert result.exit_code == 5
    assert result.stdout == ""


def test_a_deleted_case_is_named(cli, cases_dir):
    case = make_case(cases_dir)
    make_case(cases_dir)
    (cases_dir / f"{case}.toml").unlink()
    result = cli("cases", "verify", "--format", "json", "--lang", "en")
    assert result.exit_code == 5
    assert case in result.stdout and "the case file is missing" in result.stdout


# --------------------------------------------------------------------------- readers and the index


def _forge(cases_dir, sql):
    import sqlite3

    db = sqlite3.connect(cases_dir / "index.sqlite")
    db.execute(sql)
    db.commit()
    db.close()


def test_a_row_edited_by_hand_is_rebuilt_from_the_file(cli, cases_dir):
    import json

    case = make_case(cases_dir, decision="level:1")
    assert cli("export").exit_code == 0
    _forge(cases_dir, "UPDATE cases SET level = 3, status = 'closed', row = replace(row, '\"level\":1', '\"level\":3')")
    result = cli("export")
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert row["case_id"] == case and row["level"] == 1 and row["status"] == "open"
    listed = json.loads(cli("cases", "list", "--format", "json").stdout)
    assert [(r["case_id"], r["level"], r["status"]) for r in listed] == [(case, 1, "open")]


def test_a_forged_stat_fingerprint_does_not_make_an_edited_file_trusted(cli, cases_dir):
    import json

    case = make_case(cases_dir, decision="level:1")
    path = cases_dir / f"{case}.toml"
    assert cli("export").exit_code == 0
    st = path.stat()
    raw = path.read_bytes()
    edited = raw.replace(b"level = 0", b"level = 3", 1)  # same size
    assert edited != raw and len(edited) == len(raw)
    path.write_bytes(edited)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # mtime put back
    result = cli("export")
    assert result.exit_code == 5
    assert json.loads(result.stdout) == []
    assert case in result.stderr


@pytest.mark.parametrize("edit", [
    lambda raw: b"# a note\n" + raw,
    lambda raw: raw.replace(b"\n\n[[events]]\n", b"\n\n\n[[events]]\n", 1),
    lambda raw: raw.rstrip(b"\n"),
    lambda raw: raw.replace(b'schema_version = 1\ncase_id', b'case_id', 1).replace(
        b'\nmunicipality', b'\nschema_version = 1\nmunicipality', 1),
])
def test_layout_edits_verify_rejects_are_not_exported(cli, cases_dir, edit):
    case = make_case(cases_dir)
    path = cases_dir / f"{case}.toml"
    path.write_bytes(edit(path.read_bytes()))
    assert cli("cases", "verify").exit_code == 5
    for command in (("export",), ("cases", "list", "--format", "json"), ("stats", "--format", "json")):
        result = cli(*command)
        assert result.exit_code == 5, command
        assert case in result.stderr


@pytest.mark.parametrize("kind", ["symlink", "folder"])
def test_links_and_folders_named_like_cases_are_named(cli, cases_dir, tmp_path, kind):
    real = make_case(cases_dir)
    odd = cases_dir / "BTI-2026-ZZZZZ.toml"
    if kind == "symlink":
        outside = tmp_path / "elsewhere.toml"
        outside.write_bytes((cases_dir / f"{real}.toml").read_bytes())
        odd.symlink_to(outside)
    else:
        odd.mkdir()
    for command in (("export",), ("cases", "list", "--format", "json"), ("due", "--format", "json"),
                    ("cases", "verify", "--format", "json")):
        result = cli(*command, "--lang", "en")
        assert result.exit_code == 5, command
        assert "BTI-2026-ZZZZZ" in result.stderr + result.stdout
        assert "is not a regular file" in result.stderr + result.stdout


def test_a_symlinked_index_is_refused_and_its_target_untouched(cli, cases_dir, tmp_path):
    make_case(cases_dir)
    (cases_dir / "index.sqlite").unlink()
    for extra in ("-wal", "-shm"):
        (cases_dir / f"index.sqlite{extra}").unlink(missing_ok=True)
    other = tmp_path / "other.db"
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE mine (x)").connection.commit()
    os.chmod(other, 0o644)
    before = other.read_bytes()
    (cases_dir / "index.sqlite").symlink_to(other)
    result = cli("export", "--lang", "en")
    assert result.exit_code == 1
    assert "The index file index.sqlite in the cases folder is a link" in result.stderr
    assert other.read_bytes() == before and stat.S_IMODE(other.stat().st_mode) == 0o644


@pytest.mark.parametrize("command", [("export",), ("cases", "list"), ("stats",), ("due",), ("cases", "verify")])
def test_a_cases_folder_that_is_a_file_is_an_error(cli, tmp_path, command):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    result = cli(*command, "--cases-dir", str(target), "--lang", "en")
    assert result.exit_code == 1, result.stdout
    assert "The cases folder exists but is not a folder." in result.stderr


# --------------------------------------------------------------------------- hostile input files


def _deep(n: int) -> str:
    return "[" * n + "]" * n


@pytest.mark.parametrize("size", [None, 5000])
def test_answers_nested_too_deep_is_a_message(cli, tmp_path, size):
    answers = tmp_path / "a.toml"
    answers.write_text(f"[l0-concern]\nareas = {_deep(size or 7)}\n")
    result = cli("start", "--no-input", "--answers", str(answers), "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"bti: The answers file {answers} has values nested deeper than 6 levels; an answer is a value")


def test_answers_from_dev_zero_is_read_with_a_cap(cli):
    result = cli("start", "--no-input", "--answers", "/dev/zero", "--lang", "en")
    assert result.exit_code == 1
    assert "bti: The answers file /dev/zero is larger than 1024 KiB; bti reads no further" in result.stderr


def test_data_from_dev_zero_is_read_with_a_cap(cli):
    result = cli("data", "validate", "/dev/zero", "--lang", "en")
    assert result.exit_code == 3
    assert "/dev/zero:1 (file): the file is larger than 64 MiB; bti reads no further" in result.stderr


def test_data_nested_5000_deep_is_a_message(cli, tmp_path):
    data = tmp_path / "deep.toml"
    data.write_text(f"x = {_deep(5000)}\n")
    result = cli("data", "validate", str(data), "--lang", "en")
    assert result.exit_code == 3
    assert f"{data}:1 (file): tables and arrays nest deeper than 24 levels; a data file needs a few" in result.stderr


def test_scrub_from_dev_zero_is_read_with_a_cap(cli):
    result = cli("scrub", "/dev/zero", "--lang", "en")
    assert result.exit_code == 1
    assert ("bti: The text is larger than 16 MiB; bti does not scrub that much at once, and nothing was printed."
            in result.stderr)


def test_a_when_of_5000_nots_is_a_data_error(tmp_path):
    from bti_cli.walkthrough.process import ConditionError, parse_condition

    with pytest.raises(ConditionError) as caught:
        parse_condition("not " * 5000 + "x")
    assert str(caught.value) == t("process.v_condition_too_long", chars=500)
    with pytest.raises(ConditionError) as caught:
        parse_condition("not " * 100 + "x")
    assert str(caught.value) == t("process.v_condition_too_deep", depth=40)


@pytest.mark.parametrize("text, shown", [
    ("{settings[consent_age_log].__class__}", "{settings[consent_age_log].__class__}"),
    ("{consent_age.__class__}", "{consent_age.__class__}"),
    ("{consent_age!r}", "{consent_age!r}"),
    ("{consent_age:>999999999}", "{consent_age:>999999999}"),
    ("{consent_age} år", "15 år"),
    ("{unknown} {", "{unknown} {"),
])
def test_process_texts_fill_plain_names_only(text, shown):
    from bti_cli.walkthrough.process import fill_placeholders

    assert fill_placeholders(text, {"consent_age": 15, "settings": {"consent_age_log": 15}}) == shown


def test_a_bad_file_among_many_never_stops_the_others(cli, cases_dir):
    good = make_case(cases_dir)
    (cases_dir / "BTI-2026-AAAAA.toml").write_text('x = "\\ud800"\n')  # not valid TOML: a lone surrogate
    (cases_dir / "BTI-2026-BBBBB.toml").write_text(f"x = {_deep(500)}\n")
    for command in (("export",), ("cases", "list", "--format", "json"), ("stats", "--format", "json"),
                    ("due", "--format", "json"), ("cases", "reindex"), ("cases", "verify", "--format", "json")):
        result = cli(*command)
        assert result.exit_code == 5, (command, result.stderr)
        assert "Internal error" not in result.stderr and "Intern feil" not in result.stderr
        assert "BTI-2026-AAAAA" in result.stderr + result.stdout and "BTI-2026-BBBBB" in result.stderr + result.stdout
        if command[0] in ("export", "cases") and command[-1] == "json" or command == ("export",):
            assert good in result.stdout


def test_an_unwritable_case_file_write_says_what_is_wrong(cases_dir, monkeypatch):
    from bti_cli import fileio
    from bti_cli.caselog.log import CaseNotSaved
    from bti_cli.caselog.store import open_case

    case = make_case(cases_dir)
    log = open_case(cases_dir, case)
    before = log.path.read_bytes()

    def full(path, data, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio, "atomic_write", full)
    with pytest.raises(CaseNotSaved) as caught:
        log.append(level=0, step="l0-concern", kind="note", value="x")
    assert caught.value.message == t("caselog.not_saved", case=case, reason="No space left on device")
    assert log.path.read_bytes() == before


@pytest.fixture
def tiny_disk(tmp_path):
    """A 200 KB tmpfs (needs root and a kernel that allows the mount; skipped elsewhere)."""
    import subprocess

    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)  # lazily: the hook keeps its index open


def test_a_full_disk_leaves_the_readers_working(cli, tiny_disk, monkeypatch):
    cases = tiny_disk / "cases"
    monkeypatch.setenv("BTI_CASES_DIR", str(cases))
    case = make_case(cases)
    with open(tiny_disk / "filler", "wb") as handle, contextlib.suppress(OSError):
        handle.write(b"\0" * 400_000)
    (cases / "index.sqlite").unlink()  # the next reader must build it again, on a full disk
    for command in (("export",), ("cases", "list", "--format", "json"), ("stats", "--format", "json"),
                    ("due", "--format", "json"), ("cases", "verify")):
        result = cli(*command, "--lang", "en")
        assert result.exit_code == 0, (command, result.stderr)
        assert "Internal error" not in result.stderr
    assert case in cli("export").stdout
    from bti_cli.caselog.store import open_case

    log = open_case(cases, case)
    with pytest.raises(Exception) as caught:
        log.append(level=0, step="l0-concern", kind="note", value="x" * 300_000)
    assert "No space left on device" in caught.value.message
    assert cli("cases", "verify").exit_code == 0


# --------------------------------------------------------------------------- permissions


def test_every_reader_tightens_the_folder_locks_and_journal(cli, cases_dir):
    case = make_case(cases_dir)
    for path in (cases_dir, cases_dir / ".locks"):
        os.chmod(path, 0o777)
    for path in (cases_dir / f"{case}.toml", cases_dir / "checkpoints.journal", *(cases_dir / ".locks").iterdir()):
        os.chmod(path, 0o666)
    assert cli("cases", "list").exit_code == 0
    assert stat.S_IMODE(cases_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((cases_dir / ".locks").stat().st_mode) == 0o700
    for path in (cases_dir / f"{case}.toml", cases_dir / "checkpoints.journal", *(cases_dir / ".locks").iterdir()):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_new_folders_are_private_under_umask_000(cli, tmp_path, monkeypatch):
    deep = tmp_path / "a" / "b" / "cases"
    monkeypatch.setenv("BTI_CASES_DIR", str(deep))
    old = os.umask(0)
    try:
        make_case(deep)
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", deep, deep / ".locks"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in (*deep.glob("BTI-*.toml"), deep / "checkpoints.journal", *(deep / ".locks").iterdir()):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_an_open_folder_of_another_user_is_warned_about(cli, cases_dir):
    if os.geteuid() != 0:
        pytest.skip("needs root to give the folder to another user")
    make_case(cases_dir)
    os.chown(cases_dir, 12345, 12345)
    os.chmod(cases_dir, 0o777)
    result = cli("cases", "list", "--lang", "en")
    assert "Warning: the cases folder belongs to another user and others may write to it (mode 0777)" in result.stderr


def test_an_orphaned_temp_file_from_a_killed_create_is_removed(cases_dir):
    make_case(cases_dir)
    orphan = cases_dir / ".BTI-2026-QQQQQ.toml.999999999.0badf00d.tmp"
    orphan.write_text("half")
    make_case(cases_dir)
    assert not orphan.exists()


# --------------------------------------------------------------------------- data validate = data process


ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("override, message", [
    ('id = "safety"\nremove = true', "process.steps[0].remove: the 'safety' step cannot be removed"),
    ('id = "notify"\nremove = true', "process.steps[0].remove: the 'notify' step cannot be removed"),
    ('id = "l0-extra"\nlevel = 0\nafter = "no-such-step"\ntitle = { nb = "x", nn = "x", en = "x" }', "no-such-step"),
    ('id = "l0-concern"\nwhen = "' + "not " * 5000 + 'x"', "the condition (when) is longer than 500 characters"),
])
def test_data_validate_runs_the_process_checks_of_data_process(cli, tmp_path, override, message):
    data = tmp_path / "kommune.toml"
    data.write_text((ROOT / "data" / "loten.toml").read_text(encoding="utf-8")
                    + f"\n[[process.steps]]\n{override}\n", encoding="utf-8")
    validate = cli("data", "validate", str(data), "--lang", "en")
    process = cli("data", "process", "--data", str(data), "--lang", "en")
    assert validate.exit_code == process.exit_code == 3
    assert message in validate.stderr and message in process.stderr
    assert "Internal error" not in validate.stderr + process.stderr


def test_a_table_as_baton_holder_is_refused_not_stored_as_text(cli, tmp_path):
    answers = tmp_path / "a.toml"
    level1 = (ROOT / "examples" / "answers" / "level1.toml")
    if not level1.exists():
        pytest.skip("no level-1 example")
    text = level1.read_text(encoding="utf-8")
    import re

    changed = re.sub(r'baton_holder = "[^"]*"', 'baton_holder = { id = "kontaktlaerer" }', text)
    assert changed != text
    answers.write_text(changed, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers), "--lang", "en")
    assert result.exit_code == 1
    assert "baton_holder" in result.stderr
    assert "{'id'" not in result.stderr


# --------------------------------------------------------------------------- terminals


@pytest.mark.parametrize("args", [("measures", "list"), ("measures", "list", "--format", "table"),
                                  ("start", "--no-input", "--answers", "examples/answers/level1.toml")])
def test_an_ascii_only_output_encoding_is_no_error(args, tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "ascii", "BTI_CASES_DIR": str(tmp_path / "cases")}
    result = subprocess.run([sys.executable, "-m", "bti_cli", *args], capture_output=True, env=env,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr.decode("ascii", "replace")
    assert b"UnicodeEncodeError" not in result.stderr and b"Traceback" not in result.stderr


def test_undecodable_input_at_a_prompt_is_asked_again(monkeypatch):
    import io

    from rich.console import Console

    from bti_cli.walkthrough.prompts import PromptSpec, RichPrompter

    typed = iter(["\udce6", "7"])  # a Latin-1 byte on a UTF-8 terminal, then a good answer
    monkeypatch.setattr("builtins.input", lambda: next(typed))
    screen = io.StringIO()
    prompter = RichPrompter(Console(file=screen, width=300))
    spec = PromptSpec(step="l0-concern", question="age", kind="integer", text="Alder?")
    assert prompter._read("> ", spec) == "7"
    assert t("process.err_not_utf8") in screen.getvalue()


def test_an_unreadable_cases_folder_is_an_error(cli, cases_dir):
    if os.geteuid() == 0:
        pytest.skip("root reads any folder")
    make_case(cases_dir)
    os.chmod(cases_dir, 0)
    try:
        result = cli("cases", "list", "--lang", "en")
    finally:
        os.chmod(cases_dir, 0o700)
    assert result.exit_code == 1
    assert "The cases folder cannot be read (Permission denied)." in result.stderr
