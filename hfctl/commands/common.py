"""Options shared by many commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

RepoOption = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        help="The data repository (default: found from here upward).",
        file_okay=False,
        dir_okay=True,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        help="Count this day as today (default: $HFCTL_TODAY or the clock).",
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", metavar="nn|nb|en", help="Language (default: the community's, nn)."),
]
AtOption = Annotated[
    str | None,
    typer.Option("--at", metavar="REV", help="Answer from the data as it was at a git revision."),
]
