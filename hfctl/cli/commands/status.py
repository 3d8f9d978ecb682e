"""`hfctl status`: the coordinator's dashboard on one screen."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from hfctl.cli.commands.common import AtOption, RepoOption, TodayOption

if TYPE_CHECKING:
    from hfctl.domain.dashboard import Dashboard


class Format(StrEnum):
    """Output formats of `hfctl status`."""

    text = "text"
    json = "json"
    svg = "svg"
    """The text as a picture of the terminal (COLUMNS × LINES, default 80 × 24), in colour."""


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
    from hfctl.cli.dashboard_view import print_dashboard

    if fmt is Format.json:
        output.print_json(board.to_json())
    elif fmt is Format.svg:
        output.print_text(_svg(board))
    else:
        print_dashboard(board, output.console)


def _svg(board: Dashboard) -> str:
    """The dashboard drawn as a terminal of COLUMNS × LINES (80 × 24 unless set)."""
    import io
    import os

    from rich.console import Console

    from hfctl.cli.dashboard_view import print_dashboard

    def size(name: str, default: int) -> int:
        value = os.environ.get(name, "")
        return int(value) if value.isdigit() and int(value) > 0 else default

    screen = Console(
        record=True,
        file=io.StringIO(),
        width=size("COLUMNS", 80),
        height=size("LINES", 24),
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
        emoji=False,
    )
    print_dashboard(board, lambda: screen)
    return screen.export_svg(title=f"hfctl status — {screen.width}×{screen.height}")
