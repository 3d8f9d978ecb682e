"""iCalendar: TEXT that stays the text it was, and a Europe/Oslo VTIMEZONE with its rules.

icalendar's own ``vText`` reads the two characters ``\\N`` in a value as a line break (its
documented shorthand), so a place written ``C:\\Nytt bygg`` would reach every calendar on two
lines. Data text is data: :class:`Text` escapes by RFC 5545 section 3.3.11 and nothing else,
and icalendar's parser reads it back unchanged.

The time zone is written as its yearly rules (RFC 5545 section 3.6.5: summer time from the last
Sunday of March, standard time from the last Sunday of October, both at 01:00 UTC, the EU rule
in force since 1996), never as a list of switch dates: ical.js (Thunderbird, Nextcloud),
vobject (Radicale) and Outlook read only the first date of such a list and put every summer
meeting an hour late. Imported only by the commands that write calendars.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from icalendar.prop import vText

if TYPE_CHECKING:
    from icalendar import Calendar, Timezone

TZID = "Europe/Oslo"
PRODID = "-//hfctl//helsefellesskap//NO"


class Text(vText):
    """A TEXT value escaped by the RFC alone: backslash, semicolon, comma and line breaks."""

    __slots__ = ()

    def to_ical(self) -> bytes:
        escaped = (
            str(self)
            .replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\r\n", "\n")
            .replace("\r", "\n")
            .replace("\n", "\\n")
        )
        return escaped.encode("utf-8")


def oslo_timezone() -> Timezone:
    """Europe/Oslo as a VTIMEZONE with RRULEs. Each DTSTART is the local time of a switch in
    the offset it leaves: 02:00 CET in March and 03:00 CEST in October (both 01:00 UTC)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def calendar(method: str, **properties: object) -> Calendar:
    """An empty VCALENDAR with hfctl's PRODID, ``method``, any further properties (name to
    value) and the Europe/Oslo VTIMEZONE its events' times refer to."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", method)
    for name, value in properties.items():
        cal.add(name.replace("_", "-"), value)
    cal.add_component(oslo_timezone())
    return cal


def stamp(moment: dt.datetime) -> dt.datetime:
    """A DTSTAMP value: ``moment`` in UTC to the second."""
    return moment.astimezone(dt.UTC).replace(microsecond=0)
