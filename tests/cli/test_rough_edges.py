"""The rough edges of issue 14, each as a user meets it at the command line: --plain in a pipe,
a cases folder that cannot exist, the CSV header of an empty result, the calendar of `bti due
--ics`, the --overdue heading, answers in words in `cases show`, whole sentences in a group's
help, one word per prevention tier, and the texts around the safety gate and a close."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.bti_case_factory import make_case

ROOT = Path(__file__).parent.parent.parent
LOCALES = ROOT / "bti_cli" / "locales"
EXAMPLES = ROOT / "examples" / "answers"


def _level1_case(cli, tmp_path, *extra: str) -> str:
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / "level1.toml"), *extra)
    assert result.exit_code == 0, result.stderr
    return re.search(r"BTI-\d{4}-[0-9A-Z]{5}", result.stdout).group(0)


# --------------------------------------------------------------------------- --plain in a pipe


@pytest.mark.parametrize("command", [("cases", "list"), ("measures", "list"), ("arenas", "list"), ("due",)],
                         ids=" ".join)
def test_plain_in_a_pipe_is_linear_text_not_json(cli, tmp_path, command):
    case = _level1_case(cli, tmp_path)
    result = cli(*command, "--plain", "--within", "60") if command == ("due",) else cli(*command, "--plain")
    assert result.exit_code == 0, result.stderr
    assert not result.stdout.lstrip().startswith(("[", "{"))  # CliRunner's stdout is a pipe
    assert ": " in result.stdout  # "label: value" lines, as on a terminal with --plain
    if command == ("cases", "list"):
        assert f"Sak: {case}" in result.stdout and "Status: åpen" in result.stdout


def test_plain_in_a_pipe_still_gives_json_when_asked(cli, tmp_path):
    _level1_case(cli, tmp_path)
    rows = json.loads(cli("cases", "list").stdout)  # a pipe without --plain: JSON, as before
    assert len(rows) == 1
    assert json.loads(cli("cases", "list", "--plain", "--format", "json").stdout) == rows


def test_plain_case_view_in_a_pipe_shows_the_case_in_words(cli, tmp_path):
    case = _level1_case(cli, tmp_path)
    result = cli("cases", "show", case, "--plain")
    assert result.exit_code == 0
    assert f"Sak {case}" in result.stdout and "Svar: Skole og SFO" in result.stdout
    assert '"case_id"' not in result.stdout


# --------------------------------------------------------------------------- the cases folder


@pytest.mark.parametrize("command", [("cases", "list"), ("due",), ("export",), ("stats",), ("cases", "verify"),
                                     ("resume",)], ids=" ".join)
def test_a_cases_folder_that_cannot_exist_is_an_error_not_an_empty_list(cli, command):
    result = cli("--cases-dir", "/proc/nope", *command)
    assert result.exit_code == 1
    assert result.stdout == ""  # not "[]", not "[" and then the error
    assert "Saksmappen finnes ikke, og den kan ikke lages der." in result.stderr
    assert "--cases-dir" in result.stderr
    assert "nope" not in result.stderr  # what was typed is not repeated


def test_a_folder_not_made_yet_is_no_cases_yet(cli, tmp_path):
    folder = tmp_path / "not-yet" / "cases"
    result = cli("--cases-dir", str(folder), "cases", "list", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert not folder.exists()  # reading never makes it


def test_the_english_message_too(cli):
    result = cli("--cases-dir", "/proc/nope", "--lang", "en", "cases", "list")
    assert result.exit_code == 1
    assert "The cases folder does not exist, and it cannot be made there." in result.stderr


# --------------------------------------------------------------------------- CSV headers


def _header(text: str) -> list[str]:
    lines = text.splitlines()
    assert len(lines) == 1, lines  # the header and no rows
    return next(csv.reader(io.StringIO(lines[0])))


def test_an_empty_measure_listing_still_has_its_csv_header(cli):
    full = cli("measures", "list", "--format", "csv").stdout
    empty = cli("measures", "list", "--search", "qqqzzzxxx", "--format", "csv")
    assert empty.exit_code == 0
    assert _header(empty.stdout) == next(csv.reader(io.StringIO(full)))
    assert _header(empty.stdout)[:2] == ["id", "name"]


def test_an_empty_scrub_report_still_has_its_csv_header(cli):
    result = cli("scrub", "--report", "--format", "csv", input="Strever med lesing.\n")
    assert result.exit_code == 0
    assert _header(result.stdout) == ["line", "column", "start", "end", "kind", "placeholder", "reason"]


def test_empty_coordinator_and_arena_listings_keep_their_headers(cli):
    full = cli("arenas", "list", "--format", "csv").stdout
    header = next(csv.reader(io.StringIO(full)))
    # the header names every key any arena has, whichever arena comes first
    for row in json.loads(cli("arenas", "list", "--format", "json").stdout):
        assert set(row) <= set(header)
    coordinators = json.loads(cli("coordinators", "--format", "json").stdout)
    header = next(csv.reader(io.StringIO(cli("coordinators", "--format", "csv").stdout)))
    for row in coordinators:
        assert set(row) <= set(header)


def test_an_empty_case_listing_has_its_header(cli, cases_dir):
    make_case(cases_dir)
    result = cli("cases", "list", "--status", "closed", "--format", "csv")
    assert _header(result.stdout)[0] == "case_id"


# --------------------------------------------------------------------------- bti due --ics, --overdue


def _events(ics: Path) -> list[str]:
    return re.findall(r"DTSTART;VALUE=DATE:(\d{8})", ics.read_text(encoding="utf-8"))


def test_the_calendar_holds_every_coming_date_by_default(cli, tmp_path):
    _level1_case(cli, tmp_path)  # its evaluation is 42 days ahead, beyond the listing's 14
    ics = tmp_path / "frister.ics"
    result = cli("due", "--ics", str(ics))
    assert result.exit_code == 0, result.stderr
    evaluation = (date.today() + timedelta(days=42)).strftime("%Y%m%d")
    entries = _events(ics)  # the evaluation (and each measure's date, which defaults to it)
    assert entries and set(entries) == {evaluation}
    assert f"Skrev {len(entries)} kalenderoppføring" in result.stderr
    # --within says how far ahead, for the calendar too: the day before the evaluation and on it
    cli("due", "--ics", str(ics), "--within", "41")
    assert _events(ics) == []
    cli("due", "--ics", str(ics), "--within", "42")
    assert _events(ics) == entries


def test_an_ics_path_that_cannot_be_used_names_ics_not_out(cli, tmp_path):
    result = cli("due", "--ics", str(tmp_path))
    assert result.exit_code == 1
    assert "--ics peker på en mappe" in result.stderr and "--out" not in result.stderr
    result = cli("due", "--ics", str(tmp_path / "no-such-folder" / "f.ics"))
    assert result.exit_code == 1 and "Mappen for --ics finnes ikke." in result.stderr
    result = cli("export", "--out", str(tmp_path))
    assert "--out peker på en mappe" in result.stderr  # export still names its own option


def test_the_overdue_listing_is_headed_as_overdue(cli, tmp_path):
    _level1_case(cli, tmp_path)
    after = (date.today() + timedelta(days=43)).isoformat()
    on = (date.today() + timedelta(days=42)).isoformat()
    result = cli("due", "--overdue", "--as-of", after, "--format", "table")
    assert result.exit_code == 0
    assert f"Forfalte frister per {after}" in result.stdout and "Frister til og med" not in result.stdout
    assert "(forfalt)" not in result.stdout  # the heading says it once, not every row
    assert "(forfalt)" in cli("due", "--as-of", after, "--format", "table").stdout
    result = cli("due", "--overdue", "--as-of", on, "--format", "table")  # due today: not overdue yet
    assert f"Ingenting har forfalt per {on}." in result.stderr
    english = cli("due", "--overdue", "--as-of", after, "--format", "table", "--lang", "en")
    assert f"Overdue as of {after}" in english.stdout


# --------------------------------------------------------------------------- answers in words


def test_an_unborn_age_is_shown_in_words(cli, cases_dir):
    case = make_case(cases_dir, age="unborn")  # a process override may take "unborn" for an age
    for lang, word in (("nb", "ufødt"), ("nn", "ufødd"), ("en", "unborn")):
        result = cli("cases", "show", case, "--plain", "--lang", lang)
        assert result.exit_code == 0, result.stderr
        answers = [line for line in result.stdout.splitlines() if line.startswith(("Svar:", "Answer:"))]
        assert any(line.endswith(f": {word}") for line in answers), answers
        if lang != "en":
            assert not any("unborn" in line for line in answers)


# --------------------------------------------------------------------------- group help


@pytest.mark.parametrize("columns", ["60", "80"])
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("group", ["cases", "measures", "data", "config"])
def test_a_groups_help_never_cuts_a_description(group, lang, columns):
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": columns}
    result = subprocess.run([sys.executable, "-m", "bti_cli", group, "--help", "--lang", lang], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    usage, _, rest = result.stdout.partition("\n")  # the usage line's "[ARGUMENTER]..." is click's
    assert "..." not in rest and "…" not in rest
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())
    if group == "cases" and lang == "nb":
        words = " ".join(result.stdout.split())
        assert "avslutningskode 5 hvis en fil feiler." in words  # the end of verify's sentence


# --------------------------------------------------------------------------- prevention tiers


def _locale_texts():
    for path in sorted(LOCALES.glob("*.toml")):
        for key, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if isinstance(entry, dict):
                for lang in ("nb", "nn"):
                    yield f"{path.stem}.{key}", lang, entry.get(lang, "")


def test_one_word_per_tier_and_the_tier_never_called_a_level():
    for key, lang, text in _locale_texts():
        assert not re.search(r"indikert|innsatsniv|tiltaksniv", text, re.I), (key, lang, text)
        if "tier" in key and "{level}" not in text:  # "{tier} tiltak passer nivå {level}": a BTI level
            assert "nivå" not in text.casefold().replace("bti-nivå", ""), (key, lang, text)
    process = (ROOT / "data" / "process.toml").read_text(encoding="utf-8")
    assert not re.search(r"indikert|innsatsniv", process, re.I)


def test_stats_and_listings_use_the_same_tier_words(cli, cases_dir):
    make_case(cases_dir, measures={"barneskole": ["kartlegging-og-identifisering-barneskole"]})
    listing = cli("measures", "list", "--tier", "indicated", "--format", "table", env={"COLUMNS": "200"})
    assert "Indikativ" in listing.stdout and "Forebygging" in listing.stdout
    assert " Nivå " not in listing.stdout.splitlines()[1]  # the header row: the tier is no level
    stats = cli("stats", "--format", "table", "--min-count", "0", "--by", "tier", env={"COLUMNS": "200"})
    assert stats.exit_code == 0, stats.stderr
    assert "forebyggingstype" in stats.stdout and "Indikert" not in stats.stdout


# --------------------------------------------------------------------------- safety gate, close


def test_the_safety_gate_says_the_ordinary_path_stops_once(cli):
    for lang, stops in (("nb", "vanlige veien stopper"), ("nn", "vanlege vegen stoppar"),
                        ("en", "ordinary path stops")):
        result = cli("start", "--no-input", "--answers", str(EXAMPLES / "notify.toml"), "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.casefold().count(stops) == 1, (lang, result.stdout)


def test_a_close_says_it_is_to_be_closed_before_asking_why(cli, tmp_path):
    answers = tomllib.loads((EXAMPLES / "level1.toml").read_text(encoding="utf-8"))
    for key in ("l1-goals", "l1-plan", "l1-views"):
        answers.pop(key)
    answers["l0-decide"] = {"decision": "close"}
    answers["close"] = {"closing_reason": "concern-gone", "closing_note": "Bekymringen er borte."}
    import tomli_w

    path = tmp_path / "close.toml"
    path.write_text(tomli_w.dumps(answers), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "The case is closed." not in result.stdout
    said, why = result.stdout.index("The case is to be closed."), result.stdout.index("Why")
    assert said < why
