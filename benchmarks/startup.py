#!/usr/bin/env python3
"""Start-up time of `bti` against the bare interpreter, median of several runs.

    python benchmarks/startup.py [--runs 15] [--bti PATH]

Prints the median wall time of `python -c pass`, `bti --help` and
`bti measures list -m loten --format json`, and each command's ratio to the bare
interpreter. Target (issue 2): at most 8x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def median_seconds(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--bti", default=None, help="the bti executable (default: beside this python)")
    parser.add_argument("--target", type=float, default=8.0)
    args = parser.parse_args()

    bti = args.bti or str(Path(sys.executable).with_name("bti"))
    if not Path(bti).exists():
        bti = shutil.which("bti") or bti
    env = dict(os.environ, BTI_CASES_DIR=os.devnull + "-none", NO_COLOR="1")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "bti --help": [bti, "--help"],
        "bti measures list -m loten --format json": [bti, "measures", "list", "-m", "loten", "--format", "json"],
    }
    for cmd in commands.values():  # warm the file cache and .pyc files
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    results = {name: median_seconds(cmd, args.runs, env) for name, cmd in commands.items()}
    base = results["python -c pass"]
    worst = 0.0
    print(f"{'command':45} {'median ms':>10} {'ratio':>7}")
    for name, seconds in results.items():
        ratio = seconds / base
        worst = max(worst, ratio)
        print(f"{name:45} {seconds * 1000:10.1f} {ratio:7.1f}x")
    print(f"runs={args.runs}  worst ratio {worst:.1f}x  target <= {args.target:.0f}x")
    return 0 if worst <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
