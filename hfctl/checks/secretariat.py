"""Ensure rotating secretariats (SSU's) follow their rule: contiguous, alternating terms of the
right length, one covering today, and meetings served by the holder of the day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
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
                    _(
                        "'{holder}' holds the {name} secretariat but is not in the rotation "
                        "({holders})"
                    ).format(
                        holder=term.holder, name=name, holders=", ".join(sec.rotation.holders)
                    ),
                    term.loc("holder"),
                )
            expected = term_end(term.from_, years)
            if term.to != expected and term.to >= term.from_:
                yield problem(
                    "HF351",
                    _(
                        "{name} secretariat term of '{holder}' from {start} should end "
                        "{expected} ({years} years), not {to}"
                    ).format(
                        name=name,
                        holder=term.holder,
                        start=term.from_,
                        expected=expected,
                        years=years,
                        to=term.to,
                    ),
                    term.loc("to"),
                )
        ordered = sorted(sec.terms, key=lambda t: t.from_)
        for before, after in pairwise(ordered):
            day_after = before.to + dt.timedelta(days=1)
            if after.from_ > day_after:
                last_gap_day = after.from_ - dt.timedelta(days=1)
                span = (
                    _("on {day}").format(day=day_after)
                    if day_after == last_gap_day
                    else _("from {start} to {end}").format(start=day_after, end=last_gap_day)
                )
                yield problem(
                    "HF350",
                    _("gap in the {name} secretariat: nobody holds it {span}").format(
                        name=name, span=span
                    ),
                    after.loc("from"),
                )
            elif after.from_ < day_after:
                yield problem(
                    "HF350",
                    _(
                        "{name} secretariat terms overlap: '{holder}' starts {start}, before "
                        "the term of '{holder2}' ends {to}"
                    ).format(
                        name=name,
                        holder=after.holder,
                        start=after.from_,
                        holder2=before.holder,
                        to=before.to,
                    ),
                    after.loc("from"),
                )
            expected_holder = next_holder(sec, before.holder)
            if after.holder != expected_holder:
                yield problem(
                    "HF352",
                    _(
                        "{name} secretariat should pass from '{holder}' to "
                        "'{expected_holder}' on {start}, not to '{holder2}'"
                    ).format(
                        name=name,
                        holder=before.holder,
                        expected_holder=expected_holder,
                        start=after.from_,
                        holder2=after.holder,
                    ),
                    after.loc("holder"),
                )
        current = holder_on(sec, ctx.today)
        if current is None:
            yield problem(
                "HF353",
                _(
                    "no {name} secretariat term covers {today}; `hfctl secretariat "
                    "rotate` records the next one"
                ).format(name=name, today=ctx.today),
                sec.loc("terms"),
            )
        elif current is ordered[-1] and (current.to - ctx.today).days <= NEXT_TERM_NOTICE_DAYS:
            yield problem(
                "HF356",
                _(
                    "the {name} secretariat term of '{holder}' ends {to} and no next "
                    "term is recorded; run `hfctl secretariat rotate`"
                ).format(name=name, holder=current.holder, to=current.to),
                current.loc("to"),
            )


@check(reads=("forums", "meetings", "people"), per_meeting=True)
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
                _(
                    "secretary '{person}' of {forum} meeting {date} does not belong to "
                    "'{holder}', which holds the secretariat that day"
                ).format(
                    person=person.id,
                    forum=forum.display_name(),
                    date=meeting.date,
                    holder=term.holder,
                ),
                meeting.loc("secretary"),
            )
