"""`hfctl log`: the history of one entity from git, newest first."""

from __future__ import annotations

from typing import Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli.commands.common import (
    FormatOption,
    JsonAlias,
    LangOption,
    RepoOption,
    TextFormat,
    TodayOption,
    wants_json,
)


def log(
    forum: Annotated[str | None, typer.Option("--forum", autocompletion=complete.forums)] = None,
    person: Annotated[str | None, typer.Option("--person", autocompletion=complete.people)] = None,
    agreement: Annotated[
        str | None, typer.Option("--agreement", autocompletion=complete.agreements)
    ] = None,
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality", help="Name or number.", autocompletion=complete.municipalities
        ),
    ] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE")] = None,
    fmt: FormatOption = TextFormat.text,
    json_: JsonAlias = False,
    lang: LangOption = None,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Who changed what and when: commit, date, author and the change in words."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import history
    from hfctl.formats.words import resolve_lang
    from hfctl.store.repo import find_root

    resolve_today(today)  # the history does not depend on the day; a bad day is still an error
    root = find_root(explicit=repo)
    day = parse_day(since, "--since") if since else None
    ds = load(root)
    found = history.select(
        ds,
        history.entries(root, day, resolve_lang(ds, lang)),
        forum,
        person,
        agreement,
        municipality,
    )
    if wants_json(fmt, json_):
        output.print_json([e.to_json() for e in found])
    else:
        output.print_lines(f"{e.sha[:10]} {e.date} {e.author}: {e.change.message}" for e in found)
