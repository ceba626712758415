"""`bti measures`, `bti services`, `bti arenas`, `bti coordinators`: the catalogue, read-only."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from bti_cli.cli import common
from bti_cli.i18n import t
from bti_cli.render import Column, render, resolve_format

measures_app = typer.Typer(help="The municipality's measures (tiltak).", no_args_is_help=True)
services_app = typer.Typer(help="The municipality's services.", no_args_is_help=True)
arenas_app = typer.Typer(help="Collaboration arenas where cases are discussed.", no_args_is_help=True)


class GroupBy(str, Enum):
    service = "service"
    tier = "tier"
    area = "area"


def measure_columns() -> list[Column]:
    return [
        Column("id", t("catalogue.col_id"), max_width=26, min_width=10),
        Column("name", t("catalogue.col_name"), max_width=40, min_width=14),
        Column("tiers", t("catalogue.col_tiers"), min_width=9),
        Column("service", t("catalogue.col_service"), min_width=8, max_width=20),
        Column("ages", t("catalogue.col_ages"), no_wrap=True),
        Column("status", t("catalogue.col_status"), min_width=6),
    ]


def _ages(row: dict) -> str:
    lo, hi = row.get("age_min"), row.get("age_max")
    if lo is None and hi is None:
        return ""
    return f"{'' if lo is None else lo}–{'' if hi is None else hi}"


@measures_app.command("list")
def measures_list(
    ctx: typer.Context,
    service: Annotated[
        list[str] | None, typer.Option("--service", "-s", help="Service id or part of its name (repeatable).")
    ] = None,
    tier: Annotated[
        list[str] | None, typer.Option("--tier", "-t", help="universal, selective or indicated (repeatable).")
    ] = None,
    age: Annotated[
        int | None, typer.Option("--age", "-a", min=0, max=23, help="Only measures open to a child of this age (0–23).")
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option("--area", help="Concern-area key, e.g. mental-health (repeatable; see `bti data areas`)."),
    ] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="active, planned, developing or partial (repeatable).")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", "-q", help="Text in name, description or target group; ignores case and accents."),
    ] = None,
    group_by: Annotated[
        GroupBy | None, typer.Option("--group-by", "-g", help="One table section per service, tier or area.")
    ] = None,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """List measures, filtered by service, tier, age, concern area, status or text."""
    from bti_cli import catalogue as core
    from bti_cli.errors import InputError

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt, ("table", "json", "jsonl", "csv", "md"))
    plain = rt.plain()
    cat = plain.data
    _check_choice("--tier", tier, ("universal", "selective", "indicated"))
    _check_choice("--status", status, ("active", "planned", "developing", "partial"))
    _check_choice("--area", area, tuple(plain.vocabulary["areas"]))
    found = core.filter_measures(
        cat,
        services=service or (),
        tiers=tier or (),
        age=age,
        areas=area or (),
        statuses=status or (),
        search=search,
    )
    rows = [core.measure_row(m, cat) for m in found]
    if fmt in ("table", "md"):
        for row in rows:
            row["ages"] = _ages(row)
        if not rows:
            raise InputError(t("catalogue.no_measures"), hint=t("catalogue.no_measures_hint"))
    grouper = None
    if group_by is not None and fmt in ("table", "md"):
        service_names = {s["id"]: s["name"] for s in cat["services"]}
        if group_by is GroupBy.service:
            grouper = lambda r: [service_names.get(r["service"], r["service"])]  # noqa: E731
        elif group_by is GroupBy.tier:
            order = {"universal": 0, "selective": 1, "indicated": 2}
            rows.sort(key=lambda r: min(order[t] for t in r["tiers"]))
            grouper = lambda r: [t(f"catalogue.tier_{tier}") for tier in r["tiers"]]  # noqa: E731
        else:
            grouper = lambda r: [core.area_label(a) for a in r["areas"]]  # noqa: E731
    elif group_by is not None:
        # machine formats stay flat; rows come in group order
        if group_by is GroupBy.service:
            order = {s["id"]: i for i, s in enumerate(cat["services"])}
            rows.sort(key=lambda r: order.get(r["service"], len(order)))
        elif group_by is GroupBy.tier:
            order = {"universal": 0, "selective": 1, "indicated": 2}
            rows.sort(key=lambda r: min(order[t] for t in r["tiers"]))
        else:
            rows.sort(key=lambda r: r["areas"][0])
    title = t("catalogue.title_measures", municipality=cat["municipality"]["name"], count=len(rows))
    render(rows, measure_columns(), fmt, title=title if grouper is None else None, group_by=grouper)


def _check_choice(option: str, values: list[str] | None, allowed: tuple[str, ...]) -> None:
    from bti_cli.errors import UsageError

    for value in values or ():
        if value not in allowed:
            raise UsageError(
                t("catalogue.unknown_value", option=option, value=value),
                hint=t("catalogue.choose_from", choices=", ".join(allowed)),
            )


@measures_app.command("show")
def measures_show(
    ctx: typer.Context,
    measure_id: Annotated[str, typer.Argument(metavar="ID", help="The measure's id (see `bti measures list`).")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="table (default on a terminal) or json.")] = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Show one measure in full, with its source in the municipal plan."""
    from bti_cli import catalogue as core

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt, ("table", "json"))
    cat = rt.plain().data
    row = core.measure_row(core.get_measure(cat, measure_id), cat)
    if fmt == "json":
        import json
        import sys

        sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=2) + "\n")
        return
    row["areas"] = [f"{core.area_label(a)} ({a})" for a in row["areas"]]
    row["source"] = f"{row['source']['file']} › {row['source']['section']}"
    row["service"] = f"{row['service_name']} ({row['service']})"
    row["ages"] = _ages(row)
    fields = [
        ("name", "col_name"),
        ("description", "field_description"),
        ("tiers", "col_tiers"),
        ("service", "col_service"),
        ("target_group", "field_target_group"),
        ("ages", "col_ages"),
        ("age_note", "field_age_note"),
        ("audience", "field_audience"),
        ("areas", "field_areas"),
        ("status", "col_status"),
        ("source", "field_source"),
    ]
    from bti_cli.render import cell_text, print_table

    pairs = [
        {"field": t(f"catalogue.{label}"), "value": cell_text(row.get(key))} for key, label in fields if row.get(key)
    ]
    print_table(pairs, [Column("field", "", no_wrap=True), Column("value", "")], title=row["id"], show_header=False)


