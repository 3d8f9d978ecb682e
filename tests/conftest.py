"""Shared fixtures: temporary copies of the bundled data in real, isolated git repositories."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hfctl.cli.app import main
from hfctl.core.i18n import set_language

PROJECT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"
NOW = "2026-11-24T09:30:00+01:00"  # the moment files are written (DTSTAMP, Date)


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's git config or home folder; pin today; speak English (the
    messages the tests compare are the msgids; a test of another language sets its own)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test Koordinator")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "koordinator@example.no")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test Koordinator")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "koordinator@example.no")
    monkeypatch.setenv("HFCTL_TODAY", TODAY)
    monkeypatch.setenv("HFCTL_NOW", NOW)
    monkeypatch.setenv("HFCTL_STRICT_READS", "1")  # a check reads only what it declares
    monkeypatch.delenv("HFCTL_REPO", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    # the tests of English output speak English; the tests of nn and nb ask for them
    monkeypatch.setenv("HFCTL_LANG", "en")
    set_language("en")


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` and return its output."""
    result = subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True, env=os.environ.copy()
    )
    return result.stdout


@dataclass
class Repo:
    """A temporary data repository: a copy of the bundled data under git."""

    root: Path

    def path(self, rel: str) -> Path:
        """A path inside the repository."""
        return self.root / rel

    def read(self, rel: str) -> str:
        """The text of a file."""
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> None:
        """Replace a file's content (creating folders as needed)."""
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> int:
        """Replace ``old`` (which must occur exactly ``count`` times) by ``new``; return the
        1-based line where the first replacement starts."""
        text = self.read(rel)
        assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {rel}"
        line = text[: text.index(old)].count("\n") + 1
        self.write(rel, text.replace(old, new))
        return line

    def line_of(self, rel: str, needle: str) -> int:
        """The 1-based line of the first occurrence of ``needle`` (after a leading newline)."""
        text = self.read(rel)
        assert needle in text, f"{needle!r} not in {rel}"
        index = text.index(needle) + (1 if needle.startswith("\n") else 0)
        return text[:index].count("\n") + 1

    def commit(self, message: str = "change") -> None:
        """Commit everything."""
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", message)


@pytest.fixture(scope="session")
def _pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("pristine")
    shutil.copytree(PROJECT / "data", base / "data")
    return base


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory, _pristine: Path) -> Path:
    """The bundled data as its own git repository, shared by the tests that only read it:
    a command run on it may write its cache there, never into the checkout. Do not change it
    (use ``repo`` for that)."""
    root = tmp_path_factory.mktemp("bundled") / "repo"
    shutil.copytree(_pristine, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "bundled data")
    return root


