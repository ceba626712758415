"""Names for people, ids for scripts: the views of a case name services, measures, roles and
arenas as the catalogue of the case's municipality does; JSON and CSV keep the ids; an id the
catalogue no longer knows reads as itself, without a crash."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bti_case_factory import make_case

FIXTURE = Path(__file__).parent.parent / "fixtures" / "mini.toml"


@pytest.fixture
def renamed(tmp_path):
    """The test municipality after a revision: the baton holder's id and a measure's id changed,
    the old ids kept as aliases (as docs/municipality-data.md asks)."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace('id = "kontaktlaerer"\n', 'id = "kontaktlaerer-skole"\naliases = ["kontaktlaerer"]\n')
    text = text.replace('id = "foreldreveiledning"\n', 'id = "icdp"\naliases = ["foreldreveiledning"]\n')
    path = tmp_path / "testby.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the one lookup


def test_names_from_the_catalogue_its_aliases_and_a_readable_fallback(renamed):
    from bti_cli.catalogue import loader
    from bti_cli.catalogue.names import Names

    catalogue = loader.load(data=renamed).catalogue
    plain = loader.load_plain(data=renamed).data
    for names in (Names(catalogue), Names(data=plain)):
        assert names.slug == "testby"
        assert names.role("kontaktlaerer-skole") == names.role("kontaktlaerer") == "Kontaktlærer"
        assert names.role("kontaktlærer") == "Kontaktlærer"  # typed by hand: the catalogue's spelling
        assert names.role("Miljøterapeut") == "Miljøterapeut"  # free text stays as written
        assert names.measure("icdp") == names.measure("foreldreveiledning") == "Foreldreveiledning (ICDP)"
        assert names.service("skole") == "Barneskole"
        assert names.arena("drofteteam") == "Tverrfaglig drøftingsteam"
        # an id nobody knows any more: readable, never an error
        assert names.role("helsesykepleier-skolehelsetjenesten") == "Helsesykepleier skolehelsetjenesten"
        assert names.measure("nedlagt-tiltak") == "Nedlagt tiltak"
        assert names.service(None) == names.role("") == ""
    empty = Names(None)
    assert empty.role("kontaktlaerer") == "Kontaktlaerer" and empty.service("skole") == "Skole"


def test_names_of_a_municipality_that_is_not_shipped():
    from bti_cli.catalogue.names import for_municipality

    assert for_municipality("loten").role("kontaktlaerer") == "Kontaktlærer"
    assert for_municipality("atlantis").role("kontaktlaerer") == "Kontaktlaerer"


# --------------------------------------------------------------------------- the commands


def test_cases_list_names_the_baton_holder_by_the_case_municipality(cli, cases_dir):
    make_case(cases_dir, baton_holder="helsesykepleier-skolehelsetjenesten", evaluation_date="2027-01-12")
    # the configured municipality is another one: the case's own catalogue names its ids
    table = cli("-m", "elverum", "cases", "list", "-f", "table", env={"COLUMNS": "200"}).stdout
    assert "Helsesykepleier (skolehelsetjenesten)" in table
    assert "helsesykepleier-skolehelsetjenesten" not in table
    plain = cli("--plain", "cases", "list", "-f", "table").stdout
    assert "Stafettholder: Helsesykepleier (skolehelsetjenesten)" in plain
    assert "helsesykepleier-skolehelsetjenesten" not in plain
    rows = json.loads(cli("cases", "list", "-f", "json").stdout)
    assert rows[0]["baton_holder_role"] == "helsesykepleier-skolehelsetjenesten"
    (row,) = csv.DictReader(io.StringIO(cli("cases", "list", "-f", "csv").stdout))
    assert row["baton_holder_role"] == "helsesykepleier-skolehelsetjenesten"


def test_an_old_id_reads_by_its_alias_and_an_unknown_one_readably(cli, cases_dir, renamed):
    old = make_case(cases_dir, municipality="testby", baton_holder="kontaktlaerer", evaluation_date="2027-01-12")
    gone = make_case(cases_dir, municipality="testby", baton_holder="tidligere-miljoarbeider",
                     evaluation_date="2027-01-13")
    for command in (("cases", "list"), ("due", "--as-of", "2027-01-01")):
        result = cli("--data", str(renamed), *command, "-f", "table", env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.stderr
        lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.startswith("BTI-")}
        assert "Kontaktlærer" in lines[old] and "kontaktlaerer" not in lines[old]
        assert "Tidligere miljoarbeider" in lines[gone]


