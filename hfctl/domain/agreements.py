"""Agreement signatures: each municipality's status per version, on any day, and recording steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hfctl.core.errors import NotFoundError, RefusedError, UsageError
from hfctl.domain.lookup import find_agreement, find_municipality
from hfctl.models.agreement import (
    REFERENCE_FIELDS,
    SIGNATURE_STEPS,
    STATUS_ORDER,
    STEP_FIELDS,
    WAITING,
    Agreement,
    Signature,
    SignatureStatus,
    Version,
)
from hfctl.models.party import Party
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset


@dataclass(frozen=True)
class Row:
    """One municipality's signature of one agreement version, as of a day."""

    agreement: str
    agreement_title: str
    version: str
    municipality: str
    municipality_name: str
    status: SignatureStatus
    sent: dt.date | None
    council_meeting: dt.date | None
    council_decision: str | None
    signed: dt.date | None
    declined: dt.date | None
    signed_by: str | None
    reference: str | None
    days_since_sent: int | None

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of `hfctl agreements status --format json`."""

        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "agreement": self.agreement,
            "version": self.version,
            "municipality": self.municipality,
            "municipality_name": self.municipality_name,
            "status": self.status,
            "sent": day(self.sent),
            "council_meeting": day(self.council_meeting),
            "council_decision": self.council_decision,
            "signed": day(self.signed),
            "signed_by": self.signed_by,
            "reference": self.reference,
        }


def region(ds: Dataset, day: dt.date) -> list[Party]:
    """The municipalities fully in the region on ``day``, by municipality number."""
    found = [p for p in ds.parties.values() if p.kind == "municipality" and p.member_on(day)]
    return sorted(found, key=lambda p: p.number_on(day) or p.id)


def signature_of(version: Version, party: Party) -> tuple[str | None, Signature | None]:
    """The municipality's record for a version, under any number it has had."""
    for number in [n.number for n in party.numbers]:
        if number in version.signatures:
            return number, version.signatures[number]
    return None, None


def _visible(sig: Signature | None, day: dt.date) -> Signature | None:
    """A record as it stood on ``day``: steps after that day are not yet taken."""
    if sig is None:
        return None

    def keep(value: dt.date | None) -> dt.date | None:
        return value if value is not None and value <= day else None

    return Signature(
        **{step.field: keep(getattr(sig, step.field)) for step in SIGNATURE_STEPS},
        council_decision=sig.council_decision if keep(sig.council_meeting) else None,
        signed_by=sig.signed_by if keep(sig.signed) else None,
        reference=sig.reference,
    )


def rows(ds: Dataset, day: dt.date, agreement_id: str | None = None) -> list[Row]:
    """Status rows for every region municipality × agreement (or one agreement) on ``day``."""
    agreements = [find_agreement(ds, agreement_id)] if agreement_id else sorted_agreements(ds)
    out: list[Row] = []
    municipalities = region(ds, day)
    for agreement in agreements:
        version = agreement.version_on(day)
        if version is None:
            continue
        for party in municipalities:
            number, recorded = signature_of(version, party)
            sig = _visible(recorded, day)
            status: SignatureStatus = sig.status_on(day) if sig else "not-sent"
            sent = sig.sent if sig else None
            out.append(
                Row(
                    agreement.id,
                    agreement.title.get("nn"),
                    version.version,
                    party.number_on(day) or number or "",
                    party.name,
                    status,
                    sent,
                    sig.council_meeting if sig else None,
                    sig.council_decision if sig else None,
                    sig.signed if sig else None,
                    sig.declined if sig else None,
                    sig.signed_by if sig else None,
                    sig.reference if sig else None,
                    (day - sent).days if sent and status in WAITING else None,
                )
            )
    return out


@dataclass(frozen=True)
class Signing:
    """Signature progress of one agreement's version in force on a day: the one count that
    ``status``, the website and reminders all show."""

    agreement: str
    title: str
    version: str
    signed: int
    total: int
    missing: list[str]
    rows: list[Row] = field(default_factory=list, compare=False, repr=False)


def signing(ds: Dataset, day: dt.date) -> list[Signing]:
    """For every agreement with a version in force on ``day``: who of the region's
    municipalities has signed it and who has not (``rows`` gives each one's record)."""
    out: list[Signing] = []
    all_rows = rows(ds, day)
    for agreement in sorted_agreements(ds):
        mine = [r for r in all_rows if r.agreement == agreement.id]
        if not mine:
            continue
        missing = [r.municipality_name for r in mine if r.status != "signed"]
        out.append(
            Signing(
                agreement.id,
                agreement.title.get("nn"),
                mine[0].version,
                len(mine) - len(missing),
                len(mine),
                missing,
                mine,
            )
        )
    return out


