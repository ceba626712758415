"""The safety gate as a user meets it (BTI.md "Violence, sexual abuse, serious neglect";
barnevernsloven § 13-2): a case at the gate cannot be closed, evaluated or handed over until
barnevern is recorded as informed, or as having advised after an anonymous consultation that no
report is needed; a pending notification is due at once in `due`, `cases list` and the calendar;
concern scale 4 goes straight to the gate; no family summary for a case that passed the gate."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bti_cli.cli.app import app

CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")

CONCERN = """
[l0-concern]
concern_date = "today"
arena = "kindergarten"
role = "pedagogisk leder"
subject = "child"
age = 5
areas = ["violence-abuse"]
"""

AT_GATE = CONCERN + """
[safety]
danger = true
[notify]
barnevern_informed = false
"""

CLOSE_CONCERN_GONE = """
[close]
closing_reason = "concern-gone"
closing_note = "Bekymringen er borte."
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def start(cli, tmp_path, text: str) -> str:
    result = cli("start", "--no-input", "--answers", write(tmp_path, "start.toml", text))
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


def summary(case_id: str) -> dict:
    from bti_cli.caselog.log import CaseLog
    from bti_cli.caselog.state import summarise
    from bti_cli.walkthrough.process import default_process

    log = CaseLog.open(Path(os.environ["BTI_CASES_DIR"]), case_id)
    return summarise(log.header, log.events, process=default_process()).model_dump(mode="json")


def kinds(case_id: str) -> list[str]:
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.open(Path(os.environ["BTI_CASES_DIR"]), case_id)
    return [str(getattr(e.kind, "value", e.kind)) for e in log.events]


@pytest.fixture
def at_gate(cli, tmp_path):
    return start(cli, tmp_path, AT_GATE)


def test_the_walk_stops_at_the_gate_and_the_case_waits(cli, at_gate):
    s = summary(at_gate)
    assert s["status"] == "open" and s["notification_pending"] is True
    assert s["notified_barnevern"] is False and s["pending_step"] == "notify"


def test_a_case_at_the_gate_cannot_be_closed_as_concern_gone(cli, at_gate, tmp_path):
    before = kinds(at_gate)
    result = cli("cases", "close", at_gate, "--no-input", "--answers", write(tmp_path, "c.toml", CLOSE_CONCERN_GONE))
    assert result.exit_code == 1
    assert "sikkerhetssporet" in result.stderr and "§ 13-2" in result.stderr
    assert f"bti resume {at_gate}" in result.stderr
    assert "Traceback" not in result.stderr
    assert kinds(at_gate) == before  # nothing written
    assert summary(at_gate)["status"] == "open"


@pytest.mark.parametrize("command", [("cases", "evaluate"), ("cases", "handover")])
def test_a_case_at_the_gate_cannot_move_on(cli, at_gate, tmp_path, command):
    extra = ["--to", "helsesykepleier"] if command[1] == "handover" else [
        "--no-input", "--answers", write(tmp_path, "e.toml", "[l1-evaluate]\nassessment = \"x\"\n")]
    before = kinds(at_gate)
    result = cli(*command, at_gate, *extra)
    assert result.exit_code == 1
    assert "sikkerhetssporet" in result.stderr
    assert kinds(at_gate) == before


def test_resume_cannot_pass_the_gate_with_a_no(cli, at_gate, tmp_path):
    again = write(tmp_path, "again.toml", "[notify]\nbarnevern_informed = false\n")
    result = cli("resume", at_gate, "--no-input", "--answers", again)
    assert result.exit_code == 0
    assert summary(at_gate)["notification_pending"] is True
    assert "decision" not in [k for k in kinds(at_gate)[-1:]]


def test_informed_then_close_is_allowed(cli, at_gate, tmp_path):
    text = """
[notify]
barnevern_informed = true
notified_date = "today"
police_informed = false
words_written = true
decision = "close"
[close]
closing_reason = "barnevern"
closing_note = "Barnevernet følger opp."
"""
    result = cli("resume", at_gate, "--no-input", "--answers", write(tmp_path, "r.toml", text))
    assert result.exit_code == 0, result.stderr
    s = summary(at_gate)
    assert s["status"] == "closed" and s["notified_barnevern"] is True
    assert s["notification_pending"] is False


