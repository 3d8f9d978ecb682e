"""Questions about members and role holders across forums: whose term ends soon, who is
the coordinator."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hfctl.core.errors import HfctlError
from hfctl.core.i18n import _
from hfctl.models.forum import Forum, Member
from hfctl.store.loader import Dataset

if TYPE_CHECKING:  # the e-mail modules cost ~20 ms to import: only a sender needs them
    from hfctl.formats import mail


def warning_days(ds: Dataset) -> int:
    """How many days ahead an expiring term is flagged (the community's rule, else 60)."""
    return ds.community.rules.member_term_warning_days if ds.community else 60


def expiring(ds: Dataset, today: dt.date) -> list[tuple[Forum, Member]]:
    """Seats held today that end within the warning window and are not renewed."""
    horizon = today + dt.timedelta(days=warning_days(ds))
    out: list[tuple[Forum, Member]] = []
    for forum in ds.forums.values():
        if not forum.active_on(today):
            continue
        for member in forum.members_on(today):
            if member.to is None or member.to > horizon:
                continue
            renewed = any(o.person == member.person and o.from_ > member.to for o in forum.members)
            if not renewed:
                out.append((forum, member))
    return sorted(out, key=lambda fm: (fm[1].to or today, fm[0].id, fm[1].person))


def overlaps(start: dt.date, end: dt.date | None, seat: Member) -> bool:
    """Whether the days ``start``..``end`` (open if None) share a day with a seat's term."""
    return start <= (seat.to or dt.date.max) and seat.from_ <= (end or dt.date.max)


def overlapping(forum: Forum) -> list[tuple[Member, Member]]:
    """Pairs of terms of one person in a forum that share a day (earlier seat first)."""
    seats = forum.members
    return [
        (a, b)
        for i, a in enumerate(seats)
        for b in seats[i + 1 :]
        if a.person == b.person and overlaps(b.from_, b.to, a)
    ]


def renew_command(forum: Forum, member: Member) -> str:
    """The command that renews a seat (the fix named wherever an ending term is shown)."""
    several = sum(1 for m in forum.members if m.person == member.person and m.to == member.to)
    role = f" --role {member.role}" if several > 1 else ""
    return f"hfctl member renew {forum.id} {member.person} --to DATE{role}"


def coordinator(ds: Dataset, today: dt.date) -> mail.Recipient:
    """The sender: the holder today of the community's coordinator role."""
    from hfctl.formats import mail

    rules = ds.community.rules if ds.community else None
    role = ds.roles.get(rules.coordinator_role or "") if rules else None
    holders = role.holders_on(today) if role else []
    person = ds.people.get(holders[0].person) if holders else None
    if person is None or person.email is None:
        raise HfctlError(
            _("no coordinator with an e-mail address holds the coordinator role today")
        )
    return mail.Recipient(person.name, person.email)


def letterhead(ds: Dataset, lang: str) -> dict[str, str]:
    """The names a letter from the community signs with, from the data: the community, the
    trust (its short name) and the coordinator role the sender holds, in ``lang``."""
    community = ds.community
    trust = ds.parties.get(community.trust) if community else None
    role_id = community.rules.coordinator_role if community else None
    role = ds.roles.get(role_id) if role_id else None
    return {
        "community": community.name.get(lang) if community else "",
        "trust": (trust.short or trust.name) if trust else "",
        "sender_title": role.name.get(lang) if role else "",
    }


def speaks_for(ds: Dataset, member: Member) -> str | None:
    """The party a seat is listed under: the user council for a user representative (who
    represents the users, not a party), else the party the seat represents."""
    if member.kind == "user":
        return ds.community.rules.user_council if ds.community else None
    return member.represents
