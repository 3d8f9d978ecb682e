"""Parts of the website's pages: the bodies by kind, the secretariat's public contact, a
body's member table, what the minutes of a held meeting record."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

from hfctl.domain.membership import speaks_for
from hfctl.formats.words import ROLE, long_day, word
from hfctl.models.forum import Forum, Member, MemberRole
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset


def groups(bodies: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The bodies by kind, in the order of KIND_ORDER (bodies come sorted so already)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for body in bodies:
        found.setdefault(body["kind"], []).append(body)
    return list(found.items())


def contact(ds: Dataset, lang: str, today: dt.date) -> dict[str, Any]:
    """The secretariat's public work contacts: the holding organisation's contact point and
    the coordinator role's holder at work. Nothing else of anyone's is published."""
    from hfctl.core.errors import HfctlError
    from hfctl.domain.membership import coordinator
    from hfctl.domain.secretariat import holding, rotating_forums

    out: dict[str, Any] = {"secretariats": [], "coordinator": None}
    for forum in rotating_forums(ds.forums):
        try:
            held = holding(ds, forum, today)
        except HfctlError:
            continue
        party = ds.parties.get(held.holder)
        out["secretariats"].append(
            {
                "forum": forum.display_name(lang),
                "holder": held.holder_name,
                "to": long_day(held.to, lang, ""),
                "contact": party.contact.name if party and party.contact else "",
                "email": party.contact.email if party and party.contact else "",
            }
        )
    rules = ds.community.rules if ds.community else None
    role = ds.roles.get(rules.coordinator_role or "") if rules else None
    try:
        who = coordinator(ds, today)
    except HfctlError:
        return out
    if role is not None:
        out["coordinator"] = {"role": role.name.get(lang), "name": who.name, "email": who.email}
    return out


def record(ds: Dataset, meeting: Meeting, lang: str) -> dict[str, Any] | None:
    """What the minutes record of a held meeting (attendance, decisions, follow-up), from the
    same public context the site's minutes are written from (an exempt case's decision and
    actions left out); None before it is held."""
    from hfctl.documents.public_minutes import context

    if meeting.status != "held":
        return None
    return context(ds, meeting, lang)


def members(
    ds: Dataset, forum: Forum, lang: str, today: dt.date
) -> dict[str, list[dict[str, Any]]]:
    """A body's member table: the seats held on ``today`` (``Forum.members_on``, the query
    every command asks), by role, and the seats that ended before it, latest first."""
    current = forum.members_on(today)
    former = [m for m in forum.members if m.to is not None and m.to < today]
    return {
        "members": _seats(ds, sorted(current, key=lambda m: (_role_rank(m.role), m.from_)), lang),
        "former": _seats(ds, sorted(former, key=lambda m: (m.to, m.from_), reverse=True), lang),
    }


def _role_rank(role: str) -> int:
    order = typing.get_args(MemberRole)
    return order.index(role) if role in order else len(order)


def _seats(ds: Dataset, seats: list[Member], lang: str) -> list[dict[str, Any]]:
    rows = []
    for member in seats:
        person = ds.people.get(member.person)
        party = ds.parties.get(speaks_for(ds, member) or "")
        rows.append(
            {
                "name": person.name if person else member.person,
                "title": person.title if person and person.title else "",
                "role": ", ".join(word(ROLE, lang, role) for role in member.roles),
                "represents": party.name if party else (member.represents or ""),
                "user_representative": member.kind == "user",
                "gp": member.kind == "gp",
                "deputy_for": _person(ds, member.deputy_for) if member.deputy_for else "",
                "from": long_day(member.from_, lang, ""),
                "to": long_day(member.to, lang, ""),
            }
        )
    return rows


def _person(ds: Dataset, person_id: str) -> str:
    person = ds.people.get(person_id)
    return person.name if person else person_id
