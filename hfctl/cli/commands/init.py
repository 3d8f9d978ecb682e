"""`hfctl init`: a new health community's data repository in an empty folder."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hfctl.cli.commands.common import TodayOption
from hfctl.core.i18n import _


class Language(StrEnum):
    """The written standard of the new repository."""

    nn = "nn"
    nb = "nb"


class Ci(StrEnum):
    """Which CI runs `hfctl validate` on every change."""

    github = "github"
    gitlab = "gitlab"
    none = "none"


class Side(StrEnum):
    """Which side holds the SSU secretariat first."""

    municipal = "municipal"
    trust = "trust"


def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="An empty (or new) folder.")],
    name: Annotated[str, typer.Option("--name", help='The community: "Helsefellesskapet i …".')],
    trust: Annotated[str, typer.Option("--trust", help='The hospital trust: "… HF".')],
    municipalities: Annotated[
        Path,
        typer.Option(
            "--municipalities",
            metavar="FILE",
            help="KLASS 131 CSV export, or a plain 'number;name' list.",
        ),
    ],
    county_file: Annotated[
        Path | None,
        typer.Option(
            "--county-file",
            metavar="FILE",
            help="KLASS 104 CSV, 'number;name' list or counties.yaml (default: Norway's "
            "counties from 2024).",
        ),
    ] = None,
    language: Annotated[Language, typer.Option("--language")] = Language.nn,
    ci: Annotated[Ci, typer.Option("--ci", help="The CI workflow to write.")] = Ci.github,
    git: Annotated[bool, typer.Option("--git", help="git init and a first commit.")] = False,
    established: Annotated[
        str | None,
        typer.Option("--established", metavar="YYYY-MM-DD", help="Default: today."),
    ] = None,
    rotation_start: Annotated[
        str | None,
        typer.Option(
            "--rotation-start",
            metavar="YYYY-MM-DD",
            help="First day of the SSU secretariat's first term (default: 1 January this year).",
        ),
    ] = None,
    rotation_first: Annotated[
        Side, typer.Option("--rotation-first", help="Who holds the secretariat first.")
    ] = Side.municipal,
    network: Annotated[
        str | None,
        typer.Option("--network", help="Name of the municipal leaders' network."),
    ] = None,
    fsu: Annotated[
        list[str] | None,
        typer.Option(
            "--fsu",
            metavar="GROUP",
            help="A patient group with its own FSU (repeat; default: the national priority "
            "groups).",
        ),
    ] = None,
    agreements_adopted: Annotated[
        str | None,
        typer.Option(
            "--agreements-adopted",
            metavar="YYYY-MM-DD",
            help="The day SSU adopted the agreements in force (default: none recorded yet).",
        ),
    ] = None,
    today: TodayOption = None,
) -> None:
    """Start a new health community: a complete, valid data repository in an empty folder."""
    from hfctl.checks.validation import new_errors, validate
    from hfctl.cli import output
    from hfctl.cli.commands.common import parse_day, resolve_today
    from hfctl.core.errors import RefusedError
    from hfctl.domain import founding
    from hfctl.store import gitops
    from hfctl.store.municipalities import read_counties, read_municipalities
    from hfctl.store.writer import apply

    day = resolve_today(today)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise RefusedError(
            _("{folder} is not an empty folder; hfctl init writes only into one").format(
                folder=folder
            )
        )
    counties = read_counties(county_file, day)
    plan = founding.plan(
        folder.resolve(),
        founding.Founding(
            name=name,
            trust=trust,
            municipalities=read_municipalities(municipalities, counties, day),
            counties=counties,
            today=day,
            language=language.value,
            ci=ci.value,
            established=parse_day(established, "--established") if established else None,
            rotation_start=(
                parse_day(rotation_start, "--rotation-start") if rotation_start else None
            ),
            rotation_first=rotation_first.value,
            network=network,
            groups=list(fsu or []),
            agreements_adopted=(
                parse_day(agreements_adopted, "--agreements-adopted")
                if agreements_adopted
                else None
            ),
        ),
    )
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    # with --git the repository comes first, so that the write lock lives in .git/
    repo = gitops.init(root) if git else None
    try:
        applied = apply(plan.changes, day, check=new_errors)
    except BaseException:
        if repo is not None:
            gitops.remove(repo)
        raise
    finally:
        if repo is None:
            (root / "hfctl.lock").unlink(missing_ok=True)  # the writer's lock, outside git
    if repo is not None:
        applied.commit = gitops.commit(repo, root, applied.files, plan.message)
    output.print_applied(applied, plan.message)
    report = validate(root, day, history=False)
    output.print_report(report, False)
