"""Ensure decisions, attendance and follow-up actions hang together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.followup import DECISION_GRACE_DAYS, actions
from hfctl.formats.words import status_word
from hfctl.models.meeting import Meeting


@check(reads=("meetings",))
def decisions_on_held_meetings(ctx: Context) -> Iterator[Problem]:
    """Ensure decisions are recorded only on held meetings, and soon after them."""
    grace = dt.timedelta(days=DECISION_GRACE_DAYS)
    for meeting in ctx.ds.meetings.values():
        decided = [c for c in meeting.cases if c.decision]
        if meeting.status != "held":
            for case in decided:
                yield problem(
                    "HF420",
                    _("'{title}' has a decision, but {meeting} is {status}").format(
                        title=case.title, meeting=meeting.id, status=status_word(meeting.status)
                    ),
                    case.loc("decision"),
                )
        elif not decided and meeting.date + grace < ctx.today:
            needs = [c for c in meeting.cases if c.type == "decision" and not c.withdrawn]
            if needs:
                yield problem(
                    "HF421",
                    _("{meeting} was held {date} and no decision is recorded yet").format(
                        meeting=meeting.id, date=meeting.date
                    ),
                    meeting.loc("status"),
                )


@check(reads=("meetings",))
def minutes_approved(ctx: Context) -> Iterator[Problem]:
    """Ensure the minutes of each held meeting are approved at the next held meeting."""
    held: dict[str, list[Meeting]] = {}
    for meeting in ctx.ds.meetings.values():
        if meeting.status == "held":
            held.setdefault(meeting.forum, []).append(meeting)
    for meetings in held.values():
        meetings.sort(key=lambda m: (m.date, m.start))
        for meeting, following in pairwise(meetings):
            approvals = [c for c in following.cases if c.refers_to == meeting.id]
            if not approvals or not any(c.decision for c in approvals):
                yield problem(
                    "HF422",
                    _("the minutes of {meeting} were not approved at {following}").format(
                        meeting=meeting.id, following=following.id
                    ),
                    following.loc("cases"),
                )


@check(reads=("meetings",))
def action_ids_unique(ctx: Context) -> Iterator[Problem]:
    """Ensure every action has an id of its own across all meetings."""
    seen: dict[str, str] = {}
    for row in actions(ctx.ds):
        action = row.action
        if action.id in seen:
            yield problem(
                "HF426",
                _("action id '{action}' is also used in {seen}").format(
                    action=action.id, seen=seen[action.id]
                ),
                action.loc("id"),
            )
        seen.setdefault(action.id, row.meeting.id)


@check(reads=("agreements", "forums", "meetings", "parties", "people"), per_meeting=True)
def actions_hang_together(ctx: Context) -> Iterator[Problem]:
    """Ensure actions have known responsibles and sensible dates."""
    ds = ctx.ds
    for row in actions(ds):
        action = row.action
        who = action.responsible
        if who not in ds.forums and who not in ds.parties and who not in ds.people:
            yield problem(
                "HF423",
                _("responsible '{who}' of action {action} is no forum, party or person").format(
                    who=who, action=action.id
                ),
                action.loc("responsible"),
            )
        if action.due <= row.meeting.date:
            yield problem(
                "HF424",
                _("action {action} is due {due}, not after it was decided ({date})").format(
                    action=action.id, due=action.due, date=row.meeting.date
                ),
                action.loc("due"),
            )
        if action.status == "open" and action.closed is not None:
            yield problem(
                "HF427",
                _("open action {action} has a closing date").format(action=action.id),
                action.loc("closed"),
            )
        if action.status != "open" and (action.closed is None or action.closed < row.meeting.date):
            yield problem(
                "HF427",
                _("{status} action {action} needs a closing date on or after {date}").format(
                    status=action.status, action=action.id, date=row.meeting.date
                ),
                action.loc("status"),
            )
        for field in ("agreement", "forum"):
            ref = getattr(action, field)
            table = ds.agreements if field == "agreement" else ds.forums
            if ref is not None and ref not in table:
                yield problem(
                    "HF310",
                    _("unknown {field} '{ref}'").format(field=field, ref=ref),
                    action.loc(field),
                )


@check(reads=("forums", "meetings", "people"), per_meeting=True)
def attendance_of_members(ctx: Context) -> Iterator[Problem]:
    """Ensure attendance names members (or invitees) of the forum, and deputies exist."""
    for meeting in ctx.ds.meetings.values():
        attendance = meeting.attendance
        forum = ctx.ds.forums.get(meeting.forum)
        if attendance is None or forum is None:
            continue
        members = {m.person for m in forum.members_on(meeting.date)} | set(meeting.invitees)
        for field in ("present", "apologies"):
            for index, person in enumerate(getattr(attendance, field)):
                if person not in members:
                    yield problem(
                        "HF425",
                        _("'{person}' is not a member of {forum} on {date}, nor invited").format(
                            person=person, forum=forum.display_name(), date=meeting.date
                        ),
                        attendance.loc(field, index),
                    )
        for deputy in attendance.deputies:
            if deputy.person not in ctx.ds.people:
                yield problem(
                    "HF310",
                    _("unknown person '{person}'").format(person=deputy.person),
                    deputy.loc("person"),
                )
            if deputy.for_ not in members:
                yield problem(
                    "HF425",
                    _(
                        "'{person}' met for '{for_}', who is not a member of {forum} on {date}"
                    ).format(
                        person=deputy.person,
                        for_=deputy.for_,
                        forum=forum.display_name(),
                        date=meeting.date,
                    ),
                    deputy.loc("for_"),
                )


@check(reads=("meetings",))
def attendance_says_one_thing(ctx: Context) -> Iterator[Problem]:
    """Ensure nobody is recorded twice, or both present and replaced by a deputy."""
    from hfctl.domain.attendance import contradictions

    for meeting in ctx.ds.meetings.values():
        if meeting.attendance is None:
            continue
        for message, field, index in contradictions(meeting.attendance):
            yield problem("HF428", f"{meeting.id}: {message}", meeting.attendance.loc(field, index))


@check(reads=("meetings",))
def dissent_by_those_present(ctx: Context) -> Iterator[Problem]:
    """Ensure a dissent is entered for someone the attendance has present (or as a deputy)."""
    for meeting in ctx.ds.meetings.values():
        if meeting.attendance is None:
            continue
        there = meeting.attendance.took_part()
        for case in meeting.cases:
            for index, person in enumerate(case.dissent):
                if person not in there:
                    yield problem(
                        "HF438",
                        _(
                            "{meeting}: '{person}' is entered as dissenting in '{case}' but is "
                            "not recorded as present"
                        ).format(meeting=meeting.id, person=person, case=case.title),
                        case.loc("dissent", index),
                    )
