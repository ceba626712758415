"""Options shared by every command, and the runtime settings they resolve to.

The common options are accepted both before the command name (`bti -m elverum measures list`)
and after it (`bti measures list -m elverum`). Environment variables are read by the root
options only, so an explicit option after the command always wins over the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

FORMAT_HELP = "Output format: table, json, jsonl or csv (default: table on a terminal, json in a pipe)."

Municipality = Annotated[
    str | None,
    typer.Option(
        "--municipality",
        "-m",
        help="Municipality slug, e.g. loten [env BTI_MUNICIPALITY; default loten].",
        show_default=False,
    ),
]
DataFile = Annotated[
    Path | None,
    typer.Option("--data", help="A municipality data file outside the package [env BTI_DATA].", show_default=False),
]
CasesDir = Annotated[
    Path | None,
    typer.Option(
        "--cases-dir",
        help="Folder of case files [env BTI_CASES_DIR; default: user data dir/cases].",
        show_default=False,
    ),
]
Lang = Annotated[
    str | None,
    typer.Option("--lang", help="Language: nb, nn or en [env BTI_LANG; default nb].", show_default=False),
]
NoInput = Annotated[
    bool,
    typer.Option("--no-input", help="Never prompt; fail with a clear message instead."),
]
Format = Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False)]


@dataclass
class Runtime:
    municipality: str | None = None
    data: Path | None = None
    cases_dir: Path | None = None
    lang: str | None = None
    no_input: bool = False
    arena: str | None = None
    role: str | None = None

    def catalogue(self):
        """The loaded catalogue (cached per run)."""
        from bti_cli import catalogue

        key = (self.municipality, str(self.data))
        cache = _catalogue_cache
        if key not in cache:
            cache[key] = catalogue.load(self.municipality, self.data)
        return cache[key]

    def plain(self):
        """The validated catalogue as plain data, from the cache when unchanged (fast)."""
        from bti_cli import catalogue

        key = ("plain", self.municipality, str(self.data))
        if key not in _catalogue_cache:
            _catalogue_cache[key] = catalogue.load_plain(self.municipality, self.data)
        return _catalogue_cache[key]

    def require_cases_dir(self) -> Path:
        from bti_cli.config import default_cases_dir

        return Path(self.cases_dir) if self.cases_dir else default_cases_dir()


_catalogue_cache: dict = {}


def root_runtime(ctx: typer.Context) -> Runtime:
    root = ctx.find_root()
    if not isinstance(root.obj, Runtime):
        root.obj = Runtime()
    return root.obj


def runtime(
    ctx: typer.Context,
    *,
    municipality: str | None = None,
    data: Path | None = None,
    cases_dir: Path | None = None,
    lang: str | None = None,
    no_input: bool = False,
) -> Runtime:
    """Merge a command's own options over the root's (which already hold env and config)."""
    from bti_cli.i18n import set_language

    base = root_runtime(ctx)
    if municipality is not None:
        base.municipality = municipality
        base.data = None if data is None else base.data
    if data is not None:
        base.data = data
    if cases_dir is not None:
        base.cases_dir = cases_dir
    if lang is not None:
        base.lang = lang
        set_language(lang)
    if no_input:
        base.no_input = True
    return base


def init_root(
    ctx: typer.Context,
    municipality: str | None,
    data: Path | None,
    cases_dir: Path | None,
    lang: str | None,
    no_input: bool,
) -> Runtime:
    """Resolve root options: option > environment > config file > default."""
    from bti_cli.config import read_config
    from bti_cli.i18n import set_language

    env = os.environ
    config = read_config()
    rt = root_runtime(ctx)
    rt.municipality = municipality or env.get("BTI_MUNICIPALITY") or config.get("municipality")
    # an explicit -m beats a BTI_DATA file from the environment
    data_value = data or (None if municipality else env.get("BTI_DATA"))
    rt.data = Path(data_value) if data_value else None
    cases_value = cases_dir or env.get("BTI_CASES_DIR") or config.get("cases_dir")
    rt.cases_dir = Path(cases_value).expanduser() if cases_value else None
    rt.lang = lang or env.get("BTI_LANG") or config.get("lang") or "nb"
    rt.no_input = no_input or env.get("BTI_NO_INPUT", "") not in ("", "0")
    rt.arena = config.get("arena")
    rt.role = config.get("role")
    set_language(rt.lang)
    return rt
