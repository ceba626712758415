"""What the scrubber's round tests (tests/test_scrub_round*.py) share: the scrubbed text of a
line. Their `vocab` fixture (each shipped catalogue's vocabulary, a test once per municipality)
is in tests/conftest.py."""

from __future__ import annotations

from bti_cli.privacy.scrubber import scrub


def out(text: str, vocab=(), lang: str = "nb") -> str:
    return scrub(text, vocabulary=vocab, lang=lang).text
