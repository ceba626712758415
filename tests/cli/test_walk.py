"""`bti start` / `bti resume`: whole sessions through the CLI (CliRunner input=), answers files,
missing answers, personal data, interruption and resumption."""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = str(ROOT / "tests" / "fixtures" / "walk.toml")
EXAMPLES = ROOT / "examples" / "answers"
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")

# one answer per line, in the order the walkthrough asks (fixture catalogue, level 1)
LEVEL1 = [
    "",  # concern_date: default today
    "school", "kontaktlærer", "child", "8", "learning",
    "n",  # safety gate
    "Strever med lesing i timene.", "", "weeks", "n", "3",
    "j", "j", "n", "j", "Synes lesing er vanskelig.", "j", "Ønsker hjelp.",
    "",  # a text for the family: none (optional)
    "level:1",
    "j", "j", "Leser bedre innen jul.",
    "lesekurs", "1", "",  # measures, baton holder (first suggestion), evaluation date (default)
    "",  # who does what: Enter keeps the baton holder and the evaluation date for each measure
    "",  # a text for the family: none
    "Vil øve på lesing.", "Enige i planen.",  # views of the plan (or "ikke spurt, fordi …")
]


def case_files(cases_dir: Path) -> list[Path]:
    return sorted(cases_dir.glob("BTI-*.toml"))


def load_case(cases_dir: Path) -> dict:
    files = case_files(cases_dir)
    assert len(files) == 1, files
    return tomllib.loads(files[0].read_text(encoding="utf-8"))


def summary(cli, case_id: str) -> dict:
    import json

    result = cli("cases", "show", case_id, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["summary"]


def test_transcript_level1(cli, cases_dir):
    result = cli("start", "--data", FIXTURE, input="\n".join(LEVEL1) + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # the questions appear in order, with suggestions and their reasons
    for needle in ("Hvilken dato oppsto undringen?", "Mistenker du vold", "Hvor bekymret er du?",
                   "Frist for avgjørelse:", "(14 dager igjen)", "Intensivt lesekurs",
                   "selektivt tiltak passer nivå 1", "Kontaktlærer", "Neste evaluering:"):
        assert needle in out, needle
    assert out.index("Undringen oppstår") < out.index("Sikkerhet først") < out.index("Oppsummer og avgjør")
    data = load_case(cases_dir)
    events = data["events"]
    answered = [(e["step"], e.get("question")) for e in events if e["kind"] == "answer"]
    assert answered[0] == ("l0-concern", "concern_date") and ("safety", "danger") in answered
    assert events[0]["value"] == date.today().isoformat()
    case_id = data["case_id"]
    s = summary(cli, case_id)
    assert s["level"] == 1 and s["decision"] == "level:1" and s["age"] == 8
    assert s["measures"] == [{"id": "lesekurs", "tiers": ["selective"], "service": "skole"}]
    assert s["baton_holder_role"] == "kontaktlaerer"
    assert s["next_evaluation"] == (date.today() + timedelta(days=30)).isoformat()  # fixture interval
    assert s["pending_step"] is None


def test_invalid_input_at_every_kind_of_prompt_is_asked_again(cli, cases_dir):
    bad = {
        0: "31.02.2026",  # date
        1: "sykehus",  # choice
        4: "99",  # integer
        5: "ingen-slik",  # multi-choice
        6: "kanskje",  # yes-no
        7: "",  # required text
        20: "level:9",  # decision
        24: "finnes-ikke",  # measures
        25: "42",  # coordinator: a number that is not in the list
    }
    lines = []
    for i, answer in enumerate(LEVEL1):
        if i in bad:
            lines.append(bad[i])
        lines.append(answer)
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    # words at the measures question that find nothing are a search that found nothing
    assert result.stdout.count("Kan ikke brukes:") == len(bad) - 1
    assert result.stdout.count("Ingen tiltak i katalogen passer til søket.") == 1
    assert "Den datoen finnes ikke" in result.stdout and "Skriv et helt tall fra 0 til 23" in result.stdout
    assert "Svar ja eller nei" in result.stdout and "Et svar trengs her" in result.stdout
    assert summary(cli, load_case(cases_dir)["case_id"])["level"] == 1


def test_end_of_piped_input_names_the_question_and_keeps_the_draft(cli, cases_dir):
    result = cli("start", "--data", FIXTURE, input="\n".join(LEVEL1[:5]) + "\n")
    assert result.exit_code == 1
    assert "l0-concern.areas" in result.stderr
    data = load_case(cases_dir)
    assert [e["question"] for e in data["events"]] == ["concern_date", "arena", "role", "subject", "age"]
    # resume continues at the same question
    rest = "\n".join(LEVEL1[5:]) + "\n"
    resumed = cli("resume", data["case_id"], "--data", FIXTURE, input=rest)
    assert resumed.exit_code == 0, resumed.stderr
    assert "ved «Undringen oppstår»" in resumed.stdout  # the step's title, not its id
    assert resumed.stdout.index("Hvilke områder gjelder undringen?") < resumed.stdout.index("Mistenker du vold")
    assert summary(cli, data["case_id"])["level"] == 1


def test_no_input_with_empty_answers_creates_no_case(cli, cases_dir, tmp_path):
    # (--no-input without --answers fails before a case is made: tests/cli/test_qa_fixes.py)
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(empty), "--lang", "en")
    assert result.exit_code == 1
    assert f"The answers file {empty} holds no answers; no case was created." in result.stderr
    assert not list(cases_dir.glob("BTI-*.toml")) if cases_dir.exists() else True


def test_no_input_with_a_missing_answer_names_the_first_question(cli, cases_dir, tmp_path):
    answers = tmp_path / "answers.toml"
    answers.write_text('[l0-concern]\nsubject = "child"\n', encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 1
    assert "l0-concern.concern_date" not in result.stderr  # it has a default (today)
    assert "l0-concern.arena" in result.stderr
    assert str(answers) in result.stderr


def test_missing_answer_in_file_is_an_error_naming_the_id(cli, cases_dir, tmp_path):
    text = (EXAMPLES / "level1.toml").read_text(encoding="utf-8").replace("scale = 3\n", "")
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path))
    assert result.exit_code == 1
    assert "l0-concrete.scale" in result.stderr and str(path) in result.stderr
    assert len(case_files(cases_dir)) == 1  # the draft is kept for `bti resume`


