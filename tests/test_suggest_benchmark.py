"""The labelled benchmark's scenarios (tests/suggest_scenarios.toml, and the second, smaller set in
tests/suggest_scenarios_extra.toml, the held-out tests/suggest_scenarios_heldout.toml and the
blind-written tests/suggest_scenarios_blind3.toml to _blind11.toml) as
behaviour, not as a figure:
no top 5 holds a clearly wrong measure (another subject, an age outside the measure's range, staff
or system work, another municipality's id), and every scenario gets at least five measures when
its catalogue has five that can apply. The figures themselves are printed by
benchmarks/suggest_quality.py, which is not part of the test line."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=[
    "suggest_scenarios.toml", "suggest_scenarios_extra.toml", "suggest_scenarios_heldout.toml",
    "suggest_scenarios_blind3.toml", "suggest_scenarios_blind4.toml", "suggest_scenarios_blind5.toml",
    "suggest_scenarios_blind6.toml", "suggest_scenarios_blind7.toml", "suggest_scenarios_blind8.toml",
    "suggest_scenarios_blind9.toml", "suggest_scenarios_blind10.toml", "suggest_scenarios_blind11.toml"])
def results(request):
    spec = importlib.util.spec_from_file_location("suggest_quality", ROOT / "benchmarks" / "suggest_quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    with open(ROOT / "tests" / request.param, "rb") as fh:
        scenarios = tomllib.load(fh)["scenario"]
    least = {"suggest_scenarios.toml": 60, "suggest_scenarios_heldout.toml": 30, "suggest_scenarios_blind3.toml": 36,
             "suggest_scenarios_blind4.toml": 36, "suggest_scenarios_blind5.toml": 36,
             "suggest_scenarios_blind6.toml": 45, "suggest_scenarios_blind7.toml": 36,
             "suggest_scenarios_blind8.toml": 36, "suggest_scenarios_blind9.toml": 36,
             "suggest_scenarios_blind10.toml": 36, "suggest_scenarios_blind11.toml": 36}
    assert len(scenarios) >= least.get(request.param, 15)
    found, caps = module.run(scenarios)
    assert caps == {"subject": True, "unborn": True}  # the scenarios run with their subject and unborn
    return found


def test_no_clearly_wrong_measure_in_any_top_5(results):
    wrong = [(r.scenario["id"], mid, why) for r in results for mid, why in r.wrong]
    assert wrong == []


def test_enough_to_choose_from(results):
    short = [r.scenario["id"] for r in results if len(r.measures) < 5]
    assert short == []


def test_a_group_is_never_the_first_baton_holder(results):
    groups = {
        (slug, c["id"])
        for slug in {r.scenario["municipality"] for r in results}
        for c in tomllib.loads((ROOT / "data" / f"{slug}.toml").read_text("utf-8")).get("coordinators", [])
        if c.get("person") is False
    }
    assert not [r.scenario["id"] for r in results
                if r.coordinators and (r.scenario["municipality"], r.coordinators[0]) in groups]
