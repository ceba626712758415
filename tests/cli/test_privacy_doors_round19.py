"""Privacy doors, round 19 (issue 16): what a fresh-eyes reader found open (all values
fictitious).

1. An answers file's unknown value is named by its position, never by its text: an id in kebab
   case may be a name in lower case ("ola-testesen") that the scrubber cannot know.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w

ROOT = Path(__file__).resolve().parents[2]
LEVEL1 = ROOT / "examples" / "answers" / "level1.toml"


def _said(result) -> str:
    return (result.stdout or "") + (result.stderr or "")


def _answers(tmp_path: Path, **changes: dict) -> Path:
    data = tomllib.loads(LEVEL1.read_text(encoding="utf-8"))
    for step, values in changes.items():
        data.setdefault(step.replace("_", "-"), {}).update(values)
    path = tmp_path / "answers.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _start(cli, tmp_path, **changes):
    return cli("start", "--no-input", "--answers", str(_answers(tmp_path, **changes)))


# --------------------------------------------------------------------------- 1. answers file

UNKNOWN_IDS = ["ola-testesen", "storgata-12", "kartlegging-kari-nordmann", "2340"]  # 2340: a postcode


@pytest.mark.parametrize("value", UNKNOWN_IDS)
@pytest.mark.parametrize(("step", "question"), [("l1_plan", "measures"), ("l0_concern", "areas")])
def test_an_unknown_value_of_an_answers_file_is_named_by_its_position(cli, tmp_path, cases_dir, value, step,
                                                                       question):
    result = _start(cli, tmp_path, **{step: {question: [value]}})
    assert result.exit_code == 1
    assert value not in _said(result)
    assert "Element 1 passer ikke" in result.stderr
    assert not list(cases_dir.rglob("BTI-*.toml"))
