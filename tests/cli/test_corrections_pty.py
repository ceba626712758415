"""Going back and checking answers on a real pseudo-terminal: back twice and change an answer,
"Sjekk svarene" before the decision and a change made there."""

from __future__ import annotations

import tomllib

import pytest

from tests.cli.test_walk_pty import FIXTURE, answer, env, spawn  # noqa: F401 - env is a fixture

pexpect = pytest.importorskip("pexpect")


def _events(cases_dir) -> list[dict]:
    (path,) = sorted(cases_dir.glob("BTI-*.toml"))
    return tomllib.loads(path.read_text(encoding="utf-8"))["events"]


def _level0(child, *, areas_reply="learning"):
    answer(child, "Hvilken dato oppsto undringen?", "")
    answer(child, "Hvor jobber du", "skole")
    answer(child, "Din rolle", "kontaktlærer")
    answer(child, "Hvem gjelder undringen?", "child")
    answer(child, "Barnets alder", "8")
    answer(child, "Hvilke områder gjelder undringen?", areas_reply)


def test_pty_back_twice_and_change_an_answer(env, cases_dir):  # noqa: F811
    child = spawn(["start", "--data", FIXTURE], env)
    child.expect_exact("Skriv «<»")  # the welcome says how to go back
    _level0(child, areas_reply="<")  # at the areas question: back to the age …
    child.expect_exact("Barnets alder")
    child.expect_exact("Enter: 8")  # … with the answer as the default
    child.expect_exact("> ")
    child.sendline("<")  # … and once more, to the subject
    answer(child, "Hvem gjelder undringen?", "")  # Enter keeps it
    answer(child, "Barnets alder", "9")  # changed
    child.expect_exact("Svaret er endret")
    answer(child, "Hvilke områder gjelder undringen?", "learning")  # back where it was
    answer(child, "Mistenker du vold", "n")
    child.expect_exact("Hva har du sett eller hørt?")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    ages = [(e["kind"], e["value"]) for e in _events(cases_dir) if e.get("question") == "age"]
    assert ages == [("answer", 8), ("correction", 9)]


def test_pty_check_your_answers_and_change_one(env, cases_dir):  # noqa: F811
    child = spawn(["start", "--data", FIXTURE], env)
    _level0(child)
    for prompt, reply in [
        ("Mistenker du vold", "n"), ("Hva har du sett eller hørt?", "Strever med lesing."),
        ("Hva har barnet sagt eller gjort?", ""), ("Hvor lenge har du vært urolig?", "weeks"),
        ("Har det vært bekymring", "n"), ("Hvor bekymret er du?", "2"),
        ("Har du drøftet undringen med en kollega?", "j"), ("Har du drøftet den med nærmeste leder?", "j"),
        ("Har du drøftet saken anonymt", "n"), ("Har du (eller en annen) snakket med barnet", "n"),
        ("Hvorfor har ingen snakket med barnet?", "1"),
        ("Har du snakket med foresatte?", "n"), ("Kort tekst til familien", ""),
    ]:
        answer(child, prompt, reply)
    child.expect_exact("Sjekk svarene")
    child.expect_exact("Barnets alder i hele år (0–23): 8")  # plain words, numbered
    child.expect_exact("Hvor bekymret er du?")
    child.expect_exact("> ")
    child.sendline("5")  # the age is the fifth answer
    answer(child, "Barnets alder", "10")
    child.expect_exact("Svaret er endret")
    child.expect_exact("Sjekk svarene")  # shown again, with the new answer
    child.expect_exact("Barnets alder i hele år (0–23): 10")
    child.expect_exact("> ")
    child.sendline("")
    answer(child, "Hva er avgjørelsen?", "close")
    answer(child, "Hvorfor avsluttes saken?", "concern-gone")
    answer(child, "Avslutningsnotat", "Bekymringen er borte.")
    answer(child, "Kort tekst til familien ved avslutningen", "")  # optional: nothing for the family
    answer(child, "Sjekk svarene", "")
    child.expect_exact("er avsluttet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    events = _events(cases_dir)
    assert [(e["kind"], e["value"]) for e in events if e.get("question") == "age"] == [
        ("answer", 8), ("correction", 10)]
    assert events[-1]["kind"] == "close"


def _interrupt(child, case_id: str) -> None:
    """Ctrl-C at the prompt just shown: the draft is saved (said with the case id and how to go
    on) and bti exits 130. Waits for that output, not for a time: on a loaded machine the exit
    (the case file and its index closed) may take long, so the waits are generous."""
    child.sendintr()
    child.expect_exact(f"Utkastet er lagret i sak {case_id}", timeout=90)
    child.expect_exact(f"bti resume {case_id}", timeout=90)
    child.expect(pexpect.EOF, timeout=90)
    child.close()
    assert child.exitstatus == 130


def test_pty_resume_from_the_list_after_ctrl_c_and_discard(env, cases_dir):  # noqa: F811
    child = spawn(["start", "--data", FIXTURE], env)
    child.timeout = 90  # a spawn on a loaded machine: every wait below is for output
    answer(child, "Hvilken dato oppsto undringen?", "")
    child.expect(r"Sak (BTI-\d{4}-[0-9A-Z]{5}) er opprettet")
    case_id = child.match.group(1)
    answer(child, "Hvor jobber du", "skole")
    child.expect_exact("Din rolle")
    child.expect_exact("> ")
    _interrupt(child, case_id)  # Ctrl-C
    assert [e.get("question") for e in _events(cases_dir)] == ["concern_date", "arena"]

    child = spawn(["resume", "--data", FIXTURE], env)  # no id: the list of unfinished cases
    child.timeout = 90
    child.expect_exact("Uferdige saker (nyeste først)")
    child.expect_exact(f"1  {case_id}")
    child.expect(r"venter\s+på:\s+Undringen")  # the step's title (wrapped by the terminal)
    answer(child, "Hvilken sak vil du fortsette?", "1")
    child.expect_exact(f"Fortsetter sak {case_id}")
    answer(child, "Din rolle", "kontaktlærer")
    child.expect_exact("Hvem gjelder undringen?")
    child.expect_exact("> ")
    _interrupt(child, case_id)
    roles = [e["value"] for e in _events(cases_dir) if e.get("question") == "role"]
    assert roles == ["kontaktlærer"]

    child = spawn(["cases", "discard", case_id, "--reason", "startet ved en feil", "--data", FIXTURE], env)
    child.timeout = 90
    child.expect_exact(f"Sak {case_id} er forkastet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    child = spawn(["resume"], env)
    child.timeout = 90
    child.expect_exact("Ingen uferdige saker")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert _events(cases_dir)[-1]["kind"] == "discard"
