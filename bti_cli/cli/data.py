"""`bti data`: validate a municipality file, print the JSON Schema, list what ships."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bti_cli.cli import common
from bti_cli.i18n import h, t
from bti_cli.terminal.render import Column, render, resolve_format

data_app = typer.Typer(help=h("cli.cmd_data"), no_args_is_help=True)


@data_app.command("validate", help=h("catalogue.help_data_validate"))
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=h("catalogue.arg_validate_paths"), metavar=h("cli.mv_file"), show_default=False),
    ] = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Check data files by kind (municipality, process, areas); each problem is reported as
    file:line field: message (exit 3)."""
    from bti_cli.catalogue import loader as core
    from bti_cli.errors import DataError
    from bti_cli.terminal.console import err, out

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    targets: list[tuple[str | None, Path | None]]
    if paths:
        targets = [(None, p) for p in paths]
    elif rt.data:
        targets = [(None, rt.data)]
    elif municipality is not None:
        targets = [(municipality, None)]
    else:
        targets = [(slug, None) for slug in core.shipped_municipalities()]
    failures: list[DataError] = []
    for slug, path in targets:
        try:
            line = _validate_one(slug, path)
        except DataError as error:
            failures.append(error)
            continue
        out().print(line, markup=False, highlight=False)
    if failures:
        console = err()
        for failure in failures:
            console.print(f"bti: {failure.message}", markup=False, highlight=False)
            if failure.problems:  # one print: rich costs about the same for one line as for thousands
                console.print("\n".join(f"  {problem}" for problem in failure.problems), markup=False,
                              highlight=False)
        raise typer.Exit(3)


def _validate_one(slug: str | None, path: Path | None) -> str:
    """Validate one file (of the kind its top-level tables say) or a shipped municipality;
    the `ok` line, or a DataError."""
    from bti_cli.catalogue import loader as core
    from bti_cli.errors import DataError
    from bti_cli.privacy.guard import shown_path

    if path is not None:
        name = str(path)
        text = core._read(path)
        raw = core._parse_toml(text, name)
        kind = core.file_kind(raw)
        if kind is None:
            raise DataError(t("catalogue.v_unknown_kind", name=shown_path(name)), [])
        if kind == "process":
            from bti_cli.walkthrough.process import parse_process

            proc = parse_process(text, name)
            return t("catalogue.validate_ok_process", path=shown_path(name), version=proc.version,
                     levels=_n("levels", proc.levels), steps=_n("steps", proc.steps))
        if kind == "areas":
            vocab = core.parse_vocabulary(text, name)
            return t("catalogue.validate_ok_areas", path=shown_path(name), areas=_n("areas", vocab.areas),
                     work_arenas=_n("work_arenas", vocab.work_arenas))
        loaded = core.load_text(text, name, raw)  # the file is read and parsed once
    else:
        loaded = core.load(slug)
    cat = loaded.catalogue
    from bti_cli.walkthrough import process

    process.load_for(loaded)  # its process overrides, checked as `bti data process` checks them
    return t(
        "catalogue.validate_ok",
        path=shown_path(loaded.path),
        services=_n("services", cat.services),
        measures=_n("measures", cat.measures),
        arenas=_n("arenas", cat.arenas),
        coordinators=_n("coordinators", cat.coordinators),
    )


def _n(noun: str, items) -> str:
    """`12 tjenester`, `1 tjeneste`: a count with its noun in the right form."""
    return t(f"catalogue.n_{noun}", count=len(items))


@data_app.command("schema", help=h("catalogue.help_data_schema"))
def schema(
    what: Annotated[
        str, typer.Argument(help=h("catalogue.arg_schema_what"), metavar="SCHEMA", show_default=False)
    ] = "municipality",
) -> None:
    """Print the JSON Schema of a data file, for editors and validators."""
    import json
    import sys

    from bti_cli.catalogue.models import Catalogue, Vocabulary
    from bti_cli.errors import UsageError

    schemas = {"municipality": Catalogue.model_json_schema, "areas": Vocabulary.model_json_schema}
    if what not in schemas:
        raise UsageError(t("catalogue.unknown_schema"), hint=t("catalogue.choose_from", choices=", ".join(schemas)))
    sys.stdout.write(json.dumps(schemas[what](), ensure_ascii=False, indent=2) + "\n")


