"""An unknown step or question in an answers file is named by its place, never as written
(issue 16, D5): a key is free text, and a surname in lower case ("kari nordmann", "nordmann",
"kari.nordmann") is not one the scrubber can judge without its context."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "answers"
LEVEL1 = (EXAMPLES / "level1.toml").read_text(encoding="utf-8")


def _run(cli, tmp_path, text: str, *args: str):
    answers = tmp_path / "svar.toml"
    answers.write_text(text, encoding="utf-8")
    return cli("start", "--no-input", "--answers", str(answers), *args)


@pytest.mark.parametrize("key", ['"kari nordmann"', '"nordmann"', '"kari.nordmann"', '"kari-nordmann"', "nordmann",
                                 '"Kari Nordmann"', '"ola_nordmann"'])
def test_an_unknown_question_is_named_by_its_place_in_the_table(cli, tmp_path, key):
    text = LEVEL1.replace('arena = "school"', f'arena = "school"\n{key} = 3', 1)
    result = _run(cli, tmp_path, text)
    assert result.exit_code == 1
    said = result.stdout + result.stderr
    assert "nordmann" not in said.lower() and "kari" not in said.lower()
    # the key is the third of [l0-concern]; the step and its known questions are named
    assert "ukjent spørsmål: nøkkel nr. 3 i [l0-concern] (kjente spørsmål der: age, areas, arena," in said


def test_several_unknown_questions_and_steps_each_by_place_with_a_close_id_offered(cli, tmp_path):
    data = tomllib.loads(LEVEL1)
    keys = list(data)
    text = LEVEL1.replace('arena = "school"', 'arena = "school"\n"kari nordmann" = 3\narean = "x"', 1)
    text += '\n["kari nordmann"]\nx = 1\n\n[l0-concret]\nx = 1\n'
    result = _run(cli, tmp_path, text, "--lang", "nn")
    assert result.exit_code == 1
    said = result.stderr
    assert "kari" not in said.lower() and "nordmann" not in said.lower()
    assert "ukjend spørsmål: nøkkel nr. 3, 4 (meinte du areas eller arena?) i [l0-concern]" in said
    assert f"ukjend steg: tabell nr. {len(keys) + 1} i fila;" in said
    assert f"ukjend steg: tabell nr. {len(keys) + 2} i fila (meinte du l0-concrete?)" in said


def test_an_unknown_step_alone_in_english(cli, tmp_path):
    result = _run(cli, tmp_path, '["Kari Nordmann 41234567"]\nnordmann = 1\n' + LEVEL1, "--lang", "en")
    assert result.exit_code == 1
    assert "unknown step: table no. 1 in the file." in result.stderr
    assert "kari" not in result.stderr.lower() and "41234567" not in result.stderr


def test_an_unknown_key_of_a_consent_table_is_named_by_its_place(cli, tmp_path):
    text = (EXAMPLES / "level3.toml").read_text(encoding="utf-8").replace(
        "consent = { given = true, by", 'consent = { "kari nordmann" = 1, givn = true, given = true, by')
    result = _run(cli, tmp_path, text)
    assert result.exit_code == 1
    assert "ukjent nøkkel nr. 1, 2 (mente du given?) i tabellen (kjente: given, by, services, until)" in result.stderr
    assert "kari" not in result.stderr.lower() and "nordmann" not in result.stderr.lower()


def test_a_measure_not_chosen_in_the_owners_table_is_named_by_its_place(cli, tmp_path):
    text = LEVEL1.replace(
        'evaluation_date = "today+42"',
        'evaluation_date = "today+42"\nmeasure_owners = { kartlegging-og-identifisering-barneskole = '
        '{ owner = "ppt", date = "today+7" }, kari-nordmann = { owner = "ppt" }, '
        'foreldresamarbeid-barneskol = { owner = "ppt" } }')
    result = _run(cli, tmp_path, text)
    assert result.exit_code == 1
    assert ("tiltak som ikke er valgt i dette steget: nøkkel nr. 2, 3 (mente du foreldresamarbeid-barneskole?) "
            "i tabellen") in result.stderr
    assert "kari" not in result.stderr.lower() and "nordmann" not in result.stderr.lower()


def test_a_known_file_still_runs(cli, tmp_path):
    assert _run(cli, tmp_path, LEVEL1).exit_code == 0
