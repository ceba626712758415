"""The leaders' yearly report (`bti report`): the plan's evaluation in one page.

Core module: takes the figures of `compute_stats` (this year's and, when there were cases, the
year before's) and the catalogue, and returns the page as text (HTML or Markdown). Never prints
or prompts. Every count on the page is a count of `compute_stats`, protected there (small counts
and secondary suppression): this module only lays the figures out, in tables and in charts drawn
from the same cells, so a chart never shows what its table hides. No free text of any case is
read: the export rows hold none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from bti_cli.i18n import get_language, t
from bti_cli.reports import svg
from bti_cli.reports.export import SECONDARY, SMALL, UNKNOWN, Stats, display_value

REPORT_FORMATS = ("html", "md")
DIMENSIONS = ("level", "arena", "area", "tier", "service", "closing", "month", "measure")
Labels = Callable[[str, str], str]

# the overview's figures in the page's order (export.COUNT_METRICS / VALUE_METRICS)
KEY_FIGURES = (
    "concerns", "closed", "notified_barnevern", "median_days_to_decision", "share_decided_within_deadline",
    "handovers_offered", "handovers_accepted", "handovers_pending", "evaluations_on_time", "evaluations_late",
    "open_overdue_evaluations",
)


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    id: str
    title: str
    notes: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    chart: str | None = None
    tables: list[Table] = field(default_factory=list)


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section]
    legend: str


# --------------------------------------------------------------------------- building


def _cell(row: dict[str, Any], metric: str, m: int) -> str:
    return display_value(metric, row.get(metric), row["suppressed"].get(metric), m)


def _rows(stats: Stats | None, dim: str) -> dict[str, dict[str, Any]]:
    if stats is None or dim not in stats.breakdowns:
        return {}
    return {row["group"]: row for row in stats.breakdowns[dim]}


def _chart_bars(rows: Sequence[dict[str, Any]], label: Callable[[str], str], m: int) -> list[svg.Bar]:
    """Bars from the table's own cells: a hidden cell draws no bar."""
    bars = []
    for row in rows:
        hidden = row["suppressed"].get("concerns") in (SMALL, SECONDARY)
        bars.append(svg.Bar(label(row["group"]), None if hidden else row["concerns"], _cell(row, "concerns", m)))
    return bars


def _breakdown(stats: Stats, before: Stats | None, dim: str, label: Callable[[str], str], *, title: str,
               column: str, chart: str | None = None, order: Sequence[str] | None = None) -> Section:
    m = stats.min_count
    rows = list(stats.breakdowns.get(dim, []))
    if order is not None:
        rank = {key: i for i, key in enumerate(order)}
        rows.sort(key=lambda r: (rank.get(r["group"], len(rank)), r["group"] == UNKNOWN, r["group"]))
    elif dim in ("arena", "area", "service"):  # by name, "unknown" last
        rows.sort(key=lambda r: (r["group"] == UNKNOWN, label(r["group"]).casefold()))
    previous = _rows(before, dim)
    columns = [column, str(stats.year)]
    if before is not None:
        columns.append(str(before.year))
    table_rows = []
    keys = [r["group"] for r in rows] + [k for k in previous if k not in {r["group"] for r in rows}]
    current = {r["group"]: r for r in rows}
    for key in keys:
        cells = [label(key)]
        cells.append(_cell(current[key], "concerns", m) if key in current else "–")
        if before is not None:
            cells.append(_cell(previous[key], "concerns", before.min_count) if key in previous else "–")
        table_rows.append(cells)
    section = Section(dim, title, tables=[Table(title, columns, table_rows)])
    if chart is not None:
        section.chart = svg.bar_chart(_chart_bars(rows, label, m), title=title, chart_id=f"chart-{dim}",
                                      horizontal=chart == "horizontal")
    return section


def deadline_words(catalogue: Any) -> str:
    """The decision deadline worded by its source (`settings_sources`, else the tool's default
    provenance): the same sentence as the walkthrough's and `bti due`'s, with its reference."""
    from bti_cli.catalogue.rules import rule_text, setting_source, source_reference

    days = catalogue.settings.decision_deadline_days if catalogue is not None else 14
    source = setting_source(getattr(catalogue, "settings_sources", None), "decision_deadline_days")
    text = rule_text("decision_deadline_days", source, days)
    reference = source_reference(source)
    return t("report.deadline", rule=text, ref=reference) if reference else text


