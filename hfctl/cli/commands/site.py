"""`hfctl site build`: the health community's website from the data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hfctl.cli.commands.common import LangOption, RepoOption, TodayOption

app = typer.Typer(help="The health community's website, built from the data.", no_args_is_help=True)


@app.command("build")
def build(
    output_dir: Annotated[
        Path,
        typer.Option("--output", "-o", help="The folder to build into (made if missing)."),
    ] = Path("site"),
    lang: LangOption = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Publish each meeting's public papers as PDF too.")
    ] = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Build the website: front page, a page per body and meeting, the agreements with their
    signatures, and a calendar feed per body. No one's e-mail or telephone is published."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.documents import site
    from hfctl.formats.words import resolve_lang
    from hfctl.store.gitops import last_change
    from hfctl.store.loader import require_readable
    from hfctl.store.repo import find_root, moment

    resolve_today(today)  # checked here; the pages are built from the data alone
    root = find_root(explicit=repo)
    ds = load(root)
    require_readable(ds)
    # the feeds are stamped with the data's last commit, not the clock: a rebuild with no data
    # change is byte-identical; outside git (or before a commit) the moment of writing; the
    # front page says the day of that commit
    changed = last_change(root)
    files = site.build(
        ds,
        resolve_lang(ds, lang),
        resolve_today(today),
        changed or moment(),
        pdf,
        changed.date() if changed else None,
    )
    written, removed = site.write(output_dir, root, files)
    pages = sum(1 for p in written if p.suffix == ".html")
    feeds = sum(1 for p in written if p.suffix == ".ics")
    lines = [f"built {pages} pages and {feeds} calendar feeds in {output_dir}"]
    lines += [f"removed {name} (no longer in the data)" for name in removed]
    output.print_lines(lines)
