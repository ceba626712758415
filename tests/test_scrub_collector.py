"""The scrubber pauses the cyclic garbage collector while it runs (a long scrub makes no reference
cycle, so a pass would only walk the word lists) and leaves it as it found it, also on an error."""

from __future__ import annotations

import gc

import pytest

from bti_cli.privacy import scrubber


def test_the_collector_is_paused_during_a_scrub_and_on_again_after_it(monkeypatch):
    seen = []
    real = scrubber._scrub

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(scrubber, "_scrub", spy)
    assert gc.isenabled()
    result = scrubber.scrub("Mor Kari Nordmann ringte fra 41234567.", lang="nb")
    assert result.text == "Mor [NAVN] ringte fra [TELEFON]."
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off():
    gc.disable()
    try:
        scrubber.scrub("Ring 41234567.", lang="nb")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_on_again_after_an_error(monkeypatch):
    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(scrubber, "_scrub", broken)
    with pytest.raises(RuntimeError):
        scrubber.scrub("Ring 41234567.", lang="nb")
    assert gc.isenabled()
