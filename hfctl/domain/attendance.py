"""Attendance of a meeting, name by name: who was present, who sent apologies (forfall) and
which deputy met for which member. Names are added and removed, never replaced wholesale, and
a contradiction (present and replaced by a deputy, or a name twice) is refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hfctl.core.errors import RefusedError, UsageError
from hfctl.core.i18n import _
from hfctl.domain.lookup import find_person
from hfctl.models.meeting import Attendance, Meeting
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset
from hfctl.store.yamledit import EditableDocument


def mark_held(meeting: Meeting, doc: EditableDocument, today: dt.date, what: str) -> bool:
    """Refuse ``what`` before the meeting's day or on a cancelled meeting; on a planned meeting
    whose day has come, set ``status: held`` in ``doc``. True if it did."""
    if meeting.status == "cancelled":
        raise RefusedError(
            _("{meeting} was cancelled; {what} cannot be recorded").format(
                meeting=meeting.id, what=what
            )
        )
    if meeting.date > today:
        raise RefusedError(
            _(
                "{meeting} is on {date}, after today ({today}); {what} is recorded "
                "once the meeting has been held"
            ).format(meeting=meeting.id, date=meeting.date, today=today, what=what)
        )
    if meeting.status == "held":
        return False
    doc.data["status"] = "held"
    return True


def held_warnings(meeting: Meeting, held: bool) -> list[str]:
    """What to know when a meeting is marked held: no invitation to it is recorded."""
    if held and meeting.invitation_sent is None:
        return [
            _(
                "no invitation to {meeting} is recorded; if it went, record it "
                "(hfctl invite {meeting} --mark-sent --date D)"
            ).format(meeting=meeting.id)
        ]
    return []


def contradictions(attendance: Attendance) -> list[tuple[str, str, int]]:
    """What an attendance record says twice or both ways: (message, field, index)."""
    out: list[tuple[str, str, int]] = []
    seen: dict[str, str] = {}
    replaced = {d.for_: d.person for d in attendance.deputies}
    for name in ("present", "apologies"):
        for index, person in enumerate(getattr(attendance, name)):
            if person in seen:
                out.append(
                    (
                        _("'{person}' is recorded twice ({seen} and {name})").format(
                            person=person, seen=seen[person], name=name
                        ),
                        name,
                        index,
                    )
                )
            seen.setdefault(person, name)
            if name == "present" and person in replaced:
                out.append(
                    (
                        _(
                            "'{person}' is recorded present and as replaced by the deputy "
                            "'{replaced}'"
                        ).format(person=person, replaced=replaced[person]),
                        name,
                        index,
                    )
                )
    members_replaced: set[str] = set()
    for index, deputy in enumerate(attendance.deputies):
        if deputy.person in seen:
            out.append(
                (
                    _("deputy '{person}' is also recorded as {seen}").format(
                        person=deputy.person, seen=seen[deputy.person]
                    ),
                    "deputies",
                    index,
                )
            )
        if deputy.for_ in members_replaced:
            out.append(
                (
                    _("'{for_}' is replaced by two deputies").format(for_=deputy.for_),
                    "deputies",
                    index,
                )
            )
        members_replaced.add(deputy.for_)
        seen.setdefault(deputy.person, "deputy")
    return out


@dataclass
class _Lists:
    present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    deputies: list[tuple[str, str]] = field(default_factory=list)

    def where(self, person: str) -> str | None:
        if person in self.present:
            return "present"
        if person in self.apologies:
            return "with apologies"
        for who, member in self.deputies:
            if who == person:
                return f"deputy for {member}"
        return None

    def replaced_by(self, member: str) -> str | None:
        return next((who for who, m in self.deputies if m == member), None)


def plan_attend(
    ds: Dataset,
    meeting: Meeting,
    today: dt.date,
    present: list[str],
    apologies: list[str],
    deputies: list[tuple[str, str]],
    remove: list[str],
) -> Plan:
    """Add names to (and remove names from) a meeting's attendance; the meeting is marked held
    when its day has come."""
    if not (present or apologies or deputies or remove):
        raise UsageError(
            _(
                "name who attended (--present), sent apologies (--apologies), met as "
                "deputy (--deputy P --for M) or is to be taken off (--remove)"
            )
        )
    # people are named by id or by name (domain.lookup); the record holds their ids
    present, apologies, remove = _ids(ds, present), _ids(ds, apologies), _ids(ds, remove)
    deputies = [(find_person(ds, who).id, find_person(ds, member).id) for who, member in deputies]
    old = meeting.attendance or Attendance()
    lists = _Lists(
        list(old.present), list(old.apologies), [(d.person, d.for_) for d in old.deputies]
    )
    for person in remove:
        if lists.where(person) is None:
            raise RefusedError(
                _("'{person}' is not in the attendance of {meeting}").format(
                    person=person, meeting=meeting.id
                )
            )
        lists.present = [p for p in lists.present if p != person]
        lists.apologies = [p for p in lists.apologies if p != person]
        lists.deputies = [d for d in lists.deputies if d[0] != person]
    for person in present:
        _refuse_if_listed(lists, person)
        deputy = lists.replaced_by(person)
        if deputy is not None:
            raise RefusedError(
                _(
                    "'{person}' is recorded as replaced by the deputy '{deputy}'; take "
                    "the deputy off first (--remove {deputy})"
                ).format(person=person, deputy=deputy)
            )
        lists.present.append(person)
    for person in apologies:
        _refuse_if_listed(lists, person)
        lists.apologies.append(person)
    for who, member in deputies:
        if who == member:
            raise UsageError(
                _("--deputy {who} --for {member}: a member is not their own deputy").format(
                    who=who, member=member
                )
            )
        _refuse_if_listed(lists, who)
        if member in lists.present:
            raise RefusedError(
                _("'{member}' is recorded present; a deputy cannot meet for them").format(
                    member=member
                )
            )
        other = lists.replaced_by(member)
        if other is not None:
            raise RefusedError(
                _("'{member}' is already replaced by the deputy '{other}'").format(
                    member=member, other=other
                )
            )
        lists.deputies.append((who, member))
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    held = mark_held(meeting, doc, today, "attendance")
    _write(doc, lists)
    changes.set(meeting.file, doc.render())
    said = [f"{len(present)} present"] if present else []
    said += [f"{len(apologies)} with apologies"] if apologies else []
    said += [f"{len(deputies)} deputies"] if deputies else []
    said += [f"{len(remove)} removed"] if remove else []
    message = f"{meeting.forum} {meeting.date}: attendance ({', '.join(said)})"
    return Plan(changes, message + ("; meeting held" if held else ""), held_warnings(meeting, held))


def _refuse_if_listed(lists: _Lists, person: str) -> None:
    where = lists.where(person)
    if where is not None:
        raise RefusedError(
            _(
                "'{person}' is already recorded {where}; take them off first (--remove {person})"
            ).format(person=person, where=where)
        )


def _write(doc: EditableDocument, lists: _Lists) -> None:
    """Bring the document's attendance in line with ``lists``, keeping the entries (and their
    comments) that stay, appending new ones at the end of their list."""
    data = doc.data
    if "attendance" not in data or data["attendance"] is None:
        anchor = list(data).index("cases") if "cases" in data else len(data)
        data.insert(anchor, "attendance", yamledit.mapping({}))
    node = data["attendance"]
    for name in ("present", "apologies"):
        wanted: list[str] = getattr(lists, name)
        _sync(node, name, wanted, str, yamledit.scalar)
    _sync(
        node,
        "deputies",
        [f"{who}\0{member}" for who, member in lists.deputies],
        lambda item: f"{item['person']}\0{item['for']}",
        lambda key: yamledit.mapping(
            {"person": key.split("\0")[0], "for": key.split("\0")[1]}, flow=True
        ),
    )


def _sync(
    node: Any,
    name: str,
    wanted: list[str],
    key_of: Callable[[Any], str],
    make: Callable[[str], Any],
) -> None:
    current = node.get(name)
    if not wanted:
        if name in node:
            del node[name]
        return
    if current is None:
        node[name] = yamledit.sequence([])
        current = node[name]
    for index in reversed(range(len(current))):
        if key_of(current[index]) not in wanted:
            del current[index]
    have = [key_of(item) for item in current]
    for key in wanted:
        if key not in have:
            current.append(make(key))


def _ids(ds: Dataset, names: list[str]) -> list[str]:
    """The ids of the people named, each by id or by full name."""
    return [find_person(ds, name).id for name in names]