def test_due_table_plain_text_and_calendar_name_the_role(cli, cases_dir):
    case = make_case(cases_dir, baton_holder="kontaktlaerer", evaluation_date="2027-01-12")
    table = cli("due", "-f", "table", "--as-of", "2027-01-01", env={"COLUMNS": "80"}).stdout
    line = next(line for line in table.splitlines() if line.startswith(case))
    assert line.split()[-1] == "Kontaktlærer"
    plain = cli("--plain", "due", "-f", "table", "--as-of", "2027-01-01").stdout
    assert "Stafettholder: Kontaktlærer" in plain and "kontaktlaerer" not in plain
    # one rule for a role wherever a person reads it: the catalogue's name, as the table has it,
    # in the calendar's SUMMARY and DESCRIPTION too; PRODID names the entries' language
    for lang, words in (("nb", "Stafettholder: Kontaktlærer."), ("nn", "Stafetthaldar: Kontaktlærer."),
                        ("en", "Baton holder: Kontaktlærer.")):
        ics = cli("due", "--ics", "-", "--as-of", "2027-01-01", "--lang", lang).stdout.replace("\r\n ", "")
        assert words in ics and "kontaktlaerer" not in ics and "kontaktlærer" not in ics
        prodid = next(line for line in ics.splitlines() if line.startswith("PRODID:"))
        assert prodid.endswith(f"//{lang.upper()}")
    items = json.loads(cli("due", "-f", "json", "--as-of", "2027-01-01").stdout)
    assert items[0]["baton_holder_role"] == "kontaktlaerer"


def test_case_show_names_measures_and_roles_in_the_timeline(cli, cases_dir):
    case = make_case(cases_dir, measures={"foreldresamarbeid-barneskole": ["service:barneskole", "tier:selective"]},
                     baton_holder="kontaktlaerer")
    out = cli("cases", "show", case, "-f", "table", env={"COLUMNS": "160"}).stdout
    timeline = out[out.index("Hendelser"):]
    assert "Foreldresamarbeid" in timeline and "foreldresamarbeid-barneskole" not in timeline
    assert "Kontaktlærer" in timeline and "kontaktlaerer" not in timeline
    document = json.loads(cli("cases", "show", case, "-f", "json").stdout)
    values = [e["value"] for e in document["events"]]
    assert any(isinstance(v, dict) and "foreldresamarbeid-barneskole" in v for v in values)
    assert "kontaktlaerer" in values


def test_family_summary_names_an_old_measure_id_by_its_alias(cli, cases_dir, renamed, monkeypatch):
    from bti_cli.catalogue import loader

    case = make_case(cases_dir, municipality="testby", baton_holder="kontaktlaerer",
                     measures={"foreldreveiledning": ["service:helsestasjon", "tier:universal"]})
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda municipality=None, data=None: real(
        None, renamed) if municipality == "testby" else real(municipality, data))
    text = cli("cases", "show", case, "--for", "guardians", "-f", "md").stdout
    assert "Foreldreveiledning (ICDP)" in text and "foreldreveiledning –" not in text
    assert "Stafettholder: Kontaktlærer" in text and "kontaktlaerer" not in text


def test_cases_show_names_the_municipality_and_json_keeps_its_id(cli, cases_dir):
    case = make_case(cases_dir, municipality="sondre-land", evaluation_date="2027-01-12")
    plain = cli("--plain", "cases", "show", case).stdout
    assert "Kommune: Søndre Land" in plain and "sondre-land" not in plain
    data = json.loads(cli("cases", "show", case, "-f", "json").stdout)
    assert data["header"]["municipality"] == "sondre-land"


def test_the_timeline_writes_the_typed_role_as_the_tables_do(cli, cases_dir):
    """`role = "kontaktlærer"` typed in the walkthrough reads "Kontaktlærer" in the timeline, as in
    the summary's Rolle and the Stafettholder column (one capitalisation everywhere)."""
    from pathlib import Path

    answers = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level1.toml"
    made = cli("start", "--no-input", "--answers", str(answers))
    assert made.exit_code == 0, made.stderr
    (case,) = [row["case_id"] for row in json.loads(cli("cases", "list", "-f", "json").stdout)]
    for lang, question in (("nb", "Din rolle"), ("en", "Your role")):
        out = cli("cases", "show", case, "-f", "table", "--lang", lang, env={"COLUMNS": "160"}).stdout
        line = next(line for line in out.splitlines() if question in line)
        assert "Kontaktlærer" in line.split(")", 1)[1], line
