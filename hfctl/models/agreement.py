"""Agreements between the trust and each municipality, their versions and signatures."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from hfctl.models.base import Date, Id, Int, Kommunenummer, Model, Str, Text

AgreementKind = Literal["overarching", "service", "special"]
SignatureStatus = Literal["not-sent", "sent", "in-council", "signed", "declined"]
SignatureStep = Literal["sent", "in-council", "signed", "declined"]
SIGNATURE_STEPS: tuple[tuple[SignatureStep, str], ...] = (
    ("sent", "sent"),
    ("in-council", "in_council"),
    ("signed", "signed"),
    ("declined", "declined"),
)
"""Every step of a signature in the order a municipality takes them (declining ends it instead
of signing): the status it reaches and the field that holds its day. The one place that order
is written; status, checks, records, history and the website all read it from here."""
STATUS_ORDER: tuple[SignatureStatus, ...] = (
    "not-sent",
    *(status for status, _ in SIGNATURE_STEPS if status != "declined"),
)
STEP_FIELDS: dict[SignatureStep, str] = dict(SIGNATURE_STEPS)


class Signature(Model):
    """One municipality's progress with one version: the date of each step it has reached."""

    sent: Date | None = None
    in_council: Date | None = None
    signed: Date | None = None
    declined: Date | None = None
    signed_by: Str | None = None
    reference: Str | None = None
    note: Str | None = None

    def steps(self) -> list[tuple[SignatureStep, dt.date | None]]:
        """Each step's day (None if not taken), in the order of ``SIGNATURE_STEPS``."""
        return [(status, getattr(self, name)) for status, name in SIGNATURE_STEPS]

    def status_on(self, day: dt.date | None = None) -> SignatureStatus:
        """The status reached by ``day`` (every step if no day is given): the furthest step
        taken, declining over signing."""
        for status, step in reversed(self.steps()):
            if step is not None and (day is None or step <= day):
                return status
        return "not-sent"


class Version(Model):
    """An adopted version of an agreement, and each municipality's signature of it."""

    version: Str
    adopted: Date
    adopted_by: Id
    meeting: Id | None = None
    in_force: Date | None = None
    signatures: dict[Kommunenummer, Signature] = {}


class Agreement(Model):
    """``data/agreements/<id>.yaml``: an overordna samarbeidsavtale, tenesteavtale or særavtale."""

    id: Id
    kind: AgreementKind
    number: Int | None = Field(default=None, ge=1)
    title: Text
    covers: list[Int] = []
    """The numbered items of § 6-2 that a tenesteavtale covers."""
    revision_due: Date | None = None
    url: Str | None = None
    versions: list[Version] = []
    """The adopted versions; none yet for an agreement a new community has still to record."""

    def version_on(self, day: dt.date) -> Version | None:
        """The newest version adopted on or before ``day``."""
        adopted = [v for v in self.versions if v.adopted <= day]
        return max(adopted, key=lambda v: v.adopted) if adopted else None
