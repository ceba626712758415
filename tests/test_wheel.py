"""Build the wheel, install it (not editable) into a fresh virtual environment, run it there.

Catches a data file or a dependency that only an editable checkout provides.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=600, **kwargs)


def test_installed_wheel_runs_from_a_fresh_venv(tmp_path):
    wheels = tmp_path / "wheels"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT))
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("bti_cli-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = run(str(python), "-m", "pip", "install", "-q", str(wheel))
    assert installed.returncode == 0, installed.stderr

    env = {k: v for k, v in os.environ.items() if not k.startswith("BTI_")}
    env["BTI_CASES_DIR"] = str(tmp_path / "cases")
    env["BTI_CONFIG"] = str(tmp_path / "config.toml")
    env["BTI_CACHE_DIR"] = str(tmp_path / "cache")  # never the user's own cache folder
    outside = tmp_path / "elsewhere"  # not the checkout: nothing may come from the source tree
    outside.mkdir()

    help_run = run(str(python), "-m", "bti_cli", "--help", cwd=outside, env=env)
    assert help_run.returncode == 0, help_run.stderr
    assert "measures" in help_run.stdout

    bti = env_dir / "bin" / "bti"
    for slug in ("loten", "sondre-land", "elverum"):
        listing = run(str(bti), "measures", "list", "-m", slug, "--format", "json", cwd=outside, env=env)
        assert listing.returncode == 0, listing.stderr
        rows = json.loads(listing.stdout)
        assert rows and {"id", "tiers", "service", "source"} <= set(rows[0])
    validated = run(str(bti), "data", "validate", cwd=outside, env=env)
    assert validated.returncode == 0, validated.stderr
    assert any((tmp_path / "cache").iterdir()), "the installed bti did not use BTI_CACHE_DIR"
