"""The approved minutes (protokoll) as the website publishes them: the values of
``documents.minutes.context`` with every case taken from ``public_view`` (an exempt case keeps
its number, public title and legal basis; no decision, how it was made, dissent, conflict or
action of it is shown)."""

from __future__ import annotations

from typing import Any

from hfctl.documents import minutes
from hfctl.domain.approval import approval
from hfctl.domain.publication import public_view
from hfctl.formats.dates import long_date
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset


def minutes_page(meeting_id: str) -> str:
    """The file name of a meeting's approved minutes on the website."""
    return f"minutes-{meeting_id}.html"


def approved(ds: Dataset) -> list[Meeting]:
    """The meetings whose minutes are approved, by id."""
    return [
        m for _, m in sorted(ds.meetings.items()) if m.status == "held" and approval(ds.meetings, m)
    ]


def context(ds: Dataset, meeting: Meeting, lang: str) -> dict[str, Any]:
    """The minutes' values, public: for the site's ``site/minutes.html.j2``."""
    values = minutes.context(ds, meeting.id, lang, meeting.date)
    views = {c.label: c for c in public_view(ds, meeting).cases}
    cases = []
    for case in values["cases"]:
        view = views.get(case["label"])
        if view is not None and view.exempt is not None:
            case = {
                **case,
                "title": view.title,
                "decision": "",
                "decision_kind": "",
                "votes": None,
                "dissent": [],
                "conflicts": [],
                "actions": [],
                "exempt": view.exempt.cite,
            }
        cases.append({"exempt": "", **case})
    found = approval(ds.meetings, meeting)
    return {
        **values,
        "cases": cases,
        "approval": {
            "case": found.case,
            "date": long_date(found.day, lang),
            "href": f"meeting-{found.meeting}.html",
        }
        if found
        else None,
    }
