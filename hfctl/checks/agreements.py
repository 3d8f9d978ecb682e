"""Ensure agreements are signed in order, by every municipality, and cover § 6-2."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.agreements import region, signature_of
from hfctl.models.agreement import STEP_FIELDS

SUPERSEDED_GRACE_DAYS = 180


@check(reads=("agreements",))
def signature_steps(ctx: Context) -> Iterator[Problem]:
    """Ensure each record's steps are in order and none precedes the version's adoption."""
    for agreement in ctx.ds.agreements.values():
        for version in agreement.versions:
            for number, sig in version.signatures.items():
                given = [
                    (STEP_FIELDS[status], day) for status, day in sig.steps() if day is not None
                ]
                for name, day in given:
                    if day < version.adopted:
                        yield problem(
                            "HF371",
                            _(
                                "'{name}' {day} for {number} is before version {version} of "
                                "{agreement} was adopted ({adopted})"
                            ).format(
                                name=name,
                                day=day,
                                number=number,
                                version=version.version,
                                agreement=agreement.id,
                                adopted=version.adopted,
                            ),
                            sig.loc(name),
                        )
                for (first, a), (second, b) in itertools.pairwise(given):
                    if b < a:
                        yield problem(
                            "HF370",
                            _("'{second}' {b} for {number} comes before '{first}' {a}").format(
                                second=second, b=b, number=number, first=first, a=a
                            ),
                            sig.loc(second),
                        )
                if given and given[0][0] != "sent":
                    yield problem(
                        "HF370",
                        _("{number} has '{given}' but no 'sent' date").format(
                            number=number, given=given[0][0]
                        ),
                        sig.loc(given[0][0]),
                    )
                if sig.signed and sig.declined:
                    yield problem(
                        "HF370",
                        _("{number} both signed and declined").format(number=number),
                        sig.loc("declined"),
                    )
                if sig.signed_by and not sig.signed:
                    yield problem(
                        "HF370",
                        _("{number} has 'signed_by' but no 'signed' date").format(number=number),
                        sig.loc("signed_by"),
                    )


@check(reads=("agreements", "parties"))
def every_municipality_has_a_record(ctx: Context) -> Iterator[Problem]:
    """Ensure each region municipality has a record for the current overarching agreement."""
    municipalities = region(ctx.ds, ctx.today)
    for agreement in ctx.ds.agreements.values():
        if agreement.kind != "overarching":
            continue
        version = agreement.version_on(ctx.today)
        if version is None:
            continue
        for party in municipalities:
            if signature_of(version, party)[1] is None:
                yield problem(
                    "HF372",
                    _(
                        "{party} ({number}) has no record for version {version} of {agreement}"
                    ).format(
                        party=party.name,
                        number=party.number_on(ctx.today),
                        version=version.version,
                        agreement=agreement.id,
                    ),
                    version.loc("signatures"),
                )


@check(reads=("agreements", "community"))
def statute_items_covered(ctx: Context) -> Iterator[Problem]:
    """Ensure every item of § 6-2 required today has a service agreement, and no unknown item."""
    community = ctx.ds.community
    if community is None:
        return
    known = {item.item for item in community.statute.items}
    covered: set[int] = set()
    for agreement in ctx.ds.agreements.values():
        for index, item in enumerate(agreement.covers):
            covered.add(item)
            if item not in known:
                yield problem(
                    "HF376",
                    _("{agreement} covers item {item}, which {reference} does not have").format(
                        agreement=agreement.id, item=item, reference=community.statute.reference
                    ),
                    agreement.loc("covers", index),
                )
    for entry in community.statute.items:
        if entry.required_from <= ctx.today and entry.item not in covered:
            yield problem(
                "HF373",
                _("item {item} of {reference} ({title}) has no tenesteavtale").format(
                    item=entry.item,
                    reference=community.statute.reference,
                    title=entry.title.get("nn"),
                ),
                entry.loc("item"),
            )


@check(reads=("agreements", "parties"))
def revisions_and_superseded_signatures(ctx: Context) -> Iterator[Problem]:
    """Warn on agreements past revision, and on signatures left on a superseded version."""
    municipalities = region(ctx.ds, ctx.today)
    for agreement in ctx.ds.agreements.values():
        if agreement.revision_due and agreement.revision_due < ctx.today:
            yield problem(
                "HF374",
                _("{agreement} was due for revision on {revision_due}").format(
                    agreement=agreement.id, revision_due=agreement.revision_due
                ),
                agreement.loc("revision_due"),
            )
        current = agreement.version_on(ctx.today)
        if current is None:
            continue
        if ctx.today - current.adopted <= dt.timedelta(days=SUPERSEDED_GRACE_DAYS):
            continue
        older = [v for v in agreement.versions if v.adopted < current.adopted]
        for party in municipalities:
            number, sig = signature_of(current, party)
            if sig is not None and sig.signed:
                continue
            if any(
                old is not None and old.signed for _, old in (signature_of(v, party) for v in older)
            ):
                where = current.loc("signatures", number) if number else current.loc("signatures")
                yield problem(
                    "HF375",
                    _(
                        "{party} has signed only an older version of {agreement}, not "
                        "{current} (adopted {adopted})"
                    ).format(
                        party=party.name,
                        agreement=agreement.id,
                        current=current.version,
                        adopted=current.adopted,
                    ),
                    where,
                )
