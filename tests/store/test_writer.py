"""The shared write path under fault: failures, interrupts, locks, and invalid changes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hfctl.checks import validation
from hfctl.core.errors import RefusedError
from hfctl.store import changes as changes_module
from hfctl.store import writer
from tests.conftest import Repo, run

SSU = "data/forums/ssu.yaml"


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if "hfctl-tmp" in p.name]


def test_failure_just_before_replace_leaves_the_file(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = repo.path(SSU).read_bytes()

    def fail(*_args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    result = run("secretariat", "rotate", repo=repo)
    assert result.exit_code == 1
    assert "could not write" in result.stderr and "unchanged" in result.stderr
    assert repo.path(SSU).read_bytes() == before
    assert _leftovers(repo.path("data/forums")) == []


def test_interrupt_during_the_write_leaves_the_file(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = repo.path(SSU).read_bytes()

    def interrupt(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    result = run("secretariat", "rotate", repo=repo)
    assert result.exit_code == 130
    assert repo.path(SSU).read_bytes() == before
    assert _leftovers(repo.path("data/forums")) == []


def test_full_disk_is_reported(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    before = repo.path(SSU).read_bytes()
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_args: object) -> None:
            self.handle.close()

        def write(self, _data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    result = run("secretariat", "rotate", repo=repo)
    assert result.exit_code == 1
    assert "the disk is full" in result.stderr
    assert repo.path(SSU).read_bytes() == before
    assert _leftovers(repo.path("data/forums")) == []


def test_file_mode_is_kept(repo: Repo) -> None:
    repo.path(SSU).chmod(0o640)
    assert run("secretariat", "rotate", repo=repo).exit_code == 0
    assert repo.path(SSU).stat().st_mode & 0o777 == 0o640


def test_second_process_is_refused_while_the_lock_is_held(repo: Repo) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from hfctl.store.writer import write_lock
            with write_lock(Path({str(repo.root)!r})):
                print("locked", flush=True)
                time.sleep(30)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        before = repo.read(SSU)
        result = run("secretariat", "rotate", repo=repo)
        assert result.exit_code == 1
        assert "another hfctl command" in result.stderr
        assert repo.read(SSU) == before
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.05)
    assert run("secretariat", "rotate", repo=repo).exit_code == 0


def test_change_that_breaks_the_data_is_refused(repo: Repo) -> None:
    changes = changes_module.Changeset(repo.root)
    text = changes.read(SSU).decode()
    changes.set(SSU, text.replace("term_years: 2", "term_years: 3", 1))
    with pytest.raises(RefusedError) as caught:
        writer.apply(
            changes,
            today=dt.date(2026, 11, 24),
            check=validation.new_errors,
        )
    assert {p.code for p in caught.value.problems} == {"HF351"}
    assert repo.read(SSU) == text


def test_file_changed_by_someone_else_is_refused(repo: Repo) -> None:
    changes = changes_module.Changeset(repo.root)
    text = changes.read(SSU).decode()
    changes.set(SSU, text + "# one more line\n")
    repo.write(SSU, text + "# someone else\n")
    with pytest.raises(RefusedError, match="changed on disk"):
        writer.apply(
            changes,
            today=dt.date(2026, 11, 24),
            check=validation.new_errors,
            allow_dirty=True,
        )
    assert repo.read(SSU).endswith("# someone else\n")


def test_every_bundled_file_round_trips_byte_identical(repo: Repo) -> None:
    from hfctl.store import yamledit

    files = sorted(repo.path("data").rglob("*.yaml")) + sorted(repo.path("data").rglob("*.md"))
    assert len(files) > 50
    for path in files:
        raw = path.read_bytes()
        doc = yamledit.open_bytes(str(path), raw, markdown=path.suffix == ".md")
        assert doc.render().encode() == raw, path
