"""Round 26 of the scrubber, from tests/corpus/notes_blind18.txt (written blind, measured once
before it was read): a phone number right after a time of day («ring etter kl 15 93441208», «kl.
14.00 41 23 45 67»: the hour stays, the minutes are no country code), a lower-case street named by a
direction and the word for a street («nedre gate 5, 2860 hov»), a known place in lower case after a
street («storgata 21 b, løten.»), a lower-case initial «o.» after a lower-case name when the sentence
goes on («mats o. v/ …»), a baby's age in weeks or days in brackets («Nor (10 dagar) og mor …»,
«Vilja (6 veker) et godt»), the surname Sund after a lower-case given name; and what must stay: the
time, a word with a count in brackets before «og mor», the camp Terningmoen and the course VIVAT.
All persons and numbers are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the hour of a time of day right before a phone number stays
        ("Far ba om å bli ringt etter kl 15 93441208", "Far ba om å bli ringt etter kl 15 [TELEFON]"),
        ("Ring mor før kl 10 99887766", "Ring mor før kl 10 [TELEFON]"),
        ("ring kl. 14.00 412 34 567", "ring kl. 14.00 [TELEFON]"),
        ("møte kl. 14.00 41 23 45 67", "møte kl. 14.00 [TELEFON]"),
        ("Ring klokka 9 412 34 567 i morgen.", "Ring klokka 9 [TELEFON] i morgen."),
        ("kl. 14.30-15.00 41 23 45 67", "kl. 14.30-15.00 [TELEFON]"),
        # without a word for the time the group before is part of the number, as before
        ("tlf 15 93441208", "tlf [TELEFON]"),
        # a country code after a time is still one
        ("kl 14 0046 70 123 45 67", "kl 14 [TELEFON]"),
        ("tlf 0046 70 123 45 67", "tlf [TELEFON]"),
    ],
)
def test_a_phone_after_a_time_of_day(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bor midlertidig hos en venninne i nedre gate 5, 2860 hov.",
         "Bor midlertidig hos en venninne i [ADRESSE]."),
        ("De bor i øvre vei 12.", "De bor i [ADRESSE]."),
        ("Bor i storgata 21 b, løten.", "Bor i [ADRESSE]."),
        ("Bor i storgata 21, hamar", "Bor i [ADRESSE]"),
        # capitalised, as before
        ("Bor i Storgata 21 B, Løten.", "Bor i [ADRESSE]."),
    ],
)
def test_lower_case_streets_and_places(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word after the comma that is no place, or a place that does not end the sentence
        ("Bor i storgata 21, ellers.", "Bor i [ADRESSE], ellers."),
        ("Møtet er i Storgata 2, hovedinngangen.", "Møtet er i [ADRESSE], hovedinngangen."),
        ("Bor i storgata 21, hamar er nær.", "Bor i [ADRESSE], hamar er nær."),
    ],
)
def test_what_follows_a_street_and_is_no_place(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vi gikk nedre vei 3 ganger.",
        "store gate",
        "Han bor i nedre etasje 2 dager i uka.",
    ],
)
def test_a_direction_and_a_number_is_no_street(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("traff kevin og mats o. v/ Løten idrettspark", "traff [NAVN] og [NAVN] v/ Løten idrettspark"),
        ("prata med kari e. og hun sa ja", "prata med [NAVN] og hun sa ja"),
        ("prata med kari s. i går", "prata med [NAVN] i går"),
    ],
)
def test_a_lower_case_initial_that_is_a_word_too(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence ends after the letter: "o." may be a word there, the name goes alone
        ("prata med kari o. Hun var glad.", "prata med [NAVN] o. Hun var glad."),
        # "i" and "å" are never a shortened surname
        ("prata med kari i. klasse", "prata med [NAVN] i. klasse"),
    ],
)
def test_a_one_letter_word_after_a_name_stays(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heimebesøk veke 2: Nor (10 dagar) og mor Karoline Hagen Bø.",
         "Heimebesøk veke 2: [NAVN] (10 dagar) og mor [NAVN]."),
        ("6-vekerskontroll: Vilja (6 veker) et godt.", "6-vekerskontroll: [NAVN] (6 veker) et godt."),
        ("Nyfødt: Ask (5 dager) sover mye.", "Nyfødt: [NAVN] (5 dager) sover mye."),
        ("Hjemmebesøk: Nor (3 uker) og far var hjemme.", "Hjemmebesøk: [NAVN] (3 uker) og far var hjemme."),
    ],
)
def test_a_baby_with_an_age_in_weeks_or_days(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Samtale (2) og mor var der.",
        "Tiltaket (3 uker) og mor er enige.",
        "Gruppe (5 dager) og far",
        # a count of weeks without a parent after "og"
        "Kurs (6 uker) og oppfølging etterpå.",
    ],
)
def test_a_word_with_a_count_in_brackets_stays(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("far rune sund 45671234", "far [NAVN] [TELEFON]"),
        ("IPS: praksisplass på Terningmoen fra 1. april.", "IPS: praksisplass på Terningmoen fra 1. april."),
        ("Selvmordsforebyggende kurs (Vivat) for tilsette.", "Selvmordsforebyggende kurs (Vivat) for tilsette."),
        # "sund" as a word stays
        ("Han er sund og frisk.", "Han er sund og frisk."),
    ],
)
def test_listed_words(text, expected, vocab):
    assert out(text, vocab) == expected


def test_the_command_keeps_the_time_and_takes_the_lower_case_address():
    text = "Far ringes etter kl 15 93441208. Bor i nedre gate 5, 2860 hov."
    result = CliRunner().invoke(app, ["scrub", "-m", "sondre-land"], input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Far ringes etter kl 15 [TELEFON]. Bor i [ADRESSE].")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weekday of a date as an e-mail header shows it (from notes_blind15)
        ("Date: Thu 20 Mar 2026 14:02", "Date: Thu 20 Mar 2026 14:02"),
        ("Sent: Mon, 3 Feb 2025 09:10", "Sent: Mon, 3 Feb 2025 09:10"),
        # the name Thu, with no day and month after it, or after a role word
        ("Thu 20 ringte i går.", "[NAVN] 20 ringte i går."),
        ("Mor Thu kom 20. mars.", "Mor [NAVN] kom 20. mars."),
        ("Eleven Thu Trang (8) gråter.", "Eleven [NAVN] (8) gråter."),
    ],
)
def test_a_shortened_english_weekday_before_a_date(text, expected, vocab):
    assert out(text, vocab) == expected
