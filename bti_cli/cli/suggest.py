"""`bti suggest`: the walkthrough's ranked suggestions without a case, for preparing a meeting."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from bti_cli.cli import common
from bti_cli.i18n import h, help_from, t

KINDS = ("measure", "arena", "coordinator")


@help_from("walk.help_suggest")
def suggest(
    ctx: typer.Context,
    age: Annotated[
        int | None,
        typer.Option("--age", "-a", min=0, max=25, help=h("walk.opt_suggest_age"), metavar=h("cli.mv_age"),
                     show_default=False),
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
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Ranked measures, collaboration arenas and baton holders, each with the reasons for it."""
    from bti_cli.catalogue import suggest as core
    from bti_cli.catalogue.loader import load_vocabulary
    from bti_cli.errors import UsageError
    from bti_cli.terminal.render import Column, render, resolve_format

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt)
    vocab = load_vocabulary()
    from bti_cli.privacy.guard import quote

    areas = list(dict.fromkeys(area or []))
    for key in areas:
        if key not in vocab.areas:
            raise UsageError(t("walk.suggest_bad_area", area=quote(key)), hint=t("walk.suggest_area_hint"))
    work_arena = arena or rt.arena
    if work_arena is not None and work_arena not in vocab.work_arenas:
        raise UsageError(t("walk.suggest_bad_arena", arena=quote(work_arena), known=", ".join(vocab.work_arenas)))
    kinds = list(dict.fromkeys(kind or KINDS))
    for k in kinds:
        if k not in KINDS:
            raise UsageError(t("walk.suggest_bad_kind", kind=quote(k), known=", ".join(KINDS)))
    cat = rt.catalogue().catalogue
    ranked = {
        "measure": lambda: core.rank_measures(cat, level=level, age=age, areas=areas, work_arena=work_arena),
        "arena": lambda: core.rank_arenas(cat, level=level, age=age, areas=areas, work_arena=work_arena,
                                          anonymous_only=anonymous),
        "coordinator": lambda: core.rank_coordinators(cat, level=level, work_arena=work_arena) if level else [],
    }
    rows: list[dict[str, Any]] = []
    for k in kinds:
        items = ranked[k]()
        if limit is not None:
            items = items[:limit]
        rows.extend(s.row(rank) for rank, s in enumerate(items, start=1))
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
            row["reasons"] = "; ".join(row["reasons"])
        if not rows:
            from bti_cli.terminal.console import out

            out().print(t("walk.suggest_none"), markup=False)
            return
    render(rows, columns, fmt, group_by=(lambda r: [titles[r["kind"]]]) if fmt in ("table", "md") else None)
