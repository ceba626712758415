#!/usr/bin/env python3
"""Mutation testing of the rule code (not part of CI: slow).

Each mutant changes one thing in one function of a target module, the way a careless edit
would: a comparison operator (== ↔ !=, < ↔ <=, > ↔ >=, in ↔ not in, is ↔ is not), a boolean
operator (and ↔ or), an integer constant (n → n+1 and n → n-1), `any` ↔ `all`, a removed call
statement (`os.fsync(fd)` → `pass`), a negated condition (`if x:` → `if not x:`, also `while`,
`x if c else y` and `assert`), and a flipped boolean constant returned (`return True` ↔
`return False`). For each mutant the chosen tests of that module run (`pytest -x -q`); a mutant
is *killed* when they fail and *survives* when they pass. Every survivor is printed as
`file:line  the change`, so that a test can be written for it (or the survivor shown to be
equivalent: the change does not change behaviour).

The run works on a copy of the repository (the files `git ls-files` lists, in a temporary
folder), so the working tree is never touched; the copy's package shadows the installed one
through PYTHONPATH.

    python scripts/mutants.py                      # every target
    python scripts/mutants.py --target process     # one target (see TARGETS)
    python scripts/mutants.py --list               # the mutants, without running tests
    python scripts/mutants.py --target stats --only 12,40   # mutants by number

Exit 0 when no mutant survives, 1 otherwise.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Target:
    path: str  # module file, relative to the repository
    functions: tuple[str, ...]  # qualified names ("Class.method" or "function"); () = every function
    tests: tuple[str, ...]  # pytest arguments: files and -k filters


# the rule code of the process, the walkthrough's consent and safety handling, the case writer
# and the statistics, each with the tests that hold it (fast ones only)
TARGETS: dict[str, Target] = {
    "process": Target(
        "bti_cli/walkthrough/process.py",
        ("_value", "_compare", "holds", "replay", "_opens_gate", "awaiting_notification", "passed_gate",
         "consent_givers", "environment", "_segment_steps", "action_at", "pending_step", "Process.deadline_days",
         "Process.phase_steps", "evaluate_step", "_finished"),
        ("tests/test_rules_at_edges.py", "tests/test_process.py", "tests/cli/test_safety_gate.py"),
    ),
    "session": Target(
        "bti_cli/walkthrough/session.py",
        ("Session.check_gate", "Session.check_evaluable", "Session.close", "Session.consent_parts",
         "Session.consent_givers_problem", "Session.check_handover_consent",
         "deadline_status", "Session._deadline_note"),
        ("tests/cli/test_safety_gate.py", "tests/cli/test_consent_rules.py", "tests/cli/test_cases_flow.py",
         "tests/cli/test_consent_handover.py",
         "tests/test_session.py", "tests/cli/test_walk.py::test_deadline_passed_warns",
         "tests/cli/test_walk.py::test_the_deadline_note_the_day_before_on_and_after"),
    ),
    "state": Target(
        "bti_cli/caselog/state.py",
        ("_date", "summarise", "_Fold.apply", "_Fold.evaluation", "_Fold.answer", "_Fold.notify", "_Fold.consent",
         "_decision_fields", "_pending"),
        ("tests/test_state.py", "tests/test_rules_at_edges.py", "tests/cli/test_safety_gate.py"),
    ),
    "log": Target(
        "bti_cli/caselog/log.py",
        ("_parse", "CaseLog.append", "CaseLog.append_many", "CaseLog._adopt", "_check_ints"),
        ("tests/test_writer_rules.py", "tests/test_caselog.py", "-k",
         "not lock_timeout and not changing_any_single_byte"),
    ),
    "fileio": Target(
        "bti_cli/fileio.py",
        ("fsync_dir", "write_temp", "atomic_write"),
        ("tests/test_writer_rules.py",),
    ),
    "stats": Target(
        "bti_cli/reports/export.py",
        ("row_groups", "is_overdue", "_Tally.add", "_Tally.cells", "_safe", "protect", "compute_stats"),
        ("tests/test_stats.py", "tests/test_rules_at_edges.py"),
    ),
}

# mutants that cannot change behaviour, each with the reason; keyed by (target, function,
# change as printed), so that a moved line keeps its entry. They are not run (--all runs them).
EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("log", "CaseLog.append", "1 → 0 in `-1`"):
        "append_many gets exactly one entry and returns one event: [-0] is [-1]",
    **{("session", fn, f"15 → {n} in `self.proc.settings.get('consent_age_log', 15)`"):
       "the default is never read: every Process the program builds (process.load, for a catalogue or "
       "none) has consent_age_log in its settings"
       for n in (14, 16) for fn in ("Session.consent_parts", "Session.consent_givers_problem")},
    **{("session", fn, f"16 → {n} in `self.proc.settings.get('consent_age_health', 16)`"):
       "the same for the health consent age: every Process built by process.load has consent_age_health"
       for n in (15, 17) for fn in ("Session.consent_parts", "Session.consent_givers_problem")},
    **{("session", "Session.check_handover_consent", f"15 → {n} in `self.proc.settings.get('consent_age_log', 15)`"):
       "the default is never read: every Process built by process.load has consent_age_log" for n in (14, 16)},
    ("session", "Session.check_handover_consent", "10 → 11 in `:10`"):
        "the end date is an ISO date of 10 characters (parse_date's isoformat, or a consent's until, "
        "which the walkthrough stores as a date): the 11th character never exists",
    ("session", "Session.check_handover_consent", "or → and in `service or ''`"):
        "the fallback of names.get: a coordinator's service is always one of the catalogue's services "
        "(catalogue validation refuses another), so the default is never read",
    **{("fileio", "fsync_dir", f"0 → {n} in `getattr(os, 'O_DIRECTORY', 0)`"):
       "the default is for a system without os.O_DIRECTORY; Linux and macOS have it, so it is never read"
       for n in (1, -1)},
    ("state", "_date", "10 → 9 in `len(value) < 10`"):
        "no 9-character text is a date to date.fromisoformat (its forms have 8 or 10 characters: "
        "20260102, 2026-W01, 2026-01-02, 2026-W01-1), so a 9-character value is None both ways",
    ("log", "_parse", "0 → -1 in `e['loc'][0]`"):
       "an event's fields are all top-level (value is Any): a missing field's loc has one part, [0] is [-1]",
    ("stats", "_safe", "0 → -1 in `max(0, total - shown)`"):
        "hidden_sum is only compared as `hidden_sum <= (m - 1) * (n_small - 1)`, whose right side is never "
        "negative (a small cell exists, so m >= 1): 0 and -1 both pass",
    ("stats", "compute_stats", "0 → -1 in `row.get('highest_level') or 0`"):
        "the next line clamps the level with max(0, …): -1 and 0 both count level 0 only",
    ("stats", "is_overdue", "10 → 11 in `:10`"):
        "compared with today's 10-character date: an 11th character only counts when the first ten are "
        "equal, and then the longer string is not smaller either (equal day: not overdue both ways)",
}

CMP_SWAPS: dict[type, type] = {
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
SYMBOLS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.In: "in",
    ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.And: "and", ast.Or: "or",
}


@dataclass(frozen=True)
class Mutant:
    number: int
    line: int
    function: str
    change: str
    site: int  # the index of the node in the walk order of the module
    kind: str
    detail: int = 0


def _functions(tree: ast.Module) -> dict[str, ast.AST]:
    found: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found[node.name] = node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    found[f"{node.name}.{item.name}"] = item
    return found


def _sites(tree: ast.Module, functions: tuple[str, ...]) -> list[tuple[int, ast.AST, str]]:
    """(walk index, node, function name) for every node inside the chosen functions."""
    chosen = _functions(tree)
    names = functions or tuple(chosen)
    missing = [n for n in names if n not in chosen]
    if missing:
        raise SystemExit(f"mutants: no function {', '.join(missing)}")
    owner: dict[int, str] = {}
    for name in names:
        for node in ast.walk(chosen[name]):
            owner[id(node)] = name
    return [(i, node, owner[id(node)]) for i, node in enumerate(ast.walk(tree)) if id(node) in owner]


def _is_docstring(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    return isinstance(node, ast.Constant) and isinstance(parents.get(id(node)), ast.Expr)


def _short(node: ast.AST) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 70 else text[:69] + "…"


def mutants_of(source: str, functions: tuple[str, ...]) -> list[Mutant]:
    tree = ast.parse(source)
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    out: list[Mutant] = []

    def add(line: int, function: str, change: str, site: int, kind: str, detail: int = 0) -> None:
        out.append(Mutant(len(out) + 1, line, function, change, site, kind, detail))

    for site, node, function in _sites(tree, functions):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare | ast.BoolOp | ast.Call):
            where = f" in `{_short(node)}`"
        elif isinstance(node, ast.Constant):
            where = f" in `{_short(parents[id(node)])}`"
        else:
            where = ""
        if isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                swap = CMP_SWAPS.get(type(op))
                if swap is not None:
                    nth = f" (comparison {k + 1})" if len(node.ops) > 1 else ""
                    add(line, function, f"{SYMBOLS[type(op)]} → {SYMBOLS[swap]}{nth}{where}", site, "cmp", k)
        elif isinstance(node, ast.BoolOp):
            other = ast.Or if isinstance(node.op, ast.And) else ast.And
            add(line, function, f"{SYMBOLS[type(node.op)]} → {SYMBOLS[other]}{where}", site, "boolop")
        elif isinstance(node, ast.Constant) and type(node.value) is int and not _is_docstring(node, parents):
            add(line, function, f"{node.value} → {node.value + 1}{where}", site, "const", 1)
            add(line, function, f"{node.value} → {node.value - 1}{where}", site, "const", -1)
        elif isinstance(node, ast.Constant) and type(node.value) is bool and isinstance(
                parents.get(id(node)), ast.Return):
            add(line, function, f"return {node.value} → return {not node.value}", site, "bool")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("any", "all"):
            other = "all" if node.func.id == "any" else "any"
            add(line, function, f"{node.func.id}(…) → {other}(…){where}", site, "anyall")
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            add(line, function, f"removed call {ast.unparse(node.value)[:60]}", site, "nocall")
        elif isinstance(node, ast.If | ast.While | ast.IfExp | ast.Assert):
            add(line, function, f"negated condition {ast.unparse(node.test)[:60]}", site, "negate")
    return out


def mutate(source: str, mutant: Mutant) -> str:
    tree = ast.parse(source)
    node = next(n for i, n in enumerate(ast.walk(tree)) if i == mutant.site)
    if mutant.kind == "cmp":
        assert isinstance(node, ast.Compare)
        node.ops[mutant.detail] = CMP_SWAPS[type(node.ops[mutant.detail])]()
    elif mutant.kind == "boolop":
        assert isinstance(node, ast.BoolOp)
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif mutant.kind == "const":
        assert isinstance(node, ast.Constant)
        node.value = node.value + mutant.detail
    elif mutant.kind == "bool":
        assert isinstance(node, ast.Constant)
        node.value = not node.value
    elif mutant.kind == "anyall":
        assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        node.func.id = "all" if node.func.id == "any" else "any"
    elif mutant.kind == "nocall":
        assert isinstance(node, ast.Expr)
        node.value = ast.Constant(value=None)
    elif mutant.kind == "negate":
        assert isinstance(node, ast.If | ast.While | ast.IfExp | ast.Assert)
        node.test = ast.UnaryOp(op=ast.Not(), operand=copy.deepcopy(node.test))
    ast.fix_missing_locations(tree)
    return ast.unparse(tree) + "\n"


def _copy_repo(dest: Path) -> None:
    """The tracked files and the untracked ones git does not ignore (a new test file counts
    before it is committed; without it the tests named in TARGETS are not found)."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if not name:
            continue
        src = ROOT / name
        if not src.is_file():
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)


