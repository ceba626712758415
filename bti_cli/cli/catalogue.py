"""`bti measures`, `bti services`, `bti arenas`, `bti coordinators`: the catalogue, read-only."""

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bti_cli.cli import common
from bti_cli.i18n import h, help_from, t
from bti_cli.terminal.render import FORMATS, Column, labels, render, resolve_format

if TYPE_CHECKING:
    from bti_cli.catalogue.loader import Plain

measures_app = typer.Typer(help=h("cli.cmd_measures"), no_args_is_help=True)
services_app = typer.Typer(help=h("cli.cmd_services"), no_args_is_help=True)
arenas_app = typer.Typer(help=h("cli.cmd_arenas"), no_args_is_help=True)


class GroupBy(str, Enum):
    service = "service"
    tier = "tier"
    area = "area"


TIERS = ("universal", "selective", "indicated")
STATUSES = ("active", "planned", "developing", "partial")
ARENA_KINDS = ("case", "system")


def tier_label(key: str) -> str:
    return t(f"catalogue.tier_{key}")


def status_label(key: str) -> str:
    return t(f"catalogue.status_{key}")


def audience_label(key: str) -> str:
    return t(f"catalogue.audience_{key}")


def kind_label(key: str) -> str:
    return t(f"catalogue.kind_{key}")


def purpose_label(key: str) -> str:
    return t(f"catalogue.purpose_{key}")


def status_text(row: dict) -> str:
    """The status as a person reads it, flagged when the measure's period has ended, or when it
    was to be in place by a year that has passed (due)."""
    text = status_label(row["status"])
    if row.get("ended"):
        text = f"{text}, {t('catalogue.flag_ended', year=row['period']['end'])}"
    elif row.get("due"):
        text = f"{text}, {t('catalogue.flag_due', year=row['due'])}"
    return text


def period_text(period: dict | None) -> str:
    if not period:
        return ""
    if period.get("start") is None and period.get("end") is None:
        return t("catalogue.period_years", years=period["years"])
    return f"{period.get('start') or ''}–{period.get('end') or ''}"


def measure_columns() -> list[Column]:
    """The measure table: the name first, the id last and whole (to copy into `measures show`);
    on a narrow terminal status goes first, then service, then ages, then each row is a block."""
    return [
        Column("name", t("catalogue.col_name"), max_width=40, min_width=24, primary=True),
        Column("tiers", t("catalogue.col_tiers"), display=labels(tier_label), max_width=12),
        Column("service_name", t("catalogue.col_service"), max_width=20, min_width=16, drop_order=2),
        Column("ages", t("catalogue.col_ages"), no_wrap=True, drop_order=1),
        Column("state", t("catalogue.col_status"), drop_order=3),
        Column("id", t("catalogue.col_id"), no_wrap=True),
    ]


def _plain(ctx: typer.Context, fmt: str | None, municipality: str | None, data: Path | None, lang: str | None,
           formats: Sequence[str] = FORMATS) -> "tuple[str, Plain]":
    """The command's options applied, then its output format and the catalogue as plain data."""
    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt, formats)
    return fmt, rt.plain()


def _record_keys(records: Sequence[dict], before: Sequence[str] = (), after: Sequence[str] = ()) -> list[str]:
    """The keys of a listing's rows built from these catalogue records (every record, not only
    the ones a filter kept): the CSV header, also when no row is left."""
    keys = dict.fromkeys(before)
    for record in records:
        keys.update(dict.fromkeys(record))
    keys.update(dict.fromkeys(after))
    return list(keys)


def _ages(row: dict) -> str:
    lo, hi = row.get("age_min"), row.get("age_max")
    if lo is None and hi is None:
        return ""
    if lo == hi:
        return str(lo)
    return f"{'' if lo is None else lo}–{'' if hi is None else hi}"


