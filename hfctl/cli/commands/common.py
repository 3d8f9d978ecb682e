"""Options shared by many commands."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hfctl.core.errors import UsageError
from hfctl.core.i18n import _

if TYPE_CHECKING:
    from collections.abc import Mapping

    from hfctl.core.problems import Problem
    from hfctl.store.changes import Changeset, Plan
    from hfctl.store.loader import Dataset
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


class TextFormat(StrEnum):
    """The outputs of a command that prints text for people or JSON for programs."""

    text = "text"
    json = "json"


FormatOption = Annotated[
    TextFormat, typer.Option("--format", "-f", help="text for people, json for programs.")
]
JsonAlias = Annotated[
    bool, typer.Option("--json", hidden=True, help="The same as --format json (kept for scripts).")
]


def wants_json(fmt: TextFormat, json_alias: bool) -> bool:
    """Whether a run asked for JSON, by --format json or by the older --json."""
    return json_alias or fmt is TextFormat.json


# the options of every command that changes data, defined once
DryRun = Annotated[bool, typer.Option("--dry-run", help="Show the change; write nothing.")]
Commit = Annotated[bool, typer.Option("--commit", help="Commit the change with its message.")]
Branch = Annotated[
    str | None, typer.Option("--branch", help="Create and check out this branch first.")
]
AllowDirty = Annotated[
    bool,
    typer.Option("--allow-dirty", help="Edit a file with uncommitted changes not made by hfctl."),
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
        output.print_lines(["  " + _("in the repository {where}").format(where=where)])
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
    from hfctl.cli.context import current
    from hfctl.store.writer import apply

    run = current()
    loaded = run.loaded.get(changes.root)

    def check(change: Changeset, day: dt.date) -> list[Problem]:
        return validation.new_errors(change, day, cache=run.use_cache, before=loaded)

    applied = apply(
        changes,
        today,
        dry_run=dry_run,
        allow_dirty=allow_dirty,
        commit_message=commit_message,
        branch=branch,
        check=check,
    )
    if applied.written:
        run.loaded.pop(changes.root, None)
    return applied


def load(
    root: Path,
    overlay: Mapping[str, bytes | None] | None = None,
    *,
    personal: bool = True,
) -> Dataset:
    """Load the repository at ``root`` (``hfctl.store.loader.load``) through the cache unless
    this run says not to (``--no-cache``, ``HFCTL_NO_CACHE``)."""
    from hfctl.cli.context import current
    from hfctl.store import loader

    run = current()
    ds = loader.load(root, overlay, cache=run.use_cache, personal=personal)
    if overlay is None and personal:
        run.loaded[ds.root] = ds
    return ds


def load_data(root: Path, at: str | None = None, personal: bool = True) -> Dataset:
    """The data as it is, or as it was at revision ``at`` (``hfctl.store.revision``), with
    this run's cache setting."""
    from hfctl.cli.context import current
    from hfctl.store import revision

    return revision.load_data(root, at, personal, cache=current().use_cache)


def parse_day(value: str, option: str = "--today") -> dt.date:
    """An option's day (``2026-12-03``, ``3.12.2026`` or ``03.12.2026``, read by
    ``hfctl.core.dates``); a usage error naming the option otherwise."""
    from hfctl.core.dates import DateError, parse_date

    try:
        return parse_date(value)
    except DateError as exc:
        raise UsageError(f"{option}: {exc}") from None


def resolve_today(value: str | None = None) -> dt.date:
    """``--today`` if given, else $HFCTL_TODAY, else the system clock."""
    if value:
        return parse_day(value)
    env = os.environ.get("HFCTL_TODAY")
    if env:
        return parse_day(env, "HFCTL_TODAY")
    return dt.date.today()