def _plan_section(catalogue: Any, stats: Stats, municipality: str, deadline: str, cases_before: int | None,
                  version: str) -> Section:
    section = Section("plan", t("report.s_plan"))
    plan = getattr(catalogue, "plan", None)
    facts = section.facts
    if plan is None:
        section.notes.append(t("report.no_plan"))
    else:
        facts.append((t("report.f_title"), plan.title))
        if plan.period is not None:
            end = plan.period.end if plan.period.end is not None else "…"
            facts.append((t("report.f_period"), f"{plan.period.start}–{end}"))
        adopted = plan.adopted
        if adopted is not None:
            parts = [str(p) for p in (adopted.date, adopted.by, adopted.ref) if p]
            facts.append((t("report.f_adopted"), ", ".join(parts)))
        facts.append((t("report.f_evaluation"), plan.evaluation or t("report.not_stated")))
        if not plan.names_bti and plan.model_note:
            section.notes.append(t("report.model_note"))
        section.links = [(link.title, link.url) for link in plan.links]
    facts.append((t("report.f_covers"), t("report.covers", year=stats.year, municipality=municipality,
                                           as_of=stats.as_of.isoformat())))
    if cases_before is not None:
        facts.append((t("report.f_compared"), t("report.compared", year=(stats.year or 0) - 1)))
    facts.append((t("report.f_deadline"), deadline))
    facts.append((t("report.f_protection"), t("report.protection", m=stats.min_count)))
    facts.append((t("report.f_made_by"), t("report.made_by", version=version)))
    return section


def _key_figures(stats: Stats, before: Stats | None) -> Section:
    columns = [t("report.col_figure"), str(stats.year)] + ([str(before.year)] if before else [])
    rows = []
    for metric in KEY_FIGURES:
        cells = [t(f"export.metric_{metric}"), _cell(stats.overview, metric, stats.min_count)]
        if before is not None:
            cells.append(_cell(before.overview, metric, before.min_count))
        rows.append(cells)
    section = Section("figures", t("report.s_figures"), tables=[Table(t("report.s_figures"), columns, rows)])
    section.notes.append(t("report.figures_note", as_of=stats.as_of.isoformat()))
    return section


def _child_view(stats: Stats, before: Stats | None) -> Section:
    title = t("export.child_view_title")
    columns = [t("export.col_level"), t("export.col_child_view_cases"), t("export.col_share_child_view")]
    if before is not None:
        columns.append(f"{t('export.col_share_child_view')} {before.year}")
    prev = {row["level"]: row for row in before.child_view} if before is not None else {}
    rows = []
    for row in stats.child_view:
        cells = [t("export.level_n", n=row["level"]), _cell(row, "cases", stats.min_count),
                 _cell(row, "share_child_view", stats.min_count)]
        if before is not None:
            other = prev.get(row["level"])
            cells.append(_cell(other, "share_child_view", before.min_count) if other else "–")
        rows.append(cells)
    section = Section("child-view", title, tables=[Table(title, columns, rows)])
    section.notes.append(t("report.child_view_note"))
    return section


