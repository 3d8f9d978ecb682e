"""The write path every changing command shares: validate first, lock, write atomically, commit.

A command builds a ``Changeset`` (new text per file, ``hfctl.store.changes``), then calls
``apply`` with the validator to run. Nothing touches
the disk until the whole repository has been validated with the change in place; each file is
replaced atomically, so an interrupt or a crash leaves the old file byte-identical.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.errors import Interrupted, RefusedError
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.store import gitops
from hfctl.store.atomic import atomic_write
from hfctl.store.changes import Changeset

if TYPE_CHECKING:
    from git import Repo

ChangeCheck = Callable[[Changeset, dt.date], list[Problem]]
"""What the writer runs before it writes: the errors a change would bring into the data."""


@dataclass
class Applied:
    """What ``apply`` did."""

    files: list[str]
    diff: str
    commit: str | None = None
    branch: str | None = None
    written: bool = False


_HELD: set[Path] = set()
"""The lock files this process holds (a command that sends mail holds the lock from before the
first message until the record is written, and the write inside it takes it again)."""


@contextlib.contextmanager
def write_lock(root: Path) -> Iterator[None]:
    """Hold the repository's hfctl lock; refuse if another hfctl write holds it. Taken again
    by the same process (a write inside a held lock), it is already held."""
    import fcntl

    repo = gitops.open_repo(root)
    folder = gitops.git_dir(repo) if repo is not None else root
    path = (folder / "hfctl.lock").resolve()
    if path in _HELD:
        yield
        return
    try:
        handle = path.open("a+")
    except OSError as exc:
        raise RefusedError(
            _("cannot create the lock file {path}: {strerror}").format(
                path=path, strerror=exc.strerror
            )
        ) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise RefusedError(
                _("another hfctl command is changing this repository; wait for it to finish")
            ) from None
        _HELD.add(path)
        try:
            yield
        finally:
            _HELD.discard(path)
    finally:
        handle.close()


def _refuse_if_changed_meanwhile(changes: Changeset) -> None:
    for rel, before in changes.before.items():
        if changes.on_disk(rel) != before:
            raise RefusedError(
                _("{rel} changed on disk while hfctl was working; run the command again").format(
                    rel=rel
                )
            )


def _write_all(changes: Changeset) -> None:
    """Write every file, new and changed ones before removals; if one fails (or the write is
    interrupted), put back the files already written, so that the change is all or nothing."""
    from hfctl.store import journal

    order = sorted(changes.files, key=lambda rel: changes.after[rel] is None)
    done: list[str] = []
    current = order[0]
    record = None
    try:
        if len(order) > 1:  # journalled: a crash part-way is finished by the next write
            record = journal.begin(changes.root, changes.before, changes.after)
        for current in order:
            content = changes.after[current]
            if content is None:
                (changes.root / current).unlink()
            else:
                atomic_write(changes.root / current, content)
            done.append(current)
    except BaseException as exc:
        restored = _restore(changes, done)
        if record is not None and restored:
            journal.end(record)
        tail = (
            "the files are unchanged"
            if restored
            else f"{', '.join(done)} could not be put back: check them with git status"
        )
        if isinstance(exc, KeyboardInterrupt):
            raise Interrupted(
                _("interrupted while writing {current}; {tail}").format(current=current, tail=tail)
            ) from None
        if not isinstance(exc, OSError):
            raise
        raise RefusedError(
            _("could not write {current}: {os_reason}; {tail}").format(
                current=current, os_reason=os_reason(exc), tail=tail
            )
        ) from None
    if record is not None:
        journal.end(record)


def os_reason(exc: OSError) -> str:
    """Why a file could not be written, in words."""
    return "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))


def _restore(changes: Changeset, done: list[str]) -> bool:
    """Put back the content files had before this change; True if every one was restored."""
    ok = True
    for rel in reversed(done):
        before = changes.before.get(rel)
        try:
            if before is None:
                (changes.root / rel).unlink(missing_ok=True)
            else:
                atomic_write(changes.root / rel, before)
        except OSError:
            ok = False
    return ok


# -- the dirty-file policy: hfctl edits a file with uncommitted changes only when they are its
# own. After each write it notes, in the git folder, a hash of what it wrote to each file; a
# file that differs from its last commit but still holds exactly what hfctl wrote has no hand
# edit to lose, so the next command may edit it (the steps of a week run one after the other
# without a commit between them). Any other change (a hand edit, even after hfctl's) is refused.

_OWN_EDITS = "hfctl-own-edits.json"
_ABSENT = "absent"


def _fingerprint(content: bytes | None) -> str:
    import hashlib

    return _ABSENT if content is None else hashlib.sha256(content).hexdigest()


def _own_edits_file(repo: Repo) -> Path:
    return gitops.git_dir(repo) / _OWN_EDITS


def _own_edits(repo: Repo) -> dict[str, str]:
    import json

    try:
        found = json.loads(_own_edits_file(repo).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _key(root: Path, rel: str) -> str:
    return str((root / rel).resolve())


def _is_own_edit(repo: Repo, changes: Changeset, rel: str) -> bool:
    recorded = _own_edits(repo).get(_key(changes.root, rel))
    return recorded is not None and recorded == _fingerprint(changes.on_disk(rel))


def _remember_own_edits(changes: Changeset) -> None:
    """Note what this write put in each file (best effort: without the note, the next command
    asks for a commit first, which loses nothing)."""
    import json

    repo = gitops.open_repo(changes.root)
    if repo is None:
        return
    known = _own_edits(repo)
    for rel in changes.files:
        known[_key(changes.root, rel)] = _fingerprint(changes.after[rel])
    with contextlib.suppress(OSError):
        atomic_write(_own_edits_file(repo), json.dumps(known, indent=1, sort_keys=True).encode())


def _preflight(changes: Changeset, today: dt.date, allow_dirty: bool, check: ChangeCheck) -> None:
    repo = gitops.open_repo(changes.root)
    if repo is not None:
        gitops.refuse_if_busy(repo)
        if not allow_dirty:
            dirty = [
                rel
                for rel in gitops.dirty_files(repo, changes.root, changes.files)
                if not _is_own_edit(repo, changes, rel)
            ]
            if dirty:
                raise RefusedError(
                    _(
                        "uncommitted changes not made by hfctl in {dirty} (not committed): "
                        "commit or stash them first, or pass --allow-dirty"
                    ).format(dirty=", ".join(dirty))
                )
    errors = check(changes, today)
    if errors:
        raise RefusedError(_("the change would make the data invalid; nothing was written"), errors)


def apply(
    changes: Changeset,
    today: dt.date,
    *,
    dry_run: bool = False,
    allow_dirty: bool = False,
    commit_message: str | None = None,
    branch: str | None = None,
    check: ChangeCheck,
) -> Applied:
    """Validate the change with ``check`` (the errors it would bring; the checks layer gives
    it), then (unless ``dry_run``) write it and optionally commit it."""
    files = changes.files
    diff = changes.diff()
    if not files:
        return Applied([], "")
    if branch is not None and not branch.strip():
        raise RefusedError(_("--branch needs the name of the branch to create"))
    repo = gitops.open_repo(changes.root)
    if repo is None and (commit_message or branch):
        missing = (
            "git, which is not installed" if not gitops.git_installed() else "a git repository"
        )
        raise RefusedError(_("--commit and --branch need {missing}").format(missing=missing))
    if dry_run:
        _preflight(changes, today, allow_dirty, check)
        return Applied(files, diff)
    with write_lock(changes.root):
        from hfctl.store import journal

        journal.recover(changes.root)  # a change a crash left half-written, finished first
        _preflight(changes, today, allow_dirty, check)
        _refuse_if_changed_meanwhile(changes)
        if branch and repo is not None:
            gitops.create_branch(repo, branch)
        _write_all(changes)
        _remember_own_edits(changes)
        sha = None
        if commit_message and repo is not None:
            sha = gitops.commit(repo, changes.root, files, commit_message)
    return Applied(files, diff, sha, branch, written=True)


def write_outputs(folder: Path, root: Path, files: dict[str, bytes]) -> list[Path]:
    """Write generated files (letters, invitations) into ``folder``, each atomically.

    Output is not data: a folder inside the repository's data/ is refused.
    """
    from hfctl.core.errors import HfctlError, UsageError
    from hfctl.store.outputs import check_folder

    target = check_folder(folder, root)
    written: list[Path] = []
    for name, content in files.items():
        path = target / name
        if path.parent != target:
            raise UsageError(
                _("refusing to write {name!r} outside {folder}").format(name=name, folder=folder)
            )
        try:
            atomic_write(path, content)
        except KeyboardInterrupt:
            raise Interrupted(
                _("interrupted while writing {path}; the data is unchanged").format(path=path)
            ) from None
        except OSError as exc:
            raise HfctlError(
                _("could not write {path}: {os_reason}; the data is unchanged").format(
                    path=path, os_reason=os_reason(exc)
                )
            ) from None
        written.append(path)
    return written
