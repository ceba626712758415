"""Names of English-speaking families (notes_blind13): common English given names and surnames
that no lexicon lists as words are names, in English and in Norwegian notes."""

from __future__ import annotations

import pytest

from bti_cli.privacy.scrubber import scrub


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Grace Carter called about her son.", "en", "[NAME] called about her son."),
    ("Olivia Hart ringte i dag.", "nb", "[NAVN] ringte i dag."),
    ("Mum Chloe Watson came to the meeting.", "en", "Mum [NAME] came to the meeting."),
    ("Ethan (6) and Isla (4) were there.", "en", "[NAME] (6) and [NAME] (4) were there."),
])
def test_english_names_go(text, lang, expected):
    assert scrub(text, lang=lang).text == expected
