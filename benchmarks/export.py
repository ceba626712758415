#!/usr/bin/env python3
"""Time `bti export --format jsonl` on a cases folder: cold (the index removed, so the export
rebuilds it from every case file first) and warm (the index up to date).

    python benchmarks/cases.py --cases 5000 --out /tmp/bti-5k
    python benchmarks/export.py --cases-dir /tmp/bti-5k [--runs 5] [--json]

Each run is a fresh `bti` process (start-up included); the output goes to a file that is
checked afterwards (one line per case file, each case once). Peak memory is the child's
`ru_maxrss` from `os.wait4`, which covers the worker processes of a parallel rebuild too.
Medians of `--runs` runs are reported (cold runs delete the index before each run), with the
median CPU time (user + system, workers included) from the same `wait4`.
Targets (issue 4, 2-core machine): 5,000 cases warm ≤ 1.5 s, cold ≤ 20 s; 100,000 cases warm
≤ 3 s, cold ≤ 60 s; peak memory ≤ 300 MiB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INDEX_FILES = ("index.sqlite", "index.sqlite-wal", "index.sqlite-shm", "index.sqlite-journal")


def bti_command(explicit: str | None) -> list[str]:
    if explicit:
        return [explicit]
    found = shutil.which("bti", path=str(Path(sys.executable).parent)) or shutil.which("bti")
    return [found] if found else [sys.executable, "-m", "bti_cli"]


def drop_index(cases_dir: Path) -> None:
    for name in INDEX_FILES:
        with contextlib.suppress(FileNotFoundError):
            (cases_dir / name).unlink()


def run_once(command: list[str], cases_dir: Path, out: Path) -> tuple[float, int, int, float]:
    """(seconds, peak RSS in KiB, exit code, CPU seconds) of one export into `out`; the CPU
    time (user + system, the worker processes included) depends far less on what else the
    machine is running than the wall-clock time does."""
    env = {**os.environ, "BTI_CASES_DIR": str(cases_dir), "NO_COLOR": "1"}
    with open(out, "wb") as handle:
        started = time.perf_counter()
        proc = subprocess.Popen([*command, "export", "--format", "jsonl"], stdout=handle,
                                stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 5):
        sys.exit(f"bti export failed ({proc.returncode}): {stderr.strip()}")
    return seconds, usage.ru_maxrss, proc.returncode, usage.ru_utime + usage.ru_stime


def check_output(out: Path, expected: int) -> int:
    seen: set[str] = set()
    with open(out, encoding="utf-8") as handle:
        for line in handle:
            case_id = json.loads(line)["case_id"]
            if case_id in seen:
                sys.exit(f"case {case_id} exported twice")
            seen.add(case_id)
    if len(seen) != expected:
        print(f"warning: {len(seen)} cases exported, {expected} case files in the folder", file=sys.stderr)
    return len(seen)


def count_case_files(cases_dir: Path) -> int:
    from bti_cli.caselog.log import iter_case_files

    return sum(1 for _ in iter_case_files(cases_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases-dir", type=Path, required=True, help="A folder of case files.")
    parser.add_argument("--runs", type=int, default=5, help="Runs of each kind (default 5).")
    parser.add_argument("--cold-runs", type=int, default=None, help="Cold runs (default: --runs).")
    parser.add_argument("--bti", default=None, help="The bti executable (default: the one next to python).")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args(argv)
    cases_dir = args.cases_dir
    if not cases_dir.is_dir():
        parser.error(f"{cases_dir} is not a folder")
    command = bti_command(args.bti)
    files = count_case_files(cases_dir)
    results: dict[str, list] = {"cold": [], "warm": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "export.jsonl"
        for _ in range(args.cold_runs if args.cold_runs is not None else args.runs):
            drop_index(cases_dir)
            results["cold"].append(run_once(command, cases_dir, out))
            exported = check_output(out, files)
        for _ in range(args.runs):
            results["warm"].append(run_once(command, cases_dir, out))
            exported = check_output(out, files)
    summary = {
        "cases_dir": str(cases_dir),
        "case_files": files,
        "exported": exported,
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "command": " ".join([*command, "export", "--format", "jsonl"]),
    }
    for kind, runs in results.items():
        if not runs:
            continue
        seconds = [r[0] for r in runs]
        summary[kind] = {
            "runs": len(runs),
            "median_s": round(statistics.median(seconds), 3),
            "min_s": round(min(seconds), 3),
            "max_s": round(max(seconds), 3),
            "peak_rss_mib": round(max(r[1] for r in runs) / 1024, 1),
            "median_cpu_s": round(statistics.median(r[3] for r in runs), 3),
            "exit_codes": sorted({r[2] for r in runs}),
        }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{files} case files, {exported} exported; {summary['cpus']} CPUs; {summary['command']}")
        for kind in ("cold", "warm"):
            if kind in summary:
                s = summary[kind]
                print(f"{kind:>4}: median {s['median_s']:.2f} s (min {s['min_s']:.2f}, max {s['max_s']:.2f}, "
                      f"{s['runs']} runs), CPU median {s['median_cpu_s']:.2f} s, "
                      f"peak memory {s['peak_rss_mib']:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
