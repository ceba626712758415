"""Round 18 of the scrubber, from notes_blind14 (written blind): villages and districts of the
three municipalities and petrol stations are places ("Barnehageplass på Hernes?", "ved Shell på
Løten"); Milan is a given name; "The" after a long line and "Lives with" are English words; the
nynorsk plural «vegar» is a word; the place written before a street, and a flat number after
«leil.», are part of the address; a kindergarten group's word before a full stop ("med gruppa.
Liv …") names no group. All names, numbers and addresses are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Barnehageplass på Hernes? Mor Kari Hernes ringte.", "Barnehageplass på Hernes? Mor [NAVN] ringte."),
        ("Familien bur ved Ånestad. Mor bor på Ydalir.", "Familien bur ved Ånestad. Mor bor på Ydalir."),
        ("To gutter fra Hamar ved Shell på Løten.", "To gutter fra Hamar ved Shell på Løten."),
        ("Barna går på Hernes og Frydenlund skole.", "Barna går på Hernes og Frydenlund skole."),
    ],
)
def test_local_places_and_petrol_stations_stay(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsestasjonen. Milan (10) – KMI over iso-30.", "Helsestasjonen. [NAVN] (10) – KMI over iso-30."),
        (
            "Tur til Glomma med gruppa. Liv Sol Hansen (5) ville ikke.",
            "Tur til Glomma med gruppa. [NAVN] (5) ville ikke.",
        ),
        # a department's name after «avd.» and a group's name after «gruppa» stay
        ("Han går på avd. Blåklokka og gruppa Maurtua.", "Han går på avd. Blåklokka og gruppa Maurtua."),
    ],
)
def test_names_found_again(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Re: information for English-speaking foster parents\nThe child will start after Easter.",
            "Re: information for English-speaking foster parents\nThe child will start after Easter.",
        ),
        ("Boy, 14, from Syria. Lives with uncle Fadi.", "Boy, 14, from Syria. Lives with uncle [NAVN]."),
        # the genitive of Live before a noun is still a name
        ("Hun ringte Lives far.", "Hun ringte [NAVN] far."),
        ("Storm og glatte vegar i dag.", "Storm og glatte vegar i dag."),
        ("Far heiter Vegar.", "Far heiter [NAVN]."),
    ],
)
def test_english_and_nynorsk_words_stay(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Politiet rykte ut til Fluberg, Lauvhaugvegen 21 i natt.", "Politiet rykte ut til [ADRESSE] i natt."),
        ("Address: Nordre Vestad, Vestadvegen 202.", "Address: [ADRESSE]."),
        ("Mor bor på Ydalir, Vestadvegen 9. Neste møte.", "Mor bor på [ADRESSE]. Neste møte."),
        ("Adresse Sagbakken 3, leil. H0201, 2408 Elverum. Tlf", "Adresse [ADRESSE]. Tlf"),
        # a place in its own sentence before an address stays
        ("Vi møtes. Hamar, Storgata 5 er adressen.", "Vi møtes. Hamar, [ADRESSE] er adressen."),
        ("Hjemmebesøk, 2345 Ådalsbruk er avlyst.", "Hjemmebesøk, [ADRESSE] er avlyst."),
    ],
)
def test_the_place_before_a_street_and_the_flat_after_it_are_the_address(text, expected, vocab):
    assert out(text, vocab) == expected


def test_bti_scrub_on_a_note_from_the_round():
    text = (
        "Barnevernvakten melde søndag: politiet rykte ut til Fluberg, Lauvhaugvegen 21. "
        "Milan (10) og Liv Sol Hansen (5) var heime. Barnehageplass på Hernes?\n"
    )
    result = CliRunner().invoke(app, ["scrub", "-m", "sondre-land"], input=text)
    assert result.exit_code == 0, result.output
    for leak in ("Lauvhaugvegen", "Milan", "Liv", "Hansen"):
        assert leak not in result.stdout, leak
    assert "Barnehageplass på Hernes?" in result.stdout and "ut til [ADRESSE]" in result.stdout
