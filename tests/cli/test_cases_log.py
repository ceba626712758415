"""`bti cases show` and `bti cases verify` through the CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bti_cli.caselog.log import CaseLog

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
SECRET = "Fiktiv Observasjon Zeta"  # an answer text that must never leak into an error message


def _first_step():
    """A real step and question of the shipped process, for label checks (None if absent)."""
    from bti_cli.walkthrough import process

    proc = process.default_process()
    for step in proc.steps:
        for question in step.questions:
            if question.kind == "text":
                return step, question
    return None, None


@pytest.fixture
def case(cases_dir) -> CaseLog:
    step, question = _first_step()
    step_id = step.id if step else "l0-concrete"
    question_id = question.id if question else "observations"
    log = CaseLog.create(cases_dir, municipality="loten", catalogue_version="cat-abc",
                         process_version="proc-def", now=NOW)
    log.append(level=0, step="l0-concern", kind="answer", question="age", value=7,
               actor_role="kontaktlærer", at=NOW)
    log.append(level=0, step=step_id, kind="answer", question=question_id, value=SECRET,
               actor_role="kontaktlærer", at=NOW)
    log.append(level=0, step="l0-decide", kind="decision", value="level:1", actor_role="kontaktlærer", at=NOW)
    return log


def _change_one_byte(path, needle: bytes) -> None:
    data = bytearray(path.read_bytes())
    at = data.index(needle)
    data[at] = ord("x") if data[at] != ord("x") else ord("y")
    path.write_bytes(bytes(data))


# --------------------------------------------------------------------------- show


def test_show_table(cli, case):
    result = cli("cases", "show", case.case_id, "--format", "table")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"Sak {case.case_id}" in out
    assert "Kommune: Løten" in out and "cat-abc" in out and "proc-def" in out
    assert SECRET in out and "kontaktlærer" in out
    # the steps by their titles; their ids are for scripts (JSON) and `cases edit` lists the answers
    assert "Undringen oppstår" in out and "Oppsummer og avgjør" in out
    assert "l0-concern" not in out and "l0-decide" not in out
    assert "Hendelser" in out


def test_show_table_uses_process_labels(cli, case):
    step, question = _first_step()
    if step is None:
        pytest.skip("no process definition with a text question")
    from bti_cli.i18n import pick

    result = cli("cases", "show", case.case_id, "-f", "md", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"{pick(step.title, 'en')}" in result.stdout and f"({step.id})" not in result.stdout


def test_show_markdown_is_a_printable_summary(cli, case):
    result = cli("cases", "show", case.case_id, "--format", "md")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"# Sak {case.case_id}"
    assert "## Hendelser" in lines
    assert any(line.startswith("### Nivå 0") for line in lines)
    assert any(line.startswith("| 1 |") and SECRET in line for line in lines)
    assert "\x1b[" not in result.stdout


def test_show_json_has_header_events_and_summary(cli, case):
    result = cli("cases", "show", case.case_id, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"header", "summary", "events", "verified", "problems"}
    assert doc["header"]["case_id"] == case.case_id
    assert doc["verified"] is True and doc["problems"] == []
    assert [e["seq"] for e in doc["events"]] == [0, 1, 2]
    assert doc["events"][1]["value"] == SECRET
    assert doc["events"][0]["hash"] == case.events[0].hash
    assert doc["events"][2]["kind"] == "decision" and doc["events"][2]["value"] == "level:1"
    assert {"step_label", "question_label", "prev_hash", "actor_role"} <= set(doc["events"][0])
    if doc["summary"] is not None:  # once the process engine is there
        assert doc["summary"]["case_id"] == case.case_id
        assert doc["summary"]["age"] == 7 and doc["summary"]["level"] == 1


def test_show_in_english_and_nynorsk(cli, case):
    en = cli("cases", "show", case.case_id, "-f", "md", "--lang", "en")
    nn = cli("cases", "show", case.case_id, "-f", "md", "--lang", "nn")
    assert en.stdout.startswith(f"# Case {case.case_id}") and "## Events" in en.stdout
    assert "## Hendingar" in nn.stdout


def test_show_accepts_lower_case_ids_and_options_after_the_command(cli, case, tmp_path, monkeypatch):
    monkeypatch.delenv("BTI_CASES_DIR")
    result = cli("cases", "show", case.case_id.lower(), "-f", "json", "--cases-dir", str(case.cases_dir))
    assert result.exit_code == 0, result.output


def test_show_empty_case(cli, cases_dir):
    log = CaseLog.create(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    result = cli("cases", "show", log.case_id, "-f", "table")
    assert result.exit_code == 0
    assert "Ingen hendelser ennå." in result.stdout


@pytest.mark.parametrize("case_id", ["BTI-2026-00000", "not-a-case", "../../etc/passwd"])
def test_show_unknown_case_exits_4(cli, case, case_id):
    result = cli("cases", "show", case_id, "-f", "json")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_show_tampered_case_exits_5_and_warns(cli, case):
    _change_one_byte(case.path, SECRET.encode())
    result = cli("cases", "show", case.case_id, "-f", "json")
    assert result.exit_code == 5
    doc = json.loads(result.stdout)
    assert doc["verified"] is False and doc["problems"]
    assert "bti cases verify" in result.stderr
    assert "iktiv" not in result.stderr  # no answer text in the message


def test_show_torn_case_exits_5(cli, case):
    case.path.write_bytes(case.path.read_bytes()[:-30])
    result = cli("cases", "show", case.case_id, "-f", "table")
    assert result.exit_code == 5
    assert case.case_id in result.stderr


# --------------------------------------------------------------------------- verify


def test_verify_all_ok(cli, case, cases_dir):
    CaseLog.create(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    result = cli("cases", "verify", "--format", "table")
    assert result.exit_code == 0, result.output
    assert case.case_id in result.stdout and "OK" in result.stdout
    assert "2 saksfiler kontrollert, 0 feilet" in result.stdout


def test_verify_json_rows(cli, case):
    result = cli("cases", "verify", "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows == [{"case_id": case.case_id, "ok": True, "events": 3, "problems": [],
                     "file": f"{case.case_id}.toml"}]


def test_verify_one_byte_changed_exits_5(cli, case, cases_dir):
    other = CaseLog.create(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    assert cli("cases", "verify", "-f", "json").exit_code == 0
    _change_one_byte(case.path, b"level = 0")
    result = cli("cases", "verify", "-f", "json")
    assert result.exit_code == 5
    rows = {r["case_id"]: r for r in json.loads(result.stdout)}
    assert rows[case.case_id]["ok"] is False and rows[case.case_id]["problems"]
    assert rows[other.case_id]["ok"] is True
    assert "1 av 2" in result.stderr
    assert cli("cases", "verify", case.case_id, "-f", "json").exit_code == 5
    assert cli("cases", "verify", other.case_id, "-f", "json").exit_code == 0


def test_verify_table_shows_problems(cli, case):
    _change_one_byte(case.path, SECRET.encode())
    result = cli("cases", "verify", "--format", "table", "--lang", "en")
    assert result.exit_code == 5
    assert "FAILED" in result.stdout and "event 1" in result.stdout
    assert "1 of 1 case file failed verification." in result.stderr


def test_verify_space_changed_to_tab_exits_5(cli, case):
    data = case.path.read_bytes()
    case.path.write_bytes(data.replace(b"level = 0", b"level =\t0", 1))
    assert cli("cases", "verify", "-f", "jsonl").exit_code == 5


def test_verify_truncated_file_exits_5(cli, case):
    case.path.write_bytes(case.path.read_bytes()[:-5])
    result = cli("cases", "verify", case.case_id, "-f", "jsonl")
    assert result.exit_code == 5
    row = json.loads(result.stdout)
    assert row["ok"] is False and row["problems"]


def test_verify_csv(cli, case):
    result = cli("cases", "verify", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "case_id,ok,events,problems,file"
    assert result.stdout.splitlines()[1].startswith(f"{case.case_id},true,3,")


@pytest.mark.parametrize("case_id", ["BTI-2026-00000", "nonsense"])
def test_verify_unknown_case_exits_4(cli, case, case_id):
    result = cli("cases", "verify", case_id)
    assert result.exit_code == 4
    assert "Traceback" not in result.output


def test_verify_without_cases(cli):
    result = cli("cases", "verify", "-f", "table")
    assert result.exit_code == 0
    assert "Ingen saksfiler" in result.stderr
    result = cli("cases", "verify", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_help_texts(cli):
    for command in ("show", "verify"):
        result = cli("cases", command, "--help")
        assert result.exit_code == 0
        for option in ("--format", "--cases-dir", "--lang"):
            assert option in result.stdout
    assert "show" in cli("cases", "--help").stdout and "verify" in cli("cases", "--help").stdout


def test_show_plain_for_screen_readers(cli, case):
    result = cli("--plain", "cases", "show", case.case_id, "-f", "table")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "─" not in out and "│" not in out  # no box drawing
    assert f"Svar: {SECRET}" in out and "Rolle: Kontaktlærer" in out
    if "Sammendrag" in out:
        assert "  Alder: 7" in out


@pytest.mark.parametrize("width", [60, 80, 120])
def test_show_lays_out_every_step_the_same_way(cli, cases_dir, width):
    """The timeline reads as one table: every step's table has the same columns at the same
    widths (a step of short questions does not get other widths than one of long ones)."""
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level1.toml"
    started = cli("start", "--no-input", "--answers", str(examples))
    assert started.exit_code == 0, started.stderr
    import re

    case_id = re.search(r"BTI-\d{4}-[0-9A-Z]{5}", started.stdout).group(0)
    result = cli("cases", "show", case_id, "-f", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    timeline = lines[lines.index("Hendelser"):]
    headers = [line.rstrip() for line in timeline if line.startswith(("#", "Spørsmål"))]
    rules = [len(line.rstrip()) for line in timeline if line.strip() and set(line.strip()) == {"─"}]
    assert len(headers) > 3 and len(set(headers)) == 1, headers
    assert len(set(rules)) == 1, rules
