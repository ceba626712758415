"""Export rows checked against the published contract, `docs/export.schema.json`, with a JSON
Schema validator (not the pydantic model, which would accept `level = "2"`), in every format:
json and jsonl rows as they are, csv rows after turning each cell back into the type the schema
gives (CSV holds only text; a measure is its id there)."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "export.schema.json"


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@cache
def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


@cache
def _csv_validator() -> jsonschema.Draft202012Validator:
    """The same contract for a CSV row: a measure is written as its id."""
    csv_schema = copy.deepcopy(schema())
    measure_id = csv_schema["$defs"]["ExportMeasure"]["properties"]["id"]
    csv_schema["properties"]["measures"]["items"] = measure_id
    return jsonschema.Draft202012Validator(csv_schema)


def check_row(row: dict[str, Any]) -> None:
    """A json or jsonl row: exactly the contract's keys, in its order, each of its type."""
    assert list(row) == list(schema()["properties"])
    _validator().validate(row)


def _types(prop: dict[str, Any]) -> set[str]:
    found = {prop["type"]} if "type" in prop else set()
    for option in prop.get("anyOf", []):
        found |= _types(option)
    return found


def typed_csv_row(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row's cells as the types the schema says (so that the validator can check them)."""
    out: dict[str, Any] = {}
    for key, cell in row.items():
        prop = schema()["properties"].get(key, {})
        types = _types(prop)
        value: Any = cell
        if cell == "" and "null" in types:
            value = None
        elif "array" in types:
            value = cell.split(";") if cell else []
            if prop.get("items", {}).get("type") == "integer":  # child_view_levels: "0;2"
                value = [int(v) if v.lstrip("-").isdigit() else v for v in value]
        elif "integer" in types and cell.lstrip("-").isdigit():
            value = int(cell)
        elif "boolean" in types and cell in ("true", "false"):
            value = cell == "true"
        out[key] = value
    return out


def check_csv_row(row: dict[str, str]) -> None:
    assert list(row) == list(schema()["properties"])
    _csv_validator().validate(typed_csv_row(row))
