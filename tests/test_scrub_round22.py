"""Round 22 of the scrubber, from the readers' list of what still went through: a birth date after
its cue written year first with dots or slashes («Født 2019.03.15» left «.03.15») or month first
(«DOB: 03/15/2019»), a birth month with a short year («født i mars -19»), the day an age is
reached («blir 8 år 15. mars»); and what must stay: a meeting or a version written year first, an
age reached in a year or next week. All dates are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 03/15/2019, gutt i 2. klasse.", "DOB: [FØDSELSDATO], gutt i 2. klasse."),
        ("Født 2019.03.15, bor med mor.", "Født [FØDSELSDATO], bor med mor."),
        ("Født 2019/03/15.", "Født [FØDSELSDATO]."),
        ("Sofie Andersen, 2016.11.30, 3. klasse", "[NAVN], [FØDSELSDATO], 3. klasse"),
        ("Barnet er født i mars -19.", "Barnet er født i [FØDSELSDATO]."),
        ("Han blir 8 år 15. mars.", "Han blir 8 år [FØDSELSDATO]."),
        ("Hun blir 8 år den 3.4. og vil ha selskap.", "Hun blir 8 år den [FØDSELSDATO] og vil ha selskap."),
        ("She turns 8 on 15 March.", "She turns 8 on [FØDSELSDATO]."),
    ],
)
def test_birth_dates_of_round_22_go(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Møte 2026.12.15 kl 10.",
        "Neste møte 03/15/2027.",
        "Versjon 2019.03.15 av planen.",
        "Sofie Andersen, 2026.11.30, 3. klasse".replace("Sofie Andersen", "Eleven"),
        "Hun ble 7 år i går.",
        "Tiltaket ble 2 år i 2024.",
        "Han blir 12 år neste uke.",
        "Det ble 15 år siden 2010.",
        "Møtet ble flyttet til 15. mars.",
    ],
)
def test_dates_of_round_22_that_are_no_birth_stay(text, vocab):
    assert out(text, vocab) == text


def test_bti_scrub_takes_a_birth_date_written_year_first():
    result = CliRunner().invoke(app, ["scrub"], input="Født 2019.03.15. Han blir 8 år 15. mars.\n")
    assert result.exit_code == 0, result.output
    assert "2019" not in result.stdout and "03.15" not in result.stdout and "15. mars" not in result.stdout


def test_the_case_log_gate_refuses_the_same_birth_dates(tmp_path):
    from bti_cli.privacy.guard import personal_data_kinds

    for text in ("Født 2019.03.15", "DOB: 03/15/2019", "Han blir 8 år 15. mars"):
        assert "birth_date" in personal_data_kinds(text), text