def sorted_agreements(ds: Dataset) -> list[Agreement]:
    """Agreements in reading order: the overarching one, then service agreements by number."""
    order = {"overarching": 0, "service": 1, "special": 2}
    return sorted(ds.agreements.values(), key=lambda a: (order[a.kind], a.number or 0, a.id))


# -- recording a step --


def plan_record(
    ds: Dataset,
    agreement_query: str,
    municipality_query: str,
    status: str,
    day: dt.date,
    today: dt.date,
    signed_by: str | None = None,
    reference: str | None = None,
    version_name: str | None = None,
) -> Plan:
    """Record that a municipality reached ``status`` on ``day``; refuse anything out of order."""
    if status not in STEP_FIELDS:
        raise UsageError(f"status '{status}' is not one of {', '.join(STEP_FIELDS)}")
    if reference is not None and status not in REFERENCE_FIELDS:
        raise UsageError(
            f"the step '{status}' has no reference; the steps with one are "
            f"{', '.join(REFERENCE_FIELDS)}"
        )
    agreement = find_agreement(ds, agreement_query)
    party = find_municipality(ds, municipality_query)
    version = _pick_version(agreement, version_name, today)
    if day > today:
        raise RefusedError(f"{day} is in the future (today is {today}); record steps once taken")
    if day < version.adopted:
        raise RefusedError(
            f"{day} is before version {version.version} of {agreement.id} was adopted "
            f"({version.adopted})"
        )
    number, current = signature_of(version, party)
    current_status = current.status_on() if current else "not-sent"
    _refuse_backwards(current, current_status, status, day, party.name)
    key = number or party.number_on(day) or party.number_on(today)
    if key is None:
        raise RefusedError(f"{party.name} has no municipality number on {day}")
    changes = Changeset(ds.root)
    rel = agreement.file
    doc = changes.edit(rel)
    index = agreement.versions.index(version)
    node = doc.data["versions"][index]
    if "signatures" not in node or node["signatures"] is None:
        node["signatures"] = yamledit.mapping({})
    signatures = node["signatures"]
    if key not in signatures:
        position = sum(1 for existing in signatures if str(existing) < key)
        signatures.insert(position, yamledit.quoted(key), yamledit.mapping({}))
        signatures.yaml_add_eol_comment(party.name, yamledit.quoted(key))
    record = signatures[key]
    record[STEP_FIELDS[status]] = day
    if signed_by is not None:
        record["signed_by"] = yamledit.scalar(signed_by)
    if reference is not None:
        record[REFERENCE_FIELDS[status]] = yamledit.scalar(reference)
    changes.set(rel, doc.render())
    verb = {
        "sent": "was sent",
        "council-meeting": "took up",
        "signed": "signed",
        "declined": "declined",
    }
    subject = f"{agreement.title.get('en')} {version.version}"
    if status == "sent":
        message = f"{subject} {verb[status]} to {party.name} on {day}"
    else:
        message = f"{party.name} {verb[status]} the {subject} on {day}"
    return Plan(changes, message)


def _pick_version(agreement: Agreement, name: str | None, today: dt.date) -> Version:
    if name is None:
        version = agreement.version_on(today)
        if version is None:
            raise RefusedError(f"{agreement.id} has no version adopted by {today}")
        return version
    for version in agreement.versions:
        if version.version == name:
            return version
    known = ", ".join(v.version for v in agreement.versions)
    raise NotFoundError(f"{agreement.id} has no version '{name}' (versions: {known})")


def _refuse_backwards(
    current: Signature | None, current_status: str, status: str, day: dt.date, name: str
) -> None:
    if current_status == "declined":
        raise RefusedError(f"{name} has declined this version; a new step cannot follow")
    if current_status == "signed":
        raise RefusedError(f"{name} has already signed this version")
    if status == current_status:
        raise RefusedError(f"{name} is already at '{status}' for this version")
    if status != "declined" and STATUS_ORDER.index(status) < STATUS_ORDER.index(current_status):
        raise RefusedError(f"{name} is at '{current_status}'; '{status}' would be a step back")
    if status != STATUS_ORDER[1] and current_status == "not-sent":
        raise RefusedError(f"the agreement has not been sent to {name}; record 'sent' first")
    if current is not None:
        steps = [day for status, day in current.steps() if status != "declined"]
        latest = max((s for s in steps if s is not None), default=None)
        if latest is not None and day < latest:
            raise RefusedError(f"{day} is before {name}'s previous step ({latest})")
