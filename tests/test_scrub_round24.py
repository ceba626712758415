"""Round 24 of the scrubber, from tests/corpus/notes_blind16.txt (written blind, measured once
before it was read): a lower-case name after a contact verb in dialect and past tense («prata me
per på telefonen», «snakket med liv i dag»), after a kinship word and «til» before a time («mamma
til aksel kl 0830»), and again before a verb («aksel har vondt»); the minute-taker's initials
after «Ref.»; a labelled address with its place after a comma when the street was found first;
and what must stay: verbs, nouns and adjectives that are given names too («kalle inn», «endre
planen», «trang økonomi»), an English month after «from» that starts a period, «per» as a
preposition, an abbreviation after «Ref.». All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("prata me per på telefonen, han e onkel", "prata me [NAVN] på telefonen, han e onkel"),
        ("snakket med liv i dag om saken", "snakket med [NAVN] i dag om saken"),
        ("prata med per i går. per seier at mor er sjuk", "prata med [NAVN] i går. [NAVN] seier at mor er sjuk"),
        ("tlf fra mamma til aksel kl 0830. aksel har vondt i magen",
         "tlf fra mamma til [NAVN] kl 0830. [NAVN] har vondt i magen"),
        ("Møte med far i dag.\nRef. AHL\n", "Møte med far i dag.\nRef. [NAVN]\n"),
        ("Møte med far.\nReferent: KB\n", "Møte med far.\nReferent: [NAVN]\n"),
        ("Mor oppgir ny adresse: hagevegen nr 4, elverum. Hun har flyttet.",
         "Mor oppgir ny adresse: [ADRESSE]. Hun har flyttet."),
        ("We got a message from May. She is worried.", "We got a message from [NAVN]. She is worried."),
        ("Parents: Fiona and Callum McGregor.", "Parents: [NAVN] and [NAVN]."),
        ("Mor heter Trang og far heter Endre Nilsen.", "Mor heter [NAVN] og far heter [NAVN]."),
        ("mora til kalle ringte", "mora til [NAVN] ringte"),
    ],
)
def test_what_round_24_finds(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dei rådde oss til å halde fram og kalle inn foreldra til samtale.",
        "Vi må endre planen og kalle inn foreldra.",
        "Det er trang økonomi i familien.",
        "Han leser en roman hver uke.",
        "De fortalte sanne historier.",
        "Familien er kristen.",
        "The health station will hold the check in the kindergarten from May. No children were discussed.",
        "Help from June onwards.",
        "prata med mor i går, 3 timer per uke.",
        "ring per telefon",
        "Møte med far i dag.\nRef. PPT\n",
        "ble til ask i går",
    ],
)
def test_what_round_24_leaves(text, vocab):
    assert out(text, vocab) == text


def test_the_address_label_takes_only_the_place_after_its_street():
    # the place after a comma goes with the street; the persons after the full stop do not
    text = "Adresse: Strandvegen 7, 2390 Moelv. Foresatte Camilla Solberg og Thomas Lie."
    result = CliRunner().invoke(app, ["scrub", "-m", "loten"], input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Adresse: [ADRESSE]. Foresatte [NAVN] og [NAVN].")
