"""`bti export`, `bti stats` and `bti due`: read the case index, write rows, figures, dates.

Thin: the index (bti_cli.caselog.index) and the figures (bti_cli.reports.export) do the work; this module
parses options, renders, and reports unreadable case files after the output (exit code 5).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from bti_cli.cli import common
from bti_cli.i18n import get_language, h, help_from, t

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from bti_cli.caselog.index import Index, Problem


class CaseStatus(str, Enum):
    open = "open"
    closed = "closed"


class Dimension(str, Enum):
    level = "level"
    closing = "closing"
    tier = "tier"
    service = "service"
    area = "area"
    arena = "arena"


Out = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar=h("cli.mv_file"), help=h("export.opt_out"), show_default=False),
]


# --------------------------------------------------------------------------- reading the index

PROGRESS_AFTER = 1.0  # seconds of work before a progress bar appears
MAX_PROBLEM_LINES = 10
DUE_WITHIN_DAYS = 14  # how far ahead `bti due` and `cases list --due` look by default

IncludeDiscarded = Annotated[
    bool, typer.Option("--include-discarded", help=h("export.opt_include_discarded")),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar=h("export.mv_date"), help=h("export.opt_as_of"), show_default=False),
]


class StatusFilter(str, Enum):
    open = "open"
    closed = "closed"
    all = "all"


# --------------------------------------------------------------------------- shared helpers


class ProgressBar:
    """A progress callback for `Index.refresh`: a bar on stderr once the work has taken more
    than a second, only on a terminal (never with --plain or in a pipe)."""

    def __init__(self, label: str) -> None:
        import time

        self.label = label
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        import time

        if self.bar is None:
            from bti_cli.terminal.console import err, is_plain

            console = err()
            if time.monotonic() - self.started < PROGRESS_AFTER or not console.is_terminal or is_plain():
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        if self.task is not None:
            self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def open_index(rt: common.Runtime, *, force: bool = False) -> Index:
    """The cases folder's index, brought up to date (with a progress bar when slow)."""
    from bti_cli.caselog.index import Index
    from bti_cli.caselog.log import folder_warnings

    folder = rt.require_cases_dir()
    idx = Index.open(folder)
    for warning in folder_warnings(folder):
        _say(warning)
    progress = ProgressBar(t("export.progress_index"))
    try:
        idx.refresh(force=force, progress=progress)
    except BaseException:
        idx.close()
        raise
    finally:
        progress.close()
    if idx.degraded:
        _say(idx.degraded)
    return idx


def report_problems(problems: list[Problem]) -> None:
    """Name each unreadable case file on stderr, then fail with exit code 5 (the output of the
    command, with every other case, has been written already)."""
    if not problems:
        return
    from bti_cli.errors import VerificationError
    from bti_cli.terminal.console import err

    console = err()
    for problem in problems[:MAX_PROBLEM_LINES]:
        console.print(t("export.problem_line", name=problem.name, message=problem.message),
                      markup=False, highlight=False)
    if len(problems) > MAX_PROBLEM_LINES:
        console.print(t("export.problems_more", count=len(problems) - MAX_PROBLEM_LINES), markup=False)
    raise VerificationError(t("export.problems_summary", count=len(problems)), hint=t("export.problems_hint"))


