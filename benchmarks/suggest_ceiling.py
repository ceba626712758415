"""How far re-weighting what the ranking already knows could take must-recall@5.

`bti suggest` gives every measure a score and the reasons behind it as codes (``tier:selective``,
``area-fit:specific``, ``own-service``, ``age:any`` …). This script asks whether a different
weighting of those same signals would put more of the scenarios' must-haves into the top 5. It
fits a linear ranking model to the labels, a pairwise logistic regression (each must-have against
each other measure among the first 20 of its scenario), on these features of a suggestion:

- each reason code, alone and paired with the case's level and with its subject (so a weight may
  differ between level 1 and level 3, or between a pregnancy and a young person);
- the tool's own score and its rank (so the model starts from today's ranking and only corrects it).

It prints must-recall@5 pooled over every must-have of the tuning sets (not the held-out set, which
no tuning reads), for:

- today's ranking;
- the model fitted to all the sets and measured on them (a ceiling: it has seen the answers);
- the model fitted to all the sets but one and measured on the one left out, for each set in turn
  (what a re-weighting would give on scenarios it was not fitted to).

A must-have that the fitted model still cannot bring into the top 5 is one whose codes look like
those of the measures above it: what would decide it is in the scenario's story, not in the inputs
the tool is given (level, age, subject, concern areas, work arena, consent). Not part of CI; pure
Python, about a minute.

    python benchmarks/suggest_ceiling.py [--epochs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import suggest_quality as quality  # noqa: E402

TUNING_SETS = (
    "suggest_scenarios", "suggest_scenarios_extra", *(f"suggest_scenarios_blind{n}" for n in range(3, 12)),
)
TOP_OTHERS = 20  # the other measures a must-have is compared with: those near the top matter


def _features(rows: list[dict[str, Any]], scenario: dict[str, Any]) -> list[tuple[list[str], float, float]]:
    level, subject = scenario["level"], scenario["subject"]
    out = []
    for rank, row in enumerate(rows):
        codes = [c for c in row["reason_codes"] if c != "status:active"]
        names = [*codes, *(f"L{level}|{c}" for c in codes), *(f"S:{subject}|{c}" for c in codes)]
        out.append((names, row["score"] / 50.0, math.log1p(rank)))
    return out


def _pairs(cases: list[dict[str, Any]]) -> list[tuple[list[str], list[str], float, float]]:
    pairs = []
    for case in cases:
        ids = case["ids"]
        must = set(case["must"])
        others = [j for j, mid in enumerate(ids[:TOP_OTHERS]) if mid not in must]
        for i, mid in enumerate(ids):
            if mid not in must:
                continue
            for j in others:
                a, b = case["feats"][i], case["feats"][j]
                pairs.append((a[0], b[0], a[1] - b[1], a[2] - b[2]))
    return pairs


def fit(cases: list[dict[str, Any]], epochs: int, seed: int = 1) -> dict[str, float]:
    """Stochastic gradient descent on the pairwise logistic loss, with a small L2 penalty."""
    weights: dict[str, float] = {"#score": 1.0, "#rank": 0.0}
    pairs = _pairs(cases)
    rng = random.Random(seed)
    l2, step = 1e-4, 0.1
    for epoch in range(epochs):
        rng.shuffle(pairs)
        rate = step / (1 + epoch)
        for good, bad, d_score, d_rank in pairs:
            z = weights["#score"] * d_score + weights["#rank"] * d_rank
            z += sum(weights.get(f, 0.0) for f in good) - sum(weights.get(f, 0.0) for f in bad)
            g = 1.0 / (1.0 + math.exp(min(30.0, z)))  # the loss's slope: large while the pair is wrong
            if g < 1e-4:
                continue
            weights["#score"] += rate * (g * d_score - l2 * weights["#score"])
            weights["#rank"] += rate * (g * d_rank - l2 * weights["#rank"])
            for f in good:
                weights[f] = weights.get(f, 0.0) + rate * g
            for f in bad:
                weights[f] = weights.get(f, 0.0) - rate * g
    return weights


def must_at_5(cases: list[dict[str, Any]], weights: dict[str, float] | None) -> tuple[int, int]:
    found = total = 0
    for case in cases:
        if weights is None:
            top = case["ids"][:5]
        else:
            scored = [
                (weights["#score"] * s + weights["#rank"] * r + sum(weights.get(f, 0.0) for f in names), -j)
                for j, (names, s, r) in enumerate(case["feats"])
            ]
            order = sorted(range(len(scored)), key=lambda j: scored[j], reverse=True)
            top = [case["ids"][j] for j in order[:5]]
        found += sum(1 for m in case["must"] if m in top)
        total += len(case["must"])
    return found, total


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for name in TUNING_SETS:
        with open(HERE.parent / "tests" / f"{name}.toml", "rb") as fh:
            scenarios = tomllib.load(fh)["scenario"]
        results, _ = quality.run(scenarios)
        for r in results:
            rows = r.measure_rows
            cases.append({
                "set": name, "ids": [row["id"] for row in rows],
                "must": [m["id"] for m in r.scenario.get("must", [])], "feats": _features(rows, r.scenario),
            })
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=8, help="passes over the pairs (default 8)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("BTI_CACHE_DIR", tempfile.mkdtemp(prefix="bti-bench-"))
    os.environ.setdefault("BTI_CONFIG", os.path.join(os.environ["BTI_CACHE_DIR"], "config.toml"))
    cases = load_cases()
    today = must_at_5(cases, None)
    fitted = must_at_5(cases, fit(cases, args.epochs))
    left_out = [0, 0]
    per_set = {}
    for name in TUNING_SETS:
        train = [c for c in cases if c["set"] != name]
        test = [c for c in cases if c["set"] == name]
        f, t = must_at_5(test, fit(train, args.epochs))
        per_set[name] = round(f / t, 3)
        left_out[0] += f
        left_out[1] += t
    figures = {
        "must_haves": today[1],
        "today": round(today[0] / today[1], 3),
        "fitted_in_sample": round(fitted[0] / fitted[1], 3),
        "fitted_leave_one_set_out": round(left_out[0] / left_out[1], 3),
        "leave_one_set_out_per_set": per_set,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"must-haves over {len(TUNING_SETS)} tuning sets: {today[1]}")
        print(f"must-recall@5, today's ranking:                 {figures['today']}")
        print(f"  re-weighted, fitted to the labels (a ceiling): {figures['fitted_in_sample']}")
        print(f"  re-weighted, each set left out of the fit:     {figures['fitted_leave_one_set_out']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
