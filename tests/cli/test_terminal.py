"""The command line as a newcomer meets it: help and errors in three languages, plain text
for screen readers, no colour on request, tables that survive a narrow terminal, a first-run
notice, and shell completion."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

import pytest

from bti_cli import i18n

FIXTURE = str(Path(__file__).parent.parent / "fixtures" / "mini.toml")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# every command of bti: its help texts live in the locale files
LOCALISED = [
    ("cases", "list"),
    ("cases", "reindex"),
    ("due",),
    ("export",),
    ("stats",),
    ("report",),
    ("start",),
    ("resume",),
    ("suggest",),
    ("cases",),
    ("cases", "show"),
    ("cases", "verify"),
    ("cases", "checkpoint"),
    ("cases", "evaluate"),
    ("cases", "close"),
    ("cases", "handover"),
    ("cases", "accept"),
    ("cases", "edit"),
    ("cases", "discard"),
    ("scrub",),
    ("measures", "list"),
    ("measures", "show"),
    ("services", "list"),
    ("arenas", "list"),
    ("coordinators",),
    ("data", "validate"),
    ("data", "schema"),
    ("data", "municipalities"),
    ("data", "areas"),
    ("data", "show"),
    ("data", "process"),
    ("config", "path"),
    ("config", "show"),
    ("config", "set"),
    ("config", "unset"),
]


# --------------------------------------------------------------------------- help


def test_root_help_in_bokmaal_by_default(cli):
    out = cli("--help").stdout
    assert out.startswith("Bruk: bti [VALG] KOMMANDO")
    for text in ("Valg:", "Gjennomgang:", "Kommunens tiltak og tjenester:", "Vis denne hjelpen og avslutt."):
        assert text in out
    for english in ("Usage:", "Options:", "Show this message", "Walkthrough", "Install completion"):
        assert english not in out


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "en", "--help"], None, "Usage: bti [OPTIONS] COMMAND"),
        (["--help", "--lang=nn"], None, "Bruk: bti [VAL] KOMMANDO"),
        (["--help"], {"BTI_LANG": "en"}, "Usage: bti [OPTIONS] COMMAND"),
    ],
)
def test_root_help_follows_option_and_environment(cli, args, env, expected):
    assert cli(*args, env=env).stdout.startswith(expected)


def test_help_follows_the_config_file(cli):
    assert cli("config", "set", "lang", "nn").exit_code == 0
    out = cli("measures", "list", "--help").stdout
    assert "Bruk: bti measures list [VAL]" in out and "Berre tiltak som passar" in out
    # an option still beats the file
    assert "Only measures open to a child" in cli("measures", "list", "--help", "--lang", "en").stdout


def test_help_changes_language_within_one_process(cli):
    """Command modules are imported once; their help follows each run's language."""
    nb = cli("measures", "list", "--help").stdout
    en = cli("measures", "list", "--help", "--lang", "en").stdout
    nn = cli("--lang", "nn", "measures", "list", "--help").stdout
    assert "Bare tiltak som passer for et barn" in nb
    assert "Only measures open to a child of this age" in en and "Options:" in en and "Usage:" in en
    assert "Berre tiltak som passar for eit barn" in nn and "Val:" in nn
    assert "-a, --age ALDER" in nb and "-a, --age AGE" in en


def test_lang_after_a_group_name_works_too(cli):
    result = cli("measures", "--help", "--lang", "en")
    assert result.exit_code == 0 and "The municipality's measures" in result.stdout


def _command(path: tuple[str, ...]):
    import typer

    from bti_cli.cli.app import app

    group = typer.main.get_command(app)
    ctx = group.make_context("bti", list(path) + ["--help"], resilient_parsing=True)
    command = group
    for name in path:
        command = command.get_command(ctx, name)
        ctx = command.make_context(name, [], parent=ctx, resilient_parsing=True)
    return command, ctx


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("path", LOCALISED, ids=" ".join)
def test_every_command_and_option_has_a_help_text_from_the_locale_files(path, lang):
    i18n.set_language(lang)
    command, ctx = _command(path)
    texts = {"help": command.help}
    for param in [*command.params, command.get_help_option(ctx)]:
        if getattr(param, "hidden", False):
            continue
        texts[param.name] = param.help
    missing = [name for name, text in texts.items() if not text]
    assert not missing, f"no help for {missing}"
    # every text came from a locale file (i18n.h) and is in the language of the run
    foreign = [name for name, text in texts.items() if i18n.localise(text) != text or text not in i18n._help_index]
    assert not foreign, f"not translated: {foreign}"


