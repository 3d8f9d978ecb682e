"""The one module that touches git: state checks before a write, and commits after it.

GitPython is imported only here, and only when a command writes or reads history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hfctl.core.errors import RefusedError

if TYPE_CHECKING:
    from git import Repo


def open_repo(root: Path) -> Repo | None:
    """The git repository that holds ``root``, or None if it is not under git."""
    from git import InvalidGitRepositoryError, NoSuchPathError, Repo

    try:
        return Repo(root, search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        return None


def git_dir(repo: Repo) -> Path:
    """The repository's .git folder."""
    return Path(repo.git_dir)


_IN_PROGRESS = {
    "MERGE_HEAD": "a merge",
    "rebase-merge": "a rebase",
    "rebase-apply": "a rebase",
    "CHERRY_PICK_HEAD": "a cherry-pick",
    "REVERT_HEAD": "a revert",
    "BISECT_LOG": "a bisect",
}


def refuse_if_busy(repo: Repo) -> None:
    """Refuse while a merge, rebase or similar is in progress, or git's index is locked."""
    folder = git_dir(repo)
    for name, what in _IN_PROGRESS.items():
        if (folder / name).exists():
            raise RefusedError(
                f"{what} is in progress in this repository; finish or abort it before "
                "hfctl changes data"
            )
    if (folder / "index.lock").exists():
        raise RefusedError(
            f"git's lock file {folder / 'index.lock'} exists: another git command is running, "
            "or one crashed. If no git command is running, remove that file and try again"
        )


def dirty_files(repo: Repo, root: Path, files: Sequence[str]) -> list[str]:
    """Those of ``files`` (relative to ``root``) with uncommitted or untracked changes."""
    if not files:
        return []
    work = Path(repo.working_tree_dir or root)
    paths = [str((root / f).resolve().relative_to(work.resolve())) for f in files]
    out = repo.git.status("--porcelain", "--untracked-files=all", "--", *paths)
    dirty: list[str] = []
    for line in out.splitlines():
        name = line[3:].strip().strip('"')
        rel = (work / name).resolve().relative_to(root.resolve()).as_posix()
        dirty.append(rel)
    return sorted(set(dirty))


def create_branch(repo: Repo, name: str) -> None:
    """Create branch ``name`` from HEAD and check it out; refuse if it exists."""
    from git import GitCommandError

    if name in [h.name for h in repo.heads]:
        raise RefusedError(f"branch '{name}' already exists; choose another name")
    try:
        repo.git.checkout("-b", name)
    except GitCommandError as exc:
        raise RefusedError(f"cannot create branch '{name}': {exc.stderr.strip()}") from None


def commit(repo: Repo, root: Path, files: Sequence[str], message: str) -> str:
    """Commit exactly ``files`` with the user's configured identity; return the commit id."""
    from git import GitCommandError

    work = Path(repo.working_tree_dir or root).resolve()
    paths = [str((root / f).resolve().relative_to(work)) for f in files]
    try:
        repo.git.add("--", *paths)
        repo.git.commit("-m", message, "--only", "--", *paths)
    except GitCommandError as exc:
        detail = (exc.stderr or exc.stdout or "").strip()
        raise RefusedError(
            f"the change is written but git could not commit it: {detail}. "
            "Commit it by hand (git add, git commit)"
        ) from None
    return str(repo.head.commit.hexsha)


def files_at(repo: Repo, rev: str, folder: str) -> dict[str, bytes]:
    """Every file under ``folder`` at revision ``rev``, read with one ``git cat-file --batch``.

    Paths are relative to the repository's top; an unknown revision gives an empty mapping.
    """
    from git import GitCommandError

    try:
        listing = repo.git.ls_tree("-r", "-z", "--name-only", rev, "--", folder)
    except GitCommandError:
        return {}
    names = [n for n in listing.split("\0") if n]
    found = blobs(repo, [f"{rev}:{name}" for name in names])
    return {name: found[f"{rev}:{name}"] for name in names if f"{rev}:{name}" in found}


def revision_exists(repo: Repo, rev: str) -> bool:
    """Whether ``rev`` names a commit."""
    from git import GitCommandError

    try:
        repo.git.rev_parse("--verify", "--quiet", f"{rev}^{{commit}}")
    except GitCommandError:
        return False
    return True


