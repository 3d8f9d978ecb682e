"""What changed between two states of the data, said in governance terms, not YAML lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from hfctl.loader import Dataset
from hfctl.models.agreement import Signature
from hfctl.models.meeting import case_label
from hfctl.problems import Severity

STEPS = (
    ("sent", "was sent to"),
    ("in_council", "took up in council"),
    ("signed", "signed"),
    ("declined", "declined"),
)


@dataclass(frozen=True)
class Change:
    """One change: its kind, the entity it is about, and a sentence for reviewers."""

    kind: str
    entity: str
    message: str
    file: str

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON object."""
        return asdict(self)


def _same(a: Any, b: Any) -> bool:
    """Equal as data (models also carry where they were read from, which may differ)."""

    def dump(value: Any) -> Any:
        if isinstance(value, list):
            return [dump(v) for v in value]
        return value.model_dump() if hasattr(value, "model_dump") else value

    return bool(dump(a) == dump(b))


def _day(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "open"


def _person(ds: Dataset, person: str) -> str:
    found = ds.people.get(person)
    return found.name if found else person


def _members(a: Dataset, b: Dataset) -> list[Change]:
    out: list[Change] = []
    for fid in sorted(set(a.forums) | set(b.forums)):
        old, new = a.forums.get(fid), b.forums.get(fid)
        if old is None and new is not None:
            out.append(Change("forum-added", fid, f"New body: {new.name.get('en')}", new.file))
            continue
        if new is None and old is not None:
            out.append(
                Change("forum-removed", fid, f"Body removed: {old.display_name()}", old.file)
            )
            continue
        assert old is not None and new is not None
        name = new.display_name()
        before = {(m.person, m.from_): m for m in old.members}
        after = {(m.person, m.from_): m for m in new.members}
        for key in sorted(set(after) - set(before), key=str):
            m = after[key]
            out.append(
                Change(
                    "member-joined",
                    fid,
                    f"{_person(b, m.person)} joins {name} as "
                    f"{m.role} for {m.represents}, {_day(m.from_)} to {_day(m.to)}",
                    new.file,
                )
            )
        for key in sorted(set(before) - set(after), key=str):
            m = before[key]
            out.append(
                Change(
                    "member-left",
                    fid,
                    f"{_person(a, m.person)} ({m.role}) is no longer recorded in {name}",
                    new.file,
                )
            )
        for key in sorted(set(before) & set(after), key=str):
            was, now = before[key], after[key]
            if was.role != now.role:
                out.append(
                    Change(
                        "member-role",
                        fid,
                        f"{_person(b, now.person)} changes role "
                        f"in {name} from {was.role} to {now.role}",
                        new.file,
                    )
                )
            if was.to != now.to:
                out.append(
                    Change(
                        "member-term",
                        fid,
                        f"Term of {_person(b, now.person)} in "
                        f"{name} now ends {_day(now.to)} (was {_day(was.to)})",
                        new.file,
                    )
                )
        old_terms = {
            (t.holder, t.from_, t.to) for t in (old.secretariat.terms if old.secretariat else [])
        }
        for term in new.secretariat.terms if new.secretariat else []:
            if (term.holder, term.from_, term.to) not in old_terms:
                holder = (
                    b.parties[term.holder].name
                    if term.holder in b.parties
                    else (
                        b.forums[term.holder].name.get("en")
                        if term.holder in b.forums
                        else term.holder
                    )
                )
                out.append(
                    Change(
                        "secretariat-term",
                        fid,
                        f"{name} secretariat: {holder} holds "
                        f"it {_day(term.from_)} to {_day(term.to)}",
                        new.file,
                    )
                )
    return out


def _meetings(a: Dataset, b: Dataset) -> list[Change]:
    out: list[Change] = []
    uid_a = {m.uid: mid for mid, m in a.meetings.items() if m.uid}
    moved_from: dict[str, str] = {}
    for mid, m in b.meetings.items():
        if mid not in a.meetings and m.uid:
            origin = m.uid.split("@", 1)[0]
            if origin in a.meetings or m.uid in uid_a:
                moved_from[mid] = origin if origin in a.meetings else uid_a[m.uid]
    for mid in sorted(set(b.meetings) - set(a.meetings)):
        m = b.meetings[mid]
        forum = b.forums[m.forum].display_name() if m.forum in b.forums else m.forum
        if mid in moved_from:
            old = a.meetings[moved_from[mid]]
            out.append(
                Change(
                    "meeting-moved",
                    mid,
                    f"{forum} meeting moved from "
                    f"{_day(old.date)} {old.start:%H:%M} to {_day(m.date)} "
                    f"{m.start:%H:%M}, {m.location}",
                    m.file,
                )
            )
        else:
            out.append(
                Change(
                    "meeting-added",
                    mid,
                    f"New {m.kind} {forum} meeting on "
                    f"{_day(m.date)} at {m.start:%H:%M}, {m.location}",
                    m.file,
                )
            )
    for mid in sorted(set(a.meetings) - set(b.meetings) - set(moved_from.values())):
        out.append(Change("meeting-removed", mid, f"Meeting {mid} removed", a.meetings[mid].file))
    for mid in sorted(set(a.meetings) & set(b.meetings)):
        old, new = a.meetings[mid], b.meetings[mid]
        forum = b.forums[new.forum].display_name() if new.forum in b.forums else new.forum
        if (old.start, old.end, old.location) != (new.start, new.end, new.location):
            out.append(
                Change(
                    "meeting-moved",
                    mid,
                    f"{forum} meeting on {_day(new.date)} now at {new.start:%H:%M}, {new.location}",
                    new.file,
                )
            )
        if old.status != new.status:
            verb = {"cancelled": "cancelled", "held": "held", "planned": "planned again"}
            out.append(
                Change(
                    f"meeting-{new.status}",
                    mid,
                    f"{forum} meeting on {_day(new.date)} {verb[new.status]}",
                    new.file,
                )
            )
        before = {c.title: c for c in old.cases}
        for case in new.cases:
            was = before.get(case.title)
            label = case_label(case.number, new.date.year) if case.number else "unnumbered"
            if was is None:
                out.append(
                    Change(
                        "case-added",
                        mid,
                        f"Case added to {forum} {_day(new.date)}: {label} {case.title}",
                        new.file,
                    )
                )
            elif was.number != case.number:
                old_label = case_label(was.number, old.date.year) if was.number else "unnumbered"
                kind = "case-numbered" if was.number is None else "case-renumbered"
                out.append(Change(kind, mid, f"{case.title}: {old_label} → {label}", new.file))
            elif case.decision and case.decision != was.decision:
                out.append(
                    Change(
                        "decision",
                        mid,
                        f"Decision recorded in {forum} {label}: {case.decision}",
                        new.file,
                    )
                )
            if was is not None:
                old_actions = {x.id: x for x in was.actions}
                for action in case.actions:
                    prior = old_actions.get(action.id)
                    if prior is None:
                        out.append(
                            Change(
                                "action-added",
                                action.id,
                                f"Action {action.id}: "
                                f"{action.what} ({action.responsible}, due "
                                f"{_day(action.due)})",
                                new.file,
                            )
                        )
                    elif prior.status != action.status:
                        out.append(
                            Change(
                                f"action-{action.status}",
                                action.id,
                                f"Action {action.id} {action.status} on {_day(action.closed)}",
                                new.file,
                            )
                        )
    return out


def _signature_steps(
    b: Dataset,
    title: str,
    version: str,
    name: str,
    old: Signature | None,
    new: Signature,
    file: str,
) -> list[Change]:
    out: list[Change] = []
    for field, verb in STEPS:
        before = getattr(old, field) if old else None
        after = getattr(new, field)
        if after is not None and after != before:
            if field == "sent":
                text = f"{title} {version} was sent to {name} on {_day(after)}"
            else:
                text = f"{name} {verb} the {title} {version} on {_day(after)}"
            out.append(Change(f"signature-{field.replace('_', '-')}", name, text, file))
    return out


def _agreements(a: Dataset, b: Dataset) -> list[Change]:
    out: list[Change] = []
    by_number = {n.number: p.name for p in b.parties.values() for n in p.numbers}
    for aid in sorted(b.agreements):
        new = b.agreements[aid]
        old = a.agreements.get(aid)
        title = new.title.get("en")
        old_versions = {v.version: v for v in (old.versions if old else [])}
        for version in new.versions:
            prior = old_versions.get(version.version)
            if prior is None:
                out.append(
                    Change(
                        "version-adopted",
                        aid,
                        f"{title} {version.version} adopted by "
                        f"{version.adopted_by} on {_day(version.adopted)}",
                        new.file,
                    )
                )
            for number, sig in version.signatures.items():
                name = by_number.get(number, number)
                before = prior.signatures.get(number) if prior else None
                out += _signature_steps(b, title, version.version, name, before, sig, new.file)
    return out


def _parties(a: Dataset, b: Dataset) -> list[Change]:
    out: list[Change] = []
    for pid in sorted(set(a.parties) | set(b.parties)):
        old, new = a.parties.get(pid), b.parties.get(pid)
        if old is None and new is not None:
            out.append(Change("party-added", pid, f"New party: {new.name} ({new.kind})", new.file))
        elif new is None and old is not None:
            out.append(Change("party-removed", pid, f"Party removed: {old.name}", old.file))
        elif old is not None and new is not None and not _same(old, new):
            what = []
            if old.name != new.name:
                what.append(f"name {old.name} → {new.name}")
            if not _same(old.numbers, new.numbers):
                what.append("municipality numbers " + ", ".join(n.number for n in new.numbers))
            if not _same(old.membership, new.membership):
                what.append("membership of the region")
            if not _same(old.contact, new.contact):
                what.append("contact point")
            out.append(
                Change(
                    "party-changed",
                    pid,
                    f"{new.name}: " + ("; ".join(what) or "details changed"),
                    new.file,
                )
            )
    for person in sorted(set(b.people) - set(a.people)):
        p = b.people[person]
        out.append(
            Change(
                "person-added",
                person,
                f"New person: {p.name}, {p.title or ''} ({p.party})".replace(",  (", " ("),
                p.file,
            )
        )
    for person in sorted(set(a.people) - set(b.people)):
        out.append(
            Change(
                "person-removed",
                person,
                f"Person removed: {a.people[person].name}",
                a.people[person].file,
            )
        )
    return out


def _unreadable(side: str, ds: Dataset) -> list[Change]:
    return [
        Change(
            "unreadable",
            p.location.file,
            f"{side}: {p.location} {p.code} {p.message}",
            p.location.file,
        )
        for p in ds.problems
        if p.severity is Severity.ERROR
    ]


def compare(a: Dataset, b: Dataset) -> list[Change]:
    """Every governance change from ``a`` (base) to ``b`` (head)."""
    return (
        _unreadable("base", a)
        + _unreadable("head", b)
        + _parties(a, b)
        + _members(a, b)
        + _meetings(a, b)
        + _agreements(a, b)
    )


def markdown(changes: list[Change], base: str, head: str) -> str:
    """A pull-request comment: changes grouped by kind."""
    if not changes:
        return f"### Governance changes ({base} → {head})\n\nNo governance changes.\n"
    lines = [f"### Governance changes ({base} → {head})", ""]
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.kind.split("-")[0], []).append(change)
    titles = {
        "party": "Parties and people",
        "person": "Parties and people",
        "forum": "Bodies and members",
        "member": "Bodies and members",
        "secretariat": "Bodies and members",
        "meeting": "Meetings",
        "case": "Meetings",
        "decision": "Meetings",
        "action": "Follow-up",
        "version": "Agreements",
        "signature": "Agreements",
        "unreadable": "Files that could not be read",
    }
    merged: dict[str, list[Change]] = {}
    for key, items in groups.items():
        merged.setdefault(titles.get(key, key), []).extend(items)
    for title, items in merged.items():
        lines += [f"**{title}**", ""]
        lines += [f"- {_md(c.message)} (`{c.file}`)" for c in items]
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
