"""Options shared by many commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hfctl.store.changes import Changeset, Plan
    from hfctl.store.writer import Applied

RepoOption = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        help="The data repository (default: found from here upward).",
        file_okay=False,
        dir_okay=True,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help="Count this day as today (default: $HFCTL_TODAY or the clock); "
        "2026-12-03 or 3.12.2026.",
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", metavar="nn|nb|en", help="Language (default: the community's, nn)."),
]
AtOption = Annotated[
    str | None,
    typer.Option("--at", metavar="REV", help="Answer from the data as it was at a git revision."),
]


def write_plan(
    plan: Plan,
    today: dt.date,
    *,
    dry_run: bool = False,
    commit: bool = False,
    allow_dirty: bool = False,
    branch: str | None = None,
) -> None:
    """Apply a command's plan through the shared write path and report what it did."""
    from hfctl.cli import output

    applied = apply_changes(
        plan.changes,
        today,
        dry_run=dry_run,
        allow_dirty=allow_dirty,
        commit_message=plan.message if commit else None,
        branch=branch,
    )
    output.print_applied(applied, plan.message)
    where = not_here(plan.changes.root)
    if where and applied.files:
        output.print_lines([f"  in the repository {where}"])
    output.print_warnings(plan.warnings)


def not_here(root: Path) -> str | None:
    """``root`` when it is not the repository of the working directory (hfctl names the
    repository it worked on whenever that is not the one the user stands in)."""
    here = Path.cwd().resolve()
    target = root.resolve()
    return None if here == target or target in here.parents else str(target)


def apply_changes(
    changes: Changeset,
    today: dt.date,
    *,
    dry_run: bool = False,
    allow_dirty: bool = False,
    commit_message: str | None = None,
    branch: str | None = None,
) -> Applied:
    """The shared write path (``hfctl.store.writer.apply``) with the whole repository's
    validation as the check it runs before writing."""
    from hfctl.checks import validation
    from hfctl.store.writer import apply

    return apply(
        changes,
        today,
        dry_run=dry_run,
        allow_dirty=allow_dirty,
        commit_message=commit_message,
        branch=branch,
        check=validation.new_errors,
    )
