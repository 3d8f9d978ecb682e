"""`hfctl validate`: check every data file and the rules between them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.commands.common import RepoOption, TodayOption


class Format(StrEnum):
    """Output formats of `hfctl validate`."""

    text = "text"
    json = "json"
    github = "github"


def validate(
    repo: RepoOption = None,
    today: TodayOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Validate every data file and the rules between them; exit 1 on errors."""
    from hfctl import output
    from hfctl.repo import find_root
    from hfctl.repo import today as resolve_today
    from hfctl.validation import validate as run

    root = find_root(explicit=repo)
    report = run(root, resolve_today(today))
    if fmt is Format.json:
        output.print_json(output.report_json(report, strict))
    elif fmt is Format.github:
        output.print_lines(output.report_github(report))
    else:
        output.print_report(report, strict)
    if report.failed(strict):
        raise typer.Exit(1)
