"""The `--no-input` replay echoes each answer: control characters in an answers file (ESC
sequences that clear the screen or colour it, OSC titles, bidirectional overrides) are never
written to the terminal, in free texts as in every other line, and the stored text is the one shown."""

from __future__ import annotations

import json

from walk_answers import CASE_RE, FIXTURE, LEVEL0_SHARED

TEXT = LEVEL0_SHARED.replace(
    'observations = "Strever med lesing."', 'observations = "Strever \\u001b]0;HACKED\\u0007med lesing."'
) + """
[l0-decide]
decision = "level:1"
family_text = "Vi \\u001b]2;TITLE\\u001b\\\\snakker \\u202esammen."
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser \\u001b[2J\\u001b[31mbedre."
[l1-plan]
measures = []
baton_holder = "kontaktlaerer"
evaluation_date = "today+30"
[l1-views]
child_view = "Vil øve."
guardians_view = "Enige."
"""


def test_the_replay_writes_no_control_characters(cli, cases_dir, tmp_path):
    answers = tmp_path / "esc.toml"
    answers.write_text(TEXT, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in result.stdout and bad not in result.stderr
    assert "> Strever med lesing." in result.stdout
    assert "> Leser bedre." in result.stdout
    case = CASE_RE.search(result.stdout).group(0)
    shown = json.loads(cli("cases", "show", case, "--format", "json").stdout)
    goals = [e["value"] for e in shown["events"] if e.get("question") == "goals"]
    assert goals == ["Leser bedre."]


# a carriage return sends the cursor back: what follows it overwrites (hides) the start of the
# line; zero-width and other format characters hide a text's real form (issue 16, D3)
CR_TEXT = LEVEL0_SHARED.replace(
    'observations = "Strever med lesing."',
    'observations = "HEMMELIG\\rStrever\\u200b med\\u2060 lesing.\\r\\nOgså\\ufeff i\\u00ad regning.\\u2028Slutt."',
) + """
[l0-decide]
decision = "level:1"
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser\\u200c bedre."
[l1-plan]
measures = []
baton_holder = "kontaktlaerer"
evaluation_date = "today+30"
[l1-views]
child_view = "Vil øve."
guardians_view = "Enige."
"""
INVISIBLE = ("\r", "\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u2028")


def _observations(cli, case: str) -> list:
    shown = json.loads(cli("cases", "show", case, "--format", "json").stdout)
    return [e["value"] for e in shown["events"] if e.get("question") == "observations"]


def test_a_carriage_return_is_stored_as_a_newline_and_format_characters_are_removed(cli, cases_dir, tmp_path):
    answers = tmp_path / "cr.toml"
    answers.write_text(CR_TEXT, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    for bad in INVISIBLE:
        assert bad not in result.stdout and bad not in result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    assert _observations(cli, case) == ["HEMMELIG\nStrever med lesing.\nOgså i regning.\nSlutt."]
    raw = next(cases_dir.rglob(f"{case}*.toml")).read_text(encoding="utf-8")
    for bad in INVISIBLE:
        assert bad not in raw


def test_a_carriage_return_in_an_older_case_file_is_shown_escaped(cli, cases_dir, tmp_path, monkeypatch):
    """A case file written before the rule (or by another tool) may hold them: every rendering
    shows them as visible escapes, so no part of a stored answer is hidden."""
    from bti_cli.privacy import guard

    answers = tmp_path / "cr.toml"
    answers.write_text(CR_TEXT, encoding="utf-8")
    with monkeypatch.context() as old:  # the writer as it was before the rule
        old.setattr(guard, "strip_controls_in", lambda value: value)
        old.setattr(guard, "guard_event", lambda step, *values: None)
        result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    assert "\r" in _observations(cli, case)[0]  # the file holds it
    for args in (("--format", "md"), ("--format", "table"), ("--plain",)):
        shown = cli("cases", "show", case, *args)
        assert shown.exit_code == 0, shown.stderr
        for bad in INVISIBLE:
            assert bad not in shown.stdout, (args, repr(bad))
        assert "HEMMELIG\\rStrever" in shown.stdout.replace("\n", "").replace(" ", ""), args
    raw_json = cli("cases", "show", case, "--format", "json").stdout
    for bad in INVISIBLE:  # JSON escapes them (\r, \u200b): the same value for a program
        assert bad not in raw_json, repr(bad)
    assert "\\u200b" in raw_json


def test_json_output_escapes_what_json_dumps_leaves_raw():
    import json

    from bti_cli.privacy.controls import escape_controls_json

    value = {"text": "a\u200bb\x9b[31m\x7f\u202e\U000e0041 ø æ\n", "n": [1, 2]}
    shown = escape_controls_json(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(shown) == value
    assert shown.isascii() is False and all(c not in shown for c in "\u200b\x9b\x7f\u202e\U000e0041")
    assert "ø æ" in shown and "\n  " in shown  # letters and the layout stay


def test_the_family_summary_of_an_older_case_file_shows_control_characters_escaped(cli, cases_dir, tmp_path,
                                                                                  monkeypatch):
    from bti_cli.privacy import guard

    answers = tmp_path / "esc.toml"
    answers.write_text(TEXT.replace('snakker \\u202esammen."', 'snakker\\r\\u200b sammen."'), encoding="utf-8")
    with monkeypatch.context() as old:  # the writer as it was before the rule
        old.setattr(guard, "strip_controls_in", lambda value: value)
        old.setattr(guard, "guard_event", lambda step, *values: None)
        result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    for args in (("--format", "md"), ()):
        shown = cli("cases", "show", case, "--for", "guardians", *args)
        assert shown.exit_code == 0, shown.stderr
        for bad in ("\x1b", "\x07", *INVISIBLE):
            assert bad not in shown.stdout, (args, repr(bad))
    assert "snakker\\r\\u200b sammen" in cli("cases", "show", case, "--for", "guardians", "--format", "md").stdout


def test_a_zero_width_space_inside_a_name_or_a_number_does_not_hide_it_from_the_scrubber(cli, cases_dir,
                                                                                         tmp_path):
    answers = tmp_path / "zw.toml"
    answers.write_text(CR_TEXT.replace(
        "HEMMELIG\\r", "Mor Ka\\u200bri Nordmann\\u2060 sier det, ring 912\\u200b34\\u200b567.\\r"), encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    case = CASE_RE.search(result.stdout).group(0)
    stored = _observations(cli, case)[0]
    assert stored.startswith("Mor [NAVN] sier det, ring [TELEFON].\nStrever"), stored
