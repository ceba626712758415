"""Tables fit the terminal without turning into columns of word fragments."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from bti_cli.terminal.render import READABLE_WIDTH, Column, fit_columns, labels, render, write_markdown


def cols():
    return [
        Column("id", "ID", min_width=12),
        Column("name", "Navn", min_width=14, primary=True),
        Column("service", "Tjeneste", drop_order=2),
        Column("ages", "Alder", no_wrap=True, drop_order=1),
        Column("status", "Status", drop_order=3),
    ]


ROW = {"id": "foreldreveiledning-helsestasjon", "name": "Foreldreveiledning for foreldre med små barn",
       "service": "helsestasjon", "ages": "0–6", "status": "aktiv"}


def cells(columns, rows):
    return [[c.text(r) for r in rows] for c in columns]


def test_a_wide_terminal_shows_every_column_at_full_width():
    shown, widths = fit_columns(cols(), cells(cols(), [ROW]), 200)
    assert shown == [0, 1, 2, 3, 4]
    assert widths == [len(ROW["id"]), len(ROW["name"]), len("helsestasjon"), 5, 6]


def test_columns_are_dropped_highest_drop_order_first():
    columns = cols()
    shown, _ = fit_columns(columns, cells(columns, [ROW]), 60)
    assert [columns[i].key for i in shown] == ["id", "name", "ages"]  # status, then service went
    shown, widths = fit_columns(columns, cells(columns, [ROW]), 52)
    assert [columns[i].key for i in shown] == ["id", "name"]
    # whole words stay whole: the id (31 cells) and "Foreldreveiledning" (18)
    assert widths == [len(ROW["id"]), len("Foreldreveiledning")]


def test_none_when_the_essential_columns_do_not_fit():
    # one cell less than the id and the longest word of the name need: blocks, not broken words
    assert fit_columns(cols(), cells(cols(), [ROW]), 51) is None
    assert fit_columns(cols(), cells(cols(), [ROW]), 25) is None


def test_a_column_is_never_narrower_than_its_longest_word():
    column = Column("name", "Navn", max_width=12)
    row = {"name": "Kommunepsykologtjenesten i Løten"}
    shown, widths = fit_columns([column], cells([column], [row]), 80)
    assert widths == [len("Kommunepsykologtjenesten")]  # wider than max_width: the word decides


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Mn", "Me", "Cf"))


@given(width=st.integers(min_value=20, max_value=200), name=st.text(PRINTABLE, min_size=0, max_size=80))
def test_widths_fit_and_stay_readable(width, name):
    row = dict(ROW, name=name)
    columns = cols()
    fitted = fit_columns(columns, cells(columns, [row]), width)
    if fitted is None:
        return
    shown, widths = fitted
    assert sum(widths) + 3 * len(shown) - 3 <= width
    for i, w in zip(shown, widths, strict=True):
        col = columns[i]
        header = max(len(word) for word in col.label.split())
        assert w >= header
        if not col.no_wrap:
            natural = max(cell_len(row[col.key]), header)
            assert w >= min(natural, col.min_width or READABLE_WIDTH)
            # a word of the cell is never broken
            assert w >= max((cell_len(word) for word in row[col.key].split()), default=0)


def test_display_is_for_people_and_json_keeps_keys():
    tier = Column("tiers", "Nivå", display=labels(lambda key: {"universal": "Universell"}.get(key, key)))
    row = {"tiers": ["universal", "selective"]}
    assert tier.text(row) == "Universell, selective"
    out = io.StringIO()
    write_markdown([row], [tier], out)
    assert "| Universell, selective |" in out.getvalue()
    out = io.StringIO()
    render([row], [tier], "json", out=out)
    assert '"universal"' in out.getvalue()


def test_booleans_in_words_for_linear_text():
    col = Column("anonymous", "Anonymt")
    assert col.text({"anonymous": True}) == "✓"
    assert col.text({"anonymous": True}, words=True) == "ja"
    assert col.text({"anonymous": False}, words=True) == "nei"


def test_blocks_when_too_narrow(capsys, monkeypatch):
    from bti_cli.terminal import console

    monkeypatch.setenv("COLUMNS", "40")
    console.configure()
    render([ROW], cols(), "table", title="Testby")
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == ["Testby", "", "Foreldreveiledning for foreldre med små", "barn"]
    # the details, indented; a label never ends a line without its value
    assert lines[4:] == [
        "  ID: foreldreveiledning-helsestasjon ·",
        "  Tjeneste: helsestasjon · Alder: 0–6 ·",
        "  Status: aktiv",
    ]


# --------------------------------------------------------------------------- every table command


def _words(text: str) -> set[str]:
    """The words of a screen; a block's "label:" counts as the label, "·" separates pairs."""
    return {word.rstrip(":") for word in text.split() if word != "·"} - {""}


