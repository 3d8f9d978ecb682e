"""`hfctl plan YEAR`: the year's meetings of every body, proposed from the data."""

from __future__ import annotations

from typing import Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    ForceOption,
    RepoOption,
    TodayOption,
    write_plan,
)
from hfctl.core.i18n import _


def plan(
    year: Annotated[int, typer.Argument(help="The year to plan, e.g. 2027.")],
    forum: Annotated[
        list[str] | None,
        typer.Option(
            "--forum", help="Plan only this body (repeatable).", autocompletion=complete.forums
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="text|md|ics|html", help="The overview.")
    ] = "text",
    output_file: Annotated[
        str | None, typer.Option("-o", "--output", help="Write the overview to this file.")
    ] = None,
    force: ForceOption = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Plan the year's meetings of every body from its cadence, and show the year.

    One meeting file per planned meeting (status planned, no case numbers), around holidays,
    school breaks, blocked days, shared members, the order rules and notice periods; a
    meeting that exists is never moved."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.core.errors import UsageError
    from hfctl.documents import yearplan
    from hfctl.domain.planning import plan_year
    from hfctl.store.loader import require_readable
    from hfctl.store.repo import find_root

    if fmt not in yearplan.FORMATS:
        raise UsageError(
            _("--format '{format}' is not one of {formats}").format(
                format=fmt, formats=", ".join(yearplan.FORMATS)
            )
        )
    if fmt in ("ics", "html") and output_file is None:
        raise UsageError(_("--format {format} writes a file: give -o FILE").format(format=fmt))
    root = find_root(explicit=repo)
    ds = load(root)
    require_readable(ds)
    now = resolve_today(today)
    proposed = plan_year(ds, year, now, forum or None)
    if proposed.slots:
        write_plan(proposed.plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)
    else:
        output.print_lines(
            [_("nothing to plan for {year}: every body has its meetings").format(year=year)]
        )
        output.print_warnings(proposed.plan.warnings)
    after = proposed.with_meetings(ds)
    rows = yearplan.rows(after, year, [f"{s.day}-{s.forum}" for s in proposed.slots])
    unmet = [f"{u.forum}: {u.reason}" for u in proposed.unmet]
    if fmt == "text":
        rendered = yearplan.text(rows, year, unmet)
    elif fmt == "md":
        rendered = yearplan.markdown(rows, year, unmet)
    elif fmt == "ics":
        rendered = yearplan.ics(after, rows, year).decode("utf-8")
    else:
        rendered = yearplan.html(after, rows, year, unmet)
    output.write_or_print(rendered, output_file, root, force)
