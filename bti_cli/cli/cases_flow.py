"""`bti cases evaluate|handover|accept|close CASE`: the work after the first session.

- evaluate: the current level's evaluation meeting (views, assessment) and its decision
  (close, continue, another level); continues into the next level's steps in the same sitting.
- handover --to ROLE: offers the baton to a role; the current holder keeps it until accepted.
- accept: the offered role takes the baton.
- close: the closing note (avslutningsnotat) and the close event.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bti_cli.cli import common
from bti_cli.cli.cases import cases_app
from bti_cli.cli.walk import Answers, CaseArg, case_session, require_answers
from bti_cli.i18n import h, t

if TYPE_CHECKING:
    from bti_cli.walkthrough.process import Position
    from bti_cli.walkthrough.session import Session


def _open(ctx: typer.Context, case: str, answers: Path | None = None, **options: Any) -> tuple[Session, Position]:
    """The Session over a case (`case_session`, with the command's options) and its position in
    the process; a closed case is an error."""
    session = case_session(ctx, case, answers, **options)
    return session, session.position()


@cases_app.command("evaluate", help=h("walk.help_evaluate"))
def evaluate(
    ctx: typer.Context,
    case: CaseArg,
    answers: Answers = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
    no_input: common.NoInput = False,
) -> None:
    """Record an evaluation meeting and the decision that follows (close, continue, change level)."""
    session, pos = _open(ctx, case, answers, municipality=municipality, data=data, cases_dir=cases_dir,
                         lang=lang, no_input=no_input, versions=True)
    session.check_evaluable(pos)
    # before anything is written: --no-input without --answers cannot answer a question
    require_answers(common.root_runtime(ctx), answers)
    session.evaluate(pos)


@cases_app.command("close", help=h("walk.help_close"))
def close(
    ctx: typer.Context,
    case: CaseArg,
    answers: Answers = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
    no_input: common.NoInput = False,
) -> None:
    """Write the closing note (avslutningsnotat) and close the case."""
    session, pos = _open(ctx, case, answers, municipality=municipality, data=data, cases_dir=cases_dir,
                         lang=lang, no_input=no_input)
    # before the close decision is written: --no-input without --answers cannot write the note
    require_answers(common.root_runtime(ctx), answers)
    session.close(pos)


@cases_app.command("handover", help=h("walk.help_handover"))
def handover(
    ctx: typer.Context,
    case: CaseArg,
    to: Annotated[
        str,
        typer.Option("--to", help=h("walk.opt_handover_to"), metavar=h("walk.mv_role"), show_default=False),
    ],
    consent_extended: Annotated[bool, typer.Option("--consent-extended", help=h("walk.opt_consent_extended"))] = False,
    consent_until: Annotated[str | None, typer.Option("--consent-until", help=h("walk.opt_consent_until"),
                                                      metavar=h("walk.mv_consent_date"), show_default=False)] = None,
    consent_by: Annotated[str | None, typer.Option("--consent-by", help=h("walk.opt_consent_by"),
                                                   metavar="guardians,youth,woman", show_default=False)] = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    """Offer the baton to another role; the current holder keeps it until that role accepts."""
    session, pos = _open(ctx, case, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                         no_input=True)
    until = None
    if consent_until is not None:
        from bti_cli.errors import InputError
        from bti_cli.walkthrough.prompts import AnswerError, check_date_window, parse_date

        try:
            day = parse_date(consent_until, session.today)
            check_date_window(day, session.today)
            until = day.isoformat()
        except AnswerError as exc:
            raise InputError(t("walk.consent_until_bad", reason=str(exc))) from None
    by = None
    if consent_by is not None:
        from bti_cli.errors import InputError

        by = list(dict.fromkeys(p.strip() for p in consent_by.split(",") if p.strip()))
        if not by or any(who not in ("guardians", "youth", "woman") for who in by):
            raise InputError(t("walk.consent_by_bad"))
    session.handover(pos, to, consent_extended=consent_extended or until is not None or by is not None,
                     consent_until=until, consent_by=by)


@cases_app.command("accept", help=h("walk.help_accept"))
def accept(
    ctx: typer.Context,
    case: CaseArg,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    """Accept the baton that was handed over; from now on the new role holds it."""
    session, pos = _open(ctx, case, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                         no_input=True)
    session.accept(pos)


@cases_app.command("edit", help=h("walk.help_edit"))
def edit(
    ctx: typer.Context,
    case: CaseArg,
    key: Annotated[str | None, typer.Argument(help=h("walk.arg_key"), metavar=h("walk.mv_key"),
                                              show_default=False)] = None,
    answers: Answers = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
    no_input: common.NoInput = False,
) -> None:
    """Change an answer; recorded as a correction (the old answer stays in the log)."""
    session = case_session(ctx, case, answers, municipality=municipality, data=data, cases_dir=cases_dir,
                           lang=lang, no_input=no_input)
    require_answers(common.root_runtime(ctx), answers)
    session.edit(key)


@cases_app.command("discard", help=h("walk.help_discard"))
def discard(
    ctx: typer.Context,
    case: CaseArg,
    reason: Annotated[str, typer.Option("--reason", help=h("walk.opt_discard_reason"), metavar=h("walk.mv_reason"),
                                        show_default=False)],
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    """Discard a case started by mistake; it leaves lists, due, export and stats."""
    session = case_session(ctx, case, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                           no_input=True)
    session.discard(reason)