def test_typo_in_answers_file_is_refused_before_anything_is_written(cli, cases_dir, tmp_path):
    path = tmp_path / "answers.toml"
    path.write_text('[l0-concern]\nareaz = ["learning"]\n[l0-concrn]\nscale = 2\n', encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    assert result.exit_code == 1
    # named by place, never as written (a key may be a name), with the ids that are close
    assert "nøkkel nr. 1 (mente du areas eller arena?) i [l0-concern]" in result.stderr
    assert "ukjent steg: tabell nr. 2 i filen (mente du l0-concern?)" in result.stderr
    assert case_files(cases_dir) == []


def test_bad_value_in_answers_file(cli, cases_dir, tmp_path):
    path = tmp_path / "answers.toml"
    path.write_text('[l0-concern]\narena = "school"\nrole = "lærer"\nsubject = "child"\nage = 40\n',
                    encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    assert result.exit_code == 1
    assert "l0-concern.age" in result.stderr and "0 til 23" in result.stderr


@pytest.mark.parametrize("name", ["level1", "notify", "level3"])
def test_examples_run_without_input(cli, cases_dir, name):
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / f"{name}.toml"))
    assert result.exit_code == 0, result.stderr
    case_id = CASE_RE.search(result.stdout).group(0)
    s = summary(cli, case_id)
    if name == "level1":
        assert s["level"] == 1 and s["measures"] and s["next_evaluation"] and s["baton_holder_role"]
    elif name == "notify":
        assert s["decision"] == "notify" and s["notified_barnevern"] is True
        assert s["notified_date"] == date.today().isoformat() and s["status"] == "closed"
        assert "§ 13-2" in result.stdout and "116 111" in result.stdout and "02800" in result.stdout
    else:
        assert s["level"] == 3 and s["decision"] == "level:3"
        assert len(s["consent_services"]) == 7 and s["consent_until"]  # the coordinator's unit, the measures' services
        assert s["baton_holder_role"] == "helsesykepleier-skolehelsetjenesten"
        assert s["pending_baton_holder_role"] == "koordinator"
        assert s["measures"][0]["tiers"] == ["indicated"] or "indicated" in s["measures"][0]["tiers"]
    verify = cli("cases", "verify", case_id)
    assert verify.exit_code == 0, verify.stdout + verify.stderr


