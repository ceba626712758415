"""The only output helper: rows + columns + format → table | json | jsonl | csv | md.

Rows are plain dicts whose keys are the stable, English snake_case JSON keys. Columns choose
which keys a table shows, under which (translated) label, and how a value reads to a person
(`display`: a tier key becomes "Universell"); machine formats print every key of the row with
its raw value, and stream, so memory stays flat for long iterables.

Tables fit the terminal: every column keeps a readable width (its header's longest word, its
`min_width`, the whole value when `no_wrap`) and is never narrower than the longest word in it,
so a cell wraps between words and never inside one (an id or a long compound stays whole);
when the table must narrow, the column that gives is the one whose narrowing adds the fewest
cell lines per cell given, and a column gives back the room its wrapped lines do not use;
when they do not all fit, columns with a `drop_order` are hidden, highest first; when even the
essential ones do not fit, each row is printed as a short block (a heading line, then
"label: value" pairs) instead of a table. Grouped rows (`group_by`) share one layout: the same
columns at the same widths under the same kind of heading in every group. `--plain` prints
linear text for screen readers.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any

from bti_cli.privacy.controls import escape_controls, escape_controls_json

FORMATS = ("table", "json", "jsonl", "csv", "md")
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    max_width: int | None = None
    no_wrap: bool = False
    min_width: int | None = None
    # 0: always shown; 1, 2, …: hidden on a narrow terminal, the highest first
    drop_order: int = 0
    # how a value reads in a table, markdown or plain text (JSON and CSV keep the raw value)
    display: Callable[[Any], str] | None = None
    # the heading of each row when rows are printed as blocks (default: the first column)
    primary: bool = False

    def text(self, row: dict, *, words: bool = False) -> str:
        """The value as a person reads it; `words`: yes/no instead of ✓/– (plain text, blocks)."""
        value = row.get(self.key)
        if self.display is not None and value is not None and value != [] and value != "":
            return self.display(value)
        if words and isinstance(value, bool):
            from bti_cli.i18n import t

            return t("cli.yes") if value else t("cli.no")
        return cell_text(value)


def labels(label: Callable[[str], str], sep: str = ", ") -> Callable[[Any], str]:
    """A `display` for a key or a list of keys: each key through `label`, joined by `sep`."""

    def show(value: Any) -> str:
        if isinstance(value, (list, tuple)):
            return sep.join(label(str(v)) for v in value)
        return label(str(value))

    return show


# a wrapping column is never squeezed below this (unless its text is shorter), nor below its
# longest word (a word is never broken between lines)
READABLE_WIDTH = 10
# when a table must shrink, a column that may be dropped gives width as if it were this much
# wider than it is
ESSENTIAL_SHARE = 1.5


def resolve_format(fmt: str | None, allowed: Sequence[str] = FORMATS) -> str:
    """An explicit format always wins; otherwise a table on a terminal and JSON in a pipe, except
    that `--plain` (or BTI_PLAIN) asks for linear text for a person, so `bti … --plain | less`
    reads as it does on the terminal (the table format prints linear text when plain)."""
    from bti_cli.errors import UsageError
    from bti_cli.terminal.console import is_plain, stdout_is_terminal

    if fmt is None:
        if stdout_is_terminal() or (is_plain() and "table" in allowed):
            return "table" if "table" in allowed else allowed[0]
        return "json"
    fmt = fmt.lower()
    if fmt not in allowed:
        from bti_cli.i18n import t

        raise UsageError(t("cli.unknown_format", choices=", ".join(allowed)))
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
    return escape_controls(str(value))


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
        out.write(escape_controls_json(json.dumps(row, ensure_ascii=False, default=str)))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(escape_controls_json(json.dumps(row, ensure_ascii=False, default=str)))
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
    """A cell of a Markdown table: on one line, a `|` escaped, and HTML escaped (`<b>` in an
    answer reads as written where the Markdown is rendered, never as markup)."""
    import html

    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def write_markdown(rows: Sequence[dict], columns: Sequence[Column], out: IO[str]) -> None:
    out.write("| " + " | ".join(_md_escape(c.label) for c in columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(_md_escape(c.text(row)) for c in columns) + " |\n")


def _longest_word(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for word in text.split()), default=0)


def _overhead(count: int) -> int:
    """Width a table adds to its columns: 1 space of padding each side, 1 between columns."""
    return 3 * count - 3 if count else 0


def fit_columns(
    columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int
) -> tuple[list[int], list[int]] | None:
    """Which columns to show (indexes) and their widths, so that every one stays readable in
    `width` cells; None when even the columns that are never dropped do not fit.

    `cells[i]` holds the display texts of column i.
    """
    from rich.cells import cell_len

    natural, floor = [], []
    for col, texts in zip(columns, cells, strict=True):
        lines = [line for text in texts for line in text.splitlines()] or [""]
        widest = max(cell_len(line) for line in lines)
        header = _longest_word(col.label)
        if col.no_wrap:
            low = high = max(widest, cell_len(col.label))
        else:
            # narrower than its longest word a column breaks that word: never
            words = max(header, max(map(_longest_word, lines)))
            # room allowing, the whole header on one line (a column of "<5" under a header of
            # five words would otherwise be a stack of single words)
            high = max(widest, cell_len(col.label))
            if col.max_width:
                high = max(min(high, col.max_width), words)
            # the readable width is for the values: a header of short values may wrap
            # ("Dager igjen" over "14") rather than a value of another column
            values = max(header, max(cell_len(line) for line in lines))
            low = max(words, min(high, values, col.min_width or READABLE_WIDTH))
        natural.append(high)
        floor.append(low)
    shown = list(range(len(columns)))
    while sum(floor[i] for i in shown) + _overhead(len(shown)) > width:
        droppable = [i for i in shown if columns[i].drop_order > 0]
        if not droppable:
            return None
        shown.remove(max(droppable, key=lambda i: (columns[i].drop_order, i)))
    widths = {i: natural[i] for i in shown}
    excess = sum(widths.values()) + _overhead(len(shown)) - width
    if excess <= 0:
        return shown, [widths[i] for i in shown]
    height = _Height(columns, cells, shown)
    while excess > 0:
        # the column that gives the cells still needed for the fewest added lines per cell gives,
        # narrowed to where its own lines change (its breakpoints); among equals the widest, so
        # narrow ones keep their width; a column that may be dropped counts as wider than it is,
        # so the essential ones keep more
        now = height(widths)
        best: tuple[float, float, int, int] | None = None
        for i in shown:
            w = widths[i]
            while w > floor[i]:
                w = max(floor[i], min(w - 1, height.widest(i, w - 1)))
                freed = min(widths[i] - w, excess)
                rate = (height({**widths, i: w}) - now) / freed
                key = (rate, -widths[i] * (ESSENTIAL_SHARE if columns[i].drop_order else 1), i, w)
                if best is None or key < best:
                    best = key
                if widths[i] - w >= excess:
                    break
        if best is None:
            break
        i, w = best[2], best[3]
        excess -= widths[i] - w
        widths[i] = w
    # a column wider than its wrapped lines gives the rest back, to a column it saves lines
    for i in shown:
        widths[i] = max(floor[i], min(widths[i], height.widest(i, widths[i])))
    spare = width - sum(widths.values()) - _overhead(len(shown))
    while spare > 0:
        now = height(widths)
        gain: tuple[float, int, int] | None = None  # lines saved per cell, column, cells
        for i in shown:
            for extra in range(1, min(spare, natural[i] - widths[i]) + 1):
                saved = now - height({**widths, i: widths[i] + extra})
                if saved > 0:
                    if gain is None or saved / extra > gain[0]:
                        gain = (saved / extra, i, extra)
                    break
        if gain is None:
            break
        widths[gain[1]] += gain[2]
        spare -= gain[2]
    return shown, [widths[i] for i in shown]


# a table's height is counted over at most this many distinct rows (the most frequent)
HEIGHT_SAMPLE = 150
HEADER_WEIGHT = 0.5


class _Height:
    """The lines a table's cells take with given column widths (its header's at half weight),
    each cell wrapped between words as rich wraps it."""

    def __init__(self, columns: Sequence[Column], cells: Sequence[Sequence[str]], shown: list[int]) -> None:
        from collections import Counter

        # columns that never wrap take one line per row: only the others decide a row's height
        self.wrapping = [i for i in shown if not columns[i].no_wrap]
        rows = Counter(tuple(cells[i][r] for i in self.wrapping) for r in range(len(cells[0]) if cells else 0))
        self.rows: list[tuple[tuple[str, ...], float]] = list(rows.most_common(HEIGHT_SAMPLE))
        # a header on two lines is read once: it costs less than a row on two lines
        self.rows.append((tuple(columns[i].label for i in self.wrapping), HEADER_WEIGHT))
        self._wrap: dict[tuple[str, int], tuple[int, int]] = {}

    def wrap(self, text: str, width: int) -> tuple[int, int]:
        """(lines, widest line) of `text` wrapped at `width`."""
        key = (text, width)
        if key not in self._wrap:
            from rich.cells import cell_len

            count, widest = 0, 0
            for paragraph in text.splitlines() or [""]:
                line = 0
                count += 1
                for word in paragraph.split():
                    size = cell_len(word)
                    if line and line + 1 + size > width:
                        widest, line = max(widest, line), size
                        count += 1
                    else:
                        line = line + 1 + size if line else size
                widest = max(widest, line)
            self._wrap[key] = (count, widest)
        return self._wrap[key]

    def __call__(self, widths: dict[int, int]) -> float:
        # every cell's lines, not only each row's tallest: a short name broken under a long
        # text that wraps anyway still costs its line, so long texts give first
        return sum(count * sum(self.wrap(text, widths[i])[0] for i, text in zip(self.wrapping, row, strict=True))
                   for row, count in self.rows)

    def widest(self, i: int, width: int) -> int:
        """The widest line of column `i` wrapped at `width` (its header's too)."""
        at = self.wrapping.index(i) if i in self.wrapping else None
        if at is None:
            return width
        return max(self.wrap(row[at], width)[1] for row, _ in self.rows)


@dataclass(frozen=True)
class Layout:
    """How a set of rows is printed: the columns kept, and of them the ones shown in a table
    with their widths; `shown` is None when the rows are printed as blocks."""

    columns: list[Column]
    shown: list[int] | None
    widths: list[int]

    @property
    def hidden(self) -> bool:
        return self.shown is not None and len(self.shown) < len(self.columns)


def layout(rows: Sequence[dict], columns: Sequence[Column], width: int) -> Layout:
    """The one layout for `rows` (every group of a grouped listing together) in `width` cells."""
    # a column that may be dropped is dropped when it is empty
    kept = [c for c in columns if not c.drop_order or any(c.text(row) for row in rows)]
    fitted = fit_columns(kept, [[col.text(row) for row in rows] for col in kept], width)
    if fitted is None:
        return Layout(kept, None, [])
    return Layout(kept, *fitted)


def print_table(
    rows: Sequence[dict], columns: Sequence[Column], title: str | None = None, show_header: bool = True,
    *, fixed: Layout | None = None,
) -> bool:
    """Print rows as a table that fits the terminal (in the `fixed` layout when given, as each
    group of a listing is); returns True when columns were hidden."""
    from bti_cli.terminal.console import is_plain, out

    console = out()
    if is_plain():
        # linear text for screen readers: a heading, then "label: value" per row
        if title:
            console.print(title, markup=False)
        # the row's heading first: a listener hears the name before the details
        ordered = sorted(columns, key=lambda c: not c.primary)
        for i, row in enumerate(rows):
            if i or title:
                console.print("")
            for col in ordered:
                text = col.text(row, words=True)
                if text:
                    console.print(f"{col.label}: {text}" if col.label else text, markup=False)
        return False

    chosen = fixed or layout(rows, columns, console.width)
    if chosen.shown is None:
        print_blocks(rows, chosen.columns, title)
        return False

    from rich import box
    from rich.table import Table

    table = Table(
        title=title,
        box=box.SIMPLE_HEAD if show_header else None,
        title_justify="left",
        expand=False,
        show_header=show_header,
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        collapse_padding=False,
    )
    for i, width in zip(chosen.shown, chosen.widths, strict=True):
        col = chosen.columns[i]
        # every column is at least as wide as its longest word (fit_columns), so rich wraps
        # between words; "fold" is only the last resort that keeps every character of a value
        table.add_column(col.label, width=width, no_wrap=col.no_wrap, overflow="fold")
    for row in rows:
        table.add_row(*(chosen.columns[i].text(row) for i in chosen.shown))
    console.print(table)
    return chosen.hidden


def print_blocks(rows: Sequence[dict], columns: Sequence[Column], title: str | None = None) -> None:
    """Rows as short blocks, for terminals too narrow for a table: the heading column in bold,
    then the other columns as "label: value" pairs, indented and wrapped between pairs."""
    import textwrap

    from rich.text import Text

    from bti_cli.terminal.console import out

    console = out()
    head = next((c for c in columns if c.primary), columns[0])
    rest = [c for c in columns if c is not head]
    width = max(console.width - 2, 20)
    if title:
        console.print(Text(title, style="bold"))
        console.print("")
    for row in rows:
        for line in textwrap.wrap(head.text(row, words=True) or "–", width + 2, break_long_words=False,
                                  break_on_hyphens=False):
            console.print(Text(line, style="bold"), soft_wrap=True)
        # a no-break space keeps a label with the first word of its value (textwrap breaks at
        # ASCII spaces only) when the two fit on a line; a long value wraps between its words
        pairs = [(c.label, c.text(row, words=True)) for c in rest]
        body = f"{NBSP}· ".join(_pair(label, text, width) for label, text in pairs if text)
        # a word longer than the whole line (a long web address) stays whole on a line of its
        # own: the terminal wraps it, and it can still be copied or opened
        for line in textwrap.wrap(body, width, break_long_words=False, break_on_hyphens=False):
            console.print(Text("  " + line.replace(NBSP, " ")), soft_wrap=True)


NBSP = "\u00a0"


def _pair(label: str, text: str, width: int) -> str:
    """"label: value" for a block: the label's words kept together and with the value's first
    word, when they fit on a line ("Handovers accepted: <5" never splits after "Handovers")."""
    if not label:
        return text
    from rich.cells import cell_len

    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if cell_len(label) + 2 + cell_len(first) + 2 > width:
        return f"{label}: {text}"
    return f"{label.replace(' ', NBSP)}:{NBSP}{text}"


def render(
    rows: Iterable[dict],
    columns: Sequence[Column],
    fmt: str,
    *,
    title: str | None = None,
    group_by: Callable[[dict], Iterable[str]] | None = None,
    out: IO[str] | None = None,
    keys: Sequence[str] = (),
) -> int:
    """Print rows in `fmt`; returns the number of rows printed.

    `group_by` (tables and markdown only) maps a row to the group titles it belongs to;
    a row may sit in several groups (a measure with two tiers). `keys` (CSV): the columns a row
    of this listing has, so that an empty result still has its header row; the header is
    `keys` and then every other key of any row, in the order they first appear.
    """
    stream = out or sys.stdout
    if fmt == "json":
        return write_json(rows, stream)
    if fmt == "jsonl":
        return write_jsonl(rows, stream)
    rows = list(rows)
    if fmt == "csv":
        header = dict.fromkeys(keys)
        for row in rows:
            header.update(dict.fromkeys(row))
        return write_csv(rows, stream, list(header))
    groups: dict[str, list[dict]] = {}
    if group_by is not None:
        for row in rows:
            for name in group_by(row):
                groups.setdefault(name, []).append(row)
    else:
        groups[title or ""] = rows
    hidden = False
    fixed = None
    if fmt != "md" and group_by is not None:
        from bti_cli.terminal.console import is_plain
        from bti_cli.terminal.console import out as console

        # one layout for every group, chosen over all of them: the same columns at the same
        # widths, or blocks in every group
        fixed = None if is_plain() else layout(rows, columns, console().width)
    for i, (name, members) in enumerate(groups.items()):
        if fmt == "md":
            if name:
                stream.write(("\n" if i else "") + f"## {name}\n\n")
            write_markdown(members, columns, stream)
        else:
            if i:
                from bti_cli.terminal.console import out as console

                console().print("")
            hidden = print_table(members, columns, title=name or None, fixed=fixed) or hidden
    if hidden:
        from bti_cli.i18n import t
        from bti_cli.terminal.console import err

        # on stderr: a note for the reader, not part of the listing
        err().print(t("cli.more_columns"), style="dim", markup=False, highlight=False)
    return len(rows)
