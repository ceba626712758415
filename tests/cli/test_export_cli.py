"""`bti export`, `bti stats` and `bti due` through the CLI: the export contract in every format,
filters, files, the corrupted-file exit code, and the figures on a hand-built set of cases."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest
from bti_case_factory import make_case, measure
from export_contract import check_csv_row, check_row

from bti_cli.reports.export import EXPORT_KEYS, export_schema

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def three_cases(cases_dir):
    a = make_case(cases_dir, created="2026-01-05", decision="level:1",
                  measures={"leksehjelp": measure("barneskole", "universal", "selective"),
                            "samtalegruppe": measure("helsestasjon", "selective")},
                  baton_holder="kontaktlaerer", evaluation_date="2026-02-20", areas=["learning", "language"])
    b = make_case(cases_dir, created="2026-02-10", decision="close", close_on="2026-02-15", arena="kindergarten",
                  age=3)
    c = make_case(cases_dir, created="2025-11-30", decision="notify", arena="health-station", age=None)
    return a, b, c


# --------------------------------------------------------------------------- the contract


def test_schema_file_is_generated_from_the_model(cli):
    on_disk = json.loads((ROOT / "docs" / "export.schema.json").read_text(encoding="utf-8"))
    assert on_disk == export_schema()
    assert list(on_disk["properties"]) == list(EXPORT_KEYS)
    assert sorted(on_disk["required"]) == sorted(EXPORT_KEYS)
    result = cli("export", "--schema")
    assert result.exit_code == 0 and json.loads(result.stdout) == on_disk


def test_json(cli, three_cases):
    result = cli("export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["case_id"] for r in rows] == [three_cases[2], three_cases[0], three_cases[1]]  # oldest first
    for row in rows:
        check_row(row)
    first = rows[1]
    assert first["measures"] == [
        {"id": "leksehjelp", "tiers": ["universal", "selective"], "service": "barneskole"},
        {"id": "samtalegruppe", "tiers": ["selective"], "service": "helsestasjon"},
    ]
    assert first["services_involved"] == ["barneskole", "helsestasjon"]
    assert first["concern_areas"] == ["learning", "language"]
    assert (first["days_to_decision"], first["decided_within_deadline"]) == (5, True)
    assert rows[2]["status"] == "closed" and rows[2]["closed"] == "2026-02-15"
    assert rows[0]["notified_barnevern"] is True and rows[0]["age"] is None


def test_jsonl_is_the_default_shape_one_line_each(cli, three_cases):
    result = cli("export", "-f", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        check_row(json.loads(line))
    assert json.loads(cli("export").stdout) == [json.loads(line) for line in lines]  # default json


def test_csv(cli, three_cases):
    result = cli("export", "--format", "csv")
    assert result.exit_code == 0
    assert not result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(EXPORT_KEYS)
    for row in rows:
        check_csv_row(row)
    by_id = {r["case_id"]: r for r in rows}
    a = by_id[three_cases[0]]
    assert a["measures"] == "leksehjelp;samtalegruppe"
    assert a["concern_areas"] == "learning;language"
    assert a["notified_barnevern"] == "false" and a["decided_within_deadline"] == "true"
    assert by_id[three_cases[2]]["age"] == ""


def test_excel_csv(cli, three_cases, tmp_path):
    out = tmp_path / "cases.csv"
    result = cli("export", "--excel", "--out", str(out))
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.split(";") == list(EXPORT_KEYS)
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 3
    for row in rows:
        check_csv_row(row)
    assert cli("export", "--excel", "--format", "json").exit_code == 2


def test_out_file_is_private_and_replaced_whole(cli, three_cases, tmp_path):
    out = tmp_path / "export.jsonl"
    out.write_text("old content\n")
    os.chmod(out, 0o644)
    result = cli("export", "-f", "jsonl", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "3" in result.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert len(out.read_text().splitlines()) == 3
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert cli("export", "-o", str(tmp_path)).exit_code == 1  # a folder
    assert cli("export", "-o", str(tmp_path / "no" / "such.json")).exit_code == 1


def test_filters(cli, three_cases):
    def ids(*args):
        result = cli("export", "-f", "jsonl", *args)
        assert result.exit_code == 0, result.stderr
        return [json.loads(line)["case_id"] for line in result.stdout.splitlines()]

    a, b, c = three_cases
    assert ids("--since", "2026-01-01") == [a, b]
    assert ids("--until", "2026-01-05") == [c, a]
    assert ids("--since", "2026-01-06", "--until", "2026-12-31") == [b]
    assert ids("--status", "closed") == [b]
    assert ids("--status", "open") == [c, a]
    assert ids("--level", "1") == [a]
    assert ids("--level", "3") == []


def test_bad_options_are_usage_errors(cli, three_cases):
    for args in (("--since", "yesterday"), ("--since", "2026-02-30"),
                 ("--since", "2026-03-01", "--until", "2026-01-01"),
                 ("--format", "xml"), ("--level", "4"), ("--status", "pending")):
        result = cli("export", *args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.stderr


def test_empty_cases_folder(cli, cases_dir):
    assert json.loads(cli("export").stdout) == []
    result = cli("export", "-f", "csv")
    assert result.stdout.splitlines() == [",".join(EXPORT_KEYS)]


def test_corrupted_case_is_named_and_others_exported(cli, three_cases, cases_dir):
    bad = three_cases[1]
    path = cases_dir / f"{bad}.toml"
    path.write_bytes(path.read_bytes()[:-25])
    result = cli("export", "-f", "jsonl")
    assert result.exit_code == 5
    exported = [json.loads(line)["case_id"] for line in result.stdout.splitlines()]
    assert exported == [three_cases[2], three_cases[0]]
    assert f"{bad}.toml" in result.stderr
    assert "Traceback" not in result.stderr
    assert "verify" in result.stderr  # the hint
    # the other readers say so too
    assert cli("stats", "-f", "json").exit_code == 5
    assert cli("cases", "list", "-f", "json").exit_code == 5
    path.unlink()
    assert cli("export").exit_code == 0


def test_index_staleness_through_export(cli, cases_dir):
    from bti_cli.caselog import index
    from bti_cli.caselog.log import CaseLog

    first = make_case(cases_dir, created="2026-01-05")
    assert len(json.loads(cli("export").stdout)) == 1
    with index.suspended():
        second = make_case(cases_dir, created="2026-01-06")
        CaseLog.open(cases_dir, first).append(level=1, step="l0-decide", kind="note", value="x",
                                              at="2026-01-07T10:00:00Z")
    rows = json.loads(cli("export").stdout)
    assert [r["case_id"] for r in rows] == [first, second]
    (cases_dir / f"{first}.toml").unlink()
    assert [r["case_id"] for r in json.loads(cli("export").stdout)] == [second]


# --------------------------------------------------------------------------- stats


@pytest.fixture
def stats_cases(cases_dir):
    """20 cases in 2026 with known figures, and 2 in 2025."""
    for i in range(8):  # level 1, decided in 5 days, evaluation overdue on 2026-06-01
        make_case(cases_dir, created=f"2026-01-{i + 2:02d}", decision="level:1", evaluation_date="2026-03-01",
                  measures={"leksehjelp": measure("barneskole", "selective")}, arena="school")
    for i in range(6):  # closed at level 0, decided after 20 days (late)
        make_case(cases_dir, created=f"2026-02-{i + 2:02d}", decision="close",
                  decided=f"2026-02-{i + 22:02d}", close_on="2026-03-01", arena="kindergarten")
    for i in range(6):  # notified, level 0, decided in 1 day
        make_case(cases_dir, created=f"2026-03-{i + 2:02d}", decision="notify", decided=f"2026-03-{i + 3:02d}",
                  arena="school")
    for i in range(2):
        make_case(cases_dir, created=f"2025-05-{i + 2:02d}", decision="level:3", arena="nav")


def test_stats_json_known_answers(cli, stats_cases):
    result = cli("stats", "--year", "2026", "--format", "json", "--as-of", "2026-06-01")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    o = data["overview"]
    assert (data["year"], data["min_count"], data["as_of"]) == (2026, 5, "2026-06-01")
    assert o["concerns"] == 20
    assert o["notified_barnevern"] == 6
    assert o["open_overdue_evaluations"] == 8
    assert o["median_days_to_decision"] == 5  # 6 × 1, 8 × 5, 6 × 20
    assert o["share_decided_within_deadline"] == 0.7  # 14 of 20
    breakdowns = {b["by"]: b for b in data["breakdowns"]}
    levels = {r["group"]: r for r in breakdowns["level"]["rows"]}
    assert levels["0"]["label"] == "Nivå 0"
    # levels 2 and 3 hold 0 (small) and need a complement of at least 9: the 12, not the 8
    assert levels["0"]["concerns"] is None and levels["0"]["suppressed"] == {"concerns": "secondary"}
    assert levels["1"]["concerns"] == 8 and levels["1"]["suppressed"] == {}
    for group in ("2", "3"):
        assert levels[group]["concerns"] is None and levels[group]["suppressed"] == {"concerns": "small"}
    arenas = {r["group"]: r for r in breakdowns["arena"]["rows"]}
    assert arenas["school"]["concerns"] == 14 and arenas["kindergarten"]["concerns"] == 6
    tiers = {r["group"]: r for r in breakdowns["tier"]["rows"]}
    assert tiers["selective"]["concerns"] == 8
    assert tiers["universal"]["concerns"] is None and tiers["universal"]["suppressed"]["concerns"] == "small"


def test_stats_match_figures_computed_from_the_export(cli, stats_cases):
    rows = json.loads(cli("export").stdout)
    data = json.loads(cli("stats", "-f", "json", "--min-count", "0", "--as-of", "2026-06-01").stdout)
    o = data["overview"]
    assert o["concerns"] == len(rows)
    assert o["notified_barnevern"] == sum(r["notified_barnevern"] for r in rows)
    assert o["open_overdue_evaluations"] == sum(
        1 for r in rows if r["status"] == "open" and r["next_evaluation"] and r["next_evaluation"] < "2026-06-01")
    decided = [r["decided_within_deadline"] for r in rows if r["decided_within_deadline"] is not None]
    assert o["share_decided_within_deadline"] == round(sum(decided) / len(decided), 3)


def test_stats_by_and_formats(cli, stats_cases):
    result = cli("stats", "--by", "arena", "-f", "json", "--year", "2026")
    data = json.loads(result.stdout)
    assert [b["by"] for b in data["breakdowns"]] == ["arena"]
    assert data["breakdowns"][0]["metrics"] == [
        "concerns", "notified_barnevern", "open_overdue_evaluations", "closed", "handovers_offered",
        "handovers_accepted", "handovers_pending", "evaluations_on_time", "evaluations_late",
        "median_days_to_decision", "share_decided_within_deadline"]
    result = cli("stats", "-f", "csv", "--year", "2026")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["section", "group", "label", "metric", "value", "suppressed"]
    small = [r for r in rows if r["suppressed"] == "small"]
    assert small and all(r["value"] == "" for r in small)
    table = cli("stats", "-f", "table", "--year", "2026", "--as-of", "2026-06-01")
    assert table.exit_code == 0
    assert "<5" in table.stdout and "70,0 %" in table.stdout
    assert "2026-06-01" in table.stdout
    english = cli("stats", "-f", "table", "--lang", "en", "--year", "2026")
    assert "70.0 %" in english.stdout and "Highest" in english.stdout
    assert cli("stats", "--by", "colour").exit_code == 2
    assert cli("stats", "--year", "1999").exit_code == 2


def test_stats_min_count(cli, stats_cases):
    data = json.loads(cli("stats", "-f", "json", "--year", "2025", "--min-count", "1").stdout)
    assert data["overview"]["concerns"] == 2
    levels = {r["group"]: r for r in data["breakdowns"][0]["rows"]}
    # zeros are below 1 and hidden; "<1" already says 0, so no complement is needed
    assert levels["0"]["suppressed"] == {"concerns": "small"}
    assert levels["3"]["concerns"] == 2
    data = json.loads(cli("stats", "-f", "json", "--year", "2025", "--min-count", "0").stdout)
    assert {r["group"]: r["concerns"] for r in data["breakdowns"][0]["rows"]} == {"0": 0, "1": 0, "2": 0, "3": 2}
    data = json.loads(cli("stats", "-f", "json", "--year", "2025").stdout)
    assert data["overview"]["concerns"] is None
    assert data["overview"]["suppressed"]["concerns"] == "small"


# --------------------------------------------------------------------------- due


def test_due_listing_and_calendar(cli, cases_dir, tmp_path):
    waiting = make_case(cases_dir, created="2026-03-01", decision=None)  # decision due 2026-03-15
    evaluated = make_case(cases_dir, created="2026-02-01", decision="level:1", evaluation_date="2026-03-20",
                          baton_holder="kontaktlaerer")
    make_case(cases_dir, created="2026-02-02", decision="close", close_on="2026-02-03")
    result = cli("due", "-f", "json", "--as-of", "2026-03-18")
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    assert [(i["case_id"], i["what"], i["days_left"], i["overdue"]) for i in items] == [
        (waiting, "decision", -3, True), (evaluated, "evaluation", 2, False)]
    overdue = json.loads(cli("due", "-f", "json", "--as-of", "2026-03-18", "--overdue").stdout)
    assert [i["case_id"] for i in overdue] == [waiting]
    assert json.loads(cli("due", "-f", "json", "--as-of", "2026-03-01", "--within", "3").stdout) == []
    table = cli("due", "-f", "table", "--as-of", "2026-03-18")
    assert waiting in table.stdout and "forfalt" in table.stdout
    ics = tmp_path / "bti.ics"
    result = cli("due", "--ics", str(ics), "--as-of", "2026-03-18")
    assert result.exit_code == 0 and result.stdout == ""
    text = ics.read_bytes().decode("utf-8")
    assert stat.S_IMODE(os.stat(ics).st_mode) == 0o600
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20260315" in text and "DTSTART;VALUE=DATE:20260320" in text
    assert f"UID:{evaluated}-evaluation@bti-cli" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    # the baton holder by the catalogue's name, never its id
    assert "Stafettholder: Kontaktlærer." in unfolded and "kontaktlaerer" not in unfolded
    assert "Virker" not in unfolded  # no free text from the case


def test_due_words_the_decision_deadline_by_its_source(cli, cases_dir):
    make_case(cases_dir, created="2026-03-01", decision=None)  # a decision is due
    table = cli("due", "-f", "table", "--as-of", "2026-03-10")
    assert ("Fristen for avgjørelse i Løten: BTI-modellen anbefaler at avgjørelsen tas innen 14 dager etter at "
            "undringen oppsto; planen setter ingen egen frist.") in " ".join(table.stderr.split())
    english = cli("due", "-f", "table", "--as-of", "2026-03-10", "--lang", "en")
    assert "the plan sets no deadline of its own" in " ".join(english.stderr.split())
    assert "Fristen" not in cli("due", "-f", "json", "--as-of", "2026-03-10").stderr  # machine output stays clean


def test_help_texts(cli):
    for args in (("export",), ("stats",), ("due",), ("cases", "list"), ("cases", "reindex")):
        result = cli(*args, "--help")
        assert result.exit_code == 0
        assert "--cases-dir" in result.stdout


def test_problem_messages_follow_the_language(cli, cases_dir):
    case = make_case(cases_dir)
    path = cases_dir / f"{case}.toml"
    path.write_text("not = = toml", encoding="utf-8")
    norwegian = cli("export")
    english = cli("export", "--lang", "en")
    assert norwegian.exit_code == english.exit_code == 5
    assert "was skipped" in english.stderr and "ble hoppet over" in norwegian.stderr
    assert "could not be read" in english.stderr
    assert "failed verification" in english.stderr  # caselog's words, in English too
