"""The history of the data as git records it: one ``git log``, read as data (``gitops``
re-exports it)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from git import Repo


def log_data(repo: Repo, folder: str, since: dt.date | None = None) -> list[dict[str, Any]]:
    """Commits that touched ``folder``, newest first, with their files: one ``git log``.

    Every field and file name is NUL-terminated (``%x00``, ``-z``), and each commit starts
    with a marker made fresh for this run, so no author, subject or file name (which may
    hold any byte but NUL) can end a field early or start a commit of its own.

    With ``since``, at least every commit dated that day or later (git's own ``--since`` counts
    from the time of day it runs, and in the local time zone, so it is given two days earlier; the
    caller keeps the commits by the date they show)."""
    import secrets

    marker = f"hfctl-commit-{secrets.token_hex(8)}"
    fields = "%x00".join(("%H", "%P", "%ad", "%an", "%s"))
    args = ["-z", f"--format=%x00{marker}%x00{fields}%x00", "--date=short", "--name-only"]
    if since:
        args.append(f"--since={since - dt.timedelta(days=2)}")
    tokens = repo.git.log(*args, "--", folder).split("\0")
    commits: list[dict[str, Any]] = []
    index = 0
    while index < len(tokens):
        if tokens[index] != marker or index + 5 >= len(tokens):
            if commits and tokens[index]:
                # a file name; git puts a line break between a commit's fields and its names
                name = tokens[index]
                if not name.startswith(folder) and name.startswith("\n"):
                    name = name[1:]
                if name.startswith(folder):
                    commits[-1]["files"].append(name)
            index += 1
            continue
        sha, parents, date, author, subject = tokens[index + 1 : index + 6]
        commits.append(
            {
                "sha": sha,
                "parent": parents.split()[0] if parents.split() else None,
                "date": date,
                "author": author,
                "subject": subject,
                "files": [],
            }
        )
        index += 6
    return commits
