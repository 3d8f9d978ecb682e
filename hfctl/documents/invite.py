"""Invitations: who is invited (derived, never typed), the calendar event and the e-mail."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from email.message import EmailMessage
from typing import TYPE_CHECKING

from hfctl.core.errors import HfctlError
from hfctl.documents.agenda import render_agenda
from hfctl.documents.tables import BOM, safe_cell
from hfctl.domain.invitees import Invitee, invitees
from hfctl.domain.meetings import OSLO, end_of
from hfctl.domain.secretariat import holder_on
from hfctl.formats import mail
from hfctl.formats.words import resolve_lang
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset

if TYPE_CHECKING:
    from icalendar import Event


def organizer(ds: Dataset, meeting: Meeting) -> mail.Recipient:
    """The SSU secretariat's secretary for SSU (the meeting's secretary, who must belong to
    the holder that day); otherwise the meeting's or the forum's secretary."""
    forum = ds.forums.get(meeting.forum)
    candidates: list[str] = []
    if meeting.secretary:
        candidates.append(meeting.secretary)
    if forum is not None:
        if forum.secretariat is not None and holder_on(forum.secretariat, meeting.date) is None:
            raise HfctlError(f"no {forum.display_name()} secretariat term covers {meeting.date}")
        candidates += [m.person for m in forum.members_on(meeting.date) if m.holds("secretary")]
    for person_id in candidates:
        person = ds.people.get(person_id)
        if person is not None and person.email:
            return mail.Recipient(person.name, person.email)
    raise HfctlError(f"{meeting.id} has no secretary with an e-mail address to organise it")


def _uid(ds: Dataset, meeting: Meeting) -> str:
    community = ds.community.id if ds.community else "hfctl"
    return meeting.uid or f"{meeting.id}@{community}.hfctl"


def once(local: dt.datetime) -> dt.datetime:
    """``local`` as a calendar writes it: in Europe/Oslo, but in UTC for a wall-clock time that
    comes twice (the hour the clocks go back), where RFC 5545 means the first and ical.js reads
    the second; UTC names the first for every reader."""
    if local.utcoffset() != local.replace(fold=1).utcoffset():
        return local.astimezone(dt.UTC)
    return local


def event(ds: Dataset, meeting: Meeting, lang: str, written: dt.datetime) -> Event:
    """The meeting as a calendar event with no one's address in it: time (Europe/Oslo),
    place, status, the uid and sequence that invitations and feeds share, and DTSTAMP the
    moment ``written``."""
    from icalendar import Event

    from hfctl.formats.ical import Text, stamp

    forum = ds.forums.get(meeting.forum)
    title = f"{forum.display_name(lang) if forum else meeting.forum}: " + (
        "møte" if lang != "en" else "meeting"
    )
    cancelled = meeting.status == "cancelled"
    found = Event()
    found.add("uid", Text(_uid(ds, meeting)))
    found.add("sequence", meeting.sequence)
    found.add("summary", Text(title))
    start = dt.datetime.combine(meeting.date, meeting.start, tzinfo=OSLO)
    found.add("dtstart", once(start))
    end_time = end_of(ds, meeting)  # the forum's usual length when it has no end; none invented
    if end_time is not None:
        found.add("dtend", once(dt.datetime.combine(meeting.date, end_time, tzinfo=OSLO)))
    found.add("dtstamp", stamp(written))
    found.add("location", Text(meeting.location))
    found.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return found


def calendar(ds: Dataset, meeting: Meeting, lang: str, written: dt.datetime) -> bytes:
    """An iCalendar REQUEST (CANCEL for a cancelled meeting) with Europe/Oslo times, its
    time zone given by rules; DTSTAMP the moment ``written``."""
    from icalendar import vCalAddress, vText

    from hfctl.formats import ical

    cal = ical.calendar("CANCEL" if meeting.status == "cancelled" else "REQUEST")
    invitation = event(ds, meeting, lang, written)
    org = organizer(ds, meeting)
    organizer_address = vCalAddress(f"mailto:{org.email}")
    organizer_address.params["cn"] = vText(org.name)
    invitation["organizer"] = organizer_address
    seen: set[str] = set()
    for invitee in invitees(ds, meeting):
        if not invitee.email or invitee.email.casefold() in seen:
            continue  # the user council answers once for the user representatives it reaches
        seen.add(invitee.email.casefold())
        attendee = vCalAddress(f"mailto:{invitee.email}")
        attendee.params["cn"] = vText(invitee.via or invitee.name)
        attendee.params["role"] = vText("OPT-PARTICIPANT" if invitee.deputy else "REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("TRUE")
        invitation.add("attendee", attendee, encode=False)
    cal.add_component(invitation)
    return bytes(cal.to_ical())


def recipients_csv(people: list[Invitee]) -> str:
    """Who is invited and why, as CSV with a byte order mark (cells a spreadsheet would run
    are neutralised)."""
    out = io.StringIO(BOM)
    out.seek(0, io.SEEK_END)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["person", "name", "email", "reason", "deputy"])
    for p in people:
        writer.writerow(
            [
                safe_cell(v)
                for v in (p.person, p.name, p.email or "", p.reason, "yes" if p.deputy else "no")
            ]
        )
    return out.getvalue()


@dataclass(frozen=True)
class Invitation:
    """The three files of an invitation."""

    ics: bytes
    eml: EmailMessage
    csv: str
    recipients: list[Invitee]


def build(
    ds: Dataset,
    meeting: Meeting,
    lang: str | None,
    today: dt.date,
    written: dt.datetime | None = None,
) -> Invitation:
    """The calendar event, the e-mail (agenda as text and HTML, the event among the
    alternatives and attached) and the list; ``written`` (by default the moment, see
    ``store.repo.moment``) stamps the event and dates the message."""
    from hfctl.store.repo import moment

    written = written or moment()
    language = resolve_lang(ds, lang)
    people = invitees(ds, meeting)
    ics = calendar(ds, meeting, language, written)
    text = render_agenda(ds, meeting.id, language, "md", today)
    html = render_agenda(ds, meeting.id, language, "html", today)
    subject = text.splitlines()[0].lstrip("# ").strip()
    addresses: dict[str, mail.Recipient] = {}
    for p in people:  # user representatives share the user council's address: it gets one
        if p.email and p.email.casefold() not in addresses:
            addresses[p.email.casefold()] = mail.Recipient(p.via or p.name, p.email)
    to = list(addresses.values())
    method = "CANCEL" if meeting.status == "cancelled" else "REQUEST"
    message = mail.build(
        organizer(ds, meeting),
        to,
        subject,
        text,
        html,
        date=written,
        invitation=mail.Invitation(ics, method),
    )
    return Invitation(ics, message, recipients_csv(people), people)
