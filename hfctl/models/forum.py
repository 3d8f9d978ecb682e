"""Bodies of the health community (forums), their members and secretariats."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from hfctl.core.i18n import _
from hfctl.models.base import Bool, Date, Id, Int, Model, Period, Str, Text, Time

ForumKind = Literal[
    "partnership-meeting",
    "strategic-committee",
    "professional-committee",
    "competence-group",
    "joint-meeting",
    "rd-unit",
    "leaders-network",
]
MemberRole = Literal[
    "leader",
    "deputy-leader",
    "member",
    "deputy",
    "secretary",
    "coordinator",
    "observer",
]


class Member(Period):
    """A person's seat in a forum: role, the party they represent, who appointed them, term."""

    person: Id
    role: MemberRole = "member"
    represents: Id
    user_representative: Bool = False
    appointed_by: Id | None = None
    deputy_for: Id | None = None
    note: Str | None = None


class SecretariatTerm(Model):
    """One term of a rotating secretariat: who holds it, from and to (both days included)."""

    holder: Id
    from_: Date = Field(alias="from")
    to: Date

    def covers(self, day: dt.date) -> bool:
        """Whether the term includes ``day``."""
        return self.from_ <= day <= self.to


class Rotation(Model):
    """The rule a secretariat rotates by: the holders in turn, and the length of a term."""

    holders: list[Id] = Field(min_length=2)
    term_years: Int = Field(ge=1, le=10)


class Secretariat(Model):
    """A secretariat that rotates between parties or bodies by a rule, with its recorded terms."""

    rotation: Rotation
    terms: list[SecretariatTerm] = Field(min_length=1)


Weekday = Literal["mon", "tue", "wed", "thu", "fri"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
Month = Annotated[Int, Field(ge=1, le=12)]
IsoWeek = Annotated[Int, Field(ge=1, le=53)]


class Before(Model):
    """An order rule: this body meets ``min_days`` to ``max_days`` days before each meeting
    of ``forum`` (Helseleiarnettverket prepares SSU's cases 10 to 21 days before)."""

    forum: Id
    min_days: Int = Field(ge=1, le=120)
    max_days: Int = Field(ge=1, le=120)

    @model_validator(mode="after")
    def _window(self) -> Before:
        if self.min_days > self.max_days:
            raise ValueError(
                _("min_days {min_days} is more than max_days {max_days}").format(
                    min_days=self.min_days, max_days=self.max_days
                )
            )
        return self


class Cadence(Model):
    """How a body's year of meetings is planned (``hfctl plan``). How many it holds is the
    forum's ``meetings_per_year``; this says when and where."""

    months: list[Month] = []
    """The months it meets in (a hard rule); empty: any month. One meeting a year in
    [9, 10, 11] is "once a year, in autumn"."""
    weeks: list[IsoWeek] = []
    """Preferred ISO weeks (a soft rule: the plan aims at them)."""
    weekdays: list[Weekday] = []
    """Preferred weekdays (a soft rule); empty: any working day."""
    start: Time
    end: Time
    places: list[Str] = Field(min_length=1)
    """Where it meets; several rotate in order through the year."""
    avoid_school_breaks: Bool = True
    """Whether it keeps out of the school breaks of its members' counties (a hard rule)."""
    before: Before | None = None
    group: Id | None = None
    """Bodies of one group meet in the same week, one a day (the FSU week)."""

    @model_validator(mode="after")
    def _limits(self) -> Cadence:
        if self.end <= self.start:
            raise ValueError(
                _("end {end:%H:%M} is not after start {start:%H:%M}").format(
                    end=self.end, start=self.start
                )
            )
        for name in ("months", "weeks", "weekdays"):
            values: list[object] = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(_("{name} names the same value twice").format(name=name))
        return self


# --- issue 21: how members send apologies (forfall) ------------------------------------------


class Apologies(Model):
    """How a member sends apologies (forfall) so a deputy can be called: to whom, by when."""

    to: Id | None = None
    """The person to tell; empty: the meeting's secretary."""
    days_before: Int = Field(default=2, ge=0, le=60)
    """Apologies are due this many days before the meeting."""
    note: Text | None = None
    """What else to say, e.g. that the member calls the deputy personally."""


# --- end issue 21 -------------------------------------------------------------------------------


class Forum(Model):
    """``data/forums/<id>.yaml``: a body of the health community."""

    id: Id
    kind: ForumKind
    name: Text
    short: Str | None = None
    mandate: Text
    parent: Id | None = None
    established: Date | None = None
    dissolved: Date | None = None
    replaced_by: Id | None = None
    notice_days: Int = Field(default=14, ge=0, le=365)
    meetings_per_year: Int | None = Field(default=None, ge=0)
    cadence: Cadence | None = None
    """When and where its meetings are planned (``hfctl plan``)."""
    user_representatives: Bool = True
    """Whether the forum must have a user representative from each side."""
    secretariat: Secretariat | None = None
    members: list[Member] = []
    # --- issue 21 ---------------------------------------------------------------------------------
    apologies: Apologies | None = None
    """How members send apologies (forfall)."""
    # --- end issue 21 -----------------------------------------------------------------------------

    def active_on(self, day: dt.date) -> bool:
        """Whether the forum exists on ``day``."""
        started = self.established is None or self.established <= day
        return started and (self.dissolved is None or day <= self.dissolved)

    def members_on(self, day: dt.date) -> list[Member]:
        """The seats held on ``day``."""
        return [m for m in self.members if m.covers(day)]

    def display_name(self, lang: str = "nn") -> str:
        """The short name if there is one, else the full name."""
        return self.short or self.name.get(lang)