def parse_day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value (None stays None); a clear usage error otherwise."""
    if value is None:
        return None
    from bti_cli.errors import UsageError

    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(t("export.bad_date", option=option), hint=t("export.date_hint")) from None
    if not DAY_RANGE[0] <= day <= DAY_RANGE[1]:
        # a deadline or a period counted from it must stay a date («9999-12-31» + 14 days is none)
        raise UsageError(t("export.date_out_of_range", option=option, first=DAY_RANGE[0].isoformat(),
                           last=DAY_RANGE[1].isoformat()), hint=t("export.date_hint"))
    return day


DAY_RANGE = (date(1900, 1, 1), date(2199, 12, 31))  # what --as-of, --from and --to accept


def case_names(rt: common.Runtime):
    """`names(municipality)`: the names of that municipality's catalogue for its ids
    (bti_cli.catalogue.names), for the rows of cases; the run's own catalogue (`-m`, `--data`)
    for a case of its municipality or one that names none. JSON and CSV keep the ids."""
    from bti_cli.catalogue.names import Names, for_municipality
    from bti_cli.errors import BtiError

    own: list[Names | None] = []

    def names(municipality: str | None) -> Names:
        slug = municipality or rt.municipality
        if rt.data is not None or slug is None:
            if not own:
                try:
                    own.append(Names(data=rt.plain().data))
                except (BtiError, OSError):
                    own.append(None)
            mine = own[0]
            if mine is not None and (slug is None or mine.slug == slug):
                return mine
        return for_municipality(slug)

    return names


def next_due(row: dict[str, Any], today: date | None = None) -> str | None:
    """The earliest pending date of an open case, as `bti due` has it (`caselog.due.due_items`):
    its level-0 decision, next evaluation, a measure's date or the consent's end date; today
    when it waits at the safety gate (barnevern must be informed at once)."""
    from bti_cli.caselog.due import due_items

    if row.get("status") != "open":
        return None
    items = due_items([row], as_of=today or date.today(), within=None)
    return items[0]["due"] if items else None


# --------------------------------------------------------------------------- output files


STDOUT_NAMES = ("-", "/dev/stdout")


def streams_to_stdout(path: Path | None) -> bool:
    return path is None or str(path) in STDOUT_NAMES


@contextlib.contextmanager
def output(path: Path | None, cases_dir: Path | None = None, option: str = "--out") -> Iterator[IO[str]]:
    """stdout (no path, `-` or `/dev/stdout`), or a new 0600 file that replaces `path` only
    once it is completely written (bti_cli.fileio.atomic_writer). Refused: a path inside the
    cases folder (an export must never replace a case file or the index) and anything that
    exists and is not a regular file (a folder, a device such as /dev/null, a pipe, a link).
    `option` is the option that named the file, for the messages (`--out`, `--ics`)."""
    from bti_cli import fileio
    from bti_cli.errors import InputError

    if streams_to_stdout(path):
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:  # `bti export | head`: the reader has all it wanted
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        return
    assert path is not None
    path = path.expanduser()
    if cases_dir is not None:
        folder = Path(cases_dir).expanduser().resolve()
        target = path.resolve()
        if target == folder or folder in target.parents:
            raise InputError(t("export.out_in_cases_dir"), hint=t("export.out_in_cases_dir_hint"))
    if path.is_dir():
        raise InputError(t("export.out_is_dir", option=option))
    if not path.parent.is_dir():
        raise InputError(t("export.out_no_dir", option=option))
    try:
        with fileio.atomic_writer(path) as handle:
            yield handle
    except fileio.NotRegularFile:
        raise InputError(t("export.out_not_regular"), hint=t("export.out_not_regular_hint")) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise InputError(t("export.out_failed", reason=exc.strerror or type(exc).__name__)) from None


def _say(text: str) -> None:
    from bti_cli.terminal.console import err

    err().print(text, markup=False, highlight=False)


# --------------------------------------------------------------------------- bti export


@help_from("export.help_export")
def export(
    ctx: typer.Context,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=h("export.opt_export_format"),
                                            metavar=h("cli.mv_format"), show_default=False)] = None,
    since: Annotated[str | None, typer.Option("--since", metavar=h("export.mv_date"), help=h("export.opt_since"),
                                              show_default=False)] = None,
    until: Annotated[str | None, typer.Option("--until", metavar=h("export.mv_date"), help=h("export.opt_until"),
                                              show_default=False)] = None,
    status: Annotated[CaseStatus | None, typer.Option("--status", "-s", help=h("export.opt_export_status"),
                                                      show_default=False)] = None,
    level: Annotated[int | None, typer.Option("--level", "-l", min=0, max=3, metavar=h("cli.mv_level"),
                                              help=h("export.opt_level"), show_default=False)] = None,
    out: Out = None,
    excel: Annotated[bool, typer.Option("--excel", help=h("export.opt_excel"))] = False,
    schema: Annotated[bool, typer.Option("--schema", help=h("export.opt_schema"))] = False,
    include_discarded: IncludeDiscarded = False,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    import json

    from bti_cli.errors import UsageError
    from bti_cli.reports.export import EXPORT_FORMATS, write_export
    from bti_cli.terminal.render import resolve_format

    rt = common.runtime(ctx, cases_dir=cases_dir, lang=lang)
    if schema:
        from bti_cli.reports.export import export_schema

        sys.stdout.write(json.dumps(export_schema(), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is None:
        fmt = "csv" if excel else "json"
    fmt = resolve_format(fmt, EXPORT_FORMATS)
    if excel and fmt != "csv":
        raise UsageError(t("export.excel_needs_csv", fmt=fmt))
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    if first and last and first > last:
        raise UsageError(t("export.since_after_until"))
    filters: dict[str, Any] = {
        "since": first.isoformat() if first else None,
        "until": last.isoformat() if last else None,
        "status": status.value if status else None,
        "level": level,
        "include_discarded": include_discarded,
    }
    with open_index(rt) as idx:
        problems = idx.problems()
        with output(out, rt.require_cases_dir()) as stream:
            count = write_export(idx.export_texts(**filters), stream, fmt, excel=excel)
    if not streams_to_stdout(out):
        from bti_cli.privacy.guard import shown_path

        _say(t("export.written", count=count, path=shown_path(out)))
    report_problems(problems)


# --------------------------------------------------------------------------- bti stats


def _display(metric: str, value: Any, why: str | None, min_count: int) -> str:
    from bti_cli.reports.export import display_value

    return display_value(metric, value, why, min_count)


class _Labels:
    """Group labels in the chosen language (the catalogue's names for services)."""

    def __init__(self, rt: common.Runtime) -> None:
        from bti_cli.errors import BtiError

        self.services: dict[str, str] = {}
        self.closing: dict[str, str] = {}
        loaded = None
        try:
            loaded = rt.catalogue()
            self.services = {s.id: s.name for s in loaded.catalogue.services}
        except (BtiError, OSError, AttributeError):
            pass
        try:
            from bti_cli.i18n import pick
            from bti_cli.reports.export import closing_reasons
            from bti_cli.walkthrough import process

            proc = process.load_for(loaded) if loaded is not None else process.default_process()
            self.closing = {value: pick(labels) for value, labels in closing_reasons(proc)}
        except (BtiError, OSError, AttributeError):
            pass

    def __call__(self, dimension: str, key: str) -> str:
        from bti_cli.catalogue import loader as catalogue
        from bti_cli.reports.export import TIERS, UNKNOWN

        if dimension == "level":
            return t("export.level_n", n=key)
        if key == UNKNOWN:
            return t("export.closing_unknown") if dimension == "closing" else t("export.unknown")
        if dimension == "closing":
            return self.closing.get(key, key)
        if dimension == "tier":
            return t(f"catalogue.tier_{key}") if key in TIERS else key  # the listings' words
        if dimension == "arena":
            return catalogue.work_arena_label(key)
        if dimension == "area":
            return catalogue.area_label(key)
        return self.services.get(key, key)


@help_from("export.help_stats")
def stats(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", "-y", min=2000, max=2100, metavar=h("export.mv_year"),
                                             help=h("export.opt_year"), show_default=False)] = None,
    by: Annotated[Dimension | None, typer.Option("--by", "-b", help=h("export.opt_by"),
                                                 show_default=False)] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=0, max=common.MIN_COUNT_MAX, metavar=h("export.mv_count"),
                                           help=h("export.opt_min_count"))] = 5,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=h("export.opt_stats_format"),
                                            metavar=h("cli.mv_format"), show_default=False)] = None,
    as_of: AsOf = None,
    include_discarded: IncludeDiscarded = False,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    from bti_cli.reports.export import compute_stats
    from bti_cli.terminal.render import resolve_format

    rt = common.runtime(ctx, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang)
    fmt = resolve_format(fmt, ("table", "json", "csv"))
    today = parse_day(as_of, "--as-of") or date.today()
    filters: dict[str, Any] = {"since": f"{year:04d}-01-01", "until": f"{year:04d}-12-31"} if year else {}
    filters["include_discarded"] = include_discarded
    with open_index(rt) as idx:
        problems = idx.problems()
        figures = compute_stats(idx.export_rows(**filters), today=today, year=year,
                                by=by.value if by else None, min_count=min_count)
    labels = _Labels(rt)
    if fmt == "json":
        import json

        result = figures.as_dict()
        for breakdown in result["breakdowns"]:
            for row in breakdown["rows"]:
                row["label"] = labels(breakdown["by"], row["group"])
        for row in result["child_view"]:
            row["label"] = labels("level", row["level"])
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        from bti_cli.terminal.render import write_csv

        rows = ({**row, "label": labels("level" if row["section"] == "child_view" else row["section"],
                                        row["group"]) if row["group"] else ""}
                for row in figures.long_rows())
        write_csv(rows, sys.stdout, ("section", "group", "label", "metric", "value", "suppressed"))
    else:
        _stats_tables(figures, labels)
    report_problems(problems)


