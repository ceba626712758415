"""The catalogue commands on the second edition's fields, as a user meets them."""

from __future__ import annotations

import json


def test_arenas_list_by_kind(cli):
    rows = json.loads(cli("arenas", "list", "-m", "loten", "--kind", "system", "--format", "json").stdout)
    assert len(rows) == 52 and {r["kind"] for r in rows} == {"system"}
    assert all(r["levels"] == [] for r in rows)
    cases = json.loads(cli("arenas", "list", "-m", "loten", "--kind", "case", "--format", "json").stdout)
    assert "anonym-drofting-barnevern" in {r["id"] for r in cases}
    assert "kommunedirektorens-ledermote" not in {r["id"] for r in cases}
    every = json.loads(cli("arenas", "list", "-m", "loten", "--format", "json").stdout)
    assert len(every) == len(rows) + len(cases)
    bad = cli("arenas", "list", "-m", "loten", "--kind", "leadership")
    assert bad.exit_code == 2 and "case, system" in bad.stderr


def test_arenas_table_says_what_the_plan_leaves_unstated(cli):
    out = cli("arenas", "list", "-m", "loten", "--kind", "system", "--format", "md", "--lang", "en").stdout
    line = next(row for row in out.splitlines() if "mote-med-fact" in row)
    assert "not stated" in line and "2 ganger årlig" in line and "system meeting" in line


def test_measures_flag_ended_periods_and_status_words(cli):
    rows = json.loads(cli("measures", "list", "-m", "loten", "--format", "json").stdout)
    ended = {r["id"] for r in rows if r["ended"]}
    assert ended == {"fit-feedback-informed-treatment", "rask-psykisk-helsehjelp"}  # periods ending 2025
    table = cli("measures", "list", "-m", "loten", "--status", "developing", "--format", "md", "--lang", "en").stdout
    assert "developing, ended (2025)" in table
    shown = cli("measures", "show", "rask-psykisk-helsehjelp", "-m", "loten", "-f", "table", "--lang", "nb").stdout
    assert "under utvikling («Utvikles og implemeteres»), avsluttet (2025)" in " ".join(shown.split())
    assert "2023–2025" in shown
    planned = cli("measures", "show", "brannforebygging", "-m", "loten", "--format", "table", "--lang", "en").stdout
    assert "planned («vil lage»)" in " ".join(planned.split())


def test_measures_grouped_by_tier_keep_the_untiered_projects(cli):
    out = cli("measures", "list", "-m", "loten", "--group-by", "tier", "--format", "md", "--lang", "en").stdout
    assert "No tier" in out and "FIT (Feedback Informed Treatment)" in out
    rows = json.loads(cli("measures", "list", "-m", "loten", "--group-by", "tier", "--format", "json").stdout)
    assert rows[-1]["tiers"] == []


def test_measure_show_by_an_earlier_id(cli, tmp_path):
    from pathlib import Path

    text = (Path(__file__).parents[1] / "fixtures" / "mini2.toml").read_text(encoding="utf-8")
    path = tmp_path / "k.toml"
    path.write_text(text, encoding="utf-8")
    row = json.loads(cli("measures", "show", "kompetanse", "--data", str(path), "--format", "json").stdout)
    assert row["id"] == "kompetanseloft" and row["purpose"] == "competence" and row["aliases"] == ["kompetanse"]