def _catalogue_section(stats: Stats, before: Stats | None, catalogue: Any, labels: Labels) -> list[Section]:
    m = stats.min_count
    sections = [
        _breakdown(stats, before, "tier", lambda k: labels("tier", k), title=t("export.dim_tier"),
                   column=t("report.col_tier")),
        _breakdown(stats, before, "service", lambda k: labels("service", k), title=t("export.dim_service"),
                   column=t("report.col_service")),
    ]
    if catalogue is None:
        return sections
    used = _rows(stats, "measure")
    by_id: dict[str, Any] = {}
    for measure in catalogue.measures:
        by_id[measure.id] = measure
        for alias in measure.aliases:
            by_id.setdefault(alias, measure)
    counts: dict[str, dict[str, Any]] = {}
    for key, row in used.items():
        measure = by_id.get(key)
        if measure is not None:
            counts.setdefault(measure.id, row)
    year = stats.year or stats.as_of.year
    never = [mm for mm in catalogue.measures if mm.id not in counts and getattr(mm.purpose, "value", "direct")
             == "direct"]
    practice = Section("practice", t("report.s_practice"))
    practice.notes.append(t("report.never_used", count=len(never), total=sum(
        1 for mm in catalogue.measures if getattr(mm.purpose, "value", "direct") == "direct")))
    if never:
        practice.tables.append(Table(t("report.never_used_caption"), [t("report.col_measure"),
                                     t("report.col_service")],
                                     [[mm.name, labels("service", mm.service)] for mm in never]))
    still = []
    for mm in catalogue.measures:
        status = getattr(mm.status, "value", str(mm.status))
        ended = mm.period is not None and mm.period.end is not None and mm.period.end < year
        if mm.id in counts and (status in ("planned", "developing") or ended):
            why = t("report.ended", end=mm.period.end) if ended and mm.period else t(f"report.status_{status}")
            still.append([mm.name, why, _cell(counts[mm.id], "concerns", m)])
    if still:
        practice.tables.append(Table(t("report.still_chosen"), [t("report.col_measure"), t("report.col_status"),
                                     t("report.col_cases")], still))
    else:
        practice.notes.append(t("report.none_still_chosen"))
    sections.append(practice)
    return sections


def _indicators(catalogue: Any, stats: Stats) -> Section:
    section = Section("indicators", t("report.s_indicators"))
    plan = getattr(catalogue, "plan", None)
    indicators = list(plan.indicators) if plan is not None else []
    if not indicators:
        section.notes.append(t("report.no_indicators"))
        return section
    section.notes.append(t("report.indicators_note"))
    rows = []
    for ind in indicators:
        baseline = f"{ind.baseline} {ind.unit}".strip() if ind.unit else str(ind.baseline)
        comparison = "; ".join(f"{k}: {v}" for k, v in ind.comparison.items())
        rows.append([ind.name, str(ind.year or "–"), baseline, comparison or "–", t("report.not_counted")])
    section.tables.append(Table(t("report.s_indicators"),
                                [t("report.col_indicator"), t("report.col_year"), t("report.col_baseline"),
                                 t("report.col_comparison"), str(stats.year)], rows))
    return section


def build(stats: Stats, before: Stats | None, *, catalogue: Any, municipality: str, labels: Labels,
          closing_order: Sequence[str], version: str) -> Report:
    """The page's content: `stats` from `compute_stats(..., year=Y, dimensions=DIMENSIONS)`, `before`
    the same for Y-1 (None when it had no cases)."""
    months = t("report.months").split()
    m = stats.min_count
    deadline = deadline_words(catalogue)
    sections = [
        _plan_section(catalogue, stats, municipality, deadline, before.overview["concerns"] if before else None,
                      version),
        _key_figures(stats, before),
        _breakdown(stats, before, "month", lambda k: months[int(k) - 1] if k.isdigit() else labels("month", k),
                   title=t("report.s_month"), column=t("report.col_month"), chart="vertical"),
        _breakdown(stats, before, "level", lambda k: labels("level", k), title=t("export.dim_level"),
                   column=t("export.col_level"), chart="vertical"),
        _breakdown(stats, before, "closing", lambda k: labels("closing", k), title=t("export.dim_closing"),
                   column=t("report.col_reason"), chart="horizontal", order=closing_order),
        _breakdown(stats, before, "arena", lambda k: labels("arena", k), title=t("report.s_arena"),
                   column=t("export.dim_arena"), chart="horizontal"),
        _breakdown(stats, before, "area", lambda k: labels("area", k), title=t("export.dim_area"),
                   column=t("report.col_area")),
        _child_view(stats, before),
    ]
    sections += _catalogue_section(stats, before, catalogue, labels)
    sections.append(_indicators(catalogue, stats))
    title = t("report.title", year=stats.year, municipality=municipality)
    return Report(title, t("report.subtitle"), sections, t("export.legend", m=m))


# --------------------------------------------------------------------------- rendering

