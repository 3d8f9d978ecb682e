"""Ensure exclusive roles (the interkommunal samhandlingskoordinator) have one holder who sits
where the role requires."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from hfctl.checks.next_steps import never_held
from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
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
                    _(
                        "role '{role}' has two holders at once: '{person}' and '{person2}' "
                        "from {start}"
                    ).format(
                        role=role.id, person=before.person, person2=after.person, start=after.from_
                    ),
                    after.loc("from"),
                )
        if not role.holders_on(ctx.today) and not never_held(role):
            yield problem(
                "HF341",
                _("nobody holds the role '{role}' on {today}").format(
                    role=role.id, today=ctx.today
                ),
                role.loc("holders"),
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
                        _(
                            "'{person}' holds '{role}' but is not a member of '{forum}' on {today}"
                        ).format(
                            person=holder.person,
                            role=role.id,
                            forum=forum.display_name(),
                            today=ctx.today,
                        ),
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
                        _(
                            "'{person}' holds '{role}' but is not secretary of '{forum}' on {today}"
                        ).format(
                            person=holder.person,
                            role=role.id,
                            forum=forum.display_name(),
                            today=ctx.today,
                        ),
                        holder.loc("person"),
                    )
