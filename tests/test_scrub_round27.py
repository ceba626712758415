"""Round 27 of the scrubber, from tests/corpus/notes_blind19.txt (written blind, measured once
before it was read: meeting minutes, referrals, pasted e-mails, notes in English): a surname with a
particle («M. van Dijk», «Eva Marie de Lange», «Annelies van der Berg-de Jong»), initials in brackets
after a role or a service in a list of who took part («PPT (JOH)»), the minute-taker after
«Referat:», a lone initial opening a line before a verb («K. ringte»), initials signing a quoted
message («… ta kontakt? VS»»), an age written «(ca. 13)» or with the class («(8, 3. trinn)»), a
child in a list of children with ages, the person after «c/o», the English titles Mr, Mrs and Ms,
a lower-case initial without its full stop («nora s + oliver»), a double surname with a part the
frequency list knows («familien Haugen-Tvete»), a farm's name before its street after «på gården»,
«flat 3» in an address, a lower-case street shortened «vn» with a bare postcode («hamarvn 4a
2406»); and what must stay: «Year 9», «Tilrådd», «ruta», a count in brackets before a list, a
particle after a comma, services in brackets. All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Will follow up next Tuesday at 11:30. – M. van Dijk", "Will follow up next Tuesday at 11:30. – [NAVN]"),
        ("Møtte Eva Marie de Lange i dag.", "Møtte [NAVN] i dag."),
        ("Meeting with Pieter van der Berg and Annelies van der Berg-de Jong about Femke.",
         "Meeting with [NAVN] and [NAVN] about [NAVN]."),
    ],
)
def test_a_surname_with_a_particle(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a particle after a comma, or one that is a Norwegian word, is no part of a name
        ("Ola, da Kari kom", "[NAVN], da [NAVN] kom"),
        ("Ola ga de Eldste en is.", "[NAVN] ga de Eldste en is."),
    ],
)
def test_a_particle_that_is_no_part_of_a_name(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Til stede: PPT (JOH), BUP (GW), Barne- og familiekoordinator (KG, referent).",
         "Til stede: PPT ([NAVN]), BUP ([NAVN]), Barne- og familiekoordinator ([NAVN], referent)."),
        ("Møte i teamet.\nReferat: MEL", "Møte i teamet.\nReferat: [NAVN]"),
        ("K. ringte fra bv, trenger uttalelse innen fre.", "[NAVN] ringte fra bv, trenger uttalelse innen fre."),
        ("«Kan OT ta kontakt? VS»", "«Kan OT ta kontakt? [NAVN]»"),
    ],
)
def test_initials(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a service after a name in brackets, a service as the minute-taker, a known word signing
        ("Til stede: helsesykepleier (NAV), Kari Hansen (PPT).", "Til stede: helsesykepleier (NAV), [NAVN] (PPT)."),
        ("Møte i teamet.\nReferat: PPT", "Møte i teamet.\nReferat: PPT"),
        ("«Vi er enige. OK»", "«Vi er enige. OK»"),
        ("«Meld fra til NAV. PPT»", "«Meld fra til NAV. PPT»"),
        ("A. Gjør dette først.", "A. Gjør dette først."),
    ],
)
def test_what_looks_like_initials_and_stays(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fra Åpen hall lørdag: Muhammed (ca. 13) sa til miljøarbeider noe.",
         "Fra Åpen hall lørdag: [NAVN] (ca. 13) sa til miljøarbeider noe."),
        ("Skulen melder: Hêvî (8, 3. trinn) og broren Baran (11, 6. trinn).",
         "Skulen melder: [NAVN] (8, 3. trinn) og broren [NAVN] (11, 6. trinn)."),
        ("barna Abdirahman (15), Ayaan (12), Hamdo (9), Sagal (6) og Ilhan (1).",
         "barna [NAVN] (15), [NAVN] (12), [NAVN] (9), [NAVN] (6) og [NAVN] (1)."),
    ],
)
def test_a_child_with_an_age(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tiltak (ca. 3) er i gang.",
        "Tiltak (3), Samtaler (2), Møter (4).",
        "Samtale (5), Kurs (2) og Møte (1).",
    ],
)
def test_a_count_in_brackets_stays(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun bor c/o Ionela Marin, Hovsbakken 4, 2860 Hov.", "Hun bor c/o [NAVN], [ADRESSE]."),
        ("Hun bor c/o Kari Marin, Hovsbakken 4.", "Hun bor c/o [NAVN], [ADRESSE]."),
        ("bor c/o mor", "bor c/o mor"),
        ("Dear Ms. Aas, our son", "Dear Ms. [NAVN], our son"),
        ("Mr Khan called.", "Mr [NAVN] called."),
        ("tar med sak nora s + oliver i dag", "tar med sak [NAVN] + [NAVN] i dag"),
        ("gi beskjed til kari b, fatima og far", "gi beskjed til [NAVN], [NAVN] og far"),
        # "i" and "å" are words, not a shortened surname
        ("prata med kari i, og så", "prata med [NAVN] i, og så"),
        ("Tredje samtale med familien Haugen-Tvete. Til stades: mor.",
         "Tredje samtale med familien [NAVN]. Til stades: mor."),
        ("ringte bv ang jesper 4 år, mor monica full ved henting",
         "ringte bv ang [NAVN] 4 år, mor [NAVN] full ved henting"),
    ],
)
def test_names(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Student: Year 9 / 9A, Room 118.",
        "Tilrådd samtale ved familievernkontoret.",
        "Hamar-Elverum er ruta.",
        "Familien Skole-Hjem er et begrep.",
    ],
)
def test_words_that_stay(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bestemor har Isak hos seg på gården Nordre Stensby, Stensbyvegen 210, 2340 Løten fra fredag.",
         "Bestemor har [NAVN] hos seg på gården [ADRESSE] fra fredag."),
        ("Visited them at Storgata 101, flat 3, 2406 Elverum.", "Visited them at [ADRESSE]."),
        ("ny adr hamarvn 4a 2406. fnr", "ny adr [ADRESSE]. fnr"),
        ("ny adr trysilvn. 12", "ny adr [ADRESSE]"),
        # a bare postcode, not a year
        ("bor i skolevegen 8, 2850.", "bor i [ADRESSE]."),
        ("bor i skolevegen 8 2024.", "bor i [ADRESSE] 2024."),
    ],
)
def test_addresses(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize("text", ["skriv navn 12 ganger", "i havn 3 dager", "fikk stevn 2 ganger"])
def test_words_ending_like_a_shortened_street_stay(text, vocab):
    assert out(text, vocab) == text


def test_the_command_takes_the_minutes_initials_and_the_particle():
    text = "Til stede: PPT (JOH), Eva Marie de Lange (mor).\nReferat: MEL"
    result = CliRunner().invoke(app, ["scrub", "-m", "sondre-land"], input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Til stede: PPT ([NAVN]), [NAVN] (mor).\nReferat: [NAVN]")
