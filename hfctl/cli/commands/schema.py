"""`hfctl schema`: write a JSON Schema per kind of data file, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hfctl.cli.commands.common import RepoOption, TodayOption
from hfctl.core.i18n import _


def schema(
    output_dir: Annotated[
        Path | None, typer.Option("-o", "--output", help="Folder (default: schemas/).")
    ] = None,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Write the JSON Schemas that editors with the YAML language server use while typing."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import resolve_today
    from hfctl.store.repo import find_root
    from hfctl.store.schema import SCHEMA_DIR, render_all
    from hfctl.store.writer import write_outputs

    resolve_today(today)  # the schemas do not depend on the day; a bad day is still an error
    root = find_root(explicit=repo)
    folder = output_dir or root / SCHEMA_DIR
    for path in write_outputs(folder, root, render_all()):
        output.print_lines([_("wrote {path}").format(path=path)])