PERSONAL = ["Kari Nordmann", "412 34 567", "kari.nordmann@example.com", "01017012345", "Storgata 5"]


@pytest.mark.parametrize("name", ["level1", "notify", "level3"])
def test_personal_data_in_free_text_never_reaches_the_cases_dir(cli, cases_dir, tmp_path, name):
    text = (EXAMPLES / f"{name}.toml").read_text(encoding="utf-8")
    slipped = f"{PERSONAL[0]} (tlf {PERSONAL[1]}, {PERSONAL[2]}, fnr {PERSONAL[3]}, bor i {PERSONAL[4]}) "
    # put the personal data in front of every free-text answer
    text = re.sub(r'^((?:observations|child_said|child_view|guardians_view|goals|closing_note) = ")',
                  lambda m: m.group(1) + slipped, text, flags=re.M)
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Personopplysninger er erstattet" in result.stdout
    for file in cases_dir.rglob("*"):
        if file.is_file():
            content = file.read_bytes()
            for value in PERSONAL + ["Kari", "Nordmann", "41234567", "example.com"]:
                assert value.encode() not in content, (file.name, value)
    for value in PERSONAL:
        assert value not in result.stdout and value not in result.stderr


def test_safety_gate_from_a_later_question(cli, cases_dir):
    lines = LEVEL1[:8] + ["!"]  # "!" at child_said
    lines += ["j", "", "j", "j"]  # informed, date (today), police, words written
    lines += ["level:1"]  # the notify decision: work on at level 1 alongside barnevern
    lines += LEVEL1[20:]
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "sikkerhetssporet" in out and "Meld til barnevernet nå" in out and "§ 13-2" in out
    assert "Ikke informer foresatte først" in out
    s = summary(cli, load_case(cases_dir)["case_id"])
    assert s["decision"] == "notify" and s["notified_barnevern"] and s["level"] == 1


