"""`hfctl person`: add a person, or update their name, party, title or work e-mail."""

from __future__ import annotations

from typing import Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    RepoOption,
    TodayOption,
    write_plan,
)

app = typer.Typer(
    help="People in their roles: name, party, title, work e-mail (never private data).",
    no_args_is_help=True,
)

Name = Annotated[str | None, typer.Option("--name", help="The full name.")]
PartyOption = Annotated[
    str | None, typer.Option("--party", help="The party they work for (id or name).")
]
Title = Annotated[str | None, typer.Option("--title", help="Their title at work.")]
Email = Annotated[str | None, typer.Option("--email", help="Their work e-mail address.")]


@app.command("add")
def add(
    person_id: Annotated[str, typer.Argument(metavar="ID", help="The new id, e.g. anne-rod.")],
    name: Annotated[str, typer.Option("--name", help="The full name.")],
    party: Annotated[str, typer.Option("--party", help="The party they work for (id or name).")],
    title: Title = None,
    email: Email = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Add a person (data/people/ID.yaml) with their work contact only."""
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.domain import people
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = people.plan_add(ds, person_id, name, party, title, email)
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


@app.command("update")
def update(
    person: Annotated[
        str,
        typer.Argument(metavar="PERSON", help="Id or full name.", autocompletion=complete.people),
    ],
    name: Name = None,
    party: PartyOption = None,
    title: Title = None,
    email: Email = None,
    clear: Annotated[
        list[str] | None,
        typer.Option("--clear", metavar="title|email", help="Remove the title or e-mail."),
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Change a person's name, party, title or work e-mail; only those lines change."""
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.domain import people
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = people.plan_update(ds, person, name, party, title, email, clear or [])
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)
