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
        errors.append((loc, message))
    return errors
