"""Decisions, attendance and follow-up actions: from meeting to protocol to done."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from hfctl.core.errors import NotFoundError, RefusedError, UsageError
from hfctl.core.i18n import _

# find_meeting stays importable from here (it was defined here before domain.lookup)
from hfctl.domain.lookup import find_meeting as find_meeting
from hfctl.domain.lookup import find_person
from hfctl.models.meeting import Action, Case, Meeting, case_label
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

DECISION_GRACE_DAYS = 14


@dataclass(frozen=True)
class ActionRow:
    """An action with the meeting and case that decided it."""

    action: Action
    meeting: Meeting
    case: Case
    case_index: int
    action_index: int

    @property
    def case_ref(self) -> str:
        """``Sak 07/26`` or the case title when it has no number."""
        if self.case.number is None:
            return self.case.title
        return case_label(self.case.number, self.meeting.date.year)

    def overdue(self, today: dt.date) -> bool:
        """Open and past its due date."""
        return self.action.status == "open" and self.action.due < today

    def to_json(self, today: dt.date) -> dict[str, Any]:
        """The JSON shape of `hfctl actions --format json`."""
        a = self.action
        return {
            "id": a.id,
            "what": a.what,
            "responsible": a.responsible,
            "due": a.due.isoformat(),
            "status": a.status,
            "closed": a.closed.isoformat() if a.closed else None,
            "overdue": self.overdue(today),
            "forum": self.meeting.forum,
            "meeting": self.meeting.id,
            "case": self.case_ref,
            "agreement": a.agreement,
            "about_forum": a.forum,
        }


def actions(ds: Dataset) -> list[ActionRow]:
    """Every action in the data, by due date."""
    out: list[ActionRow] = []
    for meeting in ds.meetings.values():
        for ci, case in enumerate(meeting.cases):
            for ai, action in enumerate(case.actions):
                out.append(ActionRow(action, meeting, case, ci, ai))
    return sorted(out, key=lambda r: (r.action.due, r.action.id))


def select(
    rows: list[ActionRow],
    today: dt.date,
    forum: str | None = None,
    responsible: str | None = None,
    overdue_only: bool = False,
) -> list[ActionRow]:
    """Filter actions by deciding forum, responsible and overdue state."""
    return [
        r
        for r in rows
        if (forum is None or r.meeting.forum == forum)
        and (responsible is None or r.action.responsible == responsible)
        and (not overdue_only or r.overdue(today))
    ]


def open_actions_about(ds: Dataset, agreement: str) -> list[ActionRow]:
    """Open actions that point at an agreement (shown with its status)."""
    return [r for r in actions(ds) if r.action.agreement == agreement and r.action.status == "open"]


def overdue_for_forum(ds: Dataset, forum: str, today: dt.date) -> list[ActionRow]:
    """Overdue actions decided by ``forum``: the standing item on its next agenda."""
    return [r for r in actions(ds) if r.meeting.forum == forum and r.overdue(today)]


# -- finding things named on the command line --


_CASE = re.compile(r"^(?:sak\s*)?0*(\d{1,3})(?:/(\d{2}))?$", re.IGNORECASE)


def find_case(meeting: Meeting, query: str) -> int:
    """The index of a case by number (``7``, ``07/26``, ``Sak 07/26``)."""
    match = _CASE.match(query.strip())
    if not match:
        raise UsageError(f"'{query}' is not a case number such as 7 or 07/26")
    number = int(match.group(1))
    year = match.group(2)
    if year is not None and int(year) != meeting.date.year % 100:
        raise NotFoundError(f"case {query} is not from {meeting.date.year}")
    for index, case in enumerate(meeting.cases):
        if case.number == number:
            return index
    numbers = ", ".join(str(c.number) for c in meeting.cases if c.number) or "none"
    raise NotFoundError(f"{meeting.id} has no case {number} (numbers: {numbers})")


# -- planned changes --


def _open(ds: Dataset, meeting: Meeting) -> tuple[Changeset, yamledit.EditableDocument]:
    changes = Changeset(ds.root)
    rel = meeting.file
    return changes, changes.edit(rel)


def plan_decide(
    ds: Dataset,
    meeting_query: str,
    case_query: str,
    text: str,
    today: dt.date,
    replace: bool = False,
    conflicts: list[str] | None = None,
    kind: str | None = None,
    votes: str | None = None,
    dissent: list[str] | None = None,
) -> Plan:
    """Record the decision (vedtak) of a case of a held meeting: how it was made (consensus, a
    vote with its count "for-against-blank", or noted) and who asked for their dissent to be
    entered in the minutes (protokolltilførsel)."""
    from hfctl.domain.attendance import held_warnings, mark_held

    meeting = find_meeting(ds, meeting_query)
    index = find_case(meeting, case_query)
    case = meeting.cases[index]
    if case.decision and not replace:
        raise RefusedError(
            f"{case_label(case.number or 0, meeting.date.year)} already has a decision; "
            "pass --replace to change it"
        )
    if not text.strip():
        raise UsageError("--text: the decision is empty")
    how = _how(kind, votes)
    dissenters = _people(ds, dissent or [])
    _refuse_absent(ds, meeting, dissenters)
    changes, doc = _open(ds, meeting)
    held = mark_held(meeting, doc, today, "a decision")
    node = doc.data["cases"][index]
    node["decision"] = yamledit.scalar(text.strip())
    for key in ("decision_kind", "votes", "dissent"):
        node.pop(key, None)
    added: list[tuple[str, Any]] = []
    if how is not None:
        added.append(("decision_kind", how[0]))
        if how[1] is not None:
            added.append(("votes", yamledit.mapping(how[1], flow=True)))
    if dissenters:
        added.append(("dissent", yamledit.sequence(dissenters, flow=True)))
    at = list(node).index("decision") + 1
    for offset, (key, value) in enumerate(added):
        node.insert(at + offset, key, value)
    if conflicts:
        node["conflicts"] = yamledit.sequence(_people(ds, conflicts), flow=True)
    changes.set(meeting.file, doc.render())
    label = case_label(case.number or 0, meeting.date.year)
    message = f"{meeting.forum} {meeting.date}: decision in {label} {case.title}"
    if case.refers_to:
        message += f"; the minutes of {case.refers_to} are approved"
    return Plan(changes, message + ("; meeting held" if held else ""), held_warnings(meeting, held))


def minutes_approval(ds: Dataset, meeting: Meeting) -> tuple[Meeting, Case] | None:
    """Where the minutes of ``meeting`` were approved: the decided approval case (one that
    refers to it) of a later meeting of the same forum. The one query minutes and checks use."""
    for other in sorted(ds.meetings.values(), key=lambda m: m.date):
        if other.forum != meeting.forum or other.date <= meeting.date:
            continue
        for case in other.cases:
            if case.refers_to == meeting.id and case.decision:
                return other, case
    return None


def _action_prefix(ds: Dataset, forum_id: str) -> str:
    for row in actions(ds):
        if row.meeting.forum == forum_id and re.fullmatch(r".+-\d{4}-\d+", row.action.id):
            return row.action.id.rsplit("-", 2)[0]
    forum = ds.forums.get(forum_id)
    short = forum.short if forum is not None and forum.short else forum_id
    return re.sub(r"[^a-z0-9]+", "-", short.lower()).strip("-")


def plan_action_add(
    ds: Dataset,
    meeting_query: str,
    case_query: str,
    what: str,
    responsible: str,
    due: dt.date,
    today: dt.date,
    agreement: str | None = None,
    forum: str | None = None,
) -> Plan:
    """A follow-up action on a decided case: what, who is responsible, by when (an id of the
    forum's kind, e.g. ``ssu-2026-05``)."""
    from hfctl.domain.attendance import held_warnings, mark_held

    meeting = find_meeting(ds, meeting_query)
    index = find_case(meeting, case_query)
    if not what.strip():
        raise UsageError("--what is empty")
    if (
        responsible not in ds.forums
        and responsible not in ds.parties
        and responsible not in (ds.people)
    ):
        raise NotFoundError(f"--responsible '{responsible}' is no forum, party or person")
    if due <= meeting.date:
        raise RefusedError(f"--due {due} is not after the meeting ({meeting.date})")
    if agreement is not None and agreement not in ds.agreements:
        raise NotFoundError(f"--agreement: no agreement '{agreement}'")
    if forum is not None and forum not in ds.forums:
        raise NotFoundError(f"--forum: no forum '{forum}'")
    prefix = _action_prefix(ds, meeting.forum)
    year = meeting.date.year
    taken = [
        int(r.action.id.rsplit("-", 1)[1])
        for r in actions(ds)
        if r.action.id.startswith(f"{prefix}-{year}-") and r.action.id.rsplit("-", 1)[1].isdigit()
    ]
    action_id = f"{prefix}-{year}-{max(taken, default=0) + 1:02d}"
    changes, doc = _open(ds, meeting)
    held = mark_held(meeting, doc, today, "an action")
    node = doc.data["cases"][index]
    values = {
        "id": action_id,
        "what": what.strip(),
        "responsible": responsible,
        "due": due,
        "status": "open",
        "agreement": agreement,
        "forum": forum,
    }
    if "actions" not in node or node["actions"] is None:
        node["actions"] = yamledit.sequence([])
    node["actions"].append(yamledit.mapping(values))
    changes.set(meeting.file, doc.render())
    label = case_label(meeting.cases[index].number or 0, year)
    message = f"Action {action_id} added to {meeting.forum} {label}: {what.strip()}"
    return Plan(changes, message + ("; meeting held" if held else ""), held_warnings(meeting, held))


KINDS = ("consensus", "vote", "noted")


def _how(kind: str | None, votes: str | None) -> tuple[str, dict[str, int] | None] | None:
    """How a decision was made, with the count of a vote (``7-2-1``: for, against, blank)."""
    if kind is not None and kind not in KINDS:
        raise UsageError(
            _("'{kind}' is not one of {kinds}").format(kind=kind, kinds=", ".join(KINDS))
        )
    if votes is None:
        if kind == "vote":
            raise UsageError(_("a vote gives its count: for-against-blank, e.g. 7-2-1"))
        return (kind, None) if kind else None
    if kind not in (None, "vote"):
        raise UsageError(
            _("a count of votes is given only for a vote, not for {kind}").format(kind=kind)
        )
    match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*(?:-\s*(\d+)\s*)?", votes)
    if match is None:
        raise UsageError(
            _("the count '{votes}' is not for-against-blank, e.g. 7-2-1").format(votes=votes)
        )
    count = {"for": int(match[1]), "against": int(match[2]), "blank": int(match[3] or 0)}
    return "vote", count


def _refuse_absent(ds: Dataset, meeting: Meeting, people: list[str]) -> None:
    """Dissent is entered for those who took part: refused for anyone the attendance lacks."""
    attendance = meeting.attendance
    if attendance is None:
        return
    there = attendance.took_part()
    for person in people:
        if person not in there:
            name = ds.people[person].name if person in ds.people else person
            raise RefusedError(
                _("{name} is not recorded as present at {meeting}").format(
                    name=name, meeting=meeting.id
                )
            )


def _people(ds: Dataset, names: list[str]) -> list[str]:
    """The ids of people named by id or full name."""
    return [find_person(ds, name).id for name in names]


def plan_close(
    ds: Dataset, action_id: str, day: dt.date, today: dt.date, status: str = "done"
) -> Plan:
    """Close an action as done (or dropped) on ``day``."""
    if status not in ("done", "dropped"):
        raise UsageError(f"status '{status}' is not done or dropped")
    found = [r for r in actions(ds) if r.action.id == action_id]
    if not found:
        known = ", ".join(r.action.id for r in actions(ds)[:8])
        raise NotFoundError(f"no action '{action_id}' (for example: {known})")
    row = found[0]
    if row.action.status != "open":
        raise RefusedError(f"action {action_id} is already {row.action.status}")
    if day > today:
        raise RefusedError(f"{day} is in the future (today is {today})")
    if day < row.meeting.date:
        raise RefusedError(f"{day} is before the action was decided ({row.meeting.date})")
    changes, doc = _open(ds, row.meeting)
    node = doc.data["cases"][row.case_index]["actions"][row.action_index]
    node["status"] = status
    node["closed"] = day
    changes.set(row.meeting.file, doc.render())
    return Plan(changes, f"Action {action_id} {status} on {day}: {row.action.what}")
