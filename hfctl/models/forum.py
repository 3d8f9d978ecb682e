"""Bodies of the health community (forums), their members and secretariats."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from hfctl.models.base import Bool, Date, Id, Int, Model, Period, Str, Text

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