CSS = """
:root{color-scheme:light}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
background:#fff;max-width:62rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:1.8rem 0 .5rem;
border-bottom:2px solid #1f5f8b;padding-bottom:.2rem}
.subtitle{color:#444;margin:0 0 1rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border-bottom:1px solid #d0d0d0;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#eef3f7}
td.n{text-align:right;white-space:nowrap}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.pair figure{margin:0;flex:1 1 30rem;max-width:100%}
.pair svg{max-width:100%;height:auto}
.note{color:#333}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin-top:2rem;color:#444;font-size:.9rem}
@page{size:A4;margin:16mm 14mm}
@media print{body{font-size:10.5pt;max-width:none;padding:0}
section{break-inside:avoid-page}h2{break-after:avoid}table,figure{break-inside:avoid}
a{color:inherit;text-decoration:none}a[href]::after{content:" (" attr(href) ")";font-size:.85em}
th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def _numeric(text: str) -> bool:
    return bool(text) and (text[0].isdigit() or text[0] in "<x–") and len(text) < 12


def _html_table(table: Table, *, heading: str = "") -> str:
    # a caption that repeats the section's heading is there for screen readers only
    css = ' class="sr"' if table.caption == heading else ""
    parts = ["<table>", f"<caption{css}>{escape(table.caption)}</caption>"]
    parts.append("<thead><tr>" + "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns) + "</tr></thead>")
    parts.append("<tbody>")
    for row in table.rows:
        cells = [f'<th scope="row">{escape(row[0])}</th>']
        cells += [f'<td class="n">{escape(c)}</td>' if _numeric(c) else f"<td>{escape(c)}</td>" for c in row[1:]]
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def render_html(report: Report) -> str:
    lang = get_language()
    parts = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(report.title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
           f"<header><h1>{escape(report.title)}</h1><p class=\"subtitle\">{escape(report.subtitle)}</p></header>",
           "<main>"]
    for section in report.sections:
        parts.append(f'<section id="{escape(section.id, quote=True)}"><h2>{escape(section.title)}</h2>')
        if section.facts:
            parts.append('<dl class="facts">' + "".join(
                f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in section.facts) + "</dl>")
        if section.links:
            parts.append(f"<p>{escape(t('report.links'))}</p><ul>" + "".join(
                f'<li><a href="{escape(url, quote=True)}">{escape(title)}</a></li>' for title, url in section.links)
                + "</ul>")
        for note in section.notes:
            parts.append(f'<p class="note">{escape(note)}</p>')
        tables = list(section.tables)
        if section.chart is not None and tables:
            parts.append('<div class="pair"><figure>' + section.chart + "</figure>"
                       + _html_table(tables[0], heading=section.title) + "</div>")
            tables = tables[1:]
        parts.extend(_html_table(table, heading=section.title) for table in tables)
        parts.append("</section>")
    parts.append("</main>")
    parts.append(f"<footer><p>{escape(report.legend)}</p><p>{escape(t('report.no_free_text'))}</p></footer>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table) -> list[str]:
    lines = [f"**{_md(table.caption)}**", ""]
    lines.append("| " + " | ".join(_md(c) for c in table.columns) + " |")
    lines.append("|" + "|".join(["---"] + ["--:"] * (len(table.columns) - 1)) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(_md(c) for c in row) + " |")
    lines.append("")
    return lines


def render_md(report: Report) -> str:
    lines = [f"# {_md(report.title)}", "", _md(report.subtitle), ""]
    for section in report.sections:
        lines += [f"## {_md(section.title)}", ""]
        for key, value in section.facts:
            lines.append(f"- **{_md(key)}:** {_md(value)}")
        if section.facts:
            lines.append("")
        if section.links:
            lines.append(_md(t("report.links")))
            lines.append("")
            lines += [f"- [{_md(title)}](<{url}>)" for title, url in section.links]
            lines.append("")
        for note in section.notes:
            lines += [_md(note), ""]
        if section.chart is not None:
            lines += [section.chart, ""]
        for table in section.tables:
            lines += _md_table(table)
    lines += ["---", "", _md(report.legend), "", _md(t("report.no_free_text")), ""]
    return "\n".join(lines)


def render(report: Report, fmt: str) -> str:
    return render_html(report) if fmt == "html" else render_md(report)


