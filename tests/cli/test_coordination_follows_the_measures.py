"""A level-3 measure that is the coordination itself (the individual plan, a responsibility group, a
coordinator: `coordinates` in the municipality file) and the answer to that coordination's question
cannot contradict each other: choosing «Individuell plan (IP)» and then answering no to "Will an
individual plan be made?" is refused with what to do, and the question's default is yes. A measure
of two («Koordinator/barnekoordinator») is refused only when both are answered no."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "answers" / "level3.toml").read_text(encoding="utf-8")
MEASURES = 'measures = ["ungteam-loten", "oppfolgingstjenesten"]'


def answers(tmp_path: Path, measures: list[str], **coordination: bool | None) -> Path:
    assert MEASURES in EXAMPLE
    text = EXAMPLE.replace(MEASURES, "measures = [" + ", ".join(f'"{m}"' for m in measures) + "]")
    for key, value in coordination.items():
        line = next(x for x in text.splitlines() if x.startswith(f"{key} = "))
        text = text.replace(line + "\n", "" if value is None else f"{key} = {str(value).lower()}\n")
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path


def start(cli, path: Path):
    return cli("start", "--no-input", "--answers", str(path), "--lang", "en")


def test_the_individual_plan_chosen_and_then_answered_no_is_refused(cli, cases_dir, tmp_path):
    result = start(cli, answers(tmp_path, ["ungteam-loten", "individuell-plan"], individual_plan=False))
    assert result.exit_code == 1
    assert "l3-coordination.individual_plan" in result.stderr
    assert ("You chose the measure “Individuell plan (IP)”: answer yes, or take the measure out first. "
            "Take it out of “measures” in the answers file.") in result.stderr


def test_without_the_measure_no_is_an_answer(cli, cases_dir, tmp_path):
    result = start(cli, answers(tmp_path, ["ungteam-loten"], individual_plan=False))
    assert result.exit_code == 0, result.stderr


def test_the_question_left_out_takes_yes_when_the_measure_was_chosen(cli, cases_dir, tmp_path):
    result = start(cli, answers(tmp_path, ["ungteam-loten", "individuell-plan"], individual_plan=None))
    assert result.exit_code == 0, result.stderr
    assert "Will an individual plan be made? > yes" in result.stdout


@pytest.mark.parametrize(("statutory", "child", "refused"), [
    (False, False, True),   # the measure is both: neither answered yes
    (False, True, False),
    (True, False, False),
])
def test_a_measure_of_two_coordinations_needs_one_of_them(cli, cases_dir, tmp_path, statutory, child, refused):
    path = answers(tmp_path, ["ungteam-loten", "koordinator-barnekoordinator"],
                   statutory_coordinator=statutory, child_coordinator=child)
    result = start(cli, path)
    if refused:
        assert result.exit_code == 1
        assert "l3-coordination.child_coordinator" in result.stderr
        assert "“Koordinator/barnekoordinator”" in result.stderr
    else:
        assert result.exit_code == 0, result.stderr


def test_coordinates_needs_a_coordination_measure(tmp_path):
    from pydantic import ValidationError

    from bti_cli.catalogue.models import Measure

    base = {"id": "x", "name": "X", "description": "X.", "tiers": ["indicated"], "service": "s",
            "audience": ["child"], "areas": ["learning"], "status": "active",
            "source": {"file": "plan.txt", "section": "1"}}
    Measure.model_validate({**base, "coordination": True, "coordinates": ["individual_plan"]})
    with pytest.raises(ValidationError, match="coordinates"):
        Measure.model_validate({**base, "coordinates": ["individual_plan"]})
    with pytest.raises(ValidationError):
        Measure.model_validate({**base, "coordination": True, "coordinates": ["a_plan"]})