def test_the_other_lawful_outcome_is_explicit_dated_and_in_the_log(cli, at_gate, tmp_path):
    text = """
[notify]
barnevern_informed = "advised-no-report"
advice_date = "today-1"
"""
    result = cli("resume", at_gate, "--no-input", "--answers", write(tmp_path, "r.toml", text))
    assert result.exit_code == 1 and "notify.decision" in result.stderr  # recorded; the decision is next
    assert "rådet barnevernet" in result.stdout and "barnevernet varslet" not in result.stdout
    s = summary(at_gate)
    assert s["notification_pending"] is False and s["notified_barnevern"] is False
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.open(Path(os.environ["BTI_CASES_DIR"]), at_gate)
    notify = [e for e in log.events if str(getattr(e.kind, "value", e.kind)) == "notify"]
    assert len(notify) == 1
    assert notify[0].value["barnevern_informed"] == "advised-no-report"
    assert notify[0].value["advice_date"] < date.today().isoformat()
    # the ordinary path again: the case may now be closed
    closing = write(tmp_path, "c.toml", CLOSE_CONCERN_GONE)
    assert cli("cases", "close", at_gate, "--no-input", "--answers", closing).exit_code == 0
    assert summary(at_gate)["status"] == "closed"


def test_the_advised_outcome_offers_no_barnevern_follows_up_wording(cli, at_gate):
    from bti_cli.walkthrough import process as engine

    proc = engine.default_process()
    step = proc.step("notify")
    informed = {"barnevern_informed": True, "level": 0}
    advised = {"barnevern_informed": "advised-no-report", "level": 0}
    offered_informed = [d for d in step.decisions if engine.holds(d.when, informed)]
    offered_advised = [d for d in step.decisions if engine.holds(d.when, advised)]
    assert {d.to for d in offered_advised} == {"close", "level:1", "level:2", "level:3"}
    assert not any("følger opp" in d.label.nb for d in offered_advised)
    assert not set(map(id, offered_informed)) & set(map(id, offered_advised))


# --------------------------------------------------------------------------- due, list, calendar


def test_a_pending_notification_is_due_today_in_due(cli, at_gate):
    today = date.today().isoformat()
    result = cli("due", "--format", "json")
    assert result.exit_code == 0, result.stderr
    items = [i for i in json.loads(result.stdout) if i["case_id"] == at_gate]
    assert [(i["what"], i["due"], i["days_left"]) for i in items] == [("notify", today, 0)]
    table = cli("due", "--format", "table")
    assert "meld til barnevernet (straks)" in table.stdout
    # "at once": due whatever the window, also --within 0 and --overdue-free listing
    assert at_gate in cli("due", "--within", "0", "--format", "json").stdout


def test_a_pending_notification_is_due_on_the_as_of_day(cli, at_gate):
    later = "2031-05-06"
    items = json.loads(cli("due", "--as-of", later, "--format", "json").stdout)
    assert {"what": "notify", "due": later} in [{"what": i["what"], "due": i["due"]} for i in items]


