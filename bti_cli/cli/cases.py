"""`bti cases`: the group; its commands live in cases_log (show, verify), cases_flow
(evaluate, handover, accept, close) and cases_index (list, reindex)."""

from __future__ import annotations

import typer

cases_app = typer.Typer(help="Open and closed cases: list, show, evaluate, hand over, close, verify.",
                        no_args_is_help=True)
