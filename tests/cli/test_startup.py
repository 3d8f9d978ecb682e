"""Start-up stays light: --version and --help import none of the heavy libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Repo

HEAVY = ("git", "jinja2", "ruamel", "pydantic", "babel", "icalendar", "holidays")


def _imported_after(
    argv: list[str], entry: str, names: tuple[str, ...], cwd: Path | None = None
) -> list[str]:
    """Which of ``names`` (modules, and the modules below them) a fresh Python has imported
    after running hfctl with ``argv`` through ``entry`` (the console script's ``hfctl.cli.launch``
    or ``hfctl.cli.app``). The run must succeed: a usage error would import nothing and prove
    nothing."""
    code = (
        "import sys\n"
        f"sys.argv = {['hfctl', *argv]!r}\n"
        "code = 0\n"
        f"try:\n    from {entry} import main\n    main()\n"
        "except SystemExit as done:\n    code = done.code or 0\n"
        f"names = {names!r}\n"
        "found = {n for m in sys.modules for n in names if m == n or m.startswith(n + '.')}\n"
        "print(code, sorted(found), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd
    )
    code, _, found = result.stderr.strip().splitlines()[-1].partition(" ")
    assert code == "0", result.stderr
    return list(ast.literal_eval(found))


@pytest.mark.parametrize("entry", ["hfctl.cli.launch", "hfctl.cli.app"])
@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_flag_imports_nothing_heavy(flag: str, entry: str) -> None:
    assert _imported_after([flag], entry, HEAVY) == []


def test_version_through_the_console_script_imports_no_command_line_library() -> None:
    assert _imported_after(["--version"], "hfctl.cli.launch", ("typer", "rich", "click")) == []


@pytest.mark.parametrize("command", [["validate"], ["status"]])
def test_reading_commands_on_a_clean_repository_import_no_git_library(
    command: list[str], repo: Repo
) -> None:
    """Validation asks git one question (has a meeting changed since HEAD?) without GitPython;
    GitPython loads only when history must be read or a write committed."""
    argv = ["--no-cache", *command, "--repo", str(repo.root)]
    assert _imported_after(argv, "hfctl.cli.launch", ("git", "jinja2")) == []


def test_a_changed_meeting_still_reaches_the_renumbering_check(repo: Repo) -> None:
    """The cheap question must not hide a change: a meeting changed since HEAD is compared."""
    from hfctl.checks.renumbering import meetings_changed

    assert not meetings_changed(repo.root, "HEAD")
    meeting = sorted(repo.path("data/meetings").rglob("*.md"))[0]
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert meetings_changed(repo.root, "HEAD")
    assert not meetings_changed(repo.root, "no-such-revision")
    assert not meetings_changed(repo.root.parent, "HEAD")  # not a git repository


def test_a_repeated_validation_reads_no_data_file_again(repo: Repo) -> None:
    """The second run on unchanged data takes the report kept by the first (hfctl.store.cache):
    neither the YAML reader nor the models nor the loader are imported."""
    argv = ["validate", "--repo", str(repo.root)]
    names = ("ruamel", "hfctl.models", "hfctl.store.loader")
    assert _imported_after(argv, "hfctl.cli.launch", names) == sorted(names)
    assert _imported_after(argv, "hfctl.cli.launch", names) == []


def test_a_plain_run_in_nynorsk_imports_no_help_formatting(repo: Repo) -> None:
    """Speaking nynorsk costs no import of typer's help and error formatting (rich_utils, with
    rich's Markdown) in a run that shows neither."""
    argv = ["status", "--lang", "nn", "--repo", str(repo.root)]
    assert _imported_after(argv, "hfctl.cli.launch", ("typer.rich_utils", "rich.markdown")) == []


def test_a_repeated_validation_imports_neither_models_nor_pydantic(repo: Repo) -> None:
    """The kept report of an unchanged repository needs no model, and typer builds an option's
    pydantic coercion only for an option given a value it does not already have
    (``hfctl.cli.coercion``): the second run imports no pydantic at all."""
    argv = ["validate"]
    _imported_after(argv, "hfctl.cli.launch", (), repo.root)  # the first run keeps its report
    found = _imported_after(argv, "hfctl.cli.launch", ("pydantic", "hfctl.models"), repo.root)
    assert found == []


def test_an_option_given_a_bad_value_is_still_refused(repo: Repo) -> None:
    from tests.conftest import run

    assert run("validate", "--format", "nope", repo=repo).exit_code == 2
    assert run("validate", "--format", "json", repo=repo).exit_code == 0
