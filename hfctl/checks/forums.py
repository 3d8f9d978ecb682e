"""Ensure members' terms are live: noticed before they end, not past a dissolution, no overlap.

Who must sit in a forum is the community's data (checks/representation.py)."""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _, ngettext
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.membership import expiring, overlapping, renew_command
from hfctl.formats.words import role_word


@check(reads=("community", "forums"))
def expiring_terms(ctx: Context) -> Iterator[Problem]:
    """Ensure terms about to expire are noticed: warn within the community's warning window."""
    for forum, member in expiring(ctx.ds, ctx.today):
        assert member.to is not None
        left = (member.to - ctx.today).days
        yield problem(
            "HF333",
            ngettext(
                "term of '{person}' ({role}) in '{forum}' ends {to}, in {left} day; "
                "renew it ({renew_command}) or appoint a successor (hfctl member add "
                "{forum2} PERSON …)",
                "term of '{person}' ({role}) in '{forum}' ends {to}, in {left} days; "
                "renew it ({renew_command}) or appoint a successor (hfctl member add "
                "{forum2} PERSON …)",
                left,
            ).format(
                person=member.person,
                role=role_word(member.role),
                forum=forum.display_name(),
                to=member.to,
                left=left,
                renew_command=renew_command(forum, member),
                forum2=forum.id,
            ),
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
                    _("'{person}' sits in '{forum}' after it was dissolved on {dissolved}").format(
                        person=member.person, forum=forum.display_name(), dissolved=forum.dissolved
                    ),
                    member.loc("to"),
                )


@check(reads=("forums",))
def terms_do_not_overlap(ctx: Context) -> Iterator[Problem]:
    """Ensure no two terms of one person in one forum share a day (a renewal starts after)."""
    for forum in ctx.ds.forums.values():
        for first, second in overlapping(forum):
            span = _("{start} to {end}").format(start=first.from_, end=first.to or _("open"))
            yield problem(
                "HF335",
                _(
                    "'{person}' has two terms in '{forum}' that overlap: this one from "
                    "{start}, and {role} {span}"
                ).format(
                    person=second.person,
                    forum=forum.display_name(),
                    start=second.from_,
                    role=first.role,
                    span=span,
                ),
                second.loc("from"),
            )