def _stats_tables(figures, labels: _Labels) -> None:
    from bti_cli.reports.export import METRICS
    from bti_cli.terminal.console import out
    from bti_cli.terminal.render import Column, render

    m = figures.min_count
    period = t("export.period_year", year=figures.year) if figures.year else t("export.period_all")
    overview = figures.overview
    rows = [{"figure": t(f"export.metric_{metric}"),
             "value": _display(metric, overview[metric], overview["suppressed"].get(metric), m)}
            for metric in METRICS]
    render(rows, [Column("figure", t("export.col_figure")), Column("value", t("export.col_value"))], "table",
           title=t("export.stats_title", period=period))
    console = out()
    for dimension, table in figures.breakdowns.items():
        console.print("")  # one table at a time: a blank line between them
        metrics = figures.metrics[dimension]
        shown = []
        if dimension in ("arena", "area", "service"):  # by name, "unknown" last
            from bti_cli.catalogue.loader import fold
            from bti_cli.reports.export import UNKNOWN

            table = sorted(table, key=lambda r: (r["group"] == UNKNOWN, fold(labels(dimension, r["group"]))))
        for row in table:
            cells = {"group": labels(dimension, row["group"])}
            for metric in metrics:
                cells[metric] = _display(metric, row[metric], row["suppressed"].get(metric), m)
            shown.append(cells)
        if dimension in ("level", "arena"):  # the groups split the cases: a total row adds up
            total = {"group": t("export.total")}
            for metric in metrics:
                total[metric] = _display(metric, overview[metric], overview["suppressed"].get(metric), m)
            shown.append(total)
        columns = [Column("group", t(f"export.dim_{dimension}"))]
        heading = "short" if len(metrics) > 1 else "metric"
        columns += [Column(metric, t(f"export.{heading}_{metric}")) for metric in metrics]
        render(shown, columns, "table")
    if figures.child_view:
        console.print("")
        shown = [{"group": t("export.level_n", n=row["level"]),
                  "cases": _display("concerns", row["cases"], row["suppressed"].get("cases"), m),
                  "share": _display("share_child_view", row["share_child_view"],
                                    row["suppressed"].get("share_child_view"), m)}
                 for row in figures.child_view]
        render(shown, [Column("group", t("export.col_level")), Column("cases", t("export.col_child_view_cases")),
                       Column("share", t("export.col_share_child_view"))], "table",
               title=t("export.child_view_title"))
    console.print("")
    # part of the tables: wrapped by rich at word boundaries to their width, also in a pipe
    from rich.text import Text

    console.print(Text(t("export.legend", m=m)), highlight=False)
    console.print(t("export.as_of", date=figures.as_of.isoformat()), markup=False, highlight=False)


