"""Ensure every forum has its user representatives, its FSU coordinator and live terms."""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.next_steps import never_staffed
from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _, ngettext
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.membership import expiring, overlapping, renew_command
from hfctl.formats.words import role_word
from hfctl.models.forum import Forum


def _current(ctx: Context) -> Iterator[Forum]:
    for forum in ctx.ds.forums.values():
        if forum.active_on(ctx.today):
            yield forum


@check
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
                _(
                    "forum '{name}' has no user representative from the municipal side on {today}"
                ).format(name=name, today=ctx.today),
                forum.loc("members"),
            )
        if "trust" not in sides:
            yield problem(
                "HF331",
                _(
                    "forum '{name}' has no user representative from the trust side on {today}"
                ).format(name=name, today=ctx.today),
                forum.loc("members"),
            )


@check
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
                _("'{forum}' has no coordinator on {today}; each FSU has one from {source}").format(
                    forum=forum.display_name(), today=ctx.today, source=source.display_name()
                ),
                forum.loc("members"),
            )
        elif not any(m.person in source_people for m in coordinators):
            names = ", ".join(f"'{m.person}'" for m in coordinators)
            yield problem(
                "HF332",
                _("coordinator {names} of '{forum}' is not a member of {source} on {today}").format(
                    names=names,
                    forum=forum.display_name(),
                    source=source.display_name(),
                    today=ctx.today,
                ),
                coordinators[0].loc("person"),
            )


@check
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


@check
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


@check
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
