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
    """Print where the config file is (env BTI_CONFIG overrides it)."""
    from bti_cli.paths import config_path

    typer.echo(str(config_path()))


@config_app.command("show", help=h("config.help_show"))
def show(ctx: typer.Context, fmt: common.Format = None, lang: common.Lang = None) -> None:
    """Show each setting, its value and where the value comes from."""
    from bti_cli.config import CONFIG_KEYS, read_config
    from bti_cli.paths import default_cases_dir

    rt = common.runtime(ctx, lang=lang)
    fmt = resolve_format(fmt)
    stored = read_config()
    effective = {
        "municipality": rt.municipality or "loten",
        "lang": rt.lang,
        "cases_dir": str(rt.require_cases_dir()),
        "arena": rt.arena,
        "role": rt.role,
    }
    defaults = {"municipality": "loten", "lang": "nb", "cases_dir": str(default_cases_dir())}
    rows = []
    for key in CONFIG_KEYS:
        value = effective[key]
        if key in stored and str(stored[key]) == str(value):
            source = "config"
        elif value is None or (key in defaults and str(value) == defaults[key] and key not in stored):
            source = "default"
        else:
            source = "option"
        rows.append({"key": key, "value": value, "source": source, "stored": stored.get(key)})
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
    from bti_cli.config import config_path, write_setting
    from bti_cli.privacy.guard import shown_path

    common.runtime(ctx, lang=lang)
    write_setting(key, None)
    typer.echo(t("config.removed", key=key, path=shown_path(config_path())))
