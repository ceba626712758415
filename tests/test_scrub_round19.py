"""Round 19 of the scrubber, from a fresh reader's findings: a place right after a role or
kinship word is the surname where the name ends too ("Møte med far Hov."), not only before a
verb. All names, numbers and addresses are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møte med far Hov.", "Møte med far [NAVN]."),
        ("Møte med mor Nes.", "Møte med mor [NAVN]."),
        ("Samtale med kontaktlærer Hov.", "Samtale med kontaktlærer [NAVN]."),
        ("Snakket med far Hov i dag.", "Snakket med far [NAVN] i dag."),
        ("Til stede: far Hov, mor Nes.", "Til stede: far [NAVN], mor [NAVN]."),
        ("Møte med far Hov og mor Nes", "Møte med far [NAVN] og mor [NAVN]"),
        ("Ring helsesykepleier Nes (tirsdag).", "Ring helsesykepleier [NAVN] (tirsdag)."),
        ("Samtale med far Hov\nNeste møte i mai.", "Samtale med far [NAVN]\nNeste møte i mai."),
        # before a verb, as before
        ("Rektor Hov er enig.", "Rektor [NAVN] er enig."),
    ],
)
def test_a_place_after_a_role_word_is_the_surname_where_the_name_ends(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hun bor hos far på Nes.",
        "Møtet var hos mor på Hov i dag.",
        "Barnet bor på Nes.",
        "Han kjørte forbi Hov.",
        # the child after «mor til» is judged as any word: a place stays («far til Hamar»)
        "Snakket med mor til Hov.",
        # after an interpreter, the word is the language
        "Møte med tolk Somali.",
        "Rektor på Hov, rektor ved Nes skole.",
    ],
)
def test_a_place_after_a_preposition_stays(text, vocab):
    assert out(text, vocab) == text
