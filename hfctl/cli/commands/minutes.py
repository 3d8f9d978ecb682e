"""`hfctl minutes`, `hfctl actions` and recording decisions and attendance of a meeting."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli.commands.common import LangOption, RepoOption, TodayOption, write_plan

DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the diff; write nothing.")]
Commit = Annotated[bool, typer.Option("--commit", help="Commit the change.")]
AllowDirty = Annotated[bool, typer.Option("--allow-dirty", help="Edit a file with changes.")]

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
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """The minutes (protokoll): attendance, each case with its decision, follow-ups."""
    from hfctl.cli import output
    from hfctl.core.problems import note_unreadable
    from hfctl.documents.minutes import render_minutes
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

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
    output.write_or_print(text, output_file)


def decide(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    case: Annotated[str, typer.Argument(help="Case number: 7, 07/26 or 'Sak 07/26'.")],
    text: Annotated[str, typer.Option("--text", help="The decision (vedtak).")],
    conflict: Annotated[
        list[str] | None,
        typer.Option("--conflict", help="A person who declared a conflict of interest."),
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace a decision.")] = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record the decision of a case of a held meeting."""
    from hfctl.domain import followup
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = followup.plan_decide(ds, meeting, case, text, now, replace, conflict or [])
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)


def attend(
    meeting: Annotated[str, typer.Argument(help="Meeting id.")],
    present: Annotated[
        list[str] | None, typer.Option("--present", help="A member who attended.")
    ] = None,
    apologies: Annotated[
        list[str] | None, typer.Option("--apologies", help="A member who sent apologies.")
    ] = None,
    deputy: Annotated[
        list[str] | None,
        typer.Option("--deputy", metavar="DEPUTY=MEMBER", help="A deputy who met for a member."),
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record attendance, apologies (forfall) and deputies of a held meeting."""
    from hfctl.core.errors import UsageError
    from hfctl.domain import followup
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

    pairs: list[tuple[str, str]] = []
    for item in deputy or []:
        if "=" not in item:
            raise UsageError(f"--deputy '{item}': write DEPUTY=MEMBER")
        who, member = item.split("=", 1)
        pairs.append((who.strip(), member.strip()))
    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = followup.plan_attend(ds, meeting, now, present or [], apologies or [], pairs)
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
    from hfctl.core.problems import note_unreadable
    from hfctl.documents import tables
    from hfctl.domain import followup
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    now = resolve_today(today)
    rows = followup.select(followup.actions(ds), now, forum, responsible, overdue)
    headers = ["id", "due", "status", "responsible", "case", "what"]
    cells = [
        [
            r.action.id,
            str(r.action.due),
            "OVERDUE" if r.overdue(now) else r.action.status,
            r.action.responsible,
            f"{r.meeting.forum} {r.case_ref}",
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
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help="Day it was done.")],
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
    from hfctl.domain import followup
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root, parse_day
    from hfctl.store.repo import today as resolve_today

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = followup.plan_close(
        ds, action_id, parse_day(date, "--date"), now, "dropped" if dropped else "done"
    )
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)