def test_cases_list_shows_the_gate_in_plain_words(cli, at_gate, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    rows = json.loads(cli("cases", "list", "--format", "json").stdout)
    row = next(r for r in rows if r["case_id"] == at_gate)
    assert row["notification_pending"] is True and row["next_due"] == date.today().isoformat()
    table = cli("cases", "list", "--format", "table").stdout
    assert "meld til barnevernet (straks)" in table
    assert not re.search(r"\bnotify\b", table)


def test_cases_list_names_other_steps_by_their_title(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "140")
    text = CONCERN + "[safety]\ndanger = false\nviolence_area = \"not-against-the-child\"\n" \
        "[l0-concrete]\nobservations = \"x\"\nduration = \"days\"\n" \
        "earlier = false\nscale = 2\n"
    result = cli("start", "--no-input", "--answers", write(tmp_path, "s.toml", text))
    assert result.exit_code == 1  # stopped at the first unanswered question of l0-share
    case = CASE_RE.search(result.stdout).group(0)
    table = cli("cases", "list", "--format", "table").stdout
    assert case in table and "l0-share" not in table and "Del og drøft" in table


def test_the_calendar_has_the_pending_notification(cli, at_gate, tmp_path):
    path = tmp_path / "due.ics"
    assert cli("due", "--ics", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert f"UID:{at_gate}-notify@bti-cli" in text
    assert "DTSTART;VALUE=DATE:" + date.today().strftime("%Y%m%d") in text
    assert "meld til barnevernet" in text


def test_an_informed_case_is_no_longer_due(cli, at_gate, tmp_path):
    text = "[notify]\nbarnevern_informed = true\npolice_informed = false\nwords_written = true\n"
    cli("resume", at_gate, "--no-input", "--answers", write(tmp_path, "r.toml", text))
    items = json.loads(cli("due", "--format", "json").stdout)
    assert not [i for i in items if i["case_id"] == at_gate and i["what"] == "notify"]


# --------------------------------------------------------------------------- concern scale 4


def test_scale_four_asks_nothing_about_the_guardians(cli, tmp_path):
    text = CONCERN.replace('"violence-abuse"', '"learning"') + """
[safety]
danger = false
[l0-concrete]
observations = "Blåmerker flere ganger."
violence_words = "not-against-the-child"
duration = "weeks"
earlier = false
scale = 4
[notify]
barnevern_informed = false
"""
    # no [l0-share] answers: any question about the guardians would stop the run (exit 1)
    result = cli("start", "--no-input", "--answers", write(tmp_path, "s4.toml", text))
    assert result.exit_code == 0, result.stderr
    assert "foresatte?" not in result.stdout and "Har du snakket med" not in result.stdout
    assert "Bekymringsskala 4: barnevernet (og politiet) må varsles." in result.stdout
    case = CASE_RE.search(result.stdout).group(0)
    assert summary(case)["notification_pending"] is True


@pytest.mark.parametrize("scale", [3, 4])
def test_only_scale_four_opens_the_gate(scale):
    from types import SimpleNamespace

    from bti_cli.walkthrough import process as engine

    proc = engine.default_process()
    events = [SimpleNamespace(kind="answer", step="l0-concrete", question="scale", value=scale, level=0)]
    assert engine.replay(proc, events).phase == ("gate" if scale == 4 else "start")
    assert engine.passed_gate(events, proc) is (scale == 4)


# --------------------------------------------------------------------------- family summary


def test_no_family_summary_while_barnevern_is_not_yet_informed(cli, at_gate):
    result = cli("cases", "show", at_gate, "--for", "guardians", "--format", "md")
    assert result.exit_code == 1
    assert "sammendrag til familien" in result.stderr


def test_no_family_summary_after_scale_four(cli, tmp_path):
    from types import SimpleNamespace

    from bti_cli.reports.family import went_through_safety_gate

    scale4 = [SimpleNamespace(kind="answer", step="l0-concrete", question="scale", value=4, level=0)]
    assert went_through_safety_gate(scale4)
    assert not went_through_safety_gate([SimpleNamespace(kind="answer", step="l0-concrete", question="scale",
                                                         value=3, level=0)])


# --------------------------------------------------------------------------- the municipality's contacts


def test_the_gate_shows_the_municipality_contacts(cli, tmp_path):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "walk.toml"
    text = fixture.read_text(encoding="utf-8") + """
[[contacts]]
kind = "barnevern"
name = "Barneverntjenesten i Prøveby"
phone = "99 99 99 99"
hours = "08.00–15.30"
source = { file = "test.txt", section = "1" }

[[contacts]]
kind = "barnevernvakt"
name = "Barnevernvakta"
phone = "99 99 99 98"
source = { file = "test.txt", section = "1" }
"""
    data = write(tmp_path, "proveby.toml", text)
    answers = write(tmp_path, "a.toml", AT_GATE.replace('"kindergarten"', '"school"'))
    result = cli("start", "--data", data, "--no-input", "--answers", answers)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Kontakter i Prøveby:" in out
    assert "• Barneverntjenesten i Prøveby – 99 99 99 99 – 08.00–15.30" in out
    assert "• Barnevernvakta – 99 99 99 98" in out
    assert out.index("Kontakter i Prøveby:") > out.index("== Meld til barnevernet nå ==")


# --- «Vold og overgrep» chosen as an area, then "no" at the gate: asked what it is about

SAID_NO = CONCERN + """
[safety]
danger = false
"""

REST_OF_LEVEL0 = """
[l0-concrete]
observations = "Slo en annen gutt i garderoben."
violence_words = "not-against-the-child"
duration = "days"
earlier = false
scale = 3
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
talked_child = true
child_view = "Var sint."
talked_guardians = true
guardians_view = "Ønsker hjelp."
[l0-decide]
decision = "close"
[close]
closing_reason = "concern-gone"
closing_note = "Fulgt opp i barnehagen."
"""


def test_no_at_the_gate_with_the_violence_area_is_not_the_end_of_the_question(cli, tmp_path):
    result = cli("start", "--no-input", "--answers", write(tmp_path, "s.toml", SAID_NO))
    assert result.exit_code == 1
    assert "safety.violence_area" in result.stderr  # the question waits for its answer


def test_suspicion_confirmed_goes_to_the_gate(cli, tmp_path):
    case_id = start(cli, tmp_path, SAID_NO + 'violence_area = "suspected"\n[notify]\nbarnevern_informed = false\n')
    s = summary(case_id)
    assert s["notification_pending"] is True and s["pending_step"] == "notify"


def test_violence_not_against_the_child_goes_the_ordinary_way(cli, tmp_path):
    case_id = start(cli, tmp_path, SAID_NO + 'violence_area = "not-against-the-child"\n' + REST_OF_LEVEL0)
    s = summary(case_id)
    assert s["notification_pending"] is False and s["status"] == "closed"


def test_without_the_violence_area_no_is_enough(cli, tmp_path):
    text = CONCERN.replace('["violence-abuse"]', '["behaviour"]') + "[safety]\ndanger = false\n" + REST_OF_LEVEL0
    case_id = start(cli, tmp_path, text)
    assert summary(case_id)["status"] == "closed"


def test_the_question_is_asked_in_a_terminal_with_the_rule(cli, tmp_path):
    """Typed answers: the question says what was chosen, its help cites § 13-2, and choosing the
    suspicion leads to the safety questions."""
    typed = "\n".join(["", "kindergarten", "pedagogisk leder", "child", "5", "violence-abuse", "n", "?", "1", ""])
    result = cli("start", input=typed + "\n")
    out = result.stdout
    assert "Du valgte «Vold og overgrep», men svarte nei" in out
    assert "§ 13-2" in out


def test_the_suggestions_follow_the_answer_about_the_violence(tmp_path, cases_dir):
    """At a real terminal, level 1's measures: after «no suspicion of violence against the child or
    at home» the safety rule's reasons are gone (a reader found «barnevern comes first» under the
    answer that there was no suspicion); `bti suggest` with the area keeps them (its own rule)."""
    import os
    import sys

    pexpect = pytest.importorskip("pexpect")
    root = Path(__file__).resolve().parents[2]
    text = (root / "examples" / "answers" / "level1.toml").read_text(encoding="utf-8")
    text = text.replace('areas = ["learning", "social-inclusion-leisure"]', 'areas = ["violence-abuse", "behaviour"]')
    text = text.replace("danger = false", 'danger = false\nviolence_area = "not-against-the-child"')
    planned = '"kartlegging-og-identifisering-barneskole", "foreldresamarbeid-barneskole"'
    text = text.replace(f"[l1-plan]\nmeasures = [{planned}]\n", "[l1-plan]\n")
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    env = dict(os.environ, BTI_CASES_DIR=str(cases_dir), BTI_CONFIG=str(tmp_path / "config.toml"), NO_COLOR="1",
               TERM="dumb", COLUMNS="200", BTI_CACHE_DIR=str(tmp_path / "cache"))
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "-m", "loten", "--lang", "en",
                                           "--answers", str(answers)],
                          env=env, encoding="utf-8", timeout=60, dimensions=(400, 200), cwd=str(root))
    screen = ""
    for _ in range(10):  # optional questions the file leaves out are asked: Enter leaves them empty
        if child.expect_exact(["Choose measures", "[may be left empty] > "]) == 0:
            child.expect(r"\[[^\]]*\] > ")  # the list, its reasons and the prompt under it
            screen = child.before
            break
        child.sendline("")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert "measure" in screen.lower() and "barnevern comes first" not in screen
    said = CliRunner().invoke(app, ["suggest", "-m", "loten", "--level", "1", "--age", "9", "--subject", "child",
                                    "--arena", "school", "--area", "violence-abuse", "--area", "behaviour",
                                    "--lang", "en"])
    assert "barnevern comes first" in said.stdout


