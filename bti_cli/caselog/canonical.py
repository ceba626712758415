"""The canonical text of a case file: THE renderer, and the quick read it makes safe.

A case file is `FILE_COMMENT`, the header table as TOML, then every event as its own
`[[events]]` table (see bti_cli.caselog.log). The layout is tomli_w 1.2's output for those
tables, byte for byte, and must never drift under existing files (tests/test_caselog.py pins it).

`render_header` and `render_event` write that layout for the small, closed set of value types a
case file holds (str, int, bool, a list of those, one level of table whose values are those;
the models allow nothing else) without tomli_w's general machinery, which cost about 2 ms per
15 KB case, more than half of it asking whether each event would fit as an inline table. Any
value outside that set, or an event short enough that tomli_w might write it inline, is handed
to tomli_w itself, so the output is tomli_w's in every case (a property test compares the two
over every event shape, and the writer's layout test pins the bytes).

`read_tables(text)` is the fast path of THE reader (`log.parse_case`): a line reader for that
layout only. It is not trusted: its tables are used only when `render_tables` gives back
exactly `text`. That check is enough, because the renderer is faithful — for every table `T`
of the closed set that it writes in the `[[events]]` form (every real event: two 64-digit
hashes never fit inline; the quick reader reads no other form) and whose sub-table comes last
(as the reader builds it), `tomllib.loads(render(T))` is `T`, same values, types and order
(a property test checks it over arbitrary strings, keys and integers) — so `render(T) == text`
implies `tomllib.loads(text) == T`: the
tables are exactly what tomllib would have read from the same bytes, and every check after it
(models, sequence, hash chain, canonical layout, checkpoint) sees the same input as before.
Any file that is not in that layout (a hand edit, a changed space, CRLF, a comment, a
duplicate key, any TOML construct bti never writes) makes `read_tables` return None, and the
reader parses it with tomllib and reports its problems exactly as it always did. So a changed
byte in any event is found by the same checks as before; only the cost of reading a file that
is what bti wrote drops (the parse from about 3 ms to well under 1 ms per 15 KB case).

Core module: no I/O, never prints; tomli_w is imported only when a value needs it.
"""

from __future__ import annotations

import re
from typing import Any

FILE_COMMENT = "# bti case file: do not edit; `bti cases verify` detects any change.\n"

# tomli_w 1.2: characters escaped in a basic string (ASCII controls but tab, the quote, the
# backslash), the short escapes it uses, the characters of a bare key, and its line limit
_ESCAPED = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_SHORT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_LIMIT = 100  # tomli_w writes an array of tables inline when each fits in this width
_INDENT = "    "


