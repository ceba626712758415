"""`bti suggest`: the walkthrough's ranked suggestions without a case, for preparing a meeting."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from bti_cli.cli import common
from bti_cli.i18n import h, help_from, join_reasons, t

KINDS = ("measure", "arena", "coordinator")
SUBJECTS = ("pregnant", "child", "youth", "family")


def parse_age(value: str | None) -> tuple[int | None, bool]:
    """(age, unborn) from `--age`: whole years 0–25, or unborn (ufødt/ufødd)."""
    from bti_cli.catalogue.models import MAX_AGE
    from bti_cli.errors import UsageError
    from bti_cli.walkthrough.prompts import UNBORN

    if value is None:
        return None, False
    text = value.strip().casefold()
    if text in UNBORN:
        return None, True
    if text.isdigit() and int(text) <= MAX_AGE:
        return int(text), False
    raise UsageError(t("walk.suggest_bad_age", max=MAX_AGE))


@help_from("walk.help_suggest")
def suggest(
    ctx: typer.Context,
    age: Annotated[
        str | None,
        typer.Option("--age", "-a", help=h("walk.opt_suggest_age"), metavar=h("cli.mv_age"), show_default=False),
    ] = None,
    subject: Annotated[
        str | None,
        typer.Option("--subject", "-s", help=h("walk.opt_suggest_subject"), metavar=h("walk.mv_subject"),
                     show_default=False, autocompletion=common.completer(*SUBJECTS)),
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option("--area", help=h("walk.opt_suggest_area"), metavar=h("cli.mv_area"), show_default=False,
                     autocompletion=common.complete_area),
    ] = None,
    level: Annotated[
        int, typer.Option("--level", "-l", min=0, max=3, help=h("walk.opt_suggest_level"), metavar=h("cli.mv_level"))
    ] = 1,
    arena: Annotated[
        str | None,
        typer.Option("--arena", help=h("walk.opt_suggest_arena"), metavar=h("cli.mv_arena"), show_default=False,
                     autocompletion=common.complete_work_arena),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", help=h("walk.opt_suggest_kind"), metavar=h("walk.mv_kind"), show_default=False,
                     autocompletion=common.completer(*KINDS)),
    ] = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help=h("walk.opt_suggest_anonymous")),
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help=h("walk.opt_suggest_limit"), metavar=h("walk.mv_count"),
                     show_default=False),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help=h("walk.opt_suggest_as_of"), metavar=h("export.mv_date"), show_default=False),
    ] = None,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Ranked measures, collaboration arenas and baton holders, each with the reasons for it."""
    from bti_cli.catalogue import suggest as core
    from bti_cli.catalogue.loader import load_vocabulary
    from bti_cli.cli.export import parse_day
    from bti_cli.errors import UsageError
    from bti_cli.terminal.render import Column, render, resolve_format

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt)
    vocab = load_vocabulary()
    areas = list(dict.fromkeys(area or []))
    common.check_choice("--area", areas, list(vocab.areas))
    if arena is None and rt.arena is not None:  # from a hand-edited config file: the file's error
        from bti_cli.config import check_stored

        check_stored("arena", rt.arena)
    work_arena = arena or rt.arena
    common.check_choice("--arena", [work_arena] if work_arena is not None else None, list(vocab.work_arenas))
    kinds = list(dict.fromkeys(kind or KINDS))
    common.check_choice("--kind", kinds, KINDS)
    years, unborn = parse_age(age)
    if subject is not None and subject not in SUBJECTS:
        raise UsageError(t("walk.suggest_bad_subject", known=", ".join(SUBJECTS)))
    if unborn and subject is None:
        subject = "pregnant"
    day = parse_day(as_of, "--as-of")
    year = day.year if day else None
    cat = rt.catalogue().catalogue
    need: dict[str, Any] = {"level": level, "age": years, "unborn": unborn, "subject": subject, "areas": areas,
            "work_arena": work_arena}
    ranked = {
        "measure": lambda: core.rank_measures(cat, **need, year=year),
        "arena": lambda: core.rank_arenas(cat, **need, consent=not anonymous),
        "coordinator": lambda: core.rank_coordinators(cat, **need) if level else [],
    }
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for k in kinds:
        items = ranked[k]()
        if k == "measure":
            notes = core.short_list_reasons(cat, items, **need, year=year)
        if limit is not None:
            items = items[:limit]
        rows.extend(s.row(rank) for rank, s in enumerate(items, start=1))
    if core.GUARDIANS_NOT_FIRST & set(areas or ()):
        # the safety rule before any suggestion: the suggestions are what follows it, not instead;
        # a Markdown list is kept and passed on, so there the rule goes into the document, at its top
        if fmt == "md":
            sys.stdout.write(f"> **{t('walk.suggest_safety_first')}**\n\n")
        else:
            notes = [t("walk.suggest_safety_first"), *notes]
    if notes:
        from bti_cli.terminal.console import err

        err().print(" ".join(notes), markup=False, highlight=False)
    titles = {k: t(f"walk.kind_{k}_title") for k in KINDS}
    # an id is never broken (it is copied into an answers file); on a narrow terminal the rank
    # goes first, and when the id and the reasons do not fit side by side each suggestion
    # becomes a block headed by its name
    columns = [
        Column("rank", t("walk.col_rank"), no_wrap=True, drop_order=1),
        Column("id", t("walk.col_id"), no_wrap=True),
        Column("name", t("walk.col_name"), max_width=34, min_width=16, primary=True),
        Column("reasons", t("walk.col_reasons"), max_width=60, min_width=24),
    ]
    if fmt in ("table", "md"):
        for row in rows:
            row["reasons"] = join_reasons(row["reasons"])
        if not rows:
            from bti_cli.terminal.console import out

            out().print(t("walk.suggest_none"), markup=False)
            return
    render(rows, columns, fmt, group_by=(lambda r: [titles[r["kind"]]]) if fmt in ("table", "md") else None,
           keys=("kind", "rank", "id", "name", "score", "reason_codes", "reasons"))
