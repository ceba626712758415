import json


def test_config_set_show_unset(cli, tmp_path):
    assert cli("config", "set", "lang", "nn").exit_code == 0
    assert cli("config", "set", "role", "kontaktlærer").exit_code == 0
    rows = {r["key"]: r for r in json.loads(cli("config", "show", "-f", "json").stdout)}
    assert rows["lang"]["value"] == "nn" and rows["lang"]["source"] == "config"
    assert rows["municipality"]["source"] == "default"
    # the stored language is used by the next command
    assert "Innstilling" in cli("config", "show", "-f", "table").stdout
    assert cli("config", "unset", "lang").exit_code == 0
    rows = {r["key"]: r for r in json.loads(cli("config", "show", "-f", "json").stdout)}
    assert rows["lang"]["value"] == "nb"


def test_config_rejects_bad_values(cli):
    result = cli("config", "set", "arena", "castle")
    assert result.exit_code == 1 and "kindergarten" in result.stderr
    assert cli("config", "set", "colour", "blue").exit_code == 2
    assert cli("config", "set", "municipality", "atlantis").exit_code == 1


def test_config_municipality_is_the_default(cli):
    assert cli("config", "set", "municipality", "elverum").exit_code == 0
    rows = json.loads(cli("data", "municipalities", "-f", "json").stdout)
    elverum = next(r for r in rows if r["slug"] == "elverum")
    listed = json.loads(cli("measures", "list", "-f", "json").stdout)
    assert len(listed) == elverum["measures"]


def test_config_path_follows_env(cli, tmp_path):
    assert cli("config", "path").stdout.strip() == str(tmp_path / "config.toml")


def test_broken_config_is_a_data_error(cli, tmp_path):
    (tmp_path / "config.toml").write_text("lang = ")
    result = cli("measures", "list")
    assert result.exit_code == 3 and "Traceback" not in result.stderr


# --------------------------------------------------------------------------- a hand-edited config
# (issue 16, fresh-eyes items 6-8: an invalid arena crashed `start`, an unknown key leaked a
# surname on the wrong line and locked out `config path`, `config show` printed values raw)

import pytest  # noqa: E402

from bti_cli import i18n  # noqa: E402

EXAMPLE = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples" / "answers" / "level1.toml"
SECRETS = ("kari", "nordmann", "15031650094", "41234567")
LANGS = ("nb", "nn", "en")


def _said(result) -> str:
    return (result.stdout or "") + (result.stderr or "")


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text.lower()]


