"""Who is invited to a meeting, and why: the query the invitation, the papers' list of those
called and the printed agenda and minutes (``Til:``) all ask."""

from __future__ import annotations

from dataclasses import dataclass

from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset


@dataclass(frozen=True)
class Invitee:
    """A person invited to a meeting, and why."""

    person: str
    name: str
    email: str | None
    reason: str
    deputy: bool = False
    via: str | None = None
    """The body the invitation goes through (a user representative's user council)."""


def invitees(ds: Dataset, meeting: Meeting) -> list[Invitee]:
    """The forum's members on the day (deputies marked); for a joint meeting, the rule's
    invitees (health leadership of every municipality, clinic directors, SSU members);
    then anyone the meeting names. Nobody twice."""
    out: dict[str, Invitee] = {}
    day = meeting.date

    council_id = ds.community.rules.user_council if ds.community else None
    council = ds.parties.get(council_id or "")
    via_council = council.contact.email if council and council.contact else None
    users = {m.person for f in ds.forums.values() for m in f.members_on(day) if m.kind == "user"}

    def add(person_id: str, reason: str, deputy: bool = False) -> None:
        if person_id in out:
            return
        person = ds.people.get(person_id)
        if person is not None:
            email, via = person.email, None
            if email is None and person_id in users and council and via_council:
                # a user representative's contact point is the user council
                email, via = via_council, council.name
                reason = f"{reason}, through {via}"
            out[person_id] = Invitee(person_id, person.name, email, reason, deputy, via)

    forum = ds.forums.get(meeting.forum)
    if forum is not None:
        for member in forum.members_on(day):
            if not member.holds("deputy"):
                add(member.person, f"member ({', '.join(member.roles)})")
        if forum.kind == "joint-meeting":
            for person in sorted(ds.people.values(), key=lambda p: p.id):
                party = ds.parties.get(person.party)
                if "health-leadership" in person.functions and party and party.member_on(day):
                    add(person.id, f"health leadership, {party.name}")
            for party in ds.parties.values():
                for clinic in party.clinics:
                    if clinic.director:
                        add(clinic.director, f"clinic director, {clinic.name}")
            for person in sorted(ds.people.values(), key=lambda p: p.id):
                if "clinic-director" in person.functions:
                    add(person.id, "clinic director")
            for other in ds.forums.values():
                if other.kind == "strategic-committee" and other.active_on(day):
                    for member in other.members_on(day):
                        if not member.holds("deputy"):
                            add(member.person, f"member of {other.display_name()}")
        for member in forum.members_on(day):
            if member.holds("deputy"):
                add(member.person, f"deputy for {member.deputy_for or 'a member'}", deputy=True)
    for person_id in meeting.invitees:
        add(person_id, "invited to this meeting")
    return list(out.values())