# --- what was written names violence, and the safety question was answered no: asked once more
# (a reader answered «no suspicion against the child», then typed that the father hits the mother)

WRITTEN = CONCERN.replace('["violence-abuse"]', '["behaviour"]') + """
[safety]
danger = false
[l0-concrete]
observations = "Uro i samlingsstund."
child_said = "{said}"
duration = "days"
earlier = false
scale = 3
"""


@pytest.mark.parametrize("said", [
    "Sier at pappa slår mamma når han er sint.",
    "Forteller at stefar truer henne.",
    "Hun fortel om vald heime.",
    "Says her dad kicked her.",
    "Har blåmerker på overarmene flere ganger.",
    "Sier at det gjør vondt når pappa tar tak i henne.",
])
def test_words_of_violence_ask_the_safety_question_again(cli, tmp_path, said):
    result = cli("start", "--no-input", "--answers", write(tmp_path, "w.toml", WRITTEN.format(said=said)))
    assert result.exit_code == 1
    assert "l0-concrete.violence_words" in result.stderr  # the question waits for its answer


@pytest.mark.parametrize("said", ["Voldsom vekst i ordforrådet.", "Kom hit og lekte fint.", "Leker godt med andre."])
def test_words_that_only_look_like_violence_ask_nothing(cli, tmp_path, said):
    text = WRITTEN.format(said=said) + REST_OF_LEVEL0.split("[l0-concrete]")[0] + "[l0-share]" + \
        REST_OF_LEVEL0.split("[l0-share]")[1]
    case_id = start(cli, tmp_path, text)
    assert summary(case_id)["status"] == "closed"


