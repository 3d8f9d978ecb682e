"""Parties to the health community (trust, municipalities, others), counties and people."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from hfctl.models.base import Date, Email, Id, Kommunenummer, Model, Period, Str

PartyKind = Literal[
    "trust", "municipality", "organisation", "state-administrator", "user-council", "gp-body"
]
Side = Literal["municipal", "trust"]


class County(Model):
    """A county (fylke), with its two-digit number and validity period."""

    number: Str = Field(pattern=r"^\d{2}$")
    name: Str
    from_: Date = Field(alias="from")
    to: Date | None = None


class Counties(Model):
    """``data/counties.yaml``: the counties the municipalities' numbers point into."""

    counties: list[County]


class MunicipalityNumber(Period):
    """A municipality number and when it was in use (numbers change with county reforms)."""

    number: Kommunenummer


class Membership(Period):
    """When a municipality belongs to the health community's region, and for what."""

    scope: Literal["full", "partial"] = "full"
    note: Str | None = None


class Contact(Model):
    """A party's contact point for the health community (work addresses only)."""

    name: Str | None = None
    email: Email
    phone: Str | None = None


class Clinic(Model):
    """A clinic of the trust, led by a clinic director."""

    id: Id
    name: Str
    director: Id | None = None


class Party(Model):
    """``data/parties/<id>.yaml``: the trust, a municipality or another party."""

    id: Id
    kind: PartyKind
    name: Str
    short: Str | None = None
    numbers: list[MunicipalityNumber] = []
    valid: Period | None = None
    """When the party existed; empty for parties that still exist from before the data begins."""
    successor: Id | None = None
    membership: list[Membership] = []
    contact: Contact | None = None
    clinics: list[Clinic] = []
    website: Str | None = None

    @property
    def side(self) -> Side | None:
        """Which side of the partnership the party sits on, if either."""
        if self.kind == "municipality":
            return "municipal"
        if self.kind == "trust":
            return "trust"
        return None

    def number_on(self, day: dt.date) -> str | None:
        """The municipality number in use on ``day``."""
        for entry in self.numbers:
            if entry.covers(day):
                return entry.number
        return None

    def member_on(self, day: dt.date) -> bool:
        """Whether the municipality belongs to the region (fully) on ``day``."""
        return any(m.covers(day) and m.scope == "full" for m in self.membership)


PersonFunction = Literal[
    "health-leadership",
    "clinic-director",
    "chief-medical-officer",
    "general-practitioner",
    "user-representative",
]


class Person(Model):
    """``data/people/<id>.yaml``: a person with a role in the health community."""

    id: Id
    name: Str
    party: Id
    title: Str | None = None
    email: Email | None = None
    phone: Str | None = None
    functions: list[PersonFunction] = []
