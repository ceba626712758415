"""A real pseudo-terminal: answer prompts, press Ctrl-C (exit 130, draft saved), resume at the
same question, and finish."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = str(ROOT / "tests" / "fixtures" / "walk.toml")


def spawn(args, env):
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", *args], env=env, encoding="utf-8", timeout=20,
                          dimensions=(40, 120), cwd=str(ROOT))
    return child


@pytest.fixture
def env(cases_dir, tmp_path):
    environment = dict(os.environ)
    environment.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"),
                        "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "120", "BTI_CACHE_DIR": str(tmp_path / "cache")})
    return environment


def answer(child, prompt_text, reply):
    child.expect_exact(prompt_text)
    child.expect_exact("> ")
    child.sendline(reply)


def test_pty_answer_interrupt_and_resume(env, cases_dir):
    child = spawn(["start", "--data", FIXTURE], env)
    answer(child, "Hvilken dato oppsto undringen?", "")
    child.expect(r"Sak (BTI-\d{4}-[0-9A-Z]{5}) er opprettet")
    case_id = child.match.group(1)
    answer(child, "Hvor jobber du", "skole")
    answer(child, "Din rolle", "kontaktlærer")
    answer(child, "Hvem gjelder undringen?", "child")
    answer(child, "Barnets alder", "tjue")  # invalid: asked again
    child.expect_exact("Kan ikke brukes")
    child.expect_exact("> ")
    child.sendline("8")
    answer(child, "Hvilke områder gjelder undringen?", "learning")
    answer(child, "Mistenker du vold", "n")
    child.expect_exact("Hva har du sett eller hørt?")
    child.expect_exact("> ")
    child.sendintr()  # Ctrl-C at the observations question
    child.expect_exact("Utkastet er lagret")
    child.expect_exact(f"bti resume {case_id}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    saved = (cases_dir / f"{case_id}.toml").read_text(encoding="utf-8")
    assert saved.count("[[events]]") == 7
    assert 'question = "danger"' in saved

    child = spawn(["resume", case_id, "--data", FIXTURE], env)
    child.expect_exact(f"Fortsetter sak {case_id} ved «")
    answer(child, "Hva har du sett eller hørt?", "Strever med lesing; Ola Nordmann sier han er lei seg.")
    child.expect_exact("Personopplysninger er erstattet")
    child.expect_exact("Enter for å lagre slik")
    child.sendline("")
    for prompt, reply in [
        ("Hva har barnet sagt eller gjort?", ""), ("Hvor lenge har du vært urolig?", "weeks"),
        ("Har det vært bekymring", "n"), ("Hvor bekymret er du?", "2"),
        ("Har du drøftet undringen med en kollega?", "j"), ("Har du drøftet den med nærmeste leder?", "j"),
        ("Har du drøftet saken anonymt", "n"), ("Har du (eller en annen) snakket med barnet", "n"),
        ("Hvorfor har ingen snakket med barnet?", "1"),
        ("Har du snakket med foresatte?", "n"),
    ]:
        answer(child, prompt, reply)
    child.expect_exact("Dette vises for familien")  # the one text that is shown to the family
    answer(child, "aldri navn", "")
    child.expect_exact("Frist for avgjørelse")
    answer(child, "Sjekk svarene", "")  # the review before the decision: Enter goes on
    answer(child, "Hva er avgjørelsen?", "close")
    answer(child, "Hvorfor avsluttes saken?", "concern-gone")
    answer(child, "Avslutningsnotat", "Bekymringen er borte etter samtale med kollega.")
    answer(child, "Kort tekst til familien ved avslutningen", "")  # optional: nothing for the family
    answer(child, "Sjekk svarene", "")  # and before closing
    child.expect_exact(f"Sak {case_id} er avsluttet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = (cases_dir / f"{case_id}.toml").read_text(encoding="utf-8")
    assert "Nordmann" not in saved and "Ola" not in saved
    assert re.search(r'kind = "close"', saved)


def test_sigkill_mid_session_keeps_every_acknowledged_answer(env, cases_dir):
    """Every answer whose next prompt appeared is on disk, and the file loads after SIGKILL."""
    import signal

    from bti_cli.caselog.log import CaseLog

    child = spawn(["start", "--data", FIXTURE], env)
    replies = [("Hvilken dato oppsto undringen?", ""), ("Hvor jobber du", "school"),
               ("Din rolle", "kontaktlærer"), ("Hvem gjelder undringen?", "child"), ("Barnets alder", "8"),
               ("Hvilke områder gjelder undringen?", "learning"), ("Mistenker du vold", "n")]
    for prompt, reply in replies:
        answer(child, prompt, reply)
    child.expect_exact("Hva har du sett eller hørt?")  # the 7th answer is acknowledged
    child.expect_exact("> ")
    child.sendline("Strever med lesing.")  # not acknowledged: may or may not be on disk
    child.kill(signal.SIGKILL)
    child.close()
    files = list(cases_dir.glob("BTI-*.toml"))
    assert len(files) == 1
    log = CaseLog.open(cases_dir, files[0].stem)  # strict: hash chain and layout are intact
    questions = [e.question for e in log.events]
    assert questions[:7] == ["concern_date", "arena", "role", "subject", "age", "areas", "danger"]
    assert len(questions) in (7, 8)
