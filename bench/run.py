"""Benchmark hfctl on synthetic repositories at 1x, 10x and 100x the bundled data.

Prints, for each size, the median wall time and peak memory of each command beside its floor
(bare Python start-up; reading every file's bytes; parsing every file with ruamel.yaml's C
loader), and the ratio to that floor, so the figures mean something on a noisy machine.
Peers (yamllint, check-jsonschema) are measured when installed (`pip install -e .[bench]`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
HFCTL = [sys.executable, "-m", "hfctl"]
ENV = {
    **os.environ,
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


def make_repo(size: int, base: Path) -> Path:
    """A copy of the bundled data whose 2026 meetings repeat for ``size`` years, under git,
    with a history of 100 small commits for the diff figure."""
    root = base / f"x{size}"
    shutil.copytree(PROJECT / "data", root / "data")
    source = sorted((PROJECT / "data" / "meetings" / "2026").glob("*.md"))
    for k in range(1, size):
        year = 2027 + k
        folder = root / "data" / "meetings" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for path in source:
            text = path.read_text(encoding="utf-8")
            text = text.replace("2027-", f"{year + 1}-").replace("2026-", f"{year}-")
            text = re.sub(r"refers_to: \d{4}-", f"refers_to: {year}-", text)
            (folder / path.name.replace("2026-", f"{year}-", 1)).write_text(text, "utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=ENV, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, env=ENV, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "data"], cwd=root, env=ENV, check=True)
    note = root / "data" / "forums" / "fousam.yaml"
    for i in range(100):
        with note.open("a", encoding="utf-8") as handle:
            handle.write(f"# note {i}\n")
        subprocess.run(["git", "commit", "-q", "-am", f"note {i}"], cwd=root, env=ENV, check=True)
    return root


def measure(cmd: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """Median wall seconds and peak memory (MB) of a command run ``repeat`` times."""
    times, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
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


def run_size(size: int, repeat: int, base: Path) -> list[tuple[str, float, float, str, float]]:
    root = make_repo(size, base)
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
    commands = [
        ("hfctl --version", ["--version"], "python"),
        ("hfctl --help", ["--help"], "python"),
        ("hfctl status", ["status"], "parse"),
        ("hfctl validate", ["validate"], "parse"),
        ("hfctl agreements status", ["agreements", "status"], "parse"),
        ("hfctl agenda", ["agenda", "2026-12-10-ssu"], "parse"),
        ("hfctl diff (100 commits)", ["diff", "HEAD~100", "HEAD"], "parse"),
    ]
    for label, args, floor in commands:
        wall, mem = measure([*HFCTL, *args], root, repeat)
        rows.append((label, wall, mem, floor, wall / floors[floor][0]))
    for label, cmd in (
        ("peer: yamllint", ["yamllint", "-d", "relaxed", "data"]),
        (
            "peer: check-jsonschema",
            ["check-jsonschema", "--schemafile", str(PROJECT / "schemas" / "person.schema.json")]
            + [str(p) for p in sorted((root / "data" / "people").glob("*.yaml"))],
        ),
    ):
        if shutil.which(cmd[0]) is None:
            rows.append(
                (label + " (not installed)", float("nan"), float("nan"), "parse", float("nan"))
            )
            continue
        wall, mem = measure(cmd, root, repeat)
        rows.append((label, wall, mem, "parse", wall / floors["parse"][0]))
    for label, wall, mem, floor, ratio in rows:
        print(
            f"  {label:32} {wall * 1000:9.0f} ms {mem:7.0f} MB   x{ratio:5.2f} of {floor}",
            flush=True,
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(
        f"python {sys.version.split()[0]} on {os.cpu_count()} cores; median of {args.repeat} runs"
    )
    with tempfile.TemporaryDirectory(prefix="hfctl-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            run_size(size, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()