def _leaf_commands() -> set[tuple[str, ...]]:
    """Every command a user can run, as its path of names (groups are walked)."""
    import typer

    from bti_cli.cli.app import app

    root = typer.main.get_command(app)
    ctx = root.make_context("bti", ["--help"], resilient_parsing=True)
    found: set[tuple[str, ...]] = set()

    def walk(group, ctx, path):
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            if hasattr(command, "list_commands"):
                walk(command, command.make_context(name, [], parent=ctx, resilient_parsing=True), (*path, name))
            else:
                found.add((*path, name))

    walk(root, ctx, ())
    return found


def test_every_command_is_checked_for_its_help_texts():
    leaves = _leaf_commands()
    assert {("start",), ("cases", "show"), ("measures", "list"), ("stats",)} <= leaves
    assert not leaves - set(LOCALISED), sorted(leaves - set(LOCALISED))


def test_group_and_command_help_in_english_has_no_norwegian_and_back(cli):
    for path in [("measures",), ("data",), ("config",), ("coordinators",)]:
        en = cli(*path, "--help", "--lang", "en").stdout
        nb = cli(*path, "--help").stdout
        assert "Usage:" in en and "Bruk:" not in en
        assert "Bruk:" in nb and "Usage:" not in nb and "Show this message" not in nb


# --------------------------------------------------------------------------- parse errors


def test_unknown_option_is_a_translated_two_line_error(cli):
    result = cli("measures", "list", "--serch")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "bti: bti measures list kjenner ikke valget --serch. Mente du --search, --service, --tier?",
        "Se `bti measures list --help`.",
    ]
    # an option close to no real one is not repeated: it may be a name in one word
    assert "--bogus" not in cli("measures", "list", "--bogus").stderr
    english = cli("measures", "list", "--serch", "--lang", "en").stderr
    assert english.startswith("bti: bti measures list has no option --serch. Did you mean --search")


@pytest.mark.parametrize("typed", ["--kari-nordmann", "--15031650094", "--ola=5", "--kari@example.invalid",
                                   "--karinordmann", "--perhansen", "--nordmannkari"])
def test_an_unknown_option_that_is_not_a_typo_of_one_is_not_repeated(cli, typed):
    # a name or a number typed where an option goes: the error says what is wrong without it
    result = cli("measures", "list", typed, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("bti: bti measures list has no such option (it is not repeated here).")
    for part in ("kari", "nordmann", "15031650094", "ola", "example"):
        assert part not in result.stderr.lower()


def test_a_typo_in_a_command_name_suggests_the_command_without_repeating_the_typo(cli):
    result = cli("mesures", "list")
    assert result.exit_code == 2
    assert "Mente du `bti measures`?" in result.stderr and "mesures" not in result.stderr
    result = cli("measures", "lst", "--lang", "en")
    assert "Did you mean `bti measures list`?" in result.stderr and "lst" not in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["measures", "list", "--age", "Kari"], "Ugyldig verdi for --age: skriv et tall fra 0 til 25."),
        (["measures", "list", "--age", "99"], "Ugyldig verdi for --age: skriv et tall fra 0 til 25."),
        (["measures", "list", "--group-by", "Kari"], "Ugyldig verdi for --group-by: velg blant service, tier, area."),
        (["measures", "show"], "bti measures show mangler argumentet ID."),
        (["measures", "list", "--age"], "--age trenger en verdi: skriv --age ALDER."),
        (["config", "set", "role", "lærer", "Kari Nordmann"], "bti config set fikk flere argumenter enn den tar imot."),
        (["--lang", "Kari", "measures", "list"], "Ukjent språk; velg blant nb, nn, en."),
    ],
)
def test_parse_errors_never_repeat_what_the_user_typed(cli, args, expected):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"bti: {expected}"
    assert "Kari" not in result.stderr and "Nordmann" not in result.stderr and "Traceback" not in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr


