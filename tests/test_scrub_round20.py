"""Round 20 of the scrubber, from the last fresh reading: what the role check refuses, the notes
scrubber catches too, right after a role or kinship word: a listed surname in lower case ("Lærer
hansen så det", "far olsen ringte") and initials in lower case with their dots ("lærer o.n.").
All names are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lærer hansen så det.", "Lærer [NAVN] så det."),
        ("far olsen ringte i går.", "far [NAVN] ringte i går."),
        ("mor nordmann kom.", "mor [NAVN] kom."),
        ("Samtale med lærer o.n. i dag.", "Samtale med lærer [NAVN] i dag."),
        ("Til stede: helsesykepleier k.n. og rektor.", "Til stede: helsesykepleier [NAVN] og rektor."),
        # must stay: a surname that is a word too, an abbreviation, initials after no role word
        ("Lærer berg og fjell er tema.", "Lærer berg og fjell er tema."),
        ("Lærer t.d. i 5. klasse.", "Lærer t.d. i 5. klasse."),
        ("Vi leste bl.a. om vikingene.", "Vi leste bl.a. om vikingene."),
    ],
)
def test_what_the_role_check_refuses_is_caught_after_a_role_word(text, expected, vocab):
    assert out(text, vocab) == expected


def test_bti_scrub_catches_a_lower_case_surname_and_initials():
    result = CliRunner().invoke(app, ["scrub"], input="Lærer hansen så det. Lærer o.n. ringte.\n")
    assert result.exit_code == 0, result.output
    assert "hansen" not in result.stdout and "o.n." not in result.stdout
