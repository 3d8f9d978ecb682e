"""What changed in meetings (time and place, cases, agenda, invitation, attendance,
decisions, actions) and in information to the parties, said in words.

Cases are matched by what stays: the same number and title; then the same title, in order;
then the same issued number (its title changed); then, before numbers are given, the cases
left over where they stand (edited in place). A case's title alone never makes it another
case, so a duplicate title or an unchanged meeting never reads as a renumbering."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hfctl.domain.semdiff_say import Change, Say, Term, forum_term, person_term
from hfctl.formats.words import MEETING_KIND, word
from hfctl.models.meeting import Attendance, Case, Meeting, case_label
from hfctl.store.loader import Dataset

if TYPE_CHECKING:
    from collections.abc import Iterator


def meetings(a: Dataset, b: Dataset, say: Say) -> list[Change]:
    """The changes to meetings from ``a`` to ``b``."""
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
        forum = forum_term(b, m.forum, lang)
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
            out += _meeting_steps(old, m, forum, say, b)
        else:
            kind = Term(word(MEETING_KIND, lang, m.kind), m.kind)
            out.append(say("meeting-added", mid, m.file, forum=forum, kind=kind, **where))
    for mid in sorted(set(a.meetings) - set(b.meetings) - set(moved_from.values())):
        out.append(say("meeting-removed", mid, a.meetings[mid].file, meeting=mid))
    for mid in sorted(set(a.meetings) & set(b.meetings)):
        old, new = a.meetings[mid], b.meetings[mid]
        forum = forum_term(b, new.forum, lang)
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
        out += _meeting_steps(old, new, forum, say, b)
    return out


def _meeting_steps(old: Meeting, new: Meeting, forum: Term, say: Say, b: Dataset) -> list[Change]:
    out: list[Change] = []
    at: dict[str, Term | dt.date] = {"forum": forum, "date": new.date}
    if old.status != new.status:
        out.append(say(f"meeting-{new.status}", new.id, new.file, **at))
    if new.agenda_issued and new.agenda_issued != old.agenda_issued:
        out.append(say("agenda-issued", new.id, new.file, issued=new.agenda_issued, **at))
    if new.invitation_sent and new.invitation_sent != old.invitation_sent:
        out.append(say("invitation-sent", new.id, new.file, sent=new.invitation_sent, **at))
    out += _attendance(old, new, forum, say, b)
    out += _cases(old, new, forum, say, b)
    return out


def _entries(attendance: Attendance | None) -> dict[tuple[str, str], str | None]:
    if attendance is None:
        return {}
    found: dict[tuple[str, str], str | None] = {}
    for person in attendance.present:
        found[(person, "present")] = None
    for person in attendance.apologies:
        found[(person, "apologies")] = None
    for deputy in attendance.deputies:
        found[(deputy.person, "deputy")] = deputy.for_
    return found


def _attendance(old: Meeting, new: Meeting, forum: Term, say: Say, b: Dataset) -> list[Change]:
    before, after = _entries(old.attendance), _entries(new.attendance)
    out: list[Change] = []
    at: dict[str, Term | dt.date] = {"forum": forum, "date": new.date}
    for (person, how), member in after.items():
        if (person, how) in before and before[(person, how)] == member:
            continue
        who = person_term(b, person)
        if how == "deputy":
            deputy_for = person_term(b, member or "")
            out.append(
                say("attendance-deputy", person, new.file, person=who, member=deputy_for, **at)
            )
        else:
            out.append(say(f"attendance-{how}", person, new.file, person=who, **at))
    gone = {p for p, _how in before} - {p for p, _how in after}
    for person in sorted(gone):
        who = person_term(b, person)
        out.append(say("attendance-removed", person, new.file, person=who, **at))
    return out


def _key(title: str) -> str:
    return " ".join(title.casefold().split())


def pair_cases(old: list[Case], new: list[Case]) -> list[tuple[int | None, int | None]]:
    """Which case of ``old`` each case of ``new`` is (index pairs; None: added or removed)."""
    pairs: dict[int, int] = {}
    free_old = list(range(len(old)))

    def take(match: Iterator[int], j: int) -> None:
        i = next(match, None)
        if i is not None:
            pairs[j] = i
            free_old.remove(i)

    for j, case in enumerate(new):  # 1. the same number and title
        take(
            (
                i
                for i in free_old
                if (old[i].number, _key(old[i].title)) == (case.number, _key(case.title))
            ),
            j,
        )
    for j, case in enumerate(new):  # 2. the same title, in the order they stand
        if j not in pairs:
            take((i for i in free_old if _key(old[i].title) == _key(case.title)), j)
    for j, case in enumerate(new):  # 3. the same issued number: its title changed
        if j not in pairs and case.number is not None:
            take((i for i in free_old if old[i].number == case.number), j)
    free_new = [j for j in range(len(new)) if j not in pairs]
    if len(free_new) == len(free_old):  # 4. as many changed as before: edited where they stand
        for j, i in zip(free_new, list(free_old), strict=True):
            if new[j].number is None and old[i].number is None:
                pairs[j] = i
                free_old.remove(i)
    out: list[tuple[int | None, int | None]] = [(pairs.get(j), j) for j in range(len(new))]
    out += [(i, None) for i in free_old]
    return out


def _label(case: Case, year: int, say: Say) -> Term:
    if case.number:
        return Term(case_label(case.number, year), str(case.number))
    return Term(say.word("unnumbered"), None)


def _cases(old: Meeting, new: Meeting, forum: Term, say: Say, b: Dataset) -> list[Change]:
    out: list[Change] = []
    pairs = pair_cases(old.cases, new.cases)
    at: dict[str, Term | dt.date] = {"forum": forum, "date": new.date}
    for i, j in pairs:
        if j is None:
            assert i is not None
            out.append(say("case-removed", old.id, new.file, title=old.cases[i].title, **at))
            continue
        case = new.cases[j]
        label = _label(case, new.date.year, say)
        if i is None:
            out.append(say("case-added", new.id, new.file, label=label, title=case.title, **at))
            continue
        out += _case(old.cases[i], case, label, old, new, forum, say, b)
    kept = [i for i, j in pairs if i is not None and j is not None]
    if kept != sorted(kept):
        out.append(say("case-reordered", new.id, new.file, **at))
    return out


def _case(
    was: Case,
    case: Case,
    label: Term,
    old: Meeting,
    new: Meeting,
    forum: Term,
    say: Say,
    b: Dataset,
) -> list[Change]:
    out: list[Change] = []
    at: dict[str, Term | dt.date] = {"forum": forum, "date": new.date}
    if was.number != case.number:
        kind = "case-numbered" if was.number is None else "case-renumbered"
        old_label = _label(was, old.date.year, say)
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
    corrected = next((c for c in reversed(case.corrections) if c.title == was.title), None)
    if corrected is not None and was.title != case.title:
        out.append(
            say(
                "case-title-corrected",
                new.id,
                new.file,
                label=label,
                title=case.title,
                old=was.title,
                reason=corrected.reason,
            )
        )
    elif _key(was.title) != _key(case.title):
        out.append(
            say(
                "case-retitled",
                new.id,
                new.file,
                label=label,
                title=case.title,
                old=was.title,
                **at,
            )
        )
    if (was.type, was.reference, was.presenter) != (case.type, case.reference, case.presenter):
        details = Term(say.word("details"), None)
        out.append(
            say("case-changed", new.id, new.file, label=label, title=case.title, details=details)
        )
    if case.withdrawn and not was.withdrawn:
        out.append(say("case-withdrawn", new.id, new.file, label=label, title=case.title, **at))
    if case.decision and case.decision != was.decision:
        out.append(
            say("decision", new.id, new.file, forum=forum, label=label, decision=case.decision)
        )
        approved = _meeting_day(case.refers_to)
        if case.refers_to and approved is not None:
            out.append(
                say(
                    "minutes-approved",
                    case.refers_to,
                    new.file,
                    forum=forum,
                    old=approved,
                    label=label,
                )
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


def _meeting_day(meeting_id: str | None) -> dt.date | None:
    """The day of a meeting from its id (``<date>-<forum>``): a log compares only the files a
    commit touched, so the meeting itself may not be loaded."""
    try:
        return dt.date.fromisoformat(meeting_id[:10]) if meeting_id else None
    except ValueError:
        return None


def information(a: Dataset, b: Dataset, say: Say) -> list[Change]:
    """Information items recorded, and the days they were recorded as sent."""
    out: list[Change] = []
    for key, item in sorted(b.information.items()):
        before = a.information.get(key)
        if before is None:
            out.append(
                say("information-added", key, item.file, source=item.source, title=item.title)
            )
        sent_before = before.sent if before is not None else {}
        days: dict[dt.date, list[str]] = {}
        for party, day in item.sent.items():
            if sent_before.get(party) != day:
                days.setdefault(day, []).append(party)
        for day, parties in sorted(days.items()):
            out.append(
                say(
                    "information-sent",
                    key,
                    item.file,
                    title=item.title,
                    count=Term(str(len(parties)), ",".join(parties)),
                    sent=day,
                )
            )
    return out
