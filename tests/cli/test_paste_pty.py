"""A note of several lines pasted at a free-text prompt of `bti start` is one answer (issue 16,
round 19). Before, its first line was the answer and got its review, and its second line was
taken as the answer to the review («skriv en ny tekst») and replaced it: only the last line was
kept. A paste arrives at once, so the lines already waiting on the terminal belong to the answer
(all text fictitious)."""

from __future__ import annotations

import io
import os
import sys
import tomllib
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[2]
PASTE = "Trekker seg unna, sier Kari Nordmann.\nLeverer sjelden lekser.\nGråter i friminuttene.\n"


@pytest.fixture
def env(cases_dir, tmp_path):
    environment = dict(os.environ)
    environment.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"),
                        "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "120", "BTI_CACHE_DIR": str(tmp_path / "cache")})
    return environment


def _answers(cases_dir: Path) -> dict[str, object]:
    events = [e for p in cases_dir.glob("BTI-*.toml") for e in tomllib.loads(p.read_text(encoding="utf-8"))["events"]]
    return {e["question"]: e.get("value") for e in events if e.get("kind") == "answer"}


def test_a_pasted_note_of_several_lines_is_one_answer(env, cases_dir):
    seen = io.StringIO()
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start"], env=env, encoding="utf-8", timeout=90,
                          dimensions=(40, 160), cwd=str(ROOT))
    child.logfile_read = seen
    for answer in ("", "skole", "kontaktlærer", "child", "8", "learning", "n"):
        child.expect_exact("> ")
        child.sendline(answer)
    child.expect_exact("Hva har du sett eller hørt")  # observations: a free text
    child.expect_exact("> ")
    child.send(PASTE)  # three lines at once, as a terminal pastes them
    child.expect_exact("[NAVN]")  # one review, of the whole note
    child.expect_exact(": ")
    child.sendline("")  # keep it as scrubbed
    child.expect_exact("Hva har barnet sagt eller gjort?")  # the next question, not an error
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert "Kan ikke brukes" not in seen.getvalue()
    assert seen.getvalue().count("[NAVN]") == 1
    assert _answers(cases_dir)["observations"] == (
        "Trekker seg unna, sier [NAVN].\nLeverer sjelden lekser.\nGråter i friminuttene.")
