"""The user config file (TOML in the platform's config dir) and where case files live.

Precedence everywhere: a command-line option, then its environment variable, then the
config file, then the built-in default.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from bti_cli.errors import DataError

CONFIG_KEYS = ("municipality", "lang", "cases_dir", "arena", "role")
APP_NAME = "bti"


def config_path() -> Path:
    env = os.environ.get("BTI_CONFIG")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def read_config() -> dict[str, Any]:
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path} is not valid TOML.", [f"{path}: {exc}"]) from None
    unknown = sorted(set(data) - set(CONFIG_KEYS))
    if unknown:
        raise DataError(
            f"{path} has unknown keys.",
            [f"{path}:1 {key}: unknown key (known: {', '.join(CONFIG_KEYS)})" for key in unknown],
        )
    return data


def default_cases_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "cases"
