"""The JSONL and CSV exports load into DuckDB (and pandas, when installed) without options, and
give the same counts per level as `bti stats`. duckdb is in the `test` extra; it is imported here
only, never by bti."""

from __future__ import annotations

import json

import pytest

from tests.bti_case_factory import make_case

duckdb = pytest.importorskip("duckdb")


@pytest.fixture
def exports(cli, cases_dir, tmp_path):
    """Cases at every level in 2026 (7, 6, 5, 9) and 3 in 2025, exported as JSONL and CSV."""
    for level, n in ((0, 7), (1, 6), (2, 5), (3, 9)):
        for i in range(n):
            decision = "close" if level == 0 else f"level:{level}"
            make_case(cases_dir, created=f"2026-0{level + 1}-{i + 2:02d}", decision=decision,
                      close_on=f"2026-0{level + 1}-25" if level == 0 else None)
    for i in range(3):
        make_case(cases_dir, created=f"2025-06-{i + 2:02d}", decision="level:2")
    paths = {}
    for fmt in ("jsonl", "csv"):
        paths[fmt] = tmp_path / f"loten.{fmt}"
        result = cli("export", "-f", fmt, "--out", str(paths[fmt]))
        assert result.exit_code == 0, result.stderr
    return paths


def stats_levels(cli, *args: str) -> dict[int, int | None]:
    result = cli("stats", "--year", "2026", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    breakdown = next(b for b in json.loads(result.stdout)["breakdowns"] if b["by"] == "level")
    return {int(r["group"]): r["concerns"] for r in breakdown["rows"]}


QUERY = """
SELECT highest_level, count(*) AS cases
FROM '{path}'
WHERE year(CAST(created AS TIMESTAMP)) = 2026
GROUP BY highest_level ORDER BY highest_level
"""


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_duckdb_reads_the_export_and_counts_as_stats(cli, exports, fmt):
    counts = dict(duckdb.sql(QUERY.format(path=exports[fmt])).fetchall())
    assert counts == {0: 7, 1: 6, 2: 5, 3: 9}
    assert stats_levels(cli, "--min-count", "0") == counts
    # with the default protection every shown cell is DuckDB's count
    shown = stats_levels(cli)
    assert {k: v for k, v in shown.items() if v is not None} == {k: counts[k] for k, v in shown.items()
                                                                 if v is not None}


def test_duckdb_types_and_many_municipalities_in_one_query(exports, tmp_path):
    rel = duckdb.sql(f"SELECT * FROM '{exports['jsonl']}'")
    types = dict(zip(rel.columns, [str(t) for t in rel.types], strict=True))
    assert types["highest_level"] == "BIGINT" and types["notified_barnevern"] == "BOOLEAN"
    assert types["measures"].startswith("STRUCT") or types["measures"].endswith("[]")
    # a county's figures: every municipality's export in one folder, one query over all of them
    folder = tmp_path / "county"
    folder.mkdir()
    text = exports["jsonl"].read_text(encoding="utf-8")
    (folder / "loten.jsonl").write_text(text, encoding="utf-8")
    (folder / "elverum.jsonl").write_text(text.replace('"loten"', '"elverum"'), encoding="utf-8")
    rows = duckdb.sql(f"""
        SELECT municipality, count(*) FROM '{folder}/*.jsonl' GROUP BY municipality ORDER BY municipality
    """).fetchall()
    assert rows == [("elverum", 30), ("loten", 30)]


def test_pandas_reads_the_export_without_options(exports):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_json(exports["jsonl"], lines=True)
    assert len(frame) == 30 and frame["highest_level"].max() == 3
    assert len(pandas.read_csv(exports["csv"])) == 30
