"""`bti scrub [FILE]`: anonymise free text from a file or standard input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from bti_cli.cli import common
from bti_cli.i18n import h, help_from

TEXT_FORMATS = ("text", "json")
REPORT_FORMATS = ("table", "json", "jsonl", "csv", "md")


MAX_SCRUB_BYTES = 16 << 20  # notes are pages, not gigabytes; the cap keeps /dev/zero an error


def _read_text(path: Path | None) -> str:
    """The whole input, line endings kept exactly as they are."""
    from bti_cli import fileio
    from bti_cli.errors import InputError
    from bti_cli.i18n import t
    from bti_cli.privacy.guard import shown_path
    from bti_cli.terminal.console import err, stdin_is_terminal

    limit = MAX_SCRUB_BYTES
    data: bytes | str
    try:
        if path is None or str(path) == "-":
            if stdin_is_terminal():
                err().print(t("anonymise.reading_stdin"), markup=False, highlight=False)
            if hasattr(sys.stdin, "buffer"):
                data = fileio.read_capped(sys.stdin.buffer, limit)
            else:
                data = sys.stdin.read(limit + 1)
                if len(data) > limit:
                    raise fileio.TooLarge(limit)
        else:
            data = fileio.read_capped(path, limit)
    except fileio.TooLarge:
        raise InputError(t("anonymise.too_large", mib=limit >> 20), hint=t("anonymise.too_large_hint")) from None
    except FileNotFoundError:
        raise InputError(t("anonymise.file_missing", path=shown_path(path))) from None
    except IsADirectoryError:
        raise InputError(t("anonymise.file_is_folder", path=shown_path(path))) from None
    except OSError as exc:
        raise InputError(t("anonymise.file_unreadable", reason=exc.strerror or type(exc).__name__)) from None
    if isinstance(data, str):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(t("anonymise.not_utf8"), hint=t("anonymise.not_utf8_hint")) from None
    return text[1:] if text.startswith("\ufeff") else text


def _shown_text(text: str) -> str:
    """The scrubbed text as it is written out: every control character but the newline and tab
    made visible (`escape_controls`: ESC → "\\x1b"), as every other rendering does, so a note
    with a terminal escape cannot retitle or repaint the terminal it is printed on; a carriage
    return before a newline is the line's end (CRLF stays CRLF)."""
    from bti_cli.privacy.guard import escape_controls

    return "\r\n".join(escape_controls(part) for part in text.split("\r\n"))


def _write_exactly(text: str) -> None:
    """Write the text byte for byte (no newline translation: CRLF stays CRLF)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    buffer.write(text.encode(getattr(sys.stdout, "encoding", None) or "utf-8", errors="replace"))
    buffer.flush()


def _rows(text: str, result, show: bool) -> list[dict]:
    from bti_cli.i18n import t
    from bti_cli.privacy.scrubber import positions

    rows = []
    for r, (line, col) in zip(result.replacements, positions(text, result.replacements), strict=True):
        row = {
            "line": line,
            "column": col,
            "start": r.start,
            "end": r.end,
            "kind": r.kind,
            "kind_label": t(f"anonymise.kind_{r.kind}"),
            "placeholder": r.placeholder,
            "reason": r.reason,
            "reason_label": t(f"anonymise.reason_{r.reason}") if r.reason else "",
            "position": f"{line}:{col}",
        }
        if show:
            row["original"] = r.original
        rows.append(row)
    return rows


@help_from("anonymise.help_scrub")
def scrub(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(help=h("anonymise.arg_file"), metavar=h("anonymise.mv_file"), show_default=False),
    ] = None,
    report: Annotated[
        bool,
        typer.Option("--report", "-r", help=h("anonymise.opt_report")),
    ] = False,
    show: Annotated[
        bool,
        typer.Option("--show", help=h("anonymise.opt_show")),
    ] = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=h("anonymise.opt_format"),
            metavar=h("cli.mv_format"),
            show_default=False,
        ),
    ] = None,
    municipality: common.Municipality = None,
    data: common.DataFile = None,
    lang: common.Lang = None,
) -> None:
    """Anonymise text: names, identity numbers, phones, e-mails, addresses and birth dates."""
    from bti_cli.errors import UsageError
    from bti_cli.i18n import get_language, t
    from bti_cli.privacy.scrubber import domain_vocabulary
    from bti_cli.privacy.scrubber import scrub as run_scrub

    rt = common.runtime(ctx, municipality=municipality, data=data, lang=lang)
    report = report or show
    allowed = REPORT_FORMATS if report else TEXT_FORMATS
    if fmt is not None and fmt.lower() not in allowed:
        raise UsageError(t("cli.unknown_format", choices=", ".join(allowed)))
    vocabulary = domain_vocabulary(rt.plain().data)
    text = _read_text(file)
    result = run_scrub(text, vocabulary=vocabulary, lang=get_language())

    if not report:
        if (fmt or "text").lower() == "json":
            import json

            from bti_cli.privacy.controls import escape_controls_json

            payload = {
                "text": result.text,
                "replacements": [
                    {k: v for k, v in row.items() if k not in ("kind_label", "reason_label", "position")}
                    for row in _rows(text, result, show=False)
                ],
            }
            sys.stdout.write(escape_controls_json(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")
        else:
            _write_exactly(_shown_text(result.text))
        sys.stdout.flush()
        return

    _print_report(text, result, show, fmt)


def _print_report(text: str, result, show: bool, fmt: str | None) -> None:
    from bti_cli.i18n import t
    from bti_cli.terminal.console import err
    from bti_cli.terminal.render import Column, render, resolve_format

    fmt = resolve_format(fmt, REPORT_FORMATS)
    rows = _rows(text, result, show)
    if fmt in ("json", "jsonl", "csv"):
        keys = ("line", "column", "start", "end", "kind", "placeholder", "reason") + (("original",) if show else ())
        render(({k: row[k] for k in keys} for row in rows), [], fmt, keys=keys)
        return
    console = err()
    if show:
        console.print(t("anonymise.show_warning"), markup=False, highlight=False)
    if not rows:
        console.print(t("anonymise.nothing_replaced"), markup=False, highlight=False)
        return
    columns = [
        Column("position", t("anonymise.col_position"), no_wrap=True),
        Column("kind_label", t("anonymise.col_kind")),
        Column("placeholder", t("anonymise.col_placeholder"), no_wrap=True),
        Column("reason_label", t("anonymise.col_reason"), max_width=40),
    ]
    if show:
        columns.append(Column("original", t("anonymise.col_original"), max_width=40))
    render(rows, columns, fmt, title=t("anonymise.report_title"))
    details = ", ".join(f"{t(f'anonymise.kind_{k}')} {n}" for k, n in result.counts().items())
    console.print(t("anonymise.summary", count=len(rows), details=details), markup=False, highlight=False)
