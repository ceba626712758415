"""Personal data typed into every door is never echoed and never stored (issue 16).

The doors are found, not listed: every command of the real click tree (hidden ones too), every
option and argument of it that takes a value, every environment variable the code reads, every
question of data/process.toml as an answers-file key and value, and every config key. A new
option that repeats what was typed fails here without anyone adding it to a list.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "answers"
PII = "Kari Nordmann 15031650094 41234567 kari@example.invalid"
# every part of it, matched without regard to case
SECRETS = ("kari", "nordmann", "15031650094", "41234567", "example.invalid")
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-Z]{5}")

# A valid value for each required parameter, so that the personal data in the parameter under
# test is the only thing wrong. A new required parameter without one here fails the sweep.
VALID: dict[str, str] = {
    "case": "{case}",
    "key": "l0-concern.age",
    "to": "helsesykepleier-skolehelsetjenesten",
    "reason": "started by mistake",
    "measure_id": "kartlegging-og-identifisering-barneskole",
    "year": "2026",
    "value": "kontaktlærer",
}
VALID_BY_COMMAND: dict[tuple[tuple[str, ...], str], str] = {
    (("config", "set"), "key"): "role",
    (("config", "unset"), "key"): "role",
}


def _leaf_commands():
    """(path, click command) for every command a user can run, hidden ones included."""
    import typer

    from bti_cli.cli.app import app

    root = typer.main.get_command(app)
    ctx = root.make_context("bti", ["--help"], resilient_parsing=True)
    found = [((), root)]

    def walk(group, ctx, path):
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if command is None:
                continue
            if hasattr(command, "list_commands"):
                walk(command, command.make_context(name, [], parent=ctx, resilient_parsing=True), (*path, name))
            else:
                found.append(((*path, name), command))

    walk(root, ctx, ())
    return found


def _takes_text(param) -> bool:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return False
    return param.name not in ("install_completion", "show_completion")


def _doors() -> list[tuple[tuple[str, ...], str]]:
    doors = []
    for path, command in _leaf_commands():
        for param in command.params:
            if _takes_text(param):
                doors.append((path, param.name))
    return doors


DOORS = _doors()


def _env_vars() -> list[str]:
    """Every BTI_* environment variable the code reads (found in the source)."""
    names: set[str] = set()
    for source in (ROOT / "bti_cli").rglob("*.py"):
        names.update(re.findall(r'"(BTI_[A-Z_]+)"', source.read_text(encoding="utf-8")))
    return sorted(names)


def _said(result) -> str:
    return (result.stdout or "") + (result.stderr or "")


def _leaks(text: str) -> list[str]:
    low = text.lower()
    return [s for s in SECRETS if s in low]


def _stored(folder: Path) -> list[str]:
    """Files under `folder` whose content holds part of the personal data."""
    bad = []
    for path in folder.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            if _leaks(text):
                bad.append(f"{path.relative_to(folder)}: {_leaks(text)}")
    return bad


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A cases folder with one open level-1 case, made by the real command."""
    from typer.testing import CliRunner

    from bti_cli.cli.app import app

    folder = tmp_path_factory.mktemp("door-template")
    result = CliRunner().invoke(
        app,
        ["start", "--no-input", "--answers", str(EXAMPLES / "level1.toml")],
        env={"BTI_CASES_DIR": str(folder / "cases"), "BTI_CONFIG": str(folder / "config.toml"),
             "BTI_CACHE_DIR": str(folder / "cache")},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return folder / "cases", CASE_RE.search(result.stdout).group(0)


@pytest.fixture
def door_env(tmp_path, monkeypatch, template):
    """A fresh copy of the template's cases folder; the current folder is a scratch folder."""
    cases, case = template
    shutil.copytree(cases, tmp_path / "cases")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return case


def _invocation(path, command, under_test: str, value: str, case: str) -> list[str]:
    args = list(path)
    for param in command.params:
        if param.name == under_test:
            chosen = value
        elif param.required:
            chosen = VALID_BY_COMMAND.get((path, param.name), VALID.get(param.name))
            assert chosen is not None, f"no valid value for the required {param.name} of {' '.join(path)}: add one"
            chosen = chosen.format(case=case)
        else:
            continue
        if param.param_type_name == "argument":
            args.append(chosen)
        else:
            args += [param.opts[0], chosen]
    if any(p.name == "no_input" for p in command.params):
        args.append("--no-input")
    return args


def test_every_door_is_found():
    found = set(DOORS)
    assert {(("measures", "list"), "area"), (("cases", "handover"), "to"), (("config", "set"), "value"),
            ((), "municipality"), (("start",), "answers"), (("cases", "show"), "case")} <= found
    assert len(found) > 100


@pytest.mark.parametrize(("path", "name"), DOORS, ids=[f"{' '.join(p) or 'bti'}:{n}" for p, n in DOORS])
def test_personal_data_in_an_option_is_never_echoed_nor_stored(cli, tmp_path, door_env, path, name):
    command = dict(_leaf_commands())[path]
    args = _invocation(path, command, name, PII, door_env)
    if not path:  # a global option: run a command that uses it
        args += ["cases", "list"]
    result = cli(*args)
    assert not _leaks(_said(result)), (args, _said(result))
    assert not _stored(tmp_path), args
    assert "Traceback" not in _said(result)


@pytest.mark.parametrize("var", _env_vars())
def test_personal_data_in_an_environment_variable_is_never_echoed_nor_stored(cli, tmp_path, door_env, var,
                                                                             monkeypatch):
    if var in ("BTI_CASES_DIR", "BTI_CONFIG", "BTI_CACHE_DIR"):
        # a folder named so: bti works in it, but never shows or stores the name
        monkeypatch.setenv(var, str(tmp_path / PII))
    else:
        monkeypatch.setenv(var, PII)
    for args in (("cases", "list"), ("measures", "list"), ("config", "set", "lang", "nn"),
                 ("start", "--no-input", "--answers", str(EXAMPLES / "level1.toml"))):
        result = cli(*args)
        assert not _leaks(_said(result)), (var, args, _said(result))
        assert not _stored(tmp_path), (var, args)


# --------------------------------------------------------------------------- answers files


def _questions() -> list[tuple[str, str]]:
    process = tomllib.loads((ROOT / "data" / "process.toml").read_text(encoding="utf-8"))
    found = []
    for step in process["steps"]:
        for question in step.get("questions", []):
            found.append((step["id"], question["id"]))
        if step.get("decisions"):
            found.append((step["id"], "decision"))
    return found


QUESTIONS = _questions()


def _answers_with(step: str, key: str, value) -> tuple[str, dict]:
    """The example answers file that answers `step` (level1 unless only another does), with
    `key` of `step` set to `value`."""
    for name in ("level1.toml", "level3.toml", "notify.toml"):
        data = tomllib.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        if step in data:
            data[step][key] = value
            return name, data
    data = tomllib.loads((EXAMPLES / "level1.toml").read_text(encoding="utf-8"))
    data[step] = {key: value}
    return "level1.toml", data


def test_every_question_is_found():
    assert ("l0-concern", "role") in QUESTIONS and ("l0-concrete", "observations") in QUESTIONS
    assert len(QUESTIONS) > 30


@pytest.mark.parametrize(("step", "question"), QUESTIONS, ids=[f"{s}.{q}" for s, q in QUESTIONS])
@pytest.mark.parametrize("shape", ["text", "list"])
def test_personal_data_as_an_answer_is_never_echoed_nor_stored(cli, tmp_path, step, question, shape):
    import tomli_w

    value = PII if shape == "text" else [PII]
    _, data = _answers_with(step, question, value)
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert not _leaks(_said(result)), _said(result)
    assert not _stored(tmp_path / "cases")
    assert "Traceback" not in _said(result)


@pytest.mark.parametrize("step", sorted({s for s, _ in QUESTIONS}) + [PII])
def test_personal_data_as_an_answers_file_key_is_never_echoed(cli, tmp_path, step):
    import tomli_w

    _, data = _answers_with(step, PII, "x") if step != PII else ("", {
        **tomllib.loads((EXAMPLES / "level1.toml").read_text(encoding="utf-8")), PII: {"x": 1}})
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert not _leaks(_said(result)), _said(result)
    assert not _stored(tmp_path / "cases")


@pytest.mark.parametrize("text", [
    f'["{PII}"]\na = 1\n["{PII}"]\n',                    # a table declared twice
    f'[l0-concern]\n"{PII}" = 1\n"{PII}" = 2\n',           # a key given twice
    f'[l0-concern]\nrole = "x"\n[l0-concern.role]\n"{PII}" = 1\n',
])
def test_personal_data_in_a_broken_answers_file_is_never_echoed(cli, tmp_path, text):
    # the TOML parser's own message quotes the key it stumbled on (a QA reader: «Cannot declare
    # ('Kari Nordmann',) twice»): the message keeps the fault and its place, not the key
    answers = tmp_path / "answers.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code != 0
    assert "TOML" in _said(result) and "line" in _said(result)
    assert not _leaks(_said(result)), _said(result)
    assert "Traceback" not in _said(result)


def test_a_parser_message_keeps_a_character_and_a_typo_of_a_key():
    from bti_cli.privacy.guard import parser_message

    assert parser_message("Illegal character '\\n' (at line 1, column 31)") == \
        "Illegal character '\\n' (at line 1, column 31)"
    assert parser_message("Expected '=' after a key in a key/value pair (at line 2, column 3)").count("'='") == 1
    assert parser_message("Cannot declare ('safety', 'danger') twice (at line 4, column 1)") == \
        "Cannot declare ('safety', 'danger') twice (at line 4, column 1)"
    assert parser_message("Cannot declare ('Kari Nordmann',) twice (at line 3, column 17)") == \
        "Cannot declare ('…',) twice (at line 3, column 17)"


@pytest.mark.parametrize("command", ["evaluate", "close", "edit"])
def test_personal_data_in_a_later_answers_file_is_never_echoed(cli, tmp_path, door_env, command):
    import tomli_w

    answers = tmp_path / "later.toml"
    answers.write_text(tomli_w.dumps({PII: {PII: PII}, "l0-concern": {"age": PII}, "l1-evaluate": {PII: PII},
                                      "close": {"note": PII}}), encoding="utf-8")
    args = ["cases", command, door_env, "--no-input", "--answers", str(answers)]
    if command == "edit":
        args.insert(3, "l0-concern.age")
    result = cli(*args)
    assert not _leaks(_said(result)), _said(result)
    assert not _stored(tmp_path / "cases")


# --------------------------------------------------------------------------- config


def test_every_config_key_refuses_or_hides_personal_data(cli, tmp_path):
    from bti_cli.config import CONFIG_KEYS

    for key in CONFIG_KEYS:
        if key == "cases_dir":
            continue  # a path, tested below
        result = cli("config", "set", key, PII)
        assert result.exit_code != 0, key
        assert not _leaks(_said(result)), (key, _said(result))
        assert not _stored(tmp_path), key
        for shown in (cli("config", "show"), cli("config", "show", "--format", "json")):
            assert not _leaks(_said(shown)), key


def test_a_cases_dir_named_after_a_person_is_refused(cli, tmp_path):
    result = cli("config", "set", "cases_dir", str(tmp_path / PII))
    assert result.exit_code == 1
    assert not _leaks(_said(result)), _said(result)
    assert not _stored(tmp_path)
    assert cli("config", "set", "cases_dir", str(tmp_path / "saker")).exit_code == 0


def test_a_path_is_shown_with_a_person_scrubbed_and_the_home_folder_kept(monkeypatch, tmp_path):
    from bti_cli.privacy.guard import shown_path

    monkeypatch.setenv("HOME", "/home/kari.nordmann")
    assert shown_path("/home/kari.nordmann/Dokumenter/BTI/svar.toml") == "/home/kari.nordmann/Dokumenter/BTI/svar.toml"
    assert shown_path("/srv/Felles/Helsestasjon/eksport.csv") == "/srv/Felles/Helsestasjon/eksport.csv"
    assert shown_path(f"/srv/saker/{PII}.csv") == "/srv/saker/[NAVN] [FØDSELSNUMMER] [TELEFON] [E-POST].csv"
    assert shown_path("/srv/saker/Kari Nordmann.toml") == "/srv/saker/[NAVN].toml"  # the extension hid the surname
    assert shown_path("/srv/saker/notat.Kari Nordmann.tar.gz") == "/srv/saker/notat.[NAVN].tar.gz"
    assert shown_path("svar/Kari 15031650094.toml") == "svar/[NAVN] [FØDSELSNUMMER].toml"


def test_a_name_set_as_the_role_leaves_no_trace_after_a_walkthrough(cli, tmp_path, cases_dir):
    """The issuer's check: a name as the role (set, hand-edited, in the answers file), then a
    walkthrough: nothing of it in the case folder."""
    import tomli_w

    cli("config", "set", "role", "Kari Nordmann")
    cli("start", "--no-input", "--answers", str(EXAMPLES / "level1.toml"))
    (tmp_path / "config.toml").write_text('role = "Kari Nordmann"\n', encoding="utf-8")
    cli("start", "--no-input", "--answers", str(EXAMPLES / "level1.toml"))
    (tmp_path / "config.toml").unlink()
    data = tomllib.loads((EXAMPLES / "level1.toml").read_text(encoding="utf-8"))
    data["l0-concern"]["role"] = "Kari Nordmann"
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert not _leaks(_said(result))
    assert not _stored(cases_dir)


# --------------------------------------------------------------------------- files in a folder named after a person
# The sweep above gives each path option a path that does not exist, so it meets only the "not
# found" message; a file that exists and is wrong leads to the messages that locate each problem
# (`file:line field: message`), which once repeated the path unscrubbed on their second line. Here
# every option and argument that reads a file (found from the command tree) is given files that
# exist, in a folder named after a person, each wrong in another way.

FIXTURE = ROOT / "tests" / "fixtures" / "walk.toml"
BAD_FILES: dict[str, bytes] = {
    "not-toml.toml": b"x",
    "not-utf8.toml": b"\xff\xfe x = 1",
    "too-deep.toml": b"a = " + b"[" * 40 + b"]" * 40,
    "empty.toml": b"",
    "municipality.toml": b'[municipality]\nslug = "x"\n',
    "process.toml": b'version = "1"\n[[steps]]\nid = "x"\n',
    "areas.toml": b'[concern_areas.x]\nnb = "x"\n',
    "overrides.toml": FIXTURE.read_bytes() + b'\n[[process.steps]]\nid = "finnes-ikke"\nafter = "ingen"\n',
    "answers.toml": b'[l0-concern]\nukjent = 1\n[ukjent-steg]\nx = 1\n',
}


def _file_doors() -> list[tuple[tuple[str, ...], str]]:
    found = []
    for path, command in _leaf_commands():
        for param in command.params:
            if type(param.type).__name__ == "TyperPath" and param.name in ("data", "answers", "file", "paths"):
                found.append((path, param.name))
    return found


FILE_DOORS = _file_doors()
# doors that this invocation does not read a data file through: `resume` with no paused case,
# `stats` and `report` (the index, not the catalogue), `scrub FILE` (any text is fine)
READ_LATER = {(("resume",), "answers"), (("resume",), "data"), (("stats",), "data"), (("report",), "data"),
              (("scrub",), "file")}


def test_every_file_door_is_found():
    assert {((), "data"), (("start",), "answers"), (("data", "validate"), "paths"), (("scrub",), "file"),
            (("measures", "list"), "data"), (("coordinators",), "data")} <= set(FILE_DOORS)


@pytest.mark.parametrize(("path", "name"), FILE_DOORS, ids=[f"{' '.join(p) or 'bti'}:{n}" for p, n in FILE_DOORS])
def test_a_wrong_file_in_a_folder_named_after_a_person_is_never_named(cli, tmp_path, door_env, path, name):
    command = dict(_leaf_commands())[path]
    folder = tmp_path / PII
    folder.mkdir()
    for file, content in BAD_FILES.items():
        (folder / file).write_bytes(content)
    failed = 0
    for target in [*(folder / file for file in BAD_FILES), folder]:
        args = _invocation(path, command, name, str(target), door_env)
        if not path:
            args += ["measures", "list"]
        result = cli(*args)
        said = _said(result)
        assert not _leaks(said), (args[-4:], said)
        assert "Traceback" not in said
        failed += result.exit_code != 0
        assert not _stored(tmp_path / "cases"), args
    if (path, name) not in READ_LATER:
        assert failed >= len(BAD_FILES) - 2, "the files should be refused, or this walks no error path"


# --------------------------------------------------------------------------- a hand-edited config file


@pytest.mark.parametrize("key", ["municipality", "lang", "cases_dir", "arena", "role", PII, "kari_nordmann"])
def test_personal_data_in_a_hand_edited_config_is_never_echoed_nor_stored(cli, tmp_path, door_env, key):
    """Every config key (and an unknown one named after a person) holding personal data, written
    into the file by hand: no command repeats it, none stores it, the config commands still work."""
    import tomli_w

    value = str(tmp_path / PII) if key == "cases_dir" else PII
    config = tmp_path / "config.toml"
    config.write_text("# written by hand\n" + tomli_w.dumps({"lang": "nb", key: value}), encoding="utf-8")
    for args in (("config", "show"), ("config", "show", "--format", "json"), ("config", "path"),
                 ("cases", "list"), ("measures", "list"), ("suggest",), ("cases", "show", door_env),
                 ("start", "--no-input", "--answers", str(EXAMPLES / "level1.toml")),
                 ("cases", "handover", door_env, "--to", "miljøterapeut", "--no-input")):
        result = cli(*args)
        assert not _leaks(_said(result)), (key, args, _said(result))
        assert "Traceback" not in _said(result)
        assert not _stored(tmp_path / "cases"), (key, args)
    assert cli("config", "path").exit_code == 0
    removed = cli("config", "unset", key)
    assert removed.exit_code == 0 and not _leaks(_said(removed)), _said(removed)
    assert not _leaks(config.read_text(encoding="utf-8"))


def test_personal_data_in_a_family_text_of_cases_edit_is_never_echoed_nor_stored(cli, tmp_path, door_env):
    import tomli_w

    answers = tmp_path / "edit.toml"
    answers.write_text(tomli_w.dumps({"l1-plan": {"family_text": PII}}), encoding="utf-8")
    result = cli("cases", "edit", door_env, "l1-plan.family_text", "--no-input", "--answers", str(answers))
    assert result.exit_code == 1 and "l1-plan.family_text" in result.stderr
    assert not _leaks(_said(result)) and not _stored(tmp_path / "cases")
