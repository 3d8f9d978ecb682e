"""Options shared by many commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hfctl.store.changes import Changeset, Plan
    from hfctl.store.writer import Applied

ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace an existing -o file that hfctl did not write."),
]
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
        metavar="YYYY-MM-DD",
        help="Count this day as today (default: $HFCTL_TODAY or the clock).",
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
    output.print_warnings(plan.warnings)


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
