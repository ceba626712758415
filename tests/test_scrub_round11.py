"""Round 11 of the scrubber (issue 16), from the blind corpus notes_blind11: a class glued to its
grade is no initial ("9B. Fødselsdato"); initials that sign a note, also "O.K." after a sign-off,
with the surname after them; a signature after a slash set off by spaces, and initials with a
slash before a note heading's colon; an address after its label ends where a sentence begins; a
postcode and its place are an address whatever the place; English names of languages, holidays
and towns stay; the child after "mor til", "far til"; a given name that is a word too before a
date of birth; a word that the note uses plainly is not repeated as a name found elsewhere."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


def test_the_corpus_lines_through_the_command():
    text = (
        "Notat /GM: far kom ruset til henting.\n"
        "Eline Sørli (helsesjukepleiar) / ES\n"
        "Elev Jonas Lie, 9B. Fødselsdato: 05.08.2011.\n"
        "Hilsen O.K. Nes\n"
    )
    result = CliRunner().invoke(app, ["scrub"], input=text)
    assert result.exit_code == 0
    assert result.output == (
        "Notat /[NAVN]: far kom ruset til henting.\n"
        "[NAVN] (helsesjukepleiar) / [NAVN]\n"
        "Elev [NAVN], 9B. Fødselsdato: [FØDSELSDATO].\n"
        "Hilsen [NAVN] [NAVN]\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elev Jonas Lie Vold, 9B. Fødselsdato: 05.08.2011.", "Elev [NAVN], 9B. Fødselsdato: [FØDSELSDATO]."),
        ("Elev Jonas Lie, 10C. Kontaktlærer er ny.", "Elev [NAVN], 10C. Kontaktlærer er ny."),
        # an initial between two names is one still
        ("Ola K. Nordmann kom.", "[NAVN] kom."),
        ("Mvh K. Nes", "Mvh [NAVN] [NAVN]"),
    ],
)
def test_a_class_glued_to_its_grade_is_no_initial(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hilsen O.N. Nes", "Hilsen [NAVN] [NAVN]"),
        ("«Vi er ikke enige. Hilsen O.K. Nes»", "«Vi er ikke enige. Hilsen [NAVN] [NAVN]»"),
        ("Mvh, P.S. Dal", "Mvh, [NAVN] [NAVN]"),
        # initials that end a sentence, and the word "O.K.", stay as they were
        ("Overtatt etter K.B. Neste evaluering i mai.", "Overtatt etter [NAVN] Neste evaluering i mai."),
        ("Det er O.K. for meg.", "Det er O.K. for meg."),
    ],
)
def test_initials_that_sign_a_note_and_the_surname_after(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ellen Sørli (helsesjukepleiar) / ES\nSamtale.", "[NAVN] (helsesjukepleiar) / [NAVN]\nSamtale."),
        ("Notat /GM: far kom ruset.", "Notat /[NAVN]: far kom ruset."),
        ("Telefonnotat /KB: mor ringte.", "Telefonnotat /[NAVN]: mor ringte."),
        ("/GM: far kom", "/[NAVN]: far kom"),
        # a service, a word or a slash inside a line stays
        ("Samarbeid med helsestasjon / PPT\nNeste møte i mai.", "Samarbeid med helsestasjon / PPT\nNeste møte i mai."),
        ("Tiltak /PPT: vurdering", "Tiltak /PPT: vurdering"),
        ("Svar: ja / NEI", "Svar: ja / NEI"),
        ("Tiltak og/ELLER: samtale", "Tiltak og/ELLER: samtale"),
    ],
)
def test_a_signature_after_a_spaced_slash_or_before_a_headings_colon(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Adresse: STORGATA 12 B, 2408 ELVERUM. Far skrev den selv med store bokstaver.",
            "Adresse: [ADRESSE]. Far skrev den selv med store bokstaver.",
        ),
        ("Adresse: Bakkeveien nede ved elva. Mor vet veien.", "Adresse: [ADRESSE]. Mor vet veien."),
        # a full stop inside an address does not end it
        ("Adresse: St. Olavs gate 3, 0165 Oslo", "Adresse: [ADRESSE]"),
        ("Adresse: KIRKEGATA 3 B. Inngang bak", "Adresse: [ADRESSE]"),
    ],
)
def test_a_labelled_address_ends_where_a_sentence_begins(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Heimebesøk på Øvre Bjørnstad, 2861 Landåsbygda. Huset er kaldt.",
            "Heimebesøk på [ADRESSE]. Huset er kaldt.",  # the farm and its postcode: one address
        ),
        ("Brevet går til 2870 Dokka i morgen.", "Brevet går til [ADRESSE] i morgen."),
        ("Lundgard\n2864 Fall", "Lundgard\n[ADRESSE]"),
        # a year, a count or a time before a capitalised word is no postcode
        ("Han kom hit i 2019 Løten var ny for ham.", "Han kom hit i 2019 Løten var ny for ham."),
        ("Møte kl. 1400 Kantina", "Møte kl. 1400 Kantina"),
        ("Tilskudd til 2000 Elever i fylket.", "Tilskudd til 2000 Elever i fylket."),
        ("Frammøte 0800, 0830 Lunsj med foreldra.", "Frammøte 0800, 0830 Lunsj med foreldra."),
        ("Lundgard, 2864 Fall.", "[ADRESSE]."),  # a farm before its postcode goes with it (round 12)
        ("Det skjedde i 2024 De flyttet da.", "Det skjedde i 2024 De flyttet da."),
    ],
)
def test_a_postcode_and_its_place_are_an_address_whatever_the_place(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nurse's note (in English, family speaks English at home): met Grace Okafor and her son Daniel.",
            "Nurse's note (in English, family speaks English at home): met [NAVN] and her son [NAVN].",
        ),
        (
            "Dear Mrs Bakke, Oliver will start after Easter. He has a plan from Bristol. Kind regards, Sarah",
            "Dear Mrs [NAVN], [NAVN] will start after Easter. He has a plan from Bristol. Kind regards, [NAVN]",
        ),
        ("Mor snakker Polish og English, far er fra Leeds.", "Mor snakker Polish og English, far er fra Leeds."),
        ("The family moved from Cardiff before Christmas.", "The family moved from Cardiff before Christmas."),
    ],
)
def test_english_names_of_languages_holidays_and_towns_stay(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Far til Håp kom innom kontoret.", "Far til [NAVN] kom innom kontoret."),
        ("Hun er mor til Storm og Sol.", "Hun er mor til [NAVN] og [NAVN]."),
        ("Foreldra til Frost ringde.", "Foreldra til [NAVN] ringde."),
        ("Far til Jonas kom.", "Far til [NAVN] kom."),
        # a place, a service, a role or a person's word after it stays
        ("Han far til Hamar i morgen.", "Han far til Hamar i morgen."),
        ("Han far til Bussen.", "Han far til Bussen."),
        ("Mor til Eleven ringte.", "Mor til Eleven ringte."),
        ("Far til Barnet møtte.", "Far til Barnet møtte."),
        ("Mor til PPT-saka er med.", "Mor til PPT-saka er med."),
    ],
)
def test_a_word_after_mor_til_or_far_til_is_the_child(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lin Dal f. 07.10.2018, Furuholmen barnehage.", "[NAVN] f. [FØDSELSDATO], Furuholmen barnehage."),
        ("Sol Dal fødd 12.03.2019 bur på Hov.", "[NAVN] fødd [FØDSELSDATO] bur på Hov."),
        ("Vår (født 2015) går i 3. klasse.", "[NAVN] (født [FØDSELSDATO]) går i 3. klasse."),
        # the same words with no date of birth after them stay
        ("Lin og ull tørker fort.", "Lin og ull tørker fort."),
        ("Vår og sommer er fine.", "Vår og sommer er fine."),
    ],
)
def test_a_given_name_that_is_a_word_before_a_date_of_birth(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Frost i januar gjør at bussen er sen. Ola Frost i 5A kommer for sent.",
            "Frost i januar gjør at bussen er sen. [NAVN] i 5A kommer for sent.",
        ),
        (
            "Ola Frost i 5A kom sent. Frost på vegen gjør at bussen er sen.",
            "[NAVN] i 5A kom sent. Frost på vegen gjør at bussen er sen.",
        ),
        # the same word before a verb or beside a person is the person still
        ("Ola Frost kom. Frost sa at han var lei.", "[NAVN] kom. [NAVN] sa at han var lei."),
        ("Ola Frost kom. Frost og mor kom også.", "[NAVN] kom. [NAVN] og mor kom også."),
        ("Ola Frost kom. Senere ringte Frost igjen.", "[NAVN] kom. Senere ringte [NAVN] igjen."),
    ],
)
def test_a_word_the_note_uses_plainly_is_not_repeated_as_a_name(text, expected, vocab):
    assert out(text, vocab) == expected
