"""`hfctl member`: appoint a member to a forum, renew a term, end a seat."""

from __future__ import annotations

from typing import Annotated

import typer

from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    RepoOption,
    TodayOption,
    write_plan,
)

app = typer.Typer(
    help="Seats in a forum: add a member, renew a term (a new term after the old), end a seat.",
    no_args_is_help=True,
)

Forum = Annotated[str, typer.Argument(metavar="FORUM", help="Forum id or name, e.g. SSU.")]
PersonArg = Annotated[str, typer.Argument(metavar="PERSON", help="Person id or full name.")]
Role = Annotated[
    str | None,
    typer.Option("--role", help="Which of the person's seats, if they hold more than one."),
]


@app.command("add")
def add(
    forum: Forum,
    person: PersonArg,
    start: Annotated[str, typer.Option("--from", metavar="DATE", help="First day of the term.")],
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            metavar="ROLE",
            help="leader, deputy-leader, member, deputy, secretary, coordinator or observer; "
            "repeat it for a seat with several roles (default: member).",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="What the seat represents: municipality, trust, gp (fastlege), user (user "
            "representative) or other (default: from the party represented).",
        ),
    ] = None,
    represents: Annotated[
        str | None,
        typer.Option("--represents", help="The party (id or name); none for a user seat."),
    ] = None,
    side: Annotated[
        str | None,
        typer.Option("--side", metavar="SIDE", help="A user seat's side: municipal or trust."),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help="Last day (default: open).")
    ] = None,
    appointed_by: Annotated[
        str | None,
        typer.Option(
            "--appointed-by",
            help="The party, forum or role that appointed them (default: the body the "
            "community's representation rules name for such a seat, else the party).",
        ),
    ] = None,
    deputy_for: Annotated[
        str | None, typer.Option("--deputy-for", help="For a deputy: the member they stand in for.")
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Appoint a person to a forum for a term; a term overlapping one of theirs is refused."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import members
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = members.plan_add(
        ds,
        forum,
        person,
        role or [],
        represents,
        parse_day(start, "--from"),
        parse_day(end, "--to") if end else None,
        appointed_by,
        kind,
        side,
        deputy_for,
    )
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


@app.command("renew")
def renew(
    forum: Forum,
    person: PersonArg,
    end: Annotated[str, typer.Option("--to", metavar="DATE", help="Last day of the new term.")],
    role: Role = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Renew a term: a new term from the day after the last one ends (both stay on record)."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import members
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = members.plan_renew(ds, forum, person, parse_day(end, "--to"), now, role)
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


@app.command("end")
def end(
    forum: Forum,
    person: PersonArg,
    day: Annotated[str, typer.Option("--on", metavar="DATE", help="The last day of the seat.")],
    role: Role = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """End the seat a person holds on a day (it is kept, with that day as its last)."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import members
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = members.plan_end(ds, forum, person, parse_day(day, "--on"), now, role)
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)
