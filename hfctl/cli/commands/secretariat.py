"""`hfctl secretariat`: who holds the SSU secretariat, its history, and recording the next term."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli import localised
from hfctl.cli.commands.common import (
    AllowDirty,
    AtOption,
    Branch,
    Commit,
    DryRun,
    LangOption,
    RepoOption,
    TodayOption,
    write_plan,
)
from hfctl.core.i18n import _

app = typer.Typer(help="The rotating SSU secretariat: show, history, rotate, handover.")

ForumOption = Annotated[
    str | None,
    typer.Option(
        "--forum",
        help="The forum whose secretariat (default: the only one).",
        autocompletion=complete.forums,
    ),
]


class Format(StrEnum):
    """Output formats."""

    text = "text"
    json = "json"


@app.command()
def show(
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help="The day (default: today).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    forum: ForumOption = None,
    repo: RepoOption = None,
    today: TodayOption = None,
    at: AtOption = None,
) -> None:
    """Who holds the secretariat on a day, until when, and who is next."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load_data, parse_day, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.domain.secretariat import find_forum, holding
    from hfctl.store.repo import find_root

    ds = load_data(find_root(explicit=repo), at)
    note_unreadable(ds.problems)
    day = parse_day(on, "--on") if on else resolve_today(today)
    held = holding(ds, find_forum(ds, forum), day)
    if fmt is Format.json:
        output.print_json(held.to_json())
    else:
        output.print_holding(held)


@app.command()
def history(
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    forum: ForumOption = None,
    repo: RepoOption = None,
    at: AtOption = None,
    today: TodayOption = None,
) -> None:
    """Every recorded term of the secretariat."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load_data, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.domain.secretariat import find_forum, holder_name, sorted_terms
    from hfctl.store.repo import find_root

    resolve_today(today)  # the record does not depend on the day; a bad day is still an error
    ds = load_data(find_root(explicit=repo), at)
    note_unreadable(ds.problems)
    found = find_forum(ds, forum)
    assert found.secretariat is not None
    rows = [
        {
            "holder": t.holder,
            "holder_name": holder_name(ds, t.holder),
            "from": t.from_.isoformat(),
            "to": t.to.isoformat(),
        }
        for t in sorted_terms(found.secretariat)
    ]
    if fmt is Format.json:
        output.print_json(rows)
    else:
        output.print_table(
            _("{forum} secretariat").format(forum=found.display_name()),
            [_("from"), _("to"), _("holder")],
            [
                [localised.iso_day(r["from"]), localised.iso_day(r["to"]), r["holder_name"]]
                for r in rows
            ],
        )


@app.command()
def rotate(
    dry_run: DryRun = False,
    commit: Commit = False,
    branch: Branch = None,
    allow_dirty: AllowDirty = False,
    forum: ForumOption = None,
    lang: LangOption = None,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record the next secretariat term by the rotation rule, and print the handover checklist."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.domain.secretariat import find_forum, handover_checklist, plan_rotation
    from hfctl.store.repo import find_root

    root = find_root(explicit=repo)
    day = resolve_today(today)
    ds = load(root)
    found = find_forum(ds, forum)
    rotation = plan_rotation(ds, found, day)
    write_plan(
        rotation.plan, day, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit, branch=branch
    )
    if not dry_run:
        term = rotation.term
        output.print_markdown(
            handover_checklist(ds, found, rotation.outgoing, term.holder, term.from_, lang)
        )


@app.command()
def handover(
    forum: ForumOption = None,
    lang: LangOption = None,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """The checklist for the coming handover of the secretariat."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.domain.secretariat import find_forum, handover_checklist, holding
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    found = find_forum(ds, forum)
    held = holding(ds, found, resolve_today(today))
    output.print_markdown(
        handover_checklist(ds, found, held.holder, held.next_holder, held.next_from, lang)
    )
