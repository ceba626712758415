"""Where bti's own files live: the config file, the cache folder and the default cases folder,
and the config file's raw TOML.

The lowest layer next to `bti_cli.errors`: imports nothing of bti, so that i18n (its JSON cache,
the language from the config file), the catalogue (its validated copies) and the config all use
it without importing one another.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

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


def default_cases_dir() -> Path:
    return user_dir("data") / "cases"


def parse_config(path: Path) -> dict[str, Any]:
    """The config file's TOML as it stands ({} when there is none), unchecked; raises
    `tomllib.TOMLDecodeError` (a ValueError) or OSError. `config.read_config` checks it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    import tomllib

    return tomllib.loads(text)
