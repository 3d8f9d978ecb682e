"""The minutes (protokoll) of a meeting, rendered from templates in nn, nb or en."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hfctl.core.errors import RefusedError
from hfctl.documents.letterhead import heading
from hfctl.domain.followup import minutes_approval
from hfctl.domain.lookup import find_meeting, name_of
from hfctl.formats.dates import long_date
from hfctl.formats.words import resolve_lang
from hfctl.models.meeting import Meeting, case_label
from hfctl.store.loader import Dataset


def _name(ds: Dataset, person: str) -> str:
    found = ds.people.get(person)
    return found.name if found else person


def context(ds: Dataset, meeting_query: str, lang: str | None, today: dt.date) -> dict[str, Any]:
    """Everything the minutes templates see; plain values only."""
    meeting = find_meeting(ds, meeting_query)
    language = resolve_lang(ds, lang)
    if meeting.status != "held":
        raise RefusedError(f"{meeting.id} has not been held (status {meeting.status})")
    forum = ds.forums.get(meeting.forum)
    forum_name = forum.name.get(language) if forum else meeting.forum
    attendance = meeting.attendance
    cases = []
    for case in meeting.cases:
        cases.append(
            {
                "label": case_label(case.number, meeting.date.year) if case.number else "",
                "title": case.title,
                "type": case.type,
                "decision": case.decision or "",
                "withdrawn": case.withdrawn,
                "decision_kind": case.decision_kind or "",
                "votes": (
                    {
                        "for": case.votes.for_,
                        "against": case.votes.against,
                        "blank": case.votes.blank,
                    }
                    if case.votes
                    else None
                ),
                "dissent": [_name(ds, p) for p in case.dissent],
                "conflicts": [_name(ds, p) for p in case.conflicts],
                "actions": [
                    {
                        "id": a.id,
                        "what": a.what,
                        "responsible": _responsible(ds, a.responsible, language),
                        "due": long_date(a.due, language),
                        "status": a.status,
                    }
                    for a in case.actions
                ],
            }
        )
    return {
        **heading(ds, meeting, language),
        "lang": language,
        "forum": forum_name,
        "meeting_id": meeting.id,
        "date": long_date(meeting.date, language),
        "start": meeting.start.strftime("%H.%M"),
        "end": meeting.end.strftime("%H.%M") if meeting.end else "",
        "location": meeting.location,
        "extraordinary": meeting.kind == "extraordinary",
        "present": [_name(ds, p) for p in attendance.present] if attendance else [],
        "apologies": [_name(ds, p) for p in attendance.apologies] if attendance else [],
        "deputies": [
            {"name": _name(ds, d.person), "for": _name(ds, d.for_)} for d in attendance.deputies
        ]
        if attendance
        else [],
        "secretary": _name(ds, meeting.secretary) if meeting.secretary else "",
        "cases": cases,
        "approved": _approved(ds, meeting, language),
    }


def _approved(ds: Dataset, meeting: Meeting, lang: str) -> str:
    """Where these minutes were approved (the decided approval case of a later meeting)."""
    found = minutes_approval(ds, meeting)
    if found is None:
        return ""
    later, case = found
    forum = ds.forums.get(later.forum)
    name = forum.display_name(lang) if forum else later.forum
    label = f", {case_label(case.number, later.date.year)}" if case.number else ""
    return f"{name} {long_date(later.date, lang)}{label}"


def _responsible(ds: Dataset, who: str, lang: str) -> str:
    return name_of(ds, who, lang)


def render_minutes(
    ds: Dataset, meeting_query: str, lang: str | None, fmt: str, today: dt.date
) -> str:
    """The minutes as Markdown or a complete HTML page."""
    from hfctl.formats.render import render

    if fmt not in ("md", "html"):
        raise RefusedError(f"format '{fmt}' is not md or html")
    values = context(ds, meeting_query, lang, today)
    return render(ds.root, f"minutes/minutes.{fmt}.j2", **values)
