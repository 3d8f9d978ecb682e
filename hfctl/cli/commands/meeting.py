"""`hfctl meeting`: plan, move and cancel meetings; cases, decisions and attendance."""

from __future__ import annotations

from typing import Annotated

import typer

from hfctl.cli.commands import meeting_cases
from hfctl.cli.commands import minutes as minutes_cmd
from hfctl.cli.commands import papers as papers_cmd
from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    RepoOption,
    TodayOption,
    write_plan,
)

app = typer.Typer(help="Meetings: new, list, cases, move, cancel, decisions, attendance.")
app.add_typer(meeting_cases.case_app, name="case")
app.command("decide")(minutes_cmd.decide)
app.command("attend")(minutes_cmd.attend)
meeting_cases.case_app.command("attach")(papers_cmd.attach)

Day = Annotated[str, typer.Option("--date", metavar="DATE", help="The day.")]


@app.command("new")
def new(
    forum: Annotated[str, typer.Argument(help="The forum's id, e.g. ssu.")],
    date: Day,
    start: Annotated[str, typer.Option("--start", metavar="HH:MM")],
    location: Annotated[str, typer.Option("--location", help="Where the meeting is.")],
    end: Annotated[str | None, typer.Option("--end", metavar="HH:MM")] = None,
    extraordinary: Annotated[bool, typer.Option("--extraordinary")] = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Create a meeting file with the standard opening cases and 'Eventuelt'."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import meetings
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = meetings.plan_new(
        ds,
        forum,
        parse_day(date, "--date"),
        meetings.parse_time(start, "--start"),
        meetings.parse_time(end, "--end") if end else None,
        location,
        extraordinary,
        now,
    )
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


@app.command("list")
def list_(
    forum: Annotated[str | None, typer.Option("--forum")] = None,
    from_: Annotated[str | None, typer.Option("--from", metavar="DATE")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="DATE")] = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """List meetings, optionally of one forum and between two dates."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.domain.dashboard import agenda_state
    from hfctl.domain.meetings import select
    from hfctl.store.repo import find_root

    resolve_today(today)  # the list does not depend on the day; a bad day is still an error
    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    found = select(
        ds,
        forum,
        parse_day(from_, "--from") if from_ else None,
        parse_day(to, "--to") if to else None,
    )
    rows = [
        [
            m.id,
            str(m.date),
            m.start.strftime("%H:%M"),
            m.forum,
            m.kind,
            m.status,
            agenda_state(m),
            str(len(m.cases)),
        ]
        for m in found
    ]
    headers = ["meeting", "date", "start", "forum", "kind", "status", "agenda", "cases"]
    if json_:
        output.print_json([dict(zip(headers, r, strict=True)) for r in rows])
    else:
        output.print_table(f"{len(rows)} meetings", headers, rows)


@app.command("move")
def move(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    date: Annotated[str | None, typer.Option("--date", metavar="DATE")] = None,
    start: Annotated[str | None, typer.Option("--start", metavar="HH:MM")] = None,
    end: Annotated[str | None, typer.Option("--end", metavar="HH:MM")] = None,
    location: Annotated[str | None, typer.Option("--location")] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Move a planned meeting; the calendar event keeps its UID with a higher SEQUENCE."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import meetings
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = meetings.plan_move(
        ds,
        meeting,
        now,
        parse_day(date, "--date") if date else None,
        meetings.parse_time(start, "--start") if start else None,
        meetings.parse_time(end, "--end") if end else None,
        location,
    )
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


@app.command("cancel")
def cancel(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Cancel a planned meeting (the invitation becomes a calendar cancellation)."""
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.domain import meetings
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    write_plan(
        meetings.plan_cancel(ds, meeting),
        resolve_today(today),
        dry_run=dry_run,
        commit=commit,
        allow_dirty=allow_dirty,
    )
