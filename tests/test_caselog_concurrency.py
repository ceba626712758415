"""Two processes writing one case, and a writer killed with SIGKILL at a random moment."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from bti_cli.caselog.log import CaseChanged, CaseLog, verify_file

WORKER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from bti_cli.caselog.log import CaseChanged, CaseLog

    cases, case_id, name, count, mode, go = sys.argv[1:7]
    while not os.path.exists(go):
        time.sleep(0.001)
    log = CaseLog.open(Path(cases), case_id)
    refused = 0
    i = 0
    while i < int(count):
        try:
            log.append(level=0, step="concern", kind="note", value=f"{name}-{i}",
                       merge=(mode == "merge"))
        except CaseChanged:
            refused += 1
            log.reload()  # nothing was written: take the other writer's events and try again
            continue
        print(f"ack {name}-{i}", flush=True)
        i += 1
    print(f"refused {refused}", flush=True)
    """
)


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WORKER, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("mode", ["merge", "refuse"])
def test_two_processes_appending_lose_nothing(cases_dir, mode):
    log = CaseLog.create(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    go = cases_dir / "go"
    count = 40
    workers = [_spawn(str(cases_dir), log.case_id, name, str(count), mode, str(go)) for name in "ab"]
    time.sleep(0.2)
    go.write_text("")
    acknowledged, refused = [], 0
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        for line in out.splitlines():
            word, _, rest = line.partition(" ")
            if word == "ack":
                acknowledged.append(rest)
            else:
                refused += int(rest)
    final = CaseLog.open(cases_dir, log.case_id)
    values = [e.value for e in final.events]
    assert sorted(values) == sorted(acknowledged)
    assert len(values) == 2 * count
    for name in "ab":  # each writer's events keep their order
        own = [v for v in values if v.startswith(f"{name}-")]
        assert own == [f"{name}-{i}" for i in range(count)]
    assert [e.seq for e in final.events] == list(range(2 * count))
    assert final.verify() == []
    if mode == "merge":
        assert refused == 0


def test_a_writer_that_read_before_another_process_wrote_is_refused(cases_dir):
    log = CaseLog.create(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    log.append(level=0, step="concern", kind="note", value="first")
    go = cases_dir / "go"
    go.write_text("")
    other = _spawn(str(cases_dir), log.case_id, "other", "1", "refuse", str(go))
    out, err = other.communicate(timeout=30)
    assert other.returncode == 0, err
    assert "ack other-0" in out
    before = log.path.read_bytes()
    with pytest.raises(CaseChanged):
        log.append(level=0, step="concern", kind="note", value="stale")
    assert log.path.read_bytes() == before  # the refusal wrote nothing
    assert [e.value for e in CaseLog.open(cases_dir, log.case_id).events] == ["first", "other-0"]


KILLED_WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bti_cli.caselog.log import CaseLog

    log = CaseLog.open(Path(sys.argv[1]), sys.argv[2])
    start = len(log.events)
    i = start
    while True:
        log.append(level=0, step="concern", kind="answer", question="q", value={"n": i, "text": "x" * 200})
        print(i, flush=True)
        i += 1
    """
)


@pytest.mark.parametrize("round_", range(6))
def test_sigkill_at_a_random_moment_loses_no_acknowledged_append(cases_dir, round_):
    rng = random.Random(round_)
    log = CaseLog.create(cases_dir, municipality="loten", catalogue_version="c", process_version="p")
    acknowledged: list[int] = []
    for _ in range(3):  # kill, reopen, continue, kill again
        child = subprocess.Popen([sys.executable, "-c", KILLED_WORKER, str(cases_dir), log.case_id],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = child.stdout.readline()  # the child is up and writing
        assert first.strip().isdigit(), child.stderr.read()
        acknowledged.append(int(first))
        time.sleep(rng.uniform(0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        # read through the text buffer that readline() filled (communicate() reads the raw
        # pipe and would lose lines already buffered there)
        rest = child.stdout.read()
        child.stderr.read()
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        acknowledged += [int(line) for line in rest.split() if line.isdigit()]

        result = verify_file(log.path)
        assert result.ok, result.problems
        loaded = CaseLog.open(cases_dir, log.case_id)
        on_disk = [e.value["n"] for e in loaded.events]
        assert on_disk == list(range(len(on_disk)))
        assert set(acknowledged) <= set(on_disk)
        # at most the one append in flight may be on disk without its acknowledgement
        assert len(on_disk) - len(acknowledged) in (0, 1)
        acknowledged = on_disk[:]
    assert len(acknowledged) > 3
