"""Meetings of the bodies: time, place, kind and the numbered cases on the agenda."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from hfctl.models.base import Bool, Date, Id, Int, Model, Str, Time

MeetingKind = Literal["ordinary", "extraordinary"]
MeetingStatus = Literal["planned", "held", "cancelled"]
CaseType = Literal["decision", "orientation", "other"]
ActionStatus = Literal["open", "done", "dropped"]
DecisionKind = Literal["consensus", "vote", "noted"]
"""How a case was decided: by consensus, by a vote (with its count), or noted (teke til
orientering)."""


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

    def took_part(self) -> set[str]:
        """Everyone who met: those present and the deputies who met instead."""
        return set(self.present) | {d.person for d in self.deputies}


# --- issue 21: case documents (attachments, exemption from public access) ---------------------


class Attachment(Model):
    """A vedlegg of a case: a file in the repository or an address, with its title."""

    title: Str
    file_: Str | None = Field(default=None, alias="file")
    """A path relative to the repository's root, e.g. ``data/attachments/2026/plan.pdf``."""
    url: Str | None = None
    """An address (https://...) instead of a file."""
    exempt: Id | None = None
    """Exempt from public access: the id of a legal basis in ``data/legal-bases.yaml``."""
    public_title: Str | None = None
    """The title shown in the public version of an exempt attachment."""


# --- end issue 21 -------------------------------------------------------------------------------


class Votes(Model):
    """The count of a vote: for, against, blank."""

    for_: Int = Field(alias="for", ge=0)
    against: Int = Field(ge=0)
    blank: Int = Field(default=0, ge=0)

    def said(self) -> str:
        """The count as the minutes give it: 7-2-1 (for, against, blank)."""
        return f"{self.for_}-{self.against}-{self.blank}"


class Correction(Model):
    """A correction of an issued case's title: the title it had, why it changed, and when.
    The case keeps its number."""

    title: Str
    """The title before the correction."""
    reason: Str
    on: Date


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
    decision_kind: DecisionKind | None = None
    """How it was decided: consensus, vote or noted."""
    votes: Votes | None = None
    """For a vote: the count."""
    dissent: list[Id] = []
    """Members who asked for their dissent to be entered in the minutes (protokolltilførsel)."""
    conflicts: list[Id] = []
    """People who declared a conflict of interest (habilitet) and left the case."""
    actions: list[Action] = []
    # --- issue 21: the saksframlegg's proposal, attachments and exemption ----------------------
    proposal: Str | None = None
    """The proposed decision (forslag til vedtak) in the saksframlegg, before the meeting."""
    attachments: list[Attachment] = []
    exempt: Id | None = None
    """The whole case is exempt from public access: the id of a legal basis."""
    public_title: Str | None = None
    """The title the public version shows of an exempt case (else only its number)."""
    paper_exempt: Id | None = None
    """Only the saksframlegg (its sections) is exempt: the id of a legal basis."""
    # --- end issue 21 ---------------------------------------------------------------------------
    corrections: list[Correction] = []
    """Corrections of the title after the agenda was issued, oldest first."""

    def titles(self) -> list[str]:
        """The case's title and every title it had before a correction."""
        return [self.title, *(c.title for c in self.corrections)]

    @model_validator(mode="after")
    def _decided(self) -> Case:
        if self.decision_kind == "vote" and self.votes is None:
            raise ValueError("a case decided by vote gives the count (votes: for, against, blank)")
        if self.votes is not None and self.decision_kind != "vote":
            raise ValueError("votes are given only for a case decided by vote")
        if len(set(self.dissent)) != len(self.dissent):
            raise ValueError("dissent names the same person twice")
        return self


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
    # --- issue 21: the video-meeting link -------------------------------------------------------
    online: Str | None = None
    """The address of the video meeting, if members can take part online."""
    # --- end issue 21 ---------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The meeting's id: its file name without extension, ``<date>-<forum>``."""
        return f"{self.date.isoformat()}-{self.forum}"
