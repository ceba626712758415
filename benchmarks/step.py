#!/usr/bin/env python3
"""Time of one answered walkthrough step: answer → next prompt, the durable write included.

    python benchmarks/step.py [--sessions 20] [--answers examples/answers/level1.toml] [--dir PATH]

Runs whole `bti start` sessions in-process (the shipped Løten catalogue, the shipped process)
with a prompter that answers from an answers file at once and records the time from the moment
an answer is handed back to the moment the next prompt is asked for. In between: answer
parsing, scrubbing of free text, the case-log append (lock, re-read, hash, temp file + fsync +
os.replace + fsync of the folder, index update), the replay of the events by the engine and the
building of the next prompt (texts, ranked suggestions). Prints the median, p90 and maximum.
Target: median ≤ 15 ms.

The cases folder defaults to a temporary folder on the same file system as the user's data
(fsync cost depends on the disk); pass `--dir` to measure elsewhere.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class TimingPrompter:
    """Wraps a ScriptedPrompter: times answer → next ask."""

    interactive = False

    def __init__(self, inner, samples: list[float]) -> None:
        self.inner = inner
        self.samples = samples
        self.answered_at: float | None = None

    def ask(self, spec):
        now = time.perf_counter()
        if self.answered_at is not None:
            self.samples.append(now - self.answered_at)
        value = self.inner.ask(spec)
        self.answered_at = time.perf_counter()
        return value

    def review(self, spec, scrubbed, replaced):
        return None

    def show(self, text, *, style=None):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--answers", type=Path, default=ROOT / "examples" / "answers" / "level1.toml")
    parser.add_argument("--dir", type=Path, default=None, help="cases folder (default: a temporary folder)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from bti_cli.catalogue import loader as catalogue
    from bti_cli.walkthrough import process

    loaded = catalogue.load("loten")
    proc = process.load_for(loaded)
    base = args.dir
    if base is None:
        from bti_cli.paths import default_cases_dir

        parent = default_cases_dir().parent
        parent.mkdir(parents=True, exist_ok=True)
        base = Path(tempfile.mkdtemp(prefix="bti-bench-", dir=parent))
    try:
        return _run(args, loaded, proc, base)
    finally:
        if args.dir is None:
            import shutil

            shutil.rmtree(base, ignore_errors=True)


def _run(args, loaded, proc, base: Path) -> int:
    from bti_cli.walkthrough.prompts import ScriptedPrompter
    from bti_cli.walkthrough.session import Session, known_ids

    samples: list[float] = []
    started = time.perf_counter()
    for _ in range(args.sessions):
        inner = ScriptedPrompter.from_file(args.answers)
        inner.check(known_ids(proc))
        prompter = TimingPrompter(inner, samples)
        session = Session(loaded=loaded, proc=proc, prompter=prompter, cases_dir=base / "cases")
        session.run()
        # the last answer of a session is followed by the closing summary, not a prompt:
        # time it up to the end of run() as well
        if prompter.answered_at is not None:
            samples.append(time.perf_counter() - prompter.answered_at)
    total = time.perf_counter() - started
    samples.sort()
    ms = [s * 1000 for s in samples]
    p90 = ms[int(len(ms) * 0.9) - 1]
    print(f"steps: {len(ms)} in {args.sessions} sessions ({total:.1f} s), cases folder on {base.parent}")
    print(f"answer → next prompt: median {statistics.median(ms):.2f} ms, p90 {p90:.2f} ms, max {max(ms):.2f} ms")
    print("target: median ≤ 15 ms:", "met" if statistics.median(ms) <= 15 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
