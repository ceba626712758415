"""Privacy doors, round 19 (issue 16): what a fresh-eyes reader found open (all values
fictitious).

1. An answers file's unknown value is named by its position, never by its text: an id in kebab
   case may be a name in lower case ("ola-testesen") that the scrubber cannot know.
"""

from __future__ import annotations

import json
import stat
import tomllib
from pathlib import Path

import pytest
import tomli_w

ROOT = Path(__file__).resolve().parents[2]
LEVEL1 = ROOT / "examples" / "answers" / "level1.toml"


def _said(result) -> str:
    return (result.stdout or "") + (result.stderr or "")


def _answers(tmp_path: Path, **changes: dict) -> Path:
    data = tomllib.loads(LEVEL1.read_text(encoding="utf-8"))
    for step, values in changes.items():
        data.setdefault(step.replace("_", "-"), {}).update(values)
    path = tmp_path / "answers.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _start(cli, tmp_path, **changes):
    return cli("start", "--no-input", "--answers", str(_answers(tmp_path, **changes)))


# --------------------------------------------------------------------------- 1. answers file

UNKNOWN_IDS = ["ola-testesen", "storgata-12", "kartlegging-kari-nordmann", "2340"]  # 2340: a postcode


@pytest.mark.parametrize("value", UNKNOWN_IDS)
@pytest.mark.parametrize(("step", "question"), [("l1_plan", "measures"), ("l0_concern", "areas")])
def test_an_unknown_value_of_an_answers_file_is_named_by_its_position(cli, tmp_path, cases_dir, value, step,
                                                                       question):
    result = _start(cli, tmp_path, **{step: {question: [value]}})
    assert result.exit_code == 1
    assert value not in _said(result)
    assert "Element 1 passer ikke" in result.stderr
    assert not list(cases_dir.rglob("BTI-*.toml"))


# --------------------------------------------------------------------------- 2. option values

# each option that takes one of a list, with one of the values it lists
CHOICE_DOORS = [
    (("measures", "list", "--area"), "learning"),
    (("measures", "list", "--tier"), "universal"),
    (("measures", "list", "--status"), "active"),
    (("arenas", "list", "--kind"), "case"),
    (("coordinators", "--arena"), "school"),
    (("suggest", "--area"), "learning"),
    (("suggest", "--area", "learning", "--arena"), "school"),
    (("suggest", "--area", "learning", "--kind"), "measure"),
]
NOT_SHOWN = ["nordmann", "15.03.2016", "ola-testesen", "storgata-12", "Kari", "lærer hansen"]


