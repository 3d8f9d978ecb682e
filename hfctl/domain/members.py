"""Seats in a forum: appointing a member, renewing a term, ending one.

A term is a seat with its own ``from`` and ``to``. A renewal is a new seat that starts the day
after the old one ends, so the record keeps both terms (and who appointed each) and the old
term still ends on the day it was appointed to end; ``membership.expiring`` reads it so.
Ending a seat sets its ``to``. Two seats of one person in one forum never overlap.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args

from hfctl.core.errors import NotFoundError, RefusedError, UsageError
from hfctl.core.i18n import _
from hfctl.domain.lookup import find_forum, find_party, find_person
from hfctl.domain.membership import overlaps
from hfctl.models.forum import Forum, Member, MemberRole
from hfctl.models.party import Person
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

ROLES: tuple[str, ...] = get_args(MemberRole)
KEYS = (
    "person",
    "role",
    "represents",
    "user_representative",
    "appointed_by",
    "deputy_for",
    "from",
    "to",
)
"""The keys of a seat hfctl writes, in the order the forum files keep them."""


def _span(member: Member) -> str:
    return f"{member.from_} to {member.to}" if member.to else f"{member.from_} (open)"


def _person(ds: Dataset, query: str) -> Person:
    try:
        return find_person(ds, query)
    except NotFoundError as exc:
        raise NotFoundError(
            _("{message}; a new person is added with hfctl person add").format(message=exc.message)
        ) from None


def _refuse_overlap(forum: Forum, person: Person, start: dt.date, end: dt.date | None) -> None:
    for seat in forum.members:
        if seat.person != person.id:
            continue
        if overlaps(start, end, seat):
            raise RefusedError(
                _(
                    "{person} already sits in {forum} ({role}, {span}); terms of one "
                    "person in one forum must not overlap"
                ).format(
                    person=person.name, forum=forum.display_name(), role=seat.role, span=_span(seat)
                )
            )


def _index(forum: Forum, seat: Member) -> int:
    """Where the seat stands in the forum's members (the YAML list has the same order)."""
    return next(i for i, s in enumerate(forum.members) if s is seat)


def _pick(forum: Forum, seats: list[Member], person: str, role: str | None, when: str) -> Member:
    if role is not None:
        seats = [s for s in seats if s.role == role]
    if not seats:
        raise NotFoundError(
            _("{person} has no seat in {forum} {when}").format(
                person=person, forum=forum.display_name(), when=when
            )
        )
    if len(seats) > 1:
        listed = ", ".join(f"{s.role} {_span(s)}" for s in seats)
        raise UsageError(
            _("{person} has more than one seat {when} ({listed}); say which --role").format(
                person=person, when=when, listed=listed
            )
        )
    return seats[0]


def plan_add(
    ds: Dataset,
    forum_query: str,
    person_query: str,
    role: str,
    represents: str,
    start: dt.date,
    end: dt.date | None = None,
    appointed_by: str | None = None,
    user_representative: bool = False,
    deputy_for: str | None = None,
) -> Plan:
    """A new seat in a forum, appended to its members."""
    forum = find_forum(ds, forum_query)
    person = _person(ds, person_query)
    if role not in ROLES:
        raise UsageError(
            _("role '{role}' is not one of {roles}").format(role=role, roles=", ".join(ROLES))
        )
    if end is not None and end < start:
        raise UsageError(
            _("the term ends ({end}) before it starts ({start})").format(end=end, start=start)
        )
    if not forum.active_on(start):
        raise RefusedError(
            _("{forum} does not exist on {start}").format(forum=forum.display_name(), start=start)
        )
    party = find_party(ds, represents)
    if appointed_by is not None:
        appointer = find_party(ds, appointed_by).id
    else:
        rules = ds.community.rules if ds.community else None
        by_rule = rules.user_representatives_appointed_by if rules else None
        appointer = by_rule if user_representative and by_rule else party.id
    deputy = find_person(ds, deputy_for).id if deputy_for else None
    if role == "deputy" and deputy is None:
        raise UsageError(_("a deputy's seat says whom they are deputy for (--deputy-for)"))
    _refuse_overlap(forum, person, start, end)
    values = {
        "person": person.id,
        "role": role,
        "represents": party.id,
        "user_representative": True if user_representative else None,
        "appointed_by": appointer,
        "deputy_for": deputy,
        "from": start,
        "to": end,
    }
    changes = Changeset(ds.root)
    doc = changes.edit(forum.file)
    if "members" not in doc.data:
        doc.data["members"] = yamledit.sequence([])
    doc.data["members"].append(yamledit.mapping(values))
    changes.set(forum.file, doc.render())
    span = f"{start} to {end}" if end else f"from {start}"
    return Plan(changes, f"{forum.display_name()}: {person.name} joins as {role}, {span}")


