"""benchmarks/suggest_ceiling.py: the re-weighting it fits must find a signal that is there, and
cannot find one that is not, or its ceiling says nothing. Synthetic cases, no catalogue."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _module():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("suggest_ceiling", ROOT / "benchmarks" / "suggest_ceiling.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _case(name: str, must_codes: list[str], must_at: int = 7, n: int = 8) -> dict:
    """Eight measures scored in rank order, the must-have at rank `must_at` with `must_codes`."""
    rows = [{"id": f"m{j}", "score": 80 - j, "reason_codes": ["tier:selective"]} for j in range(n)]
    rows[must_at] = {"id": "must", "score": 80 - must_at, "reason_codes": must_codes}
    scenario = {"level": 2, "subject": "child"}
    ceiling = _module()
    return {"set": name, "ids": [r["id"] for r in rows], "must": ["must"], "feats": ceiling._features(rows, scenario)}


def test_a_code_that_marks_the_must_haves_is_learnt():
    ceiling = _module()
    cases = [_case(f"s{k}", ["tier:selective", "area:learning"]) for k in range(6)]
    assert ceiling.must_at_5(cases, None) == (0, 6)
    assert ceiling.must_at_5(cases, ceiling.fit(cases, epochs=8)) == (6, 6)


def test_nothing_to_tell_them_apart_gives_no_gain():
    """The must-have looks like every other measure, at each rank once: no weighting finds more
    than any order does, five of eight."""
    ceiling = _module()
    cases = [_case(f"s{k}", ["tier:selective"], must_at=k) for k in range(8)]
    assert ceiling.must_at_5(cases, None) == (5, 8)
    assert ceiling.must_at_5(cases, ceiling.fit(cases, epochs=8)) == (5, 8)
