"""Round 21 of the scrubber, from notes_blind15 (160 notes written blind): a Filipino particle
(«dela Cruz»), a Swedish-form number right after a name whatever its date, the floor of an
address, a farm's name before its property numbers, a message signed with a Tigrinya name; and
what must stay: which of the siblings («Eldste (15) går …»), towns abroad, the definite form of a
listed place («over Heradsbygda»), a thing of a place («Sámediggi-materiell»). All names,
numbers and addresses are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother Maria Luz dela Cruz came.", "Mother [NAVN] came."),
        ("Barn: Eva Lindqvist, 199005-2376, og far.", "Barn: [NAVN], [FØDSELSNUMMER], og far."),
        ("Bror Hugo Lindqvist 198813-4455 går i 2B.", "Bror [NAVN] [FØDSELSNUMMER] går i 2B."),
        ("Ny adresse: Storgata 5 B, 2. etg, 2406 Elverum.", "Ny adresse: [ADRESSE]."),
        ("Adresse: Kjosvegen 7, 3. etasje.", "Adresse: [ADRESSE]."),
        ("Adresse for innkalling: Hov Gnr. 45 Bnr. 3, 2860 Hov.", "Adresse for innkalling: [ADRESSE], [ADRESSE]."),
        ("«Kan du ringe meg? Eg er her til søndag. Almaz»", "«Kan du ringe meg? Eg er her til søndag. [NAVN]»"),
    ],
)
def test_names_numbers_and_addresses_of_round_21_go(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eldste (15) går i 9A, trenger leksehjelp.",
        "Yngste (3) sover dårlig om natta.",
        "Hun har lite nettverk, familien bor i Udon Thani.",
        "Hun er alene med tre barn, fra Sulaimaniyah.",
        "Case: pupil in 7A, moved from Utrecht last year.",
        "Turen ble utsatt fordi det var stengt vei over Heradsbygda.",
        "Vi tek kontakt med Sámediggi-materiell og PPT.",
        "Det er avklart. Gnr og bnr står i vedtaket.",
    ],
)
def test_words_of_round_21_stay(text, vocab):
    assert out(text, vocab) == text


def test_a_hyphenated_surname_of_a_place_and_a_word_is_still_a_name(vocab):
    # «Nes» is a listed place and «berg» a word, but «Berg» is a listed surname too
    assert out("Sol Nes-Berg (5) kom tidlig.", vocab) == "[NAVN] (5) kom tidlig."


def test_bti_scrub_takes_the_floor_and_the_swedish_number():
    text = "Eva Lindqvist, 199005-2376, bor i Storgata 5 B, 2. etg, 2406 Elverum.\n"
    result = CliRunner().invoke(app, ["scrub", "-m", "elverum"], input=text)
    assert result.exit_code == 0, result.output
    for piece in ("Lindqvist", "2376", "Storgata", "etg", "2406"):
        assert piece not in result.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fresh reader's notes (round 21): an identity number after its name in any grouping
        ("fnr 1503815 0094", "fnr [FØDSELSNUMMER]"),
        ("Fnr: 1503815-0094.", "Fnr: [FØDSELSNUMMER]."),
        ("D-nr 55038150094 står i journalen.", "D-nr [FØDSELSNUMMER] står i journalen."),
        # a birth date after an age, after the word for the child, at a birthday, before «born»
        ("Alder: 7 (15.03.2019)", "Alder: 7 ([FØDSELSDATO])"),
        ("Barnet, 150319, er 7.", "Barnet, [FØDSELSDATO], er 7."),
        ("Hun fyller 7 den 15.03. og gleder seg.", "Hun fyller 7 den [FØDSELSDATO] og gleder seg."),
        ("15 March 2019 born, moved here in May.", "[FØDSELSDATO] born, moved here in May."),
    ],
)
def test_identity_numbers_and_birth_dates_of_round_21_go(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fnr mangler i skjemaet.",
        "Møte 15.03.2026, født barn i uke 12.",
        "Han fyller 7 til helga.",
        "Barnet, 120399 kroner i støtte, kom.",  # no date of birth: the digits go on to an amount
    ],
)
def test_dates_and_numbers_of_round_21_that_stay(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an invisible character between two words parts them; inside a word it joins it
        ("Eleven\u200bKari gråter.", "Eleven\u200b[NAVN] gråter."),
        ("Mor\u2060Nordmann ringte.", "Mor\u2060[NAVN] ringte."),
        ("Ka\u200bri Nordmann ringte 412\u200b34\u200b567.", "[NAVN] ringte [TELEFON]."),
        ("Møte\u200bi dag.", "Møte\u200bi dag."),
    ],
)
def test_an_invisible_character_between_words_is_a_space_to_the_scrubber(text, expected, vocab):
    assert out(text, vocab) == expected
