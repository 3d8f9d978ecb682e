"""Ensure exclusive roles (the interkommunal samhandlingskoordinator) have one holder who sits
where the role requires."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from hfctl.checks.next_steps import never_held
from hfctl.checks.registry import Context, check
from hfctl.core.problems import Problem
from hfctl.core.rules import problem


@check(reads=("roles",))
def one_holder_at_a_time(ctx: Context) -> Iterator[Problem]:
    """Ensure an exclusive role's holders never overlap, and someone holds it today."""
    for role in ctx.ds.roles.values():
        if not role.exclusive:
            continue
        ordered = sorted(role.holders, key=lambda h: h.from_)
        for before, after in pairwise(ordered):
            if before.to is None or after.from_ <= before.to:
                yield problem(
                    "HF340",
                    f"role '{role.id}' has two holders at once: "
                    f"'{before.person}' and '{after.person}' from {after.from_}",
                    after.loc("from"),
                )
        if not role.holders_on(ctx.today) and not never_held(role):
            yield problem(
                "HF341", f"nobody holds the role '{role.id}' on {ctx.today}", role.loc("holders")
            )


@check(reads=("forums", "roles"))
def holder_sits_where_required(ctx: Context) -> Iterator[Problem]:
    """Ensure today's holder is a member (and secretary) of the forums the role requires."""
    for role in ctx.ds.roles.values():
        for holder in role.holders_on(ctx.today):
            for forum_id in role.requires.member_of:
                forum = ctx.ds.forums.get(forum_id)
                if forum and not any(
                    m.person == holder.person for m in forum.members_on(ctx.today)
                ):
                    yield problem(
                        "HF342",
                        f"'{holder.person}' holds '{role.id}' but is not a "
                        f"member of '{forum.display_name()}' on {ctx.today}",
                        holder.loc("person"),
                    )
            for forum_id in role.requires.secretary_of:
                forum = ctx.ds.forums.get(forum_id)
                if forum and not any(
                    m.person == holder.person and m.holds("secretary")
                    for m in forum.members_on(ctx.today)
                ):
                    yield problem(
                        "HF343",
                        f"'{holder.person}' holds '{role.id}' but is not "
                        f"secretary of '{forum.display_name()}' on {ctx.today}",
                        holder.loc("person"),
                    )
