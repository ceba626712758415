#!/usr/bin/env python3
"""Write N synthetic, valid BTI cases into a cases folder, for the export benchmarks.

    python benchmarks/cases.py --cases 5000 --out /tmp/bti-cases [--municipality loten]
        [--seed 1] [--workers 2] [--years 2] [--today 2026-11-23] [--index]

Each case is a random but plausible walkthrough: the process engine (`bti_cli.walkthrough.process`) says
what comes next, exactly as in `bti start`, and the generator answers like an employee would:
an arena and a role, whom the concern is about and an age that fit the arena (kindergarten
1–5, school 6–15, health station 0–5 or a pregnancy, NAV 16–23 …), one to three concern areas,
a concern scale, a decision within (mostly) the 14-day deadline — close, level 1, 2 or 3, or
a notification to barnevern, sometimes through the safety gate — then measures of the municipality's catalogue suited to
the level, a baton holder for the level and arena, consent for level 2 and 3, evaluation
dates, evaluations that close the case, continue it or move it up or down a level, handovers;
cases opened recently are still open, some with an evaluation overdue. Free text is short
and fictitious (no names, numbers or addresses).

The files are written by the library's own case writer: `CaseLog.create` claims the random
case id and writes the header; the events are built as `CaseLog.append` builds them
(validated `Event` models chained with `caselog.event_hash`) and written once per case with
`caselog.render` under the case's lock (one durable write per case instead of one per event,
so that 100,000 cases take minutes, not hours). Every file passes `bti cases verify`.

The index is not updated while writing (the first `bti export` builds it: the "cold" run of
`benchmarks/export.py`); pass `--index` to build it at the end instead.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ARENA_WEIGHTS = {
    "school": 34, "kindergarten": 24, "health-station": 14, "school-health": 10, "leisure": 4,
    "nav": 3, "child-welfare": 3, "ppt": 3, "mental-health": 3, "other": 2,
}
ROLES = {
    "school": ["kontaktlærer", "rektor", "miljøarbeider"],
    "kindergarten": ["pedagogisk leder", "barnehagelærer", "styrer"],
    "health-station": ["helsesykepleier", "jordmor"],
    "school-health": ["helsesykepleier"],
    "leisure": ["fritidsleder", "SLT-koordinator"],
    "nav": ["veileder i NAV"],
    "child-welfare": ["saksbehandler i barnevernet"],
    "ppt": ["rådgiver i PPT"],
    "mental-health": ["behandler"],
    "other": ["fagarbeider"],
}
TEXTS = (
    "Virker sliten og trekker seg unna i lek.",
    "Kommer ofte for sent og uten matpakke.",
    "Store humørsvingninger siste uker.",
    "Utrygg i overganger; gråter ved levering.",
    "Fravær fra skolen flere dager i måneden.",
    "Vansker med språk og samspill med andre barn.",
    "Sier lite; ønsker mer ro hjemme.",
    "Foresatte ønsker hjelp og støtte.",
    "Tiltakene virker; god utvikling.",
    "Fortsatt bekymring; trenger mer hjelp.",
)
SUBJECTS = {"child": 62, "youth": 22, "family": 10, "pregnant": 6}
# who the concern is about, by work arena (arenas not listed use SUBJECTS)
ARENA_SUBJECTS = {
    "kindergarten": {"child": 85, "family": 15},
    "school": {"child": 70, "youth": 18, "family": 12},
    "health-station": {"child": 62, "family": 14, "pregnant": 24},
    "school-health": {"child": 35, "youth": 55, "family": 10},
    "leisure": {"child": 40, "youth": 50, "family": 10},
    "nav": {"youth": 88, "family": 12},
}
# ages (whole years, both ends included) that fit the arena, and the subject
ARENA_AGES = {
    "kindergarten": (1, 5), "school": (6, 15), "health-station": (0, 5), "school-health": (6, 19),
    "nav": (16, 23), "leisure": (6, 18), "child-welfare": (0, 17), "ppt": (1, 19),
    "mental-health": (3, 18), "other": (0, 23),
}
SUBJECT_AGES = {"child": (0, 12), "youth": (13, 23), "family": (0, 17)}
SCALE_WEIGHTS = {1: 22, 2: 36, 3: 34, 4: 8}
LEVEL0_DECISION = {"close": 30, "level:1": 40, "level:2": 16, "level:3": 6, "notify": 8}
EVALUATION_DECISION = {"close": 42, "continue": 30, "up": 18, "down": 10}
MAX_EVENTS = 160


def _weighted(rng: random.Random, weights: dict) -> Any:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _age(rng: random.Random, arena: Any, subject: Any, question: Any = None) -> int:
    """An age that fits the work arena and the subject (the arena wins when they disagree)."""
    lo, hi = ARENA_AGES.get(arena, (0, 23))
    s_lo, s_hi = SUBJECT_AGES.get(subject, (0, 23))
    if max(lo, s_lo) <= min(hi, s_hi):
        lo, hi = max(lo, s_lo), min(hi, s_hi)
    q_min = getattr(question, "min", None)
    q_max = getattr(question, "max", None)
    lo = max(lo, q_min) if q_min is not None else lo
    hi = min(hi, q_max) if q_max is not None else hi
    return rng.randint(lo, max(lo, hi))


class World:
    """What the generator draws from: the catalogue, the process, the vocabulary."""

    def __init__(self, municipality: str) -> None:
        from bti_cli.catalogue import loader as catalogue
        from bti_cli.walkthrough import process

        self.loaded = catalogue.load(municipality)
        self.cat = self.loaded.catalogue
        self.proc = process.load_for(self.loaded)
        vocab = catalogue.load_vocabulary()
        self.areas = list(vocab.areas)
        self.work_arenas = [a for a in ARENA_WEIGHTS if a in vocab.work_arenas] or list(vocab.work_arenas)
        self.services = [s.id for s in self.cat.services]
        self.arenas = [a.id for a in self.cat.arenas]
        self.anonymous_arenas = [a.id for a in self.cat.arenas if a.anonymous] or self.arenas
        self.measures = list(self.cat.measures)
        self.coordinators = list(self.cat.coordinators)
        self.interval = self.cat.settings.evaluation_interval_days

    def measures_for(self, rng: random.Random, level: int, age: int | None, areas: list[str]) -> dict:
        from bti_cli.caselog.state import measures_value

        wanted = {0: {"universal", "selective"}, 1: {"universal", "selective"},
                  2: {"selective", "indicated"}, 3: {"indicated", "selective"}}[level]
        fits = [
            m for m in self.measures
            if wanted.intersection(t.value for t in m.tiers)
            and (age is None or ((m.age_min is None or m.age_min <= age) and (m.age_max is None or age <= m.age_max)))
        ]
        near = [m for m in fits if set(m.areas).intersection(areas)] or fits
        if not near:
            return {}
        chosen = rng.sample(near, k=min(len(near), rng.choice((1, 1, 2, 2, 3))))
        rows = [{"id": m.id, "service": m.service, "tiers": [t.value for t in m.tiers]} for m in chosen]
        return measures_value(rows)

    def coordinator_for(self, rng: random.Random, level: int, arena: str | None) -> str:
        fits = [c for c in self.coordinators
                if level in c.levels and (not c.arenas or arena in {a.value for a in c.arenas})]
        specific = [c for c in fits if c.arenas]
        pool = specific or fits or self.coordinators
        return rng.choice(pool).id if pool else "stafettholder"


class Walk:
    """One synthetic walkthrough: answers questions as the engine asks them."""

    def __init__(self, world: World, rng: random.Random, created: datetime, today: date) -> None:
        self.w = world
        self.rng = rng
        self.today = today
        self.clock = created
        self.events: list[dict[str, Any]] = []
        self.answers: dict[str, Any] = {}
        self.concern = created.date() - timedelta(days=rng.choice((0, 0, 1, 2, 3, 5, 7)))
        # when the level-0 decision is taken, counted from the concern date
        self.decision_day = self.concern + timedelta(
            days=rng.randint(0, 14) if rng.random() < 0.86 else rng.randint(15, 35)
        )
        self.next_evaluation: date | None = None

    # ---- time

    def tick(self, minutes: int = 2) -> str:
        self.clock += timedelta(minutes=minutes, seconds=self.rng.randint(0, 59))
        return self.clock.strftime("%Y-%m-%dT%H:%M:%SZ")

    def jump_to(self, day: date) -> bool:
        """Move the clock to `day` (office hours); False when that day is still to come."""
        if day > self.today:
            return False
        if day > self.clock.date():
            self.clock = datetime(day.year, day.month, day.day, 8, self.rng.randint(0, 59), tzinfo=UTC)
            self.clock += timedelta(hours=self.rng.randint(0, 7))
        return True

    def add(self, *, level: int, step: str, kind: str, question: str | None = None, value: Any = None) -> None:
        self.events.append({
            "level": level, "step": step, "kind": kind, "question": question, "value": value,
            "actor_role": self.answers.get("role"), "at": self.tick(),
        })

    # ---- answers

    def answer(self, step, question, level: int) -> Any:
        rng, w, qid, kind = self.rng, self.w, question.id, question.kind
        if qid == "danger":
            return rng.random() < 0.03
        if qid == "concern_date":
            return self.concern.isoformat()
        if qid == "arena":
            return _weighted(rng, {a: ARENA_WEIGHTS.get(a, 1) for a in w.work_arenas})
        if qid == "role":
            return rng.choice(ROLES.get(self.answers.get("arena"), ["fagarbeider"]))
        if qid == "subject":
            return _weighted(rng, ARENA_SUBJECTS.get(self.answers.get("arena"), SUBJECTS))
        if qid == "age":
            return _age(rng, self.answers.get("arena"), self.answers.get("subject"), question)
        if qid == "areas":
            picks = rng.sample(w.areas[:12] if rng.random() < 0.8 else w.areas, k=rng.choice((1, 1, 2, 2, 3)))
            return picks
        if qid == "scale":
            return _weighted(rng, SCALE_WEIGHTS)
        if qid == "barnevern_informed":
            return True
        if qid == "handover":
            return rng.random() < 0.3
        if qid == "evaluation_date":
            day = self.clock.date() + timedelta(days=rng.randint(max(7, w.interval - 14), w.interval + 21))
            self.next_evaluation = day
            return day.isoformat()
        if qid == "meeting_date":
            return self.clock.date().isoformat()
        if kind == "date":
            return self.clock.date().isoformat()
        if kind == "yes-no":
            return rng.random() < 0.7
        if kind == "integer":
            lo = question.min if question.min is not None else 0
            hi = question.max if question.max is not None else lo + 10
            return rng.randint(lo, hi)
        if kind == "text":
            if not question.required and rng.random() < 0.4:
                return ""
            return rng.choice(TEXTS)
        if kind in ("choice", "multi-choice"):
            source = question.options_from
            if source == "work_arenas":
                values = w.work_arenas
            elif source == "areas":
                values = w.areas
            elif source == "services":
                values = w.services
            elif source == "arenas":
                values = w.anonymous_arenas if qid == "discussion_arena" else w.arenas
            else:
                values = [o.value for o in question.options]
            if kind == "choice":
                return rng.choice(values)
            return rng.sample(values, k=min(len(values), rng.choice((1, 2))))
        if kind == "measures":
            age = self.answers.get("age")
            return w.measures_for(rng, level, age if isinstance(age, int) else None, self.answers.get("areas") or [])
        if kind == "coordinator":
            return w.coordinator_for(rng, level, self.answers.get("arena"))
        if kind == "consent":
            if rng.random() < 0.12:
                return {"given": False}
            by = ["guardians"]
            age = self.answers.get("age")
            if isinstance(age, int) and age >= 15:
                by.append("youth")
            services = rng.sample(w.services, k=min(len(w.services), 1 if level == 2 else rng.randint(2, 4)))
            until = self.clock.date() + timedelta(days=rng.choice((180, 365)))
            return {"given": True, "by": by, "services": services, "until": until.isoformat()}
        return rng.choice(TEXTS)  # pragma: no cover - a kind the process does not use

    def decide(self, step, options, level: int) -> str | None:
        rng = self.rng
        targets = [d.to for d in options]
        if step.phase == "start" and level == 0:
            if not self.jump_to(self.decision_day):
                return None  # the decision is still to come: the case waits, decision due
            weights = {t: LEVEL0_DECISION.get(t, 1) for t in targets}
            return _weighted(rng, weights)
        if step.phase == "notify":
            weights = {t: (40 if t == "close" else 20 if t == "continue" else 15) for t in targets}
            return _weighted(rng, weights)
        # an evaluation's decision
        kind = _weighted(rng, EVALUATION_DECISION)
        if kind in ("close", "continue") and kind in targets:
            return kind
        ups = [t for t in targets if t.startswith("level:") and int(t[6:]) > level]
        downs = [t for t in targets if t.startswith("level:") and int(t[6:]) < level]
        pool = (ups if kind == "up" else downs) or ups or downs or targets
        return rng.choice(pool)

    def run(self) -> list[dict[str, Any]]:
        from bti_cli.walkthrough import process as engine

        proc = self.w.proc
        evaluate = False
        while len(self.events) < MAX_EVENTS:
            action = engine.next_action(proc, [_Ev(e) for e in self.events], resume=True, evaluate=evaluate)
            evaluate = False
            if isinstance(action, engine.Ask):
                value = self.answer(action.step, action.question, action.level)
                self.answers[action.question.id] = value
                self.add(level=action.level, step=action.step.id, kind="answer",
                         question=action.question.id, value=value)
            elif isinstance(action, engine.Decide):
                to = self.decide(action.step, action.options, action.level)
                if to is None:
                    break
                self.add(level=action.level, step=action.step.id, kind="decision", value=to)
            elif isinstance(action, engine.Record):
                value = action.value if action.value not in ({}, None) else None
                self.add(level=action.level, step=action.step.id, kind=action.kind, value=value)
            elif isinstance(action, engine.Done) and action.reason == "waiting":
                # wait for the evaluation date; most evaluations happen, some are overdue
                if self.next_evaluation is None or self.rng.random() < 0.12:
                    break
                day = self.next_evaluation + timedelta(days=self.rng.randint(0, 6))
                if not self.jump_to(day):
                    break
                self.next_evaluation = None
                evaluate = True
            else:  # Done("closed"), or Stop (cannot happen: barnevern is always informed)
                break
        return self.events


class _Ev:
    __slots__ = ("level", "step", "kind", "question", "value")

    def __init__(self, e: dict[str, Any]) -> None:
        self.level, self.step, self.kind, self.question, self.value = (
            e["level"], e["step"], e["kind"], e["question"], e["value"])


# --------------------------------------------------------------------------- writing


def write_case(world: World, cases_dir: Path, created: datetime, events: list[dict[str, Any]]) -> str:
    """Create the case with CaseLog and write all its events in one durable write."""
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.create(cases_dir, municipality=world.cat.municipality.slug,
                         catalogue_version=world.loaded.version_hash,
                         process_version=world.proc.version_hash, now=created)
    log.append_many(events)
    return log.case_id


def make_case(world: World, cases_dir: Path, seed: int, index: int, today: date, years: float) -> str:
    rng = random.Random(f"{seed}:{index}")
    span = max(1, int(365 * years))
    created_day = today - timedelta(days=int(span * rng.random() ** 0.9))
    created = datetime(created_day.year, created_day.month, created_day.day,
                       rng.randint(7, 15), rng.randint(0, 59), rng.randint(0, 59), tzinfo=UTC)
    events = Walk(world, rng, created, today).run()
    return write_case(world, cases_dir, created, events)


_WORLD: World | None = None


def _worker(job: tuple[str, str, int, int, int, str, float]) -> int:
    global _WORLD
    municipality, out, seed, start, stop, today, years = job
    from bti_cli.caselog import index

    if _WORLD is None:
        _WORLD = World(municipality)
    day = date.fromisoformat(today)
    with index.suspended():
        for i in range(start, stop):
            make_case(_WORLD, Path(out), seed, i, day, years)
    return stop - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, required=True, help="How many cases to write.")
    parser.add_argument("--out", type=Path, required=True, help="The cases folder (created 0700 if missing).")
    parser.add_argument("--municipality", default="loten", help="A shipped municipality (default loten).")
    parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="Processes (default: CPUs).")
    parser.add_argument("--years", type=float, default=2.0, help="Spread the cases over this many years.")
    parser.add_argument("--today", default=date.today().isoformat(), help="The generator's today (YYYY-MM-DD).")
    parser.add_argument("--index", action="store_true", help="Build the index at the end.")
    args = parser.parse_args(argv)
    if args.cases < 0:
        parser.error("--cases must be 0 or more")
    from bti_cli.caselog.log import ensure_cases_dir

    ensure_cases_dir(args.out)
    started = time.perf_counter()
    World(args.municipality)  # fail early on a bad municipality, before any worker starts
    chunk = 250
    jobs = [(args.municipality, str(args.out), args.seed, i, min(i + chunk, args.cases), args.today, args.years)
            for i in range(0, args.cases, chunk)]
    done = 0
    if args.workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            done += _worker(job)
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.workers) as pool:
            for count in pool.imap_unordered(_worker, jobs):
                done += count
                if sys.stderr.isatty():
                    print(f"\r{done}/{args.cases} cases", end="", file=sys.stderr, flush=True)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"wrote {done} cases to {args.out} in {seconds:.1f} s", file=sys.stderr)
    if args.index:
        from bti_cli.caselog.index import Index

        started = time.perf_counter()
        with Index.open(args.out) as idx:
            result = idx.refresh()
        print(f"indexed {result.files} files in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
