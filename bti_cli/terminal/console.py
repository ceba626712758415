"""The single stdout/stderr Console pair, created on first use.

Honours NO_COLOR (any non-empty value, as no-color.org says), `--no-color`, `--plain` and
BTI_PLAIN (screen readers: linear text, no boxes, no colour, no bold), TERM=dumb and COLUMNS.
A pipe gets text, never ANSI codes.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

_options = {"no_color": False, "plain": False}


def configure(*, no_color: bool | None = None, plain: bool | None = None) -> None:
    if no_color is not None:
        _options["no_color"] = no_color
    if plain is not None:
        _options["plain"] = plain
    out.cache_clear()
    err.cache_clear()


def is_plain() -> bool:
    return _options["plain"] or os.environ.get("BTI_PLAIN", "") not in ("", "0")


def colour_off() -> bool:
    return _options["no_color"] or is_plain() or os.environ.get("NO_COLOR", "") != ""


def _make(stderr: bool) -> Console:
    from rich.console import Console

    class BtiConsole(Console):
        """A console whose plain-text messages are not hard-wrapped when it writes to a pipe or
        a file: a script gets each message on one line. Rich renderables (tables, Markdown,
        cards) still fit the width; in a terminal messages wrap at word boundaries."""

        def print(self, *objects, soft_wrap=None, **kwargs):
            if soft_wrap is None and not self.is_terminal and objects and all(isinstance(o, str) for o in objects):
                soft_wrap = True
            super().print(*objects, soft_wrap=soft_wrap, **kwargs)

    kwargs: dict[str, Any] = {}
    if is_plain():
        # no styles at all: a screen reader or a braille line gets the words only
        kwargs["color_system"] = None
    return BtiConsole(
        stderr=stderr,
        no_color=colour_off(),
        highlight=False,
        emoji=False,
        soft_wrap=False,
        # a pipe gets text, never ANSI codes
        force_terminal=None,
        **kwargs,
    )


@cache
def out() -> Console:
    return _make(stderr=False)


@cache
def err() -> Console:
    return _make(stderr=True)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()