# --------------------------------------------------------------------------- bti due


@help_from("export.help_due")
def due(
    ctx: typer.Context,
    within: Annotated[int | None, typer.Option("--within", "-w", min=0, max=3650, metavar=h("export.mv_days"),
                                               help=h("export.opt_within"), show_default=False)] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=h("export.opt_overdue"))] = False,
    as_of: AsOf = None,
    ics: Annotated[Path | None, typer.Option("--ics", metavar=h("cli.mv_file"), help=h("export.opt_ics"),
                                             show_default=False)] = None,
    fmt: common.Format = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    from bti_cli.caselog.index import due_items
    from bti_cli.terminal.render import Column, render, resolve_format

    rt = common.runtime(ctx, cases_dir=cases_dir, lang=lang)
    explicit = fmt is not None
    fmt = resolve_format(fmt, ("table", "json", "jsonl", "csv", "md"))
    today = parse_day(as_of, "--as-of") or date.today()
    with open_index(rt) as idx:
        problems = idx.problems()
        open_rows = list(idx.list_rows(status="open"))
        days = DUE_WITHIN_DAYS if within is None else within
        items = due_items(open_rows, as_of=today, within=days)
        # a calendar is for the dates to come: every one, unless --within says how far ahead
        dated = items if ics is None or within is not None else due_items(open_rows, as_of=today, within=None)
    municipality = {row["case_id"]: row.get("municipality") for row in open_rows}
    if overdue:
        items = [item for item in items if item["overdue"]]
        dated = [item for item in dated if item["overdue"]]
    if ics is not None:
        _write_ics(ics, dated, rt.require_cases_dir(),
                   lambda item: case_names(rt)(municipality.get(item["case_id"])))
    if ics is None or explicit:
        from datetime import timedelta

        limit = (today + timedelta(days=days)).isoformat()
        if overdue:
            title, nothing = t("export.overdue_title", date=today.isoformat()), t("export.nothing_overdue",
                                                                                 date=today.isoformat())
        else:
            title, nothing = t("export.due_title", date=limit), t("export.nothing_due", date=limit)
        if fmt in ("table", "md"):
            if not items:
                _say(nothing)
            else:
                names = case_names(rt)
                shown = [{**item, "what_label": due_label(item, names(municipality.get(item["case_id"])))
                          + (f" ({t('export.overdue')})" if item["overdue"] and not overdue else ""),
                          "baton_label": names(municipality.get(item["case_id"])).role(item["baton_holder_role"])}
                         for item in items]
                # who holds the baton always stays (on a narrow terminal each item is a block);
                # the days left (the date is there) and the level give way first
                columns = [
                    Column("case_id", t("export.col_case"), no_wrap=True, primary=True),
                    Column("what_label", t("export.col_what")),
                    Column("due", t("export.col_due"), no_wrap=True),
                    Column("days_left", t("export.col_days_left"), drop_order=2),
                    Column("level", t("export.col_level"), drop_order=1),
                    Column("baton_label", t("export.col_baton")),
                ]
                render(shown, columns, fmt, title=title)
                deciding = {item["case_id"] for item in items if item["what"] == "decision"}
                # the rows name no municipality yet: then the configured one (-m, config) is meant
                slugs = {municipality.get(case) or rt.municipality for case in deciding}
                for rule in _deadline_rules(slugs):
                    _say(rule)
        elif fmt == "csv":
            from bti_cli.terminal.render import write_csv

            write_csv(items, sys.stdout, ("case_id", "what", "due", "days_left", "overdue", "level",
                                          "baton_holder_role", "measure", "owner"))
        else:
            render(items, [], fmt)
    report_problems(problems)


