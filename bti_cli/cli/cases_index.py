"""`bti cases list` and `bti cases reindex` (the shared index helpers live in cli/export.py,
so that `bti export` does not load the whole `cases` group)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from bti_cli.cli import common
from bti_cli.cli.cases import cases_app
from bti_cli.cli.export import (
    DUE_WITHIN_DAYS,
    AsOf,
    IncludeDiscarded,
    StatusFilter,
    case_names,
    next_due,
    open_index,
    parse_day,
    report_problems,
)
from bti_cli.i18n import h, t

# --------------------------------------------------------------------------- cases list


def _list_columns():
    from bti_cli.terminal.render import Column

    # on a narrow terminal the pending step goes first, then the day the case was created, then
    # the arena: the case, its status, level, baton holder and next date always stay (when even
    # they do not fit, each case is a short block of two or three lines, the holder in it)
    return [
        Column("case_id", t("export.col_case"), no_wrap=True, primary=True),
        Column("created_day", t("export.col_created"), no_wrap=True, drop_order=3),
        Column("status_label", t("export.col_status")),
        Column("level", t("export.col_level")),
        Column("arena_label", t("export.col_arena"), drop_order=2),
        Column("baton_label", t("export.col_baton")),
        Column("next_due", t("export.col_next"), no_wrap=True),
        Column("pending_label", t("export.col_pending"), drop_order=4),
    ]


def _pending_labels(rt: common.Runtime):
    """The step a case waits at in plain words: the step's title from the process the case is
    walked with (the municipality's own overrides included: the run's `--data` file, else the
    shipped catalogue; the same process that found the step for the index), never a raw step
    id; a case at the safety gate says it is due at once. `label(row, municipality)`."""
    from bti_cli.caselog.summary import _context
    from bti_cli.i18n import pick
    from bti_cli.walkthrough.process import default_process

    own: dict[str, Any] = {}
    if rt.data is not None:
        from bti_cli.errors import BtiError
        from bti_cli.walkthrough.process import load_for

        try:
            loaded = rt.catalogue()  # the run's own catalogue: its process is the one its cases use
            own[loaded.catalogue.municipality.slug] = load_for(loaded)
        except (BtiError, OSError):
            pass

    def label(row, municipality: str | None = None) -> str | None:
        if row.get("notification_pending"):
            return t("export.what_notify")
        step_id = row.get("pending_step")
        slug = municipality or row.get("municipality") or rt.municipality
        proc = own.get(slug or "") or (_context(slug).process if slug else None) or default_process()
        step = proc.step(step_id) if step_id else None
        if step is None and step_id:
            step = default_process().step(step_id)
        if step is not None:
            return pick(step.title)
        from bti_cli.catalogue.names import readable

        return readable(step_id) if step_id else None  # a step this process no longer has

    return label


LIST_KEYS = (
    "case_id", "created", "status", "level", "highest_level", "arena", "baton_holder_role",
    "pending_baton_holder_role", "decision", "decision_deadline", "next_evaluation", "next_due",
    "pending_step", "notification_pending",
)


@cases_app.command("list", help=h("export.help_cases_list"))
def cases_list(
    ctx: typer.Context,
    status: Annotated[StatusFilter, typer.Option("--status", "-s", help=h("export.opt_list_status"))] = (
        StatusFilter.all),
    level: Annotated[int | None, typer.Option("--level", "-l", min=0, max=3, metavar=h("cli.mv_level"),
                                              help=h("export.opt_level"), show_default=False)] = None,
    due: Annotated[bool, typer.Option("--due", help=h("export.opt_list_due"))] = False,
    as_of: AsOf = None,
    include_discarded: IncludeDiscarded = False,
    fmt: common.Format = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    from datetime import timedelta

    from bti_cli.terminal.render import render, resolve_format

    rt = common.runtime(ctx, cases_dir=cases_dir, lang=lang)
    fmt = resolve_format(fmt, ("table", "json", "jsonl", "csv", "md"))
    today = parse_day(as_of, "--as-of") or date.today()
    limit = (today + timedelta(days=DUE_WITHIN_DAYS)).isoformat()

    municipalities: list[str | None] = []  # of the rows selected, in order (their names' catalogue)

    def selected(idx):
        for row in idx.list_rows(status=None if status is StatusFilter.all else status.value, level=level,
                                 include_discarded=include_discarded):
            row["next_due"] = next_due(row, today)
            if due and (row["next_due"] is None or row["next_due"] > limit):
                continue
            municipalities.append(row.get("municipality"))
            yield {key: row.get(key) for key in LIST_KEYS}

    with open_index(rt) as idx:
        problems = idx.problems()
        if fmt in ("table", "md"):
            from bti_cli.catalogue.loader import work_arena_label

            rows = list(selected(idx))
            if not rows:
                from bti_cli.terminal.console import err

                err().print(t("export.none_found"), markup=False)
            else:
                label = _pending_labels(rt)
                names = case_names(rt)
                for row, municipality in zip(rows, municipalities, strict=True):
                    row["pending_label"] = label(row, municipality)
                    row["created_day"] = (row["created"] or "")[:10]
                    row["status_label"] = t(f"export.status_{row['status']}")
                    row["arena_label"] = work_arena_label(row["arena"]) if row["arena"] else None
                    holder = row["baton_holder_role"]
                    row["baton_label"] = names(municipality).role(holder) if holder else None
                render(rows, _list_columns(), fmt, title=t("export.list_title", count=len(rows)))
        elif fmt == "csv":  # machine formats stream
            import sys

            from bti_cli.terminal.render import write_csv

            write_csv(selected(idx), sys.stdout, LIST_KEYS)
        else:
            render(selected(idx), [], fmt)
    report_problems(problems)


# --------------------------------------------------------------------------- cases reindex


@cases_app.command("reindex", help=h("export.help_cases_reindex"))
def cases_reindex(
    ctx: typer.Context,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    import time

    from bti_cli.terminal.console import err

    rt = common.runtime(ctx, cases_dir=cases_dir, lang=lang)
    started = time.monotonic()
    with open_index(rt, force=True) as idx:
        count, problems = idx.count(), idx.problems()
    files = count + len(problems)
    seconds = f"{time.monotonic() - started:.1f}"
    err().print(t("export.reindex_done", count=count, files=files, seconds=seconds), markup=False)
    report_problems(problems)


