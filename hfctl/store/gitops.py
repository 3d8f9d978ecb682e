"""The one module that touches git: state checks before a write, and commits after it.

GitPython is imported only here, and only when a command writes or reads history.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.errors import RefusedError, UsageError
from hfctl.core.i18n import _
from hfctl.store.gitlog import log_data as log_data

if TYPE_CHECKING:
    from git import Repo


def git_installed() -> bool:
    """Whether a ``git`` program is on PATH (GitPython cannot start without one)."""
    import shutil

    return shutil.which(os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")) is not None


def require_repo(root: Path, what: str) -> Repo:
    """The repository holding ``root`` for ``what`` (a command or option that needs git), or
    a usage error that says whether git is missing or the folder is not under git."""
    if not git_installed():
        raise UsageError(
            _("{what} needs git, which is not installed (or not on PATH)").format(what=what)
        )
    repo = open_repo(root)
    if repo is None:
        raise UsageError(_("{what} needs a git repository").format(what=what))
    return repo


def open_repo(root: Path) -> Repo | None:
    """The git repository that holds ``root``, or None if it is not under git (or git is not
    installed: writes without --commit still work, and what needs git says so)."""
    if not git_installed():
        return None
    from git import InvalidGitRepositoryError, NoSuchPathError, Repo

    try:
        # expand_vars=False: a '$' in a folder's name is part of the name, not a variable
        return Repo(root, search_parent_directories=True, expand_vars=False)
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
                _(
                    "{what} is in progress in this repository; finish or abort it before "
                    "hfctl changes data"
                ).format(what=what)
            )
    if repo.git.ls_files("-u"):  # a conflicted stash pop or merge --squash: no MERGE_HEAD
        raise RefusedError(
            _(
                "the repository has unmerged paths (a conflict is not resolved); "
                "resolve them (git status) before hfctl changes data"
            )
        )
    if (folder / "index.lock").exists():
        raise RefusedError(
            _(
                "git's lock file {folder} exists: another git command is running, or "
                "one crashed. If no git command is running, remove that file and try "
                "again"
            ).format(folder=folder / "index.lock")
        )


def dirty_files(repo: Repo, root: Path, files: Sequence[str]) -> list[str]:
    """Those of ``files`` (relative to ``root``) with uncommitted or untracked changes."""
    if not files:
        return []
    work = Path(repo.working_tree_dir or root)
    paths = [str((root / f).resolve().relative_to(work.resolve())) for f in files]
    out = repo.git.status("--porcelain", "-z", "--untracked-files=all", "--", *paths)
    # -z: "XY name\0", a rename or copy followed by "old name\0"; names are never quoted
    dirty: list[str] = []
    records = iter(out.split("\0"))
    for record in records:
        if len(record) < 4:
            continue
        if record[0] in "RC":
            next(records, None)
        rel = (work / record[3:]).resolve().relative_to(root.resolve()).as_posix()
        dirty.append(rel)
    return sorted(set(dirty))


def create_branch(repo: Repo, name: str) -> None:
    """Create branch ``name`` from HEAD and check it out; refuse if it exists."""
    from git import GitCommandError

    if name in [h.name for h in repo.heads]:
        raise RefusedError(
            _("branch '{name}' already exists; choose another name").format(name=name)
        )
    try:
        repo.git.checkout("-b", name)
    except GitCommandError as exc:
        raise RefusedError(
            _("cannot create branch '{name}': {stderr}").format(
                name=name, stderr=exc.stderr.strip()
            )
        ) from None


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
            _(
                "the change is written but git could not commit it: {detail}. Commit "
                "it by hand (git add, git commit)"
            ).format(detail=detail)
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


def tree_ids(repo: Repo, rev: str, folder: str) -> dict[str, str]:
    """The object id of every file under ``folder`` at revision ``rev`` (one ``git ls-tree``;
    paths relative to the repository's top): two revisions' files differ where their ids do."""
    listing = repo.git.ls_tree("-r", "-z", rev, "--", folder)
    out: dict[str, str] = {}
    for entry in filter(None, listing.split("\0")):  # "<mode> <type> <id>\t<path>"
        meta, _tab, name = entry.partition("\t")
        out[name] = meta.split(" ")[-1]
    return out


def grep_files(repo: Repo, rev: str, texts: list[str], folder: str) -> list[str]:
    """The files under ``folder`` at ``rev`` that hold any of ``texts`` (one ``git grep``)."""
    from git import GitCommandError

    patterns = [arg for text in texts for arg in ("-e", text)]
    try:  # git grep fails when nothing matches
        listing = repo.git.grep("-l", "-z", "-F", *patterns, rev, "--", folder)
    except GitCommandError:
        return []
    return [n.removeprefix(f"{rev}:") for n in listing.split("\0") if n]


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
        raise NotFoundError(
            _("--changed-since: no revision '{rev}' in this repository").format(rev=rev)
        )
    top = Path(repo.working_tree_dir or root).resolve()
    try:
        names = repo.git.diff("--name-only", "-z", rev, "--").split("\0")
        names += repo.git.ls_files("--others", "--exclude-standard", "-z").split("\0")
    except GitCommandError as exc:
        raise NotFoundError(
            _("git could not compare with '{rev}': {stderr}").format(
                rev=rev, stderr=exc.stderr.strip()
            )
        ) from None
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


def blobs(repo: Repo, specs: list[str]) -> dict[str, bytes]:
    """The content of ``rev:path`` specs, all read by one ``git cat-file --batch``; missing
    specs are left out. The specs are sent NUL-terminated (``-z``), so a file name holding a
    line break is one name; git older than 2.36 has no ``-z``, and there such a name is
    left out rather than read as two."""
    import subprocess

    if not specs:
        return {}
    command = ["git", "cat-file", "--batch", "-z"]
    request = b"".join(spec.encode("utf-8", "surrogateescape") + b"\0" for spec in specs)
    result = subprocess.run(
        command, input=request, capture_output=True, check=False, cwd=repo.working_tree_dir
    )
    if result.returncode != 0:  # no -z: one spec a line, the names with a line break left out
        specs = [spec for spec in specs if "\n" not in spec]
        request = b"".join(spec.encode("utf-8", "surrogateescape") + b"\n" for spec in specs)
        result = subprocess.run(
            command[:-1], input=request, capture_output=True, check=False, cwd=repo.working_tree_dir
        )
    return _read_batch(result.stdout, specs)


def sparse_files(root: Path, folder: str = "data") -> dict[str, bytes]:
    """Files under ``folder`` (relative to ``root``) that a sparse checkout leaves out of the
    work tree (git's skip-worktree), with their content in the index: they are still data, not
    removed. Empty outside git, without git, or in a full checkout (one ``git ls-files``)."""
    import subprocess

    try:
        listing = subprocess.run(
            ["git", "ls-files", "-t", "-z", "--", folder],
            cwd=root,
            capture_output=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if listing.returncode != 0:
        return {}
    names = [
        entry[2:].decode("utf-8", "surrogateescape")
        for entry in listing.stdout.split(b"\0")
        if entry.startswith(b"S ")
    ]
    if not names:
        return {}
    specs = [f":./{name}" for name in names]  # the index, relative to root
    request = b"".join(spec.encode("utf-8", "surrogateescape") + b"\0" for spec in specs)
    batch = subprocess.run(
        ["git", "cat-file", "--batch", "-z"],
        cwd=root,
        input=request,
        capture_output=True,
        check=False,
    )
    found = _read_batch(batch.stdout, specs)
    return {name: found[spec] for name, spec in zip(names, specs, strict=True) if spec in found}


def _read_batch(data: bytes, specs: list[str]) -> dict[str, bytes]:
    """``git cat-file --batch`` output, one answer per spec in order: ``<id> blob <size>``
    and the content, or ``<spec> missing`` (which repeats the spec, line breaks and all)."""
    pos, out = 0, {}
    for spec in specs:
        for answer in (b" missing\n", b" ambiguous\n"):
            echoed = spec.encode("utf-8", "surrogateescape") + answer
            if data.startswith(echoed, pos):
                pos += len(echoed)
                break
        else:
            end = data.find(b"\n", pos)
            if end < 0:
                break
            header = data[pos:end].split()
            if len(header) != 3 or not header[2].isdigit():
                break  # not an answer this code understands: read no further
            size = int(header[2])
            if header[1] == b"blob":
                out[spec] = data[end + 1 : end + 1 + size]
            pos = end + 1 + size + 1
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
        raise RefusedError(
            _("git init failed: {value}").format(value=(exc.stderr or "").strip())
        ) from None
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
