"""Bodies of the health community (forums), their members and secretariats."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

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


MEMBER_ROLES: tuple[MemberRole, ...] = ("leader", "deputy-leader", "member")
"""The roles that make a seat a member's (deputies, secretaries, coordinators, observers apart)."""
SeatKind = Literal["municipality", "trust", "gp", "user", "other"]
"""What a seat represents: a municipality, the trust, the GPs (fastlegar), the users, another
party."""
SeatSide = Literal["municipal", "trust"]


class Member(Period):
    """A person's seat in a forum: what it represents, its roles, who appointed it, its term."""

    person: Id
    kind: SeatKind
    """municipality, trust, gp (fastlege), user (user representative) or other."""
    roles: list[MemberRole] = Field(min_length=1)
    """The roles the person holds in this seat, e.g. [member, secretary]."""
    represents: Id | None = None
    """The party of a municipal, trust or other seat (a GP's: the municipality of practice, if
    given). A user representative represents the users: no party."""
    side: SeatSide | None = None
    """For a user representative (and another party's seat, if it has one): which side of the
    partnership the seat belongs to."""
    appointed_by: Id | None = None
    """The party, forum or role that appointed the seat."""
    deputy_for: Id | None = None
    note: Str | None = None

    @model_validator(mode="after")
    def _seat(self) -> Member:
        if len(set(self.roles)) != len(self.roles):
            raise ValueError("roles names the same role twice")
        if self.kind in ("municipality", "trust", "other") and self.represents is None:
            raise ValueError(f"a {self.kind} seat says which party it represents (represents)")
        if self.kind == "user":
            if self.represents is not None:
                raise ValueError(
                    "a user representative represents the users, not a party: "
                    "leave out represents and give side (municipal or trust)"
                )
            if self.side is None:
                raise ValueError("a user representative's seat says its side (municipal or trust)")
        fixed = {"municipality": "municipal", "trust": "trust", "gp": "municipal"}
        if self.side is not None and self.kind in fixed and self.side != fixed[self.kind]:
            raise ValueError(f"a {self.kind} seat is on the {fixed[self.kind]} side")
        return self

    @property
    def role(self) -> MemberRole:
        """The seat's first (main) role."""
        return self.roles[0]

    def holds(self, role: str) -> bool:
        """Whether the seat has ``role`` among its roles."""
        return role in self.roles

    @property
    def is_member(self) -> bool:
        """Whether the seat is a member's: it holds leader, deputy-leader or member."""
        return any(role in self.roles for role in MEMBER_ROLES)

    @property
    def seat_side(self) -> SeatSide | None:
        """The side of the partnership the seat sits on: a municipal seat and a GP's on the
        municipal side, a trust seat on the trust's, a user's or another's as it says."""
        if self.kind == "municipality" or self.kind == "gp":
            return "municipal"
        if self.kind == "trust":
            return "trust"
        return self.side


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
            raise ValueError(f"min_days {self.min_days} is more than max_days {self.max_days}")
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
            raise ValueError(f"end {self.end:%H:%M} is not after start {self.start:%H:%M}")
        for name in ("months", "weeks", "weekdays"):
            values: list[object] = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name} names the same value twice")
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
