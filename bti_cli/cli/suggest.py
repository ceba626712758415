"""`bti suggest`: the walkthrough's ranked suggestions without a case, for preparing a meeting."""

from __future__ import annotations

from typing import Annotated

import typer

from bti_cli.cli import common
from bti_cli.i18n import t

KINDS = ("measure", "arena", "coordinator")


def suggest(
    ctx: typer.Context,
    age: Annotated[
        int | None, typer.Option("--age", "-a", min=0, max=23, help="The child's age in whole years (0–23).",
                                 show_default=False),
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option("--area", help="Concern-area key, e.g. learning (repeatable; see `bti data areas`).",
                     show_default=False),
    ] = None,
    level: Annotated[int, typer.Option("--level", "-l", min=0, max=3, help="BTI level 0–3.")] = 1,
    arena: Annotated[
        str | None,
        typer.Option("--arena", help="Where the employee works: kindergarten, school, health-station, … "
                                     "[default: the configured arena].", show_default=False),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", help="Only these kinds: measure, arena, coordinator (repeatable).",
                     show_default=False),
    ] = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Only arenas where a case may be discussed without consent."),
    ] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="At most this many of each kind.", show_default=False),
    ] = None,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Ranked measures, collaboration arenas and baton holders, each with the reasons for it.

    The same ranking the walkthrough offers: tier fit for the level, age fit, concern-area match,
    status, and the employee's own service at levels 0–1.
    """
    from bti_cli import suggest as core
    from bti_cli.catalogue import load_vocabulary
    from bti_cli.errors import UsageError
    from bti_cli.render import Column, render, resolve_format

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt)
    vocab = load_vocabulary()
    areas = list(dict.fromkeys(area or []))
    for key in areas:
        if key not in vocab.areas:
            raise UsageError(t("walk.suggest_bad_area", area=key), hint=t("walk.suggest_area_hint"))
    work_arena = arena or rt.arena
    if work_arena is not None and work_arena not in vocab.work_arenas:
        raise UsageError(t("walk.suggest_bad_arena", arena=work_arena, known=", ".join(vocab.work_arenas)))
    kinds = list(dict.fromkeys(kind or KINDS))
    for k in kinds:
        if k not in KINDS:
            raise UsageError(t("walk.suggest_bad_kind", kind=k, known=", ".join(KINDS)))
    cat = rt.catalogue().catalogue
    ranked = {
        "measure": lambda: core.rank_measures(cat, level=level, age=age, areas=areas, work_arena=work_arena),
        "arena": lambda: core.rank_arenas(cat, level=level, age=age, areas=areas, work_arena=work_arena,
                                          anonymous_only=anonymous),
        "coordinator": lambda: core.rank_coordinators(cat, level=level, work_arena=work_arena) if level else [],
    }
    rows = []
    for k in kinds:
        items = ranked[k]()
        if limit is not None:
            items = items[:limit]
        rows.extend(s.row(rank) for rank, s in enumerate(items, start=1))
    titles = {k: t(f"walk.kind_{k}_title") for k in KINDS}
    columns = [
        Column("rank", t("walk.col_rank"), no_wrap=True),
        Column("id", t("walk.col_id"), max_width=28),
        Column("name", t("walk.col_name"), max_width=34),
        Column("reasons", t("walk.col_reasons"), max_width=60),
    ]
    if fmt in ("table", "md"):
        for row in rows:
            row["reasons"] = "; ".join(row["reasons"])
        if not rows:
            from bti_cli.console import out

            out().print(t("walk.suggest_none"), markup=False)
            return
    render(rows, columns, fmt, group_by=(lambda r: [titles[r["kind"]]]) if fmt in ("table", "md") else None)