@measures_app.command("list", help=h("catalogue.help_measures_list"))
def measures_list(
    ctx: typer.Context,
    service: Annotated[
        list[str] | None,
        typer.Option("--service", "-s", help=h("catalogue.opt_service"), metavar=h("cli.mv_service")),
    ] = None,
    tier: Annotated[
        list[str] | None,
        typer.Option(
            "--tier",
            "-t",
            help=h("catalogue.opt_tier"),
            metavar=h("cli.mv_tier"),
            autocompletion=common.completer(*TIERS),
        ),
    ] = None,
    age: Annotated[
        int | None,
        typer.Option("--age", "-a", min=0, max=25, help=h("catalogue.opt_age"), metavar=h("cli.mv_age")),
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option(
            "--area", help=h("catalogue.opt_area"), metavar=h("cli.mv_area"), autocompletion=common.complete_area
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            help=h("catalogue.opt_status"),
            metavar=h("cli.mv_status"),
            autocompletion=common.completer(*STATUSES),
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help=h("catalogue.opt_search"), metavar=h("cli.mv_text"))
    ] = None,
    group_by: Annotated[GroupBy | None, typer.Option("--group-by", "-g", help=h("catalogue.opt_group_by"))] = None,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """List measures, filtered by service, tier, age, concern area, status or text."""
    from bti_cli.catalogue import loader as core
    from bti_cli.errors import InputError

    fmt, plain = _plain(ctx, fmt, municipality, data, lang, ("table", "json", "jsonl", "csv", "md"))
    cat = plain.data
    common.check_choice("--tier", tier, TIERS)
    common.check_choice("--status", status, STATUSES)
    common.check_choice("--area", area, tuple(plain.vocabulary["areas"]))
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
            row["state"] = status_text(row)
        if not rows:
            raise InputError(t("catalogue.no_measures"), hint=t("catalogue.no_measures_hint"))
    grouper = None
    if group_by is GroupBy.tier:
        # tables and machine formats alike: rows by their first tier
        order = {"universal": 0, "selective": 1, "indicated": 2}
        rows.sort(key=lambda r: min((order[t] for t in r["tiers"]), default=len(order)))
    if group_by is not None and fmt in ("table", "md"):
        service_names = {s["id"]: s["name"] for s in cat["services"]}
        if group_by is GroupBy.service:
            grouper = lambda r: [service_names.get(r["service"], r["service"])]  # noqa: E731
        elif group_by is GroupBy.tier:
            grouper = lambda r: [tier_label(tier) for tier in r["tiers"]] or [t("catalogue.tier_none")]  # noqa: E731
        else:
            grouper = lambda r: [core.area_label(a) for a in r["areas"]]  # noqa: E731
    elif group_by is not None:
        # machine formats stay flat; rows come in group order (tiers: sorted above)
        if group_by is GroupBy.service:
            order = {s["id"]: i for i, s in enumerate(cat["services"])}
            rows.sort(key=lambda r: order.get(r["service"], len(order)))
        elif group_by is GroupBy.area:
            rows.sort(key=lambda r: r["areas"][0])
    title = t("catalogue.title_measures", municipality=cat["municipality"]["name"], count=len(rows))
    columns = measure_columns()
    if group_by is GroupBy.service and grouper is not None:
        # the group's heading names the service: not again in every row
        columns = [c for c in columns if c.key != "service_name"]
    render(rows, columns, fmt, title=title if grouper is None else None, group_by=grouper,
           keys=list(core.measure_row(cat["measures"][0], cat)) if cat["measures"] else ())  # every row has these


@measures_app.command("show", help=h("catalogue.help_measures_show"))
def measures_show(
    ctx: typer.Context,
    measure_id: Annotated[str, typer.Argument(metavar="ID", help=h("catalogue.arg_measure_id"))],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help=h("catalogue.opt_show_format"), metavar=h("cli.mv_format")),
    ] = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Show one measure in full, with its source in the municipal plan."""
    from bti_cli.catalogue import loader as core

    fmt, plain = _plain(ctx, fmt, municipality, data, lang, ("table", "json"))
    cat = plain.data
    row = core.measure_row(core.get_measure(cat, measure_id), cat)
    if fmt == "json":
        import json
        import sys

        sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=2) + "\n")
        return
    row["areas"] = [f"{core.area_label(a)} ({a})" for a in row["areas"]]
    row["source"] = core.source_text(row["source"])
    row["service"] = f"{row['service_name']} ({row['service']})"
    row["ages"] = _ages(row)
    row["tiers"] = [tier_label(x) for x in row["tiers"]] or t("catalogue.tier_none")
    words = f" («{row['status_words']}»)" if row.get("status_words") else ""
    ended = f", {t('catalogue.flag_ended', year=row['period']['end'])}" if row.get("ended") else ""
    due = f", {t('catalogue.flag_due', year=row['due'])}" if row.get("due") else ""
    row["status"] = status_label(row["status"]) + words + ended + due
    row["audience"] = [audience_label(x) for x in row.get("audience") or []]
    row["purpose"] = purpose_label(row["purpose"])
    row["period"] = period_text(row.get("period"))
    names = {s["id"]: s["name"] for s in cat["services"]}
    row["shared_with"] = [f"{names.get(x, x)} ({x})" for x in row.get("shared_with") or []]
    fields = [
        ("name", "col_name"),
        ("description", "field_description"),
        ("tiers", "col_tiers"),
        ("service", "col_service"),
        ("target_group", "field_target_group"),
        ("ages", "col_ages"),
        ("age_note", "field_age_note"),
        ("audience", "field_audience"),
        ("purpose", "field_purpose"),
        ("areas", "field_areas"),
        ("status", "col_status"),
        ("period", "field_period"),
        ("shared_with", "field_shared_with"),
        ("aliases", "field_aliases"),
        ("source", "field_source"),
    ]
    from bti_cli.terminal.render import cell_text, print_table

    pairs = [
        {"field": t(f"catalogue.{label}"), "value": cell_text(row.get(key))} for key, label in fields if row.get(key)
    ]
    print_table(pairs, [Column("field", "", no_wrap=True), Column("value", "")], title=row["id"], show_header=False)


@services_app.command("list", help=h("catalogue.help_services_list"))
def services_list(
    ctx: typer.Context,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """List services with their area of responsibility and number of measures."""
    fmt, plain = _plain(ctx, fmt, municipality, data, lang)
    cat = plain.data
    counts: dict[str, int] = {}
    for m in cat["measures"]:
        counts[m["service"]] = counts.get(m["service"], 0) + 1
    rows = [{**s, "measures": counts.get(s["id"], 0)} for s in cat["services"]]
    columns = [
        Column("id", t("catalogue.col_id"), no_wrap=True),
        Column("name", t("catalogue.col_name"), min_width=16, primary=True),
        Column("area", t("catalogue.col_area"), drop_order=2),
        Column("kind", t("catalogue.col_kind"), display=labels(kind_label), drop_order=1),
        Column("measures", t("catalogue.col_measures"), no_wrap=True),
    ]
    title = t("catalogue.title_services", municipality=cat["municipality"]["name"], count=len(rows))
    render(rows, columns, fmt, title=title, keys=_record_keys(cat["services"], after=("measures",)))


@arenas_app.command("list", help=h("catalogue.help_arenas_list"))
def arenas_list(
    ctx: typer.Context,
    level: Annotated[
        int | None,
        typer.Option("--level", "-l", min=0, max=3, help=h("catalogue.opt_arena_level"), metavar=h("cli.mv_level")),
    ] = None,
    anonymous: Annotated[bool, typer.Option("--anonymous", help=h("catalogue.opt_anonymous"))] = False,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help=h("catalogue.opt_arena_kind"), metavar="case|system",
                     autocompletion=common.completer(*ARENA_KINDS)),
    ] = None,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """List collaboration arenas: who takes part, how often, which levels, anonymous or not."""
    fmt, plain = _plain(ctx, fmt, municipality, data, lang)
    common.check_choice("--kind", [kind] if kind else None, ARENA_KINDS)
    cat = plain.data
    rows = [
        {"kind": "case", "without_consent": a.get("anonymous", False), "unstated": [], **a}
        for a in cat["arenas"]
        if (level is None or level in a["levels"]) and (not anonymous or a["anonymous"])
        and (kind is None or a.get("kind", "case") == kind)
    ]
    if fmt in ("table", "md"):
        for row in rows:
            for name in row["unstated"]:  # the seed is silent: say so, never leave it looking filled in
                if name in ("participants", "frequency"):
                    row[name] = t("catalogue.not_stated")
    columns = [
        Column("id", t("catalogue.col_id"), min_width=20),
        Column("name", t("catalogue.col_name"), max_width=36, min_width=18, primary=True),
        Column("kind", t("catalogue.col_kind"), display=lambda k: t(f"catalogue.arena_kind_{k}"), no_wrap=True),
        Column("levels", t("catalogue.col_levels"), no_wrap=True),
        Column("anonymous", t("catalogue.col_anonymous"), no_wrap=True),
        Column("without_consent", t("catalogue.col_without_consent"), no_wrap=True, drop_order=2),
        Column("frequency", t("catalogue.col_frequency"), max_width=24, drop_order=1),
        Column("participants", t("catalogue.col_participants"), max_width=40, drop_order=3),
    ]
    title = t("catalogue.title_arenas", municipality=cat["municipality"]["name"], count=len(rows))
    render(rows, columns, fmt, title=title,
           keys=_record_keys(cat["arenas"], before=("kind", "without_consent", "unstated")))


@help_from("catalogue.help_coordinators")
def coordinators(
    ctx: typer.Context,
    level: Annotated[
        int | None,
        typer.Option(
            "--level", "-l", min=1, max=3, help=h("catalogue.opt_coordinator_level"), metavar=h("cli.mv_level")
        ),
    ] = None,
    arena: Annotated[
        str | None,
        typer.Option(
            "--arena",
            help=h("catalogue.opt_work_arena"),
            metavar=h("cli.mv_arena"),
            autocompletion=common.complete_work_arena,
        ),
    ] = None,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Baton holders (stafettholder) by level and arena, and the level-3 coordination roles."""
    from bti_cli.catalogue import loader as core

    fmt, plain = _plain(ctx, fmt, municipality, data, lang)
    cat = plain.data
    if arena is not None:
        common.check_choice("--arena", [arena], tuple(plain.vocabulary["work_arenas"]))
    rows = [
        dict(c)
        for c in cat["coordinators"]
        if (level is None or level in c["levels"]) and (arena is None or not c["arenas"] or arena in c["arenas"])
    ]
    from bti_cli.catalogue.names import Names

    names = Names(data=cat)
    columns = [
        Column("role", t("catalogue.col_role"), max_width=32, primary=True),
        Column("levels", t("catalogue.col_levels"), no_wrap=True),
        Column("arenas", t("catalogue.col_arenas"), display=labels(core.work_arena_label), drop_order=1),
        Column("service", t("catalogue.col_service"), drop_order=2, display=names.service),
        Column("legal_basis", t("catalogue.col_legal_basis"), max_width=30, drop_order=3),
    ]
    render(rows, columns, fmt, title=t("catalogue.title_coordinators", municipality=cat["municipality"]["name"]),
           keys=_record_keys(cat["coordinators"]))
