"""Round 12 of the scrubber (issue 16), from a corpus written blind and aimed at false positives
(tests/corpus/notes_blind12.txt): the pronouns of the dialects and nynorsk words are words
("Dæm ville …", "Je ringte …", "Tala blir …"); a line opened by a check box is a line like one
opened by a dash; "mtp." is an abbreviation and "Snap" an app."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    "text",
    [
        "Opna kl. 18, ca 30 stykk. Dæm ville ha turnering i Mario Kart.",
        "Kom innom rusa. Je ringte NAV dagen etter.",
        "Dei kom seint. Døm hadde vore på trening.",
        "Ho var lei seg. Hu sa at ho ville heim.",
    ],
)
def test_a_dialect_pronoun_opening_a_sentence_is_no_name(text, vocab):
    assert out(text, vocab) == text


def test_a_dialect_pronoun_is_no_surname_after_a_name(vocab):
    assert out("Vi snakka med Kari. Dæm kom seinare.", vocab) == "Vi snakka med [NAVN]. Dæm kom seinare."


@pytest.mark.parametrize(
    "text",
    [
        "Statistikk til kommunestyret. Tala blir lagde fram torsdag. Tala er aggregerte.",
        "Sjekkliste. Høyrsel og syn er testa.",
    ],
)
def test_nynorsk_words_the_lexicon_lacks_are_words(text, vocab):
    assert out(text, vocab) == text


def test_a_line_opened_by_a_check_box_opens_a_sentence(vocab):
    # "Zulubeth" is no word and no listed name: opening a line after a check box, as after a
    # dash, its capital says nothing; inside a line it is a name
    text = "Sjekkliste:\n☐ Zulubeth og syn\n✓ Vaksine sendt\n"
    assert out(text, vocab) == text
    assert out("☐ Vaksine til Zulubeth", vocab) == "☐ Vaksine til [NAVN]"


def test_mtp_is_an_abbreviation(vocab):
    text = "- Psykolog har 50 % stilling fra 1. april\nMtp. Circle of Security-kurs til høsten: to veiledere."
    assert out(text, vocab) == text
    # like "ca." and "evt.", its full stop does not end a sentence: a name after it is found
    assert out("Vi ser på saken mtp. Zulubeth og skolen.", vocab) == "Vi ser på saken mtp. [NAVN] og skolen."


def test_snap_is_the_app(vocab):
    text = "Fekk melding på Snap frå ei jente i 9. klasse."
    assert out(text, vocab) == text


def test_the_words_through_the_command():
    text = "Je ringte NAV. Dæm kom seint.\n☐ Info om Skolehelsetjenesten\n"
    result = CliRunner().invoke(app, ["scrub"], input=text)
    assert result.exit_code == 0
    assert result.output == text


def test_a_word_with_an_age_after_a_place_word_is_a_child(vocab):
    # "Barna" is a place too (proper.txt), and a word after a place is the rest of its name
    # ("Gran Canaria"); with an age in brackets it is a child
    text = "Barna Nova (6) og Leo (3) var alene."
    assert out(text, vocab) == "Barna [NAVN] (6) og [NAVN] (3) var alene."


@pytest.mark.parametrize(
    "text",
    [
        "Scenario: trafikkulykke med ungdom på Rv. 3 ved Grundset.",
        "Stengt på E6 forbi Kolomoen i natt.",
        "Bussen går langs fv. 222 og Rv 25 til skolen.",
        "Ulykke på riksveg 3 nær Zulubeth.",
    ],
)
def test_a_road_number_and_the_place_on_it_stay(text, vocab):
    assert out(text, vocab) == text


def test_a_phone_after_a_letter_is_no_road(vocab):
    assert out("Ring E 900 12 345.", vocab) == "Ring E [TELEFON]."


def test_a_given_name_after_a_road_is_a_person(vocab):
    assert out("Ring Kari på E6 ved Ola Nordmann sin gård.", vocab) == "Ring [NAVN] på E6 ved [NAVN] sin gård."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adressa i medlemslista: Bakkevegen 3, Fall.", "Adressa i medlemslista: [ADRESSE]."),
        ("Bor i Sentrumsvegen 5, leil. 12.", "Bor i [ADRESSE]."),
        ("Bor i Sentrumsvegen 5, leilighet 12 B, 2340 Løten.", "Bor i [ADRESSE]."),
        ("Adr. Storgata 3, H0201\nNeste linje", "Adr. [ADRESSE]\nNeste linje"),
        # a place after the address and then more of the sentence: the place is left alone
        ("Bor i Storgata 3, Kari og Ola bor i nærheten.", "Bor i [ADRESSE], [NAVN] og [NAVN] bor i nærheten."),
    ],
)
def test_the_tail_of_an_address_goes_with_it(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De bor på Søre Bjørnstad, Heradsbygd. Tlf morfar", "De bor på [ADRESSE]. Tlf morfar"),
        ("Familien bur på Austre Zulubakk.", "Familien bur på [ADRESSE]."),
    ],
)
def test_the_nynorsk_directions_make_a_farm(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Send ikkje til gamal adresse Kroken 4.", "Send ikkje til gamal adresse [ADRESSE]."),
        ("Ny adresse er Tunet 12 B fra mars.", "Ny adresse er [ADRESSE] fra mars."),
        ("Adressen til Kari er Tunet 4.", "Adressen til [NAVN] er [ADRESSE]."),
        ("Post til Kroken 4, 2340 Løten.", "Post til [ADRESSE]."),
        ("Hjemmebesøk på Øvre Prøverud, 2345 Ådalsbruk.", "Hjemmebesøk på [ADRESSE]."),
        ("Hjemmebesøk på Zulurud, 2345 Ådalsbruk.", "Hjemmebesøk på [ADRESSE]."),
    ],
)
def test_a_street_or_farm_without_a_street_ending_with_a_cue_or_a_postcode(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ny adresse fra 2025 er ikke kjent.",
        "Møte i uke 12, 2026 Hamar.",
    ],
)
def test_no_address_without_a_street(text, vocab):
    assert "[ADRESSE]" not in out(text, vocab)


@pytest.mark.parametrize(
    "text",
    [
        "Det var 14 nye barn i august, de fleste født i 2025.",
        "Alle barn født i 2019 får tilbud om plass.",
        "Mange av elevane er fødde i 2012.",
        "Alle som er født i 2010 kan søke.",
    ],
)
def test_the_year_of_a_group_is_a_cohort(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ola er født i 2015.", "[NAVN] er født i [FØDSELSDATO]."),
        ("Begge er født i 2016.", "Begge er født i [FØDSELSDATO]."),
        ("De fleste født 12.03.2015 er med.", "De fleste født [FØDSELSDATO] er med."),
        ("Jenta er fødd i 2014 og går i 5. klasse.", "Jenta er fødd i [FØDSELSDATO] og går i 5. klasse."),
    ],
)
def test_a_persons_year_of_birth_still_goes(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vi leser fortellinger om Albert Åberg og Karsten og Petra i samlingsstunden.",
        "Barna elsker særlig boka der Gubben hjelper Albert med å lage båt.",
        "Filmen om Elsa, Anna og Olaf var fin.",
        "Vi las eventyret om Zulubeth og trollet.",
    ],
)
def test_the_characters_of_a_story_stay(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a child with an age, a person after a role word or "med", and a clause after the story
        (
            "Vi leste boka om Albert sammen med Emma (5) og mor Kari.",
            "Vi leste boka om Albert sammen med [NAVN] (5) og mor [NAVN].",
        ),
        ("Filmen om Elsa var fin, sa Kari.", "Filmen om Elsa var fin, sa [NAVN]."),
        ("Vi leste boka om Pippi, og Ola lo.", "Vi leste boka om Pippi, og [NAVN] lo."),
        # after the sentence of the story the names are names again
        (
            "Vi leser fortellinger om Karsten og Petra. Petra (4) lo.",
            "Vi leser fortellinger om Karsten og Petra. [NAVN] (4) lo.",
        ),
        # a story told about someone in the case is no book: "historie" is no cue
        ("Mor fortalte en historie om Ola.", "Mor fortalte en historie om [NAVN]."),
    ],
)
def test_people_beside_a_story_are_still_names(text, expected, vocab):
    assert out(text, vocab) == expected


def test_a_story_and_a_road_through_the_command():
    text = "Vi leser fortellinger om Karsten og Petra.\nUlykke på Rv. 3 ved Grundset. Mor Kari ringte.\n"
    result = CliRunner().invoke(app, ["scrub"], input=text)
    assert result.exit_code == 0
    expected = "Vi leser fortellinger om Karsten og Petra.\nUlykke på Rv. 3 ved Grundset. Mor [NAVN] ringte.\n"
    assert result.output == expected


def test_a_heading_before_a_postcode_and_its_place_stays(vocab):
    # the postcode and its place are an address (round 11); the heading before them is no farm
    assert out("Hjemmebesøk, 2345 Ådalsbruk er avlyst.", vocab) == "Hjemmebesøk, [ADRESSE] er avlyst."