def _answers_without_arena(tmp_path):
    path = tmp_path / "no-arena.toml"
    path.write_text("\n".join(line for line in EXAMPLE.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("arena")), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("arena", ["kontor", "Kari Nordmann", 7])
def test_an_invalid_arena_in_the_config_is_a_config_error_naming_the_setting(cli, tmp_path, cases_dir, lang,
                                                                              arena):
    import tomli_w

    (tmp_path / "config.toml").write_text("# mine\n" + tomli_w.dumps({"lang": "nb", "arena": arena}),
                                          encoding="utf-8")
    result = cli("start", "--lang", lang, "--no-input", "--answers", _answers_without_arena(tmp_path))
    assert result.exit_code == 3, _said(result)
    assert "Intern" not in result.stderr and "AnswerError" not in result.stderr
    assert "config.toml:3 arena:" in result.stderr  # the file, its line and the setting
    assert "kontor" not in result.stderr and not _leaks(_said(result))
    assert "bti config unset arena" in result.stderr
    assert not cases_dir.exists() or not list(cases_dir.glob("BTI-*.toml"))
    # `bti suggest` reads the configured arena too
    suggested = cli("suggest", "--lang", lang)
    assert suggested.exit_code == 3 and "arena" in suggested.stderr and "kontor" not in suggested.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_key_is_never_shown_and_is_named_by_its_right_line(cli, tmp_path, lang):
    result = cli("config", "set", "kari_nordmann", "x", "--lang", lang)
    assert result.exit_code == 2 and not _leaks(_said(result))
    assert i18n.t("config.unknown_key", lang) in result.stderr
    text = 'lang = "nb"\n# a comment\n\nrole = "kontaktlærer"\n[arena_tabell]\nkari_nordmann = 1\n'
    (tmp_path / "config.toml").write_text(text.replace("[arena_tabell]\n", "") + "", encoding="utf-8")
    result = cli("measures", "list", "--lang", lang)
    assert result.exit_code == 3 and not _leaks(_said(result))
    assert "config.toml:5 " in result.stderr  # the key stands on line 5
    assert i18n.t("config.unknown_key_problem", lang, line=5, known=", ".join(
        ("municipality", "lang", "cases_dir", "arena", "role"))) in result.stderr


def test_a_table_and_a_quoted_key_are_found_on_their_lines(cli, tmp_path):
    (tmp_path / "config.toml").write_text('lang = "nb"\n"kari nordmann" = 1\n\n[ola]\nx = 2\n', encoding="utf-8")
    result = cli("cases", "list")
    assert result.exit_code == 3 and not _leaks(_said(result)) and "ola" not in _said(result).lower()
    assert "config.toml:2 " in result.stderr and "config.toml:4 " in result.stderr


def test_config_path_show_and_unset_work_on_a_config_with_errors(cli, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('lang = "nn"\nrole = "Kari Nordmann 41234567"\narena = "kontor"\n'
                      f'cases_dir = "{tmp_path}/Kari Nordmann 15031650094"\n\nkari_nordmann = 1\n',
                      encoding="utf-8")
    assert cli("measures", "list").exit_code == 3
    path = cli("config", "path")
    assert path.exit_code == 0 and path.stdout.strip() == str(config)
    shown = cli("config", "show", "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    assert not _leaks(_said(shown)), _said(shown)
    rows = {row["key"]: row for row in json.loads(shown.stdout)}
    assert rows["lang"]["value"] == "nn" and rows["lang"]["source"] == "config"
    assert rows["arena"]["value"] is None and rows["role"]["value"] is None  # not used
    assert rows["cases_dir"]["stored"].endswith("[NAMN] [FØDSELSNUMMER]")  # never shown (BTI_CASES_DIR wins)
    for line in ("config.toml:6 ", "config.toml:2 role:", "config.toml:3 arena:", "config.toml:4 cases_dir:"):
        assert line in shown.stderr, shown.stderr
    removed = cli("config", "unset", "kari_nordmann")
    assert removed.exit_code == 0 and not _leaks(_said(removed))
    assert i18n.t("config.removed_unknown", "nn", path=str(config)) in removed.stdout
    for key in ("role", "arena", "cases_dir"):
        assert cli("config", "unset", key).exit_code == 0
    assert config.read_text(encoding="utf-8") == 'lang = "nn"\n'
    assert cli("measures", "list").exit_code == 0
    assert cli("config", "unset", "kari_nordmann").exit_code == 2  # not in the file any more: unknown


def test_config_show_scrubs_values_from_the_environment_and_names_their_source(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("BTI_MUNICIPALITY", "Kari Nordmann")
    monkeypatch.setenv("BTI_CASES_DIR", str(tmp_path / "Kari Nordmann 15031650094"))
    shown = cli("config", "show", "--format", "json")
    assert not _leaks(_said(shown)), _said(shown)
    rows = {row["key"]: row for row in json.loads(shown.stdout)}
    assert rows["municipality"]["source"] == "env" and rows["cases_dir"]["source"] == "env"
    monkeypatch.delenv("BTI_MUNICIPALITY")
    monkeypatch.setenv("BTI_LANG", "nn")
    rows = {row["key"]: row for row in json.loads(cli("config", "show", "--format", "json").stdout)}
    assert rows["lang"] == {"key": "lang", "value": "nn", "source": "env", "stored": None}
    rows = {row["key"]: row for row in json.loads(cli("config", "show", "--lang", "en", "--format", "json").stdout)}
    assert rows["lang"]["source"] == "option" and rows["lang"]["value"] == "en"
    rows = {row["key"]: row for row in json.loads(cli("--cases-dir", str(tmp_path / "x"), "config", "show",
                                                      "--format", "json").stdout)}
    assert rows["cases_dir"]["source"] == "option"
    for args in (("config", "show", "-m", "elverum"), ("-m", "elverum", "config", "show")):  # after or before
        rows = {row["key"]: row for row in json.loads(cli(*args, "--format", "json").stdout)}
        assert rows["municipality"] == {"key": "municipality", "value": "elverum", "source": "option",
                                        "stored": None}
    table = cli("config", "show", "--format", "md")
    assert i18n.t("config.from_env", "nn") in table.stdout
