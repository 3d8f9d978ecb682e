"""`hfctl papers`: the innkalling med saksdokument of a meeting, internal or public."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli.commands.common import LangOption, RepoOption, TodayOption


class PapersFormat(StrEnum):
    """Output formats of the meeting papers."""

    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


def papers(
    meeting: Annotated[str, typer.Argument(help="Meeting id, e.g. 2026-12-10-ssu.")],
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
    from hfctl.core.errors import UsageError
    from hfctl.core.problems import note_unreadable
    from hfctl.documents.papers import render_papers
    from hfctl.store.loader import load, require_readable
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today

    if fmt in (PapersFormat.pdf, PapersFormat.docx) and output_file is None:
        raise UsageError(f"--format {fmt.value} writes a file: give -o FILE")
    ds = load(find_root(explicit=repo))
    if public:
        require_readable(ds)
    else:
        note_unreadable(ds.problems)
    data = render_papers(ds, meeting, lang, fmt.value, public, resolve_today(today))
    output.write_bytes_or_print(data, output_file)
