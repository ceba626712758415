"""Round 31 of the scrubber, from tests/corpus/notes_blind22.txt (written blind with an eye on
addresses, measured once before it was read): a street of two words after «bor hos far i» or before
a floor and a postcode («Vestre vei 3, 2. etg., 2406 Elverum»), a street's ending alone as its name
(«Hos mor i Bakken 11», «dei bur i lia 2»), the flat in the house («Hovdelia 3, underetasje»),
Swedish, Danish and Polish addresses («Kungsgatan 14, 411 19 Göteborg», «ul. Długa 15/3, 80-827
Gdańsk»), the place «Nes på Hedmarken» after its postcode, a country after an address kept («…,
Göteborg, Sverige»), a farm's part by its direction before its numbers («Hov søndre, gnr. 88 bnr.
3»), a labelled address that ends before the next sentence whatever that sentence's second word, a
family's surname that is a word too («familien Sand»), a surname of the note again before «tar»
(«Nes tar en prat»), and a two-letter name given by a cue, again before a verb («(kalt Mo). Mo
snakker …»). All persons and addresses are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eleven bor hos far i Vestre vei 3, 2. etg., 2406 Elverum.", "Eleven bor hos far i [ADRESSE]."),
        ("har bodd på Vestre vei 3, 2. etg. hos tante", "har bodd på [ADRESSE] hos tante"),
        ("Hos mor i Bakken 11 er leggetid kl. 19.30", "Hos mor i [ADRESSE] er leggetid kl. 19.30"),
        ("Dei bur i kjellarleilegheit i Hovdelia 3, underetasje, 2860 Hov.",
         "Dei bur i kjellarleilegheit i [ADRESSE]."),
        ("bor på tunet 4b", "bor på [ADRESSE]"),
        # the floor's full stop is the sentence's at its end
        ("Gutten oppga adressen som Storgata 58, 3. etasje. Mor sier", "Gutten oppga adressen som [ADRESSE]. Mor sier"),
        ("Bor i Elvegata 9, 2. etg. Tiltak: samtaler.", "Bor i [ADRESSE]. Tiltak: samtaler."),
    ],
)
def test_streets_floors_and_bare_street_words(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a street's ending and a number without a word for living there: no address
        "Vi bor i bakken 3 år til.",
        "Møte kl. 10, 412 elever.",
        "Se pl. 3 i planen.",
    ],
)
def test_no_address_without_its_evidence(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Far: Kristoffer Lund, Kungsgatan 14, 411 19 Göteborg, Sverige.", "Far: [NAVN], [ADRESSE], Sverige."),
        ("Far bor i Storgatan 22, 652 24 Karlstad.", "Far bor i [ADRESSE]."),
        ("Hun bor i Nørregade 3, 8000 Aarhus.", "Hun bor i [ADRESSE]."),
        ("Ho har budd i ul. Długa 15/3, 80-827 Gdańsk i Polen.", "Ho har budd i [ADRESSE] i Polen."),
        ("They live at ul. Morska 4/12, 81-225 Gdynia in the summer.", "They live at [ADRESSE] in the summer."),
        ("Father lives at Jønsbergvegen 104, 2350 Nes på Hedmarken. Mobile", "Father lives at [ADRESSE]. Mobile"),
    ],
)
def test_addresses_abroad_and_long_places(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «c/o» stays to say the post goes through someone (round 27): the person is a name, an
        # organisation stays
        ("Hun bor på c/o Wiśniewski, Sagvegen 14, 2409 Elverum. Kan du", "Hun bor på c/o [NAVN], [ADRESSE]. Kan du"),
        ("Post sendes til c/o Løten Frivilligsentral, Postboks 12, 2341 Løten. Mob.",
         "Post sendes til c/o Løten Frivilligsentral, [ADRESSE]. Mob."),
        ("Dei bur på Hov søndre, gnr. 88 bnr. 3.", "Dei bur på [ADRESSE]."),
        ("Eiendom, gnr 12 bnr 3", "Eiendom, [ADRESSE]"),
        ("Adresse: gnr. 45 bnr. 2, Løten. Anbefaler Oppfølgingstjenesten og Barn som pårørende.",
         "Adresse: [ADRESSE]. Anbefaler Oppfølgingstjenesten og Barn som pårørende."),
    ],
)
def test_care_of_farms_and_labelled_addresses(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi har motteke tilvisinga for familien Sand. Post kan",
         "Vi har motteke tilvisinga for familien [NAVN]. Post kan"),
        ("Familien Sand kom.", "Familien [NAVN] kom."),
        ("Utekontakten (Pål Nes) har sett ham. Nes tar en prat med ham fredag.",
         "Utekontakten ([NAVN]) har sett ham. [NAVN] tar en prat med ham fredag."),
        ("Gjelder Mohammed (kalt Mo), 4 år. Mo snakker lite norsk.",
         "Gjelder [NAVN] (kalt [NAVN]), 4 år. [NAVN] snakker lite norsk."),
        # a place, a verb or a two-letter word with no cue: left
        ("familien Hamar er fin", "familien Hamar er fin"),
        ("Familien Ønsker hjelp.", "Familien Ønsker hjelp."),
        ("Bo (5) gråt. Bo har vondt.", "[NAVN] (5) gråt. Bo har vondt."),
    ],
)
def test_family_surnames_and_short_names_again(text, expected, vocab):
    assert out(text, vocab) == expected


def test_the_command_takes_the_address_abroad_and_keeps_the_country():
    text = "Far bur i Kungsgatan 14, 411 19 Göteborg, Sverige. Mor bur hos mor i Bakken 11."
    result = CliRunner().invoke(app, ["scrub", "-m", "loten"], input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Far bur i [ADRESSE], Sverige. Mor bur hos mor i [ADRESSE].")
