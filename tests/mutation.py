"""Mutation run: disable each branch that reports a problem code in turn; a test must fail.

    python -m tests.mutation            # every emitting branch of hfctl/checks and the loader
    python -m tests.mutation HF334 HF3  # only codes starting with these
    python -m tests.mutation --list     # the branches, without running anything

For each ``problem("HFxxx", …)`` / ``Problem("HFxxx", …)`` / ``_file_problem(…, "HFxxx", …)``
in ``hfctl/checks/*.py`` and ``hfctl/store/loader.py``, a mutant is the package with that one
branch disabled: the statement that yields or appends the problem is put under ``if False:``, a
problem returned is ``None`` and a problem in a list literal is left out. The mutant is a fresh
copy of ``hfctl/`` in a temporary folder, imported before the tests start (the checkout's files
are never edited). Then:

1. the tests that name the code run (``-k HFxxx``) over the builder tests (``tests/checks/
   test_codes.py``, ``tests/store/test_loader_problems.py``, ``tests/test_builder.py``);
2. if all of them pass, the whole of ``tests/checks`` and the builder tests run (``-x``).

A mutant is *killed* when a test fails (pytest exit 1); it *survives* when every test passes;
any other exit (a mutant that does not import, a collection error) is reported as an *error*,
never counted as killed. The unmutated copy must pass first. Exit status 1 if any mutant
survived or erred. docs/mutation.md records the last run.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PACKAGE = PROJECT / "hfctl"
TARGETS = [*sorted((PACKAGE / "checks").glob("*.py")), PACKAGE / "store" / "loader.py"]
CODE = re.compile(r"^HF\d{3}$")
BUILDER_TESTS = [
    "tests/checks/test_codes.py",
    "tests/store/test_loader_problems.py",
    "tests/test_builder.py",
]
WIDE_TESTS = ["tests/checks", "tests/store/test_loader_problems.py", "tests/test_builder.py"]


@dataclass(frozen=True)
class Mutant:
    """One emitting branch, and the source of its module with the branch disabled."""

    file: Path
    line: int
    code: str
    how: str
    source: str

    @property
    def name(self) -> str:
        return f"{self.file.relative_to(PROJECT).as_posix()}:{self.line} {self.code}"


def _code_of(call: ast.Call) -> str | None:
    for arg in call.args[:3]:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and CODE.match(arg.value):
            return arg.value
    return None


def _offset(lines: list[str], line: int, col: int) -> int:
    """The character offset of (1-based line, UTF-8 byte column) in the joined text."""
    before = sum(len(text) for text in lines[: line - 1])
    return before + len(lines[line - 1].encode()[:col].decode())


def _replace(source: str, node: ast.AST, text: str) -> str:
    lines = source.splitlines(keepends=True)
    start = _offset(lines, node.lineno, node.col_offset)  # type: ignore[attr-defined]
    end = _offset(lines, node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
    return source[:start] + text + source[end:]


def _guard(source: str, stmt: ast.stmt) -> str:
    """``stmt`` put under ``if False:`` (a generator stays a generator)."""
    lines = source.splitlines(keepends=True)
    first = lines[stmt.lineno - 1]
    indent = first[: len(first) - len(first.lstrip())]
    assert first[: stmt.col_offset].strip() == "", f"statement shares its line: {first!r}"
    assert stmt.end_lineno is not None
    body = [
        "    " + text if text.strip() else text for text in lines[stmt.lineno - 1 : stmt.end_lineno]
    ]
    return "".join(
        [
            *lines[: stmt.lineno - 1],
            f"{indent}if False:  # mutant\n",
            *body,
            *lines[stmt.end_lineno :],
        ]
    )


def mutants(path: Path) -> list[Mutant]:
    """Every emitting branch of the module at ``path``, each disabled in a copy of its source."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    found: list[Mutant] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        code = _code_of(node)
        if code is None:
            continue
        parent = parents[node]
        if isinstance(parent, ast.List):
            rest = [ast.unparse(e) for e in parent.elts if e is not node]
            mutated, how = _replace(source, parent, "[" + ", ".join(rest) + "]"), "left out of list"
        elif isinstance(parent, ast.Return):
            mutated, how = _replace(source, node, "None"), "returned None"
        else:
            stmt: ast.AST = node
            while not isinstance(stmt, ast.stmt):
                stmt = parents[stmt]
            mutated, how = _guard(source, stmt), f"{type(stmt).__name__.lower()} under if False"
        ast.parse(mutated)  # a mutant is always valid Python
        found.append(Mutant(path, node.lineno, code, how, mutated))
    return sorted(found, key=lambda m: m.line)


