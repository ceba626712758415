"""A name written with a space after each letter ("K a r i", "N o r d m a n n"), which a careless
user may type to get past a filter, is replaced when its letters make a listed given name or
surname that is no ordinary word; a trailing one-letter word stays ("O l a i dag" is Ola and «i»).
Letters that make a word, or no name, stay ("i n n", "a b c", "J A"). All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eleven heter K a r i og går i 3B.", "Eleven heter [NAVN] og går i 3B."),
        ("K a r i  N o r d m a n n ringte.", "[NAVN]  [NAVN] ringte."),
        ("Snakket med O l a i dag.", "Snakket med [NAVN] i dag."),
        ("Mor (K a r i) ringte.", "Mor ([NAVN]) ringte."),
        ("Hilsen k a r i", "Hilsen [NAVN]"),
    ],
)
def test_a_spaced_out_name_is_found(text, expected, vocab):
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gå i n n nå.",
        "Svar a b c eller d.",
        "Skriv J A eller N E I.",
        "Punkt a, b og c er gjort.",
        "Han sa i å e, og lo.",
        "Svar j a eller n e i.",  # two letters are no run: a name needs three («O l a»)
    ],
)
def test_spaced_letters_that_are_no_name_stay(text, vocab):
    assert out(text, vocab) == text


def test_the_command_finds_it():
    result = CliRunner().invoke(app, ["scrub", "-m", "loten"], input="Eleven heter K a r i.\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Eleven heter [NAVN].")