@dataclass(frozen=True)
class Outcome:
    result: str  # "survived", "killed", "killed (timeout)" or "error N"
    output: str  # the tail of pytest's output


def _default_sigint() -> None:
    """In the test run, Ctrl-C is Python's KeyboardInterrupt again: a job started in the background
    (`… &`, nohup) inherits SIGINT ignored, Python then installs no handler of its own, and the
    tests of the writer's Ctrl-C handling fail without a mutant (the log target's pre-check did)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run_tests(work: Path, tests: tuple[str, ...], timeout: float) -> Outcome:
    env = {**os.environ, "PYTHONPATH": str(work), "PYTHONDONTWRITEBYTECODE": "1"}
    # a fixed seed: a property test finds the same examples for every mutant (and the baseline)
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header",
           "--hypothesis-seed=0", *tests]
    try:
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, timeout=timeout, text=True,
                              errors="replace", preexec_fn=_default_sigint)
    except subprocess.TimeoutExpired:
        return Outcome("killed (timeout)", "")
    tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
    if proc.returncode == 0:
        return Outcome("survived", tail)
    return Outcome("killed" if proc.returncode == 1 else f"error {proc.returncode}", tail)


def _key(name: str, m: Mutant) -> tuple[str, str, str]:
    return (name, m.function, m.change)


def _equivalents_unused(names: list[str], found: set[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [key for key in EQUIVALENT if key[0] in names and key not in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="a target (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the mutants; run nothing")
    parser.add_argument("--only", help="comma-separated mutant numbers of the (single) target")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per test run (a mutant "
                        "that makes the tests run longer is counted as killed: it loops)")
    parser.add_argument("--jobs", type=int, choices=(1, 2), default=1,
                        help="test runs at a time, each on its own copy (the machine is shared: at most 2)")
    parser.add_argument("--all", action="store_true", help="run the known-equivalent mutants too")
    args = parser.parse_args(argv)
    names = args.target or list(TARGETS)
    only = {int(x) for x in args.only.split(",")} if args.only else None

    rows: list[tuple[str, int, int, int, int]] = []  # name, mutants, killed, surviving, equivalent
    survivors: list[str] = []
    found: set[tuple[str, str, str]] = set()
    with tempfile.TemporaryDirectory(prefix="bti-mutants-") as tmp:
        copies = [Path(tmp) / f"copy{i}" for i in range(args.jobs)]
        if not args.list:
            for work in copies:
                _copy_repo(work)
        # every target's mutants first: a function renamed since TARGETS was written stops the run
        # at once, not after the targets before it have run
        sources = {name: (ROOT / TARGETS[name].path).read_text(encoding="utf-8") for name in names}
        planned = {name: mutants_of(sources[name], TARGETS[name].functions) for name in names}
        for name in names:
            target = TARGETS[name]
            source = sources[name]
            mutants = [m for m in planned[name] if only is None or m.number in only]
            found.update(_key(name, m) for m in mutants)
            equivalent = [m for m in mutants if _key(name, m) in EQUIVALENT and not args.all]
            to_run = [m for m in mutants if m not in equivalent]
            print(f"== {name}: {target.path}, {len(mutants)} mutants ({len(equivalent)} known equivalent, "
                  f"not run); tests: {' '.join(target.tests)}", flush=True)
            if args.list:
                for m in mutants:
                    mark = "  [equivalent]" if m in equivalent else ""
                    print(f"  #{m.number} {target.path}:{m.line} ({m.function}) {m.change}{mark}")
                continue
            baseline = _run_tests(copies[0], target.tests, args.timeout * 3)
            if baseline.result != "survived":
                print(f"  the tests fail without a mutant ({baseline.result}): fix them first\n{baseline.output}",
                      flush=True)
                return 2
            started = time.monotonic()
            free: queue.Queue[Path] = queue.Queue()
            for work in copies:
                free.put(work)

            def run_one(m: Mutant, target: Target = target, source: str = source,
                        free: queue.Queue[Path] = free) -> tuple[Mutant, Outcome]:
                work = free.get()
                try:
                    (work / target.path).write_text(mutate(source, m), encoding="utf-8")
                    return m, _run_tests(work, target.tests, args.timeout)
                finally:
                    free.put(work)

            killed = surviving = 0
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                for m, outcome in pool.map(run_one, to_run):
                    if outcome.result == "survived":
                        surviving += 1
                        line = f"{target.path}:{m.line}  #{m.number} ({m.function}) {m.change}"
                        survivors.append(line)
                        print(f"  SURVIVED {line}", flush=True)
                    else:
                        killed += 1
                        if outcome.result.startswith("error"):
                            print(f"  #{m.number}: {outcome.result} (counted as killed)", flush=True)
            for work in copies:
                (work / target.path).write_text(source, encoding="utf-8")
            rows.append((name, len(mutants), killed, surviving, len(equivalent)))
            print(f"  {name}: {len(mutants)} mutants, {killed} killed, {surviving} surviving, "
                  f"{len(equivalent)} equivalent, in {time.monotonic() - started:.0f} s", flush=True)
    stale = _equivalents_unused(names, found) if only is None else []
    for key in stale:
        print(f"  note: the known-equivalent entry {key} matches no mutant any more (remove it)")
    if not args.list:
        print(f"\n{'target':8} {'mutants':>7} {'killed':>6} {'surviving':>9} {'equivalent':>10}")
        for name, total, killed, surviving, equivalent in rows:
            print(f"{name:8} {total:7} {killed:6} {surviving:9} {equivalent:10}")
        print(f"{'all':8} {sum(r[1] for r in rows):7} {sum(r[2] for r in rows):6} {sum(r[3] for r in rows):9} "
              f"{sum(r[4] for r in rows):10}")
        for line in survivors:
            print(f"  {line}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
