"""Round 10 of the scrubber (issue 16), from a fresh-eyes reader: a lower-case given name that is
a word too after a sign-off ending its line or after a verb of contact ("mvh per", "ring per på
…"); and the words that must stay: reading and writing aids (Lingdys, CD-ord), a brand whose last
word is a given name (Pepsi Max), listed artists after a listening cue, the place a club or school
is at ("Ungdomsklubben på Lund") and an animal's name ("en hund som heter Bamse")."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


def test_the_readers_lines_through_the_command():
    text = "mvh per\nring per på 900 12 345\nok, snakkes i morgen. mvh per\n"
    result = CliRunner().invoke(app, ["scrub"], input=text)
    assert result.exit_code == 0
    assert result.output == "mvh [NAVN]\nring [NAVN] på [TELEFON]\nok, snakkes i morgen. mvh [NAVN]\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mvh per", "mvh [NAVN]"),
        ("mvh per.\nNeste sak", "mvh [NAVN].\nNeste sak"),
        ("hilsen liv\n", "hilsen [NAVN]\n"),
        ("helsing tor!", "helsing [NAVN]!"),
        ("Takk for praten. Mvh siv", "Takk for praten. Mvh [NAVN]"),
        ("mvh mai", "mvh [NAVN]"),
        # a name that is no word went already, in either case
        ("mvh kari", "mvh [NAVN]"),
        ("Mvh Per", "Mvh [NAVN]"),
        # not the end of the line, or no space after the sign-off: the preposition stays
        ("mvh. per e-post", "mvh. per e-post"),
        ("Svar gis per e-post, mvh. per telefon", "Svar gis per e-post, mvh. per telefon"),
        ("mvh per e-post og telefon", "mvh per e-post og telefon"),
    ],
)
def test_a_word_name_after_a_sign_off_ending_the_line(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring per på 900 12 345", "ring [NAVN] på [TELEFON]"),
        ("Ringte tor på 41 23 45 67 i går.", "Ringte [NAVN] på [TELEFON] i går."),
        ("ringe liv på +47 900 12 345", "ringe [NAVN] på [TELEFON]"),
        ("spør liv om møtet", "spør [NAVN] om møtet"),
        ("spurte siv om samtykket", "spurte [NAVN] om samtykket"),
        ("send til mai i morgen", "send til [NAVN] i morgen"),
        ("snakk med tor i morgen", "snakk med [NAVN] i morgen"),
        ("ring kari på 900 12 345", "ring [NAVN] på [TELEFON]"),
        # the preposition and the months stay
        ("ring per telefon", "ring per telefon"),
        ("pris per time", "pris per time"),
        ("ring per sms eller e-post", "ring per sms eller e-post"),
        ("Vi ringer per i dag.", "Vi ringer per i dag."),
        # round 24: the one called on the phone is a person ("prata me per på telefonen", notes_blind16)
        ("ring tor på mobilen", "ring [NAVN] på mobilen"),
    ],
)
def test_a_word_name_after_a_verb_of_contact(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eleven brukar PC med Lingdys og Lingright.",
        "Eleven bruker CD-ord og Appwriter.",
        "Hun har fått IntoWords på nettbrettet.",
        "Lingit og ClaroRead er prøvd.",
    ],
)
def test_reading_and_writing_aids_stay(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun drikker mye Pepsi Max", "Hun drikker mye Pepsi Max"),
        ("Han drikk Fanta og Cola Zero.", "Han drikk Fanta og Cola Zero."),
        # the given name alone is still a name
        ("Max kom for seint.", "[NAVN] kom for seint."),
        ("Pepsi Max i friminuttet, sa Max.", "Pepsi Max i friminuttet, sa [NAVN]."),
    ],
)
def test_a_brand_that_ends_in_a_given_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun liker å lytte til Taylor Swift og Sigrid.", "Hun liker å lytte til Taylor Swift og Sigrid."),
        ("Han hører på Karpe, Kygo og Aurora hele dagen.", "Han hører på Karpe, Kygo og Aurora hele dagen."),
        ("Ho er fan av Astrid S.", "Ho er fan av Astrid S."),
        ("Dei var på konsert med Emma Steinbakken.", "Dei var på konsert med Emma Steinbakken."),
        # outside the cue an artist's name that is a given name is a person
        ("Sigrid er lei seg.", "[NAVN] er lei seg."),
        ("Aurora (8) gråt i dag.", "[NAVN] (8) gråt i dag."),
        # after the cue, anyone not listed goes, and so does the list after them
        ("Han lytter ikke til Kari.", "Han lytter ikke til [NAVN]."),
        ("lytte til Kari og Sigrid", "lytte til [NAVN] og [NAVN]"),
        ("Hun hører ikke på Ola Nordmann.", "Hun hører ikke på [NAVN]."),
    ],
)
def test_listed_artists_after_a_listening_cue(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ungdomsklubben på Lund kvar onsdag.", "Ungdomsklubben på Lund kvar onsdag."),
        ("Han går på fritidsklubben på Hov.", "Han går på fritidsklubben på Hov."),
        ("Barnehagen i Moelv har plass.", "Barnehagen i Moelv har plass."),
        ("Skolen på Berg er liten.", "Skolen på Berg er liten."),
        # a person after "på" without an institution before it still goes
        ("Vi møtte Lund på skolen.", "Vi møtte [NAVN] på skolen."),
        ("Læreren på Lund sa det.", "Læreren på [NAVN] sa det."),
    ],
)
def test_the_place_a_club_or_school_is_at(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an animal's name is no personal data: it stays
        ("Hun har en hund som heter Bamse.", "Hun har en hund som heter Bamse."),
        ("Katten hennes heiter Pus.", "Katten hennes heiter Pus."),
        ("Kaninen heter Kari.", "Kaninen heter Kari."),
        ("Dei har ein hest som heiter Storm.", "Dei har ein hest som heiter Storm."),
        # a person named the same way still goes
        ("en gutt som heter Bamse", "en gutt som heter [NAVN]"),
        ("Broren heter Kari.", "Broren heter [NAVN]."),
        ("Hunden heter Bamse, og eieren heter Ola.", "Hunden heter Bamse, og eieren heter [NAVN]."),
    ],
)
def test_a_pets_name_stays(text, expected):
    assert out(text) == expected
