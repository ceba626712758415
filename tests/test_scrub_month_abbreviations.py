"""A month's short form beside a day number is a date (notes_blind13: «4 Feb», «11 Mar» were taken
as names); beside an age, or alone with a verb, a name that is also a month's short form stays a
name («Jan, 12 år», «Jan (12) gråt»)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bti_cli.cli.app import app
from bti_cli.privacy.scrubber import scrub


@pytest.mark.parametrize("text", ["Møter: 4 Feb, 11 Feb og 11 Mar.", "Next review 25 Feb 2027.",
                                  "Samtale 3. des med rektor.", "Meetings on 4 Apr and 9 Aug."])
def test_a_short_month_beside_a_day_is_a_date(text):
    assert scrub(text, lang="nb").text == text


@pytest.mark.parametrize(("text", "expected"), [("Jan, 12 år, kom.", "[NAVN], 12 år, kom."),
                                                ("Jan (12) gråt.", "[NAVN] (12) gråt."),
                                                ("Mvh Jan", "Mvh [NAVN]")])
def test_the_name_jan_beside_an_age_stays_a_name(text, expected):
    assert scrub(text, lang="nb").text == expected


def test_through_the_command():
    result = CliRunner().invoke(app, ["scrub", "--lang", "en"], input="Seen 4 Feb and 11 Mar. Jan (12) cried.\n")
    assert result.exit_code == 0
    assert result.output == "Seen 4 Feb and 11 Mar. [NAME] (12) cried.\n"
