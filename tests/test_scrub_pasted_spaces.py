"""Text pasted from a word processor or a web page (issue 16, a data-protection reader): a phone
or an identity number with a no-break, narrow or thin space, or an en dash, between its groups
was stored as typed. The scrubber looks at those characters as a plain space or hyphen, one for
one, and keeps every other character of the text as it was; the case log's last gate does too."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bti_cli.cli.app import app
from bti_cli.privacy.guard import personal_data_kinds
from bti_cli.privacy.scrubber import scrub

SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007"]


@pytest.mark.parametrize("space", SPACES)
def test_a_phone_and_an_identity_number_with_a_pasted_space_go(space):
    # 010115 50076: fictitious, with valid check digits
    text = f"Mor ringte fra 912{space}34{space}567, fnr 010115{space}50076."
    assert scrub(text, lang="nb").text == "Mor ringte fra [TELEFON], fnr [FØDSELSNUMMER]."
    assert set(personal_data_kinds(text)) == {"phone", "national_id"}


def test_an_en_dash_between_the_groups_of_a_phone():
    assert scrub("Tlf 912–34–567 i dag.", lang="nb").text == "Tlf [TELEFON] i dag."


def test_the_rest_of_the_text_keeps_its_characters():
    text = "Møte 12.\u00a0mars kl.\u00a010 – Kari\u00a0Nordmann kom."
    out = scrub(text, lang="nb").text
    assert out == "Møte 12.\u00a0mars kl.\u00a010 – [NAVN] kom."


def test_through_the_command():
    result = CliRunner().invoke(app, ["scrub"], input="Ring 412\u202f34\u202f567 eller 912\u00a034\u00a0567.\n")
    assert result.exit_code == 0
    assert result.output == "Ring [TELEFON] eller [TELEFON].\n"


def test_a_walkthrough_answer_with_a_pasted_phone_is_stored_scrubbed(tmp_path, monkeypatch):
    from pathlib import Path

    cases = tmp_path / "cases"
    monkeypatch.setenv("BTI_CASES_DIR", str(cases))
    monkeypatch.setenv("BTI_CONFIG", str(tmp_path / "config.toml"))
    example = Path(__file__).resolve().parents[1] / "examples" / "answers" / "level1.toml"
    text = example.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.startswith("observations")]
    answers = tmp_path / "a.toml"
    answers.write_text(text.replace(lines[0], 'observations = "Mor ringte fra 912\u00a034\u00a0567."'),
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["start", "--no-input", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    stored = "".join(p.read_text(encoding="utf-8") for p in cases.rglob("BTI-*.toml"))
    assert "[TELEFON]" in stored
    assert "567" not in stored.replace("\u00a0", " ").split("Mor ringte fra", 1)[1][:40]