@data_app.command("show", help=h("catalogue.help_data_show"))
def show(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help=h("catalogue.opt_show_format_md"), metavar=h("cli.mv_format")),
    ] = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """The plan's own facts (title, period, adoption, evaluation, links, indicators,
    responsibilities), the local and national contacts, and every rule with its source."""
    from bti_cli.catalogue.loader import source_text
    from bti_cli.catalogue.plan import plan_facts

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt, ("table", "json", "md"))
    facts = plan_facts(rt.plain().data)
    if fmt == "json":
        import json
        import sys

        sys.stdout.write(json.dumps(facts, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    name = facts["municipality"]["name"]
    plan = facts["plan"]
    pairs: list[dict] = []
    if plan is None:
        pairs.append({"field": t("catalogue.f_plan"), "value": t("catalogue.no_plan")})
    else:
        period = plan.get("period") or {}
        adopted = plan.get("adopted") or {}
        pairs += [
            {"field": t("catalogue.f_title"), "value": plan["title"]},
            {"field": t("catalogue.field_period"),
             "value": f"{period.get('start') or ''}–{period.get('end') or ''}" if period else ""},
            {"field": t("catalogue.f_adopted"),
             "value": ", ".join(str(adopted[k]) for k in ("date", "by", "ref") if adopted.get(k))},
            {"field": t("catalogue.f_evaluation"), "value": plan.get("evaluation") or ""},
            {"field": t("catalogue.f_model"), "value": t("catalogue.names_bti_yes") if plan.get("names_bti", True)
             else t("catalogue.names_bti_no", note=plan.get("model_note") or "")},
            {"field": t("catalogue.field_source"), "value": source_text(plan["source"]) if plan.get("source") else ""},
        ]
    pairs = [p for p in pairs if p["value"]]
    kv = [Column("field", t("catalogue.col_field"), no_wrap=True), Column("value", t("catalogue.col_value"))]
    render(pairs, kv, fmt, title=t("catalogue.title_plan_facts", municipality=name))
    rules = [{**s, "source": s["ref"]} for s in facts["settings"]]
    render(rules, [Column("rule", t("catalogue.col_rule"), primary=True),
                   Column("basis", t("catalogue.col_basis"), display=lambda b: t(f"catalogue.basis_{b}"),
                          no_wrap=True),
                   Column("source", t("catalogue.field_source"), max_width=40, drop_order=1)],
           fmt, title=t("catalogue.title_rules"))
    if plan is not None and plan.get("indicators"):
        rows = [{**i, "comparison": ", ".join(f"{k} {v}" for k, v in (i.get("comparison") or {}).items())}
                for i in plan["indicators"]]
        render(rows, [Column("name", t("catalogue.col_name"), primary=True, max_width=40),
                      Column("baseline", t("catalogue.col_baseline"), no_wrap=True),
                      Column("comparison", t("catalogue.col_comparison"), drop_order=2),
                      Column("year", t("catalogue.col_year"), no_wrap=True, drop_order=1)],
               fmt, title=t("catalogue.title_indicators"))
    if plan is not None and plan.get("responsibilities"):
        render(plan["responsibilities"], [Column("what", t("catalogue.col_what"), primary=True),
                                          Column("who", t("catalogue.col_who"))],
               fmt, title=t("catalogue.title_responsibilities"))
    if plan is not None and plan.get("links"):
        render(plan["links"], [Column("title", t("catalogue.col_name"), primary=True),
                               Column("url", t("catalogue.col_url"), no_wrap=True)],
               fmt, title=t("catalogue.title_links"))
    if facts["contacts"]:
        rows = [{**c, "reach": c.get("phone") or c.get("note") or ""} for c in facts["contacts"]]
        render(rows, [Column("kind", t("catalogue.col_kind"), display=lambda k: t(f"catalogue.contact_{k}"),
                             no_wrap=True),
                      Column("name", t("catalogue.col_name"), primary=True),
                      Column("reach", t("catalogue.col_phone"), min_width=20),
                      Column("hours", t("catalogue.col_hours"), drop_order=1)],
               fmt, title=t("catalogue.title_contacts"))


@data_app.command("municipalities", help=h("catalogue.help_data_municipalities"))
def municipalities(fmt: common.Format = None) -> None:
    """List the municipalities shipped with bti."""
    from bti_cli.catalogue import loader as core

    fmt = resolve_format(fmt)
    rows = []
    for slug in core.shipped_municipalities():
        plain = core.load_plain(slug)
        meta = plain.data["municipality"]
        rows.append(
            {
                "slug": slug,
                "name": meta["name"],
                "number": meta["number"],
                "version": meta["version"],
                "measures": len(plain.data["measures"]),
                "data_version": plain.version_hash,
                "sources": [s["file"] for s in meta["sources"]],
            }
        )
    columns = [
        Column("slug", t("catalogue.col_slug"), no_wrap=True),
        Column("name", t("catalogue.col_name")),
        Column("number", t("catalogue.col_number")),
        Column("version", t("catalogue.col_version")),
        Column("measures", t("catalogue.col_measures")),
    ]
    render(rows, columns, fmt, title=t("catalogue.title_municipalities"))


@data_app.command("areas", help=h("catalogue.help_data_areas"))
def areas(ctx: typer.Context, fmt: common.Format = None, lang: common.Lang = None) -> None:
    """List the concern-area keys and work arenas, with labels in the chosen language."""
    from bti_cli.catalogue import loader as core
    from bti_cli.i18n import pick

    if ctx is not None:
        common.runtime(ctx, lang=lang)
    fmt = resolve_format(fmt)
    vocab = core.vocabulary_data()
    rows = [{"kind": "area", "key": k, "label": pick(v)} for k, v in vocab["areas"].items()]
    rows += [{"kind": "work_arena", "key": k, "label": pick(v)} for k, v in vocab["work_arenas"].items()]
    columns = [
        Column("kind", t("catalogue.col_kind"), display=lambda kind: t(f"catalogue.vocab_{kind}")),
        Column("key", t("catalogue.col_key"), no_wrap=True),
        Column("label", t("catalogue.col_label"), primary=True),
    ]
    render(rows, columns, fmt)


@data_app.command("process", help=h("catalogue.help_data_process"))
def process_steps(
    ctx: typer.Context,
    fmt: common.Format = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """List the walkthrough's steps and questions with their ids (the keys of an answers file)."""
    from bti_cli.walkthrough import process as core

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    fmt = resolve_format(fmt)
    proc = core.load_for(rt.catalogue())
    columns = [
        # the level is in the step id (l0-…, l1-…): it goes first on a narrow terminal
        Column("level", t("walk.col_level"), no_wrap=True, drop_order=2),
        Column("step", t("walk.col_step"), no_wrap=True),
        Column("question", t("walk.col_question"), no_wrap=True, primary=True),
        Column("kind", t("walk.col_type"), no_wrap=True, drop_order=1),
        Column("text", t("walk.col_text"), max_width=60),
    ]
    render(core.step_rows(proc), columns, fmt, title=t("walk.process_title", version=proc.version))
