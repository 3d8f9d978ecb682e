"""`hfctl validate`: check every data file and the rules between them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli.commands.common import AtOption, RepoOption, TodayOption


class Format(StrEnum):
    """Output formats of `hfctl validate`."""

    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


def validate(
    repo: RepoOption = None,
    today: TodayOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REV",
            help="Check everything, report only problems in files changed since REV.",
        ),
    ] = None,
    at: AtOption = None,
) -> None:
    """Validate every data file and the rules between them; exit 1 on errors."""
    from hfctl.checks.validation import validate as run
    from hfctl.cli import output, reports
    from hfctl.cli.commands.common import resolve_today
    from hfctl.cli.context import current
    from hfctl.store.repo import find_root

    root = find_root(explicit=repo)
    day = resolve_today(today)
    report = run(root, day, at=at, cache=current().use_cache)
    if at is None and (root / "templates").is_dir():
        from hfctl.checks.validation import Report
        from hfctl.cli.commands.common import load
        from hfctl.core.problems import Problem
        from hfctl.documents import templates

        extra = templates.check(load(root), day) if templates.own(root) else []
        if extra:
            problems = sorted(set(report.problems) | set(extra), key=Problem.sort_key)
            report = Report(problems, report.files)
    if changed_since is not None:
        from hfctl.checks.validation import only_files
        from hfctl.store import gitops

        git_repo = gitops.require_repo(root, "--changed-since")
        report = only_files(report, gitops.changed_files(git_repo, root, changed_since))
    if fmt is Format.json:
        output.print_json(reports.report_json(report, strict))
    elif fmt is Format.github:
        output.print_lines(reports.report_github(report))
    elif fmt is Format.gitlab:
        output.print_json(reports.report_gitlab(report))
    else:
        output.print_report(report, strict)
    if report.failed(strict):
        raise typer.Exit(1)
