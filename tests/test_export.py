"""The export row contract and the streaming writers (core, no CLI)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from export_contract import check_csv_row, check_row, typed_csv_row
from pydantic import ValidationError

from bti_cli.reports.export import (
    EXPORT_KEYS,
    ExportRow,
    dumps_row,
    export_row,
    export_schema,
    ics_calendar,
    write_export,
)

ROOT = Path(__file__).resolve().parents[1]


def summary(**values):
    from bti_cli.caselog.models import CaseSummary

    base = {"case_id": "BTI-2026-7K3Q9", "municipality": "loten", "created": "2026-01-05T09:00:00Z",
            "process_version": "p1", "catalogue_version": "c1"}
    base.update(values)
    return CaseSummary(**base).model_dump()


def test_row_has_exactly_the_contract_keys_in_order():
    row = export_row(summary(actor_role="kontaktlærer", subject="child", pending_step="l1-plan",
                             consent_until="2026-12-31", decision="level:1"))
    assert tuple(row) == EXPORT_KEYS
    for private_or_internal in ("actor_role", "subject", "pending_step", "decision", "consent_until"):
        assert private_or_internal not in row
    check_row(row)


def test_row_values():
    row = export_row(summary(
        level=2, highest_level=3, arena="school", age=9, concern_areas=["learning"], concern_scale=3,
        notified_barnevern=True, measures=[{"id": "m1", "tiers": ["selective"], "service": "ppt"}],
        services_involved=["ppt"], baton_holder_role="kontaktlaerer", consent_services=["ppt", "nav"],
        days_to_decision=4, decided_within_deadline=True, evaluations=2, next_evaluation="2026-04-01",
    ))
    assert row["measures"] == [{"id": "m1", "tiers": ["selective"], "service": "ppt"}]
    assert (row["level"], row["highest_level"], row["evaluations"]) == (2, 3, 2)
    assert row["consent_services"] == ["ppt", "nav"] and row["notified_barnevern"] is True
    assert json.loads(dumps_row(row)) == row


def test_model_rejects_what_the_contract_forbids():
    good = export_row(summary())
    ExportRow.model_validate(good)
    for bad in ({**good, "name": "x"}, {**good, "level": 4}, {**good, "status": "pending"},
                {**good, "age": 30}, {k: v for k, v in good.items() if k != "arena"}):
        with pytest.raises(ValidationError):
            ExportRow.model_validate(bad)


@pytest.mark.parametrize("change", [
    {"level": "2"}, {"level": 4}, {"age": "9"}, {"notified_barnevern": "false"}, {"status": "pending"},
    {"measures": [{"id": "m1"}]}, {"concern_areas": "learning"}, {"evaluations": -1},
])
def test_the_published_schema_refuses_what_the_contract_forbids(change):
    import jsonschema

    good = export_row(summary(measures=[{"id": "m1", "tiers": ["selective"], "service": "ppt"}]))
    check_row(good)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, **change}, json.loads((ROOT / "docs" / "export.schema.json").read_text()))


def test_csv_cells_are_checked_as_their_types():
    import jsonschema

    good = {k: "" for k in EXPORT_KEYS} | {
        "case_id": "BTI-2026-7K3Q9", "municipality": "loten", "created": "2026-01-05T09:00:00Z", "status": "open",
        "level": "1", "highest_level": "1", "notified_barnevern": "false", "evaluations": "0",
        "measures": "m1;m2", "process_version": "p", "catalogue_version": "c", "handovers_offered": "1",
        "handovers_accepted": "0", "handover_pending": "true", "child_view_levels": "0;2",
        "evaluations_on_time": "0", "evaluations_late": "1"}
    check_csv_row(good)
    assert typed_csv_row(good)["child_view_levels"] == [0, 2]
    assert typed_csv_row(good)["measures"] == ["m1", "m2"] and typed_csv_row(good)["level"] == 1
    for bad in ({**good, "level": "two"}, {**good, "level": "7"}, {**good, "notified_barnevern": "yes"},
                {**good, "child_view_levels": "0;4"}, {**good, "handover_pending": "maybe"}):
        with pytest.raises(jsonschema.ValidationError):
            check_csv_row(bad)


def test_schema_is_the_documented_file():
    schema = export_schema()
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == list(EXPORT_KEYS)
    assert json.loads((ROOT / "docs" / "export.schema.json").read_text(encoding="utf-8")) == schema, (
        "regenerate docs/export.schema.json: bti export --schema > docs/export.schema.json")


ROWS = [
    export_row(summary(case_id="BTI-2026-AAAA1", concern_areas=["learning", "language"],
                       measures=[{"id": "m1", "tiers": ["universal"], "service": "ppt"},
                                 {"id": "m2", "tiers": ["selective", "indicated"], "service": None}])),
    export_row(summary(case_id="BTI-2026-AAAA2", arena="kindergarten", age=3, decided_within_deadline=False)),
]
TEXTS = [dumps_row(r) for r in ROWS]


def test_jsonl_and_json_stream_the_stored_texts():
    buf = io.StringIO()
    assert write_export(iter(TEXTS), buf, "jsonl") == 2
    assert [json.loads(line) for line in buf.getvalue().splitlines()] == ROWS
    buf = io.StringIO()
    assert write_export(iter(TEXTS), buf, "json") == 2
    assert json.loads(buf.getvalue()) == ROWS
    buf = io.StringIO()
    write_export(iter([]), buf, "json")
    assert json.loads(buf.getvalue()) == []


def test_csv_joins_lists_and_writes_measure_ids():
    buf = io.StringIO()
    write_export(iter(TEXTS), buf, "csv")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == list(EXPORT_KEYS)
    assert rows[0]["concern_areas"] == "learning;language"
    assert rows[0]["measures"] == "m1;m2"
    assert rows[1]["decided_within_deadline"] == "false" and rows[1]["closed"] == ""
    for row in rows:
        check_csv_row(row)


def test_excel_csv_has_bom_and_semicolons():
    buf = io.StringIO()
    write_export(iter(TEXTS), buf, "csv", excel=True)
    text = buf.getvalue()
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0]["concern_areas"] == "learning;language"  # quoted: the delimiter is ';' too
    assert rows[1]["arena"] == "kindergarten"
    for row in rows:
        check_csv_row(row)


def test_export_streams_without_holding_rows():
    consumed = []

    def texts():
        for text in TEXTS * 3:
            consumed.append(text)
            yield text

    class Sink(io.StringIO):
        def write(self, s):
            # by the time a row is written, at most one more has been read
            assert len(consumed) <= self.getvalue().count("\n") + 1
            return super().write(s)

    write_export(texts(), Sink(), "jsonl")


def test_ics_calendar():
    entries = [{"uid": "BTI-2026-AAAA1-evaluation@bti-cli", "day": "2026-03-20",
                "summary": "BTI: evaluering BTI-2026-AAAA1",
                "description": "Nivå 2. Stafettholder: helsesykepleier, skole; "
                               + "lang tekst " * 12}]
    text = ics_calendar(entries, stamp=datetime(2026, 3, 1, 12, 0, tzinfo=UTC), product="-//bti//test//NB")
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "DTSTART;VALUE=DATE:20260320" in lines and "DTEND;VALUE=DATE:20260321" in lines
    assert "DTSTAMP:20260301T120000Z" in lines
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "helsesykepleier\\, skole\\; lang" in unfolded
    assert "\n" not in text.replace("\r\n", "")


def test_out_of_range_answers_read_as_unknown():
    row = export_row(summary(age=40, concern_scale=9))
    assert row["age"] is None and row["concern_scale"] is None
    check_row(row)
