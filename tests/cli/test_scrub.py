"""`bti scrub`: text in, scrubbed text out; --report, --show, --format, -m/--data/--lang."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURE = Path(__file__).parent.parent / "fixtures" / "scrub_catalogue.toml"
NOTE = (
    "Mor Kari Nordmann ringte fra 412 34 567.\n"
    "\n"
    "Fnr 15108695088. Hun bor i Storgata 3, 2340 Løten.\n"
    "   \n"
    "Saken drøftes i BUT; Marte Meo veiledning er tilbudt.\n"
)
ORIGINALS = ("Kari", "Nordmann", "412 34 567", "15108695088", "Storgata 3")


def test_scrub_file_keeps_lines(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    result = cli("scrub", str(path), "--data", str(FIXTURE))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Mor [NAVN] ringte fra [TELEFON].\n"
        "\n"
        "Fnr [FØDSELSNUMMER]. Hun bor i [ADRESSE].\n"
        "   \n"
        "Saken drøftes i BUT; Marte Meo veiledning er tilbudt.\n"
    )


def test_scrub_stdin_and_no_trailing_newline(cli):
    result = cli("scrub", "--data", str(FIXTURE), input="Emma gråt.\r\n\r\nFar ringte 41234567")
    assert result.exit_code == 0
    # (click's Result.stdout folds CRLF; the bytes show what was written)
    assert result.stdout_bytes == "[NAVN] gråt.\r\n\r\nFar ringte [TELEFON]".encode()


def test_scrub_dash_reads_stdin(cli):
    result = cli("scrub", "-", "--data", str(FIXTURE), input="Zyrafa kom.\n")
    assert result.stdout == "[NAVN] kom.\n"


def test_lang_sets_placeholders(cli):
    for lang, mark in (("nn", "[NAMN]"), ("en", "[NAME]")):
        result = cli("scrub", "--lang", lang, "--data", str(FIXTURE), input="Mor Kari ringte.\n")
        assert result.stdout == f"Mor {mark} ringte.\n"


def test_report_never_shows_originals(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    for fmt in ("table", "json", "jsonl", "csv", "md"):
        result = cli("scrub", str(path), "--report", "--format", fmt, "--data", str(FIXTURE))
        assert result.exit_code == 0, (fmt, result.stderr)
        for original in ORIGINALS:
            assert original not in result.stdout + result.stderr, (fmt, original)
    table = cli("scrub", str(path), "--report", "-f", "table", "--data", str(FIXTURE)).stdout
    assert "1:5" in table and "[TELEFON]" in table and "3:5" in table


def test_report_json_rows(cli):
    result = cli("scrub", "--report", "--format", "json", "--data", str(FIXTURE), input=NOTE)
    rows = json.loads(result.stdout)
    assert [(r["kind"], r["line"], r["column"]) for r in rows] == [
        ("name", 1, 5),
        ("phone", 1, 30),
        ("national_id", 3, 5),
        ("address", 3, 28),
    ]
    assert set(rows[0]) == {"line", "column", "start", "end", "kind", "placeholder", "reason"}


def test_show_adds_originals(cli):
    result = cli("scrub", "--show", "--format", "json", "--data", str(FIXTURE), input=NOTE)
    rows = json.loads(result.stdout)
    assert [r["original"] for r in rows] == ["Kari Nordmann", "412 34 567", "15108695088", "Storgata 3, 2340 Løten"]
    table = cli("scrub", "--show", "-f", "table", "--data", str(FIXTURE), input=NOTE)
    assert "Kari Nordmann" in table.stdout and "--show" in table.stderr


def test_text_as_json(cli):
    result = cli("scrub", "--format", "json", "--data", str(FIXTURE), input="Emma gråt.\n")
    payload = json.loads(result.stdout)
    assert payload["text"] == "[NAVN] gråt.\n"
    assert payload["replacements"][0]["kind"] == "name" and "original" not in payload["replacements"][0]


def test_nothing_to_replace(cli):
    result = cli("scrub", "--report", "-f", "table", "--data", str(FIXTURE), input="Saken drøftes i BUT.\n")
    assert result.exit_code == 0 and result.stdout == ""
    assert "ingen" in result.stderr.lower()


def test_catalogue_words_survive_with_data(cli):
    text = "Tilbud: Knøttetreff Fjordly.\n"
    assert cli("scrub", "--data", str(FIXTURE), input=text).stdout == text


def test_common_options_after_the_command(cli):
    result = cli("scrub", "-m", "loten", "--lang", "en", input="Mor Kari ringte.\n")
    assert result.exit_code == 0 and result.stdout == "Mor [NAME] ringte.\n"


def test_bad_format_is_a_usage_error(cli):
    result = cli("scrub", "--format", "csv", "--data", str(FIXTURE), input="x")
    assert result.exit_code == 2
    result = cli("scrub", "--report", "--format", "text", "--data", str(FIXTURE), input="x")
    assert result.exit_code == 2


def test_missing_file_and_bad_encoding(cli, tmp_path):
    result = cli("scrub", str(tmp_path / "nope.txt"), "--data", str(FIXTURE))
    assert result.exit_code == 1 and "nope.txt" in result.stderr
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kari bor på Ørje".encode("latin-1"))
    result = cli("scrub", str(latin), "--data", str(FIXTURE))
    assert result.exit_code == 1 and "UTF-8" in result.stderr and "Kari" not in result.stderr
    result = cli("scrub", str(tmp_path), "--data", str(FIXTURE))
    assert result.exit_code == 1


def test_help_texts(cli):
    result = cli("scrub", "--help")
    assert result.exit_code == 0
    for option in ("--report", "--show", "--format", "--municipality", "--data", "--lang"):
        assert option in result.stdout
    assert "scrub" in cli("--help").stdout