@pytest.mark.parametrize(
    ("args", "lang", "expected"),
    [
        # the calendar file is --ics's own value (DESIGN.md: `--ics FILE`); there is no --out
        (["--ics"], "nb", "--ics trenger en verdi: skriv --ics FIL."),
        (["--ics"], "en", "--ics needs a value: write --ics FILE."),
        (["--ics"], "nn", "--ics treng ein verdi: skriv --ics FIL."),
        (["--ics", "--out", "frister.ics"], "nb",
         "--ics trenger verdien sin rett etter seg, ikke et annet valg: skriv --ics FIL."),
        (["--ics", "--out", "frister.ics"], "en",
         "--ics needs its value right after it, not another option: write --ics FILE."),
        (["--ics", "--out"], "nb", "--ics trenger verdien sin rett etter seg, ikke et annet valg: skriv --ics FIL."),
        # an option of due itself taken as the file name would write a file called "--overdue"
        (["--ics", "--overdue"], "nb",
         "--ics trenger verdien sin rett etter seg, ikke et annet valg: skriv --ics FIL."),
        (["--ics=--overdue"], "en", "--ics needs its value right after it, not another option: write --ics FILE."),
    ],
)
def test_a_wrong_use_of_due_ics_says_the_form_and_where_help_is(cli, cases_dir, tmp_path, monkeypatch, args,
                                                                lang, expected):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = cli("due", *args, "--lang", lang)
    assert result.exit_code == 2
    first, second = result.stderr.splitlines()[:2]
    assert first == f"bti: {expected}"
    assert second == {"nb": "Se `bti due --help`.", "nn": "Sjå `bti due --help`.", "en": "See `bti due --help`."}[lang]
    assert "frister" not in result.stderr and list(here.iterdir()) == []  # no file written


def test_due_ics_with_its_file_still_writes_the_calendar(cli, cases_dir, tmp_path):
    target = tmp_path / "frister.ics"
    result = cli("due", "--ics", str(target), "--overdue")
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_parse_errors_in_nynorsk_and_english(cli):
    assert "bti: bti measures show manglar argumentet ID." in cli("measures", "show", "--lang", "nn").stderr
    assert "bti: Invalid value for --age: type a number from 0 to 25." in cli(
        "measures", "list", "--age", "x", "--lang", "en"
    ).stderr


def test_a_group_without_a_command_shows_its_help(cli):
    result = cli("measures")
    assert result.exit_code == 2 and "Bruk: bti measures" in result.stderr and "list" in result.stderr


def test_the_order_of_global_options():
    from bti_cli.cli.app import hoist_global_options as hoist

    assert hoist(["measures", "list", "--plain"]) == ["--plain", "measures", "list"]
    assert hoist(["measures", "--lang", "en", "list"]) == ["--lang", "en", "measures", "list"]
    assert hoist(["cases", "list", "--lang=nn", "--no-color"]) == ["--lang=nn", "--no-color", "cases", "list"]
    assert hoist(["scrub", "--", "--plain"]) == ["scrub", "--", "--plain"]
    assert hoist(["measures", "list", "--lang"]) == ["measures", "list", "--lang"]
    assert hoist(["measures", "list"]) == ["measures", "list"]


# --------------------------------------------------------------------------- plain, no colour


def test_plain_after_the_command_gives_linear_text(cli):
    result = cli("arenas", "list", "--data", FIXTURE, "-f", "table", "--plain")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "─" not in out and "│" not in out
    lines = out.splitlines()
    assert lines[0] == "Testby: 1 samarbeidsarena"
    # the name first, then the details, one "label: value" per line; yes/no in words
    assert lines[2].startswith("Navn: ") and "ID: drofteteam" in lines and "Anonymt: ja" in lines


def test_plain_measures_show_translated_tiers(cli):
    out = cli("measures", "list", "--data", FIXTURE, "-f", "table", "--plain", "--lang", "en").stdout
    assert "Tiers: Universal, Selective" in out and "Status: planned" in out


