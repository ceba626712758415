"""scripts/screenshots.py runs the real commands on a pty and writes the README's SVG files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_script():
    path = ROOT / "scripts" / "screenshots.py"
    if not path.exists():  # an sdist without the scripts folder
        pytest.skip("scripts/screenshots.py is not here")
    spec = importlib.util.spec_from_file_location("screenshots", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def words(svg: str) -> str:
    """The text of an SVG screen, spaces as spaces."""
    import html
    import re

    text = " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    return " ".join(text.replace("\xa0", " ").split())  # as read, whatever the wrapping


def test_screenshots_show_the_real_screens(tmp_path, cases_dir):
    pytest.importorskip("pexpect")
    script = load_script()
    assert script.main(["--out", str(tmp_path), "--lang", "en"]) == 0
    walk = (tmp_path / "walkthrough.svg").read_text(encoding="utf-8")
    listing = (tmp_path / "listing.svg").read_text(encoding="utf-8")
    assert walk.startswith("<svg") and listing.startswith("<svg")
    shown = words(walk)
    # the walkthrough as a person sees it: the welcome, the configured arena and role, the
    # question being answered, and a case id
    assert "guidance when you wonder about a child" in shown
    assert "School and after-school care (from your settings" in shown
    assert "kontaktlærer (from your settings" in shown
    assert "The child's age in whole years" in shown and "BTI-" in shown
    # the right screen: the child chosen at its own question, the age typed at the age prompt
    assert "A family [number or word] > 2 Level 0 · question 5 The child's age" in shown
    assert shown.endswith("[0–23] > 9")
    # the listing: grouped by tier, the first rows only
    shown = words(listing)
    assert "Universal" in shown and "…" in shown
    # nothing was written outside the throwaway folders
    assert not cases_dir.exists()


def test_screen_text_keeps_the_first_or_last_lines():
    script = load_script()
    raw = "a\r\nb\r\nc\r\n\r\n"
    assert script.screen_text(raw) == "a\nb\nc"
    assert script.screen_text(raw, first=2) == "a\nb\n…"
    assert script.screen_text(raw, last=1) == "c"
