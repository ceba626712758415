"""Notes in English (a last reader): a surname after an English title, a passport or NHS number
after the word for it, and a phone after "mobile" were kept (all values fictitious)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bti_cli.cli.app import app
from bti_cli.privacy.scrubber import scrub


@pytest.mark.parametrize(("text", "expected"), [
    ("Mrs Whitfield agreed.", "Mrs [NAME] agreed."),
    ("Mr and Mrs Whitfield agreed.", "Mr and Mrs [NAME] agreed."),
    ("Dr Hansen rang.", "Dr [NAME] rang."),
    ("Passport number 123456789.", "Passport number [ID-NUMBER]."),
    ("NHS number 943 476 5919", "NHS number [ID-NUMBER]"),
    ("Her mobile is 07700 900123.", "Her mobile is [PHONE]."),
    ("Mobile: 07700 900123", "Mobile: [PHONE]"),
])
def test_english_cues_go(text, expected):
    assert scrub(text, lang="en").text == expected


@pytest.mark.parametrize("text", ["I miss Norway.", "The phone is broken.", "He has a cell phone.",
                                  "The passport office opens at 9."])
def test_the_words_alone_stay(text):
    assert scrub(text, lang="en").text == text


def test_through_the_command():
    result = CliRunner().invoke(app, ["scrub", "--lang", "en"], input="Mrs Whitfield, mobile 07700 900123.\n")
    assert result.exit_code == 0
    assert result.output == "Mrs [NAME], mobile [PHONE].\n"
