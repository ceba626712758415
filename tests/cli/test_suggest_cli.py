"""`bti suggest`: the walkthrough's ranking without a case, in every listing format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

FIXTURE = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "walk.toml")
ARGS = ("suggest", "--age", "8", "--area", "learning", "--level", "1", "--arena", "school", "--data", FIXTURE)


def test_json_rows_with_reasons(cli):
    result = cli(*ARGS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    kinds = [r["kind"] for r in rows]
    assert kinds == sorted(kinds, key=["measure", "arena", "coordinator"].index)
    measures = [r for r in rows if r["kind"] == "measure"]
    assert [r["id"] for r in measures][:2] == ["lesekurs", "leksehjelp"] and measures[0]["rank"] == 1
    assert "tier:selective" in measures[0]["reason_codes"] and measures[0]["reasons"]
    assert [r["id"] for r in rows if r["kind"] == "coordinator"] == ["kontaktlaerer", "leder"]
    assert [r["id"] for r in rows if r["kind"] == "arena"] == ["drofteteam"]


def test_same_ranking_as_the_core(cli):
    from bti_cli.catalogue import loader as catalogue
    from bti_cli.catalogue import suggest

    cat = catalogue.load(None, FIXTURE).catalogue
    rows = json.loads(cli(*ARGS, "--format", "json").stdout)
    core = suggest.rank_measures(cat, level=1, age=8, areas=["learning"], work_arena="school")
    assert [r["id"] for r in rows if r["kind"] == "measure"] == [s.id for s in core]


def test_jsonl_and_csv(cli):
    lines = cli(*ARGS, "--format", "jsonl").stdout.splitlines()
    assert all(json.loads(line)["kind"] for line in lines) and len(lines) == 8
    text = cli(*ARGS, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["id"] == "lesekurs" and "tier:selective" in rows[0]["reason_codes"]


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_human_formats_group_by_kind(cli, fmt):
    result = cli(*ARGS, "--format", fmt)
    assert result.exit_code == 0
    out = result.stdout
    assert "Tiltak" in out and "Samarbeidsarenaer" in out and "Stafettholdere" in out
    assert "Intensivt lesekurs" in out and "din egen tjeneste" in out


def test_level3_kind_filter_and_limit(cli):
    rows = json.loads(cli("suggest", "--level", "3", "--age", "8", "--area", "learning", "--kind", "coordinator",
                          "--data", FIXTURE, "--format", "json").stdout)
    assert {r["id"] for r in rows} == {"koordinator", "barnekoordinator"}
    assert all("conditions" in r["reason_codes"] for r in rows)
    rows = json.loads(cli("suggest", "--level", "3", "--kind", "measure", "--limit", "1", "--data", FIXTURE,
                          "--format", "json").stdout)
    assert len(rows) == 1 and "tier:indicated" in rows[0]["reason_codes"]


def test_anonymous_first(cli):
    rows = json.loads(cli("suggest", "--level", "3", "--kind", "arena", "--anonymous", "--data", FIXTURE,
                          "--format", "json").stdout)
    assert [r["id"] for r in rows] == ["drofteteam", "ansvarsgruppe"]
    assert "needs-consent" in rows[1]["reason_codes"]


def test_english_reasons(cli):
    rows = json.loads(cli(*ARGS, "--format", "json", "--lang", "en").stdout)
    assert "a selective measure fits level 1" in rows[0]["reasons"]


@pytest.mark.parametrize(
    "args, needle",
    [(("--area", "nonsense"), "nonsense"), (("--arena", "hospital"), "hospital"), (("--kind", "x"), "x"),
     (("--level", "5"), "--level"), (("--age", "30"), "--age")],
)
def test_bad_options_are_usage_errors(cli, args, needle):
    result = cli("suggest", "--data", FIXTURE, *args)
    assert result.exit_code == 2
    assert needle in result.stderr


def test_shipped_municipality(cli):
    result = cli("suggest", "--age", "9", "--area", "learning", "--level", "1", "--arena", "school", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert any(r["kind"] == "measure" for r in rows) and any(r["id"] == "kontaktlaerer" for r in rows)


def test_help(cli):
    result = cli("suggest", "--help")
    assert result.exit_code == 0
    for option in ("--age", "--area", "--level", "--arena", "--format"):
        assert option in result.stdout
