"""The cases on a meeting's agenda: adding, editing, removing, reordering, withdrawing and
forwarding them (from Helseleiarnettverket to SSU)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hfctl.core.errors import NotFoundError, RefusedError, UsageError
from hfctl.core.i18n import _
from hfctl.domain.followup import find_case
from hfctl.domain.issuing import numbers_in
from hfctl.domain.lookup import find_meeting
from hfctl.models.meeting import Meeting, case_label
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
    extra: dict[str, Any] | None = None,
) -> Plan:
    """Add a case before 'Eventuelt'; on an issued agenda it takes the next free number.
    ``extra``: more of its fields (reference, presenter, needs_preparation)."""
    meeting = find_meeting(ds, meeting_query)
    if case_type not in CASE_TYPES:
        raise UsageError(f"--type '{case_type}' is not decision or orientation")
    if not title.strip():
        raise UsageError("--title is empty")
    if meeting.status != "planned":
        raise RefusedError(f"{meeting.id} is {meeting.status}; cases are added before a meeting")
    if prepared_in is not None:
        prepared_in = find_meeting(ds, prepared_in).id
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    values: dict[str, Any] = {"title": title.strip(), "type": case_type, "prepared_in": prepared_in}
    values.update({k: v for k, v in (extra or {}).items() if v})
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
    same = [c for c in meeting.cases if c.title.casefold() == title.strip().casefold()]
    warnings = [f"{meeting.id} already has a case titled '{title.strip()}'"] if same else []
    return Plan(changes, f"{meeting.id}: case added{label}: {title.strip()}", warnings)


def locate_case(meeting: Meeting, query: str) -> int:
    """The index of a case: by number on an issued agenda (``7``, ``07/26``, ``Sak 07/26``);
    before it, by place on the agenda (``3``: the third case) or by its title."""
    if any(c.number is not None for c in meeting.cases):
        try:
            return find_case(meeting, query)
        except (NotFoundError, UsageError):
            if query.strip().isdigit():
                raise
    text = query.strip()
    if text.isdigit():
        place = int(text)
        if not 1 <= place <= len(meeting.cases):
            raise NotFoundError(f"{meeting.id} has {len(meeting.cases)} cases, not a case {place}")
        return place - 1
    matches = [i for i, c in enumerate(meeting.cases) if c.title.casefold() == text.casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(
            f"{len(matches)} cases of {meeting.id} are titled '{text}'; give its place"
        )
    titles = "; ".join(f"{i + 1}. {c.title}" for i, c in enumerate(meeting.cases))
    raise NotFoundError(f"{meeting.id} has no case '{text}' (the cases: {titles})")


def _before_issue(meeting: Meeting, what: str) -> None:
    if meeting.status != "planned":
        raise RefusedError(f"{meeting.id} is {meeting.status}; {what} only before the meeting")
    if meeting.agenda_issued is not None:
        raise RefusedError(
            f"the agenda of {meeting.id} was issued on {meeting.agenda_issued}; a case on it "
            "keeps its number and place: withdraw it instead (hfctl meeting case withdraw)"
        )


def _name(meeting: Meeting, index: int) -> str:
    case = meeting.cases[index]
    label = case_label(case.number, meeting.date.year) + " " if case.number else ""
    return f"{label}{case.title}"


def plan_case_edit(
    ds: Dataset,
    meeting_query: str,
    case_query: str,
    *,
    title: str | None = None,
    case_type: str | None = None,
    presenter: str | None = None,
    reference: str | None = None,
    correction: str | None = None,
    today: dt.date | None = None,
) -> Plan:
    """Change a case's title or type (before the agenda is issued), presenter or archive
    reference (until the meeting). An issued case's title is corrected with the reason: it
    keeps its number, and the old title and the reason are recorded."""
    meeting = find_meeting(ds, meeting_query)
    index = locate_case(meeting, case_query)
    if title is None and case_type is None and presenter is None and reference is None:
        raise UsageError("nothing to change: give --title, --type, --presenter or --reference")
    if correction is not None:
        return _correct_title(ds, meeting, index, title, correction, today, case_type)
    if title is not None or case_type is not None:
        _before_issue(meeting, "a case's title and type change")
    elif meeting.status != "planned":
        raise RefusedError(f"{meeting.id} is {meeting.status}; cases change before the meeting")
    if case_type is not None and case_type not in CASE_TYPES:
        raise UsageError(f"--type '{case_type}' is not decision or orientation")
    if title is not None and not title.strip():
        raise UsageError("--title is empty")
    if presenter is not None and presenter not in ds.people:
        raise NotFoundError(f"--presenter: no person '{presenter}'")
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    node = doc.data["cases"][index]
    for key, value in (
        ("title", title.strip() if title else None),
        ("type", case_type),
        ("presenter", presenter),
        ("reference", reference.strip() if reference else None),
    ):
        if value is not None:
            node[key] = yamledit.scalar(value)
    changes.set(meeting.file, doc.render())
    return Plan(changes, f"{meeting.id}: case edited: {_name(meeting, index)}")


def _correct_title(
    ds: Dataset,
    meeting: Meeting,
    index: int,
    title: str | None,
    reason: str,
    today: dt.date | None,
    case_type: str | None,
) -> Plan:
    case = meeting.cases[index]
    if title is None or not title.strip():
        raise UsageError(_("a correction is of the title: give the corrected title"))
    if not reason.strip():
        raise UsageError(_("a correction says why the title changes"))
    if case_type is not None:
        raise UsageError(_("a correction changes the title only"))
    if meeting.agenda_issued is None or case.number is None:
        raise UsageError(
            _("the agenda of {meeting} is not issued; its title is edited, not corrected").format(
                meeting=meeting.id
            )
        )
    new = title.strip()
    if new == case.title:
        raise RefusedError(_("the case is already titled '{title}'").format(title=new))
    day = today or dt.date.today()
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    node = doc.data["cases"][index]
    node["title"] = yamledit.scalar(new)
    entry = yamledit.mapping({"title": case.title, "reason": reason.strip(), "on": day})
    if "corrections" in node:
        node["corrections"].append(entry)
    else:
        node["corrections"] = yamledit.sequence([entry])
    changes.set(meeting.file, doc.render())
    label = case_label(case.number, meeting.date.year)
    return Plan(changes, f"{meeting.id}: title of {label} corrected: '{case.title}' -> '{new}'")


def plan_case_remove(ds: Dataset, meeting_query: str, case_query: str) -> Plan:
    """Take a case off an agenda not yet issued."""
    meeting = find_meeting(ds, meeting_query)
    _before_issue(meeting, "a case is removed")
    index = locate_case(meeting, case_query)
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    del doc.data["cases"][index]
    changes.set(meeting.file, doc.render())
    return Plan(changes, f"{meeting.id}: case removed: {_name(meeting, index)}")


def plan_case_move(ds: Dataset, meeting_query: str, case_query: str, before: str) -> Plan:
    """Put a case before another on an agenda not yet issued."""
    meeting = find_meeting(ds, meeting_query)
    _before_issue(meeting, "cases are reordered")
    index = locate_case(meeting, case_query)
    target = locate_case(meeting, before)
    if target in (index, index + 1):
        raise UsageError(f"{_name(meeting, index)} already stands before {_name(meeting, target)}")
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    seq = doc.data["cases"]
    node = seq[index]
    del seq[index]
    seq.insert(target if target < index else target - 1, node)
    changes.set(meeting.file, doc.render())
    message = f"{meeting.id}: case moved: {_name(meeting, index)} before {_name(meeting, target)}"
    return Plan(changes, message)


def plan_case_withdraw(ds: Dataset, meeting_query: str, case_query: str) -> Plan:
    """Withdraw a case from an issued agenda: it stays, with its number, marked withdrawn."""
    meeting = find_meeting(ds, meeting_query)
    if meeting.status != "planned":
        raise RefusedError(f"{meeting.id} is {meeting.status}; cases are withdrawn before it")
    if meeting.agenda_issued is None:
        raise RefusedError(
            f"the agenda of {meeting.id} is not issued yet: remove the case instead "
            "(hfctl meeting case remove)"
        )
    index = locate_case(meeting, case_query)
    if meeting.cases[index].withdrawn:
        raise RefusedError(f"{_name(meeting, index)} is already withdrawn")
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    doc.data["cases"][index]["withdrawn"] = True
    changes.set(meeting.file, doc.render())
    return Plan(changes, f"{meeting.id}: case withdrawn: {_name(meeting, index)}")


def plan_case_forward(
    ds: Dataset, meeting_query: str, case_query: str, target_query: str, today: dt.date
) -> Plan:
    """Carry a case prepared in a Helseleiarnettverket meeting to an SSU meeting, with
    ``prepared_in`` set (the sources: the network prepares the cases that go to SSU)."""
    source = find_meeting(ds, meeting_query)
    target = find_meeting(ds, target_query)
    index = locate_case(source, case_query)
    case = source.cases[index]
    source_forum, target_forum = ds.forums.get(source.forum), ds.forums.get(target.forum)
    if source_forum is None or source_forum.kind != "leaders-network":
        raise RefusedError(f"{source.id} is no Helseleiarnettverket meeting; cases go from there")
    if target_forum is None or target_forum.kind != "strategic-committee":
        raise RefusedError(f"{target.id} is no SSU meeting; prepared cases go to SSU")
    if source.date >= target.date:
        raise RefusedError(f"{source.id} is not before {target.id}; a case is prepared first")
    if case.type == "other" or case.refers_to:
        raise RefusedError(f"{_name(source, index)} is part of {source.id}'s own agenda")
    for other in target.cases:
        if other.prepared_in == source.id and other.title.casefold() == case.title.casefold():
            raise RefusedError(f"{target.id} already has '{case.title}' from {source.id}")
    extra = {"reference": case.reference, "presenter": case.presenter}
    plan = plan_case_add(ds, target.id, case.title, case.type, source.id, today, extra)
    return Plan(plan.changes, f"{target.id}: case forwarded from {source.id}: {case.title}")
