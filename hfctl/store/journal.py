"""Writes that are one truth: a change to several files (``meeting move --date`` writes the
new file and removes the old) is journalled, so that a crash part-way leaves a record the
next write finishes.

Before the first file is touched, the journal (``hfctl-journal.json`` in the git directory,
or ``.hfctl-journal.json`` at the root outside git) records every file's content before and
after, and is synced to disk; it is removed once every file is written. The next hfctl
write, holding the write lock, finds a journal left behind and finishes it (the change had
passed validation before the journal was written) when every file is still as before or as
after; if someone changed one of them since, it refuses and names the journal. The same run
removes temporary files (``*.hfctl-tmp``) under ``data/`` that a crash left: with the lock
held no other hfctl write can be making one.
"""

from __future__ import annotations

import base64
import contextlib
import json
from pathlib import Path
from typing import Any

from hfctl.core.errors import RefusedError
from hfctl.core.i18n import _
from hfctl.store import gitops

NAME = "hfctl-journal.json"
TEMP_SUFFIX = ".hfctl-tmp"


def journal_path(root: Path) -> Path:
    """Where the journal of ``root`` lives."""
    repo = gitops.open_repo(root)
    return gitops.git_dir(repo) / NAME if repo is not None else root / f".{NAME}"


def _encode(content: bytes | None) -> str | None:
    return None if content is None else base64.b64encode(content).decode("ascii")


def _decode(value: Any) -> bytes | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("not a journal")
    return base64.b64decode(value.encode("ascii"), validate=True)


def begin(root: Path, before: dict[str, bytes | None], after: dict[str, bytes | None]) -> Path:
    """Record a change before it is written; return the journal's path."""
    from hfctl.store.atomic import atomic_write

    path = journal_path(root)
    record = {
        "files": [
            {"file": rel, "before": _encode(before.get(rel)), "after": _encode(content)}
            for rel, content in after.items()
        ]
    }
    atomic_write(path, json.dumps(record, indent=1).encode("utf-8"))
    return path


def end(path: Path) -> None:
    """The change is written (or undone): the journal goes."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _on_disk(root: Path, rel: str) -> bytes | None:
    path = root / rel
    return path.read_bytes() if path.is_file() else None


def recover(root: Path) -> list[str]:
    """Finish a change a crash left half-written, and remove stale temporary files; return the
    files finished. Call only with the write lock held."""
    from hfctl.store.atomic import atomic_write

    for stale in (root / "data").rglob(f"*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()
    path = journal_path(root)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        entries = [(e["file"], _decode(e["before"]), _decode(e["after"])) for e in record["files"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RefusedError(
            _(
                "{path} is left from an interrupted hfctl write and cannot be read "
                "({exc}); check the data with git status and hfctl validate, then "
                "remove it"
            ).format(path=path, exc=exc)
        ) from None
    unsafe = [
        rel
        for rel, before, after in entries
        if Path(rel).is_absolute() or ".." in Path(rel).parts or not rel.startswith("data/")
    ]
    changed = [rel for rel, before, after in entries if _on_disk(root, rel) not in (before, after)]
    if unsafe or changed:
        raise RefusedError(
            _(
                "an interrupted hfctl write left {path}, and {value} changed since: "
                "check them (git status, hfctl validate), then remove that file"
            ).format(path=path, value=", ".join(unsafe or changed))
        )
    finished = []
    for rel, _before, after in sorted(entries, key=lambda e: e[2] is None):
        if _on_disk(root, rel) == after:
            continue
        if after is None:
            (root / rel).unlink()
        else:
            atomic_write(root / rel, after)
        finished.append(rel)
    end(path)
    return finished
