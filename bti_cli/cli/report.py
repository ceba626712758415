"""`bti report --year YYYY`: the leaders' yearly report on one page (HTML or Markdown).

Thin: the figures come from `bti_cli.reports.export.compute_stats` (the small-count protection
of `bti stats`), the page from `bti_cli.reports.yearly`. Only this command imports them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from bti_cli.cli import common
from bti_cli.i18n import h, help_from, t


@help_from("report.help_report")
def report(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", "-y", min=2000, max=2100, metavar=h("export.mv_year"),
                                      help=h("report.opt_year"))],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=h("report.opt_format"),
                                            metavar=h("cli.mv_format"), show_default=False)] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar=h("cli.mv_file"), help=h("report.opt_out"),
                                             show_default=False)] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=0, max=common.MIN_COUNT_MAX, metavar=h("export.mv_count"),
                                           help=h("export.opt_min_count"))] = 5,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar=h("export.mv_date"), help=h("export.opt_as_of"),
                                              show_default=False)] = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    from bti_cli import __version__
    from bti_cli.cli.export import _Labels, _say, open_index, output, parse_day, report_problems
    from bti_cli.errors import BtiError
    from bti_cli.reports import yearly
    from bti_cli.reports.export import closing_reasons, compute_stats
    from bti_cli.terminal.render import resolve_format

    rt = common.runtime(ctx, municipality=municipality, data=data, cases_dir=cases_dir, lang=lang)
    fmt = resolve_format(fmt or "html", yearly.REPORT_FORMATS)
    today = parse_day(as_of, "--as-of") or date.today()
    folder = rt.require_cases_dir()
    with open_index(rt) as idx:
        problems = idx.problems()
        this = compute_stats(idx.export_rows(since=f"{year:04d}-01-01", until=f"{year:04d}-12-31"), today=today,
                             year=year, min_count=min_count, dimensions=yearly.DIMENSIONS)
        before = compute_stats(idx.export_rows(since=f"{year - 1:04d}-01-01", until=f"{year - 1:04d}-12-31"),
                               today=today, year=year - 1, min_count=min_count, dimensions=yearly.DIMENSIONS)
    catalogue = None
    name = ""
    try:
        loaded = rt.catalogue()
        catalogue = loaded.catalogue
        name = catalogue.municipality.name
    except (BtiError, OSError, AttributeError):
        pass
    labels = _Labels(rt)
    order: list[str] = []
    try:
        from bti_cli.walkthrough import process

        order = [value for value, _ in closing_reasons(process.default_process())]
    except (BtiError, OSError):
        pass
    count = this.cases
    page = yearly.build(this, before if before.cases else None, catalogue=catalogue, municipality=name,
                        labels=labels, closing_order=order, version=__version__)
    with output(out, folder) as stream:  # never into the cases folder
        stream.write(yearly.render(page, fmt))
    if out is not None:
        from bti_cli.privacy.guard import shown_path

        _say(t("report.written", year=year, path=shown_path(out), count=count))
    report_problems(problems)
