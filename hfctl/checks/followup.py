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
                    f"'{case.title}' has a decision, but {meeting.id} is {meeting.status}",
                    case.loc("decision"),
                )
        elif not decided and meeting.date + grace < ctx.today:
            needs = [c for c in meeting.cases if c.type == "decision" and not c.withdrawn]
            if needs:
                yield problem(
                    "HF421",
                    f"{meeting.id} was held {meeting.date} and no decision is recorded yet",
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
                    f"the minutes of {meeting.id} were not approved at {following.id}",
                    following.loc("cases"),
                )


@check(reads=("agreements", "forums", "meetings", "parties", "people"))
def actions_hang_together(ctx: Context) -> Iterator[Problem]:
    """Ensure actions have known responsibles, sensible dates and their own ids."""
    ds = ctx.ds
    seen: dict[str, str] = {}
    for row in actions(ds):
        action = row.action
        if action.id in seen:
            yield problem(
                "HF426",
                f"action id '{action.id}' is also used in {seen[action.id]}",
                action.loc("id"),
            )
        seen.setdefault(action.id, row.meeting.id)
        who = action.responsible
        if who not in ds.forums and who not in ds.parties and who not in ds.people:
            yield problem(
                "HF423",
                f"responsible '{who}' of action {action.id} is no forum, party or person",
                action.loc("responsible"),
            )
        if action.due <= row.meeting.date:
            yield problem(
                "HF424",
                f"action {action.id} is due {action.due}, not after it was decided "
                f"({row.meeting.date})",
                action.loc("due"),
            )
        if action.status == "open" and action.closed is not None:
            yield problem(
                "HF427", f"open action {action.id} has a closing date", action.loc("closed")
            )
        if action.status != "open" and (action.closed is None or action.closed < row.meeting.date):
            yield problem(
                "HF427",
                f"{action.status} action {action.id} needs a closing date on or after "
                f"{row.meeting.date}",
                action.loc("status"),
            )
        for field in ("agreement", "forum"):
            ref = getattr(action, field)
            table = ds.agreements if field == "agreement" else ds.forums
            if ref is not None and ref not in table:
                yield problem("HF310", f"unknown {field} '{ref}'", action.loc(field))


@check(reads=("forums", "meetings", "people"))
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
                        f"'{person}' is not a member of {forum.display_name()} on "
                        f"{meeting.date}, nor invited",
                        attendance.loc(field, index),
                    )
        for deputy in attendance.deputies:
            if deputy.person not in ctx.ds.people:
                yield problem("HF310", f"unknown person '{deputy.person}'", deputy.loc("person"))
            if deputy.for_ not in members:
                yield problem(
                    "HF425",
                    f"'{deputy.person}' met for '{deputy.for_}', who is not a member of "
                    f"{forum.display_name()} on {meeting.date}",
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
