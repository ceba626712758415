"""Every test runs with its own cases dir, config file and a fixed, colourless terminal."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile

import pytest

# Module-level test code and module-scoped fixtures (a catalogue loaded once per module) run
# before the autouse fixture below: point every path at a throw-away folder from the start, so
# that no test ever writes to the user's own cache, config or cases folders.
_SESSION_DIR = tempfile.mkdtemp(prefix="bti-tests-")
atexit.register(shutil.rmtree, _SESSION_DIR, True)
for _name, _leaf in (("BTI_CASES_DIR", "cases"), ("BTI_CONFIG", "config.toml"), ("BTI_CACHE_DIR", "cache")):
    os.environ[_name] = os.path.join(_SESSION_DIR, _leaf)

# A test run started in the background (a shell without job control: `pytest &`, CI runners)
# inherits SIGINT ignored, and an ignored signal stays ignored across exec: every `bti` the
# pty tests spawn would then ignore their Ctrl-C and hang until the test times out (the
# "flaky under load" pty tests). With Python's own handler here, a spawned process starts with
# SIGINT at its default, as it does from a terminal.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path, monkeypatch):
    cases = tmp_path / "cases"
    monkeypatch.setenv("BTI_CASES_DIR", str(cases))
    monkeypatch.setenv("BTI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("BTI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    for name in ("BTI_MUNICIPALITY", "BTI_DATA", "BTI_LANG", "BTI_DEBUG", "BTI_NO_INPUT", "BTI_PLAIN"):
        monkeypatch.delenv(name, raising=False)
    from bti_cli import i18n
    from bti_cli.catalogue import loader, names
    from bti_cli.cli import common
    from bti_cli.terminal import console

    console.configure(no_color=False, plain=False)
    i18n.set_language("nb")
    common._catalogue_cache.clear()
    loader.forget_loaded()
    names.forget()
    yield cases
    console.configure(no_color=False, plain=False)
    i18n.set_language("nb")


@pytest.fixture
def cases_dir(isolated_environment):
    return isolated_environment


@pytest.fixture
def cli():
    """Run `bti ARGS…` in-process; returns the click Result (exit_code, stdout, stderr)."""
    from typer.testing import CliRunner

    from bti_cli.cli.app import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict | None = None):
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


# CI explores the same examples every run (no flaky red builds); locally hypothesis keeps
# searching new ones. Set HYPOTHESIS_PROFILE=dev to explore in CI too.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
_hypothesis_settings.register_profile("dev", deadline=None)
_hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="module", params=["loten", "sondre-land", "elverum"])
def vocab(request):
    """The domain vocabulary of each shipped catalogue: a test that asks for it runs once per
    municipality (the scrubber's round tests; a module may define its own)."""
    from bti_cli.catalogue import loader as catalogue
    from bti_cli.privacy.scrubber import domain_vocabulary

    return domain_vocabulary(catalogue.load(request.param).catalogue)
