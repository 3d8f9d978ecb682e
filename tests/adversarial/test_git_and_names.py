"""Git's output and file names, hostile: history cannot be broken or forged, names with
control characters are refused where they are and never printed raw."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import Repo, git, problems, run

PERSON = "data/people/anne-rod.yaml"


def _commit_as(repo: Repo, author: str, subject: str) -> str:
    """Commit everything with an author and subject git takes as given (commit-tree)."""
    git(repo.root, "add", "-A")
    tree = git(repo.root, "write-tree").strip()
    parent = git(repo.root, "rev-parse", "HEAD").strip()
    env = {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "x@example.no",
        "GIT_COMMITTER_NAME": "c",
        "GIT_COMMITTER_EMAIL": "c@example.no",
    }
    import os

    sha = (
        subprocess.run(
            ["git", "commit-tree", tree, "-p", parent],
            cwd=repo.root,
            input=subject.encode(),
            capture_output=True,
            check=True,
            env={**os.environ, **env},
        )
        .stdout.decode()
        .strip()
    )
    git(repo.root, "update-ref", "HEAD", sha)
    return sha


def _add_person(repo: Repo, pid: str, name: str) -> None:
    text = repo.read(PERSON).replace("id: anne-rod", f"id: {pid}")
    repo.write(f"data/people/{pid}.yaml", text.replace("name: Anne Rød", f"name: {name}"))


HOSTILE = [
    ("Eve\x1fone", "subject"),  # the old field separator in the author
    ("Eve", "a\x1eforged record\x1fdeadbeef"),  # the old record separator in the subject
    ("Eve", "hfctl-commit-0000000000000000 looks like a marker"),  # (git refuses a NUL)
    ("Eve\x1b[2J", "clear the screen"),
    ("Eve", "line one\n\nbody with %x00 and \x1e\x1f"),
]


@pytest.mark.parametrize(("author", "subject"), HOSTILE)
def test_hostile_authors_and_subjects_neither_break_nor_forge_the_log(
    repo: Repo, author: str, subject: str
) -> None:
    _add_person(repo, "anne-hansen", "Anne Rød-Hansen")
    sha = _commit_as(repo, author, subject)
    _add_person(repo, "anne-rud", "Anne Rud")
    repo.commit("plain")
    result = run("log", "--json", repo=repo)
    assert result.exit_code == 0, result.stderr
    entries = result.json()
    as_git_says = git(repo.root, "log", "-1", "--format=%an", sha).rstrip("\n")
    mine = [e for e in entries if e["commit"] == sha]
    # control: the hostile commit's change is there, with its own author, and the next
    # commit's change is there with its own
    assert mine and all(e["author"] == as_git_says for e in mine)
    assert any("Anne Rød-Hansen" in e["message"] for e in mine)
    assert not any("Anne Rud" in e["message"] for e in mine)
    later = [e for e in entries if e["author"] == "Test Koordinator" and "Anne Rud" in e["message"]]
    assert later
    commits = set(git(repo.root, "rev-list", "HEAD").split())
    assert {e["commit"] for e in entries} <= commits  # no fabricated commit
    text = run("log", repo=repo).stdout
    assert "\x1b" not in text and "\x1e" not in text and "\x1f" not in text
    if "\x1b" in author:
        assert "\\x1b" in text  # shown, as an escape


@pytest.mark.parametrize(
    "name", ["evil\n::error file=x::forged.yaml", "esc\x1b[31m.yaml", "tab\tname.yaml", "cr\r.yaml"]
)
def test_a_file_name_with_a_control_character_is_refused_and_never_printed_raw(
    repo: Repo, name: str
) -> None:
    rel = f"data/people/{name}"
    repo.write(rel, repo.read(PERSON).replace("id: anne-rod", "id: other"))
    found = problems(run("validate", "--format", "json", repo=repo))
    mine = [p for p in found if p["file"] == rel]
    assert [p["code"] for p in mine] == ["HF115"]
    assert "U+00" in mine[0]["message"] and name not in mine[0]["message"]
    text = run("validate", repo=repo)
    assert text.exit_code == 1
    lines = text.stdout.splitlines()
    assert not any(line.startswith("::") for line in lines)  # no forged workflow command
    assert not any(c in text.stdout for c in "\x1b\r")
    github = run("validate", "--format", "github", repo=repo).stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in github)
    # control: a plain bad name is refused too, and printed as it is
    repo.path(rel).rename(repo.path("data/people/Plain.yaml"))
    plain = run("validate", repo=repo).stdout
    assert "data/people/Plain.yaml" in plain


def test_a_folder_name_with_a_line_break_is_refused(repo: Repo) -> None:
    rel = "data/meetings/20\n26/2026-12-10-ssu.md"
    repo.write(rel, repo.read("data/meetings/2026/2026-12-10-ssu.md"))
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == rel
    ]
    assert [p["code"] for p in found] == ["HF115"] and "folder" in found[0]["message"]


def test_a_committed_name_with_a_line_break_does_not_shift_other_files(repo: Repo) -> None:
    """``git cat-file --batch`` answers in order; a line break in one name used to shift
    every answer after it, so validate --at and diff read the wrong files."""
    bad = "data/people/a\nb.yaml"
    repo.write(bad, "name: [unclosed\n")
    _add_person(repo, "anne-hansen", "Anne Hansen")
    repo.commit("names")
    at = problems(run("validate", "--at", "HEAD", "--format", "json", repo=repo))
    files = {p["file"] for p in at}
    assert bad in files  # the bad file is reported as itself
    assert not any(p["file"] == PERSON for p in at)  # and not in the file after it
    changes = run("diff", "HEAD~1", "HEAD", "--format", "json", repo=repo).json()
    assert [c["file"] for c in changes if "Anne Hansen" in c["message"]] == [
        "data/people/anne-hansen.yaml"
    ]
    # control: the same change without the odd name is seen alike
    git(repo.root, "rm", "-q", "--cached", bad)
    Path(repo.root / bad).unlink()
    repo.commit("gone")
    assert not any(
        p["file"] == bad
        for p in problems(run("validate", "--at", "HEAD", "--format", "json", repo=repo))
    )


def test_a_dollar_in_the_repository_path_is_not_expanded(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitPython expands variables in paths: '$HOME' in a folder name made hfctl treat the
    repository as not under git (dirty, rebase and lock checks skipped)."""
    from hfctl.store import gitops

    moved = tmp_path / "$HOME" / "repo"
    moved.parent.mkdir()
    repo.root.rename(moved)
    assert gitops.open_repo(moved) is not None
    monkeypatch.setenv("HOME", str(tmp_path / "nowhere"))
    found = gitops.open_repo(moved)
    assert found is not None and Path(found.working_tree_dir or "") == moved
    # control: a folder that is not under git is still not
    plain = tmp_path / "plain"
    plain.mkdir()
    assert gitops.open_repo(plain) is None