def _pytest(package: Path, args: list[str]) -> int:
    """Run pytest with the package at ``package`` imported first; its exit code."""
    bootstrap = (
        "import sys; sys.path.insert(0, sys.argv[1]); import hfctl; "
        "assert hfctl.__file__.startswith(sys.argv[1]), hfctl.__file__; "
        "import pytest; sys.exit(pytest.main(sys.argv[2:]))"
    )
    # two runs share the checkout at once: its own check (tests/conftest.py) is for one run
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", HFCTL_CHECKOUT_CHECK="0")
    done = subprocess.run(
        [sys.executable, "-c", bootstrap, str(package.parent), "-p", "no:cacheprovider", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode


_BASE: list[Path] = []


def _copy(into: Path) -> Path:
    """A copy of the package under ``into``, with the bytecode of the pristine copy (a mutated
    module has a newer time stamp, so Python compiles it afresh)."""
    target = into / "hfctl"
    if _BASE:
        shutil.copytree(_BASE[0], target)
    else:
        shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _pristine(into: Path) -> Path:
    """The pristine copy every mutant starts from, compiled once."""
    import compileall

    base = _copy(into)
    compileall.compile_dir(base, quiet=1)
    _BASE.append(base)
    return base


def run_one(mutant: Mutant) -> tuple[Mutant, str]:
    """``killed`` (by the code's tests or the wider set), ``survived`` or ``error (exit N)``."""
    with tempfile.TemporaryDirectory(prefix="hfctl-mutant-") as tmp:
        package = _copy(Path(tmp))
        module = package / mutant.file.relative_to(PACKAGE)
        module.write_text(mutant.source, encoding="utf-8")
        os.utime(module, (time.time() + 10, time.time() + 10))  # never the pristine bytecode's
        code = _pytest(package, ["-x", "-q", "-k", mutant.code, *BUILDER_TESTS])
        if code == 1:
            return mutant, "killed"
        if code not in (0, 5):  # 5: no test named the code
            return mutant, f"error (exit {code})"
        code = _pytest(package, ["-x", "-q", *WIDE_TESTS])
        if code == 1:
            return mutant, "killed (wide)"
        return mutant, "survived" if code == 0 else f"error (exit {code})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.mutation", description=__doc__.split("\n")[0]
    )
    parser.add_argument("codes", nargs="*", help="only codes starting with these (HF3, HF334)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    args = parser.parse_args(argv)
    chosen = [
        m
        for path in TARGETS
        for m in mutants(path)
        if not args.codes or any(m.code.startswith(prefix) for prefix in args.codes)
    ]
    if args.list:
        for m in chosen:
            print(f"{m.name}  ({m.how})")
        print(f"{len(chosen)} mutants")
        return 0
    started = time.monotonic()
    results: list[tuple[Mutant, str]] = []
    with tempfile.TemporaryDirectory(prefix="hfctl-pristine-") as tmp:
        if _pytest(_pristine(Path(tmp)), ["-x", "-q", *BUILDER_TESTS]) != 0:
            print("the unmutated package fails the builder tests: fix them first")
            return 2
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for mutant, outcome in pool.map(run_one, chosen):
                results.append((mutant, outcome))
                print(f"{outcome:14} {mutant.name}  ({mutant.how})", flush=True)
    killed = sum(1 for _, o in results if o.startswith("killed"))
    wide = sum(1 for _, o in results if o == "killed (wide)")
    survived = [m for m, o in results if o == "survived"]
    errors = [m for m, o in results if o.startswith("error")]
    minutes = (time.monotonic() - started) / 60
    print(
        f"\n{len(results)} mutants, {len(results) and len({m.code for m in chosen})} codes: "
        f"{killed} killed ({wide} only by the wider set), {len(survived)} survived, "
        f"{len(errors)} errors, in {minutes:.1f} min"
    )
    for m in survived:
        print(f"SURVIVED {m.name}  ({m.how})")
    for m in errors:
        print(f"ERROR    {m.name}  ({m.how})")
    return 1 if survived or errors else 0


if __name__ == "__main__":
    sys.exit(main())
