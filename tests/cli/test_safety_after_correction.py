"""The safety rule holds after a correction (BTI.md, cross-cutting rules: suspected violence or
abuse, barnevern first, the guardians not first). `bti cases edit` used to record a new text that
names violence, «Vold og overgrep» as an area or the concern scale 4, and the family summary went
on as before. Now a correction that calls for a follow-up of the safety question asks it, one
that opens the gate is the gate, and the family gets no summary while a safety question is open
(also a draft saved before the safety question). Texts are fictitious."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEVEL1 = ROOT / "examples" / "answers" / "level1.toml"
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")
VIOLENT = "Barnet sier at far slår henne hjemme."
CALM = "Barnet sier at hun er lei seg i friminuttene."
NOTIFIED = ('[notify]\nbarnevern_informed = true\nnotified_date = "today"\npolice_informed = false\n'
            'words_written = true\ndecision = "close"\n[close]\nclosing_reason = "barnevern"\n'
            'closing_note = "Barnevernet er varslet og følger opp."\n')


def _start(cli) -> str:
    result = cli("start", "--answers", str(LEVEL1), "--no-input", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


def _answers(tmp_path: Path, text: str) -> str:
    path = tmp_path / "edit.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _events(cases_dir: Path) -> list[dict]:
    (path,) = sorted(cases_dir.glob("BTI-*.toml"))
    return tomllib.loads(path.read_text(encoding="utf-8"))["events"]


def _family(cli, case_id: str):
    return cli("cases", "show", case_id, "--for", "guardians", "--lang", "en")


def test_a_text_corrected_to_name_violence_asks_the_safety_follow_up_and_goes_to_the_gate(cli, cases_dir, tmp_path):
    case_id = _start(cli)
    answers = _answers(tmp_path, f'[l0-concrete]\nobservations = "{VIOLENT}"\nviolence_words = "suspected"\n'
                       + NOTIFIED)
    result = cli("cases", "edit", case_id, "l0-concrete.observations", "--answers", answers, "--no-input",
                 "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Notify barnevern now" in result.stdout
    asked = [(e["kind"], e["question"], e.get("value")) for e in _events(cases_dir)
             if e.get("question") == "violence_words"]
    assert asked == [("answer", "violence_words", "suspected")]
    refused = _family(cli, case_id)
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "went through the safety track" in refused.stderr


def test_an_open_follow_up_stops_the_family_summary_until_it_is_answered(cli, cases_dir, tmp_path):
    case_id = _start(cli)
    assert _family(cli, case_id).exit_code == 0
    edit = cli("cases", "edit", case_id, "l0-concrete.observations", "--no-input", "--lang", "en",
               "--answers", _answers(tmp_path, f'[l0-concrete]\nobservations = "{VIOLENT}"\n'))
    assert edit.exit_code != 0
    assert "l0-concrete.violence_words" in edit.stderr  # the question the file must answer
    refused = _family(cli, case_id)
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "safety question that is not answered" in refused.stderr and "bti resume" in refused.stderr
    # answered at resume: not against the child (the child hits others) – the summary may be made
    resumed = cli("resume", case_id, "--no-input", "--lang", "en", "--answers",
                  _answers(tmp_path, '[l0-concrete]\nviolence_words = "not-against-the-child"\n'))
    assert resumed.exit_code == 0, resumed.stderr
    assert _family(cli, case_id).exit_code == 0


def test_violence_chosen_as_an_area_afterwards_asks_what_it_is_about(cli, cases_dir, tmp_path):
    case_id = _start(cli)
    answers = _answers(tmp_path, '[l0-concern]\nareas = ["learning", "violence-abuse"]\n'
                                 '[safety]\nviolence_area = "not-against-the-child"\n')
    result = cli("cases", "edit", case_id, "l0-concern.areas", "--answers", answers, "--no-input", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "You chose “Violence and abuse”, but answered no" in result.stdout
    summary = _family(cli, case_id)
    assert summary.exit_code == 0, summary.stderr
    assert "violence" not in summary.stdout.lower()  # the staff's word for it never reaches the family


def test_the_concern_scale_corrected_to_four_is_the_safety_gate(cli, cases_dir, tmp_path):
    case_id = _start(cli)
    answers = _answers(tmp_path, '[l0-concrete]\nscale = 4\n' + NOTIFIED)
    result = cli("cases", "edit", case_id, "l0-concrete.scale", "--answers", answers, "--no-input", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Concern scale 4: barnevern (and the police) must be informed." in result.stdout
    danger = [e.get("value") for e in _events(cases_dir) if e.get("question") == "danger"]
    assert danger == [False, True]  # the answer of the walk stays; the gate is a new answer
    assert _family(cli, case_id).exit_code == 1


@pytest.mark.parametrize("text, opens", [(CALM, False), (VIOLENT, True)])
def test_only_a_text_that_names_violence_calls_for_the_follow_up(cli, cases_dir, tmp_path, text, opens):
    case_id = _start(cli)
    result = cli("cases", "edit", case_id, "l0-concrete.child_said", "--no-input", "--lang", "en",
                 "--answers", _answers(tmp_path, f'[l0-concrete]\nchild_said = "{text}"\n'))
    assert (result.exit_code != 0) is opens, result.stderr
    assert (_family(cli, case_id).exit_code == 1) is opens


def test_a_draft_saved_before_the_safety_question_gives_no_family_summary(cli, cases_dir, tmp_path):
    text = LEVEL1.read_text(encoding="utf-8")
    draft = _answers(tmp_path, text[: text.index("[safety]")])
    started = cli("start", "--answers", draft, "--no-input", "--lang", "en")
    assert started.exit_code != 0
    case_id = CASE_RE.search(started.stdout + started.stderr).group(0)
    refused = _family(cli, case_id)
    assert refused.exit_code == 1 and "safety question that is not answered" in refused.stderr


def test_an_exclamation_mark_while_changing_an_answer_opens_the_gate(cli, cases_dir):
    case_id = _start(cli)
    result = cli("cases", "edit", case_id, "l0-concern.age", "--lang", "en", input="!\n")
    assert "You are now on the safety track." in result.stdout
    assert "Notify barnevern now" in result.stdout
    assert [e.get("value") for e in _events(cases_dir) if e.get("question") == "danger"] == [False, True]
    assert _family(cli, case_id).exit_code == 1
