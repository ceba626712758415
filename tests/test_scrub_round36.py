"""Round 36 of the scrubber, from tests/corpus/notes_blind30.txt (an ordinary month with home
addresses as people write them) and notes_blind31.txt (names in every grammar), each measured once
before it was read. All persons and addresses are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname ending like a participle: a participle has its verb in «-ere», a surname none
        ("Mor heter Kari Sukprasert.", "Mor heter [NAVN]."),
        ("Wanida Sukprasert kom i dag.", "[NAVN] kom i dag."),
        ("Signert Kari", "Signert [NAVN]"),
        ("Informert mor om tiltaket.", "Informert mor om tiltaket."),
        # a particle no Norwegian word is, between two capitalised words
        ("3. Angelo dela Cruz – oppstart ok.", "3. [NAVN] – oppstart ok."),
        ("Yusuf bin Salleh kom i dag.", "[NAVN] kom i dag."),
        ("Vi leste Tiltak van Gogh", "Vi leste Tiltak van Gogh"),
        # a genitive before kin, and the name again without its «s»
        ("Nilofars mor ringte. Nilofar synger mye.", "[NAVN] mor ringte. [NAVN] synger mye."),
        ("Elevens far kom.", "Elevens far kom."),
        ("Hans mor kom.", "Hans mor kom."),
        ("Familiens far kom.", "Familiens far kom."),
        # a given name that is a word too, named by the class
        ("Storm i 8B kom på kontoret.", "[NAVN] i 8B kom på kontoret."),
        ("storm i 8B kom på kontoret.", "[NAVN] i 8B kom på kontoret."),
        ("Møte i 8B i dag.", "Møte i 8B i dag."),
        # a word no lexicon knows between a word for kin and a verb
        ("Hun svarer. far somchai henter.", "Hun svarer. far [NAVN] henter."),
        ("Mor nås på telefon.", "Mor nås på telefon."),
        ("farfar ringde om barnebarnet.", "farfar ringde om barnebarnet."),
    ],
)
def test_names(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ringte mor i dag.\nLine", "Ringte mor i dag.\n[NAVN]"),
        ("Samtale i dag.\n– Tor\n", "Samtale i dag.\n– [NAVN]\n"),
        # a weekday's short form alone on the last line is no signature (round 20: «Fyll ut skjema.\nTor»)
        ("Fyll ut skjema.\nTor", "Fyll ut skjema.\nTor"),
        ("Samtale i dag.\nhb", "Samtale i dag.\n[NAVN]"),
        ("Sendt bekymringsmelding. MK", "Sendt bekymringsmelding. [NAVN]"),
        ("Neste kontroll om 4 veker.\n/ah, helsesjukepleiar", "Neste kontroll om 4 veker.\n[NAVN], helsesjukepleiar"),
        # a word, an abbreviation or a heading ending a note stays
        ("Samtale i dag.\nok", "Samtale i dag.\nok"),
        ("Sendt til BUP. PPT", "Sendt til BUP. PPT"),
        ("Alt vel. OK", "Alt vel. OK"),
        ("Status uendret.\nTiltak", "Status uendret.\nTiltak"),
        ("Pris 3 kr/mnd, lærer", "Pris 3 kr/mnd, lærer"),
    ],
)
def test_signatures_ending_a_note(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Family Centre (Familiens hus) is closed.", "the Family Centre (Familiens hus) is closed."),
        ("We met the Hansen family.", "We met the [NAVN] family."),
        ("I spoke with the Andersons today.", "I spoke with the [NAVN] today."),
        ("Nye møterom heter Glomma og Terningen.", "Nye møterom heter Glomma og Terningen."),
        ("Eleven heter Kari.", "Eleven heter [NAVN]."),
        ("Bitt av en annen på Kvitveis.", "Bitt av en annen på Kvitveis."),
        ("Mor ønsker kontakt via Viber.", "Mor ønsker kontakt via Viber."),
        ("Aktiviteter: Just Dance og brettspill.", "Aktiviteter: Just Dance og brettspill."),
    ],
)
def test_words_that_stay(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «c/o» stays, to say the post goes through someone (round 27)
        ("Post sendes c/o mormor, Fjellvegen 21, 2340 Løten inntil videre.",
         "Post sendes c/o mormor, [ADRESSE] inntil videre."),
        ("Fam. bor i Vestbyen borettslag, blokk C, leil. 12.", "Fam. bor i [ADRESSE]."),
        ("Bor i Granly borettslag, leil. H0201", "Bor i [ADRESSE]"),
        ("Bor i Vestbyen borettslag.", "Bor i Vestbyen borettslag."),
        ("Hjemmebesøk hos familien Haugen, Haugen 11. Ryddig.", "Hjemmebesøk hos familien [NAVN], [ADRESSE]. Ryddig."),
        ("Møte hos rektor, Rom 3.", "Møte hos rektor, Rom 3."),
        ("han bur på lia 2", "han bur på [ADRESSE]"),
        # a service's premises stay; a home after the same verbs does not
        ("Oppmøte i NAV-lokalene i Storgata 23 mandag.", "Oppmøte i NAV-lokalene i Storgata 23 mandag."),
        ("Kevin møtte på NAV Elverum, Torggata 3.", "[NAVN] møtte på NAV Elverum, Torggata 3."),
        ("Familiens hus har flyttet til Kirkegata 1.", "Familiens hus har flyttet til Kirkegata 1."),
        ("Kontoret ligger i Storgata 5.", "Kontoret ligger i Storgata 5."),
        ("Familien har flyttet til Kirkegata 1.", "Familien har flyttet til [ADRESSE]."),
        ("Mor bor i Storgata 5.", "Mor bor i [ADRESSE]."),
    ],
)
def test_addresses(text, expected, vocab):
    assert out(text, vocab) == expected
