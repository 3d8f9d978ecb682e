"""Ensure dates are in order: periods start before they end, meetings end after they start."""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.registry import Context, check, walk
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.base import Period
from hfctl.models.forum import SecretariatTerm

TOPS = (
    "community",
    "counties",
    "parties",
    "people",
    "forums",
    "roles",
    "agreements",
    "calendars",
    "meetings",
    "information",
)
"""The kinds of data whose models hold periods (the same as ``Context.models``)."""


def _periods_in(ctx: Context, kind: str) -> Iterator[Problem]:
    found = getattr(ctx.ds, kind)
    tops = found.values() if isinstance(found, dict) else [] if found is None else [found]
    for top in tops:
        for model in walk(top):
            if (
                isinstance(model, Period | SecretariatTerm)
                and model.to is not None
                and model.to < model.from_
            ):
                yield problem(
                    "HF320",
                    _("period ends ({to}) before it starts ({start})").format(
                        to=model.to, start=model.from_
                    ),
                    model.loc("to"),
                )


def _periods_check(kind: str) -> None:
    def periods_in_order(ctx: Context) -> Iterator[Problem]:
        """Ensure every from/to period (terms, memberships, numbers) has from ≤ to."""
        return _periods_in(ctx, kind)

    # one check a kind, so that a changed file re-runs the one of its own kind alone
    periods_in_order.__qualname__ = f"periods_in_order.{kind}"
    check(periods_in_order, reads=(kind,))


for _kind in TOPS:
    _periods_check(_kind)


@check(reads=("meetings",))
def meeting_times_in_order(ctx: Context) -> Iterator[Problem]:
    """Ensure a meeting's end time is after its start time."""
    for meeting in ctx.ds.meetings.values():
        if meeting.end is not None and meeting.end <= meeting.start:
            yield problem(
                "HF321",
                _(
                    "meeting '{meeting}' ends at {end:%H:%M}, not after it starts at {start:%H:%M}"
                ).format(meeting=meeting.id, end=meeting.end, start=meeting.start),
                meeting.loc("end"),
            )
