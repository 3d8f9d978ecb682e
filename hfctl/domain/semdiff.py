"""What changed between two states of the data, said in governance terms, not YAML lines.

Every change has a kind, the entity it is about, the file, its values (``data``, for JSON and
for tools) and a sentence for reviewers in nynorsk, bokmål or English (``MESSAGES``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hfctl.core.i18n import translations
from hfctl.core.problems import Severity
from hfctl.core.rule import N_
from hfctl.domain.membership import speaks_for
from hfctl.domain.semdiff_meetings import information, meetings
from hfctl.domain.semdiff_say import MESSAGES as MESSAGES
from hfctl.domain.semdiff_say import WORDS as WORDS
from hfctl.domain.semdiff_say import Change as Change
from hfctl.domain.semdiff_say import (
    Say,
    Term,
    forum_term,
    party_term,
    person_term,
    roles_term,
    same,
)
from hfctl.formats.safe import md_code, md_inline
from hfctl.formats.words import PARTY_KIND, word
from hfctl.models.agreement import SIGNATURE_STEPS, Signature
from hfctl.store.loader import Dataset

STEPS = tuple(step.field for step in SIGNATURE_STEPS)
NAMES = ("community", "parties", "people", "forums")
"""What ``compare`` reads beyond the files that differ: the names of parties, people and
bodies, and the community (whose user council a user representative sits for)."""

# markdown sections: the first part of a kind -> section
SECTIONS: dict[str, str] = {
    "people": N_("Parties and people"),
    "bodies": N_("Bodies and members"),
    "meetings": N_("Meetings"),
    "followup": N_("Follow-up"),
    "agreements": N_("Agreements"),
    "information": N_("Information to the parties"),
    "unreadable": N_("Files that could not be read"),
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
    "agenda": "meetings",
    "invitation": "meetings",
    "attendance": "meetings",
    "minutes": "meetings",
    "information": "information",
    "action": "followup",
    "version": "agreements",
    "signature": "agreements",
    "unreadable": "unreadable",
}


def _members(a: Dataset, b: Dataset, say: Say) -> list[Change]:
    out: list[Change] = []
    lang = say.lang
    for fid in sorted(set(a.forums) | set(b.forums)):
        old, new = a.forums.get(fid), b.forums.get(fid)
        if old is None and new is not None:
            out.append(say("forum-added", fid, new.file, forum=forum_term(b, fid, lang, full=True)))
            continue
        if new is None and old is not None:
            out.append(say("forum-removed", fid, old.file, forum=forum_term(a, fid, lang)))
            continue
        assert old is not None and new is not None
        name = forum_term(b, fid, lang)
        before = {(m.person, m.from_): m for m in old.members}
        after = {(m.person, m.from_): m for m in new.members}
        for key in sorted(set(after) - set(before), key=str):
            m = after[key]
            day_before = m.from_ - dt.timedelta(days=1)
            renews = any(
                o.person == m.person and o.roles == m.roles and o.to == day_before
                for o in new.members
            )
            out.append(
                say(
                    "member-renewed" if renews else "member-joined",
                    fid,
                    new.file,
                    person=person_term(b, m.person),
                    forum=name,
                    role=roles_term(lang, m.roles),
                    represents=party_term(b, speaks_for(b, m)),
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
                    person=person_term(a, m.person),
                    role=roles_term(lang, m.roles),
                    forum=name,
                )
            )
        for key in sorted(set(before) & set(after), key=str):
            was, now = before[key], after[key]
            person = person_term(b, now.person)
            if was.roles != now.roles:
                out.append(
                    say(
                        "member-role",
                        fid,
                        new.file,
                        person=person,
                        forum=name,
                        old=roles_term(lang, was.roles),
                        new=roles_term(lang, now.roles),
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
                    forum_term(b, term.holder, lang, full=True)
                    if term.holder in b.forums
                    else party_term(b, term.holder)
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
        elif old is not None and new is not None and not same(old, new):
            what: dict[str, str] = {}
            if old.name != new.name:
                what["name"] = say.word("name", old=old.name, new=new.name)
            if not same(old.numbers, new.numbers):
                numbers = ", ".join(n.number for n in new.numbers)
                what["numbers"] = say.word("numbers", numbers=numbers)
            if not same(old.membership, new.membership):
                what["membership"] = say.word("membership")
            if not same(old.contact, new.contact):
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
            say(
                "person-added",
                person,
                p.file,
                person=added,
                title=title,
                party=party_term(b, p.party),
            )
        )
    for person in sorted(set(a.people) & set(b.people)):
        was, now = a.people[person], b.people[person]
        if same(was, now):
            continue
        said: dict[str, str] = {}
        if was.name != now.name:
            said["name"] = say.word("name", old=was.name, new=now.name)
        if was.party != now.party:
            said["party"] = say.word(
                "party", old=party_term(a, was.party).text, new=party_term(b, now.party).text
            )
        if was.title != now.title:
            said["title"] = say.word("title", new=now.title or "–")
        if was.email != now.email:
            said["email"] = say.word("email")
        text = Term("; ".join(said.values()) or say.word("details"), ",".join(said) or "details")
        out.append(
            say("person-changed", person, now.file, person=Term(now.name, person), what=text)
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
        + meetings(a, b, say)
        + information(a, b, say)
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
    return translations(lang).gettext(WORDS["none"])


def markdown(changes: list[Change], base: str, head: str, lang: str = "en") -> str:
    """A pull-request comment: changes grouped in sections."""
    title = translations(lang).gettext(WORDS["heading"])
    heading = f"### {title} ({md_inline(base)} → {md_inline(head)})"
    if not changes:
        return f"{heading}\n\n{no_changes(lang).capitalize()}.\n"
    lines = [heading, ""]
    sections: dict[str, list[Change]] = {}
    for change in changes:
        prefix = change.kind.split("-")[0]
        sections.setdefault(
            translations(lang).gettext(SECTIONS[SECTION_OF.get(prefix, "people")]), []
        ).append(change)
    for title, items in sections.items():
        lines += [f"**{title}**", ""]
        lines += [f"- {md_inline(c.message)} ({md_code(c.file)})" for c in items]
        lines.append("")
    return "\n".join(lines)
