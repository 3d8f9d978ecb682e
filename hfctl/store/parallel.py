"""Reading many data files on every core: a cold load spreads parsing and validation over
processes, and gives exactly what one process gives.

The work of one file (``loader.read_bytes``: YAML events with their positions, a pydantic
model, its problems, and the line the file cache keeps) depends on nothing but the file's name
and bytes, so files are read in chunks by worker processes and the results taken back in the
order of the files. Below ``MIN_FILES`` files (or with one core, or ``HFCTL_JOBS=1``) one
process is faster: starting workers and sending the models back costs more than it saves.

Workers are forked from the running process (on Linux), so they start with hfctl, pydantic
and the models' validators already built; where fork is not the way to start processes
(Windows, macOS) files are read in one process. Results come back over the pool's pipes as
pickles between this process and its own children: nothing is kept on disk this way (the
cache on disk is plain JSON, ``hfctl.store.cache``).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

MIN_FILES = 400
"""Below this many files to read, one process is faster (measured: docs/performance.md)."""
CHUNKS_PER_WORKER = 4
"""Each worker gets about this many chunks: small enough to even out slow files, large enough
that sending a chunk costs little beside reading it."""

Job = tuple[str, bytes, bool, Any]
"""(name, bytes, whether Markdown, model class) of one file to read."""
Result = tuple[Any, bytes | None]
"""(the loader's entry for the file, the line the file cache keeps for it, if asked for)."""
Reader = Callable[[Job, bool, bool], Result]


def jobs() -> int:
    """How many processes may read files: ``HFCTL_JOBS`` if set (1: one process), else every
    core this process may run on."""
    given = os.environ.get("HFCTL_JOBS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _fork() -> Any:
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _chunk(args: tuple[Reader, Sequence[Job], bool, bool]) -> list[Result]:
    """Read one chunk of files in a worker (the reader goes by name: a module's function)."""
    reader, chunk, scan, keep = args
    return [reader(job, scan, keep) for job in chunk]


def read_all(reader: Reader, todo: Sequence[Job], scan: bool, keep: bool) -> list[Result]:
    """``reader(job, scan, keep)`` for every job, in their order: over worker processes when
    there are enough files and cores for it to pay, else in this process."""
    workers = min(jobs(), max(1, len(todo) // max(1, MIN_FILES // 2)))
    context = _fork() if workers > 1 and len(todo) >= MIN_FILES else None
    if context is None:
        return [reader(job, scan, keep) for job in todo]
    # the first file of each model is read here, before the workers are forked: they then
    # start with its validators built (pydantic builds them on first use, once per process)
    first: dict[Any, int] = {}
    for i, job in enumerate(todo):
        first.setdefault(job[3], i)
    done = {i: reader(todo[i], scan, keep) for i in first.values()}
    rest = [job for i, job in enumerate(todo) if i not in done]
    size = max(1, -(-len(rest) // (workers * CHUNKS_PER_WORKER)))
    chunks = [(reader, rest[i : i + size], scan, keep) for i in range(0, len(rest), size)]
    gc.freeze()  # the workers never walk this process's objects (nor copy their pages for it)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            read = iter([result for part in pool.map(_chunk, chunks) for result in part])
    finally:
        gc.unfreeze()
    return [done[i] if i in done else next(read) for i in range(len(todo))]