def test_barnevern_not_yet_informed_pauses_and_resume_asks_again(cli, cases_dir):
    lines = LEVEL1[:6] + ["j", "n"]  # danger: yes; informed: not yet
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Saken venter her" in result.stdout and "bti resume" in result.stdout
    case_id = load_case(cases_dir)["case_id"]
    assert summary(cli, case_id)["pending_step"] == "notify"
    resumed = cli("resume", case_id, "--data", FIXTURE, input="j\n\nn\nj\nclose\nbarnevern\nBarnevernet følger opp.\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert "Har du meldt fra til barnevernet? (spørsmålet stilles igjen)" in resumed.stdout
    s = summary(cli, case_id)
    assert s["notified_barnevern"] and s["status"] == "closed"


def test_deadline_passed_warns(cli, cases_dir):
    old = (date.today() - timedelta(days=20)).isoformat()
    lines = [old] + LEVEL1[1:]
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert "gikk ut for 6 dager siden" in result.stdout
    s = summary(cli, load_case(cases_dir)["case_id"])
    assert s["decided_within_deadline"] is False and s["days_to_decision"] == 20


def test_english_walkthrough(cli, cases_dir):
    result = cli("start", "--data", FIXTURE, "--lang", "en", input="\n".join(LEVEL1) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "On which date did the concern arise?" in result.stdout and "days left" in result.stdout


def test_interrupt_saves_the_draft_and_resume_continues_at_the_same_question(cli, cases_dir, monkeypatch):
    from bti_cli.walkthrough import prompts

    real_ask = prompts.RichPrompter.ask
    calls = {"n": 0}

    def ask(self, spec):
        calls["n"] += 1
        if calls["n"] == 9:  # child_said: Ctrl-C
            raise KeyboardInterrupt
        return real_ask(self, spec)

    monkeypatch.setattr(prompts.RichPrompter, "ask", ask)
    result = cli("start", "--data", FIXTURE, input="\n".join(LEVEL1) + "\n")
    assert result.exit_code == 130
    case_id = load_case(cases_dir)["case_id"]
    assert "Utkastet er lagret" in result.stderr and f"bti resume {case_id}" in result.stderr
    assert len(load_case(cases_dir)["events"]) == 8
    monkeypatch.setattr(prompts.RichPrompter, "ask", real_ask)
    resumed = cli("resume", case_id, "--data", FIXTURE, input="\n".join(LEVEL1[8:]) + "\n")
    assert resumed.exit_code == 0, resumed.stderr
    first_question = resumed.stdout.index("Hva har barnet sagt eller gjort?")
    assert first_question < resumed.stdout.index("Hvor lenge har du vært urolig?")
    assert "Hva har du sett eller hørt?" not in resumed.stdout
    assert summary(cli, case_id)["level"] == 1


def test_interrupt_before_the_first_answer_saves_nothing(cli, cases_dir, monkeypatch):
    from bti_cli.walkthrough import prompts

    def ask(self, spec):
        raise KeyboardInterrupt

    monkeypatch.setattr(prompts.RichPrompter, "ask", ask)
    result = cli("start", "--data", FIXTURE, input="\n")
    assert result.exit_code == 130 and "ingenting ble lagret" in result.stderr
    assert case_files(cases_dir) == []


def test_resume_of_unknown_or_finished_case(cli, cases_dir):
    assert cli("resume", "BTI-2026-00000").exit_code == 4
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / "level1.toml"))
    case_id = CASE_RE.search(result.stdout).group(0)
    done = cli("resume", case_id)
    assert done.exit_code == 0 and "ingen ubesvarte spørsmål" in done.stdout
    assert "bti cases evaluate" in done.stdout


def test_case_file_holds_versions_and_modes(cli, cases_dir):
    import stat

    result = cli("start", "--no-input", "--answers", str(EXAMPLES / "level1.toml"))
    assert result.exit_code == 0
    path = case_files(cases_dir)[0]
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert len(data["process_version"]) == 16 and len(data["catalogue_version"]) == 16
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(cases_dir.stat().st_mode) == 0o700


def test_data_process_lists_steps(cli):
    import json

    result = cli("data", "process", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    keys = [r["key"] for r in rows]
    assert keys[0] == "l0-concern.concern_date" and "safety.danger" in keys and "close.closing_note" in keys
    table = cli("data", "process", "--format", "table", "--lang", "en")
    assert "l0-decide" in table.stdout and "decision" in table.stdout
    csv = cli("data", "process", "--format", "csv")
    assert csv.stdout.splitlines()[0].startswith("level,phase,step")


def test_help_texts(cli):
    for args in (("start", "--help"), ("resume", "--help"), ("data", "process", "--help")):
        result = cli(*args)
        assert result.exit_code == 0
        assert "--help" in result.stdout
    assert "--answers" in cli("start", "--help").stdout


@pytest.mark.parametrize("days_ago, said, within", [
    (13, "(1 dag igjen)", True),  # the day before the deadline
    (14, "– i dag.", True),  # on the deadline day
    (15, "gikk ut for 1 dag siden", False),  # the day after
])
def test_the_deadline_note_the_day_before_on_and_after(cli, cases_dir, days_ago, said, within):
    concern = (date.today() - timedelta(days=days_ago)).isoformat()
    deadline = (date.today() - timedelta(days=days_ago - 14)).isoformat()
    result = cli("start", "--data", FIXTURE, input="\n".join([concern] + LEVEL1[1:]) + "\n")
    assert result.exit_code == 0, result.stderr
    assert said in result.stdout and deadline in result.stdout
    s = summary(cli, load_case(cases_dir)["case_id"])
    assert s["decided_within_deadline"] is within and s["days_to_decision"] == days_ago
