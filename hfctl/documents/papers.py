"""The meeting papers (innkalling med saksdokument): invitation, agenda, every saksframlegg
and the list of attachments in one document, internal or public, as md, html, pdf or docx.

The values come from ``domain.publication`` (the internal or the public view) and nothing else;
a public version is refused if it would hold exempt text (``publication.leaks``). HTML and PDF
are the same Jinja template (``templates/papers/``); PDF through ``documents.pdf``, Word
through ``documents.docx``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hfctl.core.errors import RefusedError, UsageError
from hfctl.documents.letterhead import apology, called
from hfctl.domain.followup import find_meeting
from hfctl.domain.publication import (
    AttachmentView,
    CaseView,
    MeetingView,
    forbidden,
    internal_view,
    leaks,
    public_view,
)
from hfctl.formats.dates import clock, long_date
from hfctl.formats.markdown import markdown_html
from hfctl.formats.words import resolve_lang
from hfctl.store.loader import Dataset

FORMATS = ("md", "html", "pdf", "docx")


def _address(url: str | None) -> str:
    """A web address, or nothing: a ``javascript:`` or other scheme is never made a link
    (HF432/HF437 report it)."""
    return url if url and url.startswith(("https://", "http://")) else ""


def _name(ds: Dataset, person: str | None) -> str:
    if person is None:
        return ""
    found = ds.people.get(person)
    return found.name if found else person


def _basis(view: Any, lang: str) -> dict[str, str] | None:
    if view is None:
        return None
    return {"id": view.id, "cite": view.cite, "text": view.text.get(lang)}


def _attachment(a: AttachmentView, case: CaseView, lang: str) -> dict[str, Any]:
    return {
        "number": a.number,
        "case": case.label,
        "title": a.title,
        "url": _address(a.url),
        "file": a.file or "",
        "exempt": _basis(a.exempt, lang),
        # the public view has no file of an exempt attachment, so it is never appended there
        "appended": bool(a.file and a.file.lower().endswith(".pdf")),
    }


def _case(ds: Dataset, c: CaseView, lang: str, index: int) -> dict[str, Any]:
    prepared = ds.meetings.get(c.prepared_in) if c.prepared_in else None
    prepared_forum = ds.forums.get(prepared.forum) if prepared else None
    return {
        "label": c.label,
        "anchor": f"sak-{c.number}" if c.number else f"case-{index}",
        "title": c.title,
        "type": c.type,
        "exempt": _basis(c.exempt, lang),
        "paper_exempt": _basis(c.paper_exempt, lang),
        "reference": c.reference,
        "presenter": _name(ds, c.presenter),
        "prepared_in": (
            f"{prepared_forum.display_name(lang) if prepared_forum else prepared.forum} "
            f"{long_date(prepared.date, lang)}"
            if prepared
            else ""
        ),
        "intro": c.intro,
        "intro_html": markdown_html(c.intro),
        "sections": [
            {"title": s.title, "text": s.text, "html": markdown_html(s.text)} for s in c.sections
        ],
        "proposal": c.proposal,
        "has_paper": c.has_paper,
        "attachments": [_attachment(a, c, lang) for a in c.attachments],
    }


def context(ds: Dataset, view: MeetingView, lang: str) -> dict[str, Any]:
    """Everything the papers templates (and the Word writer) see; plain values only."""
    meeting = view.meeting
    forum = ds.forums.get(meeting.forum)
    cases = [_case(ds, c, lang, i) for i, c in enumerate(view.cases, 1)]
    return {
        "lang": lang,
        "public": view.public,
        "community": ds.community.name.get(lang) if ds.community else "hfctl",
        "forum": forum.name.get(lang) if forum else meeting.forum,
        "forum_short": forum.display_name(lang) if forum else meeting.forum,
        "meeting_id": meeting.id,
        "date": long_date(meeting.date, lang),
        "time": clock(meeting.start, meeting.end, lang),
        "location": meeting.location,
        # the video link is for those called; a public version leaves it out
        "online": "" if view.public else _address(meeting.online),
        "extraordinary": meeting.kind == "extraordinary",
        "cancelled": meeting.status == "cancelled",
        "issued": long_date(meeting.agenda_issued, lang) if meeting.agenda_issued else "",
        "secretary": _name(ds, meeting.secretary),
        "apologies": apology(ds, meeting, lang),
        "called": called(ds, meeting),
        "cases": cases,
        "attachments": [a for c in cases for a in c["attachments"]],
    }


def labels(ds: Dataset, document: str, lang: str) -> dict[str, str]:
    """The words of a document's templates (``templates/<document>/labels.j2``) in ``lang``,
    for the outputs not made from a template (Word)."""
    from hfctl.formats.render import environment

    table = environment(ds.root).get_template(f"{document}/labels.j2").module.labels
    return dict(table[lang])


def view_of(ds: Dataset, meeting_query: str, public: bool) -> MeetingView:
    """The internal or public view of the meeting a query names."""
    meeting = find_meeting(ds, meeting_query)
    return public_view(ds, meeting) if public else internal_view(ds, meeting)


def guard(ds: Dataset, view: MeetingView, text: str, what: str) -> None:
    """Refuse a public ``text`` that holds exempt text of the meeting (or any meeting)."""
    if not view.public:
        return
    found = leaks(text, forbidden(ds))
    if found:
        raise RefusedError(
            f"the public {what} of {view.meeting.id} would hold text exempt from public "
            f"access ('{found[0][:60]}'); nothing was written"
        )


def render_papers(
    ds: Dataset,
    meeting_query: str,
    lang: str | None,
    fmt: str,
    public: bool,
    today: dt.date,
) -> bytes:
    """The papers in ``fmt`` (md, html, pdf or docx) as bytes."""
    from hfctl.formats.render import render

    if fmt not in FORMATS:
        raise UsageError(f"--format '{fmt}' is not one of {', '.join(FORMATS)}")
    language = resolve_lang(ds, lang)
    view = view_of(ds, meeting_query, public)
    values = context(ds, view, language)
    if fmt == "docx":
        from hfctl.documents import docx

        text, data = docx.papers(values, labels(ds, "papers", language))
        guard(ds, view, text, "papers")
        return data
    html = render(ds.root, "papers/papers.html.j2", **values)
    guard(ds, view, html, "papers")
    if fmt == "html":
        return html.encode("utf-8")
    if fmt == "md":
        text = render(ds.root, "papers/papers.md.j2", **values)
        guard(ds, view, text, "papers")
        return text.encode("utf-8")
    from hfctl.documents import pdf

    return pdf.from_html(html, ds.root, _appended(values))


def render_minutes_file(
    ds: Dataset, meeting_query: str, lang: str | None, fmt: str, today: dt.date
) -> bytes:
    """The minutes as PDF (from the minutes' HTML template) or Word, by the same machinery
    as the papers."""
    from hfctl.documents import minutes
    from hfctl.formats.render import render

    values = minutes.context(ds, meeting_query, lang, today)
    if fmt == "docx":
        from hfctl.documents import docx

        return docx.minutes(values, labels(ds, "minutes", values["lang"]))
    if fmt != "pdf":
        raise UsageError(f"--format '{fmt}' is not pdf or docx")
    from hfctl.documents import pdf

    return pdf.from_html(render(ds.root, "minutes/minutes.html.j2", **values), ds.root)


def papers_page(meeting_id: str, suffix: str = "html") -> str:
    """The file name of a meeting's public papers on the website."""
    return f"papers-{meeting_id}.{suffix}"


def site_files(ds: Dataset, lang: str, pdf: bool) -> dict[str, bytes]:
    """The public papers of every meeting with an issued agenda, as HTML (with the site's
    accessibility statement linked) and, with ``pdf``, as PDF; only from ``public_view``."""
    from hfctl.formats.render import render

    files: dict[str, bytes] = {}
    for meeting in sorted(ds.meetings.values(), key=lambda m: m.id):
        if meeting.agenda_issued is None or not meeting.cases:
            continue
        values = context(ds, public_view(ds, meeting), lang)
        html = render(ds.root, "papers/papers.html.j2", **values, site=True)
        files[papers_page(meeting.id)] = html.encode("utf-8")
        if pdf:
            from hfctl.documents import pdf as pdf_module

            files[papers_page(meeting.id, "pdf")] = pdf_module.from_html(
                render(ds.root, "papers/papers.html.j2", **values), ds.root, _appended(values)
            )
    return files


def _appended(values: dict[str, Any]) -> list[tuple[str, str]]:
    word = {"nn": "Vedlegg", "nb": "Vedlegg", "en": "Attachment"}[values["lang"]]
    return [
        (a["file"], f"{word} {a['number']} ({a['case']}): {a['title']}")
        for a in values["attachments"]
        if a["appended"]
    ]
