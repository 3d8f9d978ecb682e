"""The rules a planned meeting is held to: the hard ones (a day it may not be on, and why)
and the soft ones (what a day costs). The planner (``solver``) only asks these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hfctl.core.i18n import _
from hfctl.domain.meetings import overlaps
from hfctl.domain.planning.days import Days, counties_of, county_name
from hfctl.models.forum import WEEKDAYS, Forum
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset

WEEKDAY_COST = 10.0
"""The cost of a day that is not one of the body's preferred weekdays (in days of distance)."""
SAME_DAY_COST = 2.0
"""The cost, per person, of a second meeting on one day (at another time)."""
WEEK_COST = 5.0
"""The cost of a day outside the body's preferred weeks."""


@dataclass(frozen=True)
class Slot:
    """A meeting the plan proposes."""

    forum: str
    day: dt.date
    start: dt.time
    end: dt.time
    place: str = ""


@dataclass(frozen=True)
class Booking:
    """A meeting on a day, as the clash rules see it: time, label and who sits in it."""

    start: dt.time
    end: dt.time | None
    label: str
    forum: str
    people: frozenset[str]


def is_ordinary(meeting: Meeting) -> bool:
    """Whether a meeting counts toward a body's meetings a year: ordinary, not cancelled."""
    return meeting.status != "cancelled" and meeting.kind == "ordinary"


@dataclass
class Rules:
    """The hard and soft rules over one year, with what is already booked in it."""

    ds: Dataset
    year: int
    today: dt.date
    days: Days
    booked: dict[dt.date, list[Booking]] = field(default_factory=dict)
    dates: dict[str, list[dt.date]] = field(default_factory=dict)
    """Forum -> the days of its ordinary meetings in the year (kept and planned)."""
    _people: dict[tuple[str, dt.date], frozenset[str]] = field(default_factory=dict)
    _counties: dict[tuple[str, int], set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for meeting in sorted(self.ds.meetings.values(), key=lambda m: (m.date, m.start, m.id)):
            if meeting.date.year != self.year or meeting.status == "cancelled":
                continue
            self._book(meeting.forum, meeting.date, meeting.start, meeting.end, meeting.id)
            if meeting.kind == "ordinary":
                self.dates.setdefault(meeting.forum, []).append(meeting.date)

    def people(self, forum_id: str, day: dt.date) -> frozenset[str]:
        """Who sits in the forum on ``day``."""
        key = (forum_id, day)
        found = self._people.get(key)
        if found is None:
            forum = self.ds.forums.get(forum_id)
            found = frozenset(m.person for m in forum.members_on(day)) if forum else frozenset()
            self._people[key] = found
        return found

    def counties(self, forum: Forum, day: dt.date) -> set[str]:
        """The counties of the forum's members (by month: terms change at month starts)."""
        key = (forum.id, day.month)
        found = self._counties.get(key)
        if found is None:
            found = counties_of(self.ds, forum, day)
            self._counties[key] = found
        return found

    def _book(
        self, forum_id: str, day: dt.date, start: dt.time, end: dt.time | None, label: str
    ) -> None:
        people = self.people(forum_id, day)
        self.booked.setdefault(day, []).append(Booking(start, end, label, forum_id, people))

    def book(self, slot: Slot) -> None:
        """Count a planned meeting in, so later choices keep clear of it."""
        self._book(slot.forum, slot.day, slot.start, slot.end, f"{slot.day}-{slot.forum}")
        self.dates.setdefault(slot.forum, []).append(slot.day)
        self.dates[slot.forum].sort()

    def why_not(self, forum: Forum, day: dt.date) -> str | None:
        """The hard rule ``day`` breaks for a meeting of ``forum``, or None if it breaks none."""
        cadence = forum.cadence
        assert cadence is not None
        closed = self.days.closed(day)
        if closed is not None:
            return closed
        if cadence.months and day.month not in cadence.months:
            return _("outside the months it meets in")
        due = day - dt.timedelta(days=forum.notice_days)
        if due < self.today:
            return _("its notice of {notice_days} days cannot be given from {today}").format(
                notice_days=forum.notice_days, today=self.today
            )
        if not forum.active_on(day):
            return _("the body does not exist then")
        if day in self.dates.get(forum.id, []):
            return _("it meets that day already")
        if cadence.avoid_school_breaks:
            found = self.days.school_break(self.counties(forum, day), day)
            if found is not None:
                return _("school break in {county_name} ({found})").format(
                    county_name=county_name(self.ds, found[0]), found=found[1]
                )
        mine = self.people(forum.id, day)
        for other in self.booked.get(day, []):
            if other.forum == forum.id:
                continue
            if other.people & mine and overlaps(cadence.start, cadence.end, other.start, other.end):
                return _("members also sit in {label} at that time").format(label=other.label)
        return None

    def cost(self, forum: Forum, day: dt.date) -> float:
        """What the soft rules make of ``day``: preferred weekday and week, and no second
        meeting of one person on one day."""
        cadence = forum.cadence
        assert cadence is not None
        total = 0.0
        if cadence.weekdays and WEEKDAYS[day.weekday()] not in cadence.weekdays:
            total += WEEKDAY_COST
        if cadence.weeks and day.isocalendar()[1] not in cadence.weeks:
            total += WEEK_COST
        mine = self.people(forum.id, day)
        for other in self.booked.get(day, []):
            if other.forum != forum.id:
                total += SAME_DAY_COST * len(other.people & mine)
        return total

    def gap_ok(self, forum: Forum, day: dt.date, gap: int) -> bool:
        """Whether ``day`` keeps ``gap`` days from the forum's other meetings of the year."""
        return all(abs((day - other).days) >= gap for other in self.dates.get(forum.id, []))
