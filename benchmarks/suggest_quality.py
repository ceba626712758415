"""Quality of `bti suggest` on the labelled scenarios in tests/suggest_scenarios.toml.

Each scenario was written as a BTI coordinator would meet the case, judged from the catalogue and
the seeds before the ranking's output was looked at: the relevant measures, 1–3 must-haves with a
reason each, the acceptable first baton holders and the acceptable arenas. This script runs the
real command (`bti suggest --format json`, in-process) for every scenario and prints:

- precision@5, normalised by the size of the relevant set: |top 5 ∩ relevant| / min(5, |relevant|)
- must-recall@5 and @10: the share of must-have measures found in the top 5 / top 10
- baton@1: the first baton holder is an acceptable one
- arena@3: one of the first three arenas is an acceptable one
- clearly wrong measures in a top 5: another municipality's id, an age outside the measure's
  range (for a pregnant woman of a given age, a pregnancy measure's range is the unborn child's,
  not hers), a subject the measure does not serve, or staff/system work offered as help
- scenarios that got fewer than five measures
- must-haves never offered at all (left out by a rule: staff or system work, another age …), the
  ceiling of must-recall; `-v` names them

The measures' purpose, audience and ages used to judge "clearly wrong" are read from this
checkout's `data/`, whichever bti the Python running the script imports (so an older version
can be measured against the same judgement: run this file with that version's Python).

A third set, tests/suggest_scenarios_heldout.toml (30 scenarios), was written by someone who saw
neither the ranking nor its output, and no ranking or data change is tuned on it: it is only
measured (`--file tests/suggest_scenarios_heldout.toml`, without `-v`), to see whether a change
that helps the other sets generalises. A scenario in it is never edited.

    python benchmarks/suggest_quality.py [--file TOML] [--verbose] [--json] [--municipality SLUG] [--level N]

Exits 1 when a target is missed (normalised precision@5 ≥ 0.8, must-recall@5 ≥ 0.9,
baton@1 ≥ 0.9, no clearly wrong measure in any top 5). Not part of CI: it reports a figure, and a
figure is tuned to behaviour, not the other way round.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

SCENARIOS = ROOT / "tests" / "suggest_scenarios.toml"
TARGETS = {"precision_at_5": 0.8, "must_recall_at_5": 0.9, "baton_at_1": 0.9}
# whom a subject may be served by: a measure whose audience has none of these is for someone else
SUBJECT_AUDIENCES = {
    "pregnant": {"pregnant", "family", "guardians"},
    "child": {"infant", "child", "family", "guardians"},
    "youth": {"youth", "child", "family", "guardians"},
    "family": {"family", "guardians", "infant", "child", "youth", "pregnant"},
}


@dataclass
class Result:
    scenario: dict[str, Any]
    measures: list[str]
    coordinators: list[str]
    arenas: list[str]
    wrong: list[tuple[str, str]] = field(default_factory=list)
    # each measure's score and reason codes, in rank order (read by benchmarks/suggest_ceiling.py)
    measure_rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision_at_5(self) -> float | None:
        relevant = set(self.scenario.get("relevant", []))
        if not relevant:
            return None
        return len(set(self.measures[:5]) & relevant) / min(5, len(relevant))

    def must_found(self, k: int) -> tuple[int, int]:
        must = [m["id"] for m in self.scenario.get("must", [])]
        return sum(1 for m in must if m in self.measures[:k]), len(must)

    @property
    def baton_at_1(self) -> bool | None:
        ok = self.scenario.get("baton_ok") or []
        if not ok:
            return None
        return bool(self.coordinators) and self.coordinators[0] in ok

    @property
    def arena_at_3(self) -> bool | None:
        ok = self.scenario.get("arenas_ok") or []
        if not ok:
            return None
        return any(a in ok for a in self.arenas[:3])


def _supports(runner, app, option: str) -> bool:
    result = runner.invoke(app, ["suggest", "--help"], env={"COLUMNS": "200"})
    return option in result.output


def _catalogue(slug: str) -> dict[str, Any]:
    with open(ROOT / "data" / f"{slug}.toml", "rb") as fh:
        return tomllib.load(fh)


def _clearly_wrong(measure: dict[str, Any] | None, scenario: dict[str, Any]) -> str | None:
    """Why a suggested measure is clearly wrong for the scenario, or None."""
    if measure is None:
        return "not in this municipality's catalogue"
    purpose = measure.get("purpose", "direct")
    audience = set(measure.get("audience") or [])
    # guidance to the staff in one case (the catalogue's `case_guidance`, «knyttet til enkeltsak») is
    # help in this case, not staff training or system work
    if purpose != "direct" or (audience == {"staff"} and not measure.get("case_guidance")):
        return f"{purpose if purpose != 'direct' else 'staff'} measure, not help for a child or family"
    age = scenario["age"]
    lo, hi = measure.get("age_min"), measure.get("age_max")
    if age == "unborn":
        if "pregnant" not in audience and lo is not None:
            return "for children already born"
    elif scenario["subject"] == "pregnant" and "pregnant" in audience:
        pass  # her own age; a pregnancy measure's range is the child's, 0 while unborn (the age_note)
    elif (lo is not None and age < lo) or (hi is not None and age > hi):
        return f"age {age} outside {lo}–{hi}"
    young_mother = scenario["subject"] == "pregnant" and age != "unborn" and "youth" in audience
    if audience and not audience & SUBJECT_AUDIENCES[scenario["subject"]] and not young_mother \
            and not measure.get("case_guidance"):
        return f"serves {', '.join(sorted(audience))}, not a {scenario['subject']} case"
    return None


def run(scenarios: list[dict[str, Any]]) -> tuple[list[Result], dict[str, bool]]:
    from typer.testing import CliRunner

    from bti_cli.cli.app import app

    runner = CliRunner()
    caps = {"subject": _supports(runner, app, "--subject"), "unborn": False}
    if caps["subject"]:
        probe = runner.invoke(app, ["suggest", "--age", "unborn", "--format", "json", "-k", "measure"])
        caps["unborn"] = probe.exit_code == 0
    catalogues: dict[str, dict[str, dict[str, Any]]] = {}
    results = []
    for sc in scenarios:
        slug = sc["municipality"]
        if slug not in catalogues:
            catalogues[slug] = {m["id"]: m for m in _catalogue(slug).get("measures", [])}
        args = ["suggest", "-m", slug, "--level", str(sc["level"]), "--format", "json", "--lang", "en"]
        age = sc["age"]
        if age == "unborn":
            args += ["--age", "unborn" if caps["unborn"] else "0"]
        else:
            args += ["--age", str(min(age, 23)) if not caps["unborn"] else str(age)]
        if caps["subject"]:
            args += ["--subject", sc["subject"]]
        for area in sc["areas"]:
            args += ["--area", area]
        args += ["--arena", sc["arena"]]
        if not sc.get("consent", True):
            args.append("--anonymous")
        res = runner.invoke(app, args)
        if res.exit_code != 0:
            raise SystemExit(f"{sc['id']}: bti suggest exited {res.exit_code}: {res.output[-400:]}")
        rows = json.loads(res.stdout) if res.stdout.strip() else []
        by_kind: dict[str, list[str]] = {"measure": [], "coordinator": [], "arena": []}
        for row in rows:
            by_kind.setdefault(row["kind"], []).append(row["id"])
        r = Result(sc, by_kind["measure"], by_kind["coordinator"], by_kind["arena"],
                   measure_rows=[row for row in rows if row["kind"] == "measure"])
        for mid in r.measures[:5]:
            why = _clearly_wrong(catalogues[slug].get(mid), sc)
            if why:
                r.wrong.append((mid, why))
        results.append(r)
    return results, caps


def summary(results: list[Result]) -> dict[str, Any]:
    p5 = [r.precision_at_5 for r in results if r.precision_at_5 is not None]
    m5 = [r.must_found(5) for r in results]
    m10 = [r.must_found(10) for r in results]
    baton = [r.baton_at_1 for r in results if r.baton_at_1 is not None]
    arena = [r.arena_at_3 for r in results if r.arena_at_3 is not None]
    total_must = sum(n for _, n in m5) or 1
    return {
        "scenarios": len(results),
        "precision_at_5": round(mean(p5), 3) if p5 else None,
        "must_recall_at_5": round(sum(f for f, _ in m5) / total_must, 3),
        "must_recall_at_10": round(sum(f for f, _ in m10) / total_must, 3),
        "baton_at_1": round(sum(baton) / len(baton), 3) if baton else None,
        "arena_at_3": round(sum(arena) / len(arena), 3) if arena else None,
        "clearly_wrong_in_top5": sum(len(r.wrong) for r in results),
        "fewer_than_5_measures": sum(1 for r in results if len(r.measures) < 5),
        "must_never_offered": sum(1 for r in results for m in r.scenario.get("must", []) if m["id"] not in r.measures),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", "--scenarios", dest="scenarios", type=Path, default=SCENARIOS,
                        help="a scenarios TOML file (default tests/suggest_scenarios.toml; "
                        "tests/suggest_scenarios_extra.toml is the second, smaller set)")
    parser.add_argument("--municipality", "-m")
    parser.add_argument("--level", type=int)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("BTI_CACHE_DIR", tempfile.mkdtemp(prefix="bti-bench-"))
    os.environ.setdefault("BTI_CONFIG", os.path.join(os.environ["BTI_CACHE_DIR"], "config.toml"))
    with open(args.scenarios, "rb") as fh:
        scenarios = tomllib.load(fh)["scenario"]
    if args.municipality:
        scenarios = [s for s in scenarios if s["municipality"] == args.municipality]
    if args.level is not None:
        scenarios = [s for s in scenarios if s["level"] == args.level]
    results, caps = run(scenarios)
    figures = summary(results)
    groups = {}
    for key in ("municipality", "level"):
        for value in sorted({str(r.scenario[key]) for r in results}):
            groups[f"{key}={value}"] = summary([r for r in results if str(r.scenario[key]) == value])
    if args.json:
        print(json.dumps({"all": figures, "groups": groups, "capabilities": caps}, indent=2))
    else:
        if not caps["subject"]:
            print("note: this bti has no --subject; scenarios run without it (and unborn as age 0)")
        names = list(figures)
        print(f"{'':22}" + "".join(f"{n[:12]:>13}" for n in names[1:]))
        for label, figs in [("all", figures), *groups.items()]:
            print(f"{label:22}" + "".join(f"{'' if figs[n] is None else figs[n]:>13}" for n in names[1:]))
    if args.verbose:
        for r in results:
            sc = r.scenario
            misses = [m["id"] for m in sc.get("must", []) if m["id"] not in r.measures[:5]]
            if misses or r.wrong or r.baton_at_1 is False or r.arena_at_3 is False:
                print(f"\n{sc['id']} (level {sc['level']}, {sc['subject']} {sc['age']}, {sc['arena']}, "
                      f"{', '.join(sc['areas'])})")
                print(f"  top 5: {', '.join(r.measures[:5]) or '-'}")
                for m in misses:
                    print(f"  must-have not in top 5: {m}" + ("" if m in r.measures else " (never offered)"))
                for mid, why in r.wrong:
                    print(f"  clearly wrong: {mid} ({why})")
                if r.baton_at_1 is False:
                    print(f"  baton: {r.coordinators[:1] or '-'} not in {sc['baton_ok']}")
                if r.arena_at_3 is False:
                    print(f"  arenas: {r.arenas[:3] or '-'} none in {sc['arenas_ok']}")
    missed = [k for k, v in TARGETS.items() if figures[k] is not None and figures[k] < v]
    return 1 if missed or figures["clearly_wrong_in_top5"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