@services_app.command("list")
def services_list(
    ctx: typer.Context,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """List services with their area of responsibility and number of measures."""
    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt)
    cat = rt.plain().data
    counts: dict[str, int] = {}
    for m in cat["measures"]:
        counts[m["service"]] = counts.get(m["service"], 0) + 1
    rows = [{**s, "measures": counts.get(s["id"], 0)} for s in cat["services"]]
    columns = [
        Column("id", t("catalogue.col_id"), no_wrap=True),
        Column("name", t("catalogue.col_name")),
        Column("area", t("catalogue.col_area")),
        Column("kind", t("catalogue.col_kind")),
        Column("measures", t("catalogue.col_measures")),
    ]
    title = t("catalogue.title_services", municipality=cat["municipality"]["name"], count=len(rows))
    render(rows, columns, fmt, title=title)


@arenas_app.command("list")
def arenas_list(
    ctx: typer.Context,
    level: Annotated[
        int | None, typer.Option("--level", "-l", min=0, max=3, help="Only arenas that serve this BTI level (0–3).")
    ] = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Only arenas where a case can be discussed anonymously.")
    ] = False,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """List collaboration arenas: who takes part, how often, which levels, anonymous or not."""
    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt)
    cat = rt.plain().data
    rows = [
        dict(a)
        for a in cat["arenas"]
        if (level is None or level in a["levels"]) and (not anonymous or a["anonymous"])
    ]
    columns = [
        Column("id", t("catalogue.col_id"), no_wrap=True),
        Column("name", t("catalogue.col_name"), max_width=36),
        Column("levels", t("catalogue.col_levels")),
        Column("anonymous", t("catalogue.col_anonymous")),
        Column("frequency", t("catalogue.col_frequency"), max_width=24),
    ]
    title = t("catalogue.title_arenas", municipality=cat["municipality"]["name"], count=len(rows))
    render(rows, columns, fmt, title=title)


def coordinators(
    ctx: typer.Context,
    level: Annotated[
        int | None, typer.Option("--level", "-l", min=1, max=3, help="Only roles for this level (1–3).")
    ] = None,
    arena: Annotated[
        str | None, typer.Option("--arena", help="Only roles for this work arena, e.g. kindergarten or school.")
    ] = None,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Baton holders (stafettholder) by level and arena, and the level-3 coordination roles."""
    from bti_cli import catalogue as core

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt)
    plain = rt.plain()
    cat = plain.data
    if arena is not None:
        _check_choice("--arena", [arena], tuple(plain.vocabulary["work_arenas"]))
    rows = [
        dict(c)
        for c in cat["coordinators"]
        if (level is None or level in c["levels"]) and (arena is None or not c["arenas"] or arena in c["arenas"])
    ]
    columns = [
        Column("role", t("catalogue.col_role"), max_width=32),
        Column("levels", t("catalogue.col_levels")),
        Column("arenas", t("catalogue.col_arenas")),
        Column("service", t("catalogue.col_service")),
        Column("legal_basis", t("catalogue.col_legal_basis"), max_width=30),
    ]
    render(rows, columns, fmt, title=t("catalogue.title_coordinators", municipality=cat["municipality"]["name"]))
