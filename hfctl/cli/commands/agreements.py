"""`hfctl agreements`: signature status per municipality and version, and recording steps."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hfctl.cli.commands.common import (
    AllowDirty,
    AtOption,
    Branch,
    Commit,
    DryRun,
    ForceOption,
    LangOption,
    RepoOption,
    TodayOption,
    write_plan,
)

app = typer.Typer(help="Agreements: signature status, recording steps, reminders.")


class Format(StrEnum):
    """Output formats of `agreements status`."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


@app.command()
def status(
    agreement: Annotated[
        str | None, typer.Argument(help="One agreement (id or tenesteavtale number).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help="The status on this day.")
    ] = None,
    repo: RepoOption = None,
    today: TodayOption = None,
    at: AtOption = None,
    output_file: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (an xlsx workbook needs one)."),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Which municipality has signed which agreement: a matrix, or one agreement in detail;
    every row as json, csv (with a byte order mark, for Excel) or an xlsx workbook."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load_data, parse_day, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.core.errors import UsageError
    from hfctl.documents import tables
    from hfctl.domain import agreements, followup, lookup
    from hfctl.store.repo import find_root

    ds = load_data(find_root(explicit=repo), at)
    note_unreadable(ds.problems)
    day = parse_day(on, "--on") if on else resolve_today(today)
    if agreement is not None:
        agreement = lookup.find_agreement(ds, agreement).id
    rows = agreements.rows(ds, day, agreement)
    if output_file is not None and fmt not in (Format.csv, Format.xlsx):
        raise UsageError("--output is for --format csv or xlsx")
    if fmt is Format.json:
        output.print_json([r.to_json() for r in rows])
    elif fmt is Format.csv:
        output.write_or_print(
            tables.rows_csv(rows), str(output_file) if output_file else None, ds.root, force
        )
    elif fmt is Format.xlsx:
        from hfctl.documents.workbook import rows_xlsx
        from hfctl.store.repo import moment

        if output_file is None:
            raise UsageError("--format xlsx writes a workbook: give the file with --output")
        output.write_file(output_file, rows_xlsx(rows, moment()))
    elif agreement is None:
        matrix = tables.matrix(rows)
        if fmt is Format.md:
            output.print_text(tables.markdown(matrix.headers, matrix.cells, matrix.footer))
        else:
            output.print_matrix(matrix, day)
    else:
        headers, cells = tables.detail(rows)
        pending = [
            f"Open action {r.action.id} ({r.meeting.forum} {r.case_ref}, due {r.action.due}): "
            f"{r.action.what}"
            for r in followup.open_actions_about(ds, rows[0].agreement if rows else agreement)
        ]
        if fmt is Format.md:
            output.print_text(tables.markdown(headers, cells, tables.summary_line(rows)))
            output.print_text(
                "".join(f"\n- {line}" for line in pending) + ("\n" if pending else "")
            )
        else:
            output.print_table(f"{agreement} on {day}", headers, cells)
            output.print_text(tables.summary_line(rows) + "\n")
            output.print_lines(pending)


@app.command()
def record(
    agreement: Annotated[str, typer.Argument(help="Agreement id or tenesteavtale number.")],
    municipality: Annotated[str, typer.Argument(help="Municipality number or name.")],
    step: Annotated[
        str, typer.Argument(metavar="STATUS", help="sent|council-meeting|signed|declined")
    ],
    date: Annotated[str, typer.Option("--date", metavar="DATE", help="Day of the step.")],
    signed_by: Annotated[str | None, typer.Option("--signed-by", help="Who signed.")] = None,
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference",
            help="The step's reference: for council-meeting the council's decision (e.g. "
            "PS 45/26), for signed the archive reference (e.g. 2026/412-7).",
        ),
    ] = None,
    version: Annotated[
        str | None, typer.Option("--version", help="Version (default: the current one).")
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    branch: Branch = None,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record a signature step for one municipality, as a reviewed one-record change."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain.agreements import plan_record
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = plan_record(
        ds,
        agreement,
        municipality,
        step,
        parse_day(date, "--date"),
        now,
        signed_by=signed_by,
        reference=reference,
        version_name=version,
    )
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit, branch=branch)


@app.command()
def remind(
    older_than: Annotated[
        int, typer.Option("--older-than", metavar="DAYS", help="Sent at least this long ago.")
    ] = 0,
    output_dir: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the letters.")
    ] = Path("reminders"),
    lang: LangOption = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Each letter as tagged PDF too.")] = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Reminder letters (Markdown and .eml, PDF with --pdf) to municipalities that have not
    signed."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.documents import reminders
    from hfctl.store.loader import require_readable
    from hfctl.store.repo import find_root

    root = find_root(explicit=repo)
    ds = load(root)
    require_readable(ds)
    found = reminders.letters(ds, resolve_today(today), older_than, lang)
    written = reminders.write_letters(found, output_dir, root, pdf)
    for letter in found:
        titles = ", ".join(f"{r.agreement} {r.version} ({r.status})" for r in letter.rows)
        output.print_lines([f"{letter.municipality.name}: {titles}"])
    output.print_lines([f"{len(found)} letters, {len(written)} files in {output_dir}"])
