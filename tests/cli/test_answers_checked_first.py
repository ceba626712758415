"""An answers file is checked value by value before a case is created (QA: a bad value left a
half-made case that waited in `bti resume`): the file is played through the walkthrough in
memory first, with the same questions and validators, so a refused value writes nothing. A file
that stops early still saves the answers before the gap (a draft for `bti resume`)."""

from __future__ import annotations

import re
from pathlib import Path

from walk_answers import CASE_RE, FIXTURE, LEVEL0_SHARED

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "answers"


def case_files(cases_dir: Path) -> list[Path]:
    return sorted(cases_dir.glob("BTI-*.toml")) if cases_dir.exists() else []


def test_a_bad_arena_creates_no_case(cli, cases_dir, tmp_path):
    text = re.sub(r'^arena = .*$', 'arena = "x"', (EXAMPLES / "level1.toml").read_text(encoding="utf-8"),
                  count=1, flags=re.M)
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path))
    assert result.exit_code == 1
    assert "l0-concern.arena" in result.stderr
    assert "er opprettet" not in result.stdout and not CASE_RE.search(result.stdout + result.stderr)
    assert case_files(cases_dir) == []


def test_a_bad_value_late_in_the_file_creates_no_case(cli, cases_dir, tmp_path):
    # the last answer of a level-1 file is refused (an evaluation date in the past)
    text = LEVEL0_SHARED + """
[l0-decide]
decision = "level:1"
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser bedre innen jul."
[l1-plan]
measures = []
baton_holder = "kontaktlaerer"
evaluation_date = "today-3"
"""
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    assert result.exit_code == 1
    assert "l1-plan.evaluation_date" in result.stderr
    assert case_files(cases_dir) == []
    ok = path.read_text(encoding="utf-8").replace("today-3", "today+30") + """
[l1-views]
child_view = "Vil øve."
guardians_view = "Enige."
"""
    path.write_text(ok, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr
    assert len(case_files(cases_dir)) == 1


def test_personal_data_the_case_writer_refuses_creates_no_case(cli, cases_dir, tmp_path):
    # a role is stored as typed (never scrubbed): one with a phone number is refused
    text = LEVEL0_SHARED.replace('role = "kontaktlærer"', 'role = "lærer 912 34 567"')
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    assert result.exit_code == 1
    assert "912" not in result.stderr
    assert case_files(cases_dir) == []


def test_a_measure_the_consent_does_not_cover_creates_no_case(cli, cases_dir, tmp_path):
    text = (EXAMPLES / "level3.toml").read_text(encoding="utf-8").replace('"helsestasjon", "nav", ', "")
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path))
    assert result.exit_code == 1
    assert "l3-meeting.measures" in result.stderr
    assert case_files(cases_dir) == []


def test_a_file_that_stops_early_still_saves_a_draft(cli, cases_dir, tmp_path):
    path = tmp_path / "a.toml"
    path.write_text(LEVEL0_SHARED.replace("scale = 3\n", ""), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    assert result.exit_code == 1
    assert "l0-concrete.scale" in result.stderr
    assert len(case_files(cases_dir)) == 1


def test_resume_with_a_bad_value_changes_nothing(cli, cases_dir, tmp_path):
    path = tmp_path / "a.toml"
    path.write_text(LEVEL0_SHARED.replace("scale = 3\n", ""), encoding="utf-8")
    first = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    case = CASE_RE.search(first.stdout + first.stderr).group(0)
    before = case_files(cases_dir)[0].read_bytes()
    rest = tmp_path / "rest.toml"
    rest.write_text(LEVEL0_SHARED + '[l0-decide]\ndecision = "level:9"\n', encoding="utf-8")
    result = cli("resume", case, "--no-input", "--answers", str(rest), "--data", FIXTURE)
    assert result.exit_code == 1
    assert "l0-decide.decision" in result.stderr
    assert case_files(cases_dir)[0].read_bytes() == before


def test_the_resume_list_shows_when_each_draft_was_started(cli, cases_dir, tmp_path):
    """Drafts started the same day are told apart by the time (local time, to the minute)."""
    import os
    import sys

    import pytest

    pexpect = pytest.importorskip("pexpect")
    path = tmp_path / "a.toml"
    path.write_text(LEVEL0_SHARED.replace("scale = 3\n", ""), encoding="utf-8")
    first = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE)
    case = CASE_RE.search(first.stdout + first.stderr).group(0)
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "dumb", "COLUMNS": "120", "BTI_CACHE_DIR": str(tmp_path / "cache")})
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "resume", "--data", FIXTURE], env=env,
                          encoding="utf-8", timeout=60, dimensions=(40, 120),
                          cwd=str(Path(__file__).resolve().parents[2]))
    child.expect(rf"{case}  \d{{4}}-\d\d-\d\d \d\d:\d\d · ")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
