"""Reminder letters to municipalities that have not signed an agreement's current version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from hfctl.core.errors import HfctlError, UsageError
from hfctl.domain.agreements import Row, rows
from hfctl.domain.membership import coordinator, letterhead
from hfctl.formats import mail
from hfctl.formats.dates import long_date
from hfctl.formats.words import resolve_lang
from hfctl.models.agreement import WAITING
from hfctl.models.party import Party
from hfctl.store.loader import Dataset


@dataclass(frozen=True)
class Letter:
    """One reminder: to whom, about what, as Markdown and as an e-mail."""

    municipality: Party
    rows: list[Row]
    markdown: str
    message: EmailMessage
    lang: str = "nn"


def letters(
    ds: Dataset, today: dt.date, older_than: int = 0, lang: str | None = None
) -> list[Letter]:
    """A letter per municipality with agreements sent at least ``older_than`` days ago and not
    yet signed; municipalities without a contact address are an error that names them."""
    from hfctl.formats.render import render

    language = resolve_lang(ds, lang)
    if older_than < 0:
        raise UsageError("--older-than must be 0 or more days")
    sender = coordinator(ds, today)
    waiting: dict[str, list[Row]] = {}
    for row in rows(ds, today):
        if row.status in WAITING and (row.days_since_sent or 0) >= older_than:
            waiting.setdefault(row.municipality, []).append(row)
    by_number = {p.number_on(today): p for p in ds.parties.values() if p.kind == "municipality"}
    out: list[Letter] = []
    for number, pending in sorted(waiting.items()):
        party = by_number[number]
        if party.contact is None:
            raise HfctlError(f"{party.name} has no contact address in {party.file}")
        items = [
            {
                "title": r.agreement_title,
                "version": r.version,
                "sent": long_date(r.sent, language) if r.sent else "",
                "days": r.days_since_sent or 0,
                "status": r.status,
                "council_meeting": long_date(r.council_meeting, language)
                if r.council_meeting
                else "",
                "reference": r.reference or "",
            }
            for r in pending
        ]
        text = render(
            ds.root,
            f"agreements/reminder.{language}.md.j2",
            municipality=party.name,
            items=items,
            today=long_date(today, language),
            sender=sender.name,
            sender_email=sender.email,
            **letterhead(ds, language),
        )
        subject = text.splitlines()[0].lstrip("# ").strip()
        to = mail.Recipient(party.contact.name or party.name, party.contact.email)
        message = mail.build(sender, [to], subject, text)
        out.append(Letter(party, pending, text, message, language))
    return out


def write_letters(found: list[Letter], folder: Path, root: Path, pdf: bool = False) -> list[Path]:
    """Write each letter as reminder-<municipality>.md and .eml (a draft, to send by hand)
    into ``folder`` (and .pdf, tagged, with ``pdf``)."""
    from hfctl.store.writer import write_outputs

    files: dict[str, bytes] = {}
    for letter in found:
        files[f"reminder-{letter.municipality.id}.md"] = letter.markdown.encode("utf-8")
        files[f"reminder-{letter.municipality.id}.eml"] = mail.draft(letter.message)
        if pdf:
            from hfctl.documents import pdf as pdf_module

            subject = str(letter.message["Subject"])
            files[f"reminder-{letter.municipality.id}.pdf"] = pdf_module.letter(
                root, letter.markdown, letter.lang, subject
            )
    return write_outputs(folder, root, files)
