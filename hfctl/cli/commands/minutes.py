"""`hfctl minutes`, `hfctl actions` and recording decisions and attendance of a meeting."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    ForceOption,
    LangOption,
    RepoOption,
    TodayOption,
    write_plan,
)

actions_app = typer.Typer(
    help="Follow-up actions decided in meetings.", invoke_without_command=True
)


class MinutesFormat(StrEnum):
    """Output formats of the minutes."""

    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


class ActionsFormat(StrEnum):
    """Output formats of `hfctl actions`."""

    table = "table"
    json = "json"
    md = "md"


def minutes(
    meeting: Annotated[str, typer.Argument(help="Meeting id, e.g. 2026-04-23-ssu.")],
    lang: LangOption = None,
    fmt: Annotated[MinutesFormat, typer.Option("--format", "-f")] = MinutesFormat.md,
    output_file: Annotated[
        str | None, typer.Option("-o", "--output", help="Write to this file.")
    ] = None,
    force: ForceOption = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """The minutes (protokoll): attendance, each case with its decision, follow-ups."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.documents.minutes import render_minutes
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    if fmt in (MinutesFormat.pdf, MinutesFormat.docx):  # issue 21: the papers' machinery
        from hfctl.core.errors import UsageError
        from hfctl.documents.papers import render_minutes_file

        if output_file is None:
            raise UsageError(f"--format {fmt.value} writes a file: give -o FILE")
        data = render_minutes_file(ds, meeting, lang, fmt.value, resolve_today(today))
        output.write_bytes_or_print(data, output_file)
        return
    text = render_minutes(ds, meeting, lang, fmt.value, resolve_today(today))
    output.write_or_print(text, output_file, ds.root, force)


def decide(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    case: Annotated[str, typer.Argument(help="Case number: 7, 07/26 or 'Sak 07/26'.")],
    text: Annotated[str, typer.Option("--text", help="The decision (vedtak).")],
    conflict: Annotated[
        list[str] | None,
        typer.Option("--conflict", help="A person who declared a conflict of interest."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="How it was decided: consensus, vote or noted (teke til orientering).",
        ),
    ] = None,
    votes: Annotated[
        str | None,
        typer.Option(
            "--votes",
            metavar="FOR-AGAINST[-BLANK]",
            help="The count of a vote, e.g. 7-2-1 (implies --kind vote).",
        ),
    ] = None,
    dissent: Annotated[
        list[str] | None,
        typer.Option(
            "--dissent",
            metavar="PERSON",
            help="A member who asked for their dissent in the minutes (protokolltilførsel); "
            "repeatable.",
        ),
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace a decision.")] = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record the decision of a case; a planned meeting whose day has come is marked held
    (deciding the approval case of the next meeting approves the minutes it refers to)."""
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.domain import followup
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = followup.plan_decide(
        ds, meeting, case, text, now, replace, conflict or [], kind, votes, dissent or []
    )
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)


def attend(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    present: Annotated[
        list[str] | None, typer.Option("--present", help="A member who attended (repeatable).")
    ] = None,
    apologies: Annotated[
        list[str] | None, typer.Option("--apologies", help="A member who sent apologies.")
    ] = None,
    deputy: Annotated[
        list[str] | None,
        typer.Option("--deputy", metavar="DEPUTY", help="A deputy who met; give --for MEMBER."),
    ] = None,
    for_: Annotated[
        list[str] | None,
        typer.Option("--for", metavar="MEMBER", help="The member the --deputy before met for."),
    ] = None,
    remove: Annotated[
        list[str] | None, typer.Option("--remove", help="Take a name off the attendance.")
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Add names to the attendance, apologies (forfall) and deputies of a meeting whose day has
    come (it is marked held); --remove takes a name off. Nothing is replaced silently."""
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.core.errors import UsageError
    from hfctl.domain import attendance
    from hfctl.domain.lookup import find_meeting
    from hfctl.store.repo import find_root

    pairs: list[tuple[str, str]] = []
    plain = [d for d in deputy or [] if "=" not in d]
    for item in deputy or []:
        if "=" in item:
            who, member = item.split("=", 1)
            pairs.append((who.strip(), member.strip()))
    if len(plain) != len(for_ or []):
        raise UsageError("give each --deputy P its --for M (the member P met for)")
    pairs += list(zip(plain, for_ or [], strict=True))
    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = attendance.plan_attend(
        ds, find_meeting(ds, meeting), now, present or [], apologies or [], pairs, remove or []
    )
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)


@actions_app.callback()
def actions(
    ctx: typer.Context,
    forum: Annotated[str | None, typer.Option("--forum", help="Decided by this forum.")] = None,
    responsible: Annotated[
        str | None, typer.Option("--responsible", help="Forum, party or person responsible.")
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue actions.")] = False,
    fmt: Annotated[ActionsFormat, typer.Option("--format", "-f")] = ActionsFormat.table,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """List follow-up actions: what, who, when, and whether they are overdue."""
    if ctx.invoked_subcommand is not None:
        return
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.documents import tables
    from hfctl.domain import followup, lookup
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    now = resolve_today(today)
    forum_id = lookup.find_forum(ds, forum).id if forum else None
    who = lookup.find_any(ds, responsible) if responsible else None
    rows = followup.select(followup.actions(ds), now, forum_id, who, overdue)
    headers = ["id", "due", "status", "responsible", "case", "what"]
    cells = [
        [
            r.action.id,
            str(r.action.due),
            "OVERDUE" if r.overdue(now) else r.action.status,
            lookup.name_of(ds, r.action.responsible),
            f"{lookup.name_of(ds, r.meeting.forum)} {r.case_ref}",
            r.action.what,
        ]
        for r in rows
    ]
    if fmt is ActionsFormat.json:
        output.print_json([r.to_json(now) for r in rows])
    elif fmt is ActionsFormat.md:
        output.print_text(tables.markdown(headers, cells, f"{len(rows)} actions"))
    else:
        output.print_table(f"Actions on {now}", headers, cells)


@actions_app.command("done")
def done(
    action_id: Annotated[str, typer.Argument(metavar="ID", help="The action's id.")],
    date: Annotated[str, typer.Option("--date", metavar="DATE", help="Day it was done.")],
    dropped: Annotated[
        bool, typer.Option("--dropped", help="Close it as dropped, not done.")
    ] = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Close an action as done (or dropped)."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import followup
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = followup.plan_close(
        ds, action_id, parse_day(date, "--date"), now, "dropped" if dropped else "done"
    )
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)


@actions_app.command("add")
def add(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    case: Annotated[str, typer.Argument(help="Case number: 7, 07/26 or 'Sak 07/26'.")],
    what: Annotated[str, typer.Option("--what", help="What is to be done.")],
    responsible: Annotated[
        str, typer.Option("--responsible", help="The forum, party or person responsible.")
    ],
    due: Annotated[str, typer.Option("--due", metavar="YYYY-MM-DD", help="Due by this day.")],
    agreement: Annotated[
        str | None, typer.Option("--agreement", help="The agreement it is about.")
    ] = None,
    about_forum: Annotated[
        str | None, typer.Option("--about-forum", help="The body it is about.")
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Add a follow-up action to a case of a meeting whose day has come."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import followup
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = followup.plan_action_add(
        ds,
        meeting,
        case,
        what,
        responsible,
        parse_day(due, "--due"),
        now,
        agreement=agreement,
        forum=about_forum,
    )
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)
