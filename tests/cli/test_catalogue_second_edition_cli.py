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


def test_measures_flag_due_build_periods_and_status_words(cli):
    # FIT and RPH were to be developed and implemented in 2022/2023–2025: after 2025 they are due
    # (to be in place), not ended; a running project's passed period would still end it
    rows = json.loads(cli("measures", "list", "-m", "loten", "--format", "json").stdout)
    assert {r["id"] for r in rows if r["ended"]} == set()
    due = {r["id"]: r["due"] for r in rows if r["due"]}
    assert due == {"fit-feedback-informed-treatment": 2025, "rask-psykisk-helsehjelp": 2025}
    table = cli("measures", "list", "-m", "loten", "--status", "developing", "--format", "md", "--lang", "en").stdout
    assert "developing, due by 2025" in table
    shown = cli("measures", "show", "rask-psykisk-helsehjelp", "-m", "loten", "-f", "table", "--lang", "nb").stdout
    assert "under utvikling («Utvikles og implemeteres»), skulle vært på plass innen 2025" in " ".join(shown.split())
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


def test_data_show_prints_the_plan_facts(cli):
    facts = json.loads(cli("data", "show", "-m", "loten", "--format", "json").stdout)
    assert facts["plan"]["adopted"] == {"date": "2024-05-29", "by": "kommunestyret", "ref": "sak 18/24"}
    rules = {s["name"]: s for s in facts["settings"]}
    assert rules["decision_deadline_days"]["basis"] == "bti" and rules["decision_deadline_days"]["value"] == 14
    assert rules["consent_age_health"]["basis"] == "law"
    assert "§ 4-3" in rules["consent_age_health"]["ref"]
    table = cli("data", "show", "-m", "loten", "--format", "table", "--lang", "nb", env={"COLUMNS": "300"}).stdout
    table = " ".join(table.split())
    for text in ("Forebyggende plan for omsorgsvikt og atferdsvansker 2024 - 2027",
                 "2024-05-29, kommunestyret, sak 18/24",
                 "evalueres årlig", "BTI-modellen anbefaler at avgjørelsen tas innen 14 dager", "13 %",
                 "Innlandet 12 %, Norge 11 %", "62 56 40 00", "116 111", "nummer ikke oppgitt i planen"):
        assert text in table, text
    md = cli("data", "show", "-m", "loten", "--format", "md", "--lang", "en").stdout
    assert "## Rules and where they come from" in md and "| The BTI model |" in md


def test_data_show_without_a_plan_table(cli):
    from pathlib import Path

    first = str(Path(__file__).parents[1] / "fixtures" / "mini.toml")
    result = cli("data", "show", "--data", first, "--format", "table", "--lang", "en", env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.stderr
    words = " ".join(result.stdout.split())
    assert "The file has no «plan» table." in words
    assert "The BTI model recommends deciding within 14 days" in words  # the tool's default, worded as such
