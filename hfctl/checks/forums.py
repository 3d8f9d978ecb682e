"""Ensure every forum has its user representatives, its FSU coordinator and live terms."""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.next_steps import never_staffed
from hfctl.checks.registry import Context, check
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.membership import expiring, overlapping, renew_command
from hfctl.models.forum import Forum


def _current(ctx: Context) -> Iterator[Forum]:
    for forum in ctx.ds.forums.values():
        if forum.active_on(ctx.today):
            yield forum


@check(reads=("forums", "parties"))
def user_representatives(ctx: Context) -> Iterator[Problem]:
    """Ensure each forum has a user representative from the municipal side and the trust side."""
    for forum in _current(ctx):
        if not forum.user_representatives or never_staffed(forum):
            continue
        sides = set()
        for member in forum.members_on(ctx.today):
            party = ctx.ds.parties.get(member.represents)
            if member.user_representative and party is not None:
                sides.add(party.side)
        name = forum.display_name()
        if "municipal" not in sides:
            yield problem(
                "HF330",
                f"forum '{name}' has no user representative from the municipal side on {ctx.today}",
                forum.loc("members"),
            )
        if "trust" not in sides:
            yield problem(
                "HF331",
                f"forum '{name}' has no user representative from the trust side on {ctx.today}",
                forum.loc("members"),
            )


@check(reads=("community", "forums"))
def fsu_coordinators(ctx: Context) -> Iterator[Problem]:
    """Ensure each FSU has a coordinator who is a member of the forum the
    community names to provide them (``rules.coordinator_forum``)."""
    community = ctx.ds.community
    source_id = community.rules.coordinator_forum if community else None
    source = ctx.ds.forums.get(source_id) if source_id else None
    if source is None:
        return
    source_people = {m.person for m in source.members_on(ctx.today)}
    for forum in _current(ctx):
        if forum.kind != "professional-committee" or never_staffed(forum):
            continue
        coordinators = [m for m in forum.members_on(ctx.today) if m.role == "coordinator"]
        if not coordinators:
            yield problem(
                "HF332",
                f"'{forum.display_name()}' has no coordinator on {ctx.today}; "
                f"each FSU has one from {source.display_name()}",
                forum.loc("members"),
            )
        elif not any(m.person in source_people for m in coordinators):
            names = ", ".join(f"'{m.person}'" for m in coordinators)
            yield problem(
                "HF332",
                f"coordinator {names} of '{forum.display_name()}' is not a "
                f"member of {source.display_name()} on {ctx.today}",
                coordinators[0].loc("person"),
            )


@check(reads=("community", "forums"))
def expiring_terms(ctx: Context) -> Iterator[Problem]:
    """Ensure terms about to expire are noticed: warn within the community's warning window."""
    for forum, member in expiring(ctx.ds, ctx.today):
        assert member.to is not None
        left = (member.to - ctx.today).days
        yield problem(
            "HF333",
            f"term of '{member.person}' ({member.role}) in '{forum.display_name()}' ends "
            f"{member.to}, in {left} days; renew it ({renew_command(forum, member)}) or "
            f"appoint a successor (hfctl member add {forum.id} PERSON …)",
            member.loc("to"),
        )


@check(reads=("forums",))
def members_of_dissolved_forums(ctx: Context) -> Iterator[Problem]:
    """Ensure nobody's term runs past the day their forum was dissolved."""
    for forum in ctx.ds.forums.values():
        if forum.dissolved is None:
            continue
        for member in forum.members:
            if member.to is None or member.to > forum.dissolved:
                yield problem(
                    "HF334",
                    f"'{member.person}' sits in '{forum.display_name()}' "
                    f"after it was dissolved on {forum.dissolved}",
                    member.loc("to"),
                )


@check(reads=("forums",))
def terms_do_not_overlap(ctx: Context) -> Iterator[Problem]:
    """Ensure no two terms of one person in one forum share a day (a renewal starts after)."""
    for forum in ctx.ds.forums.values():
        for first, second in overlapping(forum):
            span = f"{first.from_} to {first.to or 'open'}"
            yield problem(
                "HF335",
                f"'{second.person}' has two terms in '{forum.display_name()}' that overlap: "
                f"this one from {second.from_}, and {first.role} {span}",
                second.loc("from"),
            )
