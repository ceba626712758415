"""`bti report`: the yearly page, checked at the command level.

Its figures are checked against counts this test makes itself from `bti export`; small counts
are hidden in tables and charts alike at min_count - 1 and min_count; no free text of any case
reaches the page; the page needs no network; html and md; each language.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from tests.bti_case_factory import make_case, measure

MARKER = "Zyxqvø-markør-4711"  # planted in a case's free text: must never reach the page
AS_OF = "2026-11-23"
MONTHS_NB = ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des")


@pytest.fixture
def report_cases(cases_dir):
    """25 cases opened in 2026 (levels 0, 1 and 3; closed, notified, handed over, evaluated)
    and 6 in 2025."""
    for i in range(8):  # level 1 at school in January; the child heard at 0 and 1; evaluated
        held = "2026-02-27" if i < 4 else "2026-03-10"
        make_case(cases_dir, created=f"2026-01-{i + 2:02d}", decision="level:1", arena="school",
                  measures={"leksehjelp": measure("barneskole", "selective")}, evaluation_date="2026-03-01",
                  events=[(0, "l0-share", "answer", "child_view", "Sier at det er fint på skolen.",
                           f"2026-01-{i + 2:02d}"),
                          (1, "l1-views", "answer", "child_view", "Vil ha mer hjelp.", f"2026-01-{i + 3:02d}"),
                          (1, "l1-evaluate", "answer", "meeting_date", held, held),
                          (1, "l1-evaluate", "evaluation", None, {"meeting_date": held}, held)])
    for i in range(6):  # closed at level 0 in February: the concern is gone
        make_case(cases_dir, created=f"2026-02-{i + 2:02d}", decision="close", arena="kindergarten",
                  close_on="2026-02-20", closing_reason="concern-gone",
                  observations=f"Virker sliten. {MARKER}" if i == 0 else "Virker sliten.")
    for i in range(6):  # notified in March, closed: barnevern follows up
        make_case(cases_dir, created=f"2026-03-{i + 2:02d}", decision="notify", arena="school",
                  close_on="2026-03-20", closing_reason="barnevern")
    for i in range(5):  # level 3 at the health station in April; the baton offered to a new role
        accept = [(3, "l3-baton", "accept", None, {"role": "helsesykepleier"}, "2026-04-20")] if i < 3 else []
        make_case(cases_dir, created=f"2026-04-{i + 2:02d}", decision="level:3", arena="health-station",
                  baton_holder="kontaktlaerer",
                  events=[(3, "l3-baton", "handover", None, {"to": "helsesykepleier"}, "2026-04-15"), *accept])
    for i in range(6):
        make_case(cases_dir, created=f"2025-05-{i + 2:02d}", decision="level:2", arena="nav")
    return cases_dir


class Page(HTMLParser):
    """Tables (by section id) and chart bars (their <title> texts) of a report page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.section = ""
        self.tables: dict[str, list[list[list[str]]]] = {}
        self.bars: dict[str, list[str]] = {}
        self.stack: list[str] = []
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.in_rect = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id", "")
        elif tag == "table":
            self.tables.setdefault(self.section, []).append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "rect":
            self.in_rect = True
        elif tag == "title" and self.in_rect:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.section][-1].append(self.row)
            self.row = None
        elif tag == "title" and self.in_rect and self.cell is not None:
            self.bars.setdefault(self.section, []).append("".join(self.cell))
            self.cell = None
        elif tag == "rect":
            self.in_rect = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def table(self, section: str) -> dict[str, list[str]]:
        """The first table of a section: first cell → the other cells."""
        return {row[0]: row[1:] for row in self.tables[section][0][1:]}


