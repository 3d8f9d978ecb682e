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


ELSEWHERE = {
    **dict.fromkeys(("HF130", "HF131"), "test_templates.py"),
    "HF335": "test_person_member.py",
    "HF382": "test_locking.py",
    **dict.fromkeys(("HF385", "HF428", "HF429"), "test_meeting_steps.py"),
    **{f"HF43{n}": "test_papers.py" for n in range(8)},
    **{f"HF44{n}": "test_plan.py" for n in range(6)},
    **{f"HF60{n}": "test_init.py" for n in range(5)},
}


def test_every_code_has_a_failing_and_a_passing_case_on_a_built_dataset() -> None:
    """Each code has a case on a dataset made by tests/builder.py, with the mistake (reported
    at its line) and without it (nothing reported); the emitted ones in hfctl/checks and the
    loader are those ``python -m tests.mutation`` disables in turn."""
    from tests.checks.test_codes import CASES, RENUMBERED
    from tests.mutation import TARGETS, mutants
    from tests.store.test_loader_problems import CASES as LOADER_CASES
    from tests.store.test_loader_problems import READING

    names = [*CASES, *RENUMBERED, *LOADER_CASES, *READING]
    built = {name.split("-", 1)[0] for name in names}
    built.add("HF100")  # test_loader_problems.test_unreadable_file_is_hf100_and_the_rest_is_read
    # codes this session's issues added, whose failing and passing cases are (so far) on copies
    # of the bundled repository in the file named, not yet on a built dataset: each must be
    # named in its file, and leaves this list once it has a builder case
    project = Path(__file__).resolve().parents[2]
    for code, file in ELSEWHERE.items():
        assert code in (project / "tests" / file).read_text(encoding="utf-8"), (code, file)
    assert sorted(set(ELSEWHERE) & built) == [], "has a builder case now: take it off ELSEWHERE"
    assert sorted(set(RULES) - built - set(ELSEWHERE)) == []
    emitted = {m.code for path in TARGETS for m in mutants(path)}
    assert emitted and sorted(emitted - set(RULES)) == []
