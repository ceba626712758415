"""The baton is held by one person's role, never a group (issue 11: "a person's role at level 3
… never a group"): a group of the catalogue (`person = false`, the ansvarsgruppe) is refused as
baton holder at `bti cases handover` and in the walkthrough, by its id or its name, with a reason
that says so (a reader typing «ansvarsgruppe» was told that the consent did not cover «Flere»)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")
LEVEL3 = (ROOT / "examples" / "answers" / "level3.toml").read_text(encoding="utf-8")


def start(cli, tmp_path: Path, text: str, *args: str):
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    return cli("start", "-m", "loten", "--no-input", "--answers", str(answers), *args)


def case_files(cases_dir: Path) -> dict[str, bytes]:
    found = {p.name: p.read_bytes() for p in cases_dir.glob("BTI-*.toml")}
    assert found
    return found


@pytest.mark.parametrize("to", ["ansvarsgruppe", "Ansvarsgruppe"])
def test_handover_to_a_group_is_refused(cli, tmp_path, cases_dir, to):
    case = CASE_RE.search(start(cli, tmp_path, LEVEL3).stdout).group(0)
    before = case_files(cases_dir)
    result = cli("cases", "handover", case, "--to", to, "-m", "loten", "--lang", "en")
    assert result.exit_code != 0
    assert "is a group" in result.stderr and "Flere" not in result.stderr
    assert case_files(cases_dir) == before  # nothing stored


def test_a_person_role_is_still_offered_the_baton(cli, tmp_path, cases_dir):
    case = CASE_RE.search(start(cli, tmp_path, LEVEL3).stdout).group(0)
    result = cli("cases", "handover", case, "--to", "kontaktlaerer", "-m", "loten", "--lang", "en",
                 "--consent-extended")
    assert result.exit_code == 0, result.stderr


def test_the_walkthrough_refuses_a_group_as_baton_holder(cli, tmp_path, cases_dir):
    text = LEVEL3.replace('baton_holder = "koordinator"', 'baton_holder = "ansvarsgruppe"')
    assert text != LEVEL3
    result = start(cli, tmp_path, text, "--lang", "en")
    assert result.exit_code != 0
    assert "is a group" in result.stderr
