"""User-facing text in nb (default), nn and en.

Texts live in `locales/<domain>.toml`, one table per key with `nb`, `nn` and `en`:

    [no_match]
    nb = "Ingen tiltak passer."
    ...

`t("catalogue.no_match", count=3)` looks up key `no_match` in `locales/catalogue.toml` in the
current language and formats it with `str.format`. Each module owns its domain file.

Help texts of commands and options are evaluated when a command module is imported, so they
use `h("domain.key")`: it returns the text in the current language and remembers which key
each of the key's three texts belongs to, so the CLI can show a help text in the language of
the run even when the module was imported earlier (`localise`). The language of a run is known
before any command module is imported: `early_language(argv)`.

This module imports no typer, rich or pydantic: it runs before the command line is parsed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

_current = DEFAULT_LANGUAGE
_LOCALES = Path(__file__).resolve().parent / "locales"
# every text of every key handed out by `h` (or registered by `alias`) -> its key
_help_index: dict[str, str] = {}


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        from bti_cli.errors import UsageError

        # the value is not echoed: it may be anything the user typed
        raise UsageError(t("cli.unknown_language", choices=", ".join(LANGUAGES)))
    _current = lang


def get_language() -> str:
    return _current


@cache
def load_domain(domain: str) -> dict[str, dict[str, str]]:
    """The texts of `locales/<domain>.toml`, through a JSON copy in the user cache folder.

    Every command needs its help texts before it can run; parsing the TOML each time costs more
    than reading JSON, so the parsed texts are kept, keyed by the file's size and mtime and the
    bti version. A missing or broken copy is rebuilt; an unwritable cache folder only costs time.
    """
    import json

    from bti_cli import __version__
    from bti_cli.paths import cache_dir

    path = _LOCALES / f"{domain}.toml"
    stat = path.stat()
    copy = cache_dir() / f"locale-{__version__}-{domain}-{stat.st_size:x}-{stat.st_mtime_ns:x}.json"
    try:
        return json.loads(copy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import tomllib

    texts = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        from bti_cli import fileio

        fileio.ensure_dir(copy.parent)
        fileio.atomic_write(copy, json.dumps(texts, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
    return texts


def domains() -> list[str]:
    folder = _LOCALES
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def entry(key: str) -> dict[str, str]:
    """The {nb, nn, en} table of `domain.key`."""
    domain, _, name = key.partition(".")
    found = load_domain(domain).get(name)
    if found is None:
        raise KeyError(f"no text for {key!r}")
    return found


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The text for `domain.key` in `lang` (default: the current language).

    Singular forms: when `count=1` is given and `domain.key_one` exists, that entry is used
    ("1 sak", not "1 saker"). A `_one` entry has the same fields as the plural one; `count`
    may be passed only to choose the form (str.format ignores a value the text does not use).
    """
    texts = entry(key)
    count = values.get("count")
    if count == 1 and not isinstance(count, bool):
        domain, _, name = key.partition(".")
        texts = load_domain(domain).get(f"{name}_one") or texts
    text = texts.get(lang or _current) or texts[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def pick(labels: dict[str, str] | object, lang: str | None = None) -> str:
    """The label in the current language from a {nb, nn, en} mapping or Labels model."""
    lang = lang or _current
    if isinstance(labels, dict):
        return labels.get(lang) or labels[DEFAULT_LANGUAGE]
    return getattr(labels, lang, None) or getattr(labels, DEFAULT_LANGUAGE)


def _remember(key: str, text: str) -> None:
    import inspect

    _help_index[text] = key
    # typer and click clean help texts (dedent, strip) before they keep them
    _help_index[inspect.cleandoc(text)] = key


def h(key: str) -> str:
    """A help text (or metavar) for a command or option: `t(key)`, remembered for `localise`."""
    for text in entry(key).values():
        _remember(key, text)
    return t(key)


def help_from(key: str):
    """Decorator: a command function's docstring (typer's help) becomes the help text `key`."""

    def decorate(function):
        function.__doc__ = h(key)
        return function

    return decorate


def alias(key: str, *texts: str) -> None:
    """Let `localise` translate foreign texts (typer's and click's own English) to `key`."""
    for text in (*texts, *entry(key).values()):
        _remember(key, text)


def localise(text: str | None) -> str | None:
    """`text` in the current language if it came from `h` or `alias`; otherwise unchanged."""
    if not text:
        return text
    key = _help_index.get(text)
    return t(key) if key else text


def _option_value(argv: Sequence[str], name: str) -> str | None:
    """The last value of `--name X` or `--name=X` before a `--`."""
    value = None
    flag = f"--{name}"
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == flag and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith(flag + "="):
            value = arg[len(flag) + 1 :]
    return value


def early_language(argv: Sequence[str] | None = None) -> str:
    """The language of this run, before the command line is parsed.

    `--lang X` (anywhere before `--`; the last one wins, as it does for the parsed options),
    then BTI_LANG, then the config file, then nb. Values that are not a language are skipped
    here; the parsed option reports them.
    """
    import sys

    candidates = [_option_value(sys.argv[1:] if argv is None else argv, "lang"), os.environ.get("BTI_LANG")]
    for value in candidates:
        if value in LANGUAGES:
            return value
    from bti_cli.paths import config_path, parse_config

    try:
        value = parse_config(config_path()).get("lang")
    except (OSError, ValueError):  # a broken config file is reported by the command itself
        value = None
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def join_and(items: Iterable[str], lang: str | None = None) -> str:
    """Words in a sentence: "a", "a og b", "a, b og c" (nb, nn), "a, b and c" (en)."""
    words = [item for item in items if item]
    if len(words) < 2:
        return "".join(words)
    return t("cli.list_and", lang, first=", ".join(words[:-1]), last=words[-1])


def join_reasons(parts: Iterable[str]) -> str:
    """Reasons read as one line, "a; b; c": each without its end punctuation, so a catalogue
    text that ends in a full stop never reads ".; " before the next one."""
    out = []
    for part in parts:
        text = part.strip()
        while text.endswith((".", ";", ",")) and not text.endswith("..."):
            text = text[:-1].rstrip()
        if text:
            out.append(text)
    return "; ".join(out)
