"""PDF from the same HTML the other outputs use: WeasyPrint, tagged as PDF/UA-1 (document
language, title, headings, table headers, bookmarks from the headings), with the attachments
that are PDFs appended after the papers, each with a bookmark of its own (pypdf).

WeasyPrint needs Pango from the system (Debian: ``libpango-1.0-0``, ``libpangoft2-1.0-0``);
without it PDF output is refused with a message saying so, the other formats still work.
"""

from __future__ import annotations

import io
from pathlib import Path

from hfctl.core.errors import HfctlError, RefusedError
from hfctl.core.i18n import _


def _weasyprint() -> object:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango or its friends are missing
        raise HfctlError(
            _(
                "PDF output needs WeasyPrint and the Pango library ({exc}); on "
                "Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
            ).format(exc=exc)
        ) from None
    return weasyprint


def from_html(html: str, root: Path, appended: list[tuple[str, str]] | None = None) -> bytes:
    """``html`` as tagged PDF; then each ``(file, bookmark title)`` of ``appended`` (paths from
    ``root``), in order."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=str(root))  # type: ignore[attr-defined]
    data: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    if not appended:
        return data
    return _append(data, root, appended)


def _append(data: bytes, root: Path, appended: list[tuple[str, str]]) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for name, title in appended:
        path = (root / name).resolve()
        if not path.is_relative_to(root.resolve()):
            raise RefusedError(_("attachment {name} lies outside the repository").format(name=name))
        try:
            reader = PdfReader(path)
            start = len(writer.pages)
            writer.append(reader, import_outline=False)
        except (OSError, PdfReadError) as exc:
            raise RefusedError(
                _("attachment {name} cannot be read as PDF: {exc}").format(name=name, exc=exc)
            ) from None
        writer.add_outline_item(title=title, page_number=start)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def letter(root: Path, markdown: str, lang: str, title: str) -> bytes:
    """A letter or message written in Markdown as tagged PDF (``templates/letter/``)."""
    from hfctl.formats.markdown import markdown_html
    from hfctl.formats.render import render

    html = render(
        root, "letter/letter.html.j2", lang=lang, title=title, body=markdown_html(markdown)
    )
    return from_html(html, root)
