"""`<` typed at a prompt of a run started with an answers file (the earlier answers came from the
file, so there is nowhere to go back to) is refused and asked again, never stored as the answer: a
reader found the role "<" on every event of a case. A role of punctuation only is no role either."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[2]


def test_back_at_a_prompt_after_answers_from_a_file_is_refused_not_stored(tmp_path, cases_dir):
    answers = tmp_path / "d.toml"
    answers.write_text('[l0-concern]\nconcern_date = "today"\n', encoding="utf-8")
    env = dict(os.environ, BTI_CASES_DIR=str(cases_dir), BTI_CONFIG=str(tmp_path / "config.toml"), NO_COLOR="1",
               TERM="dumb", COLUMNS="100", BTI_CACHE_DIR=str(tmp_path / "cache"))
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "-m", "loten", "--answers", str(answers)],
                          env=env, encoding="utf-8", timeout=30, cwd=str(ROOT), dimensions=(40, 100))
    child.expect_exact("Hvor jobber du")
    child.expect_exact("> ")
    child.sendline("2")
    child.expect_exact("Din rolle")
    child.expect_exact("> ")
    child.sendline("<")
    child.expect_exact("går ikke her")
    child.expect_exact("> ")
    child.sendline("kontaktlærer")
    child.expect_exact("Hvem gjelder undringen?")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    stored = "".join(p.read_text(encoding="utf-8") for p in cases_dir.rglob("BTI-*.toml"))
    assert 'actor_role = "<"' not in stored and 'value = "<"' not in stored
    assert 'value = "kontaktlærer"' in stored


@pytest.mark.parametrize("role", ["<", ".", "123", "?!"])
def test_a_role_without_letters_is_refused(cli, tmp_path, role):
    result = cli("config", "set", "role", role)
    assert result.exit_code == 1
    assert "en rolle har bokstaver" in result.stderr
    assert not (tmp_path / "config.toml").exists()
