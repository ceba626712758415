"""`bti cases show CASE` and `bti cases verify [CASE]`: read and check case files."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bti_cli.cli import common
from bti_cli.cli.cases import cases_app
from bti_cli.i18n import h, t

if TYPE_CHECKING:
    from bti_cli.caselog.log import CaseLog

SHOW_FORMATS = ("table", "md", "json")
VERIFY_FORMATS = ("table", "json", "jsonl", "csv")


class Reader(str, Enum):
    """Who a `cases show` is for: the employees (the log) or the family (a plain summary)."""

    staff = "staff"
    guardians = "guardians"


# summary fields shown by `show` (table and md), in this order; json has every field
SUMMARY_FIELDS = (
    "status", "level", "highest_level", "arena", "actor_role", "subject", "age", "concern_areas",
    "concern_scale", "concern_date", "decision", "decision_date", "decision_deadline",
    "notified_barnevern", "notified_date", "measures", "measure_owners", "services_involved", "baton_holder_role",
    "pending_baton_holder_role", "consent_services", "consent_until", "evaluations",
    "next_evaluation", "pending_step", "closed",
)


# --------------------------------------------------------------------------- building the view


def _process_for(municipality: str):
    """The process (with the municipality's overrides) for labels and the summary, or None."""
    from bti_cli.errors import BtiError

    try:
        from bti_cli.walkthrough import process
    except ImportError:  # the engine is not installed in this build
        return None
    try:
        from bti_cli.catalogue import loader as catalogue

        return process.load_for(catalogue.load(municipality))
    except (BtiError, OSError, AttributeError):
        pass
    try:
        return process.default_process()
    except (BtiError, OSError):
        return None


def _summary(log: CaseLog, proc) -> dict | None:
    """The derived state (bti_cli.caselog.state), or None when no process definition is available."""
    if proc is None:
        return None
    try:
        from bti_cli.caselog import state
    except ImportError:
        return None
    summary = state.summarise(log.header, log.events, deadline_days=proc.deadline_days, process=proc)
    return summary.model_dump(mode="json") if hasattr(summary, "model_dump") else dict(summary)


def _local_time(stamp: str) -> str:
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _text(labels, proc) -> str:
    """A label from the process in the current language, its {placeholders} filled in."""
    from bti_cli.i18n import pick

    text = pick(labels)
    if "{" not in text or proc is None:
        return text
    from bti_cli.walkthrough.process import format_text

    return format_text(text, proc)


def _label(function: str, key: str) -> str:
    try:
        from bti_cli.catalogue import loader as catalogue

        return getattr(catalogue, function)(key)
    except Exception:  # noqa: BLE001 - a label is a nicety; the key stands on its own
        return key


def _option_label(question, value: Any, proc, names=None) -> Any:
    if isinstance(value, bool):
        return value
    for option in getattr(question, "options", None) or ():
        if option.value == value and not isinstance(option.value, bool):
            return _text(option.label, proc)
    source = getattr(question, "options_from", None)
    if isinstance(value, str) and source in ("areas", "work_arenas"):
        return _label("area_label" if source == "areas" else "work_arena_label", value)
    if isinstance(value, str) and names is not None:
        # the catalogue's names for its ids (arenas, services, baton holders)
        if source == "arenas":
            return names.arena(value)
        if source == "services":
            return names.service(value)
        # a baton holder, and the answer to "your role" (the question the configured role
        # answers): the role as the catalogue names it, as in every table ("Kontaktlærer")
        if getattr(question, "kind", None) == "coordinator" or getattr(question, "default", None) == "config:role":
            return names.role(value)
    return value


def _answer_text(question, value: Any, proc, names=None) -> Any:
    """An answer for people: option labels where the process names them, the catalogue's names
    for its ids (with `names`), else the value."""
    if question is None or value is None:
        return value
    if value == "unborn" and getattr(question, "kind", None) == "integer":
        return t("caselog.answer_unborn")  # an age question that takes "unborn" (a process override)
    if isinstance(value, list):
        return [_option_label(question, v, proc, names) for v in value]
    return _option_label(question, value, proc, names)


def decision_text(value: Any) -> str:
    """`level:2` → "level 2" etc., in the current language."""
    text = str(value)
    if text.startswith("level:"):
        return t("caselog.d_level", n=text.partition(":")[2])
    if text in ("close", "notify", "continue"):
        return t(f"caselog.d_{text}")
    return text


def event_rows(log: CaseLog, proc) -> list[dict]:
    """One row per event: the stored fields plus labels from the process (None when unknown)."""
    rows = []
    for event in log.events:
        step = proc.step(event.step) if proc is not None else None
        question = step.question(event.question) if step is not None and event.question else None
        row = event.model_dump(mode="json")
        row["step_label"] = _text(step.title, proc) if step is not None else None
        row["question_label"] = _text(question.text, proc) if question is not None else None
        rows.append(row)
    return rows


def _display_rows(log: CaseLog, proc, rows: list[dict]) -> list[dict]:
    """Rows for people (table, md): labels, local times, answers as text."""
    from bti_cli.terminal.render import cell_text

    names = _catalogue_names(log.header.municipality)
    shown = []
    for event, row in zip(log.events, rows, strict=True):
        step = proc.step(event.step) if proc is not None else None
        question = step.question(event.question) if step is not None and event.question else None
        kind = event.kind.value
        answer = _answer_text(question, event.value, proc, names)
        if isinstance(answer, bool):
            answer = t("caselog.yes") if answer else t("caselog.no")
        elif getattr(question, "kind", None) == "measures" and isinstance(answer, (dict, list)):
            # the measures by name; their services and tiers are in the summary
            answer = [names.measure(m.get("id") if isinstance(m, dict) else str(m)) for m in answer]
        elif getattr(question, "kind", None) == "owners" and isinstance(answer, dict):
            from bti_cli.walkthrough.prompts import owner_fields

            answer = [t("caselog.measure_owner_line", measure=names.measure(mid),
                        owner=names.owner(owner_fields(tokens).get("owner")) or "-",
                        date=owner_fields(tokens).get("date", "-")) for mid, tokens in answer.items()]
        if kind == "decision":
            label = None
            if step is not None and isinstance(event.value, str):
                label = next((d.label for d in step.decisions if d.to == event.value), None)
            answer = _text(label, proc) if label is not None else decision_text(event.value)
        what = row["question_label"] or event.question
        if kind != "answer":
            what = t(f"caselog.k_{kind}") + (f": {what}" if what else "")
        elif proc is not None and answer and proc.for_family(event.step, event.question):
            what = f"{what} {t('caselog.shown_to_family')}"  # the staff see what the family will read
        shown.append({
            "seq": event.seq,
            "time": _local_time(event.at),
            "level": event.level,
            "step": event.step,
            "step_label": row["step_label"],
            "kind_label": t(f"caselog.k_{kind}") if step is None else None,
            "question": what or "",
            "answer": cell_text(answer),
            "role": names.role(event.actor_role) if event.actor_role else "",
        })
    return shown


def _runs(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """Consecutive events of one step and level under one heading, in time order."""
    from bti_cli.catalogue.names import readable

    runs: list[tuple[str, list[dict]]] = []
    key = None
    for row in rows:
        this = (row["level"], row["step"])
        if this != key:
            # words, not the step id (the id is the key of `bti cases edit`, which lets a person
            # choose the answer from a list; JSON keeps the ids)
            name = row["step_label"] or row.get("kind_label") or readable(row["step"])
            runs.append((t("caselog.run_title", level=row["level"], step=name), []))
            key = this
        runs[-1][1].append(row)
    return runs


def _find_question(proc, question_id: str):
    for step in proc.steps:
        question = step.question(question_id)
        if question is not None:
            return question
    return None


def _catalogue_names(municipality: str | None):
    """Names for the catalogue's ids (services, measures, roles) of the case's municipality
    (bti_cli.catalogue.names); readable ids when its catalogue cannot be loaded."""
    from bti_cli.catalogue.names import for_municipality

    return for_municipality(municipality)


def _summary_rows(summary: dict, proc=None) -> list[dict]:
    from bti_cli.i18n import pick
    from bti_cli.terminal.render import cell_text

    names = _catalogue_names(summary.get("municipality"))
    rows = []
    for key in SUMMARY_FIELDS:
        value = summary.get(key)
        if value is None or value == [] or value == "":
            continue
        if key == "measures":
            ids = [m.get("id", "?") if isinstance(m, dict) else m for m in value]
            value = [names.measure(i) for i in ids]
        elif key == "measure_owners":
            value = [t("caselog.measure_owner_line", measure=names.measure(o.get("id")),
                       owner=names.owner(o.get("owner")) or "-", date=o.get("date") or "-")
                     for o in value if isinstance(o, dict)]
        elif key in ("services_involved", "consent_services"):
            value = [names.service(v) for v in value]
        elif key in ("baton_holder_role", "pending_baton_holder_role", "actor_role"):
            value = names.role(value)
        elif key == "pending_step" and proc is not None and proc.step(value) is not None:
            value = pick(proc.step(value).title)
        elif key == "arena":
            value = _label("work_arena_label", value)
        elif key == "concern_areas":
            value = [_label("area_label", v) for v in value]
        elif key == "status":
            value = t(f"caselog.status_{value}") if value in ("open", "closed", "discarded") else value
        elif key == "decision":
            value = decision_text(value)
        elif isinstance(value, bool):
            value = t("caselog.yes") if value else t("caselog.no")
        elif key == "subject" and proc is not None:
            value = _answer_text(_find_question(proc, "subject"), value, proc)
        # one item a line in a table (an id is not broken between two items); ", " in Markdown
        rows.append({"field": t(f"caselog.f_{key}"), "value": cell_text(value, ",\n")})
    return rows


def _timeline_columns():
    from bti_cli.terminal.render import Column

    # on a narrow terminal the role goes first (it repeats from row to row), then the event
    # number, then the time: the question and the answer stay side by side
    return [
        Column("seq", "#", no_wrap=True, drop_order=2),
        Column("time", t("caselog.c_time"), no_wrap=True, drop_order=1),
        Column("question", t("caselog.c_question"), max_width=40, min_width=22, primary=True),
        Column("answer", t("caselog.c_answer"), max_width=50, min_width=22),
        Column("role", t("caselog.c_role"), max_width=20, drop_order=3),
    ]


def _summary_columns():
    from bti_cli.terminal.render import Column

    return [Column("field", t("caselog.c_field")), Column("value", t("caselog.c_value"), max_width=60)]


# --------------------------------------------------------------------------- commands


@cases_app.command("show", help=h("caselog.help_show"))
def show(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(metavar=h("walk.mv_case"), help=h("walk.arg_case"), show_default=False,
                                        autocompletion=common.complete_case)],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", show_default=False, help=h("caselog.opt_show_format"),
                     metavar=h("cli.mv_format"), autocompletion=common.completer(*SHOW_FORMATS)),
    ] = None,
    reader: Annotated[
        Reader,
        typer.Option("--for", help=h("caselog.opt_show_for"), metavar=h("caselog.mv_reader"), show_default=False),
    ] = Reader.staff,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    """Show a case's log: its summary and a timeline of events (level, step, answer, role)."""
    from bti_cli.caselog.log import CaseLog
    from bti_cli.errors import VerificationError
    from bti_cli.terminal.render import resolve_format

    rt = common.runtime(ctx, cases_dir=cases_dir, lang=lang)
    if reader is Reader.guardians:
        # text for people: rendered on a terminal, Markdown in a pipe (`> summary.md`)
        piped = fmt is None and resolve_format(None) == "json"
        _show_for_guardians(rt, case, "md" if piped else resolve_format(fmt, SHOW_FORMATS))
        return
    fmt = resolve_format(fmt, SHOW_FORMATS)
    log = CaseLog.open(rt.require_cases_dir(), case, check=False)
    proc = _process_for(log.header.municipality)
    summary = _summary(log, proc)
    rows = event_rows(log, proc)
    if fmt == "json":
        document = {
            "header": log.header.model_dump(mode="json"),
            "summary": summary,
            "events": rows,
            "verified": not log.problems,
            "problems": list(log.problems),
        }
        from bti_cli.privacy.controls import escape_controls_json

        sys.stdout.write(escape_controls_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "md":
        _write_markdown(log, summary, _display_rows(log, proc, rows), proc)
    else:
        _print_table(log, summary, _display_rows(log, proc, rows), proc)
    if log.problems:
        raise VerificationError(t("caselog.show_broken", case=log.case_id, count=len(log.problems)),
                                hint=t("caselog.verify_hint", case=log.case_id))


def _show_for_guardians(rt, case: str, fmt: str) -> None:
    """The family's summary (bti_cli.reports.family): Markdown for `--format md`, rendered on a terminal.

    Only from a case file that passes verification: what is handed to a family must be what
    was recorded."""
    from bti_cli.caselog.log import CaseLog
    from bti_cli.errors import BtiError, UsageError
    from bti_cli.reports.family import guardian_summary

    if fmt not in ("md", "table"):
        raise UsageError(t("caselog.for_guardians_format"))
    log = CaseLog.open(rt.require_cases_dir(), case)
    try:
        from bti_cli.catalogue import loader as catalogue

        cat = catalogue.load(log.header.municipality).catalogue
    except BtiError:
        cat = None  # names fall back to ids; the summary is still the family's
    from bti_cli.privacy.controls import escape_controls

    # shown visibly: a text from a case file written before control characters were stripped
    text = escape_controls(
        guardian_summary(log.header, log.events, catalogue=cat, process=_process_for(log.header.municipality)))
    from bti_cli.reports.family import adult_subject, consented_alone
    from bti_cli.terminal.console import err, is_plain, out

    # the young person's own: the guardians may not be entitled to it
    if consented_alone(log.events):
        err().print(f"bti: {t('family.youth_alone_warning', case=log.case_id)}", markup=False, highlight=False)
    elif adult_subject(log.events):
        err().print(f"bti: {t('family.adult_warning', case=log.case_id)}", markup=False, highlight=False)

    if fmt == "md" or is_plain():
        sys.stdout.write(text)
        return
    from rich.markdown import Markdown

    out().print(Markdown(text))


def _facts(log: CaseLog) -> list[tuple[str, str]]:
    header = log.header
    return [
        (t("caselog.h_municipality"), _catalogue_names(header.municipality).municipality(header.municipality)),
        (t("caselog.h_created"), _local_time(header.created)),
        (t("caselog.h_catalogue_version"), header.catalogue_version),
        (t("caselog.h_process_version"), header.process_version),
        (t("caselog.h_events"), str(len(log.events))),
    ]


def _print_table(log: CaseLog, summary: dict | None, rows: list[dict], proc) -> None:
    from bti_cli.terminal.console import is_plain, out
    from bti_cli.terminal.render import Layout, fit_columns, print_blocks, print_table

    console = out()
    console.print(t("caselog.title", case=log.case_id), markup=False)
    for label, value in _facts(log):
        console.print(f"  {label}: {value}", markup=False)
    if summary is not None:
        console.print("")
        if is_plain():  # screen readers: "field: value", one a line
            console.print(t("caselog.summary"), markup=False)
            for row in _summary_rows(summary, proc):
                console.print(f"  {row['field']}: {' '.join(row['value'].split())}", markup=False)
        else:
            print_table(_summary_rows(summary, proc), _summary_columns(), title=t("caselog.summary"))
    console.print("")
    console.print(t("caselog.timeline"), markup=False)
    if not rows:
        console.print(t("caselog.no_events"), markup=False)
    # one set of columns for every step, chosen over all events, so the timeline reads as one
    columns = _timeline_columns()
    fitted = None if is_plain() or not rows else fit_columns(
        columns, [[col.text(row) for row in rows] for col in columns], console.width)
    shown = [columns[i] for i in fitted[0]] if fitted else columns
    # and the same widths: each step's table lines up with the others
    fixed = Layout(list(columns), *fitted) if fitted else None
    for title, members in _runs(rows):
        console.print("")
        if fitted is None and not is_plain():
            print_blocks(members, columns, title=title)
        else:
            print_table(members, shown, title=title, fixed=fixed)
    if any(row.get("kind_label") is None and row["question"] for row in rows):
        # how to change an answer, where a person reads the answers: by a numbered list
        import textwrap

        console.print("")
        for line in textwrap.wrap(t("caselog.edit_hint", case=log.case_id), max(console.width, 20),
                                  break_long_words=False, break_on_hyphens=False):
            console.print(line, style="dim", markup=False, highlight=False)
    if fitted is not None and len(shown) < len(columns):
        from bti_cli.terminal.console import err

        err().print(t("cli.more_columns"), style="dim", markup=False, highlight=False)


def _write_markdown(log: CaseLog, summary: dict | None, rows: list[dict], proc) -> None:
    from bti_cli.terminal.render import write_markdown

    out = sys.stdout
    out.write(f"# {t('caselog.title', case=log.case_id)}\n\n")
    for label, value in _facts(log):
        out.write(f"- **{label}:** {value}\n")
    if summary is not None:
        out.write(f"\n## {t('caselog.summary')}\n\n")
        write_markdown(_summary_rows(summary, proc), _summary_columns(), out)
    out.write(f"\n## {t('caselog.timeline')}\n")
    if not rows:
        out.write("\n" + t("caselog.no_events") + "\n")
    for title, members in _runs(rows):
        out.write(f"\n### {title}\n\n")
        write_markdown(members, _timeline_columns(), out)


@cases_app.command("verify", help=h("caselog.help_verify"))
def verify(
    ctx: typer.Context,
    case: Annotated[
        str | None,
        typer.Argument(metavar=h("walk.mv_case_optional"), help=h("caselog.arg_verify_case"), show_default=False,
                       autocompletion=common.complete_case),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", show_default=False, help=h("caselog.opt_verify_format"),
                     metavar=h("cli.mv_format"), autocompletion=common.completer(*VERIFY_FORMATS)),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option("--against", metavar=h("caselog.mv_digest"), help=h("caselog.opt_against"), show_default=False),
    ] = None,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    """Check each case file's hash chain and layout; exit 5 if any file fails."""
    from bti_cli.caselog import journal
    from bti_cli.caselog.log import normalise_case_id, verify_folder
    from bti_cli.errors import CaseNotFound, UsageError, VerificationError
    from bti_cli.terminal.render import Column, render, resolve_format

    rt = common.runtime(ctx, cases_dir=cases_dir, lang=lang)
    fmt = resolve_format(fmt, VERIFY_FORMATS)
    folder = rt.require_cases_dir()
    from bti_cli.caselog.log import check_cases_dir

    check_cases_dir(folder)  # before the first line of output: an unusable folder is an error, not "["
    if against is not None and not _looks_like_digest(against):
        raise UsageError(t("caselog.bad_digest", min=journal.MIN_DIGEST_CHARS))
    only = None
    if case is not None:
        only = normalise_case_id(case)
        if not (folder / f"{only}.toml").exists():
            raise CaseNotFound(t("caselog.not_found", case=only), hint=t("caselog.not_found_hint"))
    from bti_cli.caselog.log import folder_warnings
    from bti_cli.terminal.console import err

    for warning in folder_warnings(folder):
        err().print(warning, markup=False, highlight=False)
    paths = verify_folder(folder, against=against, only=only)

    tally = {"checked": 0, "failed": 0}

    def results():
        for result in paths:
            tally["checked"] += 1
            tally["failed"] += not result.ok
            yield result.row()

    if fmt == "table":
        rows = []
        for row in results():
            row["status"] = t("caselog.ok") if row["ok"] else t("caselog.failed")
            row["problem_text"] = "\n".join(row["problems"])
            rows.append(row)
        if rows:
            columns = [
                Column("case_id", t("caselog.c_case"), no_wrap=True, primary=True),
                Column("status", t("caselog.c_status"), no_wrap=True),
                Column("events", t("caselog.c_events"), no_wrap=True),
            ]
            if tally["failed"]:  # the problems column only when there are problems, and then always
                columns.append(Column("problem_text", t("caselog.c_problems"), max_width=70, min_width=24))
            title = t("caselog.verify_title", checked=tally["checked"], failed=tally["failed"],
                      count=tally["checked"])
            render(rows, columns, "table", title=title)
        else:
            from bti_cli.terminal.console import err

            err().print(t("caselog.no_cases"), markup=False)
    else:
        render(results(), [], fmt)
    if tally["checked"] and not journal.journal_path(folder).exists():
        from bti_cli.terminal.console import err

        err().print(t("caselog.no_journal"), markup=False, highlight=False)
    if tally["failed"]:
        raise VerificationError(t("caselog.verify_failed", failed=tally["failed"], checked=tally["checked"],
                                          count=tally["checked"]))


def _looks_like_digest(text: str) -> bool:
    from bti_cli.caselog import journal

    value = text.strip().lower()
    return len(value) >= journal.MIN_DIGEST_CHARS and len(value) <= 64 and all(c in "0123456789abcdef" for c in value)


@cases_app.command("checkpoint", help=h("caselog.help_checkpoint"))
def checkpoint(
    ctx: typer.Context,
    cases_dir: common.CasesDir = None,
    lang: common.Lang = None,
) -> None:
    """Record every case's head in the checkpoint journal and print the folder's digest."""
    from bti_cli.caselog.log import checkpoint_folder

    rt = common.runtime(ctx, cases_dir=cases_dir, lang=lang)
    digest = checkpoint_folder(rt.require_cases_dir())
    sys.stdout.write(digest + "\n")
    from bti_cli.terminal.console import err

    err().print(t("caselog.checkpoint_done"), markup=False, highlight=False)
