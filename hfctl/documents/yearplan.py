"""The year overview of a meeting plan (møteplan): a table per month (text, Markdown), a
calendar with every planned meeting (.ics), and a printable 12-month grid (årshjul, HTML)."""

from __future__ import annotations

import calendar as monthly
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from hfctl.domain.planning.days import Days, county_name
from hfctl.formats.dates import month_name
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset

WEEKDAYS_NN = ("må", "ty", "on", "to", "fr", "la", "sø")
FORMATS = ("text", "md", "ics", "html")


@dataclass(frozen=True)
class Row:
    """One meeting of the year as the overview shows it."""

    meeting: Meeting
    body: str
    new: bool

    @property
    def clock(self) -> str:
        """Start and end, HH:MM–HH:MM."""
        end = f"–{self.meeting.end:%H:%M}" if self.meeting.end else ""
        return f"{self.meeting.start:%H:%M}{end}"


def rows(ds: Dataset, year: int, new: Iterable[str]) -> list[Row]:
    """Every meeting of the year that is not cancelled, by day, time and body."""
    fresh = set(new)
    found = sorted(
        (m for m in ds.meetings.values() if m.date.year == year and m.status != "cancelled"),
        key=lambda m: (m.date, m.start, m.forum),
    )
    out = []
    for meeting in found:
        forum = ds.forums.get(meeting.forum)
        name = forum.display_name() if forum else meeting.forum
        out.append(Row(meeting, name, meeting.id in fresh))
    return out


def _by_month(found: list[Row]) -> dict[int, list[Row]]:
    months: dict[int, list[Row]] = {m: [] for m in range(1, 13)}
    for row in found:
        months[row.meeting.date.month].append(row)
    return months


def _day(day: dt.date) -> str:
    return f"{WEEKDAYS_NN[day.weekday()]} {day.day:>2}."


def text(found: list[Row], year: int, unmet: list[str]) -> str:
    """A table per month, in columns, for the terminal."""
    lines = [f"Møteplan {year}: {len(found)} møte ({sum(r.new for r in found)} nye)", ""]
    width = max((len(r.body) for r in found), default=10)
    for month, month_rows in _by_month(found).items():
        lines.append(f"{month_name(month).capitalize()} {year}")
        if not month_rows:
            lines.append("  (ingen møte)")
        for row in month_rows:
            mark = "ny " if row.new else "   "
            lines.append(
                f"  {mark} {_day(row.meeting.date)}  {row.clock:11}  {row.body:{width}}  "
                f"{row.meeting.location}"
            )
        lines.append("")
    lines += _unmet_lines(unmet, "")
    return "\n".join(lines).rstrip("\n") + "\n"


def markdown(found: list[Row], year: int, unmet: list[str]) -> str:
    """A Markdown table per month."""
    lines = [f"# Møteplan {year}", "", f"{len(found)} møte, {sum(r.new for r in found)} nye.", ""]
    for month, month_rows in _by_month(found).items():
        lines += [f"## {month_name(month).capitalize()} {year}", ""]
        if not month_rows:
            lines += ["Ingen møte.", ""]
            continue
        lines += ["| dag | tid | organ | stad | |", "|---|---|---|---|---|"]
        for row in month_rows:
            cells = [
                f"{WEEKDAYS_NN[row.meeting.date.weekday()]} {row.meeting.date.day}. "
                f"{month_name(month)}",
                row.clock,
                row.body,
                row.meeting.location,
                "ny" if row.new else "",
            ]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    lines += _unmet_lines(unmet, "- ")
    return "\n".join(lines).rstrip("\n") + "\n"


def _unmet_lines(unmet: list[str], bullet: str) -> list[str]:
    if not unmet:
        return ["Alle reglar er haldne.", ""]
    return ["Reglar som ikkje kunne haldast:", "", *(f"{bullet or '  '}{u}" for u in unmet), ""]


def ics(ds: Dataset, found: list[Row], year: int) -> bytes:
    """Every planned meeting of the year as one calendar (PUBLISH), with the Europe/Oslo rules
    every invitation and feed carries; DTSTAMP the moment written."""
    from hfctl.documents.invite import event
    from hfctl.formats import ical
    from hfctl.store.repo import moment

    cal = ical.calendar(
        "PUBLISH", x_wr_calname=ical.Text(f"Møteplan {year}"), x_wr_timezone=ical.TZID
    )
    lang = ds.community.default_language if ds.community else "nn"
    written = moment()
    for row in found:
        if row.meeting.status == "planned":
            cal.add_component(event(ds, row.meeting, lang, written))
    return bytes(cal.to_ical())


def html(ds: Dataset, found: list[Row], year: int, unmet: list[str]) -> str:
    """The årshjul: twelve months on one printable page, each day with its meetings,
    holidays and school breaks marked."""
    from hfctl.formats.render import render

    days = Days.of(ds, year)
    by_day: dict[dt.date, list[Row]] = {}
    for row in found:
        by_day.setdefault(row.meeting.date, []).append(row)
    counties = sorted(days.school)
    months = []
    for month in range(1, 13):
        weeks = []
        for week in monthly.Calendar().monthdatescalendar(year, month):
            cells = []
            for day in week:
                breaks = [county_name(ds, c) for c in counties if day in days.school.get(c, {})]
                cells.append(
                    {
                        "day": day.day if day.month == month else None,
                        "weekend": day.weekday() >= 5,
                        "holiday": days.holidays.get(day) if day.month == month else None,
                        "blocked": days.blocked.get(day) if day.month == month else None,
                        "school": ", ".join(breaks) if day.month == month else "",
                        "meetings": [
                            {"body": r.body, "clock": r.clock, "new": r.new, "id": r.meeting.id}
                            for r in by_day.get(day, [])
                        ]
                        if day.month == month
                        else [],
                    }
                )
            weeks.append({"number": week[0].isocalendar()[1], "days": cells})
        months.append({"name": month_name(month).capitalize(), "weeks": weeks})
    community = ds.community.name.get("nn") if ds.community else ""
    return render(
        ds.root,
        "plan/arshjul.html.j2",
        year=year,
        community=community,
        months=months,
        weekdays=WEEKDAYS_NN,
        counties=[county_name(ds, c) for c in counties],
        total=len(found),
        new=sum(r.new for r in found),
        unmet=unmet,
    )
