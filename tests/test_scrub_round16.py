"""Round 16 of the scrubber, from five leaks a data-protection reader found: a double surname of
words or places ("Dal-Nes"); a lower-case given name after a kinship word and «til» ("Faren til
sol"); a place as a surname after a role word and before a verb ("Rektor Hov er enig"); two
capital initials opening a sentence before a verb ("SD ringte"); six digits of a birth date right
after a name ("Liv Dal 010115"). All names, dates and numbers are fictitious."""

from __future__ import annotations

import re

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app

# --- rule 1: a double surname whose parts are words or places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm Dal-Nes ringte.", "[NAVN] ringte."),
        ("Faren til sol, Storm Dal-Nes, tok over.", "Faren til [NAVN], [NAVN], tok over."),
        ("Dal-Nes ringte.", "[NAVN] ringte."),
        ("Familien Dal-Nes flytter.", "Familien [NAVN] flytter."),
        ("Kari Dal-Nes ringte.", "[NAVN] ringte."),
        # must stay: words and places, a region, a route, a school
        ("Dal og fjell.", "Dal og fjell."),
        ("Nord-Norge er stort.", "Nord-Norge er stort."),
        ("Bussen Hamar-Elverum går nå.", "Bussen Hamar-Elverum går nå."),
        ("Dal-Nes skole ringte.", "Dal-Nes skole ringte."),
        ("Vi drar til Dal-Nes.", "Vi drar til Dal-Nes."),
    ],
)
def test_a_double_surname_of_words_or_places_is_a_name(text, expected, vocab):
    assert out(text, vocab) == expected


# --- rule 2: a lower-case given name after a kinship word and «til»


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mora til eik ringte fra skolen.", "Mora til [NAVN] ringte fra skolen."),
        ("Faren til sol ringte.", "Faren til [NAVN] ringte."),
        ("Bror til ask har gått ut av skulen.", "Bror til [NAVN] har gått ut av skulen."),
        ("Mor til Håp ringte.", "Mor til [NAVN] ringte."),
        # must stay: no kinship word before «til», or no given name after it
        ("Reise til sol og varme.", "Reise til sol og varme."),
        ("Det ble til ask.", "Det ble til ask."),
        ("Mor til barn ringte.", "Mor til barn ringte."),
        ("Mor til to har ringt.", "Mor til to har ringt."),
    ],
)
def test_a_lower_case_name_after_kin_and_til_is_the_child(text, expected, vocab):
    assert out(text, vocab) == expected


# --- rule 3: a place after a role or kinship word and before a verb is a surname


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsesykepleier Nes ringte.", "Helsesykepleier [NAVN] ringte."),
        ("Rektor Hov er enig.", "Rektor [NAVN] er enig."),
        ("Fastlege Nes henviste.", "Fastlege [NAVN] henviste."),
        ("Mor Nes ringte.", "Mor [NAVN] ringte."),
        ("Far Hov kom.", "Far [NAVN] kom."),
        ("Kontaktlærer Dal ringte.", "Kontaktlærer [NAVN] ringte."),
        # must stay: a preposition before the place, or a school after it
        ("Rektor på Hov ringte.", "Rektor på Hov ringte."),
        ("Skolen på Nes ringte.", "Skolen på Nes ringte."),
        ("Vi bor på Nes.", "Vi bor på Nes."),
        ("Hov skole er med.", "Hov skole er med."),
        ("Rektor ved Hov skole er enig.", "Rektor ved Hov skole er enig."),
        ("Helsesykepleier på Nes ringte.", "Helsesykepleier på Nes ringte."),
    ],
)
def test_a_place_after_a_role_word_and_before_a_verb_is_a_surname(text, expected, vocab):
    assert out(text, vocab) == expected


# --- rule 4: two capital initials opening a sentence before a verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SD ringte, /sd", "[NAVN] ringte, [NAVN]"),
        ("Møte i går. TM ringte i dag.", "Møte i går. [NAVN] ringte i dag."),
        # must stay: the domain's abbreviations and common ones
        ("PPT ringte.", "PPT ringte."),
        ("NAV sa at de kommer.", "NAV sa at de kommer."),
        ("BUP ringte. SFO ringte. TUT ringte. SLT ringte.", "BUP ringte. SFO ringte. TUT ringte. SLT ringte."),
        ("IT ringte tilbake.", "IT ringte tilbake."),
        ("OK er greit.", "OK er greit."),
        ("Sak BTI-2026-7K3Q9 er åpnet.", "Sak BTI-2026-7K3Q9 er åpnet."),
    ],
)
def test_two_initials_opening_a_sentence_before_a_verb(text, expected, vocab):
    assert out(text, vocab) == expected


# --- rule 5: six digits of a birth date right after a name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Liv Dal 010115 går på SFO.", "[NAVN] [FØDSELSDATO] går på SFO."),
        ("Liv Dal (010115) går på SFO.", "[NAVN] ([FØDSELSDATO]) går på SFO."),
        ("Liv Dal, 311214, går på SFO.", "[NAVN], [FØDSELSDATO], går på SFO."),
        # must stay: a week number is no date; no day 99; a full (fictitious) identity number
        # is replaced as one; six digits after «Ring» are replaced as a phone (the safer side)
        ("Gjelder uke 010115.", "Gjelder uke 010115."),
        ("Liv Dal 991299 kom.", "[NAVN] 991299 kom."),
        ("Ring 010115 i morgen.", "Ring [TELEFON] i morgen."),
    ],
)
def test_six_digits_of_a_birth_date_right_after_a_name(text, expected, vocab):
    assert out(text, vocab) == expected


def test_bti_scrub_replaces_all_five():
    text = (
        "Faren til sol, Storm Dal-Nes, tok over. Rektor Hov er enig. SD ringte, /sd\n"
        "Liv Dal 010115 går på SFO. PPT ringte. Vi bor på Nes.\n"
    )
    result = CliRunner().invoke(app, ["scrub"], input=text)
    assert result.exit_code == 0, result.output
    for leak in ("sol", "Storm", "Dal-Nes", "Hov", "SD", "010115", "Liv", "Dal"):
        assert re.search(rf"(?<!\w){re.escape(leak)}(?!\w)", result.stdout) is None, leak
    assert "PPT ringte" in result.stdout and "på Nes" in result.stdout


# --- found on the way: a phone number after a lone capital E was read as a European road


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E 0047-20000000 ", "E [TELEFON] "),  # fictitious number
        ("Ulykke på E6 ved Kolomoen.", "Ulykke på E6 ved Kolomoen."),
        ("Kjørte E 16 forbi Nes.", "Kjørte E 16 forbi Nes."),
    ],
)
def test_a_phone_after_a_capital_e_is_no_road(text, expected):
    assert out(text) == expected
