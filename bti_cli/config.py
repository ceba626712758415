"""The user config file (TOML in the platform's config dir): reading it, checking and writing a
setting. Where the files live is `bti_cli.paths`.

Precedence everywhere: a command-line option, then its environment variable, then the
config file, then the built-in default.

Imports `bti_cli.paths`, `bti_cli.errors`, `bti_cli.i18n` and, to check a municipality or an arena,
`bti_cli.catalogue.loader`; none of these imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bti_cli.errors import DataError
from bti_cli.paths import config_path, parse_config

CONFIG_KEYS = ("municipality", "lang", "cases_dir", "arena", "role")


def read_config() -> dict[str, Any]:
    """The config file's settings ({} when there is none); DataError for broken TOML or a key
    bti does not know."""
    path = config_path()
    try:
        data = parse_config(path)
    except UnicodeDecodeError:
        raise
    except ValueError as exc:  # tomllib.TOMLDecodeError: tomllib is imported only when there is a file
        from bti_cli.i18n import t
        from bti_cli.privacy.guard import shown_path

        shown = shown_path(path)
        raise DataError(t("config.bad_toml", path=shown), [f"{shown}: {exc}"], hint=t("config.fix_hint")) from None
    unknown = sorted(set(data) - set(CONFIG_KEYS))
    if unknown:
        from bti_cli.i18n import t
        from bti_cli.privacy.guard import quote, shown_path

        known = ", ".join(CONFIG_KEYS)
        shown = shown_path(path)
        raise DataError(
            t("config.unknown_keys", path=shown),
            [f"{shown}:1 {quote(key)}: {t('config.unknown_key_problem', known=known)}" for key in unknown],
            hint=t("config.fix_hint"),
        )
    return data


def check_setting(key: str, value: str) -> str | int:
    """The value to store for `key`, or UsageError/InputError saying why it cannot be used."""
    from bti_cli.errors import InputError, UsageError
    from bti_cli.i18n import LANGUAGES, t
    from bti_cli.privacy.guard import check_path, check_text, quote

    if key not in CONFIG_KEYS:
        raise UsageError(
            t("config.unknown_key", key=quote(key)), hint=t("config.known_keys", keys=", ".join(CONFIG_KEYS))
        )
    if key == "lang" and value not in LANGUAGES:
        raise InputError(t("config.bad_value", key=key, reason=" | ".join(LANGUAGES)))
    if key == "municipality":
        from bti_cli.catalogue.loader import shipped_municipalities

        if value not in shipped_municipalities():
            raise InputError(t("config.bad_value", key=key, reason=", ".join(shipped_municipalities())))
    if key == "arena":
        from bti_cli.catalogue.loader import vocabulary_data

        arenas = list(vocabulary_data()["work_arenas"])
        if value not in arenas:
            raise InputError(t("config.bad_value", key=key, reason=", ".join(arenas)))
    if key == "cases_dir":
        value = check_path(str(Path(value).expanduser().resolve()), what=t("config.what_cases_dir"))
    if key == "role":
        # the role goes on every event of the case log, which is append-only: never a person
        value = check_text(value, what=t("config.what_role")).strip()
        if not value:
            raise InputError(t("config.bad_value", key=key, reason="''"))
    return value


def write_setting(key: str, value: str | None) -> str | int | None:
    """Set (or with None remove) one key in the config file, atomically. Returns the stored value."""
    import tomli_w

    from bti_cli.errors import InputError
    from bti_cli.i18n import t

    data = read_config()
    if value is None:
        if key not in CONFIG_KEYS:
            check_setting(key, "")
        data.pop(key, None)
        stored = None
    else:
        stored = check_setting(key, value)
        data[key] = stored
    from bti_cli import fileio

    path = config_path()
    fileio.ensure_dir(path.parent)
    try:
        fileio.atomic_write(path, tomli_w.dumps(data).encode("utf-8"))
    except fileio.NotRegularFile:
        raise InputError(t("config.not_regular")) from None
    except OSError as exc:
        raise InputError(t("config.unwritable", reason=exc.strerror or type(exc).__name__)) from None
    return stored