def changed_files(repo: Repo, root: Path, rev: str) -> set[str]:
    """Files (relative to ``root``) changed since ``rev``: committed, staged, unstaged, new."""
    from git import GitCommandError

    from hfctl.core.errors import NotFoundError

    if not revision_exists(repo, rev):
        raise NotFoundError(f"--changed-since: no revision '{rev}' in this repository")
    top = Path(repo.working_tree_dir or root).resolve()
    try:
        names = repo.git.diff("--name-only", "-z", rev, "--").split("\0")
        names += repo.git.ls_files("--others", "--exclude-standard", "-z").split("\0")
    except GitCommandError as exc:
        raise NotFoundError(f"git could not compare with '{rev}': {exc.stderr.strip()}") from None
    out: set[str] = set()
    for name in filter(None, names):
        path = (top / name).resolve()
        if path.is_relative_to(root.resolve()):
            out.add(path.relative_to(root.resolve()).as_posix())
    return out


def default_base(repo: Repo) -> str:
    """The merge base of HEAD with the default branch (main or master), else HEAD."""
    from git import GitCommandError

    for branch in ("origin/main", "main", "origin/master", "master"):
        if revision_exists(repo, branch):
            try:
                return str(repo.git.merge_base("HEAD", branch)).strip()
            except GitCommandError:
                continue
    return "HEAD"


def log_data(repo: Repo, folder: str, since: dt.date | None = None) -> list[dict[str, Any]]:
    """Commits that touched ``folder``, newest first, with their files: one ``git log``.

    With ``since``, at least every commit dated that day or later (git's own ``--since`` counts
    from the time of day it runs, and in the local time zone, so it is given two days earlier; the
    caller keeps the commits by the date they show)."""
    args = ["--format=%x1e%H%x1f%P%x1f%ad%x1f%an%x1f%s", "--date=short", "--name-only"]
    if since:
        args.append(f"--since={since - dt.timedelta(days=2)}")
    out = repo.git.log(*args, "--", folder)
    commits: list[dict[str, Any]] = []
    for record in out.split("\x1e"):
        if not record.strip():
            continue
        header, _, names = record.partition("\n")
        sha, parents, date, author, subject = header.split("\x1f")
        commits.append(
            {
                "sha": sha,
                "parent": parents.split()[0] if parents.split() else None,
                "date": date,
                "author": author,
                "subject": subject,
                "files": [n for n in names.splitlines() if n.strip()],
            }
        )
    return commits


def blobs(repo: Repo, specs: list[str]) -> dict[str, bytes]:
    """The content of ``rev:path`` specs, all read by one ``git cat-file --batch``; missing
    specs are left out."""
    import subprocess

    if not specs:
        return {}
    request = "".join(f"{spec}\n" for spec in specs).encode("utf-8")
    result = subprocess.run(
        ["git", "cat-file", "--batch"],
        input=request,
        capture_output=True,
        check=False,
        cwd=repo.working_tree_dir,
    )
    data, pos, out = result.stdout, 0, {}
    for spec in specs:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        if len(header) >= 3 and header[1] == b"blob":
            size = int(header[2])
            out[spec] = data[end + 1 : end + 1 + size]
            pos = end + 1 + size + 1
        else:
            pos = end + 1
    return out


@dataclass(frozen=True)
class Paths:
    """Translates between paths relative to the data repository's root and git's paths,
    which are relative to the top of the work tree (the data may live in a subfolder)."""

    prefix: str

    @classmethod
    def of(cls, repo: Repo, root: Path) -> Paths:
        """The translation for ``root`` inside ``repo``."""
        top = Path(repo.working_tree_dir or root).resolve()
        prefix = root.resolve().relative_to(top).as_posix()
        return cls("" if prefix == "." else prefix + "/")

    def to_git(self, rel: str) -> str:
        """``data/x.yaml`` as git names it."""
        return self.prefix + rel

    def from_git(self, name: str) -> str:
        """A git path back to a path relative to the data repository's root."""
        return name.removeprefix(self.prefix)


def init(root: Path, branch: str = "main") -> Repo:
    """A new git repository in ``root`` (its first branch ``branch``); the user's git
    configuration is read by git as always, never written."""
    from git import GitCommandError, Repo

    try:
        repo = Repo.init(root)
        repo.git.symbolic_ref("HEAD", f"refs/heads/{branch}")
    except GitCommandError as exc:
        raise RefusedError(f"git init failed: {(exc.stderr or '').strip()}") from None
    return repo


def remove(repo: Repo) -> None:
    """Remove a repository ``init`` has just made (its .git folder), when what it was made
    for failed."""
    import shutil

    shutil.rmtree(git_dir(repo), ignore_errors=True)


def last_change(root: Path, folder: str = "data") -> dt.datetime | None:
    """When ``folder`` last changed in a commit (committer time, aware); None outside git or
    before the first commit."""
    from git import GitCommandError

    repo = open_repo(root)
    if repo is None:
        return None
    try:
        out = str(repo.git.log("-1", "--format=%cI", "--", Paths.of(repo, root).to_git(folder)))
    except GitCommandError:
        return None
    return dt.datetime.fromisoformat(out.strip()) if out.strip() else None