class _Other(Exception):
    """A value outside the closed set: tomli_w renders the table."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or "\\u" + format(ord(char), "04x")


def _string(value: str) -> str:
    if _ESCAPED.search(value) is None:
        return '"' + value + '"'
    return '"' + _ESCAPED.sub(_escape, value) + '"'


def _key(key: Any) -> str:
    if type(key) is not str:
        raise _Other
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    raise _Other


def _literal(value: Any) -> str:
    if type(value) is list:
        if not value:
            return "[]"
        return "[\n" + "".join(_INDENT + _scalar(item) + ",\n" for item in value) + "]"
    return _scalar(value)


_KNOWN_KEYS = {key: key for key in (
    "schema_version", "case_id", "municipality", "catalogue_version", "process_version", "created",
    "seq", "at", "level", "step", "kind", "question", "value", "actor_role", "prev_hash", "hash",
)}


# the lines of short text values already rendered (steps, kinds, questions, roles, ids repeat
# in every case): a memo of the pure function (key, value) -> line, nothing else
_SEEN: dict[tuple[str, str], str] = {}
_SEEN_LENGTH = 40
_SEEN_MAX = 20_000


def _lines(table: dict, name: str, out: list[str]) -> int:
    """Append the `key = value` lines of a table, then its sub-tables (tomli_w's order); the
    number of characters of the literals, a lower bound of its width written inline (more
    than the limit when a value spans lines: then it is never written inline)."""
    subtables = []
    width = 0
    emit = out.append
    search = _ESCAPED.search
    for key, value in table.items():
        kind = type(value)
        if kind is str:
            line = _SEEN.get((key, value))
            if line is None:
                text = '"' + value + '"' if search(value) is None else _string(value)
                line = f"{_KNOWN_KEYS.get(key) or _key(key)} = {text}\n"
                if len(value) <= _SEEN_LENGTH and len(_SEEN) < _SEEN_MAX:
                    _SEEN[key, value] = line
            width += len(line)
            emit(line)
            continue
        if kind is int:
            text = str(value)
        elif kind is bool:
            text = "true" if value else "false"
        elif kind is dict:
            subtables.append((key, value))
            continue
        else:
            text = _literal(value)
            if "\n" in text:
                width += _INLINE_LIMIT
        line = f"{_KNOWN_KEYS.get(key) or _key(key)} = {text}"
        width += len(line)
        emit(line + "\n")
    for key, value in subtables:
        emit(f"\n[{name}.{_key(key)}]\n")
        for sub_key, sub_value in value.items():
            if type(sub_value) is dict:
                raise _Other
            text = _literal(sub_value)
            if "\n" in text:
                width += _INLINE_LIMIT
            line = f"{_key(sub_key)} = {text}"
            width += len(line)
            emit(line + "\n")
    return width


def render_header(table: dict) -> str:
    """The file's first part: the comment and the header table (tomli_w's layout)."""
    out = [FILE_COMMENT]
    try:
        if any(type(value) is dict for value in table.values()):
            raise _Other
        _lines(table, "", out)
    except _Other:
        import tomli_w

        return FILE_COMMENT + tomli_w.dumps(table)
    return "".join(out)


def render_event(table: dict) -> str:
    """One event as it follows the header: a blank line and its `[[events]]` table, exactly
    what `"\\n" + tomli_w.dumps({"events": [table]})` gives."""
    out = ["\n[[events]]\n"]
    try:
        width = _lines(table, "events", out)
    except _Other:
        width = 0
    if width <= _INLINE_LIMIT:  # might fit inline (never for a real event: two 64-digit hashes)
        import tomli_w

        return "\n" + tomli_w.dumps({"events": [table]})
    return "".join(out)


def render_tables(header: dict, events: list[dict]) -> str:
    return render_header(header) + "".join(map(render_event, events))


# --------------------------------------------------------------------------- the quick read

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_UNESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([btnfr"\\]))')
_UNSHORT = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_FAIL = object()


def _unescape(match: re.Match[str]) -> str:
    short = match.group(3)
    if short is not None:
        return _UNSHORT[short]
    return chr(int(match.group(1) or match.group(2), 16))  # ValueError beyond U+10FFFF


def _read_string(text: str) -> Any:
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return _FAIL
    body = text[1:-1]
    if "\\" in body:
        try:
            body = _UNESCAPE.sub(_unescape, body)
        except ValueError:
            return _FAIL
    return body


def _read_scalar(text: str) -> Any:
    if text[:1] == '"':
        return _read_string(text)
    if text == "true":
        return True
    if text == "false":
        return False
    if _INT.fullmatch(text):
        return int(text)
    return _FAIL


def _read_key(text: str) -> Any:
    if text in _KNOWN_KEYS or _BARE_KEY.fullmatch(text):
        return text
    return _read_string(text)


def _split_line(line: str) -> tuple[str, str, str]:
    """`key = value` split at the ` = ` after the key; a quoted key may hold ` = ` itself."""
    if line[:1] != '"':
        return line.partition(" = ")
    i = 1
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == '"':
            break
        i += 1
    key, rest = line[:i + 1], line[i + 1:]
    if not rest.startswith(" = "):
        return line, "", ""
    return key, " = ", rest[3:]


def read_tables(text: str) -> tuple[dict, list[dict]] | None:
    """(header, events) when `text` is exactly the canonical rendering of them, else None
    (then the caller parses `text` with tomllib). See the module docstring for why the result
    is what tomllib would read."""
    if not text.startswith(FILE_COMMENT) or not text.endswith("\n"):
        return None
    header: dict[str, Any] = {}
    events: list[dict] = []
    current = header
    lines = iter(text[len(FILE_COMMENT):-1].split("\n"))
    for line in lines:
        if not line:
            continue
        if line[0] == "[":
            if line == "[[events]]":
                current = {}
                events.append(current)
            elif line.startswith("[events.") and line[-1] == "]" and events:
                key = _read_key(line[8:-1])
                if key is _FAIL or key in events[-1]:
                    return None
                current = events[-1][key] = {}
            else:
                return None
            continue
        raw_key, sep, raw_value = _split_line(line)
        key = raw_key if raw_key in _KNOWN_KEYS else _read_key(raw_key)
        if not sep or key is _FAIL or key in current:
            return None
        value: Any
        if raw_value[:1] == '"' and raw_value[-1] == '"' and len(raw_value) > 1 and "\\" not in raw_value:
            value = raw_value[1:-1]  # the usual text: no escapes (whether it is canonical: see below)
        elif raw_value == "[":
            value = []
            for item in lines:
                if item == "]":
                    break
                if not item.startswith(_INDENT) or item[-1:] != ",":
                    return None
                scalar = _read_scalar(item[4:-1])
                if scalar is _FAIL:
                    return None
                value.append(scalar)
            # a missing closing bracket (the end reached) makes the rendering differ
        elif raw_value == "[]":
            value = []
        else:
            value = _read_scalar(raw_value)
            if value is _FAIL:
                return None
        current[key] = value
    if "events" in header:  # one file, one `events`: tomllib would refuse it
        return None
    if render_tables(header, events) != text:
        return None
    return header, events


__all__ = ["FILE_COMMENT", "read_tables", "render_event", "render_header", "render_tables"]
