"""Round 23 of the scrubber, from the left-open list of round 22 (written before the notes of
tests/corpus/notes_blind16.txt were read): a birth date written in words after its cue («født
tredje mars 2016», «fødd 15. i 3. 2019», also with no digit in it: «Født den andre mai»), a street
with «nr» before its number («storgata nr 5», «Storgata nr. 12B»), and a given name that is an
English function word elsewhere, capitalised right after a name («Nguyen Van An»); and what must
stay: a meeting in words, a number after «nr» that is no street's, an English sentence opening
with «An». All persons and dates are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gutten er født tredje mars 2016.", "Gutten er født [FØDSELSDATO]."),
        ("Far er født femtende april 2015", "Far er født [FØDSELSDATO]"),
        ("fødd tjuefyrste i juni -14, bur med mor", "fødd [FØDSELSDATO], bur med mor"),
        ("Jenta er fødd 15. i 3. 2019.", "Jenta er fødd [FØDSELSDATO]."),
        ("Født den andre mai.", "Født den [FØDSELSDATO]."),
        ("She was born on the twenty-first of May 2015.", "She was born on the [FØDSELSDATO]."),
    ],
)
def test_birth_dates_in_words_go(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor bor i storgata nr 5.", "Mor bor i [ADRESSE]."),
        ("Adressen er Storgata nr. 12B, 2390 Moelv", "Adressen er [ADRESSE]"),
        ("De bor i Skolevegen nr 8 nå", "De bor i [ADRESSE] nå"),
        ("Mor heter Nguyen Van An.", "Mor heter [NAVN]."),
    ],
)
def test_addresses_and_names_of_round_23_go(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Møte tredje mars 2026 kl 10.",
        "Han kom andre mars og er født i fjor.",
        "fødd andre halvår",
        "Vedtak nr. 5 gjelder fra august.",
        "Tiltak nr. 3 i planen.",
        "An assessment was made by the nurse.",
    ],
)
def test_what_round_23_leaves(text, vocab):
    assert out(text, vocab) == text


def test_bti_scrub_takes_a_birth_date_in_words_and_a_street_with_nr():
    result = CliRunner().invoke(app, ["scrub"], input="Født tredje mars 2016, bor i storgata nr 5.\n")
    assert result.exit_code == 0, result.output
    assert "tredje" not in result.stdout and "storgata" not in result.stdout
    assert "[FØDSELSDATO]" in result.stdout and "[ADRESSE]" in result.stdout


def test_the_case_log_gate_refuses_a_birth_date_in_words():
    from bti_cli.privacy.guard import personal_data_kinds

    for text in ("Født tredje mars 2016", "fødd 15. i 3. 2019", "Født den andre mai"):
        assert "birth_date" in personal_data_kinds(text), text
