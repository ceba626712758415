#!/usr/bin/env python3
"""Time of one durable case-log append, median of many runs.

    python benchmarks/append.py [--events 50] [--runs 200] [--dir PATH] [--no-index]

Builds a synthetic case with `--events` events (answers of the usual shapes: text, numbers,
lists, measure tables), then times `CaseLog.append` on it: lock, re-read and compare, hash,
render, temp file + fsync + os.replace + fsync of the folder. Each run appends to a fresh copy
of the same case, so the case size stays at `--events`. Also times `CaseLog.open` (parse, model
validation, hash chain and layout check) and `verify_file`.

The folder defaults to a temporary folder on the same file system as the user's cases
(fsync cost depends on the disk); pass `--dir` to measure elsewhere.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def synthetic_case(cases_dir: Path, events: int):
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.create(cases_dir, municipality="loten", catalogue_version="0123456789abcdef",
                         process_version="fedcba9876543210")
    shapes = [
        ("concern", "answer", "observations", "Barnet trekker seg unna i lek og virker slitent om morgenen."),
        ("concern", "answer", "age", 7),
        ("concern", "answer", "areas", ["language", "play", "mental-health"]),
        ("plan", "answer", "measures", {"m-12": ["service:school", "tier:selective"], "m-3": ["tier:universal"]}),
        ("decide", "decision", None, "level:1"),
    ]
    for i in range(events):
        step, kind, question, value = shapes[i % len(shapes)]
        log.append(level=min(i // 15, 3), step=step, kind=kind, question=question, value=value,
                   actor_role="contact-teacher")
    return log


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=50, help="events in the case before each append")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=None, help="folder to work in (default: a temp folder)")
    parser.add_argument("--no-index", action="store_true",
                        help="skip the index update after each write (time the case log alone)")
    args = parser.parse_args()

    import contextlib

    from bti_cli.caselog import index

    with index.suspended() if args.no_index else contextlib.nullcontext():
        return run(args)


def run(args) -> int:
    from bti_cli.caselog.journal import JOURNAL_NAME
    from bti_cli.caselog.log import CaseLog, verify_file

    base = Path(tempfile.mkdtemp(prefix="bti-bench-", dir=args.dir))
    try:
        template = synthetic_case(base / "template", args.events)
        raw = template.path.read_bytes()
        # the checkpoint journal as it stands for those events: put back with the file before each
        # run (else the case, cut back to its events, reads as "events removed from its end")
        journal = (template.cases_dir / JOURNAL_NAME).read_bytes()
        case_id = template.case_id
        work = base / "cases"
        work.mkdir(mode=0o700)
        path = work / f"{case_id}.toml"

        append_times, open_times, verify_times = [], [], []
        for _ in range(args.runs):
            path.write_bytes(raw)
            path.chmod(0o600)
            (work / JOURNAL_NAME).write_bytes(journal)
            start = time.perf_counter()
            log = CaseLog.open(work, case_id)
            open_times.append(time.perf_counter() - start)

            start = time.perf_counter()
            log.append(level=1, step="plan", kind="answer", question="goals",
                       value="Bedre trivsel i friminutt; mer deltakelse i lek.", actor_role="contact-teacher")
            append_times.append(time.perf_counter() - start)

            start = time.perf_counter()
            result = verify_file(path)
            verify_times.append(time.perf_counter() - start)
            assert result.ok, result.problems

        where = "without" if args.no_index else "with"
        print(f"case with {args.events} events ({len(raw)} bytes), {args.runs} runs, {where} the index update")
        print(f"append (durable, fsync)  median {median_ms(append_times):6.2f} ms   "
              f"p90 {sorted(append_times)[int(len(append_times) * 0.9)] * 1000:6.2f} ms")
        print(f"open (parse + verify)    median {median_ms(open_times):6.2f} ms")
        print(f"verify_file              median {median_ms(verify_times):6.2f} ms")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
