"""Issuing an agenda (the case numbers) and recording that the invitation went out: each only
when it happened, as the coordinator or the mail server says."""

from __future__ import annotations

import datetime as dt

from hfctl.core.errors import RefusedError
from hfctl.core.i18n import _, ngettext
from hfctl.domain.lookup import find_meeting
from hfctl.models.meeting import Meeting
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset
from hfctl.store.yamledit import EditableDocument


def numbers_in(ds: Dataset, forum_id: str, year: int) -> list[int]:
    """The case numbers a forum has given in a year (numbers run through the year)."""
    return [
        c.number
        for m in ds.meetings.values()
        if m.forum == forum_id and m.date.year == year
        for c in m.cases
        if c.number is not None
    ]


def needs_issue(meeting: Meeting) -> bool:
    """A planned meeting whose agenda is not issued, or has a case still without its number."""
    return meeting.status == "planned" and (
        meeting.agenda_issued is None or any(c.number is None for c in meeting.cases)
    )


def _issue_into(ds: Dataset, meeting: Meeting, doc: EditableDocument, today: dt.date) -> None:
    if meeting.status == "cancelled":
        raise RefusedError(_("{meeting} is cancelled").format(meeting=meeting.id))
    earlier = [
        m
        for m in ds.meetings.values()
        if m.forum == meeting.forum
        and m.date.year == meeting.date.year
        and m.date < meeting.date
        and m.status != "cancelled"
        and any(c.number is None for c in m.cases)
    ]
    if earlier:
        first = min(earlier, key=lambda m: m.date)
        raise RefusedError(
            _("issue the agenda of {first} first: case numbers follow meeting order").format(
                first=first.id
            )
        )
    next_number = max(numbers_in(ds, meeting.forum, meeting.date.year), default=0) + 1
    for index, case in enumerate(meeting.cases):
        if case.number is None:
            doc.data["cases"][index].insert(0, "number", next_number)
            next_number += 1
    if meeting.agenda_issued is None:
        doc.data.insert(list(doc.data).index("cases"), "agenda_issued", today)


def plan_issue(ds: Dataset, meeting_query: str, today: dt.date) -> Plan:
    """Give every unnumbered case its number and mark the agenda issued today."""
    meeting = find_meeting(ds, meeting_query)
    if not needs_issue(meeting) and meeting.status == "planned":
        raise RefusedError(
            _("the agenda of {meeting} was issued on {agenda_issued}").format(
                meeting=meeting.id, agenda_issued=meeting.agenda_issued
            )
        )
    if meeting.status == "held":
        raise RefusedError(
            _("{meeting} has been held; its agenda is no longer issued").format(meeting=meeting.id)
        )
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    _issue_into(ds, meeting, doc, today)
    changes.set(meeting.file, doc.render())
    return Plan(changes, f"{meeting.id}: agenda issued", invitation_warnings(ds, meeting, today))


def plan_invitation_sent(
    ds: Dataset, meeting_query: str, day: dt.date, today: dt.date, *, issue: bool = False
) -> Plan:
    """Record that the invitation went out on ``day`` (with ``issue``, the agenda is issued in
    the same change: the invitation that went carried its numbers)."""
    meeting = find_meeting(ds, meeting_query)
    if meeting.status == "cancelled":
        raise RefusedError(
            _("{meeting} is cancelled; there is no invitation to record").format(meeting=meeting.id)
        )
    if day > today:
        raise RefusedError(
            _("{day} is in the future (today is {today}); record a send once done").format(
                day=day, today=today
            )
        )
    if meeting.invitation_sent is not None:
        raise RefusedError(
            _("the invitation to {meeting} is recorded as sent on {invitation_sent}").format(
                meeting=meeting.id, invitation_sent=meeting.invitation_sent
            )
        )
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    if needs_issue(meeting):
        if not issue:
            raise RefusedError(
                _(
                    "the agenda of {meeting} is not issued, so no invitation with its "
                    "case numbers can have gone out; issue it first (hfctl agenda "
                    "MEETING --issue)"
                ).format(meeting=meeting.id)
            )
        _issue_into(ds, meeting, doc, today)
    elif meeting.agenda_issued is not None and day < meeting.agenda_issued:
        raise RefusedError(
            _(
                "{day} is before the agenda was issued ({agenda_issued}); the invitation carries it"
            ).format(day=day, agenda_issued=meeting.agenda_issued)
        )
    data = doc.data
    keys = list(data)
    anchor = keys.index("agenda_issued") + 1 if "agenda_issued" in keys else keys.index("cases")
    data.insert(anchor, "invitation_sent", day)
    changes.set(meeting.file, doc.render())
    warnings = invitation_warnings(ds, meeting, day)
    return Plan(changes, f"{meeting.id}: invitation sent {day}", warnings)


def invitation_warnings(ds: Dataset, meeting: Meeting, day: dt.date) -> list[str]:
    """What the coordinator should hear when inviting on ``day``: a meeting already held or
    past, or a notice period that can no longer be met."""
    out: list[str] = []
    if meeting.status == "held":
        out.append(
            _("{meeting} was held on {date}; an invitation now comes too late").format(
                meeting=meeting.id, date=meeting.date
            )
        )
        return out
    if meeting.date < day:
        out.append(
            _("{meeting} was on {date}, before {day}").format(
                meeting=meeting.id, date=meeting.date, day=day
            )
        )
        return out
    forum = ds.forums.get(meeting.forum)
    if forum is not None and meeting.status == "planned":
        deadline = meeting.date - dt.timedelta(days=forum.notice_days)
        if day > deadline:
            out.append(
                ngettext(
                    "the notice period of {notice_days} days is not met: the invitation "
                    "was due by {deadline}, {days} day before {day}",
                    "the notice period of {notice_days} days is not met: the invitation "
                    "was due by {deadline}, {days} days before {day}",
                    (day - deadline).days,
                ).format(
                    notice_days=forum.notice_days,
                    deadline=deadline,
                    days=(day - deadline).days,
                    day=day,
                )
            )
    return out
