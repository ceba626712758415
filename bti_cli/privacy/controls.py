"""Control characters in text: removed before text is stored, made visible before it is shown.

An answer that holds ESC[31m or an OSC title sequence would otherwise repaint or retitle the
terminal of whoever reads the case later. Tab and line breaks are ordinary text. Imports nothing
of bti, so the terminal's renderer can use it too.
"""

from __future__ import annotations

import re

# C0 and C1 controls (ESC, BEL, CSI …), DEL, and the bidirectional overrides that reorder text
# on screen; tab and line breaks are ordinary text.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_ALL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# an escape sequence as a whole: CSI … final byte, OSC … BEL/ST, or ESC and one character
_ESCAPE_SEQ_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]?"
)

def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences and control characters (tab and line breaks stay)."""
    if not _CONTROL_RE.search(text):
        return text
    return _CONTROL_RE.sub("", _ESCAPE_SEQ_RE.sub("", text))


def has_controls(text: str) -> bool:
    return bool(_CONTROL_RE.search(text))


def escape_controls(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control character shown as a visible escape (ESC → "\\x1b")."""
    pattern = _CONTROL_RE if keep_newlines else _CONTROL_ALL_RE
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
