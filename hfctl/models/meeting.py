"""Meetings of the bodies: time, place, kind and the numbered cases on the agenda."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from hfctl.models.base import Bool, Date, Id, Int, Model, Str, Time

MeetingKind = Literal["ordinary", "extraordinary"]
MeetingStatus = Literal["planned", "held", "cancelled"]
CaseType = Literal["decision", "orientation", "other"]
ActionStatus = Literal["open", "done", "dropped"]


def case_label(number: int, year: int) -> str:
    """A case number the Norwegian way: ``Sak 07/25`` is the seventh case of 2025."""
    return f"Sak {number:02d}/{year % 100:02d}"


class Action(Model):
    """A follow-up a decision asks for: what, who is responsible, by when, and its state."""

    id: Id
    what: Str
    responsible: Id
    """A forum, a party or a person."""
    due: Date
    status: ActionStatus = "open"
    closed: Date | None = None
    agreement: Id | None = None
    """The agreement the action is about, if any."""
    forum: Id | None = None
    """The body the action is about, if any."""


class Deputy(Model):
    """A deputy who met instead of a member."""

    person: Id
    for_: Id = Field(alias="for")


class Attendance(Model):
    """Who attended, who sent apologies (forfall) and which deputies met instead."""

    present: list[Id] = []
    apologies: list[Id] = []
    deputies: list[Deputy] = []


class Case(Model):
    """A case (sak) on the agenda; ``number`` is given when the agenda is issued."""

    number: Int | None = Field(default=None, ge=1, le=999)
    title: Str
    type: CaseType = "decision"
    prepared_in: Id | None = None
    """The Helseleiarnettverket meeting where a case for SSU was prepared."""
    needs_preparation: Bool = False
    """A case for SSU that Helseleiarnettverket is to prepare first."""
    withdrawn: Bool = False
    """Taken off an issued agenda; it keeps its number."""
    reference: Str | None = None
    """The archive case number of the trust or a municipality, e.g. 2025/805-23."""
    refers_to: Id | None = None
    """For the approval of minutes: the meeting whose minutes are approved."""
    presenter: Id | None = None
    decision: Str | None = None
    """The decision (vedtak) as recorded in the minutes."""
    conflicts: list[Id] = []
    """People who declared a conflict of interest (habilitet) and left the case."""
    actions: list[Action] = []


class Meeting(Model):
    """``data/meetings/<year>/<date>-<forum>.md``: the front matter of a meeting file."""

    forum: Id
    date: Date
    start: Time
    end: Time | None = None
    location: Str
    kind: MeetingKind = "ordinary"
    status: MeetingStatus = "planned"
    secretary: Id | None = None
    agenda_issued: Date | None = None
    invitation_sent: Date | None = None
    sequence: Int = Field(default=0, ge=0)
    """Raised each time the time or place changes, so calendars update the event."""
    uid: Str | None = None
    """The calendar id, kept when a meeting moves to another date (and file name)."""
    invitees: list[Id] = []
    """People invited besides those the forum's rules invite."""
    attendance: Attendance | None = None
    cases: list[Case] = []

    @property
    def id(self) -> str:
        """The meeting's id: its file name without extension, ``<date>-<forum>``."""
        return f"{self.date.isoformat()}-{self.forum}"
