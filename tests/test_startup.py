"""Start-up stays light: --version and --help import none of the heavy libraries."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import Repo

HEAVY = ("git", "jinja2", "ruamel", "pydantic", "babel", "icalendar", "holidays")


def _imported_after(argv: list[str], entry: str, names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` (top-level packages) a fresh Python has imported after running hfctl
    with ``argv`` through ``entry`` (the console script's ``hfctl.launch`` or ``hfctl.cli``)."""
    code = (
        "import sys\n"
        f"sys.argv = {['hfctl', *argv]!r}\n"
        f"try:\n    from {entry} import main\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({names!r})), "
        "file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return list(ast.literal_eval(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("entry", ["hfctl.launch", "hfctl.cli"])
@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_flag_imports_nothing_heavy(flag: str, entry: str) -> None:
    assert _imported_after([flag], entry, HEAVY) == []


def test_version_through_the_console_script_imports_no_command_line_library() -> None:
    assert _imported_after(["--version"], "hfctl.launch", ("typer", "rich", "click")) == []


@pytest.mark.parametrize("command", [["validate"], ["status"]])
def test_reading_commands_on_a_clean_repository_import_no_git_library(
    command: list[str], repo: Repo
) -> None:
    """Validation asks git one question (has a meeting changed since HEAD?) without GitPython;
    GitPython loads only when history must be read or a write committed."""
    argv = ["--no-cache", "--repo", str(repo.root), *command]
    assert _imported_after(argv, "hfctl.launch", ("git", "jinja2")) == []


def test_a_changed_meeting_still_reaches_the_renumbering_check(repo: Repo) -> None:
    """The cheap question must not hide a change: a meeting changed since HEAD is compared."""
    from hfctl.renumbering import _meetings_changed

    assert not _meetings_changed(repo.root, "HEAD")
    meeting = sorted(repo.path("data/meetings").rglob("*.md"))[0]
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _meetings_changed(repo.root, "HEAD")
    assert not _meetings_changed(repo.root, "no-such-revision")
    assert not _meetings_changed(repo.root.parent, "HEAD")  # not a git repository
