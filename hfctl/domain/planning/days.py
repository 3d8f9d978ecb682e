"""What a day is to the planner: a public holiday, a blocked day of the community, a school
break in a county; and the counties a body's members come from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hfctl.domain.meetings import holidays_of
from hfctl.models.calendar import Calendar
from hfctl.models.forum import Forum
from hfctl.store.loader import Dataset


def counties_of(ds: Dataset, forum: Forum, day: dt.date) -> set[str]:
    """The county numbers of the municipalities the forum's members represent on ``day``
    (the first two digits of the municipality's number then)."""
    out: set[str] = set()
    for member in forum.members_on(day):
        party = ds.parties.get(member.represents or "")
        number = party.number_on(day) if party is not None else None
        if number is not None:
            out.add(number[:2])
    return out


def county_name(ds: Dataset, number: str) -> str:
    """The county's name from ``data/counties.yaml`` (its number if it is not there)."""
    for county in ds.counties.counties if ds.counties else []:
        if county.number == number:
            return county.name
    return number


def school_calendar(ds: Dataset, county: str, year: int) -> Calendar | None:
    """The school breaks of ``county`` in ``year``, if the data has them."""
    found = [c for c in ds.calendars.values() if c.county == county and c.year == year]
    return min(found, key=lambda c: c.file) if found else None


@dataclass
class Days:
    """The days of one year the planner must know about, read once."""

    year: int
    holidays: dict[dt.date, str]
    blocked: dict[dt.date, str]
    school: dict[str, dict[dt.date, str]] = field(default_factory=dict)
    """County number -> day -> the break it is in (e.g. 'winter')."""
    calendars: dict[str, Calendar] = field(default_factory=dict)
    """County number -> the calendar the school breaks were read from."""

    @classmethod
    def of(cls, ds: Dataset, year: int) -> Days:
        """The holidays, blocked days and every county's school breaks of ``year``."""
        blocked: dict[dt.date, str] = {}
        for calendar in sorted(ds.calendars.values(), key=lambda c: c.file):
            if calendar.year != year or calendar.county is not None:
                continue
            for entry in calendar.breaks:
                for day in _span(entry.from_, entry.to):
                    blocked.setdefault(day, entry.note or entry.kind)
        days = cls(year, holidays_of(year), blocked)
        counties = {c.county for c in ds.calendars.values() if c.county and c.year == year}
        for county in sorted(counties):
            found = school_calendar(ds, county, year)
            if found is None:
                continue
            days.calendars[county] = found
            table = days.school.setdefault(county, {})
            for entry in found.breaks:
                for day in _span(entry.from_, entry.to):
                    table.setdefault(day, entry.kind)
        return days

    def school_break(self, counties: set[str], day: dt.date) -> tuple[str, str] | None:
        """(county, kind of break) if ``day`` is a school day off in one of ``counties``."""
        for county in sorted(counties):
            kind = self.school.get(county, {}).get(day)
            if kind is not None:
                return county, kind
        return None

    def closed(self, day: dt.date) -> str | None:
        """Why no body meets on ``day`` (weekend, holiday, blocked), or None."""
        if day.weekday() >= 5:
            return "weekend"
        if day in self.holidays:
            return f"public holiday ({self.holidays[day]})"
        if day in self.blocked:
            return f"blocked ({self.blocked[day]})"
        return None


def missing_calendars(ds: Dataset, forums: list[Forum], year: int) -> list[str]:
    """The counties (names) whose school breaks of ``year`` are needed and not in the data:
    the counties of the members of every body that avoids school breaks."""
    needed: set[str] = set()
    for forum in forums:
        if forum.cadence is None or not forum.cadence.avoid_school_breaks:
            continue
        for month in range(1, 13):
            needed |= counties_of(ds, forum, dt.date(year, month, 1))
    return sorted(county_name(ds, c) for c in needed if school_calendar(ds, c, year) is None)


def _span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
