"""Validation problems as `file:line field: message`, shared by the catalogue and the process.

`TomlLines` finds the line of a field path in a data file (the one locator of both loaders); the
rest words the problems: the field path, and pydantic's errors in the user's language.
Cheap to import: pydantic is never imported here.
"""

from __future__ import annotations

import re
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


_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")


class TomlLines:
    """The lines of a TOML text, indexed once, and the 1-based line of a field path in it.

    The headers (`[table]`, `[[array]]`) are found in one pass over the text; every lookup after
    that is a binary search among them and a scan of one table's own lines, so locating the
    problems of a file with thousands of entries stays linear in its size. Paths are pydantic's
    (`('measures', 3, 'age_min')`, `('plan', 'links', 0, 'url')`, `('steps', 2, 'questions', 1,
    'kind')`): a name followed by a number is an element of an array of tables, a name is a table
    (`[areas.language]`, also one that only has sub-tables) or else a key (`key = …`, dotted
    `key.nb = …`, an inline table or array). When a part is not found, the line of the nearest
    enclosing header is the answer (1 for the top of the file).
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self._at: list[int] = []  # line index of every header, in order
        self._name: list[str] = []
        self._arrays: dict[str, list[int]] = {}  # name → header numbers of its elements
        self._tables: dict[str, list[int]] = {}  # name → header numbers of `[name]`
        self._below: dict[str, list[int]] = {}  # dotted prefix → header numbers of tables under it
        for i, line in enumerate(self.lines):
            if "[" not in line:
                continue
            array = _ARRAY_HEADER.match(line)
            match = array or _TABLE_HEADER.match(line)
            if match is None:
                continue
            number, name = len(self._at), match.group(1)
            self._at.append(i)
            self._name.append(name)
            (self._arrays if array else self._tables).setdefault(name, []).append(number)
            parts = name.split(".")
            for depth in range(1, len(parts)):
                self._below.setdefault(".".join(parts[:depth]), []).append(number)
        self._extents: dict[int, int] = {}
        self._keys: dict[str, re.Pattern[str]] = {}

    def _line(self, number: int) -> int:
        return self._at[number] if number < len(self._at) else len(self.lines)

    def _block(self, number: int | None) -> tuple[int, int]:
        """The lines of a table's own keys (up to the next header); None: the top of the file."""
        if number is None:
            return 0, self._line(0)
        return self._at[number] + 1, self._line(number + 1)

    def _extent(self, number: int) -> int:
        """The header number after the table `number` and all its sub-tables."""
        if number not in self._extents:
            prefix = self._name[number] + "."
            after = number + 1
            while after < len(self._at) and self._name[after].startswith(prefix):
                after += 1
            self._extents[number] = after
        return self._extents[number]

    @staticmethod
    def _first(numbers: list[int], start: int, end: int, nth: int = 0) -> int | None:
        """The `nth` of the sorted header `numbers` in [start, end), or None."""
        from bisect import bisect_left  # only when a problem is located: not at every start-up
        k = bisect_left(numbers, start) + nth
        return numbers[k] if k < len(numbers) and numbers[k] < end else None

    def _key(self, key: str, block: tuple[int, int]) -> int | None:
        pattern = self._keys.get(key)
        if pattern is None:
            pattern = self._keys[key] = re.compile(r'^\s*("?)' + re.escape(key) + r'\1\s*[.=]')
        for i in range(*block):
            if pattern.match(self.lines[i]):
                return i
        return None

    def locate(self, loc: Sequence[str | int]) -> int:
        """The 1-based line of the field path `loc`."""
        path = ""
        start, end = 0, len(self._at)  # the header numbers the current table spans
        block: tuple[int, int] | None = self._block(None)  # the lines of its own keys
        best = 1
        i = 0
        while i < len(loc):
            part = loc[i]
            if not isinstance(part, str):
                break  # an index into an inline array: the line found so far
            name = f"{path}.{part}" if path else part
            nxt = loc[i + 1] if i + 1 < len(loc) else None
            if isinstance(nxt, int):
                found = self._first(self._arrays.get(name, []), start, end, nxt)
                if found is not None:  # [[name]], the element number `nxt`
                    path, best, block = name, self._at[found] + 1, self._block(found)
                    start, end = found + 1, self._extent(found)
                    i += 2
                    continue
            else:
                found = self._first(self._tables.get(name, []), start, end)
                if found is not None:  # [name]
                    path, best, block = name, self._at[found] + 1, self._block(found)
                    start, end = found + 1, self._extent(found)
                    i += 1
                    continue
                found = self._first(self._below.get(name, []), start, end)
                if found is not None:  # only [name.sub] or [[name.sub]]: a table without keys of its own
                    path, best, block = name, self._at[found] + 1, None
                    start = found
                    i += 1
                    continue
            key = self._key(part, block) if block is not None else None
            return key + 1 if key is not None else best
        return best


def format_problem(name: str, line: int, loc: Sequence[str | int], message: str) -> str:
    """One problem: `file:line field: message` (a file named after a person is not repeated)."""
    from bti_cli.privacy.guard import shown_choice, shown_path

    # a key of the file as a typo of a key is shown; an unknown key written as a name, a number
    # or an e-mail («Kari Nordmann 15038150094») is not repeated
    shown = tuple(p if isinstance(p, int) or shown_choice(str(p)) is not None else "…" for p in loc)
    return f"{shown_path(name)}:{line} {field_path(shown)}: {message}"


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
