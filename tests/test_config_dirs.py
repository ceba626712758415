"""bti's own XDG lookup gives exactly platformdirs' folders."""

import sys

import platformdirs
import pytest

from bti_cli.paths import user_dir

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux only")


@pytest.mark.parametrize(
    "environment",
    [
        {},
        {"XDG_CONFIG_HOME": "/srv/conf", "XDG_DATA_HOME": "/srv/data", "XDG_CACHE_HOME": "/srv/cache"},
        {"XDG_CONFIG_HOME": "relative/conf", "XDG_DATA_HOME": "", "XDG_CACHE_HOME": " "},
    ],
)
@pytest.mark.parametrize("kind", ["config", "data", "cache"])
def test_user_dir_matches_platformdirs(monkeypatch, tmp_path, environment, kind):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    expected = getattr(platformdirs, f"user_{kind}_dir")("bti", appauthor=False)
    assert str(user_dir(kind)) == expected
