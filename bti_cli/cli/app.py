"""The root Typer app: global options, command groups, and errors → exit codes.

Help and parse errors are in the language of the run. The language is settled before any
command module is imported (`i18n.early_language`, in `BtiGroup.main`); help texts made with
`i18n.h` are put into that language again when a command is built (`localise_command`), and
click's own words (usage, headings, the help option, parse errors) are translated by the help
formatter and by `show_click_error`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path
from typing import Annotated, cast

import typer
from typer import _click as click
from typer._click import exceptions as click_exc
from typer._click import types as click_types
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from bti_cli import __version__
from bti_cli.cli import common
from bti_cli.errors import BtiError, ExitCode
from bti_cli.i18n import alias, early_language, h, localise, set_language, t


def report_error(error: BtiError) -> None:
    """One or two plain lines on stderr (plus the problem list of a data error)."""
    from bti_cli.errors import DataError
    from bti_cli.terminal.console import err

    console = err()
    console.print(f"bti: {error.message}", markup=False, highlight=False)
    if isinstance(error, DataError):
        for problem in error.problems:
            console.print(f"  {problem}", markup=False, highlight=False)
    if error.hint:
        console.print(error.hint, markup=False, highlight=False)


# Commands are imported and built only when used, so `bti --help` and a single listing stay
# fast. name -> (module:attribute, task section, key of the short help in locales/cli.toml).
# The attribute is a Typer app (a command group) or a plain function (a single command).
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "start": ("bti_cli.cli.walk:start", "walk", "cli.cmd_start"),
    "resume": ("bti_cli.cli.walk:resume", "walk", "cli.cmd_resume"),
    "suggest": ("bti_cli.cli.suggest:suggest", "walk", "cli.cmd_suggest"),
    "cases": ("bti_cli.cli.cases:cases_app", "cases", "cli.cmd_cases"),
    "due": ("bti_cli.cli.export:due", "cases", "cli.cmd_due"),
    "measures": ("bti_cli.cli.catalogue:measures_app", "catalogue", "cli.cmd_measures"),
    "services": ("bti_cli.cli.catalogue:services_app", "catalogue", "cli.cmd_services"),
    "arenas": ("bti_cli.cli.catalogue:arenas_app", "catalogue", "cli.cmd_arenas"),
    "coordinators": ("bti_cli.cli.catalogue:coordinators", "catalogue", "cli.cmd_coordinators"),
    "export": ("bti_cli.cli.export:export", "figures", "cli.cmd_export"),
    "stats": ("bti_cli.cli.export:stats", "figures", "cli.cmd_stats"),
    "report": ("bti_cli.cli.report:report", "figures", "cli.cmd_report"),
    "scrub": ("bti_cli.cli.scrub:scrub", "tools", "cli.cmd_scrub"),
    "data": ("bti_cli.cli.data:data_app", "tools", "cli.cmd_data"),
    "config": ("bti_cli.cli.config:config_app", "tools", "cli.cmd_config"),
}
# task section -> key of its title in locales/cli.toml
SECTIONS = {
    "walk": "cli.section_walk",
    "cases": "cli.section_cases",
    "catalogue": "cli.section_catalogue",
    "figures": "cli.section_figures",
    "tools": "cli.section_tools",
}

# typer's and click's own English help texts, translated by `localise`
alias("cli.help_option", "Show this message and exit.")
alias("cli.opt_install_completion", "Install completion for the current shell.")
alias(
    "cli.opt_show_completion", "Show completion for the current shell, to copy it or customize the installation."
)
_HEADINGS = {"Options": "cli.heading_options", "Arguments": "cli.heading_arguments", "Commands": "cli.heading_commands"}


# --------------------------------------------------------------------------- help in the run's language


class BtiHelpFormatter(click.HelpFormatter):
    """click's help formatter with click's own words in the language of the run."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=f"{t('cli.usage')} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        key = _HEADINGS.get(heading)
        super().write_heading(t(key) if key else heading)

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        # on a narrow terminal a long option name gets its own line, so its help keeps room
        col_max = min(col_max, max(16, self.width // 3))
        super().write_dl([(term, _help_cell(text)) for term, text in rows], col_max, col_spacing)


def _help_cell(text: str) -> str:
    """An option's help with typer's trailing `  [default: x; required; env var: X]` translated."""
    text = localise(text) or ""
    head, sep, extra = text.rpartition("  [")
    if not sep or not extra.endswith("]"):
        return text
    parts = []
    for part in extra[:-1].split("; "):
        if part.startswith("default: "):
            part = t("cli.help_default", value=part[len("default: ") :])
        elif part.startswith("env var: "):
            part = t("cli.help_envvar", var=part[len("env var: ") :])
        elif part == "required":
            part = t("cli.help_required")
        parts.append(part)
    return f"{localise(head)}{sep}{'; '.join(parts)}]"


class BtiContext(click.Context):
    formatter_class = BtiHelpFormatter


def localise_command(command: click.Command) -> None:
    """Put a built command's help, its options' help and metavars into the current language."""
    command.help = localise(command.help)
    command.short_help = localise(command.short_help)
    command.epilog = localise(command.epilog)
    command.options_metavar = t("cli.metavar_options")
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = t("cli.metavar_command")
    for param in command.params:
        if isinstance(param, TyperOption | TyperArgument):
            param.help = localise(param.help)
        if param.metavar:
            param.metavar = localise(param.metavar)


class _Localised:
    """Plain (not rich) help in the run's language, for every command bti builds."""

    context_class: type[click.Context] = BtiContext

    def __init__(self, *args, **kwargs) -> None:
        # rich help panels would read `[env X]` as markup, need rich at import and box the
        # text; click's plain help reads well in any width, with a screen reader, and is
        # translated by BtiHelpFormatter
        kwargs["rich_markup_mode"] = None
        super().__init__(*args, **kwargs)
        localise_command(cast(click.Command, self))

    def parse_args(self, ctx, args):
        # a usage error raised by the parser carries no context: give it this command's, so the
        # message can say the option's form and "see bti … --help" follows it
        try:
            rest = super().parse_args(ctx, args)
        except click_exc.UsageError as error:
            if error.ctx is None:
                error.ctx = ctx
            taken = _option_taken_as_value(ctx)
            if taken is not None and not isinstance(error, click_exc.BadOptionUsage):
                raise taken from None  # "--ics --out F": the value of --ics is missing, F is extra
            raise
        taken = _option_taken_as_value(ctx)
        if taken is not None:
            raise taken  # "--ics --overdue" would write a file named "--overdue"
        return rest

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("cli.help_option")
        return option


class OptionTakenAsValue(click_exc.BadOptionUsage):
    """An option that takes a value was followed by another option of the command, which the
    parser took as its value (`--ics --out F`)."""


# a value that reads as a long option (`--out`), of this command or not, was meant as one
LONG_OPTION = re.compile(r"--[a-z][a-z0-9-]*")


def _option_taken_as_value(ctx: click.Context) -> OptionTakenAsValue | None:
    """The first option whose value is one of the command's options or reads as a long option."""
    params = ctx.command.params
    names = {name for param in params for name in (*param.opts, *param.secondary_opts)} | {"--help"}
    for param in params:
        if param.param_type_name != "option" or getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        value = ctx.params.get(param.name or "")
        values = value if isinstance(value, (list, tuple)) else [value]
        if any(v is not None and (str(v) in names or LONG_OPTION.fullmatch(str(v))) for v in values):
            return OptionTakenAsValue(_param_name(param), "an option taken as a value", ctx=ctx)
    return None


def _apply_common(name: str):
    """The callback of a common option added to a command (`_add_common_options`): the value
    goes to the run's settings, as the command's own option would (`common.runtime`)."""

    def apply(ctx: click.Context, param: click.Parameter, value):
        if ctx.resilient_parsing or value is None or value is False:
            return
        if name in ("data", "cases_dir"):
            value = Path(value)
        common.runtime(cast(typer.Context, ctx), **{name: value})

    return apply


# the common options (DESIGN.md) every command accepts after its name, also one that does not
# use them (`bti cases handover CASE --to R --no-input`); `--lang` is hoisted before the command
COMMON_OPTIONS: dict[str, tuple[tuple[str, ...], str, str | None, bool]] = {
    "municipality": (("--municipality", "-m"), "cli.opt_municipality", "cli.mv_municipality", False),
    "data": (("--data",), "cli.opt_data", "cli.mv_file", False),
    "cases_dir": (("--cases-dir",), "cli.opt_cases_dir", "cli.mv_folder", False),
    "no_input": (("--no-input",), "cli.opt_no_input", None, True),
}


def _add_common_options(command: click.Command) -> None:
    """Give a command each common option it does not declare itself."""
    own = {param.name for param in command.params}
    for name, (decls, help_key, metavar_key, flag) in COMMON_OPTIONS.items():
        if name in own:
            continue
        option = TyperOption(param_decls=[*decls, name], help=h(help_key), expose_value=False,
                             callback=_apply_common(name), is_flag=flag, default=False if flag else None,
                             metavar=h(metavar_key) if metavar_key else None, show_default=False)
        command.params.append(option)


class BtiCommand(_Localised, TyperCommand):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _add_common_options(self)
        localise_command(self)


class BtiSubGroup(_Localised, TyperGroup):
    """A command group (`bti measures`, `bti cases`): translated errors for unknown commands."""

    def resolve_command(self, ctx, args):
        known = not args or args[0].startswith("-") or ctx.resilient_parsing or self.get_command(ctx, args[0])
        if not known:
            raise UnknownCommand(ctx, _close_matches(args[0], self.list_commands(ctx)))
        return super().resolve_command(ctx, args)


    def format_commands(self, ctx, formatter):
        """Each command with the whole first paragraph of its help, wrapped (click would cut it
        at the width with "...", which leaves a sentence half said)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            text = command.short_help or localise(command.help) or ""
            rows.append((name, text.strip().split("\n\n")[0].replace("\n", " ")))
        if rows:
            with formatter.section(t("cli.heading_commands")):
                formatter.write_dl(rows)


class UnknownCommand(click_exc.UsageError):
    """`bti mesures`: the typo is not repeated (it might be anything), close matches are offered."""

    def __init__(self, ctx, suggestions: list[str]) -> None:
        super().__init__(t("cli.err_no_such_command", command=ctx.command_path), ctx)
        self.suggestions = suggestions


def _close_matches(word: str, choices: list[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(word, choices, n=3, cutoff=0.6)


def _adopt(app: typer.Typer) -> None:
    """Build a lazily loaded Typer app with bti's command classes (unless it chose its own)."""
    from typer.models import DefaultPlaceholder

    if app.info.cls is None or app.info.cls is TyperGroup or isinstance(app.info.cls, DefaultPlaceholder):
        app.info.cls = BtiSubGroup
    for info in app.registered_commands:
        if info.cls is None or info.cls is TyperCommand:
            info.cls = BtiCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            _adopt(group.typer_instance)


def _load_command(name: str):
    import importlib

    from typer.main import get_command, get_group

    target, _, _ = LAZY_COMMANDS[name]
    module_name, _, attribute = target.partition(":")
    obj = getattr(importlib.import_module(module_name), attribute)
    if isinstance(obj, typer.Typer):
        if obj.info.name is None:
            obj.info.name = name
        _adopt(obj)
        command: click.Command = get_group(obj)  # a group even when it holds a single command ("services list")
    else:
        single = typer.Typer(add_completion=False)
        single.command(name, cls=BtiCommand)(obj)
        command = get_command(single)
    command.name = name
    return command


# --------------------------------------------------------------------------- parse errors in the run's language


def _param_name(param) -> str:
    if param is None:
        return "?"
    opts = [o for o in param.opts if o.startswith("--")] or list(param.opts)
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return param.human_readable_name.upper() if param.human_readable_name else "?"
    return opts[0]


def _bad_value_reason(param) -> str | None:
    """Why a value does not fit the option's type, said without repeating the value."""
    from typer._types import TyperChoice
    from typer.models import TyperPath

    kind = getattr(param, "type", None)
    if isinstance(kind, click_types._NumberRangeBase):
        if kind.min is not None and kind.max is not None:
            return t("cli.reason_range", min=kind.min, max=kind.max)
        if kind.min is not None:
            return t("cli.reason_at_least", min=kind.min)
        return t("cli.reason_at_most", max=kind.max)
    if isinstance(kind, click_types.IntParamType):
        return t("cli.reason_integer")
    if isinstance(kind, click_types.FloatParamType):
        return t("cli.reason_number")
    if isinstance(kind, click_types.BoolParamType):
        return t("cli.reason_yes_no")
    if isinstance(kind, click_types.DateTime):
        return t("cli.reason_date")
    if isinstance(kind, TyperChoice):
        choices = ", ".join(str(getattr(choice, "value", choice)) for choice in kind.choices)
        return t("cli.reason_choice", choices=choices)
    if isinstance(kind, TyperPath):
        return t("cli.reason_path")
    return None


def _option_form(ctx: click.Context | None, option: str) -> str:
    """How an option is written with its value, from its metavar: "--ics FIL"; the option alone
    when the command or the metavar is not known."""
    if ctx is None:
        return option
    for param in ctx.command.params:
        if option in (*param.opts, *param.secondary_opts) and param.metavar:
            return f"{option} {param.metavar}"
    return option


def click_error_message(error: click.ClickException) -> str:
    """The first line of a parse error, translated; never repeats a value the user typed."""
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "bti"
    exc = click_exc
    if isinstance(error, UnknownCommand):
        message = error.message
        if error.suggestions:
            paths = ", ".join(f"`{command} {name}`" for name in error.suggestions)
            message += " " + t("cli.err_did_you_mean", choices=paths)
        return message
    if isinstance(error, exc.NoSuchOption):
        from bti_cli.privacy.guard import shown_choice

        # the option as typed only when it is a typo of one (`--munisipality`: close to a real
        # option, so a suggestion follows), never a name or a number typed where an option goes
        # (`--kari-nordmann`, `--karinordmann`: a name the scrubber cannot see in one word)
        typed = error.option_name if error.option_name.startswith("-") else ""
        if typed and error.possibilities and shown_choice(typed.lstrip("-")) is not None:
            message = t("cli.err_no_such_option", command=command, option=typed)
        else:
            message = t("cli.err_no_such_option_unshown", command=command)
        if error.possibilities:
            message += " " + t("cli.err_did_you_mean", choices=", ".join(sorted(error.possibilities)))
        return message
    if isinstance(error, exc.MissingParameter):
        key = "cli.err_missing_argument" if error.param_type == "argument" else "cli.err_missing_option"
        if error.param_type is None and error.param is not None:
            key = f"cli.err_missing_{'argument' if error.param.param_type_name == 'argument' else 'option'}"
        return t(key, command=command, name=_param_name(error.param))
    if isinstance(error, exc.BadParameter):
        name = _param_name(error.param)
        if error.param is None and error.param_hint:
            name = str(error.param_hint if isinstance(error.param_hint, str) else error.param_hint[0]).strip("'")
        # a reason of bti's own (typer.BadParameter(t(...)) in a callback) is translated already
        reason = _bad_value_reason(error.param) or error.message
        if not reason:
            return t("cli.err_bad_value", name=name)
        return t("cli.err_bad_value_because", name=name, reason=reason)
    if isinstance(error, exc.BadOptionUsage):
        option = error.option_name
        if "does not take a value" in error.message:
            return t("cli.err_takes_no_value", option=option)
        form = _option_form(ctx, option)
        if isinstance(error, OptionTakenAsValue):
            return t("cli.err_value_is_option", option=option, form=form)
        if form != option:
            return t("cli.err_needs_value_form", option=option, form=form)
        return t("cli.err_needs_value", option=option)
    if isinstance(error, exc.FileError):
        return t("cli.err_file")
    message = error.format_message()
    if message.startswith("Got unexpected extra argument"):
        return t("cli.err_extra_arguments", command=command)
    if message == "Missing command.":
        return t("cli.err_missing_command", command=command)
    return message


def show_click_error(error: click.ClickException) -> None:
    """A parse error as bti shows every error: `bti: message` and where to find help."""
    if isinstance(error, click_exc.NoArgsIsHelpError):
        error.show()  # the help itself, already translated by BtiHelpFormatter
        return
    from bti_cli.terminal.console import err

    console = err()
    console.print(f"bti: {click_error_message(error)}", markup=False, highlight=False)
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        console.print(t("cli.try_help", command=ctx.command_path), markup=False, highlight=False)


# --------------------------------------------------------------------------- the root group

GLOBAL_FLAGS = ("--plain", "--no-color")
GLOBAL_VALUED = ("--lang",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Move `--plain`, `--no-color` and `--lang X` before the command name, so they work after
    any command (`bti measures --help --lang en`), also one that does not declare them.

    They say how bti speaks (language, colour, layout), not what a command does, and no
    command has an option of the same name with another meaning. Arguments after `--` are
    left alone.
    """
    end = args.index("--") if "--" in args else len(args)
    hoisted: list[str] = []
    rest: list[str] = []
    i = 0
    while i < end:
        arg = args[i]
        if arg in GLOBAL_FLAGS or any(arg.startswith(f"{name}=") for name in GLOBAL_VALUED):
            hoisted.append(arg)
        elif arg in GLOBAL_VALUED and i + 1 < end:
            hoisted += [arg, args[i + 1]]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return hoisted + rest + args[end:] if hoisted else args


class BtiGroup(BtiSubGroup):
    """Loads commands lazily, groups help by task, and turns errors into exit codes."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        # the language must be known before a command module is imported: click resolves the
        # subcommand (and prints its --help) before the root callback runs
        args = hoist_global_options(sys.argv[1:] if args is None else list(args))
        set_language(early_language(args))
        localise_command(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            show_click_error(error)
            sys.exit(error.exit_code)
        except typer.Abort:
            from bti_cli.terminal.console import err

            err().print(f"bti: {t('cli.aborted')}", markup=False, highlight=False)
            sys.exit(1)
        # `invoke` returns None; an int here is the code of a typer.Exit
        sys.exit(code if isinstance(code, int) else 0)

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
                _, section, key = LAZY_COMMANDS[name]
                short = t(key)
            else:
                command = super().get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                section, short = "tools", command.get_short_help_str(80)
            sections.setdefault(section, []).append((name, short))
        for key, rows in sections.items():
            with formatter.section(t(SECTIONS[key]) if key in SECTIONS else key):
                formatter.write_dl(rows)

    def invoke(self, ctx):
        try:
            super().invoke(ctx)
            return None  # a command's return value is not an exit code
        except BtiError as error:
            if os.environ.get("BTI_DEBUG") == "1":
                raise
            report_error(error)
            raise typer.Exit(int(error.exit_code)) from None
        except KeyboardInterrupt:
            from bti_cli.terminal.console import err

            err().print(f"bti: {t('cli.interrupted')}", markup=False)
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
            from bti_cli.terminal.console import err

            where = f" ({error.filename})" if error.filename else ""
            err().print(f"bti: {error.strerror or type(error).__name__}{where}", markup=False)
            raise typer.Exit(int(ExitCode.INPUT)) from None
        except Exception as error:  # noqa: BLE001 - the last line of defence
            if os.environ.get("BTI_DEBUG") == "1" or _is_click_error(error):
                raise
            from bti_cli.terminal.console import err

            # never echo str(error): it might quote user input
            err().print(f"bti: {t('cli.internal_error', name=type(error).__name__)}", markup=False)
            raise typer.Exit(int(ExitCode.INPUT)) from None


def _is_click_error(error: Exception) -> bool:
    return isinstance(error, click.ClickException) or type(error).__module__.startswith("typer")


app = typer.Typer(
    cls=BtiGroup,
    name="bti",
    help=h("cli.app_help"),
    epilog=h("cli.app_epilog"),
    no_args_is_help=False,  # `bti` alone prints the help and exits 0 (root below), not a usage error
    invoke_without_command=True,
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
    no_color: Annotated[bool, typer.Option("--no-color", help=h("cli.opt_no_color"))] = False,
    plain: Annotated[bool, typer.Option("--plain", help=h("cli.opt_plain"))] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=h("cli.opt_version")),
    ] = False,
) -> None:
    from bti_cli.terminal.console import configure

    configure(no_color=no_color or None, plain=plain or None)
    common.init_root(ctx, municipality, data, cases_dir, lang, no_input, lenient=ctx.invoked_subcommand == "config")
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def _register() -> None:
    """Eagerly registered commands (most are lazy: see LAZY_COMMANDS)."""


_register()


def main(argv: list[str] | None = None) -> None:
    _output_encodings()
    try:
        app(args=argv, prog_name="bti")
    finally:
        _quiet_shutdown()


def _output_encodings() -> None:
    """An output encoding that cannot show Norwegian letters (PYTHONIOENCODING=ascii, a C
    locale) replaces what it cannot show instead of ending the command with an error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "æøåÆØÅ–«»…".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")


def _quiet_shutdown() -> None:
    """The command is done: a Ctrl-C while Python shuts down exits 130 (interrupted), not with
    a traceback or -2."""
    import signal

    def interrupted(signum, frame) -> None:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        os._exit(int(ExitCode.INTERRUPTED))

    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGINT, interrupted)


__all__ = ["app", "main", "Path"]
