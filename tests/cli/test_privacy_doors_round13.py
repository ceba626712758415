"""Privacy doors, round 13: what a fresh-eyes data-protection reader found open (all values
fictitious).

1. A role (config, answers file, baton holder, measure owner, `cases handover --to`) names a job:
   never a date, a postcode and place, or a capitalised word that names no job.
2. `bti scrub` writes no terminal escape through.
3. `bti config set` stores no control character, and a stored one is named as such.
4. A date of the case lies at most a year back and two years ahead: a birth date is refused.

A second reader (round 14): a surname that is a place too right after the job ("helsesykepleier
Nes"), someone's mother by name ("mor til eik") and a postcode alone are no roles either. A third
(round 19): nor a listed surname in lower case ("lærer hansen"), lower-case initials ("o.n."),
a date written month first ("03/15/2016"). A fourth (round 21): nor initials apart ("lærer K N",
"lærer kn"), a postcode after the place, digits of an identity number, "3/15", "mars 2019", or a
name in another script.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
import tomli_w

ROOT = Path(__file__).resolve().parents[2]
LEVEL1 = ROOT / "examples" / "answers" / "level1.toml"
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-Z]{5}")
MEASURE = "kartlegging-og-identifisering-barneskole"

# what a role may never hold (fictitious): dates in common forms, a postcode and place, a surname
NOT_ROLES = ["30.11.16", "2016-11-30", "30. november 2016", "2340 Løten", "Dal", "helsesykepleier Dal",
             "lærer 30.11.16",
             # a second reader: a surname that is a place too right after the job, someone's mother
             # by a lower-case name, a postcode alone, a place alone
             "helsesykepleier Nes", "rektor Hov", "mor til eik", "2340", "Nes",
             # a third reader (round 19): a listed surname in lower case, alone, after the job or
             # joined to it; a listed given name in lower case; initials in lower case with their
             # dots, or glued to the surname; a date written month first; a place right after the job
             "nordmann", "lærer hansen", "assistent olsen", "Hansen-lærer", "Olsen-kontaktlærer",
             "lærer kari", "lærer o.n.", "k.nordmann", "knordmann", "lærer 03/15/2016", "helsesykepleier nes",
             # a fourth (round 21): initials apart, without a dot at the end or in lower case; a
             # postcode after its place; an identity number with its hyphen moved; a day and month, a
             # month and year; a name in another script
             "lærer K N", "K.N", "lærer kn", "lærer Løten 2340", "lærer 1503815-0094", "lærer 3/15",
             "lærer mars 2019", "lærer 李",
             # a name glued to the job, by an invisible character (which is removed) or by nothing
             "koordinator\u200bKari", "kontaktlærerKari", "kontaktlærernordmann"]
# the edges that stay roles: a job the vocabulary knows, a job by its ending, acronyms, the
# municipality's own words, a class and a year range, a catalogue coordinator's role
ROLES = ["Rektor", "Miljøterapeut", "Vernepleier", "PP-rådgiver", "Veileder i NAV", "miljøterapeut BUP",
         "lærer på Hov", "mor", "foreldrene", "lærer 2016",
         "helsesykepleier i Løten kommune", "kontaktlærer 7A", "lærer 5.-7. trinn",
         "Ansatt i fritidstilbud (Ungdommens hus / Aktiv ung)",
         # round 19: lower-case words a role holds that are no names
         "lærer på nes skole", "fagarbeider", "lærer t.d. 5. trinn", "lærer sfo", "ass. rektor",
         # round 21: a class with a space, a grade
         "lærer i 2 B", "kontaktlærer 10A", "lærer 3. klasse"]


def _said(result) -> str:
    return (result.stdout or "") + (result.stderr or "")


def _case_files(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("BTI-*.toml")))


def _answers(tmp_path: Path, **changes: dict) -> Path:
    data = tomllib.loads(LEVEL1.read_text(encoding="utf-8"))
    for step, values in changes.items():
        data.setdefault(step.replace("_", "-"), {}).update(values)
    path = tmp_path / "answers.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _start(cli, tmp_path, **changes):
    return cli("start", "--no-input", "--answers", str(_answers(tmp_path, **changes)))


def _day(days: int) -> str:
    return (date.today() + timedelta(days=days)).strftime("%d.%m.%Y")


# --------------------------------------------------------------------------- 1. roles


@pytest.mark.parametrize("role", NOT_ROLES)
def test_a_role_is_never_a_date_a_postcode_or_a_surname(cli, tmp_path, cases_dir, role):
    said = cli("config", "set", "role", role)
    assert said.exit_code == 1 and role not in _said(said)
    assert not (tmp_path / "config.toml").exists()
    for changes in ({"l0_concern": {"role": role}}, {"l1_plan": {"baton_holder": role}},
                    {"l1_plan": {"measure_owners": {MEASURE: {"owner": role}}}}):
        result = _start(cli, tmp_path, **changes)
        assert result.exit_code == 1, (changes, result.stdout)
        assert role not in _said(result)
        assert _case_files(cases_dir) == ""  # no case is made
    case = CASE_RE.search(_start(cli, tmp_path).stdout).group(0)
    before = _case_files(cases_dir)
    handover = cli("cases", "handover", case, "--to", role)
    assert handover.exit_code == 1 and role not in _said(handover)
    assert _case_files(cases_dir) == before


@pytest.mark.parametrize("role", ROLES)
def test_a_job_stays_a_role_at_every_door(cli, tmp_path, cases_dir, role):
    assert cli("config", "set", "role", role).exit_code == 0
    assert role in tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))["role"]
    result = _start(cli, tmp_path, l0_concern={"role": role}, l1_plan={"measure_owners": {MEASURE: {"owner": role}}})
    assert result.exit_code == 0, result.stderr
    assert role in _case_files(cases_dir)


@pytest.mark.parametrize(("lang", "role", "words"), [
    ("nb", "lærer 30.11.16", "Rollen ser ut til å inneholde en dato"),
    ("nn", "2340 Løten", "ei adresse"),
    ("en", "helsesykepleier Dal", "seems to contain a name"),
    ("en", "30.11.16", "never a name, date, address"),
])
def test_the_refusal_says_what_is_wrong_in_each_language(cli, lang, role, words):
    result = cli("config", "set", "role", role, "--lang", lang)
    assert result.exit_code == 1
    assert words in _said(result) and role not in _said(result)


@pytest.mark.parametrize(("role", "kind", "not_said"), [
    # the scrubber's kind for the number it replaced, and no second kind for the same digits
    ("Lærer 41234567", "et telefonnummer, og lagres ikke", "fødselsnummer"),
    ("Lærer 15038150094", "et fødselsnummer, og lagres ikke", "telefonnummer"),
    # digits the scrubber leaves are still no part of a role
    ("lærer 1503815-0094", "et fødselsnummer", "telefonnummer"),
])
def test_the_refusal_names_each_kind_once(cli, role, kind, not_said):
    result = cli("config", "set", "role", role, "--lang", "nb")
    assert result.exit_code == 1
    said = " ".join(_said(result).split())
    assert kind in said and not_said not in said and role not in said


# --------------------------------------------------------------------------- 2. bti scrub

ESCAPED = "Notat \x1b]0;PWNED\x07 og \x1b[31mrødt\x1b[0m \u202eomvendt\r\nlinje to\tmed tab\rskjult\n"


def test_scrub_writes_no_terminal_escape_through(cli, tmp_path):
    note = tmp_path / "note.txt"
    note.write_bytes(ESCAPED.encode("utf-8"))
    for result in (cli("scrub", str(note)), cli("scrub", input=ESCAPED)):
        assert result.exit_code == 0, result.stderr
        out = result.stdout_bytes.decode("utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202e]", out), repr(out)
        assert "\\x1b]0;PWNED\\x07" in out and "\\x1b[31m" in out and "\\u202e" in out
        assert "\r\n" in out and "\t" in out and "\\rskjult" in out  # CRLF and tab kept, a lone CR shown
    as_json = cli("scrub", str(note), "--format", "json")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", as_json.stdout)
    import json

    assert json.loads(as_json.stdout)["text"].startswith("Notat \x1b]0;PWNED")  # the same value for a program


# --------------------------------------------------------------------------- 3. config values


def test_a_config_value_is_stored_without_control_characters(cli, tmp_path):
    folder = tmp_path / "saker"
    result = cli("config", "set", "cases_dir", f"{folder}/\x1b[31mx")
    assert result.exit_code == 0, result.stderr
    stored = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert "\x1b" not in stored and "u001b" not in stored.lower() and "[31m" not in stored
    assert tomllib.loads(stored)["cases_dir"] == str(folder / "x")
    assert cli("config", "show").stderr == ""


@pytest.mark.parametrize(("lang", "words"), [("nb", "inneholder kontrolltegn"), ("nn", "inneheld kontrollteikn"),
                                             ("en", "holds control characters")])
def test_a_stored_control_character_is_named_not_an_empty_list(cli, tmp_path, lang, words):
    (tmp_path / "config.toml").write_text(tomli_w.dumps({"cases_dir": f"{tmp_path}/\x1b[31mx"}), encoding="utf-8")
    result = cli("config", "show", "--lang", lang)
    assert words in result.stderr
    assert not re.search(r"(inneholde|innehalde|contain) :", result.stderr)
    assert "\x1b" not in _said(result)


# --------------------------------------------------------------------------- 4. dates of the case


def test_a_concern_date_lies_within_a_year(cli, tmp_path, cases_dir):
    birth = _start(cli, tmp_path, l0_concern={"concern_date": "30.11.2016"})  # a birth date (fictitious)
    assert birth.exit_code == 1 and "30.11.2016" not in _said(birth)
    assert "fødselsdato" in birth.stderr and _case_files(cases_dir) == ""
    outside = _start(cli, tmp_path, l0_concern={"concern_date": _day(-366)})
    assert outside.exit_code == 1 and "mer enn 365 dager tilbake" in outside.stderr
    inside = _start(cli, tmp_path, l0_concern={"concern_date": _day(-365)})
    assert inside.exit_code == 0, inside.stderr


def test_a_measure_date_lies_within_a_year_back_and_two_ahead(cli, tmp_path):
    for days, ok in ((-365, True), (-366, False), (730, True), (731, False)):
        result = _start(cli, tmp_path, l1_plan={"measure_owners": {MEASURE: {"date": _day(days)}}})
        assert (result.exit_code == 0) is ok, (days, result.stderr)


def test_an_evaluation_date_lies_within_two_years(cli, tmp_path):
    assert _start(cli, tmp_path, l1_plan={"evaluation_date": _day(730)}).exit_code == 0
    far = _start(cli, tmp_path, l1_plan={"evaluation_date": _day(731)})
    assert far.exit_code == 1 and "The date lies more than 730 days ahead" not in far.stderr  # nb here
    assert "mer enn 730 dager fram" in far.stderr


def test_cases_edit_refuses_a_birth_date_as_the_concern_date(cli, tmp_path, cases_dir):
    case = CASE_RE.search(_start(cli, tmp_path).stdout).group(0)
    before = _case_files(cases_dir)
    for value in ("30.11.2016", _day(-366)):
        edit = tmp_path / "edit.toml"
        edit.write_text(f'[l0-concern]\nconcern_date = "{value}"\n', encoding="utf-8")
        result = cli("cases", "edit", case, "l0-concern.concern_date", "--answers", str(edit), "--no-input",
                     "--lang", "en")
        assert result.exit_code == 1 and "more than 365 days back" in result.stderr
        assert _case_files(cases_dir) == before
    edit.write_text(f'[l0-concern]\nconcern_date = "{_day(-365)}"\n', encoding="utf-8")
    assert cli("cases", "edit", case, "l0-concern.concern_date", "--answers", str(edit), "--no-input").exit_code == 0


def test_enter_keeps_a_date_that_stands_however_old():
    """`bti cases edit` of a case opened over a year ago: the stored date is the default, and
    Enter keeps it; the same date typed is refused."""
    from bti_cli.walkthrough.prompts import AnswerError, PromptSpec, parse_answer

    today = date(2026, 12, 2)
    spec = PromptSpec("l0-concern", "concern_date", "date", "dato", default="2025-11-01", past=True, today=today)
    assert parse_answer(spec, "") == "2025-11-01"
    with pytest.raises(AnswerError):
        parse_answer(spec, "2025-11-01")
    assert parse_answer(spec, (today - timedelta(days=365)).isoformat()) == "2025-12-02"


@pytest.mark.parametrize("value", ["/tmp/bti-x\ny", "/tmp/bti-x\ty"])
def test_a_setting_is_one_line(cli, tmp_path, value):
    # a second reader stored a newline in cases_dir; every message showing it broke in two
    config = tmp_path / "config.toml"
    result = cli("config", "set", "cases_dir", value, env={"BTI_CONFIG": str(config)})
    assert result.exit_code == 1
    assert "one line" in _said(result) or "én linje" in _said(result)
    assert not config.exists() or "bti-x" not in config.read_text(encoding="utf-8")


@pytest.mark.parametrize("door", ["option", "environment"])
def test_a_cases_folder_named_after_a_person_is_said_at_every_door(cli, tmp_path, door):
    # a second reader: `config set cases_dir` refused such a path, the option and BTI_CASES_DIR
    # used it without a word; now each says so, as a path in the config file does (fictitious name)
    folder = tmp_path / "Kari Nordmann"
    args = ["--cases-dir", str(folder), "cases", "list"] if door == "option" else ["cases", "list"]
    env = {"BTI_CASES_DIR": str(folder)} if door == "environment" else {}
    result = cli(*args, env=env)
    assert result.exit_code == 0, _said(result)
    assert "--cases-dir" in result.stderr if door == "option" else "BTI_CASES_DIR" in result.stderr
    assert "a name" in result.stderr or "et navn" in result.stderr
    assert "Nordmann" not in result.stderr and "Nordmann" not in result.stdout
    plain = cli("--cases-dir", str(tmp_path / "saker"), "cases", "list")
    assert "seems to contain" not in plain.stderr and "ser ut til å inneholde" not in plain.stderr


def test_an_unknown_key_in_a_measures_owner_table_is_refused_by_its_place(cli, tmp_path, cases_dir):
    """A «note» beside the owner and date (a fourth reader wrote a name and a number in it) was
    dropped without a word; it is refused by its place, never by what it says."""
    changes = {"l1_plan": {"measure_owners": {MEASURE: {"owner": "kontaktlærer", "date": "today+14",
                                                        "note": "Kari Nordmann 15038150094"}}}}
    result = _start(cli, tmp_path, **changes)
    assert result.exit_code == 1
    said = _said(result)
    assert "nr. 3" in said and "Kari" not in said and "15038150094" not in said
    assert _case_files(cases_dir) == ""
