"""The agenda (saksliste) and invitation (innkalling) of a meeting, from templates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hfctl.documents.letterhead import heading
from hfctl.domain.followup import overdue_for_forum
from hfctl.domain.lookup import find_meeting, name_of
from hfctl.formats.dates import clock, long_date
from hfctl.formats.words import resolve_lang
from hfctl.models.meeting import Meeting, case_label
from hfctl.store.loader import Dataset

WITHDRAWN = {"nn": " (trekt)", "nb": " (trukket)", "en": " (withdrawn)"}


def _person(ds: Dataset, person: str | None) -> str:
    if person is None:
        return ""
    found = ds.people.get(person)
    return found.name if found else person


def context(ds: Dataset, meeting: Meeting, lang: str, today: dt.date) -> dict[str, Any]:
    """Everything the agenda templates see; plain values only."""
    forum = ds.forums.get(meeting.forum)
    cases = []
    for case in meeting.cases:
        prepared = ds.meetings.get(case.prepared_in) if case.prepared_in else None
        prepared_forum = ds.forums.get(prepared.forum) if prepared else None
        cases.append(
            {
                "label": case_label(case.number, meeting.date.year) if case.number else "",
                "title": case.title + (WITHDRAWN.get(lang, "") if case.withdrawn else ""),
                "type": case.type,
                "reference": case.reference or "",
                "prepared_in": (
                    f"{prepared_forum.name.get(lang) if prepared_forum else prepared.forum} "
                    f"{long_date(prepared.date, lang)}"
                    if prepared
                    else ""
                ),
            }
        )
    followups = [
        {
            "id": r.action.id,
            "what": r.action.what,
            "due": long_date(r.action.due, lang),
            "case": r.case_ref,
            "responsible": name_of(ds, r.action.responsible, lang),
        }
        for r in overdue_for_forum(ds, meeting.forum, today)
    ]
    return {
        **heading(ds, meeting, lang),
        "lang": lang,
        "forum": forum.name.get(lang) if forum else meeting.forum,
        "forum_short": forum.display_name(lang) if forum else meeting.forum,
        "meeting_id": meeting.id,
        "date": long_date(meeting.date, lang),
        "time": clock(meeting.start, meeting.end, lang),
        "location": meeting.location,
        "extraordinary": meeting.kind == "extraordinary",
        "cancelled": meeting.status == "cancelled",
        "issued": long_date(meeting.agenda_issued, lang) if meeting.agenda_issued else "",
        "secretary": _person(ds, meeting.secretary),
        "cases": cases,
        "followups": followups,
    }


def render_agenda(
    ds: Dataset, meeting_query: str, lang: str | None, fmt: str, today: dt.date
) -> str:
    """The saksliste and innkalling as Markdown or a complete, accessible HTML page."""
    from hfctl.core.errors import UsageError
    from hfctl.formats.render import render

    if fmt not in ("md", "html"):
        raise UsageError(f"--format '{fmt}' is not md or html")
    meeting = find_meeting(ds, meeting_query)
    language = resolve_lang(ds, lang)
    return render(ds.root, f"agenda/agenda.{fmt}.j2", **context(ds, meeting, language, today))
