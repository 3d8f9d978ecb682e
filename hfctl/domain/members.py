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
from hfctl.domain.lookup import find_any, find_forum, find_party, find_person
from hfctl.domain.membership import overlaps
from hfctl.models.forum import Forum, Member, MemberRole, SeatKind, SeatSide
from hfctl.models.party import Person
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

ROLES: tuple[str, ...] = get_args(MemberRole)
KINDS: tuple[str, ...] = get_args(SeatKind)
SIDES: tuple[str, ...] = get_args(SeatSide)
KEYS = (
    "person",
    "kind",
    "roles",
    "represents",
    "side",
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
        raise NotFoundError(f"{exc.message}; a new person is added with hfctl person add") from None


def _refuse_overlap(forum: Forum, person: Person, start: dt.date, end: dt.date | None) -> None:
    for seat in forum.members:
        if seat.person != person.id:
            continue
        if overlaps(start, end, seat):
            raise RefusedError(
                f"{person.name} already sits in {forum.display_name()} ({_said(seat)}, "
                f"{_span(seat)}); terms of one person in one forum must not overlap"
            )


def _index(forum: Forum, seat: Member) -> int:
    """Where the seat stands in the forum's members (the YAML list has the same order)."""
    return next(i for i, s in enumerate(forum.members) if s is seat)


def _pick(forum: Forum, seats: list[Member], person: str, role: str | None, when: str) -> Member:
    if role is not None:
        seats = [s for s in seats if s.holds(role)]
    if not seats:
        raise NotFoundError(f"{person} has no seat in {forum.display_name()} {when}")
    if len(seats) > 1:
        listed = ", ".join(f"{_said(s)} {_span(s)}" for s in seats)
        raise UsageError(f"{person} has more than one seat {when} ({listed}); say which --role")
    return seats[0]


def _said(seat: Member) -> str:
    return ", ".join(seat.roles)


def _ruled_appointer(ds: Dataset, forum: Forum, kind: str, side: str | None) -> str | None:
    """The body the community's representation rules name, alone, to appoint such a seat."""
    rules = ds.community.rules.representation if ds.community else []
    for rule in rules:
        if not rule.applies_to(forum.id, forum.kind):
            continue
        for seat in rule.seats:
            fits = seat.kind == kind and (seat.side is None or seat.side == side)
            if fits and len(seat.appointed_by) == 1:
                return seat.appointed_by[0]
    return None


def _kind(ds: Dataset, kind: str | None, represents: str | None) -> str:
    if kind is not None:
        if kind not in KINDS:
            raise UsageError(
                _("kind '{kind}' is not one of {kinds}").format(kind=kind, kinds=", ".join(KINDS))
            )
        return kind
    party = find_party(ds, represents).kind if represents else None
    if party in ("municipality", "trust"):
        return party
    raise UsageError(_("say what the seat represents: kind {kinds}").format(kinds=", ".join(KINDS)))


def plan_add(
    ds: Dataset,
    forum_query: str,
    person_query: str,
    roles: list[str],
    represents: str | None,
    start: dt.date,
    end: dt.date | None = None,
    appointed_by: str | None = None,
    kind: str | None = None,
    side: str | None = None,
    deputy_for: str | None = None,
) -> Plan:
    """A new seat in a forum, appended to its members: what it represents (a party, or the
    users on one side), its roles, who appointed it (a party, forum or role; by default the body
    the representation rules name for such a seat, else the party represented)."""
    forum = find_forum(ds, forum_query)
    person = _person(ds, person_query)
    roles = roles or ["member"]
    for role in roles:
        if role not in ROLES:
            raise UsageError(f"role '{role}' is not one of {', '.join(ROLES)}")
    if len(set(roles)) != len(roles):
        raise UsageError(_("a role is named twice"))
    if end is not None and end < start:
        raise UsageError(f"the term ends ({end}) before it starts ({start})")
    if not forum.active_on(start):
        raise RefusedError(f"{forum.display_name()} does not exist on {start}")
    seat_kind = _kind(ds, kind, represents)
    if side is not None and side not in SIDES:
        raise UsageError(
            _("side '{side}' is not one of {sides}").format(side=side, sides=", ".join(SIDES))
        )
    if seat_kind == "user":
        if represents is not None:
            raise UsageError(
                _("a user representative represents the users, not a party; give the side instead")
            )
        if side is None:
            raise UsageError(_("a user representative's seat says its side (municipal or trust)"))
    elif seat_kind != "gp" and represents is None:
        raise UsageError(_("a {kind} seat says which party it represents").format(kind=seat_kind))
    party = find_party(ds, represents).id if represents else None
    if appointed_by is not None:
        appointer: str | None = find_any(ds, appointed_by, ("party", "forum", "role"))
    else:
        appointer = _ruled_appointer(ds, forum, seat_kind, side) or party
    deputy = find_person(ds, deputy_for).id if deputy_for else None
    if "deputy" in roles and deputy is None:
        raise UsageError("a deputy's seat says whom they are deputy for (--deputy-for)")
    _refuse_overlap(forum, person, start, end)
    values = {
        "person": person.id,
        "kind": seat_kind,
        "roles": yamledit.sequence(roles, flow=True),
        "represents": party,
        "side": side,
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
    said = ", ".join(roles)
    return Plan(changes, f"{forum.display_name()}: {person.name} joins as {said}, {span}")


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
        seats = [s for s in seats if s.holds(role)]
    if not seats:
        raise NotFoundError(f"{person.name} has no seat in {forum.display_name()} to renew")
    latest = max(s.from_ for s in seats)
    seat = _pick(forum, [s for s in seats if s.from_ == latest], person.name, role, "to renew")
    if seat.to is None:
        raise RefusedError(
            f"{person.name}'s seat in {forum.display_name()} ({_span(seat)}) has no end; "
            "there is nothing to renew"
        )
    start = seat.to + dt.timedelta(days=1)
    if end < start:
        raise UsageError(f"the new term would end ({end}) before it starts ({start})")
    _refuse_overlap(forum, person, start, end)
    values = {key: getattr(seat, "from_" if key == "from" else key) for key in KEYS}
    values.update({"from": start, "to": end, "roles": yamledit.sequence(seat.roles, flow=True)})
    changes = Changeset(ds.root)
    doc = changes.edit(forum.file)
    doc.data["members"].insert(_index(forum, seat) + 1, yamledit.mapping(values))
    changes.set(forum.file, doc.render())
    warnings = []
    if seat.to < today:
        warnings.append(f"the term renewed ended on {seat.to}, before today ({today})")
    return Plan(
        changes,
        f"{forum.display_name()}: {person.name} renewed as {_said(seat)}, {start} to {end}",
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
        listed = ", ".join(f"{_said(s)} {_span(s)}" for s in begun)
        raise RefusedError(
            f"{person.name}'s later term in {forum.display_name()} ({listed}) has begun; "
            "end that one instead"
        )
    if seat.to == day:
        raise RefusedError(f"{person.name}'s seat in {forum.display_name()} already ends on {day}")
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
        f"the later term {_said(s)} {_span(s)}, not begun, is removed with it" for s in later
    ]
    return Plan(
        changes,
        f"{forum.display_name()}: {person.name}'s seat ({_said(seat)}) ends on {day}",
        warnings,
    )
