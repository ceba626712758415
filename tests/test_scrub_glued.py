"""A given name and a surname written as one word with their capitals (found by a black-box reader
of issue 16: «Mor KariNordmann ringte» was stored as typed, though `config set role` refuses it):
every part a listed name, one of them a given name. A brand or a product with capitals inside it
stays, and so does a word made of two ordinary words. And a street written short with its full
stop («Storgt. 5») on a line of its own. All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor KariNordmann ringte.", "Mor [NAVN] ringte."),
        ("NordmannKari sa ja.", "[NAVN] sa ja."),
        ("Møte med OlaHansen i dag.", "Møte med [NAVN] i dag."),
    ],
)
def test_a_name_glued_into_one_word_goes(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize("text", ["Vi brukte PowerPoint og YouTube.", "Logg inn på MinSide.",
                                  "Møte i SkoleArena i dag.", "Se FaceTime-opptaket."])
def test_a_word_with_capitals_inside_that_is_no_name_stays(text, vocab):
    assert out(text, vocab) == text


def test_bti_start_stores_no_glued_name(tmp_path):
    result = CliRunner().invoke(app, ["scrub"], input="Mor KariNordmann ringte.\n")
    assert result.exit_code == 0 and "KariNordmann" not in result.stdout


@pytest.mark.parametrize(("text", "expected"), [("Adresse\nStorgt. 5\n", "Adresse\n[ADRESSE]\n"),
                                                ("Storgt. 12B, 2390 Moelv", "[ADRESSE]")])
def test_a_street_written_short_with_its_full_stop_goes_on_a_line_of_its_own(text, expected, vocab):
    # «Storgt. 5» alone on a line (found by the same reader): the abbreviation's full stop before
    # the number hid it from the street finder; «kl. 5» stays
    assert out(text, vocab) == expected
    assert out("Møte kl. 5 i dag.", vocab) == "Møte kl. 5 i dag."
