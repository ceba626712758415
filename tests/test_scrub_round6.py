"""Round 6 of the scrubber (issue 16): lower-case hyphenated given names, shortened lower-case
surnames, spelt-out e-mail addresses, postcodes with a lower-case place and property numbers;
and the words that must stay (a model named after a place, a place before "kommune", a month
beside a month, a club spelt with a hyphen, public helplines)."""

from __future__ import annotations

import pytest
from scrub_cases import out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mvh trine-lise haugen", "mvh [NAVN]"),
        ("hilsen siv-anita", "hilsen [NAVN]"),
        ("ringte til hanne-marie om møtet", "ringte til [NAVN] om møtet"),
        ("prata med siv-anita i går", "prata med [NAVN] i går"),
        ("mor, kari-anne, kom ikke.", "mor, [NAVN], kom ikke."),
        # capitalised they were caught already
        ("Mvh Trine-Lise Haugen", "Mvh [NAVN]"),
        # hyphenated ordinary words and a name part with an ordinary word stay
        ("Det var en mer-enn-nok-dag.", "Det var en mer-enn-nok-dag."),
        ("Vi så på ski-vm og tv-serien.", "Vi så på ski-vm og tv-serien."),
        ("Hun er en tull-kari.", "Hun er en tull-kari."),
    ],
)
def test_lower_case_hyphenated_given_names(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kontaktlærer: mona s.", "kontaktlærer: [NAVN]"),
        ("Snakket med mona s. i dag.", "Snakket med [NAVN] i dag."),
        ("Vi ringte Mona S. i dag.", "Vi ringte [NAVN] i dag."),
        # a one-letter word after a name is no initial
        ("Vi snakket med kari i. dag", "Vi snakket med [NAVN] i. dag"),
    ],
)
def test_a_shortened_lower_case_surname_goes_with_the_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("e-post kari punktum nordmann at example.invalid", "e-post [E-POST]"),
        ("Skriv til ola dot hansen krøllalfa eksempel punktum no i dag.", "Skriv til [E-POST] i dag."),
        ("kari punktum nordmann at eksempel dot no", "[E-POST]"),
        # the word "punktum" in a sentence, and "at" as a conjunction, stay
        ("Han sa at det var slutt, punktum.", "Han sa at det var slutt, punktum."),
        ("Hun sa nei punktum at skolen.no var bra", "Hun sa nei punktum at skolen.no var bra"),
    ],
)
def test_an_e_mail_address_spelt_out_goes_whole(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bor i skolevegen 8, 2850 lena", "bor i [ADRESSE]"),
        ("Familien bor i Skolevegen 8, 2340 løten.", "Familien bor i [ADRESSE]."),
        ("Adressen er storgata 3 2380 brumunddal", "Adressen er [ADRESSE]"),
        # a number and an ordinary word after an address are no postcode and place
        ("Hun bor i Skolevegen 8, 2000 elever går på skolen.", "Hun bor i [ADRESSE], 2000 elever går på skolen."),
    ],
)
def test_a_lower_case_postcode_place_belongs_to_the_address(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Familien eier gnr 12 bnr 3 i Løten.", "Familien eier [ADRESSE] i Løten."),
        ("Huset på gnr. 12/3 er solgt.", "Huset på [ADRESSE] er solgt."),
        ("Eiendom g.nr 12, b.nr 3 i Løten.", "Eiendom [ADRESSE] i Løten."),
        ("Gårdsnummer 45, bruksnummer 7.", "[ADRESSE]."),
        ("Gnr 45 bnr 7 fnr 2", "[ADRESSE]"),
        # "nr 12" alone is a number of something else
        ("Sak nr 12 og rom nr 3.", "Sak nr 12 og rom nr 3."),
    ],
)
def test_farm_and_title_numbers_are_an_address(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sondre Land-modellen for overganger er brukt.", "Sondre Land-modellen for overganger er brukt."),
        ("Vi bruker Nord Fron-prosjektet.", "Vi bruker Nord Fron-prosjektet."),
        ("Sondre-modellen er bra.", "Sondre-modellen er bra."),
        ("Frøya kommune har et tilbud.", "Frøya kommune har et tilbud."),
        ("Vi har snakket med Frøya kommune.", "Vi har snakket med Frøya kommune."),
        ("Hun flyttet fra Frøya by i fjor.", "Hun flyttet fra Frøya by i fjor."),
        ("Mai og juni blir travle måneder.", "Mai og juni blir travle måneder."),
        ("I april–mai og fra juni til August.", "I april–mai og fra juni til August."),
        ("Treningen i Løten IL og Ham-Kam var fin.", "Treningen i Løten IL og Ham-Kam var fin."),
        ("Vi ringer 116 111 eller Alarmtelefonen for hjelp.", "Vi ringer 116 111 eller Alarmtelefonen for hjelp."),
        ("Ring 113, 116 117 eller 02800.", "Ring 113, 116 117 eller 02800."),
        ("tlf 116 006", "tlf 116 006"),
    ],
)
def test_the_words_and_numbers_that_must_stay(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name before a compound of a person's own ("Hansen-saken") still goes
        ("Ola Hansen-saken er lukket.", "[NAVN] er lukket."),
        # a model or project named after a person is no place: the name goes whole
        ("Kari Hansen-prosjektet startet.", "[NAVN] startet."),
        ("Vi bruker Ola Berg-modellen.", "Vi bruker [NAVN]."),
        # a girl called Mai, with no month beside her
        ("Mai kom i går.", "[NAVN] kom i går."),
        ("Mai og Kari kom.", "[NAVN] og [NAVN] kom."),
        # a person's own phone after "ringer" still goes
        ("Vi ringer 41 23 45 67 i morgen.", "Vi ringer [TELEFON] i morgen."),
        ("ring 116 1114", "ring [TELEFON]"),
    ],
)
def test_the_people_next_to_them_still_go(text, expected):
    assert out(text) == expected


def test_with_every_municipality_the_places_and_months_stay(vocab):
    text = "Mai og juni har Frøya kommune og Løten IL og Ham-Kam møter. Ring 116 111."
    assert out(text, vocab) == text


def test_the_command_scrubs_round_six(cli, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(
        "mvh trine-lise haugen\nhilsen siv-anita\nkontaktlærer: mona s.\n"
        "bor i skolevegen 8, 2850 lena, gnr 12 bnr 3 i Løten\n"
        "e-post kari punktum nordmann at example.invalid\n"
        "Mai og juni: Sondre Land-modellen i Frøya kommune. Vi ringer 116 111.\n",
        encoding="utf-8",
    )
    result = cli("scrub", str(note), "-m", "loten")
    assert result.exit_code == 0, result.stderr
    for secret in ("trine", "haugen", "siv-anita", "mona", "lena", "2850", "gnr 12", "nordmann"):
        assert secret not in result.stdout
    for kept in ("Mai og juni", "Sondre Land-modellen", "Frøya kommune", "116 111", "i Løten"):
        assert kept in result.stdout
