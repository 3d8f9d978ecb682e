"""The command line's error handler (cli.app.main): each kind of ending has its exit code and a
message, never a traceback. A stand-in command raises what each case needs."""

from __future__ import annotations

from typing import Annotated

import pytest
import typer

from hfctl.cli import app
from hfctl.cli.context import note_unreadable
from hfctl.core.errors import HfctlError, Interrupted, NotFoundError, RefusedError, UsageError
from hfctl.core.problems import Location, Problem, Severity
from tests.conftest import run

RAISES: dict[str, BaseException] = {
    "refused": RefusedError("the change would lose data"),
    "not-found": NotFoundError("no meeting 'x'"),
    "usage": UsageError("'31.02.2026' is not a day"),
    "interrupted": Interrupted("interrupted while writing; the files are unchanged"),
    "ctrl-c": KeyboardInterrupt(),
    "bug": RuntimeError("something hfctl did not expect"),
}


def boom(what: Annotated[str, typer.Argument()]) -> None:
    """Raise what the test asks for; 'ok' prints and returns, 'unreadable' notes a file."""
    if what == "ok":
        typer.echo("done")
        return
    if what == "unreadable":
        note_unreadable(
            [Problem("HF100", Severity.ERROR, "cannot parse", Location("data/x.yaml", 3, 1))]
        )
        typer.echo("what could be read")
        return
    raise RAISES[what]


@pytest.fixture(autouse=True)
def _stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.COMMANDS, "boom", (__name__, "boom", False))


@pytest.mark.parametrize(
    ("what", "code", "words"),
    [
        ("ok", 0, "done"),
        ("refused", 1, "the change would lose data"),
        ("not-found", 1, "no meeting 'x'"),
        ("unreadable", 1, "data/x.yaml"),
        ("usage", 2, "is not a day"),
        ("interrupted", 130, "unchanged"),
        ("ctrl-c", 130, "interrupted"),
        ("bug", 3, "internal error: RuntimeError"),
    ],
)
def test_each_ending_has_its_exit_code(what: str, code: int, words: str) -> None:
    result = run("boom", what)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert words in result.stdout + result.stderr
    if code != 0:
        assert result.stderr.strip(), "a failure says why on stderr"


def test_a_usage_error_of_the_parser_is_exit_2() -> None:
    result = run("boom")  # the argument is missing
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_an_internal_error_shows_the_traceback_only_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HFCTL_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run("boom", "bug")


def test_hfctl_errors_all_derive_from_one_class() -> None:
    assert all(isinstance(e, HfctlError) for k, e in RAISES.items() if k not in ("ctrl-c", "bug"))
