"""Every command takes the common options after its name too (README "Settings", DESIGN.md), also
one that does not use them: `bti cases handover CASE --to helsesykepleier --no-input` once said
"kjenner ikke valget --no-input" (issue 16, fresh-eyes item 9). The commands are found from the
real command tree, so a new command without them fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_privacy_every_door import _invocation, _leaf_commands, door_env, template  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
LEAVES = [(path, command) for path, command in _leaf_commands() if path]


def test_every_command_declares_every_common_option():
    for path, command in LEAVES:
        names = {param.name for param in command.params}
        missing = {"municipality", "data", "cases_dir", "no_input"} - names
        assert not missing, (" ".join(path), missing)


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_every_command_runs_with_the_common_options_after_its_name(cli, tmp_path, door_env, path, command):  # noqa: F811
    args = _invocation(path, command, "", "", door_env)
    if "--no-input" in args:
        args.remove("--no-input")
    args += ["--municipality", "loten", "--data", str(ROOT / "data" / "loten.toml"),
             "--cases-dir", str(tmp_path / "cases"), "--lang", "en", "--no-input"]
    result = cli(*args)
    said = (result.stdout or "") + (result.stderr or "")
    assert "has no option" not in said and "does not take" not in said, (args, said)
    assert result.exit_code != 2 or path in (("start",), ("resume",)), (args, said)
    assert "Traceback" not in said


def test_no_input_after_handover_is_taken(cli, door_env):  # noqa: F811
    result = cli("cases", "handover", door_env, "--to", "miljøterapeut", "--no-input")
    assert result.exit_code == 0, result.stderr
    result = cli("cases", "accept", door_env, "--no-input", "--cases-dir", str(Path.cwd().parent / "cases"))
    assert result.exit_code == 0, result.stderr


def test_a_common_option_after_the_name_wins_over_the_environment(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("BTI_MUNICIPALITY", "elverum")
    import json

    listed = json.loads(cli("services", "list", "-f", "json", "-m", "loten").stdout)
    loten = json.loads(cli("--municipality", "loten", "services", "list", "-f", "json").stdout)
    assert listed == loten
    shown = json.loads(cli("cases", "list", "-f", "json", "--cases-dir", str(tmp_path / "empty")).stdout)
    assert shown == []
