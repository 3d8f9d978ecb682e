"""Whether a meeting's minutes (protokoll) are approved, and where: the first held meeting of
the same forum after it with a case that refers to it (``refers_to``) and has a decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from hfctl.models.meeting import Meeting, case_label


@dataclass(frozen=True)
class Approval:
    """Where the minutes of a meeting were approved: the meeting, its case and day."""

    meeting: str
    case: str
    """The case's label, ``Sak 12/26``."""
    day: dt.date
    decision: str


def approval(meetings: Mapping[str, Meeting], meeting: Meeting) -> Approval | None:
    """The approval of ``meeting``'s minutes among ``meetings``, if one is recorded."""
    later = sorted(
        (
            m
            for m in meetings.values()
            if m.forum == meeting.forum and m.status == "held" and m.date > meeting.date
        ),
        key=lambda m: (m.date, m.start),
    )
    for other in later:
        for case in other.cases:
            if case.refers_to == meeting.id and case.decision:
                label = case_label(case.number, other.date.year) if case.number else case.title
                return Approval(other.id, label, other.date, case.decision)
    return None
