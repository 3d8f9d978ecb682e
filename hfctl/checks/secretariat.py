"""Ensure rotating secretariats (SSU's) follow their rule: contiguous, alternating terms of the
right length, one covering today, and meetings served by the holder of the day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from hfctl.checks.registry import Context, check
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.secretariat import holder_on, next_holder, rotating_forums, term_end

NEXT_TERM_NOTICE_DAYS = 90


@check(reads=("forums",))
def secretariat_terms(ctx: Context) -> Iterator[Problem]:
    """Ensure terms are contiguous, as long as the rule says, alternate, and cover today."""
    for forum in rotating_forums(ctx.ds.forums):
        sec = forum.secretariat
        assert sec is not None
        name = forum.display_name()
        years = sec.rotation.term_years
        for term in sec.terms:
            if term.holder not in sec.rotation.holders:
                yield problem(
                    "HF354",
                    f"'{term.holder}' holds the {name} secretariat but is not "
                    f"in the rotation ({', '.join(sec.rotation.holders)})",
                    term.loc("holder"),
                )
            expected = term_end(term.from_, years)
            if term.to != expected and term.to >= term.from_:
                yield problem(
                    "HF351",
                    f"{name} secretariat term of '{term.holder}' from "
                    f"{term.from_} should end {expected} ({years} years), not {term.to}",
                    term.loc("to"),
                )
        ordered = sorted(sec.terms, key=lambda t: t.from_)
        for before, after in pairwise(ordered):
            day_after = before.to + dt.timedelta(days=1)
            if after.from_ > day_after:
                last_gap_day = after.from_ - dt.timedelta(days=1)
                span = (
                    f"on {day_after}"
                    if day_after == last_gap_day
                    else f"from {day_after} to {last_gap_day}"
                )
                yield problem(
                    "HF350",
                    f"gap in the {name} secretariat: nobody holds it {span}",
                    after.loc("from"),
                )
            elif after.from_ < day_after:
                yield problem(
                    "HF350",
                    f"{name} secretariat terms overlap: '{after.holder}' starts "
                    f"{after.from_}, before the term of '{before.holder}' ends "
                    f"{before.to}",
                    after.loc("from"),
                )
            expected_holder = next_holder(sec, before.holder)
            if after.holder != expected_holder:
                yield problem(
                    "HF352",
                    f"{name} secretariat should pass from '{before.holder}' to "
                    f"'{expected_holder}' on {after.from_}, not to '{after.holder}'",
                    after.loc("holder"),
                )
        current = holder_on(sec, ctx.today)
        if current is None:
            yield problem(
                "HF353",
                f"no {name} secretariat term covers {ctx.today}; "
                "`hfctl secretariat rotate` records the next one",
                sec.loc("terms"),
            )
        elif current is ordered[-1] and (current.to - ctx.today).days <= NEXT_TERM_NOTICE_DAYS:
            yield problem(
                "HF356",
                f"the {name} secretariat term of '{current.holder}' ends "
                f"{current.to} and no next term is recorded; run "
                "`hfctl secretariat rotate`",
                current.loc("to"),
            )


@check(reads=("forums", "meetings", "people"))
def meeting_secretary_from_holder(ctx: Context) -> Iterator[Problem]:
    """Ensure a meeting's secretary belongs to whoever holds the forum's secretariat that day."""
    for meeting in ctx.ds.meetings.values():
        forum = ctx.ds.forums.get(meeting.forum)
        if forum is None or forum.secretariat is None or meeting.secretary is None:
            continue
        term = holder_on(forum.secretariat, meeting.date)
        person = ctx.ds.people.get(meeting.secretary)
        if term is None or person is None:
            continue
        if term.holder in ctx.ds.forums:
            holder_forum = ctx.ds.forums[term.holder]
            belongs = any(m.person == person.id for m in holder_forum.members_on(meeting.date))
        else:
            belongs = person.party == term.holder
        if not belongs:
            yield problem(
                "HF355",
                f"secretary '{person.id}' of {forum.display_name()} meeting "
                f"{meeting.date} does not belong to '{term.holder}', which holds the "
                "secretariat that day",
                meeting.loc("secretary"),
            )
