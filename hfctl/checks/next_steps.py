"""What a new repository has still to be given, as warnings that name the step that does it.

A body that has never had a member, a role never held, an agreement with no adopted version
or never sent to a municipality, a community with no meeting yet: each is a step still to
take, not a broken rule. The checks that would report an error for these (no user
representative, no coordinator, a vacant role) stay quiet only while there is nothing at all
(``never_staffed``, ``never_held``); as soon as the first member or holder is there, they
apply as always. ``hfctl init`` gives every municipality a record of each adopted version
that says it has not been sent yet, so the rule that each has a record holds from the start.
"""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _, ngettext
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.agreement import Version
from hfctl.models.forum import Forum
from hfctl.models.role import Role

CODES = frozenset({"HF600", "HF601", "HF602", "HF603", "HF604"})
"""The next-step warnings, which `hfctl status` lists as what to do next."""


def never_staffed(forum: Forum) -> bool:
    """Whether the body has never had a member recorded."""
    return not forum.members


def never_held(role: Role) -> bool:
    """Whether nobody has ever been recorded as holding the role."""
    return not role.holders


def never_sent(version: Version) -> bool:
    """Whether no municipality has taken any step with the version (records that only say
    it has not been sent yet are no step)."""
    return all(sig.status_on() == "not-sent" for sig in version.signatures.values())


@check(reads=("forums",))
def bodies_without_members(ctx: Context) -> Iterator[Problem]:
    """Ensure the bodies with no members yet are named, in one step to take."""
    empty = [f for f in ctx.ds.forums.values() if f.active_on(ctx.today) and never_staffed(f)]
    if not empty:
        return
    empty.sort(key=lambda f: (f.id != "ssu", f.id))
    yield problem(
        "HF600",
        ngettext(
            "{count} body has no members yet ({forums}): add each person as "
            "data/people/<id>.yaml and their seat under members: in "
            "data/forums/<body>.yaml (person, role, represents, appointed_by, from, to)",
            "{count} bodies have no members yet ({forums}): add each person as "
            "data/people/<id>.yaml and their seat under members: in "
            "data/forums/<body>.yaml (person, role, represents, appointed_by, from, to)",
            len(empty),
        ).format(count=len(empty), forums=", ".join(f.id for f in empty)),
        empty[0].loc("id"),
    )


@check(reads=("roles",))
def roles_never_held(ctx: Context) -> Iterator[Problem]:
    """Ensure a role nobody has held yet is named as a step to take."""
    for role in ctx.ds.roles.values():
        if role.exclusive and never_held(role):
            needs = [*role.requires.member_of, *role.requires.secretary_of]
            where = (
                _("; the holder sits in {needs}").format(needs=", ".join(needs)) if needs else ""
            )
            yield problem(
                "HF601",
                _(
                    "nobody holds '{role}' yet: add the person under holders: in {role2} "
                    "(person, from){where}"
                ).format(role=role.name.get("nn"), role2=role.file, where=where),
                role.loc("id"),
            )


@check(reads=("community", "forums", "meetings"))
def first_meetings(ctx: Context) -> Iterator[Problem]:
    """Ensure a repository with no meeting yet says how to plan the first."""
    if ctx.ds.meetings or not ctx.ds.forums:
        return
    community = ctx.ds.community
    yearly = community.rules.yearly_forum if community else None
    first = "ssu" if "ssu" in ctx.ds.forums else sorted(ctx.ds.forums)[0]
    also = (
        _(", and one {yearly} meeting a year").format(yearly=yearly)
        if yearly in ctx.ds.forums
        else ""
    )
    yield problem(
        "HF602",
        _(
            "no meetings yet: plan the first with `hfctl meeting new {first} "
            "--date YYYY-MM-DD --start HH:MM --location PLACE`{also}"
        ).format(first=first, also=also),
        ctx.ds.forums[first].loc("id"),
    )


@check(reads=("agreements",))
def agreements_to_record(ctx: Context) -> Iterator[Problem]:
    """Ensure agreements with no version, or never sent, are named as steps to take."""
    agreements = sorted(ctx.ds.agreements.values(), key=lambda a: (a.kind, a.number or 0))
    unversioned = [a for a in agreements if not a.versions]
    if unversioned:
        yield problem(
            "HF604",
            ngettext(
                "{count} agreement has no adopted version yet ({agreements}): add the "
                "version in force under versions: (version, adopted, adopted_by)",
                "{count} agreements have no adopted version yet ({agreements}): add the "
                "version in force under versions: (version, adopted, adopted_by)",
                len(unversioned),
            ).format(count=len(unversioned), agreements=", ".join(a.id for a in unversioned)),
            unversioned[0].loc("id"),
        )
    unsent = [a for a in agreements if (v := a.version_on(ctx.today)) is not None and never_sent(v)]
    if unsent:
        yield problem(
            "HF603",
            ngettext(
                "{count} agreement has not been sent to any municipality yet "
                "({agreements}): record each step with `hfctl agreements record AGREEMENT "
                "MUNICIPALITY sent --date YYYY-MM-DD`",
                "{count} agreements have not been sent to any municipality yet "
                "({agreements}): record each step with `hfctl agreements record AGREEMENT "
                "MUNICIPALITY sent --date YYYY-MM-DD`",
                len(unsent),
            ).format(count=len(unsent), agreements=", ".join(a.id for a in unsent)),
            unsent[0].loc("id"),
        )
