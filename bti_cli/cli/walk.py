"""`bti start` and `bti resume CASE`: the guided walkthrough, from the command line.

Only options and the asker live here: the driver that turns the engine's next action into a
prompt, scrubs free text and appends every answer before the next question is
`bti_cli.walkthrough.session.Session`. This module builds the asker (Rich prompter, answers file,
`--no-input`), opens the case and calls the session. `cases_flow` uses the same for evaluate,
close, handover and accept.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bti_cli.cli import common
from bti_cli.errors import InputError
from bti_cli.i18n import h, help_from, t
from bti_cli.walkthrough.session import Session, known_ids

if TYPE_CHECKING:
    from bti_cli.caselog.log import CaseLog
    from bti_cli.catalogue.loader import Loaded
    from bti_cli.walkthrough.process import Process
    from bti_cli.walkthrough.prompts import Prompter

Answers = Annotated[
    Path | None,
    typer.Option(
        "--answers", help=h("walk.opt_answers"), metavar=h("cli.mv_file"), show_default=False, dir_okay=False,
    ),
]
CaseArg = Annotated[
    str, typer.Argument(help=h("walk.arg_case"), metavar=h("walk.mv_case"), show_default=False,
                        autocompletion=common.complete_case)
]


def make_prompter(rt: common.Runtime, answers: Path | None, proc: Process) -> Prompter:
    from bti_cli.terminal.console import out, stdin_is_terminal
    from bti_cli.walkthrough.prompts import RichPrompter, ScriptedPrompter

    interactive = not rt.no_input and stdin_is_terminal()
    console = out()

    def echo(text: str) -> None:
        # a replayed answer never repaints or retitles the terminal (ESC, OSC, bidi overrides)
        from bti_cli.privacy.controls import escape_controls

        console.print(escape_controls(text), markup=False, highlight=False)

    if answers is not None:
        fallback = RichPrompter() if interactive else None
        prompter = ScriptedPrompter.from_file(answers, fallback=fallback, echo=echo)
        prompter.check(known_ids(proc))
        return prompter
    if rt.no_input:
        return ScriptedPrompter({}, source="--no-input", echo=echo)
    return RichPrompter()


def session_for(rt: common.Runtime, answers: Path | None, loaded: Loaded | None = None,
                log: CaseLog | None = None) -> Session:
    from bti_cli.walkthrough import process

    loaded = loaded or rt.catalogue()
    proc = process.load_for(loaded)
    prompter = make_prompter(rt, answers, proc)
    return Session(loaded=loaded, proc=proc, prompter=prompter, cases_dir=rt.require_cases_dir(),
                   config_arena=rt.arena, config_role=rt.role, log=log)


def require_answers(rt: common.Runtime, answers: Path | None) -> None:
    """--no-input without --answers cannot answer a single question: fail before a case is
    created or changed (a half-written case would show up in due, stats and export)."""
    from bti_cli.errors import InputError

    if rt.no_input and answers is None:
        raise InputError(t("walk.no_input_needs_answers"), hint=t("walk.no_input_needs_answers_hint"))


def open_case(rt: common.Runtime, case: str, *, explicit: bool = False):
    """(log, loaded catalogue) for an existing case: its own municipality unless --data (or an
    explicit -m, `explicit`) is given."""
    from bti_cli.caselog.store import open_case
    from bti_cli.catalogue import loader as catalogue

    log = open_case(rt.require_cases_dir(), case)
    loaded = rt.catalogue() if rt.data is not None or explicit else catalogue.load(log.header.municipality)
    return log, loaded


def case_session(
    ctx: typer.Context,
    case: str,
    answers: Path | None = None,
    *,
    data: Path | None,
    municipality: str | None = None,
    cases_dir: Path | None,
    lang: str | None,
    no_input: bool = True,
    notice: bool = False,
    versions: bool = False,
) -> Session:
    """A Session over an existing case, from a command's options: the runtime, the case's log
    and catalogue (`open_case`), its process and the prompter (`session_for`).

    `notice`: the first-run notice before the case is opened; `versions`: say when the
    catalogue or the process changed since the case was created.
    """
    rt = common.runtime(ctx, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                        no_input=no_input)
    if notice:
        # on a new machine (no cases folder yet) this also says where bti looks for the case
        common.first_run_notice(rt)
    log, loaded = open_case(rt, case, explicit=municipality is not None)
    session = session_for(rt, answers, loaded, log)
    if versions:
        session.note_versions()
    return session


@help_from("walk.help_start")
def start(
    ctx: typer.Context,
    answers: Answers = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
    no_input: common.NoInput = False,
) -> None:
    """Start a guided walkthrough of a new concern, from level 0.

    Every answer is saved before the next question. Answer "!" at any question for the safety
    gate (violence, abuse, serious neglect, acute danger). Ctrl-C saves a draft (exit 130);
    continue with `bti resume CASE`.
    """
    rt = common.runtime(ctx, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                        no_input=no_input)
    require_answers(rt, answers)
    common.first_run_notice(rt)
    session = session_for(rt, answers)
    try:
        session.start()
    except InputError as exc:
        if answers is None or session.case_id is None:
            raise
        # an answers file that stops half-way: the case holds what was answered, and running
        # `bti start` again would create a second case
        hint = t("walk.start_stopped_hint", case=session.case_id)
        raise InputError(exc.message, hint=f"{exc.hint}\n{hint}" if exc.hint else hint) from None


def unfinished_cases(rt: common.Runtime) -> list[dict]:
    """The open cases a walkthrough waits in (a pending step, or the safety gate), newest first."""
    from bti_cli.cli.export import open_index

    with open_index(rt) as idx:
        rows = [row for row in idx.list_rows(status="open")
                if row.get("pending_step") or row.get("notification_pending")]
    return sorted(rows, key=lambda row: (row.get("created") or "", row["case_id"]), reverse=True)


def choose_case(rt: common.Runtime) -> str | None:
    """`bti resume` without an id: the unfinished cases, numbered, and the one chosen; None
    when there is none."""
    from bti_cli.catalogue.loader import work_arena_label
    from bti_cli.cli.cases_index import _pending_labels
    from bti_cli.cli.cases_log import _local_time
    from bti_cli.errors import InputError
    from bti_cli.terminal.console import out
    from bti_cli.walkthrough.prompts import PromptSpec, RichPrompter

    rows = unfinished_cases(rt)
    if not rows:
        out().print(t("walk.resume_none"), markup=False, highlight=False)
        return None
    if rt.no_input:
        raise InputError(t("walk.resume_needs_case"), hint=t("walk.resume_list_hint"))
    label = _pending_labels(rt)
    console = out()
    console.print(t("walk.resume_title"), style="bold", markup=False, highlight=False)
    lines = []
    for row in rows:
        arena = work_arena_label(row["arena"]) if row.get("arena") else t("walk.resume_no_arena")
        lines.append(t("walk.resume_row", case=row["case_id"], created=_local_time(row["created"] or ""),
                       arena=arena, level=row["level"], waits=label(row) or "-"))
    prompter = RichPrompter(console, check_answers=False)
    prompter.show_numbered(lines)  # a row that wraps stays under its text, not under the number
    spec = PromptSpec(step="resume", question="case", kind="integer", text=t("walk.resume_which"),
                      minimum=1, maximum=len(rows), safety=False)
    number = prompter.ask(spec)
    return rows[number - 1]["case_id"]


@help_from("walk.help_resume")
def resume(
    ctx: typer.Context,
    case: Annotated[str | None, typer.Argument(help=h("walk.arg_resume_case"), metavar=h("walk.mv_case_optional"),
                                               show_default=False, autocompletion=common.complete_case)] = None,
    answers: Answers = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
    no_input: common.NoInput = False,
) -> None:
    """Continue an unfinished walkthrough at the question where it stopped; without a case id,
    choose one from the list of unfinished cases."""
    if case is None:
        rt = common.runtime(ctx, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                            no_input=no_input)
        case = choose_case(rt)
        if case is None:
            return
    session = case_session(ctx, case, answers, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                           no_input=no_input, notice=True, versions=True)
    session.resume()


__all__ = ["start", "resume", "session_for", "open_case", "case_session", "require_answers", "make_prompter"]
