"""`hfctl meeting case`: the cases on a meeting's agenda, each change with --dry-run/--commit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    RepoOption,
    TodayOption,
    write_plan,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from hfctl.store.changes import Plan
    from hfctl.store.loader import Dataset

case_app = typer.Typer(help="Cases on an agenda: add, edit, remove, move, withdraw, forward.")

Meeting = Annotated[str, typer.Argument(help="Meeting id.")]
CaseArg = Annotated[
    str,
    typer.Argument(
        metavar="CASE",
        help="Its number (7, 07/26) once issued; before, its place on the agenda or its title.",
    ),
]


def _run(
    build: Callable[[Dataset, dt.date], Plan],
    repo: RepoOption,
    today: str | None,
    dry_run: bool,
    commit: bool,
    allow_dirty: bool,
) -> None:
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    write_plan(build(ds, now), now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


@case_app.command("add")
def case_add(
    meeting: Meeting,
    title: Annotated[str, typer.Option("--title")],
    case_type: Annotated[str, typer.Option("--type", metavar="decision|orientation")],
    prepared_in: Annotated[
        str | None, typer.Option("--prepared-in", help="Meeting where it was prepared.")
    ] = None,
    needs_preparation: Annotated[
        bool,
        typer.Option("--needs-preparation", help="Helseleiarnettverket is to prepare it first."),
    ] = False,
    reference: Annotated[str | None, typer.Option("--reference", help="Archive case.")] = None,
    presenter: Annotated[str | None, typer.Option("--presenter", help="A person.")] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Add a case before 'Eventuelt'; on an issued agenda it takes the next free number."""
    from hfctl.core.errors import NotFoundError
    from hfctl.domain import cases

    def build(ds: Dataset, now: dt.date) -> Plan:
        if presenter is not None and presenter not in ds.people:
            raise NotFoundError(f"--presenter: no person '{presenter}'")
        extra = {
            "needs_preparation": needs_preparation,
            "reference": reference,
            "presenter": presenter,
        }
        return cases.plan_case_add(ds, meeting, title, case_type, prepared_in, now, extra)

    _run(build, repo, today, dry_run, commit, allow_dirty)


@case_app.command("edit")
def case_edit(
    meeting: Meeting,
    case: CaseArg,
    title: Annotated[str | None, typer.Option("--title")] = None,
    case_type: Annotated[str | None, typer.Option("--type", metavar="decision|orientation")] = None,
    presenter: Annotated[str | None, typer.Option("--presenter", help="A person.")] = None,
    reference: Annotated[str | None, typer.Option("--reference", help="Archive case.")] = None,
    correction: Annotated[
        str | None,
        typer.Option(
            "--correction",
            metavar="WHY",
            help="Correct the title of an issued case (with --title): it keeps its number; the "
            "old title and this reason are recorded.",
        ),
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Change a case's title or type (before the agenda is issued), presenter or reference."""
    from hfctl.domain import cases

    def build(ds: Dataset, now: dt.date) -> Plan:
        return cases.plan_case_edit(
            ds,
            meeting,
            case,
            title=title,
            case_type=case_type,
            presenter=presenter,
            reference=reference,
            correction=correction,
            today=now,
        )

    _run(build, repo, today, dry_run, commit, allow_dirty)


@case_app.command("remove")
def case_remove(
    meeting: Meeting,
    case: CaseArg,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Take a case off an agenda that is not yet issued."""
    from hfctl.domain import cases

    _run(
        lambda ds, _now: cases.plan_case_remove(ds, meeting, case),
        repo,
        today,
        dry_run,
        commit,
        allow_dirty,
    )


@case_app.command("move")
def case_move(
    meeting: Meeting,
    case: CaseArg,
    before: Annotated[str, typer.Option("--before", metavar="CASE", help="Put it before this.")],
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Put a case before another, on an agenda that is not yet issued."""
    from hfctl.domain import cases

    _run(
        lambda ds, _now: cases.plan_case_move(ds, meeting, case, before),
        repo,
        today,
        dry_run,
        commit,
        allow_dirty,
    )


@case_app.command("withdraw")
def case_withdraw(
    meeting: Meeting,
    case: CaseArg,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Withdraw a case from an issued agenda; it keeps its number."""
    from hfctl.domain import cases

    _run(
        lambda ds, _now: cases.plan_case_withdraw(ds, meeting, case),
        repo,
        today,
        dry_run,
        commit,
        allow_dirty,
    )


@case_app.command("forward")
def case_forward(
    meeting: Meeting,
    case: CaseArg,
    to: Annotated[str, typer.Option("--to", metavar="MEETING", help="The SSU meeting.")],
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Carry a case prepared in Helseleiarnettverket to an SSU meeting (prepared_in is set)."""
    from hfctl.domain import cases

    _run(
        lambda ds, now: cases.plan_case_forward(ds, meeting, case, to, now),
        repo,
        today,
        dry_run,
        commit,
        allow_dirty,
    )
