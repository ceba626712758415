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
