"""Benchmark hfctl on synthetic repositories at 1x, 10x and 100x the bundled data.

Prints, for each size, the median wall time and peak memory of each command beside its floor
(bare Python start-up; reading every file's bytes; parsing every file with ruamel.yaml's C
loader), and the ratio to that floor, so the figures mean something on a noisy machine.
Peers (yamllint, check-jsonschema) are measured when installed (`pip install -e .[bench]`).
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import synth

PROJECT = Path(__file__).resolve().parent.parent
HFCTL = [sys.executable, "-m", "hfctl"]
# as on a user's machine, where pip compiled the bytecode at install: a PYTHONDONTWRITEBYTECODE
# in the caller's environment would make every run compile hfctl's sources again (~60 ms)
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "HFCTL_TODAY": "2026-11-24",
    "NO_COLOR": "1",
    "COLUMNS": "160",
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.no",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.no",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def measure(
    cmd: list[str],
    cwd: Path,
    repeat: int,
    before: Callable[[int], None] | None = None,
    env: dict[str, str] | None = None,
) -> tuple[float, float]:
    """Median wall seconds and peak memory (MB) of a command run ``repeat`` times
    (``before(i)`` runs, untimed, before run ``i``; ``env`` added to the environment)."""
    times, peaks = [], []
    for i in range(repeat):
        if before is not None:
            before(i)
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env={**ENV, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _pid, _status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


FLOOR_READ = (
    "import pathlib,sys\nfor p in pathlib.Path(sys.argv[1]).rglob('*'):\n"
    "    p.is_file() and p.read_bytes()\n"
)
FLOOR_PARSE = (
    "import pathlib,sys\nfrom ruamel.yaml import YAML\ny=YAML(typ='safe',pure=False)\n"
    "for p in pathlib.Path(sys.argv[1]).rglob('*'):\n    if p.suffix=='.yaml':\n"
    "        list(y.parse(p.read_text()))\n    elif p.suffix=='.md':\n"
    "        t=p.read_text().split('\\n---\\n')[0][4:]\n        list(y.parse(t))\n"
)


Row = tuple[str, float, float, str, float]


def run_size(size: int, repeat: int, base: Path) -> tuple[int, list[Row]]:
    """The data files of the ``size`` times repository and a row per command measured."""
    root = synth.make_repo(size, base, ENV)
    files = sum(1 for p in (root / "data").rglob("*") if p.is_file())
    print(f"\n== {size}x: {files} data files", flush=True)
    py = [sys.executable, "-c", "pass"]
    floors = {
        "python": measure(py, root, repeat),
        "read": measure([sys.executable, "-c", FLOOR_READ, "data"], root, repeat),
        "parse": measure([sys.executable, "-c", FLOOR_PARSE, "data"], root, repeat),
    }
    rows = [
        ("floor: python -c pass", *floors["python"], "-", 1.0),
        ("floor: read every file", *floors["read"], "-", 1.0),
        ("floor: C-parse every file", *floors["parse"], "-", 1.0),
    ]
    cache = root / ".hfctl-cache"
    changed = root / "data" / "forums" / "ssu.yaml"
    original = changed.read_bytes()

    def cold(_i: int) -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def one_changed(i: int) -> None:
        changed.write_bytes(original + f"# bench {i}\n".encode())

    person = root / "data" / "people" / "anne-rod.yaml"
    person_text = person.read_bytes()

    def person_changed(i: int) -> None:
        person.write_bytes(person_text + f"# bench {i}\n".encode())

    Before = Callable[[int], None] | None
    one: dict[str, str] = {"HFCTL_JOBS": "1"}  # a cold run in one process, beside every core
    commands: list[tuple[str, list[str], str, Before, dict[str, str] | None]] = [
        ("hfctl --version", ["--version"], "python", None, None),
        ("hfctl --help", ["--help"], "python", None, None),
        ("hfctl status (cold)", ["status"], "parse", cold, None),
        ("hfctl status (warm)", ["status"], "parse", None, None),
        ("hfctl validate (cold)", ["validate"], "parse", cold, None),
        ("hfctl validate (cold, 1 process)", ["validate"], "parse", cold, one),
        ("hfctl validate (warm)", ["validate"], "parse", None, None),
        ("hfctl validate (warm, 1 changed)", ["validate"], "parse", one_changed, None),
        ("hfctl validate (warm, 1 person changed)", ["validate"], "parse", person_changed, None),
        ("hfctl --no-cache validate", ["--no-cache", "validate"], "parse", None, None),
        ("hfctl agreements status", ["agreements", "status"], "parse", None, None),
        ("hfctl agenda", ["agenda", "2026-12-10-ssu"], "parse", None, None),
        ("hfctl diff (100 commits)", ["diff", "HEAD~100", "HEAD"], "parse", None, None),
        ("hfctl log", ["log"], "parse", None, None),
        (
            "hfctl plan 2027 --dry-run",
            ["plan", "2027", "--dry-run", "--today", "2026-12-01"],
            "parse",
            None,
            None,
        ),
    ]
    for label, args, floor, before, env in commands:
        wall, mem = measure([*HFCTL, *args], root, repeat, before, env)
        rows.append((label, wall, mem, floor, wall / floors[floor][0]))
    changed.write_bytes(original)
    person.write_bytes(person_text)
    for label, cmd in (
        ("peer: yamllint", ["yamllint", "-d", "relaxed", "data"]),
        (
            "peer: check-jsonschema (people files)",
            ["check-jsonschema", "--schemafile", str(PROJECT / "schemas" / "person.schema.json")]
            + [str(p) for p in sorted((root / "data" / "people").glob("*.yaml"))],
        ),
    ):
        found = shutil.which(
            cmd[0], path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        )
        if found is None:
            rows.append(
                (label + " (not installed)", float("nan"), float("nan"), "parse", float("nan"))
            )
            continue
        wall, mem = measure([found, *cmd[1:]], root, repeat)
        rows.append((label, wall, mem, "parse", wall / floors["parse"][0]))
    for label, wall, mem, floor, ratio in rows:
        print(
            f"  {label:38} {wall * 1000:9.0f} ms {mem:7.0f} MB   x{ratio:5.2f} of {floor}",
            flush=True,
        )
    return files, rows


def per_file(results: list[tuple[int, int, list[Row]]]) -> None:
    """Each command's cost per data file beyond the size before: linear if it stays."""
    if len(results) < 2:
        return
    print("\n== ms per data file added, from one size to the next")
    for i, (label, *_rest) in enumerate(results[0][2]):
        steps = []
        for (_s0, f0, r0), (s1, f1, r1) in itertools.pairwise(results):
            steps.append(f"to {s1}x: {(r1[i][1] - r0[i][1]) * 1000 / max(1, f1 - f0):6.2f}")
        print(f"  {label:38} " + "   ".join(steps), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(
        f"python {sys.version.split()[0]} on {os.cpu_count()} cores; median of {args.repeat} runs"
    )
    # bytecode compiled beforehand, as pip does at install (an editable install does not)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PROJECT / "hfctl")], check=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="hfctl-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            results.append((size, *run_size(size, args.repeat, Path(tmp))))
    per_file(results)


if __name__ == "__main__":
    main()