def report(cli, *args: str) -> str:
    result = cli("report", "--year", "2026", "--as-of", AS_OF, "-m", "loten", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def exported(cli) -> list[dict]:
    result = cli("export", "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [row for row in json.loads(result.stdout) if row["created"].startswith("2026")]


def test_figures_match_counts_from_the_export(cli, report_cases):
    rows = exported(cli)
    page = Page(report(cli))
    levels = Counter(row["highest_level"] for row in rows)
    months = Counter(row["created"][5:7] for row in rows)
    reasons = Counter(row["closing_reason"] for row in rows if row["status"] == "closed")
    arenas = Counter(row["arena"] for row in rows)
    assert sum(levels.values()) == 25
    checked = 0
    for section, label_of, counts in (
        ("level", lambda k: f"Nivå {k}", levels),
        ("month", lambda k: MONTHS_NB[int(k) - 1], months),
        ("closing", {"concern-gone": "Bekymringen er borte", "barnevern": "Barnevernet følger opp"}.get, reasons),
        ("arena", {"school": "Skole og SFO", "kindergarten": "Barnehage", "health-station": "Helsestasjon"}.get,
         arenas),
    ):
        table = page.table(section)
        for key, count in counts.items():
            shown = table[label_of(key)][0]
            if shown.isdigit():
                assert int(shown) == count, (section, key)
                checked += 1
            else:
                assert shown in ("x", "<5") and (shown == "x" or count < 5), (section, key, shown)
    assert checked >= 8
    figures = page.table("figures")
    assert figures["Saker (undringer)"][0] == "25"
    assert figures["Avsluttede saker"][0] == str(sum(1 for r in rows if r["status"] == "closed")) == "12"
    assert figures["Meldt til barnevernet"][0] == str(sum(r["notified_barnevern"] for r in rows)) == "6"
    assert figures["Stafettpinnen tilbudt en ny rolle (ganger)"][0] == str(
        sum(r["handovers_offered"] for r in rows)) == "5"
    assert figures["– av dem akseptert"][0] == "<5"  # 3
    assert figures["– av dem venter på aksept"][0] == "<5"  # 2
    assert figures["Evalueringsmøter holdt innen datoen som var satt"][0] == "<5"  # 4 on time
    assert figures["Evalueringsmøter holdt etter datoen som var satt"][0] == "<5"  # 4 late
    # the year before has cases: its column stands beside this year's
    assert page.tables["level"][0][0] == ["Nivå", "2026", "2025"]
    # 2025: all 6 cases at level 2, so every other level is 0: no count of that year can be shown
    assert figures["Saker (undringer)"][1] == "x"
    # the child's view: 8 of 25 at level 0 (all cases reached it); 8 of 8 at level 1
    view = page.table("child-view")
    assert view["Nivå 0"][:2] == ["25", "32,0 %"]
    assert view["Nivå 1"][:2] == ["13", "61,5 %"] or view["Nivå 1"][1] == "–"


def test_suppression_at_min_count_and_one_below(cli, report_cases):
    # 5 cases at level 3: shown with --min-count 5, hidden with 6, in the table and the chart
    at = Page(report(cli, "--min-count", "5"))
    assert at.table("level")["Nivå 3"][0] == "5"
    assert "Nivå 3: 5" in at.bars["level"]
    above = Page(report(cli, "--min-count", "6"))
    assert above.table("level")["Nivå 3"][0] == "<6"
    assert not any(bar.startswith("Nivå 3:") for bar in above.bars["level"])
    for page, m in ((at, 5), (above, 6)):
        for section in ("level", "month", "closing", "arena"):
            table = page.table(section)
            hidden = {label for label, cells in table.items() if cells[0] in ("x", f"<{m}")}
            drawn = {bar.rsplit(": ", 1)[0] for bar in page.bars.get(section, [])}
            assert not hidden & drawn, (section, hidden & drawn)
            # a bar is drawn for every shown count above 0, with the table's own number
            for bar in page.bars.get(section, []):
                label, text = bar.rsplit(": ", 1)
                assert table[label][0] == text
    # secondary: level 2 holds 0 (small); a further level is hidden so it cannot be worked out
    levels = at.table("level")
    assert levels["Nivå 2"][0] == "<5"
    assert "x" in [cells[0] for cells in levels.values()]


def test_no_free_text_and_no_network(cli, report_cases):
    for fmt in ("html", "md"):
        text = report(cli, "--format", fmt)
        assert MARKER not in text
        for words in ("Virker sliten", "Vil ha mer hjelp", "fint på skolen"):
            assert words not in text
    html = report(cli)
    assert "<script" not in html.lower()
    assert not re.search(r"<link\b", html, re.I)
    assert "@import" not in html and "@font-face" not in html and "url(" not in html
    assert not re.search(r"<img\b", html, re.I)
    # the only web addresses are plain links of the plan's facts, in its own section
    from bti_cli.catalogue import loader

    plan_urls = {link.url for link in loader.load("loten").catalogue.plan.links}
    assert len(re.findall(r"https?://", html)) == len(re.findall(r'<a href="https?://', html))
    assert set(re.findall(r'<a href="(https?://[^"]+)"', html)) == plan_urls
    plan_section = html.split('<section id="plan">', 1)[1].split("</section>", 1)[0]
    assert all(f'href="{url}"' in plan_section for url in plan_urls)


def test_plan_links_are_plain_links_only(cli, cases_dir):
    make_case(cases_dir, created="2026-03-02", municipality="sondre-land")
    result = cli("report", "--year", "2026", "--as-of", AS_OF, "-m", "sondre-land")
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    urls = re.findall(r"https?://[^\s\"'<>)]+", html)
    assert urls and all(f'href="{url}"' in html for url in urls)
    assert "Planperiode" not in html or "2027" in html
    assert "Andel barn med barnevernstiltak" in html and "telles ikke av bti" in html
    assert "BTI-modellen anbefaler at avgjørelsen tas innen 14 dager" in html  # worded by its source


@pytest.mark.parametrize(("lang", "title", "level"), [
    ("nb", "årsrapport 2026", "Nivå 3"), ("nn", "årsrapport 2026", "Nivå 3"),
    ("en", "yearly report 2026", "Level 3"),
])
def test_each_language_both_formats(cli, report_cases, lang, title, level):
    html = report(cli, "--lang", lang)
    assert f'<html lang="{lang}">' in html and title in html
    assert Page(html).table("level")[level][0] == "5"
    md = report(cli, "--lang", lang, "-f", "md")
    assert md.startswith("# BTI") and title in md and f"| {level} | 5 |" in md
    assert md.count("<svg") >= 3


def test_out_file_and_never_into_the_cases_folder(cli, report_cases, tmp_path):
    target = tmp_path / "rapport.html"
    result = cli("report", "--year", "2026", "--as-of", AS_OF, "-m", "loten", "--out", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.stdout == ""
    inside = report_cases / "rapport.html"
    result = cli("report", "--year", "2026", "-m", "loten", "--out", str(inside))
    assert result.exit_code != 0 and not inside.exists()


def test_no_cases_of_the_year_before_no_column(cli, cases_dir):
    for n in range(36):  # 9 cases at each level, 9 in each of January to April
        make_case(cases_dir, created=f"2026-{n // 9 + 1:02d}-{n % 9 + 2:02d}",
                  decision="close" if n % 4 == 0 else f"level:{n % 4}")
    page = Page(report(cli))
    assert page.tables["level"][0][0] == ["Nivå", "2026"]
    assert len([s for s in page.bars if page.bars[s]]) >= 2
    assert report(cli).count("<svg") >= 3


def test_report_imports_stay_in_the_report_command():
    import subprocess
    import sys

    code = ("import sys; from bti_cli.cli import export, app; "
            "print([m for m in ('bti_cli.reports.yearly', 'bti_cli.reports.svg') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_written_message_counts_one_case_and_more(cli, cases_dir, tmp_path):
    """'(1 sak)', not '(1 saker)'; the plural from two cases."""
    target = tmp_path / "rapport.html"
    make_case(cases_dir, created="2026-03-02")
    one = cli("report", "--year", "2026", "--as-of", AS_OF, "-m", "loten", "--out", str(target))
    assert one.exit_code == 0, one.stderr
    assert "(1 sak)." in one.stderr
    make_case(cases_dir, created="2026-03-03")
    two = cli("report", "--year", "2026", "--as-of", AS_OF, "-m", "loten", "--out", str(target), "--lang", "en")
    assert "(2 cases)." in two.stderr
