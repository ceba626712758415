"""Who does what, at a terminal (QA: a measure owner's name was taken, listed, and refused only
when Enter accepted the list, then offered back as the default): a name typed as an owner is
refused at once, without repeating it, and the question is asked again with the old default."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from walk_answers import FIXTURE, LEVEL0_SHARED

pexpect = pytest.importorskip("pexpect")

PARTIAL = LEVEL0_SHARED + """[l0-decide]
decision = "level:1"
family_text = ""
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser bedre innen jul."
[l1-plan]
measures = ["lesekurs"]
baton_holder = "kontaktlaerer"
evaluation_date = "today+30"
"""


def test_a_name_typed_as_owner_is_refused_at_once(cases_dir, tmp_path):
    answers = tmp_path / "partial.toml"
    answers.write_text(PARTIAL, encoding="utf-8")
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "dumb", "COLUMNS": "120", "BTI_CACHE_DIR": str(tmp_path / "cache")})
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "--data", FIXTURE, "--answers", str(answers)],
                          env=env, encoding="utf-8", timeout=60, dimensions=(40, 120),
                          cwd=str(Path(__file__).resolve().parents[2]))
    child.expect_exact("Hvilken dato oppsto undringen?")
    child.expect_exact("> ")
    child.sendline("")
    while child.expect_exact(["Hvem gjør hva", "[kan stå tomt] > "]) == 1:
        child.sendline("")  # an optional question the file leaves out
    child.expect_exact("Skriv nummeret på et tiltak")
    child.expect_exact("> ")
    child.sendline("1")
    child.expect_exact("> ")
    child.sendline("Kari Hansen")
    child.expect(r"Den\s+ansvarlige\s+skal\s+være\s+en\s+rolle\s+eller\s+tjeneste")
    child.expect_exact("> ")
    refused = child.before
    assert "Kari" not in refused and "Hansen" not in refused  # not repeated, not offered back
    child.sendline("spesialpedagog")
    child.expect_exact("> ")  # the date, its default kept
    child.sendline("")
    child.expect_exact("spesialpedagog")  # the list, with the role typed
    child.expect_exact("Skriv nummeret på et tiltak")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert "Kari" not in child.before
