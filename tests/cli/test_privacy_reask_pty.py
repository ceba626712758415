"""Personal data typed at the walkthrough's prompts on a real terminal (issue 16): the re-ask
messages of a date, a choice, a number and a free-text prompt never repeat it, and nothing of
it is stored. The terminal echoes what is typed once; bti must not show it a second time."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[2]
PII = "Kari Nordmann 15031650094 41234567 kari@example.invalid"
SECRETS = ("Kari", "Nordmann", "15031650094", "41234567", "kari@example.invalid")


@pytest.fixture
def env(cases_dir, tmp_path):
    environment = dict(os.environ)
    environment.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"),
                        "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "120", "BTI_CACHE_DIR": str(tmp_path / "cache")})
    return environment


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_personal_data_at_every_kind_of_prompt_is_not_repeated(env, cases_dir, lang):
    seen = io.StringIO()
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "--lang", lang], env=env, encoding="utf-8",
                          timeout=90, dimensions=(40, 160), cwd=str(ROOT))  # a loaded machine: waits for output
    child.logfile_read = seen
    sent = 0

    def send(text):
        nonlocal sent
        child.expect_exact("> ")
        child.sendline(text)
        sent += text == PII

    again = "Kan ikke brukes" if lang == "nb" else "Cannot be used"
    send(PII)  # the date prompt
    child.expect_exact(again)
    send("")
    send(PII)  # the choice of arena
    child.expect_exact(again)
    send("skole" if lang == "nb" else "school")
    send(PII)  # the role: a free text that must be a role, not a person
    child.expect_exact(again)
    send("kontaktlærer")
    send("child")
    send(PII)  # the age: a number
    child.expect_exact(again)
    send("8")
    send(PII)  # the concern areas: a multi-choice
    child.expect_exact(again)
    send("learning")
    send("n")  # the safety gate
    send(PII)  # observations: a free text, scrubbed before it is stored
    child.expect_exact("[NAVN]" if lang == "nb" else "[NAME]")
    child.expect_exact("Enter")
    child.expect_exact(": ")
    child.sendline("")
    child.expect_exact("> ")
    child.sendintr()
    child.expect_exact("bti resume BTI-")  # the draft is saved and said so
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    shown = seen.getvalue()
    for secret in SECRETS:
        # once per time it was typed (the terminal's echo), never more
        assert shown.count(secret) == sent, (secret, shown.count(secret), sent, shown[-3000:])
    stored = "".join(p.read_text(encoding="utf-8", errors="replace") for p in cases_dir.rglob("*") if p.is_file()
                     and p.suffix != ".sqlite")
    assert stored, "the draft is saved"
    for secret in SECRETS:
        assert secret not in stored


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_family_text_with_personal_data_is_asked_again_on_a_terminal(env, cases_dir, lang):
    """`bti cases close` on a real terminal: the text for the family typed with personal data is
    refused and asked again (what kind was found, and what to write instead), never repeated."""
    import re
    import subprocess

    from bti_cli import i18n

    started = subprocess.run([sys.executable, "-m", "bti_cli", "start", "--no-input", "--answers",
                              str(ROOT / "examples" / "answers" / "level1.toml")], env=env, cwd=str(ROOT),
                             capture_output=True, text=True, check=True)
    case = re.search(r"BTI-\d{4}-[0-9A-Z]{5}", started.stdout).group(0)
    seen = io.StringIO()
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "cases", "close", case, "--lang", lang], env=env,
                          encoding="utf-8", timeout=90, dimensions=(40, 200), cwd=str(ROOT))
    child.logfile_read = seen
    for reply in ("1", "Avslutningsnotat."):
        child.expect_exact("> ")
        child.sendline(reply)
    child.expect_exact("> ")
    child.sendline(PII)
    child.expect_exact("«barnet»" if lang != "en" else "“your child”")
    child.expect_exact("> ")
    child.sendline("Det går bedre nå.")
    child.expect_exact("> ")  # the answers checked before the case is closed: Enter goes on
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, seen.getvalue()[-2000:]
    shown = seen.getvalue()
    for secret in SECRETS:
        assert shown.count(secret) == 1, (secret, shown[-3000:])  # the terminal's own echo only
    assert i18n.t("privacy.kind_phone", lang) in shown
    stored = (cases_dir / f"{case}.toml").read_text(encoding="utf-8")
    assert "Det går bedre nå." in stored and not any(secret in stored for secret in SECRETS)
