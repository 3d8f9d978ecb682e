"""`hfctl meeting`: plan, move and cancel meetings; cases, decisions and attendance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli import localised
from hfctl.cli.commands import meeting_cases
from hfctl.cli.commands import minutes as minutes_cmd
from hfctl.cli.commands import papers as papers_cmd
from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    FormatOption,
    JsonAlias,
    RepoOption,
    TextFormat,
    TodayOption,
    wants_json,
    write_plan,
)
from hfctl.core.i18n import _, ngettext

if TYPE_CHECKING:
    from hfctl.models.meeting import Meeting

app = typer.Typer(help="Meetings: new, list, cases, move, cancel, decisions, attendance.")
app.add_typer(meeting_cases.case_app, name="case")
app.command("decide")(minutes_cmd.decide)
app.command("attend")(minutes_cmd.attend)
meeting_cases.case_app.command("attach")(papers_cmd.attach)

Day = Annotated[str, typer.Option("--date", metavar="DATE", help="The day.")]


@app.command("new")
def new(
    forum: Annotated[
        str, typer.Argument(help="The forum's id, e.g. ssu.", autocompletion=complete.forums)
    ],
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
    forum: Annotated[str | None, typer.Option("--forum", autocompletion=complete.forums)] = None,
    from_: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="From this day (default: today).")
    ] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="DATE")] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every meeting, the held ones too (not only from today).")
    ] = False,
    fmt: FormatOption = TextFormat.text,
    json_: JsonAlias = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """List the meetings from today on (or --all, or between --from and --to), optionally of
    one forum."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.core.errors import UsageError
    from hfctl.domain.dashboard import agenda_state
    from hfctl.domain.lookup import name_of
    from hfctl.domain.meetings import select
    from hfctl.formats.words import agenda_word
    from hfctl.store.repo import find_root

    if every and from_:
        raise UsageError(_("give --all or --from, not both"))
    now = resolve_today(today)
    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    start = parse_day(from_, "--from") if from_ else (None if every else now)
    found = select(ds, forum, start, parse_day(to, "--to") if to else None)
    if wants_json(fmt, json_):
        keys = ["meeting", "date", "start", "forum", "kind", "status", "agenda", "cases"]
        output.print_json(
            [
                {
                    **dict(zip(keys, _cells(m, m.forum, agenda_state(m)), strict=True)),
                    "forum_name": name_of(ds, m.forum),
                }
                for m in found
            ]
        )
        return
    rows = [_cells(m, name_of(ds, m.forum), agenda_state(m))[1:] for m in found]
    for row in rows:
        row[0] = localised.iso_day(row[0])
        row[1] = localised.clock(row[1])
        row[3] = _word(row[3])
        row[4] = _word(row[4])
        row[5] = agenda_word(row[5])
    count = ngettext("{n} meeting", "{n} meetings", len(rows)).format(n=len(rows))
    if start is not None:
        count = _("{meetings} from {day}").format(meetings=count, day=localised.day(start))
    headers = [_("date"), _("start"), _("forum"), _("kind"), _("status"), _("agenda"), _("cases")]
    output.print_table(count, headers, rows)


def _word(value: str) -> str:
    """A meeting's kind or status in the run's language (JSON keeps the value)."""
    words = {
        "ordinary": _("ordinary"),
        "extraordinary": _("extraordinary"),
        "planned": _("planned"),
        "held": _("held"),
        "cancelled": _("cancelled"),
    }
    return words.get(value, value)


def _cells(meeting: Meeting, forum: str, agenda: str) -> list[str]:
    return [
        meeting.id,
        str(meeting.date),
        meeting.start.strftime("%H:%M"),
        forum,
        meeting.kind,
        meeting.status,
        agenda,
        str(len(meeting.cases)),
    ]


@app.command("move")
def move(
    meeting: Annotated[str, typer.Argument(help="Meeting id.", autocompletion=complete.meetings)],
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
    meeting: Annotated[str, typer.Argument(help="Meeting id.", autocompletion=complete.meetings)],
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
