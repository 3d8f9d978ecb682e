"""Meetings: listing, creating a meeting file, adding cases, and issuing case numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hfctl.core.errors import RefusedError, UsageError
from hfctl.core.i18n import _, ngettext
from hfctl.domain.lookup import find_forum, find_meeting
from hfctl.domain.meetingdays import easter as easter
from hfctl.domain.meetingdays import holiday_name, season
from hfctl.domain.meetingdays import holidays_of as holidays_of
from hfctl.formats.dates import short_date
from hfctl.formats.words import status_word
from hfctl.models.meeting import Meeting
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

OSLO = ZoneInfo("Europe/Oslo")
OPENING = ("Godkjenning av innkalling og saksliste", "Godkjenning av referat frå møtet {}")
CLOSING = "Eventuelt"


def select(
    ds: Dataset,
    forum: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[Meeting]:
    """Meetings by date, optionally of one forum (by id or name) and within dates (both
    included)."""
    if forum is not None:
        forum = find_forum(ds, forum).id
    found = [
        m
        for m in ds.meetings.values()
        if (forum is None or m.forum == forum)
        and (start is None or m.date >= start)
        and (end is None or m.date <= end)
    ]
    return sorted(found, key=lambda m: (m.date, m.start, m.forum))


def parse_time(value: str, option: str) -> dt.time:
    """HH:MM as a time; a usage error otherwise."""
    try:
        parsed = dt.time.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("{option}: '{value}' is not a time (HH:MM)").format(option=option, value=value)
        ) from None
    return parsed.replace(second=0, microsecond=0)


def exists_in_oslo(day: dt.date, time: dt.time) -> bool:
    """False for a wall-clock time skipped when the clocks go forward (spring DST gap)."""
    local = dt.datetime.combine(day, time, tzinfo=OSLO)
    back = local.astimezone(dt.UTC).astimezone(OSLO)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def members_of(ds: Dataset, forum_id: str, day: dt.date) -> set[str]:
    """Who holds a seat in the forum on ``day`` (the people a clash is counted by)."""
    forum = ds.forums.get(forum_id)
    return {m.person for m in forum.members_on(day)} if forum else set()


def usual_length(ds: Dataset, forum_id: str) -> tuple[dt.timedelta, int] | None:
    """How long the forum's meetings last, from its meetings that have an end time (the
    median), and how many that is; None when none has one (no length is invented)."""
    lengths = sorted(
        dt.datetime.combine(m.date, m.end) - dt.datetime.combine(m.date, m.start)
        for m in ds.meetings.values()
        if m.forum == forum_id and m.end is not None and m.end > m.start
    )
    return (lengths[len(lengths) // 2], len(lengths)) if lengths else None


def end_of(ds: Dataset, meeting: Meeting) -> dt.time | None:
    """When a meeting ends: its end time, else its start plus the forum's usual length; None
    when neither is known."""
    return _end(ds, meeting.forum, meeting.date, meeting.start, meeting.end)


def _end(
    ds: Dataset, forum_id: str, day: dt.date, start: dt.time, end: dt.time | None
) -> dt.time | None:
    if end is not None:
        return end
    usual = usual_length(ds, forum_id)
    if usual is None:
        return None
    ends = dt.datetime.combine(day, start) + usual[0]
    return ends.time() if ends.date() == day else dt.time(23, 59)


def overlaps(
    a_start: dt.time, a_end: dt.time | None, b_start: dt.time, b_end: dt.time | None
) -> bool:
    """Whether two meetings on one day overlap in time (one ending as the other starts does
    not); a meeting whose end is not known counts as its start alone."""
    if a_end is None or a_end <= a_start or b_end is None or b_end <= b_start:
        a_stop = a_end if a_end is not None and a_end > a_start else a_start
        b_stop = b_end if b_end is not None and b_end > b_start else b_start
        return b_start <= a_start <= b_stop or a_start <= b_start <= a_stop
    return a_start < b_end and b_start < a_end


def _overlaps(
    ds: Dataset, forum_id: str, day: dt.date, a_start: dt.time, a_end: dt.time | None, b: Meeting
) -> bool:
    return overlaps(a_start, _end(ds, forum_id, day, a_start, a_end), b.start, end_of(ds, b))


def notice_deadline(ds: Dataset, meeting: Meeting) -> dt.date:
    """The last day the invitation to ``meeting`` gives its forum's notice period."""
    forum = ds.forums.get(meeting.forum)
    return meeting.date - dt.timedelta(days=forum.notice_days if forum else 14)


