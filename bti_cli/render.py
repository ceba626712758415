"""The only output helper: rows + columns + format → table | json | jsonl | csv | md.

Rows are plain dicts whose keys are the stable, English snake_case JSON keys. Columns choose
which keys a table shows and under which (translated) label. Machine formats print every key
of the row; they stream, so memory stays flat for long iterables.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any

FORMATS = ("table", "json", "jsonl", "csv", "md")
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    max_width: int | None = None
    no_wrap: bool = False
    min_width: int | None = None


def resolve_format(fmt: str | None, allowed: Sequence[str] = FORMATS) -> str:
    """An explicit format always wins; otherwise a table on a terminal and JSON in a pipe."""
    from bti_cli.console import stdout_is_terminal
    from bti_cli.errors import UsageError

    if fmt is None:
        return "table" if stdout_is_terminal() else "json"
    fmt = fmt.lower()
    if fmt not in allowed:
        raise UsageError(f"Unknown format {fmt!r}; choose one of {', '.join(allowed)}.")
    return fmt


def cell_text(value: Any, sep: str = ", ") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, (list, tuple)):
        return sep.join(cell_text(v, sep) for v in value)
    if isinstance(value, dict):
        return sep.join(f"{k}={cell_text(v, sep)}" for k, v in value.items())
    return str(value)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_csv_value(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def write_json(rows: Iterable[dict], out: IO[str]) -> int:
    """Stream a JSON array, one object per line; returns the number of rows."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n")
        count += 1
    return count


def write_csv(
    rows: Iterable[dict],
    out: IO[str],
    keys: Sequence[str] | None = None,
    *,
    delimiter: str = ",",
    bom: bool = False,
) -> int:
    import csv

    writer = None
    count = 0
    if bom:
        out.write("\ufeff")
    for row in rows:
        if writer is None:
            fieldnames = list(keys) if keys else list(row)
            writer = csv.DictWriter(
                out,
                fieldnames=fieldnames,
                delimiter=delimiter,
                extrasaction="ignore",
                lineterminator="\n",
            )
            writer.writeheader()
        writer.writerow({k: _csv_value(row.get(k)) for k in writer.fieldnames})
        count += 1
    if writer is None and keys:
        out.write(delimiter.join(keys) + "\n")
    return count


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_markdown(rows: Sequence[dict], columns: Sequence[Column], out: IO[str]) -> None:
    out.write("| " + " | ".join(_md_escape(c.label) for c in columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(_md_escape(cell_text(row.get(c.key))) for c in columns) + " |\n")


def print_table(
    rows: Sequence[dict], columns: Sequence[Column], title: str | None = None, show_header: bool = True
) -> None:
    from bti_cli.console import is_plain, out

    console = out()
    if is_plain():
        # linear text for screen readers: a heading, then "label: value" per row
        if title:
            console.print(title, markup=False)
        for i, row in enumerate(rows):
            if i:
                console.print("")
            for col in columns:
                console.print(f"{col.label}: {cell_text(row.get(col.key))}", markup=False)
        return

    from rich import box
    from rich.table import Table

    table = Table(
        title=title,
        box=box.SIMPLE_HEAD if show_header else None,
        title_justify="left",
        expand=False,
        show_header=show_header,
        title_style="bold",
    )
    for col in columns:
        table.add_column(
            col.label, max_width=col.max_width, min_width=col.min_width, no_wrap=col.no_wrap, overflow="fold"
        )
    for row in rows:
        table.add_row(*(cell_text(row.get(c.key)) for c in columns))
    console.print(table)


def render(
    rows: Iterable[dict],
    columns: Sequence[Column],
    fmt: str,
    *,
    title: str | None = None,
    group_by: Callable[[dict], Iterable[str]] | None = None,
    out: IO[str] | None = None,
) -> int:
    """Print rows in `fmt`; returns the number of rows printed.

    `group_by` (tables and markdown only) maps a row to the group titles it belongs to;
    a row may sit in several groups (a measure with two tiers).
    """
    stream = out or sys.stdout
    if fmt == "json":
        return write_json(rows, stream)
    if fmt == "jsonl":
        return write_jsonl(rows, stream)
    if fmt == "csv":
        return write_csv(rows, stream)
    rows = list(rows)
    groups: dict[str, list[dict]] = {}
    if group_by is not None:
        for row in rows:
            for name in group_by(row):
                groups.setdefault(name, []).append(row)
    else:
        groups[title or ""] = rows
    for i, (name, members) in enumerate(groups.items()):
        if fmt == "md":
            if name:
                stream.write(("\n" if i else "") + f"## {name}\n\n")
            write_markdown(members, columns, stream)
        else:
            print_table(members, columns, title=name or None)
    return len(rows)
