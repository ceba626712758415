"""Control characters in text: removed before text is stored, made visible before it is shown.

An answer that holds ESC[31m or an OSC title sequence would otherwise repaint or retitle the
terminal of whoever reads the case later; a carriage return would send the cursor back to the
start of the line, so what follows it overwrites (hides) what came before; a zero-width or other
invisible format character (U+200B, U+2060, U+FEFF, a soft hyphen …) hides a text's real form
from the reader and from the scrubber's patterns. Tab and the newline are ordinary text.

Before text is stored, `strip_controls` turns a carriage return (`\r\n`, a lone `\r`, and the
Unicode line and paragraph separators) into a newline: that is what the writer meant (a line
break pasted from a Windows or old Mac editor, or Enter in a raw terminal), and a space would join
two paragraphs into one. The other characters are removed. Before text is shown,
`escape_controls` makes every one of them visible ("\r", "\u200b"), so a case file written
before this rule, or edited by hand, cannot hide part of an answer. Imports nothing of bti, so the
terminal's renderer can use it too.
"""

from __future__ import annotations

import re

# invisible format characters: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero
# width space / non-joiner / joiner, the directional marks, word joiner and invisible operators,
# the deprecated format controls, the byte order mark (zero width no-break space), interlinear
# annotation, and the tag characters
_FORMAT = "\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
# C0 and C1 controls (ESC, BEL, CSI, CR …), DEL, the bidirectional overrides and isolates that
# reorder text on screen, the line and paragraph separators, and the format characters above;
# tab and newline are ordinary text.
_CONTROL_RE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{_FORMAT}]")
_CONTROL_ALL_RE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{_FORMAT}]")
# what hides inside a word or a number without breaking a line: every character above but the
# carriage return and the line and paragraph separators (the scrubber looks through these)
HIDDEN_RE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_FORMAT}]")
# what json.dumps(…, ensure_ascii=False) writes raw though it is a control or format character
_JSON_RAW_RE = re.compile(f"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{_FORMAT}]")
# a line break written another way than the newline: CR LF, a lone CR, U+2028, U+2029
_LINE_BREAK_RE = re.compile("\r\n?|[\u2028\u2029]")
# an escape sequence as a whole: CSI … final byte, OSC … BEL/ST, or ESC and one character
_ESCAPE_SEQ_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]?"
)

def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences, control and format characters; a carriage
    return (alone or before a newline) and the Unicode line separators become a newline; tab and
    newline stay."""
    if not _CONTROL_RE.search(text):
        return text
    return _CONTROL_RE.sub("", _ESCAPE_SEQ_RE.sub("", _LINE_BREAK_RE.sub("\n", text)))


def has_controls(text: str) -> bool:
    """Whether `text` holds a character that `strip_controls` would change."""
    return bool(_CONTROL_RE.search(text))


def escape_controls(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control character shown as a visible escape (ESC → "\\x1b")."""
    pattern = _CONTROL_RE if keep_newlines else _CONTROL_ALL_RE
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a JSON string escapes a character outside the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def escape_controls_json(text: str) -> str:
    """JSON text (from `json.dumps(…, ensure_ascii=False)`) with every control and format
    character written as a `\\uXXXX` escape: the same value for a program that reads it, nothing
    hidden or interpreted on a terminal (json.dumps leaves DEL, C1, U+202E, U+200B … raw).
    json.dumps escapes C0 itself, so a tab or newline here is the layout's (`indent`), and every
    other character matched can only be inside a string."""
    if not _JSON_RAW_RE.search(text):
        return text
    return _JSON_RAW_RE.sub(_json_escape, text)
