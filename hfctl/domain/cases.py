"""The cases on a meeting's agenda: adding, editing, removing, reordering, withdrawing and
forwarding them (from Helseleiarnettverket to SSU)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hfctl.core.errors import RefusedError, UsageError
from hfctl.domain.followup import find_meeting
from hfctl.domain.issuing import numbers_in
from hfctl.models.meeting import case_label
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

CASE_TYPES = ("decision", "orientation")


def plan_case_add(
    ds: Dataset,
    meeting_query: str,
    title: str,
    case_type: str,
    prepared_in: str | None,
    today: dt.date,
) -> Plan:
    """Add a case before 'Eventuelt'; on an issued agenda it takes the next free number."""
    meeting = find_meeting(ds, meeting_query)
    if case_type not in CASE_TYPES:
        raise UsageError(f"--type '{case_type}' is not decision or orientation")
    if not title.strip():
        raise UsageError("--title is empty")
    if meeting.status != "planned":
        raise RefusedError(f"{meeting.id} is {meeting.status}; cases are added before a meeting")
    if prepared_in is not None:
        find_meeting(ds, prepared_in)
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    values: dict[str, Any] = {"title": title.strip(), "type": case_type, "prepared_in": prepared_in}
    number = None
    if meeting.agenda_issued is not None:
        number = max(numbers_in(ds, meeting.forum, meeting.date.year), default=0) + 1
        values = {"number": number, **values}
    position = len(meeting.cases)
    if meeting.cases and meeting.cases[-1].type == "other":
        position -= 1
    doc.data["cases"].insert(position, yamledit.mapping(values))
    changes.set(meeting.file, doc.render())
    label = f" as {case_label(number, meeting.date.year)}" if number else ""
    return Plan(changes, f"{meeting.id}: case added{label}: {title.strip()}")
