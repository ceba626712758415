"""Going back follows the order of the questions, not of the answers (QA: after a correction
opened two questions of l0-share, `<` at the level-0 decision went to the last one asked, not
to the question just before the decision): a pseudo-terminal at the decision, `<`, and the
family text — the question just before it in the process — is asked again."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from walk_answers import CASE_RE, FIXTURE, LEVEL0_SHARED

pexpect = pytest.importorskip("pexpect")


def test_back_at_the_decision_goes_to_the_question_before_it(cli, cases_dir, tmp_path):
    draft = tmp_path / "draft.toml"
    draft.write_text(LEVEL0_SHARED + '[l0-decide]\nfamily_text = "Vi snakket om lesing."\n', encoding="utf-8")
    first = cli("start", "--no-input", "--answers", str(draft), "--data", FIXTURE)
    assert first.exit_code == 1 and "l0-decide.decision" in first.stderr  # a draft at the decision
    case = CASE_RE.search(first.stdout + first.stderr).group(0)
    edit = tmp_path / "edit.toml"
    edit.write_text('[l0-share]\ntalked_child = false\nnot_talked_reason = "too-young"\n', encoding="utf-8")
    edited = cli("cases", "edit", case, "l0-share.talked_child", "--no-input", "--answers", str(edit),
                 "--data", FIXTURE)
    assert edited.exit_code == 0, edited.stderr
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "dumb", "COLUMNS": "120", "BTI_CACHE_DIR": str(tmp_path / "cache")})
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "resume", case, "--data", FIXTURE], env=env,
                          encoding="utf-8", timeout=60, dimensions=(40, 120),
                          cwd=str(Path(__file__).resolve().parents[2]))
    child.expect_exact("Nivå 0 · spørsmål 16")  # the question the correction opened, in its place
    child.expect_exact("Hvorfor har ingen snakket med barnet?")
    child.expect_exact("> ")
    child.sendline("1")  # too young
    child.expect_exact("Sjekk svarene")
    child.expect(r"15\s+Har du \(eller en annen\) snakket med barnet, tilpasset alder\?\s+nei")
    child.expect(r"16\s+Hvorfor har ingen snakket med barnet\?\s+Barnet er for lite")  # in process order
    child.expect(r"19\s+Kort tekst til familien")
    child.expect_exact("> ")
    child.sendline("")
    child.expect_exact("Hva er avgjørelsen?")
    child.expect_exact("> ")
    child.sendline("<")
    child.expect_exact("Kort tekst til familien")  # the question just before the decision
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