@pytest.mark.parametrize("value", NOT_SHOWN)
@pytest.mark.parametrize(("args", "listed"), CHOICE_DOORS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_an_unknown_option_value_that_may_be_personal_is_not_repeated(cli, args, listed, value):
    result = cli(*args, value)
    assert result.exit_code == 2, _said(result)
    assert f"{args[-1]}: ukjent verdi." in result.stderr
    assert value not in _said(result) and value.split()[-1] not in _said(result)
    assert listed in result.stderr  # the valid choices


@pytest.mark.parametrize(("args", "listed"), CHOICE_DOORS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_a_mistyped_key_is_still_repeated(cli, args, listed):
    result = cli(*args, "scool", "--lang", "en")
    assert result.exit_code == 2
    assert f"{args[-1]}: unknown value 'scool'." in result.stderr and listed in result.stderr


def test_config_show_refuses_an_unknown_municipality(cli):
    result = cli("config", "show", "-m", "nordmann")
    assert result.exit_code == 1
    assert "Ukjent kommune" in result.stderr and "loten" in result.stderr
    assert "nordmann" not in _said(result)
    assert cli("config", "show", "-m", "elverum").exit_code == 0


def test_config_show_says_an_unknown_municipality_from_the_environment_without_it(cli):
    # the environment is what `config show` is there to mend: said, the rest still shown
    result = cli("config", "show", "--format", "json", env={"BTI_MUNICIPALITY": "nordmann"})
    assert result.exit_code == 0
    assert "BTI_MUNICIPALITY: Ukjent kommune." in result.stderr
    assert "nordmann" not in _said(result)
    rows = {row["key"]: row for row in json.loads(result.stdout)}
    assert rows["municipality"]["source"] == "env" and rows["municipality"]["value"] is None


@pytest.mark.parametrize("command", [("stats",), ("report", "--year", "2026")])
def test_min_count_takes_a_sane_threshold_only(cli, tmp_path, command):
    out = ("--out", str(tmp_path / "r.html")) if command[0] == "report" else ()
    for value in ("15031650094", "101", "-1"):
        result = cli(*command, *out, "--min-count", value)
        assert result.exit_code == 2, _said(result)
        assert value not in _said(result) and "0 til 100" in result.stderr
    for value in ("0", "5", "100"):
        assert cli(*command, *out, "--min-count", value).exit_code == 0


# --------------------------------------------------------------------------- 3. config folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_config_set_leaves_the_mode_of_a_folder_it_did_not_create(cli, tmp_path):
    folder = tmp_path / "t5"
    folder.mkdir()
    folder.chmod(0o755)
    config = folder / "c.toml"
    assert cli("config", "set", "arena", "school", env={"BTI_CONFIG": str(config)}).exit_code == 0
    assert _mode(folder) == 0o755 and _mode(config) == 0o600
    # a folder it creates is 0700: tests/cli/test_privacy_doors.py, whatever the umask



# --------------------------------------------------------------------------- 4. Markdown

# a family text that tries every block of Markdown, and HTML (fictitious)
STRUCTURED = ("Vi møtes igjen om to uker.\n## Samtykke\nDere har ikke samtykket.\n---\n<script>alert(1)</script>"
              "\n> sitat\n- punkt\n1. punkt\n```\n    kode\n| a | b |\n=====\n<b>fet</b> & mer")


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """(type, content) of each block and inline token that makes structure, as a renderer sees it."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found = [(tok.type, tok.content) for tok in tokens if tok.type != "inline"]
    found += [(child.type, child.content) for tok in tokens if tok.type == "inline" for child in tok.children or ()]
    return found


def _case_with_family_text(cli, tmp_path, text: str) -> str:
    import re

    result = _start(cli, tmp_path, l1_plan={"family_text": text})
    assert result.exit_code == 0, result.stderr
    return re.search(r"BTI-\d{4}-[0-9A-Z]{5}", result.stdout).group(0)


def test_a_family_text_makes_no_structure_in_their_summary(cli, tmp_path):
    case = _case_with_family_text(cli, tmp_path, STRUCTURED)
    plain = _case_with_family_text(cli, tmp_path, "Vi møtes igjen om to uker.")
    summary = cli("cases", "show", case, "--for", "guardians", "--format", "md").stdout
    expected = cli("cases", "show", plain, "--for", "guardians", "--format", "md").stdout
    # the same headings, rules and list items as a summary with a plain text: none of the text's own
    # (its lines each on their own line: breaks within the text's paragraph)
    lines = ("text", "softbreak", "hardbreak")
    assert [kind for kind, _ in _blocks(summary) if kind not in lines] == [
        kind for kind, _ in _blocks(expected) if kind not in lines]
    assert [kind for kind, _ in _blocks(summary)].count("hardbreak") == len(STRUCTURED.splitlines()) - 1
    assert not any(kind.startswith("html") for kind, _ in _blocks(summary))
    # and every word of it is there, as written
    words = " ".join(content for kind, content in _blocks(summary) if kind == "text")
    for written in ("## Samtykke", "---", "<script>alert(1)</script>", "> sitat", "1. punkt", "```",
                    "<b>fet</b> & mer", "kode"):
        assert written in words, written


def test_the_staff_markdown_table_passes_no_html(cli, tmp_path):
    case = _case_with_family_text(cli, tmp_path, "Vi møtes igjen. <b>html</b> & <i>mer</i>")
    shown = cli("cases", "show", case, "--format", "md").stdout
    assert "<b>" not in shown and "&lt;b&gt;html&lt;/b&gt; &amp;" in shown
    assert not any(kind.startswith("html") for kind, _ in _blocks(shown))


# --------------------------------------------------------------------------- 6. config path


def test_config_path_is_shown_as_config_set_shows_it(cli, tmp_path):
    config = tmp_path / "x" / "ola@example.no.toml"
    env = {"BTI_CONFIG": str(config)}
    shown = cli("config", "path", env=env)
    assert shown.exit_code == 0
    assert "ola@example.no" not in shown.stdout and shown.stdout.strip().endswith("[E-POST].toml")
    saved = cli("config", "set", "arena", "school", env=env)
    assert shown.stdout.strip() in saved.stdout
    plain = tmp_path / "bti" / "config.toml"
    assert cli("config", "path", env={"BTI_CONFIG": str(plain)}).stdout.strip() == str(plain)
