"""`bti cases discard CASE --reason …`: a case started by mistake leaves `cases list`, `due`,
`export` and `stats`; `--include-discarded` shows it; its log stays and verifies."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "answers"
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")


def _start(cli, name: str) -> str:
    before = {row["case_id"] for row in json.loads(cli("cases", "list", "--format", "json").stdout or "[]")}
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / f"{name}.toml"))
    assert result.exit_code == 0, result.stderr
    after = {row["case_id"] for row in json.loads(cli("cases", "list", "--format", "json").stdout)}
    (case_id,) = after - before
    return case_id


def _ids(cli, *args: str) -> set[str]:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    text = result.stdout.strip()
    if not text:
        return set()
    data = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines()]
    return {row["case_id"] for row in data}


def test_a_discarded_case_leaves_lists_due_export_and_stats(cli, cases_dir):
    kept = _start(cli, "level1")
    gone = _start(cli, "level1")
    result = cli("cases", "discard", gone, "--reason", "startet ved en feil")
    assert result.exit_code == 0, result.stderr
    assert "forkastet" in result.stdout
    assert _ids(cli, "cases", "list", "--format", "json") == {kept}
    assert _ids(cli, "cases", "list", "--format", "json", "--include-discarded") == {kept, gone}
    assert _ids(cli, "export", "--format", "json") == {kept}
    assert _ids(cli, "export", "--format", "json", "--include-discarded") == {kept, gone}
    due = cli("due", "--format", "json", "--within", "400")
    assert due.exit_code == 0, due.stderr
    assert gone not in due.stdout and kept in due.stdout
    stats = json.loads(cli("stats", "--format", "json", "--min-count", "0").stdout)
    with_discarded = json.loads(cli("stats", "--format", "json", "--min-count", "0", "--include-discarded").stdout)
    assert stats["overview"]["concerns"] == 1 and with_discarded["overview"]["concerns"] == 2
    listed = cli("cases", "list", "--include-discarded", "--format", "table")
    assert "forkastet" in listed.stdout
    # the log stays, verified, with the discard as its last event
    assert cli("cases", "verify", gone).exit_code == 0
    shown = json.loads(cli("cases", "show", gone, "--format", "json").stdout)
    assert shown["summary"]["status"] == "discarded"
    assert shown["events"][-1]["kind"] == "discard"
    # nothing more to do in it
    assert cli("resume", gone).exit_code == 0
    again = cli("cases", "discard", gone, "--reason", "igjen")
    assert again.exit_code == 1
    assert cli("cases", "evaluate", gone, "--no-input").exit_code == 1


def test_a_case_through_the_safety_gate_cannot_be_discarded(cli, cases_dir):
    case_id = _start(cli, "notify")
    result = cli("cases", "discard", case_id, "--reason", "startet ved en feil")
    assert result.exit_code == 1
    assert "sikkerhetssporet" in result.stderr
    assert _ids(cli, "cases", "list", "--format", "json") == {case_id}


def test_the_reason_is_required_and_holds_no_personal_data(cli, cases_dir):
    case_id = _start(cli, "level1")
    empty = cli("cases", "discard", case_id, "--reason", "  ")
    assert empty.exit_code == 1
    personal = cli("cases", "discard", case_id, "--reason", "feil barn, ring 912 34 567")
    assert personal.exit_code == 1
    assert "912" not in personal.stderr
    assert _ids(cli, "cases", "list", "--format", "json") == {case_id}
    assert cli("cases", "discard", case_id).exit_code == 2  # --reason is required


def test_control_characters_in_the_reason_are_stripped_before_the_scrubber(cli, cases_dir):
    case_id = _start(cli, "level1")
    # a zero-width space inside a phone number must not hide it from the scrubber
    hidden = cli("cases", "discard", case_id, "--reason", "feil barn, ring 912\u200b 34 567")
    assert hidden.exit_code == 1 and "912" not in hidden.stderr
    result = cli("cases", "discard", case_id, "--reason", "startet\r\nved en \x1b[31mfeil\u200b")
    assert result.exit_code == 0, result.stderr
    raw = next(cases_dir.rglob(f"{case_id}*.toml")).read_text(encoding="utf-8")
    assert "startet\\nved en feil" in raw and "\\r" not in raw and "\u200b" not in raw and "\\u001b" not in raw
