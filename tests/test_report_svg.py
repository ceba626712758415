"""The report's SVG bar charts (bti_cli/reports/svg.py): bars in proportion, hidden bars not drawn,
every text escaped, no external reference."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from bti_cli.reports.svg import Bar, bar_chart


def rects(text: str) -> list[dict]:
    root = ET.fromstring(text)
    return [{**r.attrib, "title": r.findtext("title")} for r in root.iter("rect")]


@pytest.mark.parametrize("horizontal", [False, True])
def test_bars_in_proportion_and_hidden_bars_not_drawn(horizontal):
    text = bar_chart([Bar("a", 10, "10"), Bar("b", None, "<5"), Bar("c", 5, "5"), Bar("d", 0, "0")],
                     title="T", chart_id="c", horizontal=horizontal)
    bars = rects(text)
    assert [b["title"] for b in bars] == ["a: 10", "c: 5"]  # b hidden, d zero: no bar
    size = "width" if horizontal else "height"
    assert float(bars[0][size]) == pytest.approx(2 * float(bars[1][size]))
    # the hidden bar's shown text is there, as a label, not as a bar
    assert ">&lt;5</text>" in text


def test_texts_are_escaped_and_the_svg_is_well_formed():
    text = bar_chart([Bar('<b>"x" & y</b>', 3, "3")], title="A & <B>", chart_id='id"1')
    root = ET.fromstring(text)  # well-formed XML
    assert "<b>" not in text and "&lt;b&gt;" in text
    assert root.findtext("title") == "A & <B>"
    assert root.attrib["role"] == "img" and root.attrib["aria-labelledby"].endswith("-title")


def test_no_bars_or_all_hidden_still_draws_an_empty_chart():
    for bars in ([], [Bar("a", None, "x")]):
        text = bar_chart(bars, title="T", chart_id="c")
        assert rects(text) == []
        ET.fromstring(text)


def test_no_external_reference():
    text = bar_chart([Bar("a", 1, "1")], title="T", chart_id="c", horizontal=True)
    assert not re.search(r"https?:|href|url\(|<image|<script", text)


def test_long_labels_are_shortened_in_horizontal_charts():
    label = "Et svært langt navn på en arena som ikke får plass"
    text = bar_chart([Bar(label, 4, "4")], title="T", chart_id="c", horizontal=True)
    assert "…" in text and rects(text)[0]["title"] == f"{label}: 4"  # the full name in the tooltip
