"""`hfctl status`: the coordinator's dashboard on one screen."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli.commands.common import AtOption, RepoOption, TodayOption


class Format(StrEnum):
    """Output formats of `hfctl status`."""

    text = "text"
    json = "json"


def status(
    on: Annotated[str | None, typer.Option("--on", metavar="DATE", help="As of this day.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    repo: RepoOption = None,
    today: TodayOption = None,
    at: AtOption = None,
) -> None:
    """What is coming up, what is late, what needs attention."""
    from hfctl.checks import next_steps
    from hfctl.checks.validation import validate_dataset
    from hfctl.cli import output
    from hfctl.cli.commands.common import load_data, parse_day, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.domain import dashboard
    from hfctl.store.repo import find_root

    ds = load_data(find_root(explicit=repo), at)
    note_unreadable(ds.problems)
    day = parse_day(on, "--on") if on else resolve_today(today)
    report = validate_dataset(ds, day)
    steps = [p for p in report.problems if p.code in next_steps.CODES]
    board = dashboard.build(ds, day, report.errors, report.warnings, steps)
    if fmt is Format.json:
        output.print_json(board.to_json())
    else:
        from hfctl.cli.dashboard_view import print_dashboard

        print_dashboard(board, output.console)
