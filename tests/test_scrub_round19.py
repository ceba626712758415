"""Round 19 of the scrubber, from a fresh reader's findings: a place right after a role or
kinship word is the surname where the name ends too ("Møte med far Hov."), not only before a
verb; two or three capitals that are no known abbreviation are initials in a list of who took
part ("Til stede: KN, TS og PPT.") and joined by «og» before a verb ("KN og TS var til stede");
a place or an unknown word joined to the word for the family is the family's surname
("Nes-familien"), a common noun there is none ("Fosterfamilien", "Foster-familien"); a place
that is a word too with a direction after living «på» it is a farm ("bor på Øvre Hov"); the full
stop after a month's name ends the sentence, outside the birth date ("er 15. mars."); a name found
in one answer of a walkthrough is a name in the later answers of the sitting too ("Ho sa «Dal er
best»" after "Eleven Liv Dal …"), the names held in memory only.
All names, numbers and addresses are fictitious."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import tomli_w
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app
from bti_cli.privacy.scrubber import name_words, scrub

LEVEL1 = Path(__file__).resolve().parents[1] / "examples" / "answers" / "level1.toml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møte med far Hov.", "Møte med far [NAVN]."),
        ("Møte med mor Nes.", "Møte med mor [NAVN]."),
        ("Samtale med kontaktlærer Hov.", "Samtale med kontaktlærer [NAVN]."),
        ("Snakket med far Hov i dag.", "Snakket med far [NAVN] i dag."),
        ("Til stede: far Hov, mor Nes.", "Til stede: far [NAVN], mor [NAVN]."),
        ("Møte med far Hov og mor Nes", "Møte med far [NAVN] og mor [NAVN]"),
        ("Ring helsesykepleier Nes (tirsdag).", "Ring helsesykepleier [NAVN] (tirsdag)."),
        ("Samtale med far Hov\nNeste møte i mai.", "Samtale med far [NAVN]\nNeste møte i mai."),
        # before a verb, as before
        ("Rektor Hov er enig.", "Rektor [NAVN] er enig."),
    ],
)
def test_a_place_after_a_role_word_is_the_surname_where_the_name_ends(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hun bor hos far på Nes.",
        "Møtet var hos mor på Hov i dag.",
        "Barnet bor på Nes.",
        "Han kjørte forbi Hov.",
        # the child after «mor til» is judged as any word: a place stays («far til Hamar»)
        "Snakket med mor til Hov.",
        # after an interpreter, the word is the language; in an English note a nationality
        "Møte med tolk Somali.",
        "The father is Eritrean and the mother Ethiopian.",
        "Rektor på Hov, rektor ved Nes skole.",
    ],
)
def test_a_place_after_a_preposition_stays(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Til stede: KN, TS og PPT.", "Til stede: [NAVN], [NAVN] og PPT."),
        # OT (oppfølgingstjenesten) is in every shipped catalogue's vocabulary: a service
        ("Til stede: KN, OT og PPT.", "Til stede: [NAVN], OT og PPT."),
        ("Tilstede: mor, far (tlf.), KN og helsesykepleier.", "Tilstede: mor, far (tlf.), [NAVN] og helsesykepleier."),
        ("Forfall: GH", "Forfall: [NAVN]"),
        ("Til stede: far Hov, KNB.", "Til stede: far [NAVN], [NAVN]."),
        ("KN og TS var til stede.", "[NAVN] og [NAVN] var til stede."),
        ("KN og OT var til stede.", "[NAVN] og OT var til stede."),
        ("Møtet er holdt. KN, TS og AB møtte.", "Møtet er holdt. [NAVN], [NAVN] og [NAVN] møtte."),
        ("PPT og KN møtte.", "PPT og [NAVN] møtte."),
    ],
)
def test_capitals_in_a_list_of_who_took_part_are_initials(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Til stede: PPT, BUP, NAV, SFO og OT.",
        "Til stede: helsestasjon, BV og UDI.",
        "PPT og BUP er enige.",
        "NAV og UDI har møte i dag.",
        "Vi ser på IKT og HMS i dag.",
        "Til stede: MOR, FAR og PPT.",
    ],
)
def test_known_abbreviations_in_a_list_stay(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nes-familien kan hjelpe.", "[NAVN]-familien kan hjelpe."),
        ("Vi møtte Hov-familia i dag.", "Vi møtte [NAVN]-familia i dag."),
        ("Vi møtte Zyrafa-familien i dag.", "Vi møtte [NAVN]-familien i dag."),
        ("Andersson-familjen flyttet hit.", "[NAVN]-familjen flyttet hit."),
        # a listed surname, as before: the name goes (here the whole word, before a verb)
        ("Vi møtte Hansen-familien i dag.", "Vi møtte [NAVN] i dag."),
        ("Hansenfamilien kom.", "[NAVN] kom."),
    ],
)
def test_a_place_or_unknown_word_joined_to_the_family_is_the_surname(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fosterfamilien kom.",
        "Vertsfamilien kom i går.",
        "Vi møtte Fosterfamilien i dag.",
        "Storfamilien ringte.",
        "Foster-familien kom.",
        "Bonus-familien kom.",
        "Verts-familien er fin.",
        "Beredskaps-familien kom.",
        "Skyss-familien av busser.",
        "FN-familien er stor.",
    ],
)
def test_a_common_noun_joined_to_the_family_is_no_name(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun bor hos far på Nordre Nes.", "Hun bor hos far på [ADRESSE]."),
        ("Han bor på Øvre Hov, og mor bor i byen.", "Han bor på [ADRESSE], og mor bor i byen."),
        ("Bur hjå mor på Søndre Nes.", "Bur hjå mor på [ADRESSE]."),
        # a farm the lists do not know, as before
        ("Hun bor hos far på Nordre Bjørnstad.", "Hun bor hos far på [ADRESSE]."),
    ],
)
def test_a_place_with_a_direction_after_living_at_it_is_a_farm(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Familien bor på Vestre Toten.",
        "Mor bur i Nordre Land.",
        "Far bor i Nedre Eiker.",
        "Far bor i Ytre Hvaler.",
        "Far bor i Indre Oslo.",
        "Far bor på Nes.",
        "Møtet var på Øvre Hov.",
    ],
)
def test_a_municipality_a_town_or_a_place_without_living_there_stays(text, vocab):
    assert out(text, vocab) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bursdagen hennes er 15. mars.", "Bursdagen hennes er [FØDSELSDATO]."),
        ("Bursdagen hennes er 15. mars. Hun gleder seg.", "Bursdagen hennes er [FØDSELSDATO]. Hun gleder seg."),
        ("Hun har bursdag 1. desember!", "Hun har bursdag [FØDSELSDATO]!"),
        ("Fyller år 3. mai.", "Fyller år [FØDSELSDATO]."),
        ("Født 12. mars 2015.", "Født [FØDSELSDATO]."),
        # the full stop of a short form, and of a day and month in digits, is the date's
        ("Født 3. feb. 2015.", "Født [FØDSELSDATO]."),
        ("Født 3. jan.", "Født [FØDSELSDATO]"),
        ("Bursdagen hennes er 15.03.", "Bursdagen hennes er [FØDSELSDATO]"),
    ],
)
def test_the_full_stop_after_a_month_ends_the_sentence(text, expected, vocab):
    assert out(text, vocab) == expected


def test_a_name_found_before_is_a_name_in_a_later_text(vocab):
    first = scrub("Eleven Liv Dal i 4B er flink.", vocabulary=vocab, lang="nb")
    known = name_words(first.replacements)
    assert first.text == "Eleven [NAVN] i 4B er flink." and known == {"liv", "dal"}
    later = scrub("Ho sa «Dal er best».", vocabulary=vocab, lang="nb", known_names=known)
    assert later.text == "Ho sa «[NAVN] er best»."
    assert scrub("Ho sa «Dal er best».", vocabulary=vocab, lang="nb").text == "Ho sa «Dal er best»."
    # only in capitals: the word in lower case is the word
    valley = "Vi gikk ned i en dal."
    assert scrub(valley, vocabulary=vocab, lang="nb", known_names=known).text == valley
    # initials are no name words for later texts
    assert name_words(scrub("Til stede: KN og far.", vocabulary=vocab, lang="nb").replacements) == frozenset()


def test_the_walkthrough_finds_a_name_of_an_earlier_answer_in_a_later_one(cli, tmp_path, cases_dir):
    data = tomllib.loads(LEVEL1.read_text(encoding="utf-8"))
    data["l0-concrete"]["observations"] = "Eleven Liv Dal i 4B trekker seg unna i friminuttene."
    data["l0-concrete"]["child_said"] = "Ho sa «Dal er best»."
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    case_files = sorted(cases_dir.glob("BTI-*.toml"))
    assert len(case_files) == 1
    case = tomllib.loads(case_files[0].read_text(encoding="utf-8"))
    values = [e.get("value") for e in case["events"] if e.get("question") in ("observations", "child_said")]
    assert values == ["Eleven [NAVN] i 4B trekker seg unna i friminuttene.", "Ho sa «[NAVN] er best»."]
    # nothing of the names is written anywhere: case file, index, journal, config, cache, output
    leak = re.compile(rb"\b(?:Dal|Liv)\b")
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != answers:
            assert not leak.search(path.read_bytes()), path.name
    assert not leak.search((result.stdout + (result.stderr or "")).encode())


def test_bti_scrub_on_a_note_from_the_round():
    text = (
        "Til stede: far Hov, mor Nes, KN og PPT. Nes-familien kan hjelpe; han bor hos far på Nordre Nes.\n"
        "Bursdagen hennes er 15. mars.\n"
    )
    result = CliRunner().invoke(app, ["scrub", "-m", "loten"], input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Til stede: far [NAVN], mor [NAVN], [NAVN] og PPT. [NAVN]-familien kan hjelpe; han bor hos far på [ADRESSE].\n"
        "Bursdagen hennes er [FØDSELSDATO].\n"
    )
