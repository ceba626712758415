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
    from bti_cli.caselog.log import CaseLog
    from bti_cli.cli.walk import Session
    from bti_cli.walkthrough.process import Position


def _open(
    ctx: typer.Context, case: str, answers: Path | None = None, **options: Any
) -> tuple[Session, CaseLog, Position]:
    """The Session over a case (`case_session`, with the command's options), its log and its
    position in the process; a closed case is an error."""
    from bti_cli.errors import InputError
    from bti_cli.walkthrough import process as engine

    session = case_session(ctx, case, answers, **options)
    log = session.log
    assert log is not None  # an existing case is open
    pos = engine.replay(session.proc, log.events)
    if pos.phase == "closed":
        raise InputError(t("walk.already_closed", case=log.case_id))
    return session, log, pos


def _summary(session):
    from bti_cli.caselog.state import summarise

    log = session.log
    return summarise(log.header, log.events, deadline_days=session.proc.deadline_days, process=session.proc)


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
    from bti_cli.errors import InputError
    from bti_cli.walkthrough import process as engine

    session, log, pos = _open(ctx, case, answers, municipality=municipality, data=data, cases_dir=cases_dir,
                              lang=lang, no_input=no_input, versions=True)
    if pos.phase != "evaluation":
        action = engine.action_at(session.proc, pos)
        if not (isinstance(action, engine.Done) and action.reason == "waiting") or pos.level == 0:
            raise InputError(t("walk.not_waiting", case=log.case_id))
    # before anything is written: --no-input without --answers cannot answer a question
    require_answers(common.root_runtime(ctx), answers)
    session.say(t("walk.evaluating", case=log.case_id, level=pos.level), style="bold")
    session.run(evaluate=pos.phase != "evaluation", resume=True)


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
    from bti_cli.walkthrough import process as engine

    session, log, pos = _open(ctx, case, answers, municipality=municipality, data=data, cases_dir=cases_dir,
                              lang=lang, no_input=no_input)
    # before the close decision is written: --no-input without --answers cannot write the note
    require_answers(common.root_runtime(ctx), answers)
    session.say(t("walk.closing", case=log.case_id), style="bold")
    if pos.phase != "close":
        session.append(level=pos.level, step=engine.CLOSE_STEP, kind="decision", value="close")
    session.run(resume=True)


@cases_app.command("handover", help=h("walk.help_handover"))
def handover(
    ctx: typer.Context,
    case: CaseArg,
    to: Annotated[
        str,
        typer.Option("--to", help=h("walk.opt_handover_to"), metavar=h("walk.mv_role"), show_default=False),
    ],
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    """Offer the baton to another role; the current holder keeps it until that role accepts."""
    from bti_cli.catalogue.suggest import find_coordinator
    from bti_cli.errors import InputError

    session, log, pos = _open(ctx, case, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                              no_input=True)
    role = to.strip()
    if not role:
        raise InputError(t("walk.handover_empty"))
    coordinator = find_coordinator(session.cat, role)
    if coordinator is not None:
        role = coordinator.id
    else:
        from bti_cli.privacy.scrubber import scrub

        result = scrub(role, vocabulary=session.vocabulary())
        if result.replacements:
            from bti_cli.cli.walk import t_kind

            kinds = ", ".join(sorted({t_kind(r.kind) for r in result.replacements}))
            raise InputError(t("walk.handover_personal", kinds=kinds))
    summary = _summary(session)
    if role == summary.baton_holder_role:
        raise InputError(t("walk.handover_same", role=session.role_label(role)))
    session.append(level=pos.level, step="handover", kind="handover", value={"to": role})
    holder = session.role_label(summary.baton_holder_role) if summary.baton_holder_role else t("walk.nobody")
    session.say(t("walk.handover_offered", role=session.role_label(role), holder=holder, case=log.case_id))


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
    from bti_cli.errors import InputError

    session, log, pos = _open(ctx, case, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang,
                              no_input=True)
    pending = _summary(session).pending_baton_holder_role
    if not pending:
        raise InputError(t("walk.accept_nothing", case=log.case_id))
    log.append(level=pos.level, step="accept", kind="accept", value={"role": pending}, actor_role=pending)
    session.say(t("walk.accepted", role=session.role_label(pending), case=log.case_id))
