"""Round 35 of the scrubber, from tests/corpus/notes_blind27.txt (phones in every form, numbers that
must stay) and notes_blind28.txt (capitalised words that must stay), each measured once before it
was read: a foreign number written with its trunk zero («070-482 19 63»), the postal place of a
municipality, a firm or a venue («Søndre Land kommune, 2860 Hov»), a storm's name («ekstremværet
Ingunn»), a quotation in straight quotes opening a sentence of its own («"Being with"»), and a few
list entries (the saying «liv og lyst», Aggression Replacement Training, Duplo). All persons and
numbers are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Far har svensk nummer 070-482 19 63.", "Far har svensk nummer [TELEFON]."),
        ("Sverige: 0704-82 19 63", "Sverige: [TELEFON]"),
        ("Ring 08-123 456 78 etter kl. 16.", "Ring [TELEFON] etter kl. 16."),
        ("Mor har britisk mobil 07700 900123.", "Mor har britisk mobil [TELEFON]."),
        # a date, a case number, a time span, an amount and an age span stay
        ("Møte 03-12-2026 kl. 10.", "Møte 03-12-2026 kl. 10."),
        ("Saksnr. 2026/00871-3 er oppretta.", "Saksnr. 2026/00871-3 er oppretta."),
        ("Åpent 08.00-15.30 hver dag.", "Åpent 08.00-15.30 hver dag."),
        ("Tilbudet er for 0-3 år.", "Tilbudet er for 0-3 år."),
        ("Arkivsak 026 00871 er lukka.", "Arkivsak 026 00871 er lukka."),
    ],
)
def test_foreign_numbers_with_a_trunk_zero(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vedtak sendt frå Søndre Land kommune, 2860 Hov.", "Vedtak sendt frå Søndre Land kommune, 2860 Hov."),
        ("Faktura til Elverum kommune, org.nr. 974 123 456, 2408 Elverum.",
         "Faktura til Elverum kommune, org.nr. 974 123 456, 2408 Elverum."),
        ("Kurset holdes på Terningen Arena, 2406 Elverum, lørdag.",
         "Kurset holdes på Terningen Arena, 2406 Elverum, lørdag."),
        ("Hernes skole, 2410 Hernes", "Hernes skole, 2410 Hernes"),
        # a person's postal place, or one after a street, is still taken
        ("Kari Nordmann, 2408 Elverum", "[NAVN], [ADRESSE]"),
        ("Storgata 12, 2408 Elverum", "[ADRESSE]"),
        ("Mor bor nå i 2408 Elverum.", "Mor bor nå i [ADRESSE]."),
    ],
)
def test_the_postal_place_of_an_organisation(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Etter ekstremværet Ingunn var skolen stengt.", "Etter ekstremværet Ingunn var skolen stengt."),
        ("Under uvêret Gyda var bussen innstilt.", "Under uvêret Gyda var bussen innstilt."),
        # a given name that is «Storm» stays a name, and so does a person after another word
        ("Storm Hansen kom i dag.", "[NAVN] kom i dag."),
        ("Mor Ingunn kom i dag.", "Mor [NAVN] kom i dag."),
    ],
)
def test_a_storms_name(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Hun sier at "Being with" er blitt et uttrykk.', 'Hun sier at "Being with" er blitt et uttrykk.'),
        # a name inside the quotation, or one quoted word, is still a name
        ('Mor sa "Kari er syk i dag".', 'Mor sa "[NAVN] er syk i dag".'),
        ('Han heter "Ronny".', 'Han heter "[NAVN]".'),
        # a quote glued to a word opens nothing
        ('Hun sier at x"Being with" er fint.', 'Hun sier at x"[NAVN] with" er fint.'),
    ],
)
def test_a_quotation_in_straight_quotes(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trives godt, Liv og lyst i friminuttene.", "Trives godt, Liv og lyst i friminuttene."),
        ("Tobias får ART (Aggression Replacement Training) i gruppe.",
         "[NAVN] får ART (Aggression Replacement Training) i gruppe."),
        ("Barnet lekte med Duplo.", "Barnet lekte med Duplo."),
        ("Liv kom i dag.", "[NAVN] kom i dag."),
    ],
)
def test_list_entries(text, expected, vocab):
    assert out(text, vocab) == expected