TABLE_COMMANDS = [
    ("measures", "list"),
    ("measures", "list", "--group-by", "service"),
    ("measures", "list", "--group-by", "tier"),
    ("measures", "list", "-m", "elverum", "--group-by", "service"),
    ("measures", "list", "-m", "sondre-land"),
    ("services", "list"),
    ("coordinators",),
    ("coordinators", "-m", "elverum"),
    ("arenas", "list"),
    ("arenas", "list", "-m", "sondre-land"),
    ("cases", "list"),
    ("due", "--within", "400"),
    ("stats",),
    ("stats", "--by", "service"),
    ("suggest", "--age", "9"),
    ("suggest", "--level", "3", "--age", "16", "--area", "mental-health"),
    ("data", "show"),
    ("data", "show", "-m", "elverum"),
]


@pytest.fixture(scope="module")
def listing_cases(tmp_path_factory):
    """The example answers files as cases (a level-1, a level-3 and a safety-gate case)."""
    from pathlib import Path

    from typer.testing import CliRunner

    from bti_cli.cli.app import app

    folder = tmp_path_factory.mktemp("listing-cases")
    examples = Path(__file__).resolve().parents[1] / "examples" / "answers"
    for name in ("level1.toml", "level3.toml", "notify.toml"):
        result = CliRunner().invoke(app, ["--cases-dir", str(folder), "start", "--no-input", "--answers",
                                          str(examples / name)])
        assert result.exit_code == 0, result.stderr
    return folder


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=" ".join)
def test_no_table_breaks_a_word_at_60_80_or_120_columns(cli, listing_cases, command, lang):
    """Every word a command prints at 60, 80 and 120 columns is a whole word of what it prints
    on a terminal wide enough for everything (or of its linear text, where blocks say yes/no):
    a word cut in two by a narrow column would show up as two fragments that are neither."""
    def screen(width: int | None = None, *options: str) -> str:
        env = {"COLUMNS": str(width)} if width else {}
        result = cli(*options, "--cases-dir", str(listing_cases), *command, "-f", "table", "--lang", lang, env=env)
        assert result.exit_code == 0, (command, result.stderr)
        return result.stdout

    screens = {width: screen(width) for width in (60, 80, 120)}
    whole = _words(screen(1000)) | _words(screen(None, "--plain"))  # (--plain stays on for the run)
    for width, out in screens.items():
        # a word longer than the line cannot be kept whole in any layout (a long web address)
        broken = sorted(w for w in _words(out) - whole if not set(w) <= set("─━") and len(w) <= width - 2)
        assert not broken, (width, broken[:10])
        wide = [line for line in out.splitlines() if len(line.rstrip()) > width and len(line.split()) > 1]
        assert not wide, (width, wide[:3])


# --------------------------------------------------------------------------- grouped listings


def test_every_group_is_laid_out_the_same_way(capsys, monkeypatch):
    """One group with short texts and one with a long name and id: the same columns at the same
    widths in both (a table each), or blocks in both."""
    from bti_cli.terminal import console

    rows = [dict(ROW, service="a", name="Kort", id="kort"), dict(ROW, service="b")]
    for width, tables in ((120, True), (60, True), (40, False)):
        monkeypatch.setenv("COLUMNS", str(width))
        console.configure()
        render(rows, cols(), "table", group_by=lambda r: [f"Gruppe {r['service']}"])
        lines = capsys.readouterr().out.splitlines()
        rules = [line for line in lines if line.startswith("─")]
        headers = [line for line in lines if line.startswith("ID ")]
        if tables:
            assert len(rules) == 2 and rules[0] == rules[1] and len(headers) == 2 and headers[0] == headers[1]
        else:
            assert not rules and not headers
            assert lines[:4] == ["Gruppe a", "", "Kort", "  ID: kort · Tjeneste: a · Alder: 0–6 ·"]


