"""`hfctl papers`: the innkalling med saksdokument of a meeting, internal or public."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli.commands.common import LangOption, RepoOption, TodayOption
from hfctl.core.i18n import _


class PapersFormat(StrEnum):
    """Output formats of the meeting papers."""

    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


def papers(
    meeting: Annotated[
        str,
        typer.Argument(help="Meeting id, e.g. 2026-12-10-ssu.", autocompletion=complete.meetings),
    ],
    public: Annotated[
        bool,
        typer.Option(
            "--public/--internal",
            help="The public version (exempt parts replaced by their legal basis) or the "
            "members' internal one, marked as such on every page.",
        ),
    ] = False,
    lang: LangOption = None,
    fmt: Annotated[PapersFormat, typer.Option("--format", "-f")] = PapersFormat.md,
    output_file: Annotated[
        str | None, typer.Option("-o", "--output", help="Write to this file.")
    ] = None,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Innkalling, saksliste, every saksframlegg and the list of vedlegg in one document;
    as PDF with a bookmark per case and the PDF attachments appended."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.core.errors import UsageError
    from hfctl.documents.papers import render_papers
    from hfctl.store.loader import require_readable
    from hfctl.store.repo import find_root

    if fmt in (PapersFormat.pdf, PapersFormat.docx) and output_file is None:
        raise UsageError(
            _("--format {format} writes a file: give -o FILE").format(format=fmt.value)
        )
    ds = load(find_root(explicit=repo))
    if public:
        require_readable(ds)
    else:
        note_unreadable(ds.problems)
    data = render_papers(ds, meeting, lang, fmt.value, public, resolve_today(today))
    output.write_bytes_or_print(data, output_file)


def attach(
    meeting: Annotated[str, typer.Argument(help="Meeting id.", autocompletion=complete.meetings)],
    case: Annotated[
        str,
        typer.Argument(help="Case number: 7, 07/26 or 'Sak 07/26'.", autocompletion=complete.cases),
    ],
    source: Annotated[
        str, typer.Argument(metavar="FILE|URL", help="A file under data/, or a web address.")
    ],
    title: Annotated[str, typer.Option("--title", help="The attachment's title.")],
    exempt: Annotated[
        str | None,
        typer.Option("--exempt", metavar="BASIS", help="Exempt: a legal basis's id."),
    ] = None,
    public_title: Annotated[
        str | None, typer.Option("--public-title", help="Title shown publicly if exempt.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the diff only.")] = False,
    commit: Annotated[bool, typer.Option("--commit", help="Commit the change.")] = False,
    allow_dirty: Annotated[
        bool, typer.Option("--allow-dirty", help="Edit a file with changes.")
    ] = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Attach a vedlegg (a file in the repository or an address) to a case."""
    from hfctl.cli.commands.common import load, resolve_today, write_plan
    from hfctl.domain.attachments import plan_attach
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = plan_attach(ds, meeting, case, source, title, exempt, public_title)
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)
