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
