"""QA fixes as a user meets them: -m/--data everywhere, data validate by kind, --no-input
without answers, wrapping, singular forms, relative dates."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent
FIXTURE = Path(__file__).parent.parent / "fixtures" / "mini.toml"

# every command that reads a municipality catalogue
CATALOGUE_COMMANDS = [
    ("start",),
    ("resume",),
    ("suggest",),
    ("measures", "list"),
    ("measures", "show"),
    ("services", "list"),
    ("arenas", "list"),
    ("coordinators",),
    ("stats",),
    ("scrub",),
    ("data", "validate"),
    ("data", "process"),
    ("cases", "evaluate"),
    ("cases", "close"),
    ("cases", "handover"),
    ("cases", "accept"),
]


@pytest.mark.parametrize("path", CATALOGUE_COMMANDS, ids=" ".join)
def test_every_catalogue_command_takes_m_and_data(cli, path):
    result = cli(*path, "--help", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "--municipality" in result.stdout and "-m" in result.stdout
    assert "--data" in result.stdout


def test_data_validate_takes_a_shipped_municipality(cli):
    result = cli("data", "validate", "-m", "loten")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok  loten.toml")
    assert "elverum" not in result.stdout


def test_data_validate_an_unknown_municipality_is_an_input_error(cli):
    result = cli("data", "validate", "-m", "nowhere")
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [("process.toml", "process file 2026"), ("areas.toml", "areas file: ")],
)
def test_data_validate_recognises_process_and_areas_files(cli, name, expected):
    result = cli("data", "validate", str(ROOT / "data" / name), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout
    assert "services" not in result.stdout


def test_data_validate_reports_a_broken_process_file_with_lines(cli, tmp_path):
    path = tmp_path / "process.toml"
    path.write_text('schema_version = 1\nversion = "x"\nlevels = []\n[[steps]]\nid = "a"\nbogus = 1\n')
    result = cli("data", "validate", str(path), "--lang", "en")
    assert result.exit_code == 3
    assert "The process file" in result.stderr
    assert f"{path}:6 steps[0].bogus: unknown key" in result.stderr
    assert "municipality" not in result.stderr


def test_data_validate_reports_a_broken_areas_file_with_lines(cli, tmp_path):
    path = tmp_path / "areas.toml"
    path.write_text('schema_version = 1\n[areas.x]\nnb = "X"\n[work_arenas.y]\nnb = "Y"\nnn = "Y"\nen = "Y"\n')
    result = cli("data", "validate", str(path), "--lang", "en")
    assert result.exit_code == 3
    assert f"{path}:2 areas.x" in result.stderr


def test_data_validate_an_unknown_kind_gets_one_message(cli, tmp_path):
    path = tmp_path / "other.toml"
    path.write_text('[tool]\nname = "x"\n')
    result = cli("data", "validate", str(path), "--lang", "en")
    assert result.exit_code == 3
    assert result.stderr.count("bti:") == 1
    assert "neither a municipality file, a process file nor an areas file" in result.stderr


# --------------------------------------------------------------------------- wrapping


def test_messages_in_a_pipe_are_one_line_each(cli, tmp_path):
    path = tmp_path / ("a-rather-long-folder-name-" * 3) / "other.toml"
    path.parent.mkdir()
    path.write_text('[tool]\nname = "x"\n')
    result = cli("data", "validate", str(path), "--lang", "en", env={"COLUMNS": "60"})
    assert result.exit_code == 3
    assert len(result.stderr.splitlines()) == 1


def test_status_lines_in_a_terminal_wrap_at_word_boundaries(cli, tmp_path):
    from tests.cli.test_cases_flow import CASE_RE, START
    from tests.cli.test_cases_flow import FIXTURE as WALK

    answers = tmp_path / "start.toml"
    answers.write_text(START, encoding="utf-8")
    case = CASE_RE.search(cli("start", "--data", WALK, "--no-input", "--answers", str(answers)).stdout).group(0)
    terminal = {"FORCE_COLOR": "1", "TERM": "xterm", "COLUMNS": "37"}
    offered = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until", "today+90",
                  "--data", WALK, "--lang", "en", env=terminal)
    accepted = cli("cases", "accept", case, "--data", WALK, "--lang", "en", env=terminal)
    for result in (offered, accepted):
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        assert max(len(line.rstrip()) for line in lines) <= 37, result.stdout
        # no word (and never the case id) is cut between two lines: joined by spaces, the
        # lines give the message back
        words = " ".join(result.stdout.split())
        assert f"bti cases accept {case}" in words or f"case {case}" in words, words
        assert "Helsesykepleier" in words


# --------------------------------------------------------------------------- --no-input without --answers


def _case_files(root: Path) -> list[Path]:
    return sorted(root.glob("BTI-*.toml")) if root.exists() else []


@pytest.mark.parametrize("env", [{}, {"BTI_NO_INPUT": "1"}], ids=["option", "environment"])
def test_start_no_input_without_answers_creates_no_case(cli, cases_dir, env):
    from tests.cli.test_cases_flow import FIXTURE as WALK

    args = ("start", "--data", WALK, "--lang", "en") + (() if env else ("--no-input",))
    result = cli(*args, env=env)
    assert result.exit_code == 1
    assert "--no-input needs the answers in a file: --answers FILE" in result.stderr
    assert _case_files(cases_dir) == []
    listed = cli("cases", "list", "--format", "json")
    assert listed.stdout.strip() in ("", "[]")


def test_evaluate_and_close_no_input_without_answers_change_nothing(cli, cases_dir, tmp_path):
    from tests.cli.test_cases_flow import CASE_RE, START
    from tests.cli.test_cases_flow import FIXTURE as WALK

    answers = tmp_path / "start.toml"
    answers.write_text(START, encoding="utf-8")
    case = CASE_RE.search(cli("start", "--data", WALK, "--no-input", "--answers", str(answers)).stdout).group(0)
    (path,) = _case_files(cases_dir)
    before = path.read_text()
    for command in (("cases", "evaluate"), ("cases", "close")):
        result = cli(*command, case, "--data", WALK, "--no-input", "--lang", "en")
        assert result.exit_code == 1, command
        assert "--answers FILE" in result.stderr
        assert path.read_text() == before, command


# --------------------------------------------------------------------------- singular forms


def test_counts_of_one_are_singular(cli, cases_dir, tmp_path):
    from tests.cli.test_cases_flow import FIXTURE as WALK
    from tests.cli.test_cases_flow import START

    validated = cli("data", "validate", str(FIXTURE), "--lang", "en")
    assert "2 services, 2 measures, 1 arena, 1 coordinator" in validated.stdout
    answers = tmp_path / "start.toml"
    answers.write_text(START, encoding="utf-8")
    assert cli("start", "--data", WALK, "--no-input", "--answers", str(answers)).exit_code == 0
    verified = cli("cases", "verify", "--format", "table")
    assert "1 saksfil kontrollert" in verified.stdout + verified.stderr
    listed = cli("cases", "list", "--format", "table", "--lang", "en")
    assert "1 case" in listed.stdout and "1 cases" not in listed.stdout


# --------------------------------------------------------------------------- dates and multi-choice items


def test_transcript_yesterday_and_named_bad_items(cli, cases_dir):
    import tomllib
    from datetime import date, timedelta

    from tests.cli.test_walk import FIXTURE as WALK
    from tests.cli.test_walk import LEVEL1

    lines = list(LEVEL1)
    lines[0] = "i går"  # concern_date
    lines[5:6] = ["learning, 99", "learning Kari", "learning"]  # areas: two bad answers, then a good one
    result = cli("start", "--data", WALK, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "«99» passer ikke. Velg et av alternativene" in result.stdout
    assert "Element 2 passer ikke." in result.stdout and "Kari" not in result.stdout
    assert "…." not in result.stdout and ".." not in result.stdout.replace("...", "")
    from bti_cli.catalogue import loader

    areas = len(loader.load_vocabulary().areas)
    assert f"et nummer fra 1 til {areas}" in result.stdout  # numbers and labels, not the keys
    (path,) = sorted(cases_dir.glob("BTI-*.toml"))
    events = tomllib.loads(path.read_text(encoding="utf-8"))["events"]
    dates = [e["value"] for e in events if e.get("step") == "l0-concern" and e.get("question") == "concern_date"]
    assert dates == [(date.today() - timedelta(days=1)).isoformat()], events[:3]


@pytest.mark.parametrize(("word", "days"), [("yesterday", -1), ("i gar", -1), ("tomorrow", 1), ("i morgen", 1)])
def test_relative_date_words_in_an_answers_file(cli, cases_dir, tmp_path, word, days):
    from datetime import date, timedelta

    from tests.cli.test_cases_flow import CASE_RE, START
    from tests.cli.test_cases_flow import FIXTURE as WALK

    answers = tmp_path / "start.toml"
    # the evaluation date of level 1 must lie ahead: both words are parsed as the interactive prompt does
    answers.write_text(START + f'evaluation_date = "{word}"\n' if days > 0 else
                       START.replace("age = 8", f'age = 8\nconcern_date = "{word}"'), encoding="utf-8")
    result = cli("start", "--data", WALK, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    shown = cli("cases", "show", case, "--format", "json").stdout
    assert (date.today() + timedelta(days=days)).isoformat() in shown


# --------------------------------------------------------------------------- barnevern glossed in English


def test_barnevern_is_glossed_where_it_first_appears_in_english(cli):
    import json

    rows = json.loads(cli("data", "process", "--lang", "en", "--format", "json").stdout)
    by_question = {(row["step"], row["question"]): row["text"] for row in rows}
    gloss = "barnevern (child welfare services)"
    assert by_question[("l0-share", "anonymous_consultation")].count(gloss) == 1
    assert by_question[("l0-decide", "decision")].count(gloss) == 1
    assert by_question[("notify", "barnevern_informed")].count(gloss) == 1
    # the concern scale and the share step's intro, straight from the process definition
    from bti_cli.walkthrough.process import default_process

    proc = default_process()
    steps = {step.id: step for step in proc.steps}
    scale = next(q for q in steps["l0-concrete"].questions if q.id == "scale")
    first = next(o.label.en for o in scale.options if "barnevern" in o.label.en)
    assert first.count(gloss) == 1
    assert steps["l0-share"].intro.en.count(gloss) == 1
    # nb and nn are not glossed
    nb = json.loads(cli("data", "process", "--lang", "nb", "--format", "json").stdout)
    assert not any("child welfare" in row["text"] for row in nb)


# --------------------------------------------------------------------------- the docs' validation example


def test_docs_validation_example_is_what_bti_prints(cli, tmp_path, monkeypatch):
    readme = (ROOT / "docs" / "municipality-data.md").read_text(encoding="utf-8")
    start = readme.index("$ bti data validate my-municipality.toml --lang en\n")
    shown = readme[start:readme.index("```", start)].splitlines()[1:]
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert lines[54] == 'status = "planned"' and lines[47] == 'service = "skole"'
    lines[54] = 'status = "maybe"'
    lines[47] = 'service = "tannlege"'  # dangling: reported once the schema problems are fixed
    (tmp_path / "my-municipality.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("data", "validate", "my-municipality.toml", "--lang", "en")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == shown
