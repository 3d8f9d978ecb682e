"""The coordinator's dashboard: what is coming up, what is late, what needs attention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hfctl.core.errors import HfctlError
from hfctl.core.problems import Problem
from hfctl.domain.agreements import Signing, signing
from hfctl.domain.followup import actions, select
from hfctl.domain.information import rows as information_rows
from hfctl.domain.lookup import name_of
from hfctl.domain.meetings import notice_deadline
from hfctl.domain.membership import expiring, renew_command
from hfctl.domain.secretariat import holding, rotating_forums
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset

UPCOMING_DAYS = 120


@dataclass(frozen=True)
class UpcomingMeeting:
    """The next meeting of a forum and the state of its papers."""

    meeting: str
    forum: str
    forum_name: str
    date: dt.date
    start: str
    location: str
    agenda: str
    """draft, issued or invitation sent."""
    notice_deadline: dt.date
    late: bool


@dataclass(frozen=True)
class ExpiringTerm:
    """A member whose term ends soon."""

    forum: str
    person: str
    name: str
    role: str
    to: dt.date
    days: int
    renew: str
    """The command that renews it."""


@dataclass(frozen=True)
class Unsent:
    """An information item that has not yet reached every party of its audience."""

    id: str
    title: str
    source: str
    received: dt.date
    days: int
    """Days since it was received."""
    sent: int
    audience: int
    missing: list[str]
    """The names of the parties it has not reached."""

    @property
    def partly(self) -> bool:
        """Sent to some parties and not to the others (the same-time rule is broken)."""
        return 0 < self.sent < self.audience


@dataclass
class Dashboard:
    """Everything `hfctl status` shows, as data."""

    today: dt.date
    community: str
    secretariat: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[UpcomingMeeting] = field(default_factory=list)
    signing: list[Signing] = field(default_factory=list)
    expiring: list[ExpiringTerm] = field(default_factory=list)
    overdue: list[dict[str, Any]] = field(default_factory=list)
    information: list[Unsent] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    next_steps: list[Problem] = field(default_factory=list)
    """What a new repository has still to be given: the validation's next-step warnings."""

    def to_json(self) -> dict[str, Any]:
        """The dashboard as JSON-ready data (dates as YYYY-MM-DD)."""

        def plain(value: Any) -> Any:
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if hasattr(value, "__dataclass_fields__"):
                fields = value.__dataclass_fields__
                return {k: plain(getattr(value, k)) for k in fields if fields[k].repr}
            return value

        return {
            "today": self.today.isoformat(),
            "community": self.community,
            "secretariat": plain(self.secretariat),
            "meetings": plain(self.meetings),
            "signing": plain(self.signing),
            "expiring_terms": plain(self.expiring),
            "overdue_actions": self.overdue,
            "information": plain(self.information),
            "validation": {"errors": self.errors, "warnings": self.warnings},
            "next_steps": [
                {"code": p.code, "message": p.message, "file": p.location.file}
                for p in self.next_steps
            ],
        }


def agenda_state(meeting: Meeting) -> str:
    """``draft`` until the agenda is issued, then ``issued``, then ``invitation sent``."""
    if meeting.invitation_sent:
        return "invitation sent"
    if meeting.agenda_issued:
        return "issued"
    return "draft"


def build(
    ds: Dataset,
    today: dt.date,
    errors: int,
    warnings: int,
    next_steps: Sequence[Problem] = (),
) -> Dashboard:
    """The dashboard for ``today`` from a loaded dataset, the counts of its validation and
    the validation's next-step warnings."""
    name = ds.community.name.get("nn") if ds.community else str(ds.root)
    board = Dashboard(today, name, errors=errors, warnings=warnings)
    board.next_steps = list(next_steps)
    for forum in rotating_forums(ds.forums):
        try:
            held = holding(ds, forum, today)
        except HfctlError:  # a gap in the terms is reported by validation, not here
            continue
        entry = held.to_json()
        entry["forum"] = forum.display_name()
        entry["days_to_handover"] = (held.next_from - today).days
        board.secretariat.append(entry)
    board.meetings = _upcoming(ds, today)
    board.signing = signing(ds, today)
    board.expiring = _expiring(ds, today)
    board.overdue = [
        {
            **r.to_json(today),
            "responsible_name": name_of(ds, r.action.responsible),
            "forum_name": name_of(ds, r.meeting.forum),
        }
        for r in select(actions(ds), today, overdue_only=True)
    ]
    board.information = _unsent(ds, today)
    return board


def _unsent(ds: Dataset, today: dt.date) -> list[Unsent]:
    """The items received by ``today`` that have not reached every party, oldest first (the
    figures of `hfctl inform list`)."""
    out: list[Unsent] = []
    for row in information_rows(ds):
        received = dt.date.fromisoformat(row["received"])
        if received > today or row["sent"] >= row["audience"]:
            continue
        out.append(
            Unsent(
                row["id"],
                row["title"],
                row["source"],
                received,
                (today - received).days,
                row["sent"],
                row["audience"],
                row["missing"],
            )
        )
    return out


def _upcoming(ds: Dataset, today: dt.date) -> list[UpcomingMeeting]:
    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    nearest: dict[str, Meeting] = {}
    for meeting in sorted(ds.meetings.values(), key=lambda m: (m.date, m.start)):
        if meeting.status == "cancelled" or not today <= meeting.date <= horizon:
            continue
        nearest.setdefault(meeting.forum, meeting)
    out: list[UpcomingMeeting] = []
    for meeting in sorted(nearest.values(), key=lambda m: (m.date, m.start)):
        forum = ds.forums.get(meeting.forum)
        deadline = notice_deadline(ds, meeting)
        state = agenda_state(meeting)
        out.append(
            UpcomingMeeting(
                meeting.id,
                meeting.forum,
                forum.display_name() if forum else meeting.forum,
                meeting.date,
                meeting.start.strftime("%H:%M"),
                meeting.location,
                state,
                deadline,
                state != "invitation sent" and today > deadline,
            )
        )
    return out


def _expiring(ds: Dataset, today: dt.date) -> list[ExpiringTerm]:
    out: list[ExpiringTerm] = []
    for forum, member in expiring(ds, today):
        assert member.to is not None
        person = ds.people.get(member.person)
        out.append(
            ExpiringTerm(
                forum.display_name(),
                member.person,
                person.name if person else member.person,
                member.role,
                member.to,
                (member.to - today).days,
                renew_command(forum, member),
            )
        )
    return out
