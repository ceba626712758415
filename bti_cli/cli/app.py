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


class BtiGroup(TyperGroup):
    """Turns BtiError and unexpected failures into short messages and exit codes."""

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
    from bti_cli.cli import cases, cases_flow, cases_index, cases_log, catalogue, data  # noqa: F401

    app.add_typer(cases.cases_app, name="cases")
    app.add_typer(catalogue.measures_app, name="measures")
    app.add_typer(catalogue.services_app, name="services")
    app.add_typer(catalogue.arenas_app, name="arenas")
    app.command("coordinators")(catalogue.coordinators)
    app.add_typer(data.data_app, name="data")


_register()


def main(argv: list[str] | None = None) -> None:
    app(args=argv, prog_name="bti")


__all__ = ["app", "main", "Path"]
