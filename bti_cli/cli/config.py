"""`bti config show|set|unset|path`: the user's defaults (municipality, language, cases dir,
arena, role), so `bti start` does not ask for them every time."""

from __future__ import annotations

from typing import Annotated

import typer

from bti_cli.cli import common
from bti_cli.i18n import h, t
from bti_cli.terminal.render import Column, render, resolve_format

config_app = typer.Typer(help=h("cli.cmd_config"), no_args_is_help=True)


@config_app.command("path", help=h("config.help_path"))
def path() -> None:
    """Print where the config file is (env BTI_CONFIG overrides it), shown as every message
    shows a path: a part named after a person scrubbed (`ola@example.no.toml` → `[E-POST].toml`)."""
    from bti_cli.paths import config_path
    from bti_cli.privacy.guard import shown_path

    typer.echo(shown_path(config_path()))


# the environment variable of each setting that has one (read by the root options)
ENV_VARS = {"municipality": "BTI_MUNICIPALITY", "lang": "BTI_LANG", "cases_dir": "BTI_CASES_DIR"}


def _source(rt: common.Runtime, key: str, stored: dict, value) -> str:
    """Where the value in force comes from: a command-line option (before or after the command
    name), the environment, the config file or the default (the precedence of `common.init_root`)."""
    import os

    if key in rt.given:
        return "option"
    if key in ENV_VARS and os.environ.get(ENV_VARS[key]):
        return "env"
    if key in stored and value is not None and str(stored[key]) == str(value):
        return "config"
    return "default"


def _shown(key: str, value) -> str | None:
    """A value as `config show` prints it: scrubbed (a path part by part), control characters
    escaped; a hand-edited file or the environment may hold anything."""
    from bti_cli.privacy.guard import escape_controls, shown_path
    from bti_cli.privacy.scrubber import scrub

    if value is None:
        return None
    text = str(value)
    return shown_path(text) if key == "cases_dir" else scrub(escape_controls(text)).text


@config_app.command("show", help=h("config.help_show"))
def show(ctx: typer.Context, fmt: common.Format = None, lang: common.Lang = None) -> None:
    """Show each setting, its value and where the value comes from. Works on a config file with
    errors (they are listed on stderr, the file's path scrubbed, no value repeated)."""
    from bti_cli.config import CONFIG_KEYS, read_raw, setting_line, setting_problem
    from bti_cli.errors import DataError
    from bti_cli.paths import config_path
    from bti_cli.privacy.guard import shown_path
    from bti_cli.terminal.console import err

    rt = common.runtime(ctx, lang=lang)
    fmt = resolve_format(fmt)
    municipality: str | None = rt.municipality or "loten"
    if rt.municipality is not None and rt.data is None:
        from bti_cli.catalogue.loader import check_municipality
        from bti_cli.errors import InputError

        try:
            check_municipality(rt.municipality)
        except InputError as exc:
            # -m that names no shipped municipality: the error of every other command; from
            # BTI_MUNICIPALITY it is said and the rest shown, so the environment can be mended
            # (a value in the file is a problem listed below). The value is never repeated: a
            # surname in lower case ("nordmann") passes the scrubber
            if "municipality" in rt.given:
                raise
            err().print(f"bti: BTI_MUNICIPALITY: {exc.message}", markup=False, highlight=False)
            municipality = None
    try:
        raw, problems = read_raw()
    except DataError as exc:  # not TOML: said, and the settings in force shown without it
        raw, problems = {}, [exc.message, *exc.problems]
    stored = {key: value for key, value in raw.items() if key in CONFIG_KEYS}
    path = shown_path(config_path())
    for key, value in stored.items():
        problem = setting_problem(key, value)
        if problem is not None:
            problems.append(f"{path}:{setting_line(key)} {key}: {problem}")
    effective = {
        "municipality": municipality,
        "lang": rt.lang,
        "cases_dir": str(rt.require_cases_dir()),
        "arena": rt.arena,
        "role": rt.role,
    }
    rows = []
    for key in CONFIG_KEYS:
        value = effective[key]
        source = _source(rt, key, stored, value)
        rows.append({"key": key, "value": _shown(key, value), "source": source,
                     "stored": _shown(key, stored.get(key))})
    if problems:
        err().print(t("config.show_problems", path=path), markup=False, highlight=False)
        for line in problems:
            err().print(f"  {line}", markup=False, highlight=False)
    if fmt in ("table", "md"):
        for row in rows:
            row["source"] = t(f"config.from_{row['source']}")
    columns = [
        Column("key", t("config.col_key"), no_wrap=True),
        Column("value", t("config.col_value"), min_width=30, primary=True),
        Column("source", t("config.col_from"), drop_order=1),
    ]
    render(rows, columns, fmt)


@config_app.command("set", help=h("config.help_set"))
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=h("config.arg_key"), metavar=h("cli.mv_key"))],
    value: Annotated[str, typer.Argument(help=h("config.arg_value"), metavar=h("cli.mv_value"))],
    lang: common.Lang = None,
) -> None:
    """Store a default in the config file (checked before it is saved)."""
    from bti_cli.config import config_path, write_setting
    from bti_cli.privacy.guard import shown_path

    common.runtime(ctx, lang=lang)
    stored = write_setting(key, value)
    typer.echo(t("config.saved", key=key, value=stored, path=shown_path(config_path())))


@config_app.command("unset", help=h("config.help_unset"))
def unset(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=h("config.arg_unset_key"), metavar=h("cli.mv_key"))],
    lang: common.Lang = None,
) -> None:
    """Remove a default from the config file."""
    from bti_cli.config import CONFIG_KEYS, config_path, write_setting
    from bti_cli.privacy.guard import shown_path

    common.runtime(ctx, lang=lang)
    write_setting(key, None)
    if key in CONFIG_KEYS:
        typer.echo(t("config.removed", key=key, path=shown_path(config_path())))
    else:  # an unknown key is free text ("kari_nordmann"): never repeated
        typer.echo(t("config.removed_unknown", path=shown_path(config_path())))
