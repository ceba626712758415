"""Round 25 of the scrubber, from tests/corpus/notes_blind17.txt (written blind, measured once
before it was read): a name after the definite word for people that is a place too («Barna Yara og
Omar»), two parents written as one pair («Tor/Gunnhild»), two children after «mor til» («mor til
storm og fjell ringte»), a given name that is a word too opening a line of a lower-case note before
how a person is («lykke var blid»), a street shortened to «vn.» («Trysilvn. 12»), a lone initial
beside a person's initials («M. og J.H.»), Filipino given names that are English words («Princess
Joy»); and what must stay: a name that is a word too, opening a sentence with a plain word after
«og» («Storm og glatte vegar» beside «Åse Marie Storm»), «lykke til», the weather, «navn.» and
«havn.» before a number, letters of a list. All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Barna Yara og Omar trives på skolen.", "Barna [NAVN] og [NAVN] trives på skolen."),
        ("Tor/Gunnhild ønsker at Ungteam kobles på.", "[NAVN]/[NAVN] ønsker at Ungteam kobles på."),
        ("mor til storm og fjell ringte, kommer ikke.", "mor til [NAVN] og [NAVN] ringte, kommer ikke."),
        ("lykke var blid i dag da. lykke til med møtet fredag :)",
         "[NAVN] var blid i dag da. lykke til med møtet fredag :)"),
        ("ask lekte ute hele dagen", "[NAVN] lekte ute hele dagen"),
        ("Familien har flyttet fra Storgt. 58 til Nordre Trysilvn. 12. Mor gir beskjed.",
         "Familien har flyttet fra [ADRESSE] til [ADRESSE]. Mor gir beskjed."),
        ("Han sier at M. og J.H. tar lua hans.", "Han sier at [NAVN] og [NAVN] tar lua hans."),
        ("Mor er her. Princess Joy f. 8/4/2021.", "Mor er her. [NAVN] f. [FØDSELSDATO]."),
        ("Hun har Elv (3) boende hos seg.", "Hun har [NAVN] (3) boende hos seg."),
        ("Ask Hovde har startet. Ask og støttekontakten Jørn går på kino.",
         "[NAVN] har startet. [NAVN] og støttekontakten [NAVN] går på kino."),
    ],
)
def test_what_round_25_finds(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the word opens its sentence with a plain word after «og»; the person later is a name
        ("Storm og glatte vegar i dag. Kontaktlærar Åse Marie Storm noterer.",
         "Storm og glatte vegar i dag. Kontaktlærar [NAVN] noterer."),
        # a person after «og» keeps the name a name
        ("Ola Storm kom. Storm og bror sa nei.", "[NAVN] kom. [NAVN] og bror sa nei."),
        ("Ola Frost kom. Frost og Ola lekte.", "[NAVN] kom. [NAVN] og [NAVN] lekte."),
    ],
)
def test_a_name_that_is_a_word_opening_a_sentence(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "lykke til med møtet fredag",
        "storm var det i natt, bussen kom ikke",
        "storm slo inn over byen",
        "sol var det hele dagen",
        "liv er viktig for oss",
        "Barna Gran og Hov er steder.",
        "mor til ask og far kom",
        "mor til lykke og venner",
        "Skriv navn. 12 kom.",
        "Se punkt A. og B. i planen.",
        "Tor/fre passer best.",
        "Vår/høst 2025 er travel.",
        "Kontakt Nok Gjøvik (2) har tilbud.",
        "Tiltak (3) og møter (2) er avtalt.",
        "Gran Canaria var fint.",
    ],
)
def test_what_round_25_leaves(text, vocab):
    assert out(text, vocab) == text


def test_the_command_finds_the_pair_and_the_short_street():
    text = "Tor/Gunnhild har flyttet til Kirkevn. 4B, 2340 Løten."
    result = CliRunner().invoke(app, ["scrub", "-m", "loten"], input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("[NAVN]/[NAVN] har flyttet til [ADRESSE].")
