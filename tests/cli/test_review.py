"""Pull-request review: --at, --changed-since, GitLab reports and the pre-commit hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT, Repo, git, problems, run

SSU = "data/forums/ssu.yaml"


def test_at_answers_from_an_earlier_revision(repo: Repo) -> None:
    first = git(repo.root, "rev-parse", "HEAD").strip()
    assert run("secretariat", "rotate", "--commit", repo=repo).exit_code == 0
    now = run("secretariat", "history", "--format", "json", repo=repo).json()
    then = run("secretariat", "history", "--format", "json", "--at", first, repo=repo).json()
    assert len(now) == len(then) + 1
    assert run("validate", "--at", first, repo=repo).exit_code == 0
    status = run("status", "--format", "json", "--at", first, repo=repo)
    assert status.exit_code == 0 and status.json()["secretariat"][0]["next_holder"]
    bad = run("validate", "--at", "no-such-rev", repo=repo)
    assert bad.exit_code == 1 and "no revision" in bad.stderr


def test_at_does_not_check_out(repo: Repo) -> None:
    first = git(repo.root, "rev-parse", "HEAD").strip()
    repo.edit(SSU, "term_years: 2", "term_years: 3")
    assert run("validate", "--at", first, repo=repo).exit_code == 0
    assert "term_years: 3" in repo.read(SSU)


def test_changed_since_reports_only_changed_files(repo: Repo) -> None:
    base = git(repo.root, "rev-parse", "HEAD").strip()
    # an old problem in a file the pull request does not touch
    repo.edit("data/parties/bokn.yaml", "id: bokn", "id: bokn-old")
    repo.commit("old problem")
    base = git(repo.root, "rev-parse", "HEAD").strip()
    clean = run("validate", "--changed-since", base, "--format", "json", repo=repo)
    assert clean.exit_code == 0 and problems(clean) == []
    repo.edit(
        SSU,
        "holders: [helseleiarnettverket, helse-fonna]",
        "holders: [helseleiarnettverket, fousam]",
    )
    changed = run("validate", "--changed-since", base, "--format", "json", repo=repo)
    assert changed.exit_code == 1
    assert {p["file"] for p in problems(changed)} == {SSU}


def test_gitlab_code_quality_report(repo: Repo) -> None:
    repo.edit("data/parties/bokn.yaml", "id: bokn", "id: bokn-old")
    result = run("validate", "--format", "gitlab", repo=repo)
    assert result.exit_code == 1
    issues = result.json()
    error = next(i for i in issues if i["check_name"] == "HF301")
    assert error["severity"] == "major"
    assert error["location"] == {"path": "data/parties/bokn.yaml", "lines": {"begin": 2}}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def _fingerprints(repo: Repo, file: str) -> list[tuple[int, str]]:
    result = run("validate", "--format", "gitlab", repo=repo)
    return sorted(
        (i["location"]["lines"]["begin"], i["fingerprint"])
        for i in result.json()
        if i["location"]["path"] == file and i["check_name"] == "HF310"
    )


def test_gitlab_fingerprints_of_two_identical_problems_differ_and_survive_moved_lines(
    repo: Repo,
) -> None:
    """Two identical problems (same code, file and message) on different lines get two
    fingerprints, so GitLab's widget shows both; moving the lines keeps both fingerprints."""
    forum = "data/forums/fousam.yaml"
    repo.edit(forum, "  - person: eirik-moe", "  - person: nobody-here", count=2)
    lines = [n for n, text in enumerate(repo.read(forum).splitlines(), 1) if "nobody-here" in text]
    assert len(lines) == 2
    first = _fingerprints(repo, forum)
    assert [line for line, _ in first] == lines
    assert len({f for _, f in first}) == 2
    repo.edit(forum, "id: fousam\n", "id: fousam\n# a comment\n# another\n")
    moved = _fingerprints(repo, forum)
    assert [line for line, _ in moved] == [n + 2 for n in lines]
    assert [f for _, f in moved] == [f for _, f in first]


@pytest.mark.skipif(
    shutil.which("pre-commit") is None
    and not (Path(sys.executable).parent / "pre-commit").exists(),
    reason="pre-commit not installed",
)
def test_pre_commit_hook_refuses_a_bad_commit(repo: Repo) -> None:
    hooks = (PROJECT / ".pre-commit-hooks.yaml").read_text()
    assert "id: hfctl-validate" in hooks and "entry: hfctl validate" in hooks
    bindir = Path(sys.executable).parent
    repo.write(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: local\n    hooks:\n      - id: hfctl-validate\n"
        "        name: hfctl validate\n        entry: hfctl validate\n"
        "        language: system\n        pass_filenames: false\n"
        "        files: ^data/\n",
    )
    git(repo.root, "add", ".pre-commit-config.yaml")
    git(repo.root, "commit", "-q", "-m", "pre-commit config")
    env = {
        **os.environ,
        "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(repo.root.parent / "pre-commit-home"),
    }
    subprocess.run(
        [str(bindir / "pre-commit"), "install"],
        cwd=repo.root,
        env=env,
        check=True,
        capture_output=True,
    )
    repo.edit("data/parties/bokn.yaml", "id: bokn", "id: bokn-old")
    git(repo.root, "add", "-A")
    refused = subprocess.run(
        ["git", "commit", "-m", "bad"], cwd=repo.root, env=env, capture_output=True, text=True
    )
    assert refused.returncode != 0
    assert "HF301" in refused.stdout + refused.stderr
    repo.edit("data/parties/bokn.yaml", "id: bokn-old", "id: bokn")
    repo.edit(SSU, "notice_days: 14", "notice_days: 10")
    git(repo.root, "add", "-A")
    accepted = subprocess.run(
        ["git", "commit", "-m", "good"], cwd=repo.root, env=env, capture_output=True, text=True
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
