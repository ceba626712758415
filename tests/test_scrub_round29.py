"""Round 29 of the scrubber, from what tests/corpus/notes_blind20.txt still lost after round 28:
a name that is a word too opening a sentence inside a line before a verb only a person does
(«… alle trærne. Eik ville ikke gå»), a birthday said as today or yesterday with the date in
brackets («ble 5 år i dag (3. desember)», "turned 6 today (3 December)"), the season in the air
(«Vår i lufta i dag») even where the same word is a child further on, a lower-case name called
back and said who it is («ring tilbake til per – bestefar til …»), and a lower-case name that is
an adjective before the weather («linn vind»). All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tur til skogen: blader fra eik. Eik ville ikke gå, satt på bakken.",
         "Tur til skogen: blader fra eik. [NAVN] ville ikke gå, satt på bakken."),
        ("Vi var ute. Liv gråt da mor kom.", "Vi var ute. [NAVN] gråt da mor kom."),
        ("Samling kl 9. Storm sa han var lei.", "Samling kl 9. [NAVN] sa han var lei."),
        # fetched, brought, driven: done to a child, not to a tree
        ("Tur i dag. Sol ble kjørt hjem.", "Tur i dag. [NAVN] ble kjørt hjem."),
        ("Ok fra mor. Eik blir henta av bestemor.", "Ok fra mor. [NAVN] blir henta av bestemor."),
        ("tlf kl 1610. Eik blir henta av bestemor.", "tlf kl 1610. [NAVN] blir henta av bestemor."),
    ],
)
def test_a_word_name_opening_a_sentence_before_a_persons_verb(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a verb a thing or the weather does as well: the word stays
        "Det var kaldt. Sol er viktig for humøret.",
        "Vi var ute. Storm var det ikke.",
        "Ut på tur. Eik blir brukt til møbler.",
        # inside a sentence (no full stop before), even before a person's verb
        "barna samlet eik og Sol sa det var fint",
    ],
)
def test_the_word_where_the_verb_is_not_a_persons(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frøya, som ble 5 år i dag (3. desember), hadde med kake.",
         "[NAVN], som ble 5 år i dag ([FØDSELSDATO]), hadde med kake."),
        ("Ho vart 6 år i går (2. desember).", "Ho vart 6 år i går ([FØDSELSDATO])."),
        ("He turned 6 today (3 December).", "He turned 6 today ([FØDSELSDATO])."),
        ("He turned 6 on 3 December and started school.", "He turned 6 on [FØDSELSDATO] and started school."),
        ("She turns 6 tomorrow (4 December).", "She turns 6 tomorrow ([FØDSELSDATO])."),
    ],
)
def test_a_birthday_said_as_today(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an age reached and a meeting's date apart: no birthday
        "Han blir 7 år i dag, møte 3. desember.",
        "The class turned 6 pages on 3 December.",
        "Møte i dag (3. desember) kl 10.",
    ],
)
def test_dates_that_are_no_birthday(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vår i lufta i dag, sol og pluss fire. Vår (5 år) falt på isen.",
         "Vår i lufta i dag, sol og pluss fire. [NAVN] (5 år) falt på isen."),
        ("Vår (5 år) falt. Vår i lufta, sa hun.", "[NAVN] (5 år) falt. Vår i lufta, sa hun."),
        # a child of that name with no air after it is the child
        ("Vår (5 år) falt. Vår i barnehagen gråt.", "[NAVN] (5 år) falt. [NAVN] i barnehagen gråt."),
    ],
)
def test_the_season_in_the_air(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring tilbake til per – bestefar til vilde og oda. nr 913 45 667.",
         "ring tilbake til [NAVN] – bestefar til [NAVN] og [NAVN]. nr [TELEFON]."),
        ("ring per, bestefar til vilde.", "ring [NAVN], bestefar til [NAVN]."),
        ("Ring tilbake til dag i morgen.", "Ring tilbake til [NAVN] i morgen."),
        # «per telefon», a role called back: no name
        ("ring tilbake til per telefon", "ring tilbake til per telefon"),
        ("ring tilbake til mor – hun var opptatt.", "ring tilbake til mor – hun var opptatt."),
    ],
)
def test_a_lower_case_name_called_back(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I dag var det sol, linn vind og minus åtte.", "I dag var det sol, linn vind og minus åtte."),
        ("Det var linn luft i dag.", "Det var linn luft i dag."),
        # before anything but the weather, the name
        ("linn kom i dag.", "[NAVN] kom i dag."),
        ("ring linn i morgen", "ring [NAVN] i morgen"),
    ],
)
def test_an_adjective_before_the_weather(text, expected, vocab):
    assert out(text, vocab) == expected


def test_the_command_keeps_the_weather_and_takes_the_children():
    text = "Vår i lufta, linn vind. Vår (5 år) falt. Tur i skogen. Eik ville ikke gå."
    result = CliRunner().invoke(app, ["scrub", "-m", "elverum"], input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Vår i lufta, linn vind. [NAVN] (5 år) falt. Tur i skogen. [NAVN] ville ikke gå.")
