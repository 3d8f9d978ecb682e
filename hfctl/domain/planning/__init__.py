"""The year planned in one go (``hfctl plan YEAR``): every body's meetings from its cadence,
around holidays, school breaks, blocked days, shared members and the order rules.

``plan_year`` returns a ``YearPlan``: the meetings it proposes (as one ``Plan`` of new meeting
files, made by ``domain.meetings.plan_new`` so they are shaped like any new meeting), the rules
it could not keep and why. It never moves or changes a meeting that exists."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from hfctl.core.errors import NotFoundError, RefusedError
from hfctl.core.i18n import _
from hfctl.domain.meetings import plan_new
from hfctl.domain.planning.days import Days, missing_calendars
from hfctl.domain.planning.rules import Rules, Slot, is_ordinary
from hfctl.domain.planning.solver import Solver, Unmet, units
from hfctl.models.forum import Forum
from hfctl.models.meeting import Meeting
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

__all__ = ["Slot", "Unmet", "YearPlan", "plan_year"]


@dataclass
class YearPlan:
    """What ``hfctl plan`` proposes for a year."""

    year: int
    slots: list[Slot]
    """The new meetings, by day, time and body."""
    unmet: list[Unmet]
    """The rules it could not keep, each with its reason."""
    plan: Plan
    """The new meeting files as one change, with the unmet rules and notes as warnings."""
    forums: list[str]
    """The bodies it planned."""
    meetings: list[Meeting]
    """The new meetings as models (the same fields as their files)."""

    def with_meetings(self, ds: Dataset) -> Dataset:
        """``ds`` as it is once the plan is written: its meetings and the new ones."""
        return dataclasses.replace(ds, meetings={**ds.meetings, **{m.id: m for m in self.meetings}})


def _in_year(forum: Forum, year: int) -> bool:
    return forum.active_on(dt.date(year, 1, 1)) or forum.active_on(dt.date(year, 12, 31))


def _chosen(ds: Dataset, year: int, only: list[str] | None) -> tuple[list[Forum], list[Unmet]]:
    for forum_id in only or []:
        if forum_id not in ds.forums:
            raise NotFoundError(_("no forum '{forum_id}'").format(forum_id=forum_id))
    picked, skipped = [], []
    for forum in sorted(ds.forums.values(), key=lambda f: f.id):
        if (only and forum.id not in only) or not _in_year(forum, year):
            continue
        if forum.cadence is None:
            if forum.meetings_per_year:
                skipped.append(
                    Unmet(
                        forum.id,
                        "cadence",
                        _("no cadence in {forum}, so not planned").format(forum=forum.file),
                    )
                )
            continue
        if forum.meetings_per_year is None:
            skipped.append(
                Unmet(
                    forum.id,
                    "meetings_per_year",
                    _("no meetings_per_year in {forum}").format(forum=forum.file),
                )
            )
            continue
        picked.append(forum)
    return picked, skipped


def _view(ds: Dataset, year: int) -> Dataset:
    """The dataset with only the meetings ``plan_new`` looks at: the year's, and each body's
    last one before it (the minutes its first meeting approves)."""
    kept = {m.id: m for m in ds.meetings.values() if m.date.year == year}
    last: dict[str, Meeting] = {}
    for meeting in ds.meetings.values():
        if (
            meeting.date.year < year
            and meeting.status != "cancelled"
            and (meeting.forum not in last or last[meeting.forum].date < meeting.date)
        ):
            last[meeting.forum] = meeting
    kept.update({m.id: m for m in last.values()})
    return dataclasses.replace(ds, meetings=kept)


def _places(solver: Solver, ds: Dataset, year: int) -> list[Slot]:
    """Each new meeting at its place: the body's places in turn through the year."""
    days: dict[str, list[dt.date]] = {}
    for meeting in ds.meetings.values():
        if meeting.date.year == year and is_ordinary(meeting):
            days.setdefault(meeting.forum, []).append(meeting.date)
    for slot in solver.slots:
        days.setdefault(slot.forum, []).append(slot.day)
    out = []
    for slot in solver.slots:
        cadence = ds.forums[slot.forum].cadence
        assert cadence is not None
        index = sorted(days[slot.forum]).index(slot.day)
        out.append(dataclasses.replace(slot, place=cadence.places[index % len(cadence.places)]))
    return sorted(out, key=lambda s: (s.day, s.start, s.forum))


def _files(
    ds: Dataset, year: int, slots: list[Slot], today: dt.date
) -> tuple[Changeset, list[str], list[Meeting]]:
    view = _view(ds, year)
    changes = Changeset(ds.root)
    warnings: list[str] = []
    made: list[Meeting] = []
    for slot in slots:
        one = plan_new(view, slot.forum, slot.day, slot.start, slot.end, slot.place, False, today)
        changes.before.update(one.changes.before)
        changes.after.update(one.changes.after)
        warnings.extend(f"{slot.day}-{slot.forum}: {w}" for w in one.warnings)
        meeting = Meeting.model_validate(
            {
                "forum": slot.forum,
                "date": slot.day,
                "start": slot.start,
                "end": slot.end,
                "location": slot.place,
            }
        )
        view.meetings[meeting.id] = meeting
        made.append(meeting)
    return changes, warnings, made


def plan_year(ds: Dataset, year: int, today: dt.date, forums: list[str] | None = None) -> YearPlan:
    """Propose the meetings of ``year`` for every body with a cadence (or those named)."""
    if year < today.year:
        raise RefusedError(_("{year} has passed; plan this year or a later one").format(year=year))
    picked, unmet = _chosen(ds, year, forums)
    missing = missing_calendars(ds, picked, year)
    if missing:
        names = ", ".join(missing)
        raise RefusedError(
            _(
                "the school breaks of {year} are not in the data for {names}: add "
                "data/calendars/school-breaks-<county>-{year}.yaml from the county's "
                "decision before planning the year"
            ).format(year=year, names=names)
        )
    days = Days.of(ds, year)
    solver = Solver(Rules(ds, year, today, days))
    for unit in units(picked):
        if len(unit) > 1:
            solver.group(unit)
            continue
        forum = unit[0]
        if forum.cadence is not None and forum.cadence.before is not None:
            solver.before(forum)
        else:
            solver.spread(forum)
    slots = _places(solver, ds, year)
    unmet = sorted([*unmet, *solver.unmet], key=lambda u: (u.forum, u.rule, u.reason))
    changes, warnings, made = _files(ds, year, slots, today)
    notes = [f"{u.forum}: {u.rule}: {u.reason}" for u in unmet]
    for _county, calendar in sorted(days.calendars.items()):
        if not calendar.checked:
            notes.append(
                _(
                    "{calendar}: the school breaks are not checked against the county's "
                    "decision (checked: false); check them before the plan is sent out"
                ).format(calendar=calendar.file)
            )
    message = (
        f"Meeting plan {year}: {len(slots)} meetings for {len({s.forum for s in slots})} bodies"
    )
    return YearPlan(
        year,
        slots,
        unmet,
        Plan(changes, message, [*warnings, *notes]),
        [f.id for f in picked],
        made,
    )
