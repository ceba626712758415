"""Round 30 of the scrubber, from tests/corpus/notes_blind21.txt (written blind, measured once
before it was read): a lower-case name at its service or called back («ringte per på nav», «ring
per tilbake»), a signature in capitals that spells the clock («– KL»), the pronoun «Vår» before a
noun in a note about a girl named Vår, a role written short without a vowel («Hs kjem», «Ktl»),
initials after "typed in by", English «else» after "anything", a given name that is a word and a
place before a surname («Tone Hov Sletten»), and a birth date after a name inside a sentence that
ends in a colon («saken om Sander Nilsen 04.02.2016: …»). All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ringte per på nav ang husleia.", "ringte [NAVN] på nav ang husleia."),
        ("ring per tilbake fredag", "ring [NAVN] tilbake fredag"),
        ("ring liv tilbake", "ring [NAVN] tilbake"),
        # «per telefon» is no person
        ("ringte per telefon i går", "ringte per telefon i går"),
    ],
)
def test_a_lower_case_name_at_its_service_or_called_back(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dad agreed.\n– KL", "Dad agreed.\n– [NAVN]"),
        ("Dad agreed.\n– KB", "Dad agreed.\n– [NAVN]"),
        # the clock in lower case stays, and so does a service after a dash
        ("Møte – kl 10", "Møte – kl 10"),
        ("Samarbeid med helsestasjon – PPT", "Samarbeid med helsestasjon – PPT"),
    ],
)
def test_a_signature_that_spells_the_clock(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor Vår Brattli er gravid. Vår vurdering er at det går bra.",
         "Mor [NAVN] er gravid. Vår vurdering er at det går bra."),
        ("Birk og Vår (begge 14) var innom. Vår avtale: eg spør henne igjen.",
         "[NAVN] og [NAVN] (begge 14) var innom. Vår avtale: eg spør henne igjen."),
        ("Vår (5) gråt. Vår helsesykepleier tar kontakt.", "[NAVN] (5) gråt. Vår helsesykepleier tar kontakt."),
        # a verb or a parent after it: the girl
        ("Vår (5) gråt. Vår lekte med Birk.", "[NAVN] (5) gråt. [NAVN] lekte med [NAVN]."),
        ("Vår (5) gråt. Vår sa nei.", "[NAVN] (5) gråt. [NAVN] sa nei."),
        ("Vår (5) gråt. Vår mor kom.", "[NAVN] (5) gråt. [NAVN] mor kom."),
    ],
)
def test_the_pronoun_var_before_a_noun(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møtet i dag. Hs kjem om ho rekk det.", "Møtet i dag. Hs kjem om ho rekk det."),
        ("Ktl kjem om ho rekk det.", "Ktl kjem om ho rekk det."),
        ("Møtet i dag. Hsp kjem.", "Møtet i dag. Hsp kjem."),
        # a name has a vowel, accented or not; a listed one without («Ng») is a name still
        ("Mor Hêvî Ali snakkar kurmanji.", "Mor [NAVN] snakkar kurmanji."),
        ("Zoë (5) gråt.", "[NAVN] (5) gråt."),
        ("Tran Ng ringte.", "[NAVN] ringte."),
        # a shortened part of a name after it goes with the name
        ("Vedlagt liste: Hugo Berge og Elias Kr.. Foreldrene har samtykket.",
         "Vedlagt liste: [NAVN] og [NAVN].. Foreldrene har samtykket."),
        ("Sektor for barnehage: Ola Nordmann Jr.? nei", "Sektor for barnehage: [NAVN].? nei"),
    ],
)
def test_a_role_written_short_without_a_vowel(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Handwritten note typed in by MP, Wednesday.", "Handwritten note typed in by [NAVN], Wednesday."),
        ("Note written by TK.", "Note written by [NAVN]."),
        ("skrevet ned av KB", "skrevet ned av [NAVN]"),
        # a service or a word after "by" stays
        ("Referred by PPT.", "Referred by PPT."),
        ("Notes written by me.", "Notes written by me."),
        ("written by the nurse", "written by the nurse"),
    ],
)
def test_initials_of_who_typed_the_note(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talk to Eva before anything else.", "talk to [NAVN] before anything else."),
        ("something else came up", "something else came up"),
        ("else kom i dag", "[NAVN] kom i dag"),
        ("mor else ringte", "mor [NAVN] ringte"),
    ],
)
def test_english_else(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tone Hov Sletten (mor til tvillingene) spurte om det.", "[NAVN] (mor til tvillingene) spurte om det."),
        ("Liv Hov Sletten ringte.", "[NAVN] ringte."),
        ("His father, Andres Saar, prefers e-mail.", "His father, [NAVN], prefers e-mail."),
        # the word and the place alone stay
        ("Tone Hov ringte.", "Tone Hov ringte."),
    ],
)
def test_a_word_and_a_place_before_a_surname(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Koblet til saken om Sander Nilsen 04.02.2016: mor er spurt.",
         "Koblet til saken om [NAVN] [FØDSELSDATO]: mor er spurt."),
        # a log entry's heading: the name opens the line, alone or after a label
        ("Kari Nes, 23.04.2022: mor ringte.", "[NAVN], 23.04.2022: mor ringte."),
        ("- Kari Nes, 23.04.2022: mor ringte.", "- [NAVN], 23.04.2022: mor ringte."),
        ("Notat: Kari Nes 12.03.2020: første samtale.", "Notat: [NAVN] 12.03.2020: første samtale."),
    ],
)
def test_a_birth_date_in_a_sentence_before_a_colon(text, expected, vocab):
    assert out(text, vocab) == expected


def test_the_command_keeps_the_pronoun_and_the_role():
    text = "Vår (14) var innom. Vår avtale: Hs ringer henne. ringte per på nav.\n– KL"
    result = CliRunner().invoke(app, ["scrub", "-m", "sondre-land"], input=text + "\n")
    assert result.exit_code == 0, result.output
    expected = "[NAVN] (14) var innom. Vår avtale: Hs ringer henne. ringte [NAVN] på nav.\n– [NAVN]"
    assert result.stdout.startswith(expected)
