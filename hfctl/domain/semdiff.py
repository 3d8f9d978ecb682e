"""What changed between two states of the data, said in governance terms, not YAML lines.

Every change has a kind, the entity it is about, the file, its values (``data``, for JSON and
for tools) and a sentence for reviewers in nynorsk, bokmål or English (``MESSAGES``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from hfctl.core.problems import Severity
from hfctl.formats.safe import md_code, md_inline
from hfctl.formats.words import MEETING_KIND, PARTY_KIND, ROLE, long_day, word
from hfctl.models.agreement import Signature
from hfctl.models.meeting import case_label
from hfctl.store.loader import Dataset

STEPS = ("sent", "in_council", "signed", "declined")

# message key -> language -> sentence with {placeholders}
MESSAGES: dict[str, dict[str, str]] = {
    "forum-added": {
        "nn": "Nytt organ: {forum}",
        "nb": "Nytt organ: {forum}",
        "en": "New body: {forum}",
    },
    "forum-removed": {
        "nn": "Organ fjerna: {forum}",
        "nb": "Organ fjernet: {forum}",
        "en": "Body removed: {forum}",
    },
    "member-joined": {
        "nn": "{person} går inn i {forum} som {role} for {represents}, {from} til {to}",
        "nb": "{person} går inn i {forum} som {role} for {represents}, {from} til {to}",
        "en": "{person} joins {forum} as {role} for {represents}, {from} to {to}",
    },
    "member-left": {
        "nn": "{person} ({role}) er ikkje lenger registrert i {forum}",
        "nb": "{person} ({role}) er ikke lenger registrert i {forum}",
        "en": "{person} ({role}) is no longer recorded in {forum}",
    },
    "member-role": {
        "nn": "{person} byter rolle i {forum} frå {old} til {new}",
        "nb": "{person} bytter rolle i {forum} fra {old} til {new}",
        "en": "{person} changes role in {forum} from {old} to {new}",
    },
    "member-term": {
        "nn": "Perioden til {person} i {forum} sluttar no {to} (var {old})",
        "nb": "Perioden til {person} i {forum} slutter nå {to} (var {old})",
        "en": "Term of {person} in {forum} now ends {to} (was {old})",
    },
    "secretariat-term": {
        "nn": "Sekretariatet for {forum}: {holder} har det {from} til {to}",
        "nb": "Sekretariatet for {forum}: {holder} har det {from} til {to}",
        "en": "{forum} secretariat: {holder} holds it {from} to {to}",
    },
    "meeting-moved": {
        "nn": "Møtet i {forum} er flytta frå {old} kl. {old_start} til {date} kl. {start}, "
        "{location}",
        "nb": "Møtet i {forum} er flyttet fra {old} kl. {old_start} til {date} kl. {start}, "
        "{location}",
        "en": "{forum} meeting moved from {old} {old_start} to {date} {start}, {location}",
    },
    "meeting-changed": {
        "nn": "Møtet i {forum} {date} er no kl. {start}, {location}",
        "nb": "Møtet i {forum} {date} er nå kl. {start}, {location}",
        "en": "{forum} meeting on {date} now at {start}, {location}",
    },
    "meeting-added": {
        "nn": "Nytt {kind} møte i {forum} {date} kl. {start}, {location}",
        "nb": "Nytt {kind} møte i {forum} {date} kl. {start}, {location}",
        "en": "New {kind} {forum} meeting on {date} at {start}, {location}",
    },
    "meeting-removed": {
        "nn": "Møtet {meeting} er fjerna",
        "nb": "Møtet {meeting} er fjernet",
        "en": "Meeting {meeting} removed",
    },
    "meeting-cancelled": {
        "nn": "Møtet i {forum} {date} er avlyst",
        "nb": "Møtet i {forum} {date} er avlyst",
        "en": "{forum} meeting on {date} cancelled",
    },
    "meeting-held": {
        "nn": "Møtet i {forum} {date} er halde",
        "nb": "Møtet i {forum} {date} er holdt",
        "en": "{forum} meeting on {date} held",
    },
    "meeting-planned": {
        "nn": "Møtet i {forum} {date} er planlagt att",
        "nb": "Møtet i {forum} {date} er planlagt igjen",
        "en": "{forum} meeting on {date} planned again",
    },
    "case-added": {
        "nn": "Ny sak til {forum} {date}: {label} {title}",
        "nb": "Ny sak til {forum} {date}: {label} {title}",
        "en": "Case added to {forum} {date}: {label} {title}",
    },
    "case-numbered": {
        "nn": "{title}: {old} → {label}",
        "nb": "{title}: {old} → {label}",
        "en": "{title}: {old} → {label}",
    },
    "decision": {
        "nn": "Vedtak i {forum} {label}: {decision}",
        "nb": "Vedtak i {forum} {label}: {decision}",
        "en": "Decision recorded in {forum} {label}: {decision}",
    },
    "action-added": {
        "nn": "Oppfølging {action}: {what} ({responsible}, frist {due})",
        "nb": "Oppfølging {action}: {what} ({responsible}, frist {due})",
        "en": "Action {action}: {what} ({responsible}, due {due})",
    },
    "action-done": {
        "nn": "Oppfølging {action} utført {closed}",
        "nb": "Oppfølging {action} utført {closed}",
        "en": "Action {action} done on {closed}",
    },
    "action-dropped": {
        "nn": "Oppfølging {action} lagd bort {closed}",
        "nb": "Oppfølging {action} lagt bort {closed}",
        "en": "Action {action} dropped on {closed}",
    },
    "action-open": {
        "nn": "Oppfølging {action} er opna att",
        "nb": "Oppfølging {action} er åpnet igjen",
        "en": "Action {action} reopened",
    },
    "version-adopted": {
        "nn": "{agreement} {version} vedteken av {adopted_by} den {adopted}",
        "nb": "{agreement} {version} vedtatt av {adopted_by} den {adopted}",
        "en": "{agreement} {version} adopted by {adopted_by} on {adopted}",
    },
    "signature-sent": {
        "nn": "{agreement} {version} er sendt til {municipality} den {date}",
        "nb": "{agreement} {version} er sendt til {municipality} den {date}",
        "en": "{agreement} {version} was sent to {municipality} on {date}",
    },
    "signature-in-council": {
        "nn": "{municipality} handsama {agreement} {version} i kommunestyret den {date}",
        "nb": "{municipality} behandlet {agreement} {version} i kommunestyret den {date}",
        "en": "{municipality} took up the {agreement} {version} in council on {date}",
    },
    "signature-signed": {
        "nn": "{municipality} signerte {agreement} {version} den {date}",
        "nb": "{municipality} signerte {agreement} {version} den {date}",
        "en": "{municipality} signed the {agreement} {version} on {date}",
    },
    "signature-declined": {
        "nn": "{municipality} avslo {agreement} {version} den {date}",
        "nb": "{municipality} avslo {agreement} {version} den {date}",
        "en": "{municipality} declined the {agreement} {version} on {date}",
    },
    "party-added": {
        "nn": "Ny part: {party} ({kind})",
        "nb": "Ny part: {party} ({kind})",
        "en": "New party: {party} ({kind})",
    },
    "party-removed": {
        "nn": "Part fjerna: {party}",
        "nb": "Part fjernet: {party}",
        "en": "Party removed: {party}",
    },
    "party-changed": {
        "nn": "{party}: {what}",
        "nb": "{party}: {what}",
        "en": "{party}: {what}",
    },
    "person-added": {
        "nn": "Ny person: {person}{title} ({party})",
        "nb": "Ny person: {person}{title} ({party})",
        "en": "New person: {person}{title} ({party})",
    },
    "person-removed": {
        "nn": "Person fjerna: {person}",
        "nb": "Person fjernet: {person}",
        "en": "Person removed: {person}",
    },
    "unreadable": {
        "nn": "{side}: {location} {code} {problem}",
        "nb": "{side}: {location} {code} {problem}",
        "en": "{side}: {location} {code} {problem}",
    },
}

# small words inside the sentences
WORDS: dict[str, dict[str, str]] = {
    "nn": {
        "open": "open slutt",
        "unnumbered": "utan nummer",
        "name": "namn {old} → {new}",
        "numbers": "kommunenummer {numbers}",
        "membership": "medlemskap i regionen",
        "contact": "kontaktpunkt",
        "details": "andre opplysningar er endra",
        "none": "ingen endringar i styringa",
        "heading": "Endringar i styringa",
    },
    "nb": {
        "open": "åpen slutt",
        "unnumbered": "uten nummer",
        "name": "navn {old} → {new}",
        "numbers": "kommunenummer {numbers}",
        "membership": "medlemskap i regionen",
        "contact": "kontaktpunkt",
        "details": "andre opplysninger er endret",
        "none": "ingen endringer i styringen",
        "heading": "Endringer i styringen",
    },
    "en": {
        "open": "open",
        "unnumbered": "unnumbered",
        "name": "name {old} → {new}",
        "numbers": "municipality numbers {numbers}",
        "membership": "membership of the region",
        "contact": "contact point",
        "details": "details changed",
        "none": "no governance changes",
        "heading": "Governance changes",
    },
}

# markdown sections: the first part of a kind -> section
SECTIONS: dict[str, dict[str, str]] = {
    "nn": {
        "people": "Partar og personar",
        "bodies": "Organ og medlemmer",
        "meetings": "Møte",
        "followup": "Oppfølging",
        "agreements": "Avtalar",
        "unreadable": "Filer som ikkje kunne lesast",
    },
    "nb": {
        "people": "Parter og personer",
        "bodies": "Organer og medlemmer",
        "meetings": "Møter",
        "followup": "Oppfølging",
        "agreements": "Avtaler",
        "unreadable": "Filer som ikke kunne leses",
    },
    "en": {
        "people": "Parties and people",
        "bodies": "Bodies and members",
        "meetings": "Meetings",
        "followup": "Follow-up",
        "agreements": "Agreements",
        "unreadable": "Files that could not be read",
    },
}
SECTION_OF = {
    "party": "people",
    "person": "people",
    "forum": "bodies",
    "member": "bodies",
    "secretariat": "bodies",
    "meeting": "meetings",
    "case": "meetings",
    "decision": "meetings",
    "action": "followup",
    "version": "agreements",
    "signature": "agreements",
    "unreadable": "unreadable",
}


@dataclass(frozen=True)
class Change:
    """One change: its kind, the entity it is about, a sentence for reviewers, the file, and
    its values (dates as ISO text) for tools."""

    kind: str
    entity: str
    message: str
    file: str
    data: dict[str, str | None] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON object."""
        return {
            "kind": self.kind,
            "entity": self.entity,
            "message": self.message,
            "file": self.file,
            "data": dict(self.data),
        }


