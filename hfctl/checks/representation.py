"""Ensure every forum is composed as the community's representation rules say.

The rules are data (``rules.representation`` in ``data/community.yaml``): the seats a forum must
have (of a kind, role and side; how many; appointed by whom; held by members of which forum),
parity between the municipal and the trust members, and the largest size. Nothing here knows
one community's rules; each problem names the forum, the seat and the rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.next_steps import never_staffed
from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.community import RepresentationRule, SeatRule
from hfctl.models.forum import Forum, Member


def _people(seats: list[Member]) -> list[Member]:
    """The seats, one per person (the first of each)."""
    seen: dict[str, Member] = {}
    for seat in seats:
        seen.setdefault(seat.person, seat)
    return list(seen.values())


def _rules(ctx: Context) -> list[RepresentationRule]:
    community = ctx.ds.community
    return community.rules.representation if community else []


def _where(rule: RepresentationRule) -> str:
    at = rule.loc()
    if at.line:
        return _("rule '{rule}' ({file}:{line})").format(rule=rule.id, file=at.file, line=at.line)
    return _("rule '{rule}'").format(rule=rule.id)


def _seat_problems(
    ctx: Context, forum: Forum, rule: RepresentationRule, seat_rule: SeatRule
) -> Iterator[Problem]:
    name = forum.display_name()
    seat = seat_rule.describe()
    held = _people([m for m in forum.members_on(ctx.today) if seat_rule.matches(m)])
    if len(held) < seat_rule.min:
        have = (
            _("only {count} {seats}").format(count=len(held), seats=seat_rule.describe(len(held)))
            if held
            else _("no {seat}").format(seat=seat)
        )
        yield problem(
            "HF336",
            _("'{forum}' has {have} on {day}; {rule} requires at least {min}").format(
                forum=name, have=have, day=ctx.today, rule=_where(rule), min=seat_rule.min
            ),
            forum.loc("members"),
        )
    if seat_rule.max is not None and len(held) > seat_rule.max:
        yield problem(
            "HF337",
            _("'{forum}' has {count} {seats} on {day}; {rule} allows at most {max}").format(
                forum=name,
                count=len(held),
                seats=seat_rule.describe(len(held)),
                day=ctx.today,
                rule=_where(rule),
                max=seat_rule.max,
            ),
            held[seat_rule.max].loc("person"),
        )
    if seat_rule.appointed_by:
        allowed = " or ".join(f"'{a}'" for a in seat_rule.appointed_by)
        for member in held:
            if member.appointed_by not in seat_rule.appointed_by:
                by = f"'{member.appointed_by}'" if member.appointed_by else _("nobody named")
                yield problem(
                    "HF344",
                    _(
                        "{seat} of '{person}' in '{forum}' is appointed by {by}; "
                        "{rule} has it appointed by {allowed}"
                    ).format(
                        seat=seat,
                        person=member.person,
                        forum=name,
                        by=by,
                        rule=_where(rule),
                        allowed=allowed,
                    ),
                    member.loc("appointed_by" if member.appointed_by else "person"),
                )
    source = ctx.ds.forums.get(seat_rule.member_of) if seat_rule.member_of else None
    if source is not None:
        inside = {m.person for m in source.members_on(ctx.today)}
        for member in held:
            if member.person not in inside:
                yield problem(
                    "HF345",
                    _(
                        "{seat} '{person}' of '{forum}' is not a member of '{source}' on "
                        "{day}; {rule} requires it"
                    ).format(
                        seat=seat,
                        person=member.person,
                        forum=name,
                        source=source.display_name(),
                        day=ctx.today,
                        rule=_where(rule),
                    ),
                    member.loc("person"),
                )


def _forum_problems(ctx: Context, forum: Forum, rule: RepresentationRule) -> Iterator[Problem]:
    name = forum.display_name()
    members = _people([m for m in forum.members_on(ctx.today) if m.is_member])
    if rule.parity:
        municipal = sum(1 for m in members if m.kind == "municipality")
        trust = sum(1 for m in members if m.kind == "trust")
        if municipal != trust:
            yield problem(
                "HF338",
                _(
                    "'{forum}' has {municipal} municipal and {trust} trust members on {day}; "
                    "{rule} requires as many of each (parity)"
                ).format(
                    forum=name, municipal=municipal, trust=trust, day=ctx.today, rule=_where(rule)
                ),
                forum.loc("members"),
            )
    if rule.max_members is not None and len(members) > rule.max_members:
        yield problem(
            "HF339",
            _("'{forum}' has {count} members on {day}; {rule} allows at most {max}").format(
                forum=name,
                count=len(members),
                day=ctx.today,
                rule=_where(rule),
                max=rule.max_members,
            ),
            members[rule.max_members].loc("person"),
        )


@check(reads=("community", "forums"))
def representation(ctx: Context) -> Iterator[Problem]:
    """Ensure each forum has the seats, parity and size its representation rules require."""
    rules = _rules(ctx)
    for forum in ctx.ds.forums.values():
        if not forum.active_on(ctx.today) or never_staffed(forum):
            continue  # a body nobody is appointed to yet is a next step (HF600)
        for rule in rules:
            if not rule.applies_to(forum.id, forum.kind):
                continue
            for seat_rule in rule.seats:
                yield from _seat_problems(ctx, forum, rule, seat_rule)
            yield from _forum_problems(ctx, forum, rule)


@check(reads=("forums", "parties"))
def seat_kinds(ctx: Context) -> Iterator[Problem]:
    """Ensure a municipal seat represents a municipality and a trust seat the trust."""
    wanted = {"municipality": "municipality", "trust": "trust"}
    for forum in ctx.ds.forums.values():
        for member in forum.members:
            party = ctx.ds.parties.get(member.represents or "")
            if party is None or member.kind not in wanted or party.kind == wanted[member.kind]:
                continue
            yield problem(
                "HF346",
                _(
                    "'{person}' has a {kind} seat in '{forum}' but represents '{party}', a {what}"
                ).format(
                    person=member.person,
                    kind=member.kind,
                    forum=forum.display_name(),
                    party=party.id,
                    what=party.kind,
                ),
                member.loc("represents"),
            )
