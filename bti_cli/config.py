"""The user config file (TOML in the platform's config dir) and where case files live.

Precedence everywhere: a command-line option, then its environment variable, then the
config file, then the built-in default.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from bti_cli.errors import DataError

CONFIG_KEYS = ("municipality", "lang", "cases_dir", "arena", "role")
APP_NAME = "bti"


_XDG = {"config": ("XDG_CONFIG_HOME", ".config"), "data": ("XDG_DATA_HOME", ".local/share"),
        "cache": ("XDG_CACHE_HOME", ".cache")}


def user_dir(kind: str) -> Path:
    """platformdirs' user `kind` (config, data, cache) folder for bti.

    On Linux with an absolute HOME the XDG rules are applied here, with the same result as
    platformdirs (a test compares them), because importing platformdirs costs every command
    several milliseconds; anywhere else platformdirs decides.
    """
    home = os.environ.get("HOME", "")
    if sys.platform.startswith("linux") and os.path.isabs(home):
        variable, default = _XDG[kind]
        base = os.environ.get(variable, "")
        return Path(base if os.path.isabs(base) else os.path.join(home, default)) / APP_NAME
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))


def config_path() -> Path:
    env = os.environ.get("BTI_CONFIG")
    if env:
        return Path(env)
    return user_dir("config") / "config.toml"


def cache_dir() -> Path:
    env = os.environ.get("BTI_CACHE_DIR")
    return Path(env) if env else user_dir("cache")


def read_config() -> dict[str, Any]:
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        from bti_cli.i18n import t

        raise DataError(t("config.bad_toml", path=path), [f"{path}: {exc}"], hint=t("config.fix_hint")) from None
    unknown = sorted(set(data) - set(CONFIG_KEYS))
    if unknown:
        from bti_cli.i18n import t

        known = ", ".join(CONFIG_KEYS)
        raise DataError(
            t("config.unknown_keys", path=path),
            [f"{path}:1 {key}: {t('config.unknown_key_problem', known=known)}" for key in unknown],
            hint=t("config.fix_hint"),
        )
    return data


def default_cases_dir() -> Path:
    return user_dir("data") / "cases"


def check_setting(key: str, value: str) -> str | int:
    """The value to store for `key`, or UsageError/InputError saying why it cannot be used."""
    from bti_cli.errors import InputError, UsageError
    from bti_cli.i18n import LANGUAGES, t

    if key not in CONFIG_KEYS:
        raise UsageError(t("config.unknown_key", key=key), hint=t("config.known_keys", keys=", ".join(CONFIG_KEYS)))
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
        value = str(Path(value).expanduser().resolve())
    if key == "role" and not value.strip():
        raise InputError(t("config.bad_value", key=key, reason="''"))
    return value


def write_setting(key: str, value: str | None) -> str | int | None:
    """Set (or with None remove) one key in the config file, atomically. Returns the stored value."""
    import tomli_w

    data = read_config()
    if value is None:
        if key not in CONFIG_KEYS:
            check_setting(key, "")
        data.pop(key, None)
        stored = None
    else:
        stored = check_setting(key, value)
        data[key] = stored
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    os.replace(tmp, path)
    return stored
