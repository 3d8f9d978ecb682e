"""Ensure every reference between files resolves: parties, people, forums, meetings, numbers."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.base import Model

KINDS = {
    "party": "parties",
    "person": "people",
    "forum": "forums",
    "meeting": "meetings",
    "agreement": "agreements",
    "role": "roles",
}


def _ref(
    ctx: Context, kind: str, value: str | None, model: Model, field: str, *more: str | int
) -> Iterator[Problem]:
    """A problem if ``value`` is not the id of a ``kind`` (kinds may be 'party|forum')."""
    if value is None:
        return
    kinds = kind.split("|")
    for k in kinds:
        if value in ctx.ds.collection(KINDS[k]):
            return
    known: list[str] = []
    for k in kinds:
        known.extend(ctx.ds.collection(KINDS[k]))
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.7)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    what = " or ".join(kinds)
    yield problem(
        "HF310",
        _("unknown {what} '{value}'{hint}").format(what=what, value=value, hint=hint),
        model.loc(field, *more),
    )


def _refs(
    ctx: Context, kind: str, values: Iterable[str], model: Model, field: str
) -> Iterator[Problem]:
    for index, value in enumerate(values):
        yield from _ref(ctx, kind, value, model, field, index)


@check(reads=("community", "forums", "parties", "people", "roles"))
def community_references(ctx: Context) -> Iterator[Problem]:
    """Ensure the community's trust and rules name parties, forums and roles that exist."""
    community = ctx.ds.community
    if community is None:
        return
    yield from _ref(ctx, "party", community.trust, community, "trust")
    rules = community.rules
    yield from _ref(ctx, "role", rules.coordinator_role, rules, "coordinator_role")
    yield from _ref(ctx, "forum", rules.yearly_forum, rules, "yearly_forum")
    yield from _ref(ctx, "party", rules.user_council, rules, "user_council")
    for rule in rules.representation:
        yield from _refs(ctx, "forum", rule.forums, rule, "forums")
        yield from _refs(ctx, "forum", rule.except_, rule, "except")
        for seat in rule.seats:
            yield from _refs(ctx, "party|forum|role", seat.appointed_by, seat, "appointed_by")
            yield from _ref(ctx, "forum", seat.member_of, seat, "member_of")


@check(reads=("parties", "people"))
def party_and_person_references(ctx: Context) -> Iterator[Problem]:
    """Ensure people belong to known parties and parties point at known successors and directors."""
    for party in ctx.ds.parties.values():
        yield from _ref(ctx, "party", party.successor, party, "successor")
        for clinic in party.clinics:
            yield from _ref(ctx, "person", clinic.director, clinic, "director")
    for person in ctx.ds.people.values():
        yield from _ref(ctx, "party", person.party, person, "party")


@check(reads=("forums", "parties", "people", "roles"))
def forum_references(ctx: Context) -> Iterator[Problem]:
    """Ensure members, parents and secretariat holders of every forum exist."""
    for forum in ctx.ds.forums.values():
        yield from _ref(ctx, "forum", forum.parent, forum, "parent")
        yield from _ref(ctx, "forum", forum.replaced_by, forum, "replaced_by")
        for member in forum.members:
            yield from _ref(ctx, "person", member.person, member, "person")
            yield from _ref(ctx, "party", member.represents, member, "represents")
            yield from _ref(ctx, "party|forum|role", member.appointed_by, member, "appointed_by")
            yield from _ref(ctx, "person", member.deputy_for, member, "deputy_for")
        if forum.secretariat:
            rotation = forum.secretariat.rotation
            yield from _refs(ctx, "party|forum", rotation.holders, rotation, "holders")
            for term in forum.secretariat.terms:
                yield from _ref(ctx, "party|forum", term.holder, term, "holder")


@check(reads=("forums", "people", "roles"))
def role_references(ctx: Context) -> Iterator[Problem]:
    """Ensure role holders are known people and required forums exist."""
    for role in ctx.ds.roles.values():
        for holder in role.holders:
            yield from _ref(ctx, "person", holder.person, holder, "person")
        yield from _refs(ctx, "forum", role.requires.member_of, role.requires, "member_of")
        yield from _refs(ctx, "forum", role.requires.secretary_of, role.requires, "secretary_of")


