"""Tables fit the terminal without turning into columns of word fragments."""

from __future__ import annotations

import io

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
