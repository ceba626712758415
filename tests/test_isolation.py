"""No test touches the user's own folders, not even code that runs while the tests are collected."""

from __future__ import annotations

import os
from pathlib import Path

# read while this module is imported (collection time), before any fixture has run
AT_IMPORT = {name: os.environ.get(name) for name in ("BTI_CASES_DIR", "BTI_CONFIG", "BTI_CACHE_DIR")}


def test_paths_point_away_from_home_already_at_collection_time():
    home = Path.home().resolve()
    for name, value in AT_IMPORT.items():
        assert value, f"{name} is not set while tests are collected"
        assert home not in Path(value).resolve().parents or "bti-tests-" in value, name
