"""A run of digits read both as an identity number and as a phone number is one number: it goes
whole, never leaving the phone's last digits behind (found by the phone property test; the run of
an identity number that fails its check goes whole, as a phone's run does)."""

from __future__ import annotations

import pytest

from bti_cli.privacy.scrubber import scrub


@pytest.mark.parametrize("text, kept", [
    ("01 01 00 200 00 000 ", "[FØDSELSNUMMER] "),
    ("Ring 01 01 00 200 00 000 i dag.", "Ring [FØDSELSNUMMER] i dag."),
])
def test_an_identity_number_and_a_phone_in_one_run_go_together(text, kept):
    assert scrub(text, lang="nb").text == kept


def test_two_numbers_apart_stay_two():
    result = scrub("Fnr 15031650094, tlf 412 34 567.", lang="nb")
    assert result.text == "Fnr [FØDSELSNUMMER], tlf [TELEFON]."
    assert [r.kind for r in result.replacements] == ["national_id", "phone"]
