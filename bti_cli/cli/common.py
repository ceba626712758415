"""Options shared by every command, and the runtime settings they resolve to.

The common options are accepted both before the command name (`bti -m elverum measures list`)
and after it (`bti measures list -m elverum`). Environment variables are read by the root
options only, so an explicit option after the command always wins over the environment.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

from bti_cli.i18n import h


def complete_municipality(incomplete: str) -> list[str]:
    """Shell completion: the shipped municipalities."""
    from bti_cli.catalogue.loader import shipped_municipalities

    return [slug for slug in shipped_municipalities() if slug.startswith(incomplete)]


def complete_area(incomplete: str) -> list[str]:
    """Shell completion: the concern-area keys of areas.toml."""
    from bti_cli.catalogue.loader import vocabulary_data

    return [key for key in vocabulary_data()["areas"] if key.startswith(incomplete)]


def complete_work_arena(incomplete: str) -> list[str]:
    """Shell completion: the work-arena keys of areas.toml."""
    from bti_cli.catalogue.loader import vocabulary_data

    return [key for key in vocabulary_data()["work_arenas"] if key.startswith(incomplete)]


def complete_lang(incomplete: str) -> list[str]:
    from bti_cli.i18n import LANGUAGES

    return [lang for lang in LANGUAGES if lang.startswith(incomplete)]


def complete_format(incomplete: str) -> list[str]:
    from bti_cli.terminal.render import FORMATS

    return [fmt for fmt in FORMATS if fmt.startswith(incomplete)]


def completer(*choices: str):
    """Shell completion from a fixed list of keys (tiers, statuses)."""

    def complete(incomplete: str) -> list[str]:
        return [choice for choice in choices if choice.startswith(incomplete)]

    return complete


# `bti stats` and `bti report --min-count`: counts below it are hidden (default 5, 0 hides
# nothing). A threshold above 100 hides every figure of a municipality's year, so nothing
# sensible is meant by it; an 11-digit number is an identity number typed in the wrong place,
# and the figures' JSON repeats the threshold
MIN_COUNT_MAX = 100


def check_choice(option: str, values: Iterable[str] | None, allowed: Sequence[str]) -> None:
    """UsageError for the first of `values` that is not one of `allowed`, listing the choices.
    The value is repeated only when `guard.shown_choice` lets it (a typo of a key, "scool"); a
    value that may be a name or a date ("nordmann", "15.03.2016") is not: "--area: ukjent verdi."
    The one check of every option that takes one of a list."""
    for value in values or ():
        if value in allowed:
            continue
        from bti_cli.errors import UsageError
        from bti_cli.i18n import t
        from bti_cli.privacy.guard import shown_choice  # only on the error path (start-up time)

        shown = shown_choice(value)
        message = (t("catalogue.unknown_value", option=option, value=shown) if shown is not None
                   else t("catalogue.unknown_value_unshown", option=option))
        raise UsageError(message, hint=t("catalogue.choose_from", choices=", ".join(allowed)))


Municipality = Annotated[
    str | None,
    typer.Option(
        "--municipality",
        "-m",
        help=h("cli.opt_municipality"),
        metavar=h("cli.mv_municipality"),
        show_default=False,
        autocompletion=complete_municipality,
    ),
]
DataFile = Annotated[
    Path | None,
    typer.Option("--data", help=h("cli.opt_data"), metavar=h("cli.mv_file"), show_default=False),
]
CasesDir = Annotated[
    Path | None,
    typer.Option("--cases-dir", help=h("cli.opt_cases_dir"), metavar=h("cli.mv_folder"), show_default=False),
]
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang", help=h("cli.opt_lang"), metavar=h("cli.mv_lang"), show_default=False, autocompletion=complete_lang
    ),
]
NoInput = Annotated[
    bool,
    typer.Option("--no-input", help=h("cli.opt_no_input")),
]
Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help=h("cli.opt_format"),
        metavar=h("cli.mv_format"),
        show_default=False,
        autocompletion=complete_format,
    ),
]


@dataclass
class Runtime:
    municipality: str | None = None
    data: Path | None = None
    cases_dir: Path | None = None
    lang: str | None = None
    no_input: bool = False
    arena: str | None = None
    role: str | None = None
    given: set[str] = field(default_factory=set)  # the settings given as options (`bti config show`'s source)

    def catalogue(self):
        """The loaded catalogue (cached per run)."""
        from bti_cli.catalogue import loader as catalogue

        return catalogue.load_once(self.municipality, self.data)

    def plain(self):
        """The validated catalogue as plain data, from the cache when unchanged (fast)."""
        from bti_cli.catalogue import loader as catalogue

        key = ("plain", self.municipality, str(self.data))
        if key not in _catalogue_cache:
            _catalogue_cache[key] = catalogue.load_plain(self.municipality, self.data)
        return _catalogue_cache[key]

    def require_cases_dir(self) -> Path:
        from bti_cli.paths import default_cases_dir

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
    base.given.update(name for name, value in (("municipality", municipality), ("data", data),
                                               ("cases_dir", cases_dir), ("lang", lang)) if value is not None)
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
    *,
    lenient: bool = False,
) -> Runtime:
    """Resolve root options: option > environment > config file > default. `lenient`: the
    `bti config` commands, which must work on a config file with errors (so that it can be mended
    with bti): unknown keys and unusable values are left out, not an error."""
    from bti_cli.config import read_config, setting_problem
    from bti_cli.errors import DataError
    from bti_cli.i18n import LANGUAGES, get_language, set_language

    env = os.environ
    if lenient:
        try:
            config = read_config(strict=False)
        except DataError:  # not TOML: `bti config show` says so
            config = {}
        # a cases folder named after a person is still the folder in use (its name is never shown)
        config = {key: value for key, value in config.items()
                  if key == "cases_dir" or setting_problem(key, value) is None}
    else:
        config = read_config()
    rt = root_runtime(ctx)
    rt.given = {name for name, value in (("municipality", municipality), ("data", data), ("cases_dir", cases_dir),
                                         ("lang", lang)) if value}
    rt.municipality = municipality or env.get("BTI_MUNICIPALITY") or config.get("municipality")
    # an explicit -m beats a BTI_DATA file from the environment
    data_value = data or (None if municipality else env.get("BTI_DATA"))
    rt.data = Path(data_value) if data_value else None
    cases_value = cases_dir or env.get("BTI_CASES_DIR") or config.get("cases_dir")
    rt.cases_dir = Path(cases_value).expanduser() if cases_value else None
    given_path = cases_dir or env.get("BTI_CASES_DIR")
    if given_path and not lenient:
        # the same rule as a cases_dir in the config file: a folder named after a person is used,
        # its path is never shown, and the user is told (once per run, on stderr)
        problem = setting_problem("cases_dir", str(given_path))
        if problem:
            from bti_cli.terminal.console import err

            where = "--cases-dir" if cases_dir else "BTI_CASES_DIR"
            err().print(f"bti: {where}: {problem}", markup=False, highlight=False)
    # without a root --lang, keep the language the run started with (`i18n.early_language`):
    # it also saw a --lang given after the command name, whose help may be printed next
    rt.lang = lang or get_language()
    configured = env.get("BTI_LANG") or config.get("lang")
    if not lang and configured and configured not in LANGUAGES:
        set_language(str(configured))  # a translated usage error: BTI_LANG or the file is wrong
    rt.no_input = no_input or env.get("BTI_NO_INPUT", "") not in ("", "0")
    rt.arena = config.get("arena")
    rt.role = config.get("role")
    set_language(rt.lang)
    return rt


def first_run_notice(rt: Runtime) -> bool:
    """Three lines on stderr the first time bti touches a cases dir: where cases are stored,
    what never to type, and where to get help. Returns True when shown.

    Shown only when stderr is a terminal and the cases dir does not exist yet; the dir is then
    created (mode 0700, like the case log does), so the notice is shown once per cases dir.
    Call it from commands that create or read cases (`bti start`) before the first prompt.
    """
    import contextlib
    import sys

    from bti_cli.i18n import t

    cases_dir = rt.require_cases_dir()
    if cases_dir.exists() or not sys.stderr.isatty():
        return False
    from bti_cli.privacy.guard import shown_path
    from bti_cli.terminal.console import err

    shown = shown_path(cases_dir)
    err().print(t("config.first_run", cases_dir=shown), markup=False, highlight=False, soft_wrap=False)
    err().print("", markup=False)
    # a folder that cannot be made is reported by the command that needs it, in its own words
    with contextlib.suppress(OSError):
        cases_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return True


def complete_case(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of case ids: the case files in the cases folder (--cases-dir, then
    BTI_CASES_DIR, the config file, the default), newest first; no index, no catalogue."""
    from bti_cli.config import read_config
    from bti_cli.paths import default_cases_dir

    given = None
    node: Any = ctx
    while node is not None and given is None:
        given = (node.params or {}).get("cases_dir")
        node = node.parent
    try:
        value = given or os.environ.get("BTI_CASES_DIR") or read_config().get("cases_dir")
    except Exception:  # noqa: BLE001 - completion never fails loudly
        value = os.environ.get("BTI_CASES_DIR")
    folder = Path(value).expanduser() if value else default_cases_dir()
    prefix = incomplete.strip().upper()
    try:
        files = sorted(folder.glob("BTI-*.toml"), key=lambda p: p.stat().st_mtime, reverse=True)
        names = [p.stem for p in files]
    except OSError:
        return []
    return [name for name in names if name.startswith(prefix)]
