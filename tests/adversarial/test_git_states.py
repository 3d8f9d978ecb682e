"""Git states asked of git: unmerged paths without MERGE_HEAD, git missing, an empty
--branch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Repo, git, run

MOVE = ("meeting", "move", "2026-12-17-fousam", "--location", "Rom 2")
FORUM = "data/forums/ssu.yaml"


def _conflicted_stash_pop(repo: Repo) -> None:
    repo.write(FORUM, repo.read(FORUM) + "# mine\n")
    git(repo.root, "stash", "-q")
    repo.write(FORUM, repo.read(FORUM) + "# theirs\n")
    repo.commit("theirs")
    with pytest.raises(Exception):  # noqa: B017  (git exits 1: the conflict)
        git(repo.root, "stash", "pop")


def test_unmerged_paths_without_merge_head_refuse_a_write(repo: Repo) -> None:
    _conflicted_stash_pop(repo)
    assert not (repo.root / ".git" / "MERGE_HEAD").exists()
    result = run(*MOVE, "--allow-dirty", repo=repo)
    assert result.exit_code != 0 and "unmerged" in result.stderr


def test_control_the_same_write_goes_through_without_the_conflict(repo: Repo) -> None:
    assert run(*MOVE, repo=repo).exit_code == 0


def test_git_missing_is_said_and_writes_without_commit_still_work(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on it
    for args in (
        ("diff",),
        ("log",),
        ("validate", "--at", "HEAD"),
        ("validate", "--changed-since", "HEAD"),
    ):
        result = run(*args, repo=repo)
        assert result.exit_code == 2 and "git, which is not installed" in result.stderr, args
    assert run(*MOVE, repo=repo).exit_code == 0
    monkeypatch.setenv("PATH", os.defpath + os.pathsep + os.environ.get("PATH", ""))


def test_an_empty_branch_name_is_refused(repo: Repo) -> None:
    result = run(*MOVE, "--branch", "", repo=repo)
    assert result.exit_code != 0 and "--branch" in result.stderr
    assert "Rom 2" not in repo.read("data/meetings/2026/2026-12-17-fousam.md")


def test_a_sparse_checkout_is_not_a_removal(repo: Repo) -> None:
    git(
        repo.root,
        "sparse-checkout",
        "set",
        "--no-cone",
        "/data/*.yaml",
        "/data/people/",
        "/data/parties/",
    )
    assert not repo.path("data/meetings").exists()
    changes = run("diff", "HEAD", "--format", "json", repo=repo).json()
    assert changes == []
    # control: a meeting really removed in a full checkout is reported
    git(repo.root, "sparse-checkout", "disable")
    repo.path("data/meetings/2026/2026-12-17-fousam.md").unlink()
    removed = run("diff", "HEAD", "--format", "json", repo=repo).json()
    assert any("2026-12-17-fousam" in c["file"] for c in removed)
