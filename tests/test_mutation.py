"""The mutation run's mutants (tests/mutation.py): each disables one branch, and only that one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.mutation import TARGETS, mutants

MODULE = """
def two(ds):
    if ds:
        yield problem("HF301", "a", 1)
    for x in ds:
        yield problem(
            "HF302", "b", x
        )


def one(ds):
    yield problem("HF303", "c", 1)


def returned(path):
    if path:
        return _file_problem(path, path, "HF115", "m")
    return None


def listed(name):
    out = []
    out.append(Problem("HF116", "w", name))
    return (None, [Problem("HF100", "e", name)], out)
"""


def _run(source: str) -> list[str]:
    """The codes the module's functions report, each problem a (code, ...) tuple."""
    space: dict[str, Any] = {
        "problem": lambda *a: a,
        "Problem": lambda *a: a,
        "_file_problem": lambda *a: a[2:],
    }
    exec(compile(source, "<mutant>", "exec"), space)
    found = [p[0] for p in space["two"]([1])] + [p[0] for p in space["one"](None)]
    returned = space["returned"]("x")
    found += [returned[0]] if returned else []
    _, listed, out = space["listed"]("n")
    return found + [p[0] for p in listed] + [p[0] for p in out]


def test_each_mutant_leaves_out_its_code_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "module.py"
    path.write_text(MODULE)
    everything = ["HF301", "HF302", "HF303", "HF115", "HF100", "HF116"]
    assert _run(MODULE) == everything
    found = mutants(path)
    assert [m.code for m in found] == ["HF301", "HF302", "HF303", "HF115", "HF116", "HF100"]
    for mutant in found:
        assert _run(mutant.source) == [c for c in everything if c != mutant.code], mutant.how
    assert {m.how for m in found} == {
        "expr under if False",
        "returned None",
        "left out of list",
    }


def test_every_module_that_reports_a_code_has_its_mutants() -> None:
    for path in TARGETS:
        found = mutants(path)
        original = path.read_text(encoding="utf-8")
        assert bool(found) == bool(re.search(r'"HF\d{3}"', original)), path
        assert all(m.source != original for m in found)
        assert len({m.source for m in found}) == len(found)
