#!/usr/bin/env python3
"""Time `bti data validate` on a municipality file with many generated measures.

    python benchmarks/validate.py [--measures 20000] [--broken] [--runs 3] [--bti PATH]

Writes Løten's file with N extra measures (copies of its first measure under new ids) to a
temporary folder and times `bti data validate FILE` on it, median of `--runs`. With `--broken`
every generated measure names an area that does not exist, so validation reports N problems as
`file:line field: message` and every one of them is located in the file (exit 3): the worst case
for finding lines. Target (issue 9): 20,000 measures in under 5 s.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "loten.toml"


def first_measure(text: str) -> str:
    """The text of the first `[[measures]]` table, up to the next header or comment block."""
    found = re.search(r"(?m)^\[\[measures\]\]", text)
    assert found is not None, "Løten's file has measures"
    start = found.start()
    rest = text[start:].splitlines(keepends=True)
    block = [rest[0]]
    for line in rest[1:]:
        if line.startswith("[") or line.startswith("#"):
            break
        block.append(line)
    return "".join(block).rstrip() + "\n"


def generated_file(measures: int, broken: bool) -> str:
    text = SOURCE.read_text(encoding="utf-8")
    block = first_measure(text)
    if broken:
        block = re.sub(r"(?m)^areas = \[", 'areas = ["no-such-area", ', block, count=1)
    out = [text.rstrip(), "\n"]
    for i in range(measures):
        out.append("\n" + re.sub(r'(?m)^id = "[^"]*"', f'id = "generated-{i:06d}"', block, count=1))
    return "".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--measures", type=int, default=20000)
    parser.add_argument("--broken", action="store_true", help="one problem in every generated measure")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bti", default=None, help="the bti executable (default: beside this python)")
    parser.add_argument("--target", type=float, default=5.0, help="seconds")
    args = parser.parse_args()

    bti = args.bti or str(Path(sys.executable).with_name("bti"))
    with tempfile.TemporaryDirectory(prefix="bti-validate-") as folder:
        path = Path(folder) / "generated.toml"
        path.write_text(generated_file(args.measures, args.broken), encoding="utf-8")
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = subprocess.run([bti, "data", "validate", str(path)], capture_output=True, text=True,
                                    env={"BTI_CACHE_DIR": folder, "PATH": "", "HOME": folder})
            times.append(time.perf_counter() - started)
        expected = 3 if args.broken else 0
        if result.returncode != expected:
            print(result.stdout[-2000:], result.stderr[-2000:], sep="\n")
            print(f"unexpected exit {result.returncode} (expected {expected})")
            return 1
        problems = sum(1 for line in result.stderr.splitlines() if line.startswith("  "))
    median = statistics.median(times)
    kind = f"{problems} problems" if args.broken else "valid"
    print(f"bti data validate, {args.measures} extra measures ({kind}): median {median:.2f} s of {args.runs}")
    print(f"target: under {args.target:.0f} s:", "met" if median < args.target else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