@check(reads=("forums", "meetings", "people"), per_meeting=True)
def meeting_references(ctx: Context) -> Iterator[Problem]:
    """Ensure meetings name a known forum, secretary, invitees and presenters."""
    for meeting in ctx.ds.meetings.values():
        yield from _ref(ctx, "forum", meeting.forum, meeting, "forum")
        yield from _ref(ctx, "person", meeting.secretary, meeting, "secretary")
        yield from _refs(ctx, "person", meeting.invitees, meeting, "invitees")
        for case in meeting.cases:
            yield from _ref(ctx, "person", case.presenter, case, "presenter")


@check(reads=("meetings",))
def case_references(ctx: Context) -> Iterator[Problem]:
    """Ensure a case names known meetings as where it was prepared and what it refers to."""
    for meeting in ctx.ds.meetings.values():
        for case in meeting.cases:
            yield from _ref(ctx, "meeting", case.prepared_in, case, "prepared_in")
            yield from _ref(ctx, "meeting", case.refers_to, case, "refers_to")


@check(reads=("agreements", "meetings"))
def agreement_meetings(ctx: Context) -> Iterator[Problem]:
    """Ensure agreement versions name a known meeting as where they were adopted."""
    for agreement in ctx.ds.agreements.values():
        for version in agreement.versions:
            yield from _ref(ctx, "meeting", version.meeting, version, "meeting")


@check(reads=("agreements", "forums", "parties"))
def agreement_references(ctx: Context) -> Iterator[Problem]:
    """Ensure agreement versions name the adopting forum, and signatories exist."""
    for agreement in ctx.ds.agreements.values():
        for version in agreement.versions:
            yield from _ref(ctx, "forum", version.adopted_by, version, "adopted_by")
            for number in version.signatures:
                if ctx.municipality_by_number(number) is None:
                    yield problem(
                        "HF311",
                        _(
                            "kommunenummer '{number}' belongs to no municipality in data/parties/"
                        ).format(number=number),
                        version.loc("signatures", number),
                    )


@check(reads=("counties", "parties"))
def municipality_numbers(ctx: Context) -> Iterator[Problem]:
    """Ensure each kommunenummer starts with a county valid then, and is used by one at a time."""
    counties = ctx.ds.counties.counties if ctx.ds.counties else []
    owners: dict[str, list[Any]] = {}
    for party in ctx.ds.parties.values():
        for index, entry in enumerate(party.numbers):
            owners.setdefault(entry.number, []).append((party, entry))
            prefix = entry.number[:2]
            matching = [c for c in counties if c.number == prefix]
            if ctx.ds.counties is not None and not matching:
                yield problem(
                    "HF312",
                    _(
                        "kommunenummer '{entry}' of '{party}' starts with '{prefix}', which "
                        "is no county in data/counties.yaml"
                    ).format(entry=entry.number, party=party.id, prefix=prefix),
                    party.loc("numbers", index, "number"),
                )
            elif matching and not any(
                c.from_ <= entry.from_
                and (c.to is None or (entry.to is not None and entry.to <= c.to))
                for c in matching
            ):
                yield problem(
                    "HF312",
                    _(
                        "kommunenummer '{entry}' of '{party}' is used outside the period of "
                        "county '{name}'"
                    ).format(entry=entry.number, party=party.id, name=matching[0].name),
                    party.loc("numbers", index, "number"),
                )
        for index, (a, b) in enumerate(pairwise(party.numbers)):
            if a.to is None or b.from_ <= a.to:
                yield problem(
                    "HF313",
                    _("'{party}' has two numbers at once: '{a}' and '{b}' overlap").format(
                        party=party.id, a=a.number, b=b.number
                    ),
                    party.loc("numbers", index + 1, "from"),
                )
    for number, entries in owners.items():
        for (p1, e1), (p2, e2) in pairwise(entries):
            overlap = (e1.to is None or e2.from_ <= e1.to) and (e2.to is None or e1.from_ <= e2.to)
            if overlap:
                yield problem(
                    "HF313",
                    _(
                        "kommunenummer '{number}' is used by both '{p1}' and '{p2}' at the "
                        "same time"
                    ).format(number=number, p1=p1.id, p2=p2.id),
                    p2.loc("numbers"),
                )
