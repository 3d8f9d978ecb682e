"""What every printed meeting document heads with: the community's letterhead, the people it
goes to (``Til:``, the invitation list ``domain.invitees`` gives) and how to send apologies
(``domain.papers.apologies``). The agenda, the minutes and the papers take them from here."""

from __future__ import annotations

from typing import Any

from hfctl.domain.invitees import invitees
from hfctl.domain.membership import speaks_for
from hfctl.domain.papers import apologies
from hfctl.formats.dates import long_date
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset


def _name(ds: Dataset, person: str | None) -> str:
    if person is None:
        return ""
    found = ds.people.get(person)
    return found.name if found else person


def letterhead(ds: Dataset, lang: str) -> dict[str, str]:
    """The community's name and web address, from ``data/community.yaml``."""
    community = ds.community
    return {
        "community": community.name.get(lang) if community else "hfctl",
        "website": community.website or "" if community else "",
    }


def called(ds: Dataset, meeting: Meeting) -> list[dict[str, str]]:
    """The members called to ``meeting`` (deputies are not: they come when called in), by
    name, with the party each represents (a user representative: the user council)."""
    forum = ds.forums.get(meeting.forum)
    seats = {m.person: speaks_for(ds, m) for m in forum.members_on(meeting.date)} if forum else {}
    out = []
    for person in invitees(ds, meeting):
        if person.deputy:
            continue
        party = ds.parties.get(seats.get(person.person) or "")
        out.append({"name": person.name, "represents": party.name if party else ""})
    return out


def apology(ds: Dataset, meeting: Meeting, lang: str) -> dict[str, str] | None:
    """To whom and by when apologies (forfall) are sent; None if the forum has no rule."""
    rule = apologies(ds, meeting)
    if rule is None:
        return None
    return {
        "to": _name(ds, rule.to),
        "by": long_date(rule.by, lang),
        "note": rule.note.get(lang) if rule.note else "",
    }


def heading(ds: Dataset, meeting: Meeting, lang: str) -> dict[str, Any]:
    """The letterhead, the people called and the apologies rule, for a template's context."""
    return {
        **letterhead(ds, lang),
        "called": called(ds, meeting),
        "apologies": apology(ds, meeting, lang),
    }