def plan_renew(
    ds: Dataset,
    forum_query: str,
    person_query: str,
    end: dt.date,
    today: dt.date,
    role: str | None = None,
) -> Plan:
    """A new term for a person's last seat: from the day after it ends to ``end``."""
    forum = find_forum(ds, forum_query)
    person = _person(ds, person_query)
    seats = [s for s in forum.members if s.person == person.id]
    if role is not None:
        seats = [s for s in seats if s.role == role]
    if not seats:
        raise NotFoundError(
            _("{person} has no seat in {forum} to renew").format(
                person=person.name, forum=forum.display_name()
            )
        )
    latest = max(s.from_ for s in seats)
    seat = _pick(forum, [s for s in seats if s.from_ == latest], person.name, role, "to renew")
    if seat.to is None:
        raise RefusedError(
            _("{person}'s seat in {forum} ({span}) has no end; there is nothing to renew").format(
                person=person.name, forum=forum.display_name(), span=_span(seat)
            )
        )
    start = seat.to + dt.timedelta(days=1)
    if end < start:
        raise UsageError(
            _("the new term would end ({end}) before it starts ({start})").format(
                end=end, start=start
            )
        )
    _refuse_overlap(forum, person, start, end)
    values = {key: getattr(seat, "from_" if key == "from" else key) for key in KEYS}
    values.update({"from": start, "to": end})
    if not seat.user_representative:
        values["user_representative"] = None
    changes = Changeset(ds.root)
    doc = changes.edit(forum.file)
    doc.data["members"].insert(_index(forum, seat) + 1, yamledit.mapping(values))
    changes.set(forum.file, doc.render())
    warnings = []
    if seat.to < today:
        warnings.append(
            _("the term renewed ended on {to}, before today ({today})").format(
                to=seat.to, today=today
            )
        )
    return Plan(
        changes,
        f"{forum.display_name()}: {person.name} renewed as {seat.role}, {start} to {end}",
        warnings,
    )


def plan_end(
    ds: Dataset,
    forum_query: str,
    person_query: str,
    day: dt.date,
    today: dt.date,
    role: str | None = None,
) -> Plan:
    """End the seat a person holds on ``day``: its ``to`` becomes ``day``."""
    forum = find_forum(ds, forum_query)
    person = _person(ds, person_query)
    held = [s for s in forum.members if s.person == person.id and s.covers(day)]
    seat = _pick(forum, held, person.name, role, f"on {day}")
    later = [s for s in forum.members if s.person == person.id and s.from_ > day]
    begun = [s for s in later if s.from_ <= today]
    if begun:
        listed = ", ".join(f"{s.role} {_span(s)}" for s in begun)
        raise RefusedError(
            _("{person}'s later term in {forum} ({listed}) has begun; end that one instead").format(
                person=person.name, forum=forum.display_name(), listed=listed
            )
        )
    if seat.to == day:
        raise RefusedError(
            _("{person}'s seat in {forum} already ends on {day}").format(
                person=person.name, forum=forum.display_name(), day=day
            )
        )
    changes = Changeset(ds.root)
    doc = changes.edit(forum.file)
    node = doc.data["members"][_index(forum, seat)]
    if "to" in node:
        node["to"] = day
    else:
        node.insert(list(node).index("from") + 1, "to", day)
    # a later term that has not begun never will: it goes, and the message says so
    for gone in sorted((_index(forum, s) for s in later), reverse=True):
        del doc.data["members"][gone]
    changes.set(forum.file, doc.render())
    warnings = [
        _("the later term {role} {span}, not begun, is removed with it").format(
            role=s.role, span=_span(s)
        )
        for s in later
    ]
    return Plan(
        changes,
        f"{forum.display_name()}: {person.name}'s seat ({seat.role}) ends on {day}",
        warnings,
    )
