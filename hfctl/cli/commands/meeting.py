"""`hfctl meeting`, `hfctl agenda` and `hfctl invite`: plan a meeting and send for it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hfctl.cli.commands import minutes as minutes_cmd
from hfctl.cli.commands import papers as papers_cmd
from hfctl.cli.commands.common import LangOption, RepoOption, TodayOption, apply_changes, write_plan
from hfctl.cli.commands.minutes import AllowDirty, Commit, DryRun

app = typer.Typer(help="Meetings: new, list, cases, move, cancel, decisions, attendance.")
case_app = typer.Typer(help="Cases on a meeting's agenda.")
app.add_typer(case_app, name="case")
app.command("decide")(minutes_cmd.decide)
app.command("attend")(minutes_cmd.attend)
case_app.command("attach")(papers_cmd.attach)  # issue 21: vedlegg

Day = Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help="The day.")]


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
    from hfctl.domain import meetings
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root, parse_day
    from hfctl.store.repo import today as resolve_today

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
    from_: Annotated[str | None, typer.Option("--from", metavar="YYYY-MM-DD")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="YYYY-MM-DD")] = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
    repo: RepoOption = None,
) -> None:
    """List meetings, optionally of one forum and between two dates."""
    from hfctl.cli import output
    from hfctl.core.problems import note_unreadable
    from hfctl.domain.dashboard import agenda_state
    from hfctl.domain.meetings import select
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root, parse_day

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
    date: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
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
    from hfctl.domain import meetings
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root, parse_day
    from hfctl.store.repo import today as resolve_today

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
    from hfctl.domain import meetings
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

    ds = load(find_root(explicit=repo))
    write_plan(
        meetings.plan_cancel(ds, meeting),
        resolve_today(today),
        dry_run=dry_run,
        commit=commit,
        allow_dirty=allow_dirty,
    )


@case_app.command("add")
def case_add(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    title: Annotated[str, typer.Option("--title")],
    case_type: Annotated[str, typer.Option("--type", metavar="decision|orientation")],
    prepared_in: Annotated[
        str | None, typer.Option("--prepared-in", help="Meeting where it was prepared.")
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Add a case before 'Eventuelt'; on an issued agenda it takes the next free number."""
    from hfctl.domain import meetings
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = meetings.plan_case_add(ds, meeting, title, case_type, prepared_in, now)
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


def agenda(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    lang: LangOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="md|html")] = "md",
    output_file: Annotated[str | None, typer.Option("-o", "--output")] = None,
    issue: Annotated[
        bool, typer.Option("--issue", help="Give the cases their numbers and mark it issued.")
    ] = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """The saksliste and innkalling, in nynorsk, bokmål or English, as Markdown or HTML."""
    from hfctl.cli import output
    from hfctl.core.problems import note_unreadable
    from hfctl.documents.agenda import render_agenda
    from hfctl.domain.meetings import plan_issue
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

    root = find_root(explicit=repo)
    ds = load(root)
    note_unreadable(ds.problems)
    now = resolve_today(today)
    if issue:
        apply_changes(plan_issue(ds, meeting, now).changes, now, allow_dirty=allow_dirty)
        ds = load(root)
    output.write_or_print(render_agenda(ds, meeting, lang, fmt, now), output_file)


def invite(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    output_dir: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the files.")
    ] = Path("invitation"),
    lang: LangOption = None,
    send: Annotated[
        bool, typer.Option("--send", help="Send through SMTP ($HFCTL_SMTP_*).")
    ] = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Write invitation.ics, invitation.eml and recipients.csv (numbers the agenda first)."""
    from hfctl.cli import output
    from hfctl.documents import invite as invitation
    from hfctl.domain.followup import find_meeting
    from hfctl.domain.meetings import plan_issue
    from hfctl.formats import mail
    from hfctl.store.loader import load, require_readable
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today
    from hfctl.store.writer import write_outputs

    root = find_root(explicit=repo)
    ds = load(root)
    require_readable(ds)
    now = resolve_today(today)
    found = find_meeting(ds, meeting)
    if found.status == "planned" and (
        found.invitation_sent is None or any(c.number is None for c in found.cases)
    ):
        apply_changes(
            plan_issue(ds, meeting, now, invitation=True).changes, now, allow_dirty=allow_dirty
        )
        ds = load(root)
        found = find_meeting(ds, meeting)
    built = invitation.build(ds, found, lang, now)
    files = {
        "invitation.ics": built.ics,
        "invitation.eml": bytes(built.eml),
        "recipients.csv": built.csv.encode("utf-8"),
    }
    for path in write_outputs(output_dir, root, files):
        output.print_lines([f"wrote {path}"])
    output.print_lines([f"{len(built.recipients)} invited"])
    if send:
        sent = mail.send([built.eml], mail.SmtpSettings.from_env())
        output.print_lines([f"sent {sent} message to {len(built.recipients)} recipients"])