def notice_missed(ds: Dataset, meeting: Meeting, today: dt.date) -> bool:
    """Whether a planned meeting, not yet announced, can no longer be given its notice."""
    return (
        meeting.status == "planned"
        and meeting.invitation_sent is None
        and meeting.date >= today
        and today > notice_deadline(ds, meeting)
    )


def warnings_for(
    ds: Dataset,
    forum_id: str,
    day: dt.date,
    start: dt.time,
    end: dt.time | None,
    today: dt.date,
    ignore: str | None = None,
) -> list[str]:
    """What the coordinator should know before choosing this date."""
    out: list[str] = []
    if day.weekday() >= 5:
        out.append(
            (_("{day} is a Saturday") if day.weekday() == 5 else _("{day} is a Sunday")).format(
                day=day
            )
        )
    name = holiday_name(day)
    if name:
        out.append(_("{day} is a public holiday ({name})").format(day=day, name=name))
    if day < today:
        out.append(_("{day} is in the past (today is {today})").format(day=day, today=today))
    busy = season(day)
    if busy:
        out.append(busy)
    forum = ds.forums[forum_id]
    if end is None:
        usual = usual_length(ds, forum_id)
        if usual is None:
            out.append(
                _(
                    "no end time, and no {forum} meeting has one: calendars show only "
                    "its start; give --end"
                ).format(forum=forum.display_name())
            )
        else:
            hours, rest = divmod(int(usual[0].total_seconds()) // 60, 60)
            out.append(
                _(
                    "no end time: calendars show it {hours}:{rest:02d} long, the usual "
                    "length of {forum}'s meetings (from {usual} with an end time)"
                ).format(hours=hours, rest=rest, forum=forum.display_name(), usual=usual[1])
            )
    mine = members_of(ds, forum_id, day)
    for other in ds.meetings.values():
        if other.id == ignore or other.date != day or other.status == "cancelled":
            continue
        if other.forum == forum_id:
            out.append(
                _("{forum} already meets that day ({other})").format(
                    forum=forum.display_name(), other=other.id
                )
            )
            continue
        shared = mine & members_of(ds, other.forum, day)
        if shared and _overlaps(ds, forum_id, day, start, end, other):
            out.append(
                ngettext(
                    "clashes with {other} ({start:%H:%M}), which {count} member also attends",
                    "clashes with {other} ({start:%H:%M}), which {count} members also attend",
                    len(shared),
                ).format(other=other.id, start=other.start, count=len(shared))
            )
    deadline = day - dt.timedelta(days=forum.notice_days)
    if today > deadline:
        out.append(
            _(
                "the notice period of {notice_days} days can no longer be met "
                "(invitation due {deadline})"
            ).format(notice_days=forum.notice_days, deadline=deadline)
        )
    return out


def _previous(ds: Dataset, forum_id: str, day: dt.date) -> Meeting | None:
    earlier = [
        m
        for m in ds.meetings.values()
        if m.forum == forum_id and m.date < day and m.status != "cancelled"
    ]
    return max(earlier, key=lambda m: m.date) if earlier else None


def plan_new(
    ds: Dataset,
    forum_id: str,
    day: dt.date,
    start: dt.time,
    end: dt.time | None,
    location: str,
    extraordinary: bool,
    today: dt.date,
) -> Plan:
    """A new meeting file with the standard opening cases and a closing 'Eventuelt'."""
    forum = find_forum(ds, forum_id)
    forum_id = forum.id
    if not forum.active_on(day):
        raise RefusedError(
            _("{forum} does not exist on {day}").format(forum=forum.display_name(), day=day)
        )
    if end is not None and end <= start:
        raise UsageError(
            _("--end {end:%H:%M} is not after --start {start:%H:%M}").format(end=end, start=start)
        )
    for time in (start, end):
        if time is not None and not exists_in_oslo(day, time):
            raise RefusedError(
                _(
                    "{time:%H:%M} on {day} does not exist in Europe/Oslo (the clocks go "
                    "forward that night); choose another time"
                ).format(time=time, day=day)
            )
    if not location.strip():
        raise UsageError(_("--location is empty"))
    meeting_id = f"{day.isoformat()}-{forum_id}"
    rel = f"data/meetings/{day.year}/{meeting_id}.md"
    data: dict[str, Any] = {
        "forum": forum_id,
        "date": day,
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M") if end else None,
        "location": location.strip(),
        "kind": "extraordinary" if extraordinary else None,
        "status": "planned",
    }
    doc_map = yamledit.mapping(data)
    cases = [yamledit.mapping({"title": OPENING[0], "type": "decision"})]
    previous = _previous(ds, forum_id, day)
    if previous is not None:
        cases.append(
            yamledit.mapping(
                {
                    "title": OPENING[1].format(short_date(previous.date)),
                    "type": "decision",
                    "refers_to": previous.id,
                }
            )
        )
    cases.append(yamledit.mapping({"title": CLOSING, "type": "other"}))
    doc_map["cases"] = yamledit.sequence(cases)
    kind = "Ekstraordinært møte" if extraordinary else "Møte"
    doc = yamledit.EditableDocument(
        rel,
        doc_map,
        prefix="---\n",
        suffix=f"---\n\n{kind} i {forum.name.get('nn')} {short_date(day)}.\n",
    )
    changes = Changeset(ds.root)
    changes.set(rel, doc.render())
    warnings = warnings_for(ds, forum_id, day, start, end, today)
    return Plan(changes, f"{forum.display_name()}: new meeting {day} {start:%H:%M}", warnings)


def plan_move(
    ds: Dataset,
    meeting_query: str,
    today: dt.date,
    day: dt.date | None = None,
    start: dt.time | None = None,
    end: dt.time | None = None,
    location: str | None = None,
) -> Plan:
    """Move a planned meeting in time or place: SEQUENCE goes up, the calendar UID stays."""
    meeting = find_meeting(ds, meeting_query)
    if meeting.status != "planned":
        raise RefusedError(
            _("{meeting} is {status}; only a planned meeting moves").format(
                meeting=meeting.id, status=status_word(meeting.status)
            )
        )
    new_day = day or meeting.date
    new_start = start or meeting.start
    new_end = end if end is not None else meeting.end
    if (new_day, new_start, new_end, location or meeting.location) == (
        meeting.date,
        meeting.start,
        meeting.end,
        meeting.location,
    ):
        raise UsageError(_("nothing to change: give --date, --start, --end or --location"))
    if new_end is not None and new_end <= new_start:
        raise UsageError(
            _("the meeting would end {new_end:%H:%M}, before it starts").format(new_end=new_end)
        )
    for time in (new_start, new_end):
        if time is not None and not exists_in_oslo(new_day, time):
            raise RefusedError(
                _("{time:%H:%M} on {new_day} does not exist in Europe/Oslo").format(
                    time=time, new_day=new_day
                )
            )
    if new_day.year != meeting.date.year and any(c.number for c in meeting.cases):
        raise RefusedError(_("a meeting with issued case numbers cannot move to another year"))
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    data = doc.data
    data["date"] = new_day
    data["start"] = yamledit.scalar(new_start.strftime("%H:%M"))
    if new_end is not None:
        data["end"] = yamledit.scalar(new_end.strftime("%H:%M"))
    if location:
        data["location"] = yamledit.scalar(location.strip())
    if "sequence" in data:
        data["sequence"] = meeting.sequence + 1
    else:
        data.insert(list(data).index("cases"), "sequence", meeting.sequence + 1)
    rel = meeting.file
    if new_day != meeting.date:
        if "uid" not in data:
            community = ds.community.id if ds.community else "hfctl"
            data.insert(list(data).index("cases"), "uid", f"{meeting.id}@{community}.hfctl")
        changes.remove(rel)
        rel = f"data/meetings/{new_day.year}/{new_day.isoformat()}-{meeting.forum}.md"
    changes.set(rel, doc.render())
    warnings = warnings_for(
        ds, meeting.forum, new_day, new_start, new_end, today, ignore=meeting.id
    )
    return Plan(changes, f"{meeting.id}: moved to {new_day} {new_start:%H:%M}", warnings)


def plan_cancel(ds: Dataset, meeting_query: str) -> Plan:
    """Cancel a planned meeting: its invitation becomes a calendar CANCEL."""
    meeting = find_meeting(ds, meeting_query)
    if meeting.status != "planned":
        raise RefusedError(
            _("{meeting} is {status}; only a planned meeting is cancelled").format(
                meeting=meeting.id, status=status_word(meeting.status)
            )
        )
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    doc.data["status"] = "cancelled"
    if "sequence" in doc.data:
        doc.data["sequence"] = meeting.sequence + 1
    else:
        doc.data.insert(list(doc.data).index("cases"), "sequence", meeting.sequence + 1)
    changes.set(meeting.file, doc.render())
    return Plan(changes, f"{meeting.id}: cancelled")
