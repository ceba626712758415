"""Validation problems as `file:line field: message`, shared by the catalogue and the process.

Each loader finds the line in its own way (`catalogue.locate`, `process._locate`); this module
words the problems: the field path, and pydantic's errors in the user's language.
Cheap to import: pydantic is never imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bti_cli.i18n import t

# the loc parts pydantic adds for a member of a union (`str | int`, a Literal, a validator)
_UNION_MEMBERS = ("function-", "literal[")


def field_path(loc: Sequence[str | int]) -> str:
    """('measures', 3, 'age_min') → 'measures[3].age_min'; an empty path is the whole file."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"


def format_problem(name: str, line: int, loc: Sequence[str | int], message: str) -> str:
    """One problem: `file:line field: message`."""
    return f"{name}:{line} {field_path(loc)}: {message}"


def pydantic_errors(exc: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """(field path, message) for every error of a pydantic ValidationError.

    Union-member parts are dropped from the path; an unknown key and a missing field get our
    own translated words, and pydantic's "Value error, " before a validator's message goes.
    """
    errors = []
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(_UNION_MEMBERS)))
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = t("catalogue.v_unknown_key")
        elif error["type"] == "missing":
            message = t("catalogue.v_missing_field")
        elif message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        else:
            message = _translated(error) or message
        errors.append((loc, message))
    return errors


# pydantic's error types → our locale key, and the context values the text uses
_TRANSLATED = {
    "literal_error": "v_one_of",
    "enum": "v_one_of",
    "less_than_equal": "v_at_most",
    "greater_than_equal": "v_at_least",
    "less_than": "v_less_than",
    "greater_than": "v_greater_than",
    "too_short": "v_too_few_items",
    "too_long": "v_too_many_items",
    "string_too_short": "v_text_too_short",
    "string_too_long": "v_text_too_long",
    "int_parsing": "v_whole_number",
    "int_type": "v_whole_number",
    "int_from_float": "v_whole_number",
    "float_parsing": "v_number",
    "float_type": "v_number",
    "string_type": "v_text",
    "bool_type": "v_true_false",
    "bool_parsing": "v_true_false",
    "list_type": "v_list",
    "dict_type": "v_table",
    "model_type": "v_table",
    "model_attributes_type": "v_table",
    "date_type": "v_date",
    "date_parsing": "v_date",
    "date_from_datetime_parsing": "v_date",
    "string_pattern_mismatch": "v_pattern",
}


def _translated(error: dict[str, Any]) -> str | None:
    """pydantic's English message for the common error types, in the user's language."""
    key = _TRANSLATED.get(error["type"])
    if key is None:
        return None
    ctx = dict(error.get("ctx") or {})
    if "expected" in ctx:  # "'a', 'b' or 'c'" (pydantic's English) → "'a', 'b', 'c'"
        ctx["expected"] = str(ctx["expected"]).replace("' or '", "', '")
    values = {
        "expected": ctx.get("expected", ""),
        "limit": next((ctx[k] for k in ("le", "ge", "lt", "gt") if k in ctx), ""),
        "count": ctx.get("min_length", ctx.get("max_length", "")),
        "pattern": ctx.get("pattern", ""),
    }
    return t(f"catalogue.{key}", **values)
