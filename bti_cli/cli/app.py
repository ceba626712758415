"""The root Typer app: global options, command groups, and errors → exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from bti_cli import __version__
from bti_cli.cli import common
from bti_cli.errors import BtiError, ExitCode


def report_error(error: BtiError) -> None:
    """One or two plain lines on stderr (plus the problem list of a data error)."""
    from bti_cli.console import err
    from bti_cli.errors import DataError

    console = err()
    console.print(f"bti: {error.message}", markup=False, highlight=False, soft_wrap=True)
    if isinstance(error, DataError):
        for problem in error.problems:
            console.print(f"  {problem}", markup=False, highlight=False, soft_wrap=True)
    if error.hint:
        console.print(error.hint, markup=False, highlight=False, soft_wrap=True)


# Commands are imported and built only when used, so `bti --help` and a single listing stay
# fast. name -> (module:attribute, task section, short help). The attribute is a Typer app
# (a command group) or a plain function (a single command).
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "start": ("bti_cli.cli.walk:start", "walk", "Start a guided walkthrough of a new concern (level 0)."),
    "resume": ("bti_cli.cli.walk:resume", "walk", "Continue an unfinished walkthrough where it stopped."),
    "suggest": ("bti_cli.cli.suggest:suggest", "walk", "Ranked measures, arenas and baton holders without a case."),
    "cases": ("bti_cli.cli.cases:cases_app", "cases", "Open and closed cases: list, show, evaluate, hand over, close."),
    "due": ("bti_cli.cli.export:due", "cases", "Decisions and evaluations that are due or overdue."),
    "measures": ("bti_cli.cli.catalogue:measures_app", "catalogue", "The municipality's measures (tiltak)."),
    "services": ("bti_cli.cli.catalogue:services_app", "catalogue", "The municipality's services."),
    "arenas": ("bti_cli.cli.catalogue:arenas_app", "catalogue", "Collaboration arenas where cases are discussed."),
    "coordinators": ("bti_cli.cli.catalogue:coordinators", "catalogue", "Baton holders by level and arena."),
    "export": ("bti_cli.cli.export:export", "figures", "Anonymised case summaries for scripts (json, jsonl, csv)."),
    "stats": ("bti_cli.cli.export:stats", "figures", "Yearly figures for the preventive plan, small counts hidden."),
    "scrub": ("bti_cli.cli.scrub:scrub", "tools", "Remove personal data from text (file or stdin)."),
    "data": ("bti_cli.cli.data:data_app", "tools", "Check and describe data files."),
    "config": ("bti_cli.cli.config:config_app", "tools", "Your defaults: municipality, language, cases folder, role."),
}
SECTIONS = {
    "walk": "Walkthrough",
    "cases": "Cases and deadlines",
    "catalogue": "The municipality's catalogue",
    "figures": "Export and figures",
    "tools": "Data and tools",
}


def _load_command(name: str):
    import importlib

    from typer.main import get_command, get_group

    target, _, _ = LAZY_COMMANDS[name]
    module_name, _, attribute = target.partition(":")
    obj = getattr(importlib.import_module(module_name), attribute)
    if isinstance(obj, typer.Typer):
        if obj.info.name is None:
            obj.info.name = name
        command = get_group(obj)  # a group even when it holds a single command ("services list")
    else:
        single = typer.Typer()
        single.command(name)(obj)
        command = get_command(single)
    command.name = name
    return command


class BtiGroup(TyperGroup):
    """Loads commands lazily, groups help by task, and turns errors into exit codes."""

    def list_commands(self, ctx):
        names = list(LAZY_COMMANDS)
        return names + [n for n in super().list_commands(ctx) if n not in LAZY_COMMANDS]

    def get_command(self, ctx, cmd_name):
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in LAZY_COMMANDS:
            command = _load_command(cmd_name)
            self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx, formatter):
        sections: dict[str, list[tuple[str, str]]] = {}
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS:
                _, section, short = LAZY_COMMANDS[name]
            else:
                command = super().get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                section, short = "tools", command.get_short_help_str(80)
            sections.setdefault(section, []).append((name, short))
        for key, rows in sections.items():
            with formatter.section(SECTIONS.get(key, key)):
                formatter.write_dl(rows)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BtiError as error:
            if os.environ.get("BTI_DEBUG") == "1":
                raise
            report_error(error)
            raise typer.Exit(int(error.exit_code)) from None
        except KeyboardInterrupt:
            from bti_cli.console import err

            err().print("bti: interrupted.", markup=False)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            # the reader went away (`bti … | head`): stop quietly
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            raise typer.Exit(int(ExitCode.INPUT)) from None
        except OSError as error:
            if os.environ.get("BTI_DEBUG") == "1":
                raise
            from bti_cli.console import err

            where = f" ({error.filename})" if error.filename else ""
            err().print(f"bti: {error.strerror or type(error).__name__}{where}", markup=False)
            raise typer.Exit(int(ExitCode.INPUT)) from None
        except Exception as error:  # noqa: BLE001 - the last line of defence
            if os.environ.get("BTI_DEBUG") == "1" or _is_click_error(error):
                raise
            from bti_cli.console import err

            # never echo str(error): it might quote user input
            err().print(
                f"bti: internal error ({type(error).__name__}). Run with BTI_DEBUG=1 for details.",
                markup=False,
            )
            raise typer.Exit(int(ExitCode.INPUT)) from None


def _is_click_error(error: Exception) -> bool:
    return type(error).__module__.startswith("typer")


app = typer.Typer(
    cls=BtiGroup,
    name="bti",
    help=(
        "BTI (Bedre tverrfaglig innsats): a guided walkthrough of a concern for a child, "
        "the municipality's measures, and an anonymised case log."
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bti {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
    no_input: common.NoInput = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours [env NO_COLOR].")] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="Plain linear text for screen readers: no boxes, no colour.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    from bti_cli.console import configure

    configure(no_color=no_color or None, plain=plain or None)
    common.init_root(ctx, municipality, data, cases_dir, lang, no_input)


def _register() -> None:
    """Eagerly registered commands (most are lazy: see LAZY_COMMANDS)."""


_register()


def main(argv: list[str] | None = None) -> None:
    app(args=argv, prog_name="bti")


__all__ = ["app", "main", "Path"]
