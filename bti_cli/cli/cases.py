"""`bti cases`: the group; its commands live in cases_log (show, verify, checkpoint), cases_flow
(evaluate, handover, accept, close) and cases_index (list, reindex)."""

from __future__ import annotations

import typer

from bti_cli.i18n import h

cases_app = typer.Typer(help=h("cli.cmd_cases"), no_args_is_help=True)


def _register() -> None:
    """Import the modules whose commands decorate `cases_app` (the group is loaded lazily)."""
    import importlib

    for name in ("cases_log", "cases_flow", "cases_index"):
        importlib.import_module(f"bti_cli.cli.{name}")


_register()
