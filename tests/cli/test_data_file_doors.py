"""A municipality file given with --data is a door too (issue 16, found by a black-box reader): an
unknown key written as a person («"Kari Nordmann 15038150094" = 1») was repeated in the error,
and a name holding a terminal escape («Test\\x1b]0;pwned\\x07kommune») was printed raw in the
headings of `measures list`, `data show` and `report`. Now the key is not repeated (a typo of a
key still is), and a control or invisible character anywhere in the file is an error that says
where. All values are fictitious."""

from __future__ import annotations

from pathlib import Path

import pytest

HEAD = '[municipality]\nslug = "abc"\nname = "{name}"\nnumber = "3412"\nversion = "1"\n' \
       'sources = [{{file = "a", title = "b"}}]\n'


def _file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "kommune.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("key", ["Kari Nordmann 15038150094", "kari.nordmann@example.no", "+47 912 34 567"])
def test_an_unknown_key_written_as_personal_data_is_not_repeated(cli, tmp_path, key):
    path = _file(tmp_path, HEAD.format(name="x") + f'"{key}" = 1\n')
    for args in (("data", "validate", path), ("--data", path, "measures", "list")):
        result = cli(*args, "--lang", "en")
        assert result.exit_code == 3, result.stderr
        assert "municipality.…: unknown key" in result.stderr
        for part in ("Kari", "Nordmann", "15038150094", "example.no", "912 34 567"):
            assert part not in result.stderr


def test_a_typo_of_a_key_is_still_named(cli, tmp_path):
    result = cli("data", "validate", _file(tmp_path, HEAD.format(name="x") + 'navn = "x"\n'), "--lang", "en")
    assert "municipality.navn: unknown key" in result.stderr


@pytest.mark.parametrize("name", ["Test\\u001b]0;pwned\\u0007kommune", "Test\\u001b[31mkommune",
                                  "Test\\u200bkommune", "Test\\u202ekommune"])
def test_a_control_character_in_a_data_file_is_an_error_that_says_where(cli, tmp_path, name):
    path = _file(tmp_path, HEAD.format(name=name))
    for args in (("data", "validate", path), ("--data", path, "measures", "list", "--format", "md")):
        result = cli(*args, "--lang", "en")
        assert result.exit_code == 3, result.stderr
        assert "kommune.toml:3 municipality.name: holds a control or invisible character" in result.stderr
        assert "\x1b" not in result.stdout + result.stderr and "\u200b" not in result.stdout


def test_a_carriage_return_of_a_file_saved_with_crlf_is_no_control_character(cli, tmp_path):
    text = HEAD.format(name="x").replace("\n", "\r\n") + 'note = """one\r\ntwo"""\r\n'
    result = cli("data", "validate", _file(tmp_path, text), "--lang", "en")
    assert "control or invisible character" not in result.stderr
