"""`hfctl templates export`: hfctl's templates into the data repository, to change there."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hfctl.cli.commands.common import TodayOption
from hfctl.core.i18n import ngettext

app = typer.Typer(
    help="The templates of agendas, minutes, letters and the website.", no_args_is_help=True
)


@app.command("export")
def export(
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DIR]", help="The data repository (default: found from here upward)."
        ),
    ] = None,
    today: TodayOption = None,
) -> None:
    """Copy the built-in templates into the repository's templates/, where they override
    hfctl's own; `hfctl validate` then checks that they render."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import resolve_today
    from hfctl.documents import templates
    from hfctl.store.repo import find_root

    resolve_today(today)  # the copy does not depend on the day; a bad day is still an error
    root = find_root(explicit=folder)
    written = templates.export(root)
    output.print_lines(
        [
            ngettext(
                "wrote {n} template into {folder}",
                "wrote {n} templates into {folder}",
                len(written),
            ).format(n=len(written), folder=root / templates.FOLDER)
        ]
    )
