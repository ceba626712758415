"""Round 37 of the scrubber, from tests/corpus/notes_blind32.txt (ordinary notes, mostly nynorsk and
dialect) and notes_blind33.txt (health station, midwife and kindergarten), each measured once before
it was read. All persons and numbers are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hedmark's pronoun «hæn» (he) and its dialect words
        ("Hæn sa at hæn itte orkar skulen og vil snakke med nån.",
         "Hæn sa at hæn itte orkar skulen og vil snakke med nån."),
        # a word for a person before an age names nobody; a name before one does
        ("Fritidsklubben: Gutt (13) har vært alene.", "Fritidsklubben: Gutt (13) har vært alene."),
        ("Jente (8) gråt.", "Jente (8) gråt."),
        ("Emma (8) gråt.", "[NAVN] (8) gråt."),
        # a kindergarten's department after it, in brackets or after a comma
        ("Telefon fra barnehagen (Fjellsol): ped.leder er bekymret.",
         "Telefon fra barnehagen (Fjellsol): ped.leder er bekymret."),
        ("TRAS på Fagerlund barnehage, Småtrolla. Jenta snakker.",
         "TRAS på Fagerlund barnehage, Småtrolla. Jenta snakker."),
        ("Gutten starta på Småtrolla måndag.", "Gutten starta på Småtrolla måndag."),
        ("Telefon fra barnehagen (Kari): ok", "Telefon fra barnehagen ([NAVN]): ok"),
        ("Ringte barnehagen, Zyrafa svarte.", "Ringte barnehagen, [NAVN] svarte."),
        # a service after a role word is no person
        ("Tolk (Tolketjenesten, tigrinja) bestilt.", "Tolk (Tolketjenesten, tigrinja) bestilt."),
        ("Tolk (Amina) bestilt.", "Tolk ([NAVN]) bestilt."),
        # medicines by their ending, products and employers in the lists
        ("Barnet fikk Dicillin for ørebetennelse.", "Barnet fikk Dicillin for ørebetennelse."),
        ("Foreldrene har prøvd Nutramigen i 2 uker.", "Foreldrene har prøvd Nutramigen i 2 uker."),
        ("Mor pumper med Medela Symphony.", "Mor pumper med Medela Symphony."),
        ("Gir NAN Optipro 1.", "Gir NAN Optipro 1."),
        ("Far jobber på Nortura.", "Far jobber på Nortura."),
        ("Kari Hansen fikk Apocillin.", "[NAVN] fikk Apocillin."),
    ],
)
def test_words_that_stay(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the word before a birth date's cue is the one born then
        ("Gutt Luka, f. 26.11.26, Apgar 9/10/10.", "Gutt [NAVN], f. [FØDSELSDATO], Apgar 9/10/10."),
        ("Jente Sol (født 3.4.2019) kom.", "Jente [NAVN] (født [FØDSELSDATO]) kom."),
        ("Gutt, f. 26.11.26.", "Gutt, f. [FØDSELSDATO]."),
        # initials on either side of a handover's arrow
        ("Overlevering /mh → /ts: Kontrollen fredag.", "Overlevering [NAVN] → [NAVN]: Kontrollen fredag."),
        ("Overlevering /MH -> /TS: ok", "Overlevering [NAVN] -> [NAVN]: ok"),
        ("lyden /s/ -> /k/", "lyden /s/ -> /k/"),
        ("Pris kr/mnd -> 200", "Pris kr/mnd -> 200"),
    ],
)
def test_names_and_signatures(text, expected, vocab):
    assert out(text, vocab) == expected