def test_tables_show_labels_and_json_keeps_keys(cli):
    table = cli("measures", "list", "--data", FIXTURE, "-f", "table").stdout
    assert "Universell" in table and "Indikativ" in table and "planlagt" in table
    assert "universal" not in table and "planned" not in table
    rows = json.loads(cli("measures", "list", "--data", FIXTURE, "-f", "json").stdout)
    assert rows[0]["tiers"] == ["universal", "selective"] and rows[1]["status"] == "planned"
    services = cli("services", "list", "--data", FIXTURE, "-f", "table", "--lang", "nn").stdout
    assert "skule" in services and "school" not in services
    coordinators = cli("coordinators", "--data", FIXTURE, "-f", "table", "--lang", "en").stdout
    assert "School" in coordinators


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch):
    """A colour terminal for the Console to decide about colour (stdout is set when printing:
    pytest puts its own capture back between the setup and the call of a test)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _print_red(monkeypatch) -> str:
    from bti_cli.terminal import console

    fake = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", fake)
    console.configure()
    console.out().print("[red]Stopp[/red] [bold]nå[/bold]")
    return fake.getvalue()


def test_colour_on_a_terminal(terminal):
    assert "\x1b[31m" in _print_red(terminal)


@pytest.mark.parametrize("value", ["1", "true", "0"])
def test_no_color_with_any_non_empty_value(terminal, value):
    terminal.setenv("NO_COLOR", value)
    printed = _print_red(terminal)
    assert "Stopp" in printed and "\x1b[31m" not in printed


def test_an_empty_no_color_is_ignored(terminal):
    terminal.setenv("NO_COLOR", "")
    assert "\x1b[31m" in _print_red(terminal)


def test_no_color_option(terminal):
    from bti_cli.terminal import console

    console.configure(no_color=True)  # what --no-color does
    printed = _print_red(terminal)
    assert "\x1b[31m" not in printed and "\x1b[1m" in printed  # bold is not colour


def test_plain_has_no_escape_codes_at_all(terminal):
    terminal.setenv("BTI_PLAIN", "1")
    assert _print_red(terminal).strip() == "Stopp nå"


# --------------------------------------------------------------------------- narrow terminals


@pytest.mark.parametrize("width", [100, 80, 60, 40])
@pytest.mark.parametrize(
    "command",
    [
        ("measures", "list"),
        ("measures", "list", "-g", "tier"),
        ("measures", "show", "sosial-ferdighetstrening"),
        ("services", "list"),
        ("arenas", "list"),
        ("coordinators",),
    ],
    ids=" ".join,
)
def test_no_line_is_wider_than_the_terminal(cli, command, width):
    result = cli(*command, "--data", FIXTURE, "-f", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    wide = [line for line in result.stdout.splitlines() if len(line) > width]
    assert not wide


@pytest.mark.parametrize("width", [100, 80, 60])
@pytest.mark.parametrize(
    "command", [("measures", "list"), ("coordinators",), ("arenas", "list"), ("data", "areas")], ids=" ".join
)
def test_shipped_listings_fit(cli, command, width):
    result = cli(*command, "-f", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= width


@pytest.fixture
def example_cases(cli):
    """Two cases made by the example answers files: (level-1 case id, level-3 case id)."""
    examples = Path(__file__).resolve().parents[2] / "examples" / "answers"
    ids = []
    for name in ("level1.toml", "level3.toml"):
        result = cli("start", "--no-input", "--answers", str(examples / name))
        assert result.exit_code == 0, result.stderr
        ids.append(re.search(r"BTI-\d{4}-[0-9A-Z]{5}", result.stdout).group(0))
    return ids


@pytest.mark.parametrize("width", [100, 80, 60])
def test_walkthrough_and_case_tables_fit(cli, example_cases, width):
    level1, level3 = example_cases
    commands = [
        ("suggest", "--age", "9", "--area", "learning", "--arena", "school"),
        ("suggest", "--level", "3", "--age", "16", "--area", "mental-health"),
        ("data", "process"),
        ("cases", "show", level1),
        ("cases", "show", level3),
        ("cases", "show", level3, "--for", "guardians"),
        ("cases", "verify"),
        ("cases", "list"),
        ("due", "--within", "60"),
        ("stats", "--by", "service"),
    ]
    for command in commands:
        result = cli(*command, "-f", "table", env={"COLUMNS": str(width)})
        assert result.exit_code == 0, (command, result.stderr)
        wide = [line for line in result.stdout.splitlines() if len(line.rstrip()) > width]
        assert not wide, (command, wide)


def test_narrow_case_tables_keep_what_matters(cli, example_cases):
    level1, _ = example_cases
    show = cli("cases", "show", level1, "-f", "table", env={"COLUMNS": "60"})
    # the timeline keeps the question and the answer side by side, the same columns for every step
    headers = [line.split() for line in show.stdout.splitlines() if line.startswith("Spørsmål")]
    assert len(headers) >= 5 and all(h == ["Spørsmål", "Svar"] for h in headers)
    assert "Flere kolonner i en bredere terminal" in show.stderr
    wide = cli("cases", "show", level1, "-f", "table", env={"COLUMNS": "160"})
    assert any(line.split()[:3] == ["#", "Tid", "Spørsmål"] for line in wide.stdout.splitlines())
    # suggestions: an id is never broken; at 60 columns each suggestion is a block headed by its name
    ids = [row["id"] for row in json.loads(cli("suggest", "--age", "9", "-f", "json").stdout)]
    narrow = cli("suggest", "--age", "9", "-f", "table", env={"COLUMNS": "60"}).stdout
    assert all(i in narrow for i in ids)
    # the case list names the baton holder's role, not its id
    listing = cli("cases", "list", "-f", "table", env={"COLUMNS": "100"}).stdout
    assert "Kontaktlærer" in listing and "kontaktlaerer" not in listing


def test_a_narrow_terminal_keeps_ids_whole(cli):
    """At 60 columns the shipped catalogue's ids are never cut, so they can be copied."""
    rows = json.loads(cli("measures", "list", "-f", "json").stdout)
    out = cli("measures", "list", "-f", "table", env={"COLUMNS": "60"}).stdout
    broken = [row["id"] for row in rows if row["id"] not in out]
    assert not broken
    assert max(len(line) for line in out.splitlines()) <= 60


