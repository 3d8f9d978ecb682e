"""Issued case numbers never change: compare the meetings with the last commit (git history)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.problems import Problem
from hfctl.core.rules import problem

if TYPE_CHECKING:
    from hfctl.models.meeting import Case
    from hfctl.store.loader import Dataset


def issued_numbers(ds: Dataset) -> dict[str, dict[int, str]]:
    """Meeting id -> number -> title, for meetings whose agenda was issued."""
    return {
        mid: {c.number: c.title for c in m.cases if c.number is not None}
        for mid, m in ds.meetings.items()
        if m.agenda_issued is not None
    }


def compare(before: Dataset, after: Dataset) -> list[Problem]:
    """Problems where an issued number changed, vanished or was given to another case."""
    from hfctl.models.meeting import case_label

    out: list[Problem] = []
    now = {mid: m for mid, m in after.meetings.items()}
    moved = {m.uid: m for m in after.meetings.values() if m.uid}
    for mid, numbers in issued_numbers(before).items():
        old_meeting = before.meetings[mid]
        meeting = now.get(mid) or moved.get(
            f"{mid}@{after.community.id if after.community else 'hfctl'}.hfctl"
        )
        if meeting is None:
            continue
        year = old_meeting.date.year
        by_title: dict[str, Case] = {}
        for c in meeting.cases:
            for known in c.titles():  # a corrected title still names its case
                by_title.setdefault(known, c)
        current = {c.number: c for c in meeting.cases if c.number is not None}
        for number, title in numbers.items():
            label = case_label(number, year)
            case = by_title.get(title)
            if case is not None and case.number != number:
                out.append(
                    problem(
                        "HF380",
                        f"'{title}' was issued as {label}; it is now "
                        f"{case_label(case.number, year) if case.number else 'unnumbered'}",
                        case.loc("number") if case.number else case.loc("title"),
                    )
                )
            elif number in current and title not in current[number].titles():
                out.append(
                    problem(
                        "HF381",
                        f"{label} was issued for '{title}' and is now used for "
                        f"'{current[number].title}'",
                        current[number].loc("number"),
                    )
                )
            elif case is None and number not in current:
                out.append(
                    problem(
                        "HF381",
                        f"{label} ('{title}') was issued and has been removed; an issued "
                        "case stays on the agenda (withdraw it in its decision instead)",
                        meeting.loc("cases"),
                    )
                )
    return out


def meetings_changed(root: Path, rev: str) -> bool:
    """Whether a meeting file under ``root`` differs from ``rev``, by one ``git diff``; False when
    ``root`` is not under git, ``rev`` does not exist or git is not installed."""
    import subprocess

    command = ["git", "diff", "--relative", "--name-only", "-z", rev, "--", "data/meetings"]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    names = done.stdout.split(b"\0") if done.returncode == 0 else []
    return any(name.endswith(b".md") for name in names)


def renumbering_problems(root: Path, ds: Dataset, rev: str = "HEAD") -> list[Problem]:
    """Compare the meetings changed since revision ``rev`` with their state there; nothing if
    not under git. Only changed meeting files are read from git (two git processes)."""
    if not meetings_changed(root, rev):
        return []  # the common case, without GitPython (about 60 ms to import)
    from hfctl.store import gitops
    from hfctl.store.loader import load

    repo = gitops.open_repo(root)
    if repo is None or not gitops.revision_exists(repo, rev):
        return []
    paths = gitops.Paths.of(repo, root)
    folder = paths.to_git("data/meetings")
    changed = [
        name
        for name in str(repo.git.diff("--name-only", "-z", rev, "--", folder)).split("\0")
        if name.endswith(".md")
    ]
    blobs = gitops.blobs(repo, [f"{rev}:{name}" for name in changed])
    if not blobs:
        return []
    before = load(
        root,
        {paths.from_git(spec.split(":", 1)[1]): data for spec, data in blobs.items()},
        only_overlay=True,
    )
    from hfctl.checks import locking  # issue 21: approved minutes are locked

    # every meeting as in the last commit: the changed ones from git, the rest as on disk,
    # and none that is new since
    new_files = {paths.from_git(name) for name in changed} - {
        paths.from_git(spec.split(":", 1)[1]) for spec in blobs
    }
    at_head = {
        mid: m for mid, m in ds.meetings.items() if m.file not in new_files
    } | before.meetings
    return compare(before, ds) + locking.compare(at_head, before, ds)
