"""Every problem code in ``core/rules.py`` is expected by some test, and every code a test
expects is one the table has: a new code without a test fails here."""

from __future__ import annotations

import re
from pathlib import Path

from hfctl.core.rules import RULES

TESTS = Path(__file__).resolve().parents[1]
# a code as a test expects it: quoted, alone ("HF334") or naming a case ("HF334-term-open")
EXPECTED = re.compile(r"""["'](HF\d{3})(?:["'-])""")


def expected_codes() -> dict[str, list[str]]:
    """Code -> the test files that expect it."""
    found: dict[str, list[str]] = {}
    for path in sorted(TESTS.rglob("*.py")):
        if path == Path(__file__).resolve():
            continue
        for code in set(EXPECTED.findall(path.read_text(encoding="utf-8"))):
            found.setdefault(code, []).append(path.relative_to(TESTS).as_posix())
    return found


def test_every_code_is_expected_by_a_test() -> None:
    found = expected_codes()
    assert [code for code in RULES if code not in found] == []


def test_every_code_a_test_expects_exists() -> None:
    assert sorted(set(expected_codes()) - set(RULES)) == []
