#!/usr/bin/env python3
"""Time `bti report --year YYYY` on a cases folder (the index up to date) and measure its memory.

    python benchmarks/cases.py --cases 5000 --out /tmp/bti-5k --years 1 --today 2026-11-23 --index
    python benchmarks/report.py --cases-dir /tmp/bti-5k --year 2026 [--runs 5] [--json]

Each run is a fresh `bti` process (start-up included) writing the HTML page to a file, which is
checked afterwards (a whole page with its charts). Peak memory is the child's `ru_maxrss` from
`os.wait4`. Medians of `--runs` runs are reported. Target (issue 15, 2-core machine): 5,000 cases
of one year in under 5 s, peak memory under 300 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def bti_command() -> list[str]:
    found = shutil.which("bti", path=str(Path(sys.executable).parent)) or shutil.which("bti")
    return [found] if found else [sys.executable, "-m", "bti_cli"]


def run_once(args: list[str]) -> tuple[float, int, int]:
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases-dir", type=Path, required=True)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--municipality", default="loten")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    cases = sum(1 for p in args.cases_dir.iterdir() if p.name.endswith(".toml"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        command = [*bti_command(), "report", "--year", str(args.year), "-m", args.municipality,
                   "--cases-dir", str(args.cases_dir), "--out", str(out), "--as-of", f"{args.year}-12-31"]
        subprocess.run([*bti_command(), "cases", "reindex", "--cases-dir", str(args.cases_dir)],
                       check=True, capture_output=True)  # the index up to date: this measures the report
        times, peaks = [], []
        for _ in range(args.runs):
            seconds, peak_kib, code = run_once(command)
            if code != 0:
                print(f"bti report failed with exit code {code}", file=sys.stderr)
                return 1
            text = out.read_text(encoding="utf-8")
            if not text.rstrip().endswith("</html>") or text.count("<svg") < 3:
                print("the page is incomplete", file=sys.stderr)
                return 1
            times.append(seconds)
            peaks.append(peak_kib / 1024)
        size = out.stat().st_size
    result = {"case_files": cases, "year": args.year, "runs": args.runs,
              "median_seconds": round(statistics.median(times), 3),
              "median_peak_mib": round(statistics.median(peaks), 1), "page_bytes": size}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"bti report --year {args.year} over {cases} case files: median {result['median_seconds']} s, "
              f"peak memory {result['median_peak_mib']} MiB (median of {args.runs}), page {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
