"""Every writing command under fault: a failure before and during the replace, an interrupt,
a read-only folder, a full disk, a file changed by someone else between read and write, a
stale git lock and a second hfctl at once. Nothing is lost or half-written, no temporary file
is left behind, and the message says what happened and what to do."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hfctl.checks import validation
from hfctl.store import changes as changes_module
from tests.conftest import Repo, git, run

# one line per writing command: a call that succeeds on the bundled data
WRITERS: dict[str, list[str]] = {
    "secretariat rotate": ["secretariat", "rotate"],
    "meeting new": [
        "meeting",
        "new",
        "fousam",
        "--date",
        "2027-02-04",
        "--start",
        "09:00",
        "--location",
        "Kopervik",
    ],
    "meeting case add": [
        "meeting",
        "case",
        "add",
        "2026-12-10-ssu",
        "--title",
        "Budsjett 2027",
        "--type",
        "decision",
    ],
    "meeting move": ["meeting", "move", "2026-12-10-ssu", "--date", "2026-12-11"],
    "meeting cancel": ["meeting", "cancel", "2026-12-10-ssu"],
    "meeting decide": [
        "meeting",
        "decide",
        "2026-11-19-ssu",
        "27",
        "--text",
        "SSU tek saka til orientering.",
    ],
    "meeting attend": [
        "meeting",
        "attend",
        "2026-06-01-fsu-barn-og-unge",
        "--present",
        "FIRST",
        "--apologies",
        "SECOND",
    ],
    "actions done": ["actions", "done", "ssu-2026-02", "--date", "2026-11-20"],
    "inform new": [
        "inform",
        "new",
        "--title",
        "Ny rettleiar",
        "--source",
        "Helsedirektoratet",
        "--summary",
        "Kort samandrag.",
    ],
    # a send by hand, recorded (inform send without --send writes files and records nothing)
    "inform mark-sent": [
        "inform",
        "mark-sent",
        "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027",
        "--all",
        "--date",
        "2026-11-24",
    ],
    "agreements record": [
        "agreements",
        "record",
        "overordna-samarbeidsavtale",
        "Kvinnherad",
        "signed",
        "--date",
        "2026-11-20",
        "--signed-by",
        "Ordførar Test",
    ],
}


def _argv(repo: Repo, name: str, tmp: Path) -> list[str]:
    argv = list(WRITERS[name])
    if name == "meeting attend":
        from hfctl.store.loader import load

        ds = load(repo.root)
        meeting = ds.meetings["2026-06-01-fsu-barn-og-unge"]
        members = [m.person for m in ds.forums[meeting.forum].members_on(meeting.date)]
        argv[argv.index("FIRST")] = members[0]
        argv[argv.index("SECOND")] = members[1]
    return argv


def _data(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((root / "data").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _leftovers(root: Path) -> list[str]:
    return [p.name for p in (root / "data").rglob("*") if "hfctl-tmp" in p.name]


def _fail_replace(monkeypatch: pytest.MonkeyPatch, repo: Repo) -> None:
    real = os.replace

    def fail(src: str, dst: str) -> None:
        if "/data/" in str(dst):
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fail)


def _fail_second_replace(monkeypatch: pytest.MonkeyPatch, repo: Repo) -> None:
    """The first file is written, the second fails: the first must be put back."""
    real = os.replace
    calls = {"n": 0}

    def fail(src: str, dst: str) -> None:
        if "/data/" in str(dst):
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fail)


def _interrupt(monkeypatch: pytest.MonkeyPatch, repo: Repo) -> None:
    def interrupt(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)


def _read_only(monkeypatch: pytest.MonkeyPatch, repo: Repo) -> None:
    """A read-only data folder, simulated (CI runs as root, who may write anywhere)."""
    real = tempfile.mkstemp

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        if "/data" in str(kwargs.get("dir", "")):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def _full_disk(monkeypatch: pytest.MonkeyPatch, repo: Repo) -> None:
    real = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real(fd, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_args: object) -> None:
            self.handle.close()

        def write(self, _data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)


def _changed_meanwhile(monkeypatch: pytest.MonkeyPatch, repo: Repo) -> None:
    """Someone else saves a file after hfctl read it and before it writes."""
    real = validation.new_errors

    def meddle(changes: changes_module.Changeset, today: object, **given: Any) -> object:
        for rel, before in changes.before.items():  # a new file: someone made it meanwhile
            (changes.root / rel).write_bytes((before or b"") + b"# someone else\n")
        return real(changes, today, **given)  # type: ignore[arg-type]

    monkeypatch.setattr(validation, "new_errors", meddle)


# fault -> (inject, exit code, words the message must hold)
FAULTS: dict[str, tuple[Callable[[pytest.MonkeyPatch, Repo], None], int, tuple[str, ...]]] = {
    "replace-fails": (_fail_replace, 1, ("could not write", "unchanged")),
    "interrupt": (_interrupt, 130, ("interrupted", "unchanged")),
    "read-only": (_read_only, 1, ("could not write", "Permission denied", "unchanged")),
    "full-disk": (_full_disk, 1, ("the disk is full", "unchanged")),
    "changed-meanwhile": (_changed_meanwhile, 1, ("changed on disk", "run the command again")),
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("command", list(WRITERS))
def test_a_fault_loses_nothing(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, fault: str
) -> None:
    argv = _argv(repo, command, tmp_path)
    inject, code, words = FAULTS[fault]
    before = _data(repo.root)
    inject(monkeypatch, repo)
    result = run(*argv, repo=repo)
    monkeypatch.undo()
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "internal error" not in result.stderr
    if command == "inform send --send" and fault == "changed-meanwhile":
        # the messages are written by then: the message says so, and not to send them yet
        words = ("not recorded", "Send none of them yet")
    for word in words:
        assert word in result.stderr, result.stderr
    assert _leftovers(repo.root) == []
    if fault == "changed-meanwhile":
        # the other person's save is kept, and nothing of hfctl's change is mixed in
        assert _data(repo.root) != before
        status = git(repo.root, "status", "--porcelain", "--untracked-files=all", "data")
        changed = [line[3:] for line in status.splitlines()]
        assert changed
        assert all(repo.path(rel).read_bytes().endswith(b"# someone else\n") for rel in changed)
    else:
        assert _data(repo.root) == before
    # without the fault the same command writes (so the test above could fail)
    if fault != "changed-meanwhile":
        assert run(*argv, repo=repo).exit_code == 0
        assert _data(repo.root) != before


def test_a_move_that_fails_half_way_puts_the_first_file_back(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``meeting move`` writes the new file and removes the old one; if the removal fails
    after the write, the new file is removed again: never two copies, never none."""
    before = _data(repo.root)
    real_unlink = Path.unlink

    def fail(self: Path, missing_ok: bool = False) -> None:
        if self.name == "2026-12-10-ssu.md":
            raise OSError(errno.EIO, "Input/output error")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", fail)
    result = run(*WRITERS["meeting move"], repo=repo)
    monkeypatch.undo()
    assert result.exit_code == 1 and "unchanged" in result.stderr
    assert _data(repo.root) == before


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_stale_git_lock_is_reported(repo: Repo, tmp_path: Path, command: str) -> None:
    lock = repo.root / ".git" / "index.lock"
    lock.write_text("")
    before = _data(repo.root)
    result = run(*_argv(repo, command, tmp_path), repo=repo)
    assert result.exit_code == 1
    assert "index.lock" in result.stderr, result.stderr
    assert _data(repo.root) == before


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_second_hfctl_waits_its_turn(repo: Repo, tmp_path: Path, command: str) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import time
            from pathlib import Path
            from hfctl.store.writer import write_lock
            with write_lock(Path({str(repo.root)!r})):
                print("locked", flush=True)
                time.sleep(60)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        before = _data(repo.root)
        result = run(*_argv(repo, command, tmp_path), repo=repo)
        assert result.exit_code == 1
        assert "another hfctl command" in result.stderr
        assert _data(repo.root) == before
    finally:
        holder.kill()
        holder.wait()