def due_label(item: dict[str, Any], names) -> str:
    """What falls due in words: a measure by its name and its owner's (the case's catalogue,
    `names`), a consent as running out (due) or run out (overdue)."""
    if item["what"] == "measure":
        owner = item.get("owner")
        return t("export.what_measure_named", measure=names.measure(item.get("measure")),
                 owner=names.owner(owner) if owner else t("export.no_role"))
    if item["what"] == "consent" and item["overdue"]:
        return t("export.what_consent_expired")
    return t(f"export.what_{item['what']}")


def _deadline_rules(municipalities: set[str | None]) -> list[str]:
    """The decision deadline of each municipality, worded by where it comes from."""
    from bti_cli.catalogue import loader as catalogue
    from bti_cli.catalogue.rules import rule_text, setting_source
    from bti_cli.errors import BtiError

    rules = []
    for slug in sorted(municipalities, key=lambda m: m or ""):
        try:
            plain = catalogue.load_plain(slug)
        except BtiError:
            continue  # a case from a municipality this installation does not ship
        source = setting_source(plain.data.get("settings_sources"), "decision_deadline_days")
        days = int(plain.data["settings"]["decision_deadline_days"])
        rule = rule_text("decision_deadline_days", source, days)
        rules.append(t("export.due_deadline_rule", municipality=plain.name, rule=rule))
    return rules


def _write_ics(path: Path, items: list[dict[str, Any]], cases_dir: Path, names_of) -> None:
    """The items as calendar entries, read by people: what falls due and the baton holder's
    role by its name in the case's catalogue (`names_of(item)`)."""
    from bti_cli import __version__
    from bti_cli.reports.export import ics_calendar

    entries = []
    for item in items:
        what = due_label(item, names_of(item))
        holder = item.get("baton_holder_role")
        # the role as every table and the SUMMARY write it: the catalogue's name, capital and all
        role = names_of(item).role(holder) if holder else t("export.no_role")
        entries.append({
            "uid": f"{item['case_id']}-{item['what']}{'-' + item['measure'] if item.get('measure') else ''}@bti-cli",
            "day": item["due"],
            "summary": t("export.ics_summary", what=what, case=item["case_id"]),
            "description": t("export.ics_description", level=item["level"], role=role, case=item["case_id"]),
        })
    from datetime import UTC

    # the language of the entries' texts, as PRODID's last part says it
    product = f"-//bti-cli//bti {__version__}//{get_language().upper()}"
    text = ics_calendar(entries, stamp=datetime.now(UTC), product=product)
    with output(path, cases_dir, option="--ics") as stream:
        stream.write(text)
    if not streams_to_stdout(path):
        from bti_cli.privacy.guard import shown_path

        _say(t("export.ics_written", count=len(entries), path=shown_path(path)))