class Term(NamedTuple):
    """A value said in words in the sentence and kept as its id in the data."""

    text: str
    value: str | None


class Say:
    """Builds changes with sentences in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def word(self, key: str, **values: str) -> str:
        """A small word of WORDS, filled in."""
        return WORDS[self.lang][key].format(**values)

    def day(self, value: dt.date | None) -> str:
        """A date written out; "open" for none."""
        return long_day(value, self.lang, self.word("open"))

    def clock(self, value: dt.time) -> str:
        """``10.00`` (``10:00`` in English)."""
        return value.strftime("%H:%M" if self.lang == "en" else "%H.%M")

    def __call__(
        self,
        kind: str,
        entity: str,
        file: str,
        key: str | None = None,
        /,
        **values: Term | str | dt.date | dt.time | None,
    ) -> Change:
        """A change of ``kind``, said with the sentence ``key`` (default: the kind)."""
        shown: dict[str, str] = {}
        data: dict[str, str | None] = {}
        for name, value in values.items():
            if isinstance(value, Term):
                shown[name], data[name] = value.text, value.value
            elif isinstance(value, dt.date):
                shown[name], data[name] = self.day(value), value.isoformat()
            elif isinstance(value, dt.time):
                shown[name], data[name] = self.clock(value), value.strftime("%H:%M")
            elif value is None:
                shown[name], data[name] = self.word("open"), None
            else:
                shown[name] = data[name] = value
        message = MESSAGES[key or kind][self.lang].format(**shown)
        return Change(kind, entity, message, file, data)


def _same(a: Any, b: Any) -> bool:
    """Equal as data (models also carry where they were read from, which may differ)."""

    def dump(value: Any) -> Any:
        if isinstance(value, list):
            return [dump(v) for v in value]
        return value.model_dump() if hasattr(value, "model_dump") else value

    return bool(dump(a) == dump(b))


def _person(ds: Dataset, person: str) -> Term:
    found = ds.people.get(person)
    return Term(found.name if found else person, person)


def _party(ds: Dataset, party: str | None) -> Term:
    found = ds.parties.get(party) if party else None
    return Term(found.name if found else (party or "–"), party)


def _forum(ds: Dataset, forum: str, lang: str, full: bool = False) -> Term:
    found = ds.forums.get(forum)
    if found is None:
        return Term(forum, forum)
    return Term(found.name.get(lang) if full else found.display_name(lang), forum)


def _role(lang: str, role: str) -> Term:
    return Term(word(ROLE, lang, role), role)


def _members(a: Dataset, b: Dataset, say: Say) -> list[Change]:
    out: list[Change] = []
    lang = say.lang
    for fid in sorted(set(a.forums) | set(b.forums)):
        old, new = a.forums.get(fid), b.forums.get(fid)
        if old is None and new is not None:
            out.append(say("forum-added", fid, new.file, forum=_forum(b, fid, lang, full=True)))
            continue
        if new is None and old is not None:
            out.append(say("forum-removed", fid, old.file, forum=_forum(a, fid, lang)))
            continue
        assert old is not None and new is not None
        name = _forum(b, fid, lang)
        before = {(m.person, m.from_): m for m in old.members}
        after = {(m.person, m.from_): m for m in new.members}
        for key in sorted(set(after) - set(before), key=str):
            m = after[key]
            out.append(
                say(
                    "member-joined",
                    fid,
                    new.file,
                    person=_person(b, m.person),
                    forum=name,
                    role=_role(lang, m.role),
                    represents=_party(b, m.represents),
                    **{"from": m.from_, "to": m.to},
                )
            )
        for key in sorted(set(before) - set(after), key=str):
            m = before[key]
            out.append(
                say(
                    "member-left",
                    fid,
                    new.file,
                    person=_person(a, m.person),
                    role=_role(lang, m.role),
                    forum=name,
                )
            )
        for key in sorted(set(before) & set(after), key=str):
            was, now = before[key], after[key]
            person = _person(b, now.person)
            if was.role != now.role:
                out.append(
                    say(
                        "member-role",
                        fid,
                        new.file,
                        person=person,
                        forum=name,
                        old=_role(lang, was.role),
                        new=_role(lang, now.role),
                    )
                )
            if was.to != now.to:
                out.append(
                    say(
                        "member-term",
                        fid,
                        new.file,
                        person=person,
                        forum=name,
                        to=now.to,
                        old=was.to,
                    )
                )
        old_terms = {
            (t.holder, t.from_, t.to) for t in (old.secretariat.terms if old.secretariat else [])
        }
        for term in new.secretariat.terms if new.secretariat else []:
            if (term.holder, term.from_, term.to) not in old_terms:
                holder = (
                    _forum(b, term.holder, lang, full=True)
                    if term.holder in b.forums
                    else _party(b, term.holder)
                )
                out.append(
                    say(
                        "secretariat-term",
                        fid,
                        new.file,
                        forum=name,
                        holder=holder,
                        **{"from": term.from_, "to": term.to},
                    )
                )
    return out


def _meetings(a: Dataset, b: Dataset, say: Say) -> list[Change]:
    out: list[Change] = []
    lang = say.lang
    uid_a = {m.uid: mid for mid, m in a.meetings.items() if m.uid}
    moved_from: dict[str, str] = {}
    for mid, m in b.meetings.items():
        if mid not in a.meetings and m.uid:
            origin = m.uid.split("@", 1)[0]
            if origin in a.meetings or m.uid in uid_a:
                moved_from[mid] = origin if origin in a.meetings else uid_a[m.uid]
    for mid in sorted(set(b.meetings) - set(a.meetings)):
        m = b.meetings[mid]
        forum = _forum(b, m.forum, lang)
        where: dict[str, str | dt.date | dt.time | None] = {
            "date": m.date,
            "start": m.start,
            "location": m.location,
        }
        if mid in moved_from:
            old = a.meetings[moved_from[mid]]
            out.append(
                say(
                    "meeting-moved",
                    mid,
                    m.file,
                    forum=forum,
                    old=old.date,
                    old_start=old.start,
                    **where,
                )
            )
        else:
            kind = Term(word(MEETING_KIND, lang, m.kind), m.kind)
            out.append(say("meeting-added", mid, m.file, forum=forum, kind=kind, **where))
    for mid in sorted(set(a.meetings) - set(b.meetings) - set(moved_from.values())):
        out.append(say("meeting-removed", mid, a.meetings[mid].file, meeting=mid))
    for mid in sorted(set(a.meetings) & set(b.meetings)):
        old, new = a.meetings[mid], b.meetings[mid]
        forum = _forum(b, new.forum, lang)
        if (old.start, old.end, old.location) != (new.start, new.end, new.location):
            out.append(
                say(
                    "meeting-moved",
                    mid,
                    new.file,
                    "meeting-changed",
                    forum=forum,
                    date=new.date,
                    start=new.start,
                    location=new.location,
                )
            )
        if old.status != new.status:
            out.append(say(f"meeting-{new.status}", mid, new.file, forum=forum, date=new.date))
        out += _cases(old, new, forum, say)
    return out


def _cases(old: Any, new: Any, forum: Term, say: Say) -> list[Change]:
    out: list[Change] = []
    unnumbered = Term(say.word("unnumbered"), None)
    before = {c.title: c for c in old.cases}
    for case in new.cases:
        was = before.get(case.title)
        label = (
            Term(case_label(case.number, new.date.year), str(case.number))
            if case.number
            else unnumbered
        )
        if was is None:
            out.append(
                say(
                    "case-added",
                    new.id,
                    new.file,
                    forum=forum,
                    date=new.date,
                    label=label,
                    title=case.title,
                )
            )
            continue
        if was.number != case.number:
            old_label = (
                Term(case_label(was.number, old.date.year), str(was.number))
                if was.number
                else unnumbered
            )
            kind = "case-numbered" if was.number is None else "case-renumbered"
            out.append(
                say(
                    kind,
                    new.id,
                    new.file,
                    "case-numbered",
                    title=case.title,
                    old=old_label,
                    label=label,
                )
            )
        elif case.decision and case.decision != was.decision:
            out.append(
                say("decision", new.id, new.file, forum=forum, label=label, decision=case.decision)
            )
        old_actions = {x.id: x for x in was.actions}
        for action in case.actions:
            prior = old_actions.get(action.id)
            if prior is None:
                out.append(
                    say(
                        "action-added",
                        action.id,
                        new.file,
                        action=action.id,
                        what=action.what,
                        responsible=action.responsible,
                        due=action.due,
                    )
                )
            elif prior.status != action.status:
                out.append(
                    say(
                        f"action-{action.status}",
                        action.id,
                        new.file,
                        action=action.id,
                        closed=action.closed,
                    )
                )
    return out


def _signature_steps(
    title: Term,
    version: str,
    name: Term,
    old: Signature | None,
    new: Signature,
    file: str,
    say: Say,
) -> list[Change]:
    out: list[Change] = []
    for step in STEPS:
        before = getattr(old, step) if old else None
        after = getattr(new, step)
        if after is not None and after != before:
            out.append(
                say(
                    f"signature-{step.replace('_', '-')}",
                    name.text,
                    file,
                    agreement=title,
                    version=version,
                    municipality=name,
                    date=after,
                )
            )
    return out


def _agreements(a: Dataset, b: Dataset, say: Say) -> list[Change]:
    out: list[Change] = []
    by_number = {n.number: Term(p.name, n.number) for p in b.parties.values() for n in p.numbers}
    for aid in sorted(b.agreements):
        new = b.agreements[aid]
        old = a.agreements.get(aid)
        title = Term(new.title.get(say.lang), aid)
        old_versions = {v.version: v for v in (old.versions if old else [])}
        for version in new.versions:
            prior = old_versions.get(version.version)
            if prior is None:
                out.append(
                    say(
                        "version-adopted",
                        aid,
                        new.file,
                        agreement=title,
                        version=version.version,
                        adopted_by=version.adopted_by,
                        adopted=version.adopted,
                    )
                )
            for number, sig in version.signatures.items():
                name = by_number.get(number, Term(number, number))
                before = prior.signatures.get(number) if prior else None
                out += _signature_steps(title, version.version, name, before, sig, new.file, say)
    return out


def _parties(a: Dataset, b: Dataset, say: Say) -> list[Change]:
    out: list[Change] = []
    for pid in sorted(set(a.parties) | set(b.parties)):
        old, new = a.parties.get(pid), b.parties.get(pid)
        if old is None and new is not None:
            kind = Term(word(PARTY_KIND, say.lang, new.kind), new.kind)
            out.append(say("party-added", pid, new.file, party=Term(new.name, pid), kind=kind))
        elif new is None and old is not None:
            out.append(say("party-removed", pid, old.file, party=Term(old.name, pid)))
        elif old is not None and new is not None and not _same(old, new):
            what: dict[str, str] = {}
            if old.name != new.name:
                what["name"] = say.word("name", old=old.name, new=new.name)
            if not _same(old.numbers, new.numbers):
                numbers = ", ".join(n.number for n in new.numbers)
                what["numbers"] = say.word("numbers", numbers=numbers)
            if not _same(old.membership, new.membership):
                what["membership"] = say.word("membership")
            if not _same(old.contact, new.contact):
                what["contact"] = say.word("contact")
            text = Term(
                "; ".join(what.values()) or say.word("details"), ",".join(what) or "details"
            )
            out.append(say("party-changed", pid, new.file, party=Term(new.name, pid), what=text))
    for person in sorted(set(b.people) - set(a.people)):
        p = b.people[person]
        title = Term(f", {p.title}", p.title) if p.title else Term("", None)
        added = Term(p.name, person)
        out.append(
            say("person-added", person, p.file, person=added, title=title, party=_party(b, p.party))
        )
    for person in sorted(set(a.people) - set(b.people)):
        gone = a.people[person]
        out.append(say("person-removed", person, gone.file, person=Term(gone.name, person)))
    return out


def _unreadable(side: str, ds: Dataset, say: Say) -> list[Change]:
    return [
        say(
            "unreadable",
            p.location.file,
            p.location.file,
            side=side,
            location=str(p.location),
            code=p.code,
            problem=p.message,
        )
        for p in ds.problems
        if p.severity is Severity.ERROR
    ]


def compare(a: Dataset, b: Dataset, lang: str = "en") -> list[Change]:
    """Every governance change from ``a`` (base) to ``b`` (head), said in ``lang``."""
    from hfctl.store.personal_data import redact

    say = Say(lang)
    changes = (
        _unreadable("base", a, say)
        + _unreadable("head", b, say)
        + _parties(a, b, say)
        + _members(a, b, say)
        + _meetings(a, b, say)
        + _agreements(a, b, say)
    )
    # a national identity number pasted into the data is not repeated in a pull-request
    # comment or a log (validate reports it, masked, as HF500)
    return [
        replace(
            c,
            entity=redact(c.entity),
            message=redact(c.message),
            file=redact(c.file),
            data={k: None if v is None else redact(v) for k, v in c.data.items()},
        )
        for c in changes
    ]


def no_changes(lang: str) -> str:
    """What to print when nothing changed."""
    return WORDS[lang]["none"]


def markdown(changes: list[Change], base: str, head: str, lang: str = "en") -> str:
    """A pull-request comment: changes grouped in sections."""
    heading = f"### {WORDS[lang]['heading']} ({md_inline(base)} → {md_inline(head)})"
    if not changes:
        return f"{heading}\n\n{no_changes(lang).capitalize()}.\n"
    lines = [heading, ""]
    sections: dict[str, list[Change]] = {}
    for change in changes:
        prefix = change.kind.split("-")[0]
        sections.setdefault(SECTIONS[lang][SECTION_OF.get(prefix, "people")], []).append(change)
    for title, items in sections.items():
        lines += [f"**{title}**", ""]
        lines += [f"- {md_inline(c.message)} ({md_code(c.file)})" for c in items]
        lines.append("")
    return "\n".join(lines)