def test_words_of_violence_after_no_suspicion_against_the_child_are_asked_too(cli, tmp_path):
    text = CONCERN + "[safety]\ndanger = false\nviolence_area = \"not-against-the-child\"\n" + \
        WRITTEN.split("[l0-concrete]")[1].join(["[l0-concrete]", ""]).format(said="Sier at pappa slår mamma.")
    result = cli("start", "--no-input", "--answers", write(tmp_path, "w.toml", text))
    assert "l0-concrete.violence_words" in result.stderr


def test_a_suspicion_named_in_words_goes_to_the_gate(cli, tmp_path):
    text = WRITTEN.format(said="Sier at pappa slår mamma.") + 'violence_words = "suspected"\n' \
        "[notify]\nbarnevern_informed = false\n"
    s = summary(start(cli, tmp_path, text))
    assert s["notification_pending"] is True and s["pending_step"] == "notify"


def test_no_suspicion_after_the_words_goes_the_ordinary_way(cli, tmp_path):
    text = WRITTEN.format(said="Slo en annen gutt.") + 'violence_words = "not-against-the-child"\n' + \
        "[l0-share]" + REST_OF_LEVEL0.split("[l0-share]")[1]
    s = summary(start(cli, tmp_path, text))
    assert s["notification_pending"] is False and s["status"] == "closed"