@pytest.fixture
def repo(tmp_path: Path, _pristine: Path) -> Iterator[Repo]:
    """A fresh copy of the bundled data in a new git repository, committed once."""
    root = tmp_path / "repo"
    shutil.copytree(_pristine, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial data")
    yield Repo(root)


@dataclass
class Result:
    """What a command printed and its exit code."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.stdout)


def run(*args: str, repo: Repo | None = None) -> Result:
    """Run hfctl in-process exactly as the console script does, errors mapped to exit codes."""
    argv = list(args)
    if repo is not None and "--repo" not in argv:
        argv += ["--repo", str(repo.root)]
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = 0
    old_argv, old_env = sys.argv, dict(os.environ)
    sys.argv = ["hfctl", *argv]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = old_argv
        if os.environ != old_env:  # a command must not leave the environment changed
            os.environ.clear()
            os.environ.update(old_env)
    exit_code = code if isinstance(code, int) else (0 if code is None else 1)
    stderr = err.getvalue()
    assert "Traceback" not in stderr, stderr
    return Result(exit_code, out.getvalue(), stderr)


def problems(result: Result) -> list[dict[str, Any]]:
    """The problems of a `validate --format json` run."""
    data = result.json()
    assert isinstance(data["problems"], list)
    return list(data["problems"])


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites golden files instead of comparing with them."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare generated text with ``tests/golden/<name>``; refresh only with --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {name}; run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8"), f"output differs from golden {name}"

    return check


@contextlib.contextmanager
def smtp_server(accept: int | None = None) -> Iterator[tuple[int, list[Any]]]:
    """A local SMTP server (aiosmtpd) on a free port, and the envelopes it received; after
    ``accept`` messages it refuses every further one."""
    import socket

    from aiosmtpd.controller import Controller

    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            if accept is not None and len(received) >= accept:
                return "554 5.7.1 refused by the test"
            received.append(envelope)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


# -- the suite never writes into the checkout --

_IGNORED_DIRS = {
    ".git",
    ".venv",
    "__pycache__",
    ".ruff_cache",
    ".mypy_cache",
    ".pytest_cache",
    ".import_linter_cache",
}
_STATE = pytest.StashKey[dict[str, tuple[int, int]]]()
_HYPOTHESIS = pytest.StashKey[str]()
_CHANGED = pytest.StashKey[list[str]]()


def checkout_state(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (tools' own caches and the virtual environment aside) with its
    modification time and size, the cache key hfctl would put in its git directory, and the
    lines of ``git status --porcelain --ignored``."""
    state: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _IGNORED_DIRS and not d.endswith(".egg-info")]
        for name in files:
            path = Path(folder, name)
            try:
                info = path.lstat()
            except OSError:
                continue
            state[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size)
    done = subprocess.run(
        ["git", "rev-parse", "--absolute-git-dir"], cwd=root, capture_output=True, text=True
    )
    if done.returncode == 0:
        key = Path(done.stdout.strip()) / "hfctl-cache.key"
        if key.exists():
            info = key.stat()
            state[f"(git dir)/{key.name}"] = (info.st_mtime_ns, info.st_size)
        status = subprocess.run(
            ["git", "status", "--porcelain", "--ignored"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout
        for line in status.splitlines():
            first = line[3:].split("/", 1)[0]
            if first not in _IGNORED_DIRS and not first.endswith(".egg-info"):
                state[f"(git status) {line}"] = (0, 0)
    return state


def state_changes(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
) -> list[str]:
    """What differs between two ``checkout_state``s, one line each."""
    changes = [f"new: {k}" for k in sorted(set(after) - set(before))]
    changes += [f"gone: {k}" for k in sorted(set(before) - set(after))]
    changes += [f"changed: {k}" for k in sorted(set(before) & set(after)) if before[k] != after[k]]
    return changes


def _checking(config: pytest.Config) -> bool:
    """The check is off when a run is meant to write (--update-golden, screenshots) or when
    several runs share the checkout at once (the mutation run sets HFCTL_CHECKOUT_CHECK=0)."""
    return not (
        config.getoption("--update-golden")
        or os.environ.get("HFCTL_SCREENSHOTS")
        or os.environ.get("HFCTL_CHECKOUT_CHECK") == "0"
    )


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis keeps its example database and caches outside the checkout."""
    from hypothesis.configuration import set_hypothesis_home_dir

    config.stash[_HYPOTHESIS] = tempfile.mkdtemp(prefix="hfctl-hypothesis-")
    set_hypothesis_home_dir(config.stash[_HYPOTHESIS])


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove Hypothesis's folder."""
    folder = config.stash.get(_HYPOTHESIS, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Note the state of the checkout before any test runs."""
    if _checking(session.config):
        session.config.stash[_STATE] = checkout_state(PROJECT)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Fail the run if it wrote anything into the checkout."""
    before = session.config.stash.get(_STATE, None)
    if before is None:
        return
    changes = state_changes(before, checkout_state(PROJECT))
    if changes:
        session.config.stash[_CHANGED] = changes
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Say what the run wrote into the checkout."""
    changes = config.stash.get(_CHANGED, [])
    if changes:
        terminalreporter.section("the test run wrote into the checkout", red=True)
        for line in changes:
            terminalreporter.write_line(line)
