"""Agreements between the trust and each municipality, their versions and signatures."""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from pydantic import Field

from hfctl.models.base import Date, Id, Int, Kommunenummer, Model, Str, Text

AgreementKind = Literal["overarching", "service", "special"]
SignatureStatus = Literal["not-sent", "sent", "council-meeting", "signed", "declined"]
SignatureStep = Literal["sent", "council-meeting", "signed", "declined"]


class Step(NamedTuple):
    """A signature step: the status it reaches, the field holding its day, and the field
    holding its reference, if it has one."""

    status: SignatureStep
    field: str
    reference: str | None


SIGNATURE_STEPS: tuple[Step, ...] = (
    Step("sent", "sent", None),
    Step("council-meeting", "council_meeting", "council_decision"),
    Step("signed", "signed", "reference"),
    Step("declined", "declined", None),
)
"""Every step of a signature in the order a municipality takes them (declining ends it instead
of signing), each saying one thing: sent to the municipality; treated in its council (the day,
and the reference of the council's decision); signed (the day, and the archive reference);
declined. The one place that order is written; status, checks, records, history and the
website all read it from here."""
STATUS_ORDER: tuple[SignatureStatus, ...] = (
    "not-sent",
    *(step.status for step in SIGNATURE_STEPS if step.status != "declined"),
)
STEP_FIELDS: dict[SignatureStep, str] = {step.status: step.field for step in SIGNATURE_STEPS}
REFERENCE_FIELDS: dict[SignatureStep, str] = {
    step.status: step.reference for step in SIGNATURE_STEPS if step.reference
}
WAITING: tuple[SignatureStatus, ...] = STATUS_ORDER[1 : STATUS_ORDER.index("signed")]
"""The statuses of a record sent and not yet signed (what reminders chase)."""


class Signature(Model):
    """One municipality's progress with one version: the date of each step it has reached."""

    sent: Date | None = None
    council_meeting: Date | None = None
    """The day the municipal council treated the agreement."""
    council_decision: Str | None = None
    """The reference of the council's decision (e.g. PS 45/26 or an archive number)."""
    signed: Date | None = None
    declined: Date | None = None
    signed_by: Str | None = None
    reference: Str | None = None
    """The archive reference of the signed agreement."""
    note: Str | None = None

    def steps(self) -> list[tuple[SignatureStep, dt.date | None]]:
        """Each step's day (None if not taken), in the order of ``SIGNATURE_STEPS``."""
        return [(step.status, getattr(self, step.field)) for step in SIGNATURE_STEPS]

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
