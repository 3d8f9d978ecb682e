"""Checks on any meeting plan, made by ``hfctl plan`` or by hand: school breaks, members in
two meetings at once, the preparing body's meeting, notice periods still reachable."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _, ngettext
from hfctl.core.problems import Location, Problem
from hfctl.core.rules import problem
from hfctl.domain.meetings import members_of, notice_deadline, notice_missed, overlaps
from hfctl.domain.planning.days import (
    counties_of,
    county_name,
    missing_calendars,
    school_calendar,
)
from hfctl.models.meeting import Meeting


def _live(ctx: Context) -> list[Meeting]:
    return sorted(
        (m for m in ctx.ds.meetings.values() if m.status != "cancelled"),
        key=lambda m: (m.date, m.start, m.forum),
    )


@check(reads=("calendars", "counties", "forums", "meetings", "parties"), per_meeting=True)
def meetings_outside_school_breaks(ctx: Context) -> Iterator[Problem]:
    """Ensure no meeting falls in a school break of its members' counties."""
    ds = ctx.ds
    years = {c.year for c in ds.calendars.values() if c.county is not None}
    for meeting in _live(ctx):
        if meeting.date.year not in years:
            continue
        forum = ds.forums.get(meeting.forum)
        if forum is None or (forum.cadence is not None and not forum.cadence.avoid_school_breaks):
            continue
        for county in sorted(counties_of(ds, forum, meeting.date)):
            calendar = school_calendar(ds, county, meeting.date.year)
            found = calendar.break_on(meeting.date) if calendar else None
            if found is not None and calendar is not None:
                yield problem(
                    "HF440",
                    _(
                        "{meeting} falls in the {kind} school break of {county_name} "
                        "({start} to {to}, {calendar})"
                    ).format(
                        meeting=meeting.id,
                        kind=found.kind,
                        county_name=county_name(ds, county),
                        start=found.from_,
                        to=found.to,
                        calendar=calendar.file,
                    ),
                    meeting.loc("date"),
                )
                break


@check(reads=("forums", "meetings"))
def no_member_in_two_meetings(ctx: Context) -> Iterator[Problem]:
    """Ensure no one sits in two meetings that overlap in time."""
    by_day: dict[dt.date, list[Meeting]] = defaultdict(list)
    for meeting in _live(ctx):
        by_day[meeting.date].append(meeting)
    for day, meetings in sorted(by_day.items()):
        if len(meetings) < 2:
            continue
        people = {m.id: members_of(ctx.ds, m.forum, day) for m in meetings}
        for i, first in enumerate(meetings):
            for second in meetings[i + 1 :]:
                if first.forum == second.forum:
                    continue
                shared = people[first.id] & people[second.id]
                if shared and overlaps(first.start, first.end, second.start, second.end):
                    names = ", ".join(sorted(shared)[:3]) + (" …" if len(shared) > 3 else "")
                    yield problem(
                        "HF441",
                        ngettext(
                            "{second} ({start:%H:%M}) overlaps {first} ({start2:%H:%M}), and "
                            "{count} member sits in both: {names}",
                            "{second} ({start:%H:%M}) overlaps {first} ({start2:%H:%M}), and "
                            "{count} members sit in both: {names}",
                            len(shared),
                        ).format(
                            second=second.id,
                            start=second.start,
                            first=first.id,
                            start2=first.start,
                            count=len(shared),
                            names=names,
                        ),
                        second.loc("start"),
                    )


@check(reads=("forums", "meetings"))
def preparing_meeting_before(ctx: Context) -> Iterator[Problem]:
    """Ensure a body that meets before another has a meeting in the window before each."""
    ds = ctx.ds
    live = _live(ctx)
    for forum in sorted(ds.forums.values(), key=lambda f: f.id):
        rule = forum.cadence.before if forum.cadence else None
        if rule is None:
            continue
        mine = [m.date for m in live if m.forum == forum.id]
        for meeting in live:
            if meeting.forum != rule.forum or not forum.active_on(meeting.date):
                continue
            first = meeting.date - dt.timedelta(days=rule.max_days)
            last = meeting.date - dt.timedelta(days=rule.min_days)
            if any(first <= d <= last for d in mine):
                continue
            yield problem(
                "HF442",
                _(
                    "no {forum} meeting {min_days}–{max_days} days before {meeting} "
                    "({first} to {last}), as its cadence says"
                ).format(
                    forum=forum.display_name(),
                    min_days=rule.min_days,
                    max_days=rule.max_days,
                    meeting=meeting.id,
                    first=first,
                    last=last,
                ),
                meeting.loc("date"),
            )


@check(reads=("forums", "meetings"), per_meeting=True)
def notice_reachable(ctx: Context) -> Iterator[Problem]:
    """Ensure a planned meeting not yet announced can still be given its notice period."""
    for meeting in _live(ctx):
        if not notice_missed(ctx.ds, meeting, ctx.today):
            continue
        forum = ctx.ds.forums.get(meeting.forum)
        days = (
            " ("
            + ngettext("{days} day's notice", "{days} days' notice", forum.notice_days).format(
                days=forum.notice_days
            )
            + ")"
            if forum
            else ""
        )
        yield problem(
            "HF443",
            _(
                "the invitation to {meeting} was due {notice_deadline}{days} and has not gone out"
            ).format(
                meeting=meeting.id, notice_deadline=notice_deadline(ctx.ds, meeting), days=days
            ),
            meeting.loc("date"),
        )


@check(reads=("calendars", "counties"))
def calendar_counties(ctx: Context) -> Iterator[Problem]:
    """Ensure a calendar's county is one of data/counties.yaml, valid in its year."""
    ds = ctx.ds
    if ds.counties is None:
        return
    for calendar in sorted(ds.calendars.values(), key=lambda c: c.file):
        if calendar.county is None:
            continue
        middle = dt.date(calendar.year, 7, 1)
        valid = [
            c
            for c in ds.counties.counties
            if c.number == calendar.county
            and c.from_ <= middle
            and (c.to is None or middle <= c.to)
        ]
        if not valid:
            yield problem(
                "HF444",
                _("county '{county}' is no county of data/counties.yaml in {year}").format(
                    county=calendar.county, year=calendar.year
                ),
                calendar.loc("county"),
            )


PLANNING_MONTH = 9
"""From this month on, next year's school breaks should be in the data (HF445)."""


@check(reads=("calendars", "counties", "forums", "parties"))
def next_years_school_breaks(ctx: Context) -> Iterator[Problem]:
    """Ensure next year's school breaks are recorded in time to plan the year."""
    if ctx.today.month < PLANNING_MONTH:
        return
    year = ctx.today.year + 1
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    forums = [
        f
        for f in ctx.ds.forums.values()
        if f.cadence is not None and (f.active_on(first) or f.active_on(last))
    ]
    for name in missing_calendars(ctx.ds, forums, year):
        slug = name.lower().replace("ø", "o").replace("å", "a").replace("æ", "ae")
        yield problem(
            "HF445",
            _(
                "the school breaks of {name} in {year} are not recorded: add them "
                "from the county's decision before planning {year} (hfctl plan "
                "{year})"
            ).format(name=name, year=year),
            Location(f"data/calendars/school-breaks-{slug}-{year}.yaml"),
        )