@pytest.mark.parametrize("municipality", ["loten", "sondre-land", "elverum"])
@pytest.mark.parametrize("width", [60, 80, 120, 160])
def test_measures_by_service_share_one_layout(cli, municipality, width):
    result = cli("measures", "list", "-m", municipality, "--group-by", "service", "-f", "table",
                 env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    services = {r["service"] for r in json.loads(cli("measures", "list", "-m", municipality, "-f", "json").stdout)}
    lines = result.stdout.splitlines()
    rules = [line.rstrip() for line in lines if line.startswith("─")]
    headers = [line.rstrip() for line in lines if line.startswith(("Navn ", "Navn\n"))]
    # a table in every group, with one header and one rule, or blocks in every group
    assert len(rules) in (0, len(services)) and len(set(rules)) <= 1
    assert len(headers) == len(rules) and len(set(headers)) <= 1
    if rules:
        assert "Tjeneste" not in headers[0]  # the group's heading names the service
    else:
        assert not any(line.startswith("  Tjeneste:") or " · Tjeneste:" in line for line in lines)


def test_a_block_keeps_a_label_of_several_words_together(capsys, monkeypatch):
    from bti_cli.terminal import console

    monkeypatch.setenv("COLUMNS", "40")
    console.configure()
    columns = [Column("name", "Navn", primary=True), Column("a", "Saker i alt"),
               Column("b", "Overføringer som venter"), Column("c", "Evaluert i tide")]
    render([{"name": "Barneskole", "a": "<5", "b": "<5", "c": "<5"}], columns, "table")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Barneskole"
    assert lines[1:] == ["  Saker i alt: <5 ·", "  Overføringer som venter: <5 ·", "  Evaluert i tide: <5"]


# --------------------------------------------------------------------------- space goes where it is needed


def test_a_header_over_short_values_wraps_before_a_value_does():
    # `bti due` at 80 columns: "Dager igjen" over "14" gives way, "avgjørelse (nivå 0)" stays whole
    columns = [Column("case", "Sak", no_wrap=True), Column("what", "Hva"), Column("due", "Frist", no_wrap=True),
               Column("days", "Dager igjen", drop_order=2), Column("level", "Nivå", drop_order=1),
               Column("baton", "Stafettholder")]
    row = {"case": "BTI-2026-YFZ6C", "what": "avgjørelse (nivå 0)", "due": "2026-12-15", "days": "14",
           "level": "0", "baton": ""}
    shown, widths = fit_columns(columns, cells(columns, [row]), 80)
    assert shown == [0, 1, 2, 3, 4, 5]
    assert widths[1] == len("avgjørelse (nivå 0)") and widths[3] == len("igjen")


def test_a_column_gives_back_what_its_wrapped_lines_do_not_use():
    # "Helsesykepleier (skolehelsetjenesten)" wrapped needs 21 cells, not the 25 left to it
    columns = [Column("arena", "Arena"), Column("baton", "Baton holder"), Column("waiting", "Waiting at")]
    rows = [{"arena": "School and after-school care", "baton": "Helsesykepleier (skolehelsetjenesten)",
             "waiting": "Plan measures in your own service"}]
    shown, widths = fit_columns(columns, cells(columns, rows), 70)
    assert widths[1] == len("(skolehelsetjenesten)")
    assert sum(widths) + 6 <= 70


def _table(out: str) -> tuple[list[int], list[str], list[list[str]]] | None:
    """Column starts, the header lines and the rows (each a list of its lines) of the one table
    in `out` (under its title line)."""
    import re

    lines = out.splitlines()
    rule = next((n for n, line in enumerate(lines) if line.startswith("──")), None)
    if rule is None:
        return None
    header = lines[rule - 1]
    starts = [0] + [m.end() for m in re.finditer(r"\S {2,}(?=\S)", header)]
    rows: list[list[str]] = []
    for line in lines[rule + 1:]:
        if not line.strip() or not line.startswith((" ", "BTI-")):
            break
        if line[:1] != " ":
            rows.append([])
        if rows:
            rows[-1].append(line)
    return starts, lines[1:rule], rows


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("command", [("cases", "list"), ("due", "--within", "400")], ids=" ".join)
def test_no_row_wraps_while_the_table_has_room_to_keep_it_on_one_line(cli, listing_cases, command, lang, width):
    """A row on several lines could not be one line with the room other columns leave unused
    (long catalogue names: "Helsesykepleier (skolehelsetjenesten)", "School and after-school care")."""
    result = cli("--cases-dir", str(listing_cases), *command, "-f", "table", "--lang", lang,
                 env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    table = _table(result.stdout)
    if table is None:
        return  # printed as blocks: too narrow for a table
    starts, header, rows = table
    ends = [*starts[1:], max(len(line.rstrip()) for row in rows for line in row) + 3]
    allotted = [end - start - 3 for start, end in zip(starts, ends, strict=True)]

    def cell(line: str, j: int) -> str:
        return line[starts[j]:ends[j]].strip()

    used = [max(len(cell(line, j)) for line in [*header, *(line for row in rows for line in row)])
            for j in range(len(starts))]
    spare = width - (ends[-1] - 1) + sum(a - u for a, u in zip(allotted, used, strict=True))
    for row in rows:
        if len(row) == 1:
            continue
        whole = [" ".join(part for line in row if (part := cell(line, j))) for j in range(len(starts))]
        needed = sum(max(0, len(text) - used[j]) for j, text in enumerate(whole))
        assert needed > spare, (width, whole, needed, spare)