def test_a_narrow_table_says_that_columns_were_left_out(cli):
    result = cli("measures", "list", "--data", FIXTURE, "-f", "table", env={"COLUMNS": "70"})
    header = next(line for line in result.stdout.splitlines() if line.startswith("Navn"))
    assert "Status" not in header and "Navn" in header
    assert "Flere kolonner i en bredere terminal" in result.stderr
    wide = cli("measures", "list", "--data", FIXTURE, "-f", "table", env={"COLUMNS": "160"})
    assert "Status" in wide.stdout and wide.stderr == ""


def test_real_terminal_at_60_columns():
    """A pseudo-terminal of 60 columns: a table by default, nothing wider than the screen."""
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bti_cli", "services", "list"],
        env=env,
        dimensions=(50, 60),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    child.close()
    text = ANSI.sub("", child.before).replace("\r", "")
    assert child.exitstatus == 0, text
    assert "Løten: " in text and "[" not in text.splitlines()[0]  # a table, not JSON
    assert max(len(line) for line in text.splitlines()) <= 60


# --------------------------------------------------------------------------- first run, completion


class FakeStderr(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_first_run_notice_once_on_a_terminal(monkeypatch, cases_dir):
    from bti_cli.cli.common import Runtime, first_run_notice
    from bti_cli.terminal import console

    fake = FakeStderr()
    monkeypatch.setattr(sys, "stderr", fake)
    console.configure()
    rt = Runtime(cases_dir=cases_dir)
    assert not cases_dir.exists()
    assert first_run_notice(rt) is True
    lines = [line for line in fake.getvalue().splitlines() if line.strip()]
    assert len(lines) >= 3 and str(cases_dir) in fake.getvalue().replace("\n", "")
    assert "bti --help" in fake.getvalue()
    assert cases_dir.is_dir() and (cases_dir.stat().st_mode & 0o777) == 0o700
    assert first_run_notice(rt) is False  # once


def test_first_run_notice_in_english(monkeypatch, cases_dir):
    from bti_cli.cli.common import Runtime, first_run_notice
    from bti_cli.terminal import console

    fake = FakeStderr()
    monkeypatch.setattr(sys, "stderr", fake)
    console.configure()
    i18n.set_language("en")
    first_run_notice(Runtime(cases_dir=cases_dir))
    text = fake.getvalue()
    assert text.startswith("Welcome to bti. Cases are stored pseudonymised in")
    # three sentences-lines, wrapped to the terminal's width (100 here)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "do not type names, identity numbers or contact details" in " ".join(text.split())


def test_no_first_run_notice_when_stderr_is_not_a_terminal(monkeypatch, cases_dir):
    from bti_cli.cli.common import Runtime, first_run_notice
    from bti_cli.terminal import console

    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    console.configure()
    assert first_run_notice(Runtime(cases_dir=cases_dir)) is False
    assert pipe.getvalue() == "" and not cases_dir.exists()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("bti mea", ["measures"]),
        ("bti measures l", ["list"]),
        ("bti measures list --tier s", ["selective"]),
        ("bti measures list --area mental", ["mental-health"]),
        ("bti -m elv", ["elverum"]),
        ("bti measures list --lang n", ["nb", "nn"]),
    ],
)
def test_shell_completion(cli, words, expected):
    env = {"_BTI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    result = cli(env=env)
    assert result.stdout.split() == expected


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script(monkeypatch, cli, shell):
    # the shell is named instead of detected from the parent process (typer's switch for tests)
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = cli("--show-completion", shell)
    assert result.exit_code == 0 and f"complete_{shell}" in result.stdout


def test_a_wrong_language_in_the_environment_is_reported_unless_an_option_overrides_it(cli):
    result = cli("measures", "list", "--data", FIXTURE, "-f", "json", env={"BTI_LANG": "xx"})
    assert result.exit_code == 2 and "nb, nn, en" in result.stderr and "xx" not in result.stderr
    result = cli("measures", "list", "--data", FIXTURE, "-f", "json", "--lang", "en", env={"BTI_LANG": "xx"})
    assert result.exit_code == 0, result.stderr
