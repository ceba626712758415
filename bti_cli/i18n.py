"""User-facing text in nb (default), nn and en.

Texts live in `locales/<domain>.toml`, one table per key with `nb`, `nn` and `en`:

    [no_match]
    nb = "Ingen tiltak passer."
    ...

`t("catalogue.no_match", count=3)` looks up key `no_match` in `locales/catalogue.toml` in the
current language and formats it with `str.format`. Each module owns its domain file.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        from bti_cli.errors import UsageError

        raise UsageError(f"Unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}.")
    _current = lang


def get_language() -> str:
    return _current


@cache
def load_domain(domain: str) -> dict[str, dict[str, str]]:
    path = resources.files("bti_cli") / "locales" / f"{domain}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def domains() -> list[str]:
    folder = resources.files("bti_cli") / "locales"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The text for `domain.key` in `lang` (default: the current language)."""
    domain, _, name = key.partition(".")
    entry = load_domain(domain).get(name)
    if entry is None:
        raise KeyError(f"no text for {key!r}")
    text = entry.get(lang or _current) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def pick(labels: dict[str, str] | object, lang: str | None = None) -> str:
    """The label in the current language from a {nb, nn, en} mapping or Labels model."""
    lang = lang or _current
    if isinstance(labels, dict):
        return labels.get(lang) or labels[DEFAULT_LANGUAGE]
    return getattr(labels, lang, None) or getattr(labels, DEFAULT_LANGUAGE)
