"""`bti cases list` (filters --status, --level, --due; every format) and `bti cases reindex`."""

from __future__ import annotations

import csv
import io
import json

import pytest
from bti_case_factory import make_case

from bti_cli.caselog import index


@pytest.fixture
def cases(cases_dir):
    return {
        "waiting": make_case(cases_dir, created="2026-03-01", decision=None),  # decision due 2026-03-15
        "level1": make_case(cases_dir, created="2026-02-01", decision="level:1", evaluation_date="2026-05-01",
                            baton_holder="kontaktlaerer"),
        "level2": make_case(cases_dir, created="2026-01-15", decision="level:2", evaluation_date="2026-03-20"),
        "closed": make_case(cases_dir, created="2026-01-02", decision="close", close_on="2026-01-10"),
    }


def listed(cli, *args):
    result = cli("cases", "list", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_list_all_oldest_first(cli, cases):
    rows = listed(cli)
    assert [r["case_id"] for r in rows] == [cases["closed"], cases["level2"], cases["level1"], cases["waiting"]]
    level1 = rows[2]
    assert level1["status"] == "open" and level1["level"] == 1
    assert level1["baton_holder_role"] == "kontaktlaerer"
    assert level1["next_due"] == "2026-05-01"
    assert rows[3]["next_due"] == "2026-03-15"  # the level-0 decision deadline
    assert rows[0]["next_due"] is None and rows[0]["status"] == "closed"


def test_filters(cli, cases):
    assert [r["case_id"] for r in listed(cli, "--status", "closed")] == [cases["closed"]]
    assert len(listed(cli, "--status", "open")) == 3
    assert len(listed(cli, "--status", "all")) == 4
    assert [r["case_id"] for r in listed(cli, "--level", "2")] == [cases["level2"]]
    assert listed(cli, "--level", "3") == []
    due = listed(cli, "--due", "--as-of", "2026-03-10")
    assert [r["case_id"] for r in due] == [cases["level2"], cases["waiting"]]  # 03-20 and 03-15 within 14 days
    assert [r["case_id"] for r in listed(cli, "--due", "--as-of", "2026-06-01")] == [
        cases["level2"], cases["level1"], cases["waiting"]]  # all overdue by then
    assert cli("cases", "list", "--status", "pending").exit_code == 2
    assert cli("cases", "list", "--level", "5").exit_code == 2


def test_formats(cli, cases):
    lines = cli("cases", "list", "-f", "jsonl").stdout.splitlines()
    assert len(lines) == 4 and json.loads(lines[0])["case_id"] == cases["closed"]
    rows = list(csv.DictReader(io.StringIO(cli("cases", "list", "-f", "csv").stdout)))
    assert len(rows) == 4 and rows[0]["status"] == "closed"
    table = cli("cases", "list", "-f", "table")
    assert table.exit_code == 0
    assert cases["waiting"] in table.stdout and "avsluttet" in table.stdout
    english = cli("cases", "list", "-f", "table", "--lang", "en")
    assert "closed" in english.stdout
    md = cli("cases", "list", "-f", "md")
    assert md.stdout.count(cases["level1"]) == 1 and "|" in md.stdout


def test_empty(cli, cases_dir):
    result = cli("cases", "list", "-f", "table")
    assert result.exit_code == 0
    assert "Ingen saker" in result.stderr
    assert listed(cli) == []
    assert cli("cases", "list", "-f", "csv").stdout.splitlines()[0].startswith("case_id,")


def test_reindex(cli, cases, cases_dir):
    with index.suspended():
        extra = make_case(cases_dir, created="2026-04-01")
    (cases_dir / index.INDEX_NAME).write_bytes(b"junk" * 50)
    result = cli("cases", "reindex")
    assert result.exit_code == 0, result.stderr
    assert "5" in result.stderr
    assert extra in [r["case_id"] for r in listed(cli)]


def test_reindex_reports_corrupted_files(cli, cases, cases_dir):
    path = cases_dir / f"{cases['level1']}.toml"
    path.write_text("not toml at all = = =", encoding="utf-8")
    result = cli("cases", "reindex")
    assert result.exit_code == 5
    assert f"{cases['level1']}.toml" in result.stderr
    assert "Traceback" not in result.stderr
    listing = cli("cases", "list", "-f", "json")
    assert listing.exit_code == 5
    assert len(json.loads(listing.stdout)) == 3


def test_progress_bar_only_on_a_terminal_after_a_second(monkeypatch):
    import io

    from rich.console import Console

    from bti_cli.cli import export as export_cli
    from bti_cli.terminal import console

    clock = [100.0]
    monkeypatch.setattr("time.monotonic", lambda: clock[0])
    monkeypatch.setenv("TERM", "xterm")
    for terminal in (False, True):
        buffer = io.StringIO()
        fake = Console(file=buffer, force_terminal=terminal, width=80)
        def fake_err(fake=fake):
            return fake

        fake_err.cache_clear = lambda: None
        monkeypatch.setattr(console, "err", fake_err)
        bar = export_cli.ProgressBar("Oppdaterer saksindeksen")
        bar(0, 1000)  # at once: too early for a bar
        assert bar.bar is None
        clock[0] += 1.5
        bar(500, 1000)
        assert (bar.bar is not None) is terminal
        if terminal:
            bar.bar.refresh()
        assert ("Oppdaterer" in buffer.getvalue()) is terminal
        bar.close()


def test_the_waiting_step_is_named_by_the_process_the_case_was_walked_with(cli, cases_dir, tmp_path):
    """A municipality that renames a step in its own data file ([[process.steps]]) sees its own
    title where a case waits (`cases list`), as the walkthrough showed it, not the shipped one."""
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "walk.toml"
    data = tmp_path / "own.toml"
    data.write_text(fixture.read_text(encoding="utf-8") + (
        '\n[[process.steps]]\nid = "l0-concrete"\n'
        'title = { nb = "Beskriv det du ser", nn = "Skildre det du ser", en = "Describe what you see" }\n'),
        encoding="utf-8")
    answers = tmp_path / "part.toml"  # level 0's first step only: the case waits at l0-concrete
    answers.write_text('[l0-concern]\nconcern_date = "today"\narena = "school"\nrole = "kontaktlærer"\n'
                       'subject = "child"\nage = 9\nareas = ["learning"]\n[safety]\ndanger = false\n',
                       encoding="utf-8")
    cli("--data", str(data), "start", "--no-input", "--answers", str(answers))
    result = cli("--data", str(data), "cases", "list", "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert "Beskriv det du ser" in result.stdout and "Gjør undringen konkret" not in result.stdout


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("command", [("cases", "list", "-f", "table"),
                                     ("due", "--as-of", "2026-04-20", "--within", "30", "-f", "table")])
def test_the_baton_holder_is_shown_at_every_width(cli, cases_dir, command, width):
    """Who holds the baton is what a person reads a listing for: at 60 columns too (each case a
    short block then), by name, never cut in a word; the holder is never the column let go."""
    make_case(cases_dir, created="2026-02-01", decision="level:1", evaluation_date="2026-05-01",
              baton_holder="kontaktlaerer")
    make_case(cases_dir, created="2026-02-02", decision="level:1", evaluation_date="2026-05-02",
              baton_holder="helsesykepleier-skolehelsetjenesten")  # the longest name: the one that made the column go
    result = cli(*command, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    words = set(result.stdout.split())  # whole words: a name wraps between its words, never in one
    assert {"Kontaktlærer", "Helsesykepleier", "(skolehelsetjenesten)"} <= words, result.stdout
    assert all(len(line) <= width for line in result.stdout.splitlines()), result.stdout
    assert "Stafettholder" in result.stdout
