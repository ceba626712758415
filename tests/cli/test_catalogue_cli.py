"""The catalogue commands as a user meets them: every listing in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

FIXTURE = str(Path(__file__).parent.parent / "fixtures" / "mini.toml")
MEASURE_KEYS = {
    "id", "name", "tiers", "service", "target_group", "age_min", "age_max",
    "audience", "areas", "status", "description", "source",
}


def test_measures_json_has_the_contract_keys(cli):
    result = cli("measures", "list", "--data", FIXTURE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == ["foreldreveiledning", "sosial-ferdighetstrening"]
    for row in rows:
        assert set(row) >= MEASURE_KEYS
    assert rows[0]["source"] == {"basis": "plan", "file": "test.txt", "section": "2 Universelle tiltak"}


def test_measures_jsonl(cli):
    result = cli("measures", "list", "--data", FIXTURE, "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["foreldreveiledning", "sosial-ferdighetstrening"]


def test_measures_csv_joins_lists_with_semicolons(cli):
    result = cli("measures", "list", "--data", FIXTURE, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["tiers"] == "universal;selective"
    assert rows[1]["age_min"] == "10"
    assert rows[0]["age_note"] == ""


def test_measures_table_and_markdown(cli):
    table = cli("measures", "list", "--data", FIXTURE, "--format", "table")
    assert "Foreldreveiledning" in table.stdout and "Testby: 2 tiltak" in table.stdout
    md = cli("measures", "list", "--data", FIXTURE, "--format", "md")
    assert md.stdout.startswith("## Testby: 2 tiltak\n\n| Navn | Forebygging | Tjeneste | Alder | Status | ID |")


def test_group_by_service_prints_one_section_per_service(cli):
    result = cli("measures", "list", "--data", FIXTURE, "--format", "table", "--group-by", "service")
    assert "Helsestasjon" in result.stdout and "Barneskole" in result.stdout


def test_group_by_tier_puts_multi_tier_measure_in_each(cli):
    result = cli("measures", "list", "--data", FIXTURE, "-f", "md", "--group-by", "tier")
    assert result.stdout.count("foreldreveiledning") == 2
    assert "## Universell" in result.stdout and "## Indikativ" in result.stdout


def test_filters_through_the_command(cli):
    result = cli("measures", "list", "--data", FIXTURE, "-f", "json", "--age", "11", "--search", "SØSKEN")
    assert [r["id"] for r in json.loads(result.stdout)] == ["sosial-ferdighetstrening"]


def test_no_match_in_a_table_says_so(cli):
    result = cli("measures", "list", "--data", FIXTURE, "-f", "table", "--age", "22")
    assert result.exit_code == 1
    assert "Ingen tiltak" in result.stderr


def test_no_match_in_json_is_an_empty_array(cli):
    result = cli("measures", "list", "--data", FIXTURE, "-f", "json", "--age", "22")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_unknown_tier_is_a_usage_error(cli):
    result = cli("measures", "list", "--data", FIXTURE, "--tier", "targeted")
    assert result.exit_code == 2
    assert "targeted" in result.stderr and "Traceback" not in result.stderr


def test_measure_show(cli):
    result = cli("measures", "show", "sosial-ferdighetstrening", "--data", FIXTURE, "-f", "table")
    assert result.exit_code == 0
    assert "5.–7. trinn omregnet" in result.stdout
    data = json.loads(cli("measures", "show", "foreldreveiledning", "--data", FIXTURE, "-f", "json").stdout)
    assert data["tiers"] == ["universal", "selective"]


def test_measure_show_unknown_id_suggests(cli):
    result = cli("measures", "show", "sosial", "--data", FIXTURE)
    assert result.exit_code == 1
    assert "sosial-ferdighetstrening" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
@pytest.mark.parametrize(
    "command",
    [("services", "list"), ("arenas", "list"), ("coordinators",), ("data", "municipalities"), ("data", "areas")],
)
def test_every_listing_in_every_format(cli, command, fmt):
    result = cli(*command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list)


def test_services_counts_measures(cli):
    rows = json.loads(cli("services", "list", "--data", FIXTURE, "-f", "json").stdout)
    assert {r["id"]: r["measures"] for r in rows} == {"helsestasjon": 1, "skole": 1}


def test_arenas_filter_level_and_anonymous(cli):
    rows = json.loads(cli("arenas", "list", "--data", FIXTURE, "-f", "json", "--level", "3").stdout)
    assert rows == []
    rows = json.loads(cli("arenas", "list", "--data", FIXTURE, "-f", "json", "--anonymous").stdout)
    assert [r["id"] for r in rows] == ["drofteteam"]


def test_coordinators_by_arena(cli):
    rows = json.loads(cli("coordinators", "--data", FIXTURE, "-f", "json", "--arena", "school").stdout)
    assert [r["role"] for r in rows] == ["Kontaktlærer"]
    assert cli("coordinators", "--data", FIXTURE, "--arena", "castle").exit_code == 2


def test_common_options_before_and_after_the_command(cli):
    before = cli("--data", FIXTURE, "measures", "list", "-f", "json")
    after = cli("measures", "list", "-f", "json", "--data", FIXTURE)
    assert before.stdout == after.stdout
    assert json.loads(before.stdout)[0]["id"] == "foreldreveiledning"


def test_municipality_from_environment_and_option_wins(cli):
    env = {"BTI_MUNICIPALITY": "elverum"}
    from_env = json.loads(cli("data", "municipalities", "-f", "json").stdout)
    assert from_env  # sanity
    rows = json.loads(cli("services", "list", "-f", "json", env=env).stdout)
    elverum_ids = {r["id"] for r in rows}
    rows = json.loads(cli("services", "list", "-f", "json", "-m", "sondre-land", env=env).stdout)
    assert {r["id"] for r in rows} != elverum_ids


def test_unknown_municipality(cli):
    result = cli("measures", "list", "-m", "atlantis")
    assert result.exit_code == 1
    # the known municipalities are listed; what was typed is not repeated (it could be anything)
    assert "loten" in result.stderr and "atlantis" not in result.stderr


def test_validate_shipped_files(cli):
    result = cli("data", "validate")
    assert result.exit_code == 0
    assert result.stdout.count("ok  ") == 3


def test_validate_broken_file_exit_3_with_line(cli, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(Path(FIXTURE).read_text().replace('status = "planned"', 'status = "maybe"'))
    result = cli("data", "validate", str(broken))
    assert result.exit_code == 3
    assert f"{broken}:55 measures[1].status:" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_is_json_schema(cli):
    schema = json.loads(cli("data", "schema").stdout)
    assert "measures" in schema["properties"]


def test_version(cli):
    from bti_cli import __version__

    assert cli("--version").stdout.strip() == f"bti {__version__}"
