"""CPU time of `hfctl validate` with one file changed, this checkout against another, in pairs.

    python -m bench.pairs REPO FILE --other /path/to/other/checkout --runs 3

Each run changes FILE (relative to REPO) and times one `hfctl validate` of each checkout, one
after the other, each with a cache folder of its own (warmed by one run first); prints the
median wall and CPU time (the child's user + system) and the peak memory of each. CPU time
means more than wall time on a machine shared with others.
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

from bench.run import ENV, PROJECT


def _run(root: Path, tree: Path) -> tuple[float, float, float]:
    env = {**ENV, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hfctl", "validate"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _pid, _status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("repo", type=Path)
    parser.add_argument("file")
    parser.add_argument("--other", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root: Path = args.repo
    changed = root / args.file
    original = changed.read_bytes()
    trees = {"this": PROJECT, "other": args.other}
    found: dict[str, list[tuple[float, float, float]]] = {name: [] for name in trees}
    cache = root / ".hfctl-cache"
    try:
        for i in range(args.runs):
            for name, tree in trees.items():
                kept = root / f".hfctl-cache-{name}"
                shutil.rmtree(cache, ignore_errors=True)
                if kept.exists():
                    kept.rename(cache)
                else:
                    _run(root, tree)  # warm this checkout's cache
                changed.write_bytes(original + f"# pairs {i} {name}\n".encode())
                found[name].append(_run(root, tree))
                cache.rename(kept)
    finally:
        changed.write_bytes(original)
        for name in trees:
            shutil.rmtree(root / f".hfctl-cache-{name}", ignore_errors=True)
    for name, runs in found.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(
            f"{args.file} {name:5} wall {wall * 1000:7.0f} ms  cpu {cpu * 1000:7.0f} ms  "
            f"peak {max(r[2] for r in runs):5.0f} MB"
        )


if __name__ == "__main__":
    main()
