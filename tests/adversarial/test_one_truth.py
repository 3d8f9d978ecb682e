"""Writes that are one truth: a crash in the middle of ``meeting move --date`` (the new file
written, the old not yet removed) is finished by the next write; temporary files a crash
left in data/ are removed by the next write."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import Repo, problems, run

OLD = "data/meetings/2026/2026-12-10-ssu.md"
NEW = "data/meetings/2026/2026-12-11-ssu.md"

CRASH = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    real = Path.unlink
    def crash(self, *args, **kwargs):
        if self.name == "2026-12-10-ssu.md":
            os._exit(9)  # killed: no handler, no clean-up runs
        return real(self, *args, **kwargs)
    Path.unlink = crash
    sys.argv = ["hfctl", *sys.argv[1:]]
    from hfctl.cli.app import main
    main()
    """
)


def _move_and_crash(repo: Repo) -> int:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASH,
            "meeting",
            "move",
            "2026-12-10-ssu",
            "--date",
            "2026-12-11",
            "--repo",
            str(repo.root),
        ],
        capture_output=True,
        env=os.environ.copy(),
        check=False,
        timeout=300,
    )
    return done.returncode


def test_a_move_killed_half_way_is_finished_by_the_next_write(repo: Repo) -> None:
    assert _move_and_crash(repo) == 9
    # control: the crash left two truths (both files), which validation reports
    assert repo.path(OLD).exists() and repo.path(NEW).exists()
    assert any(
        p["severity"] == "error" for p in problems(run("validate", "--format", "json", repo=repo))
    )
    result = run(
        "meeting", "move", "2026-12-17-fousam", "--location", "Rom 2", "--allow-dirty", repo=repo
    )
    assert result.exit_code == 0, result.stderr
    assert not repo.path(OLD).exists() and repo.path(NEW).exists()
    errors = [
        p
        for p in problems(run("validate", "--format", "json", repo=repo))
        if p["severity"] == "error"
    ]
    assert errors == []
    assert not list(repo.root.joinpath(".git").glob("hfctl-journal*"))


def test_a_journal_over_files_changed_since_is_refused_not_applied(repo: Repo) -> None:
    assert _move_and_crash(repo) == 9
    repo.write(NEW, repo.read(NEW) + "\nedited by hand\n")
    result = run(
        "meeting", "move", "2026-12-17-fousam", "--location", "Rom 2", "--allow-dirty", repo=repo
    )
    assert result.exit_code != 0 and "interrupted" in result.stderr
    assert repo.read(NEW).endswith("edited by hand\n") and repo.path(OLD).exists()


def test_a_stale_temporary_file_is_removed_by_the_next_write(repo: Repo) -> None:
    stale = repo.path("data/meetings/2026/.2026-12-10-ssu.md.abc123.hfctl-tmp")
    stale.write_text("half a file", encoding="utf-8")
    assert run("validate", repo=repo).exit_code == 0  # control: a read leaves it alone
    assert stale.exists()
    result = run("meeting", "move", "2026-12-17-fousam", "--location", "Rom 2", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert not stale.exists()
