"""Worker processes for reading many case files at once (a large rebuild of the index).

Core module: never prints.
"""

from __future__ import annotations

import contextlib
import os

PARALLEL_MIN = 400  # files to (re)read before worker processes pay off


def worker_count(total: int) -> int:
    if total < PARALLEL_MIN:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


@contextlib.contextmanager
def pool(workers: int):
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ctx.Pool(workers)
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()




def read_many(paths: list[str]) -> list[tuple]:
    """The rows of several case files (run in a worker; see rows.read_case_file)."""
    from bti_cli.caselog.rows import read_case_file

    out = []
    for path in paths:
        values = read_case_file(path)
        if values is not None:
            out.append(values)
    return out
