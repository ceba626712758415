"""Round 28 of the scrubber, from tests/corpus/notes_blind20.txt (written blind, measured once
before it was read: daily notes in which children's names are ordinary words too): sayings that
open with such a name («Lykke til med …», «Dag for dag», «Dag 3 i tilvenning»), the nature name
Bjørk, a lower-case name before «sin» and a word for a person («sol sin
bror») or joined by «og» to a lower-case name before a verb («tiril og ask ble henta»), a person's
initials after a role ending a note («– helsesøster KS»), a farm with its direction in lower case
(«nedre Hoel gard»), a second birth date joined to the first («Fødde 14.12.1988 og 02.07.1985»).
All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lykke (2 år) sover urolig. «Lykke til med oppstarten», sa psykologen.",
         "[NAVN] (2 år) sover urolig. «Lykke til med oppstarten», sa psykologen."),
        ("Lykke (2) sover. Lykke til!", "[NAVN] (2) sover. Lykke til!"),
        ("Dag (4) er her. Dag for dag blir det bedre.", "[NAVN] (4) er her. Dag for dag blir det bedre."),
        ("tlf fra far Dag Øvergaard kl 1610. ok fra mor. Dag 3 i tilvenning gikk fint",
         "tlf fra far [NAVN] kl 1610. ok fra mor. Dag 3 i tilvenning gikk fint"),
        ("Dag (4) sov. Dag 2: bra.", "[NAVN] (4) sov. Dag 2: bra."),
    ],
)
def test_sayings_and_words_that_are_names_elsewhere(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the person still: the saying's words do not follow, or a clock time follows the day's name
        ("Lykke (2) sover. Lykke tilbys plass.", "[NAVN] (2) sover. [NAVN] tilbys plass."),
        ("Lykke (3) gråt. Lykke til slutt sovnet.", "[NAVN] (3) gråt. [NAVN] til slutt sovnet."),
        ("Dag (4) sov. Dag 12:30 kom han.", "[NAVN] (4) sov. [NAVN] 12:30 kom han."),
        ("Linn (15) kom.", "[NAVN] (15) kom."),
        # Linn is too common a name to give way to the word «linn» (mild): «linn vind» is left to lose its word
        ("Linn (12.03.2015) har skader.", "[NAVN] ([FØDSELSDATO]) har skader."),
    ],
)
def test_the_person_where_the_saying_is_not(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("helsestasjon: mor til bjørk ringte 0935. bjørk (2) har ikke hatt avføring.",
         "helsestasjon: mor til [NAVN] ringte 0935. [NAVN] (2) har ikke hatt avføring."),
        ("med Bjørk (8 mnd) kvar onsdag. Det er bjørk og siv langs vatnet.",
         "med [NAVN] (8 mnd) kvar onsdag. Det er bjørk og siv langs vatnet."),
        ("Leksehjelp: Sol og Mie kom ikke. sol sin bror sa de var hos bestemor.",
         "Leksehjelp: [NAVN] og [NAVN] kom ikke. [NAVN] sin bror sa de var hos bestemor."),
        ("Ferieklubben: tiril og ask ble ikke henta før kl 1645.",
         "Ferieklubben: [NAVN] og [NAVN] ble ikke henta før kl 1645."),
        ("ventetid 3 uker. mor vet. – helsesøster KS", "ventetid 3 uker. mor vet. – helsesøster [NAVN]"),
        ("Samtale med kontaktlærer TM", "Samtale med kontaktlærer [NAVN]"),
    ],
)
def test_names(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I dag var det sol og vind.",
        "det er sol sin tur",
        "Henvist til lege BUP",
        "Tiltak: helsesykepleier PPT",
        "Møte med rådgiver NAV",
    ],
)
def test_what_stays(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreldra bur på nedre Hoel gard, 2411 Elverum.", "Foreldra bur på [ADRESSE]."),
        ("Fødde 14.12.1988 og 02.07.1985. Neste møte 7.1.", "Fødde [FØDSELSDATO] og [FØDSELSDATO]. Neste møte 7.1."),
        ("født 12.03.2015, 14.04.2017 og 01.02.2019", "født [FØDSELSDATO], [FØDSELSDATO] og [FØDSELSDATO]"),
        # a date joined by a word in between is a meeting's
        ("født 12.03.2015 og møte 14.04.2026", "født [FØDSELSDATO] og møte 14.04.2026"),
    ],
)
def test_farms_and_birth_dates(text, expected, vocab):
    assert out(text, vocab) == expected


def test_the_command_keeps_the_saying_and_takes_the_child():
    text = "Lykke (2) sov godt. «Lykke til i morgen!» sa vi til mor."
    result = CliRunner().invoke(app, ["scrub", "-m", "loten"], input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("[NAVN] (2) sov godt. «Lykke til i morgen!» sa vi til mor.")
