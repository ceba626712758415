"""`bti config unset KEY` on a config file that is not TOML (issue 16, fresh-eyes item 5): when
the broken line is that setting, the unset mends the file by taking out only its lines; when it
is not, the file is left as it is and the user is told the line to fix — never what it holds.
`config unset` is then no more fragile than `config path` and `config show`."""

from __future__ import annotations

import pytest

from bti_cli import i18n

LANGS = ("nb", "nn", "en")
PERSON = "Kari Nordmann"  # what a careless user typed; never echoed


def _config(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_unset_of_the_broken_setting_takes_out_only_its_line(cli, tmp_path, lang):
    path = _config(tmp_path, f'lang = "nn"\nrole = "{PERSON}\narena = "school"\n')
    assert cli("config", "path").exit_code == 0
    result = cli("config", "unset", "role", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == 'lang = "nn"\narena = "school"\n'
    assert PERSON not in result.stdout + result.stderr
    shown = cli("config", "show", "--format", "json")
    assert shown.exit_code == 0 and '"arena"' in shown.stdout and PERSON not in shown.stdout


def test_unset_of_the_only_setting_leaves_an_empty_valid_file(cli, tmp_path):
    path = _config(tmp_path, 'role = "kontaktlærer\n')  # the reader's repro: a quotation mark missing
    result = cli("config", "unset", "role")
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == ""
    assert cli("config", "show").exit_code == 0


@pytest.mark.parametrize("lang", LANGS)
def test_unset_of_another_key_names_the_line_and_leaves_the_file(cli, tmp_path, lang):
    text = f'lang = "nn"\nrole = "{PERSON}\n'
    path = _config(tmp_path, text)
    result = cli("config", "unset", "arena", "--lang", lang)
    assert result.exit_code == 3
    assert path.read_text(encoding="utf-8") == text  # nothing guessed, nothing lost
    err = result.stderr
    assert ":2 " in err and i18n.t("config.bad_toml_line", lang, line=2) in err
    assert i18n.t("config.unset_broken_hint", lang, key="arena") in err
    assert PERSON not in err and "Kari" not in err and "Illegal character" not in err


def test_unset_that_would_not_mend_the_file_leaves_it(cli, tmp_path):
    text = 'lang = "nn\nrole = "kontaktlærer"\n'  # the broken line is the language, not the role
    path = _config(tmp_path, text)
    result = cli("config", "unset", "role")
    assert result.exit_code == 3
    assert path.read_text(encoding="utf-8") == text
    assert ":1 " in result.stderr and "kontaktlærer" not in result.stderr


def test_a_broken_file_is_reported_by_its_line_everywhere_without_its_content(cli, tmp_path):
    _config(tmp_path, f'role = "{PERSON}\n')
    for args in (("cases", "list"), ("config", "show")):
        result = cli(*args)
        assert PERSON not in result.stdout + result.stderr, args
        assert i18n.t("config.bad_toml_line", "nb", line=1) in result.stderr, args


def test_unset_on_a_valid_file_is_as_before(cli, tmp_path):
    path = _config(tmp_path, 'lang = "nn"\nrole = "kontaktlærer"\n')
    result = cli("config", "unset", "role")
    assert result.exit_code == 0, result.stderr
    assert "role" not in path.read_text(encoding="utf-8") and 'lang = "nn"' in path.read_text(encoding="utf-8")
