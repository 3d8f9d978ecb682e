"""Ensure members' terms are live: noticed before they end, not past a dissolution, no overlap.

Who must sit in a forum is the community's data (checks/representation.py)."""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.membership import expiring, overlapping, renew_command


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
