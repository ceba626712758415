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


@pytest.mark.parametrize(("text", "expected"), [
    # «I'm» is a word and its contraction, no part of the name (round 32; it went with «Noah's» before)
    ("Hi, I'm Noah's mum. Thanks, Sarah", "Hi, I'm [NAME] mum. Thanks, [NAME]"),
    ("Hello Sarah, thanks for the call.", "Hello [NAME], thanks for the call."),
])
def test_a_greeting_is_no_part_of_the_name(text, expected):
    # «Hi» and «Thanks» were taken with the name beside them (notes_blind13)
    assert scrub(text, lang="en").text == expected
