"""The same information to every party at the same time: audiences, sending, digests."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hfctl.core.errors import NotFoundError, RefusedError, UsageError
from hfctl.core.i18n import _, ngettext
from hfctl.domain.lookup import Known, find_any, fold, resolve
from hfctl.domain.membership import coordinator, letterhead
from hfctl.formats.dates import long_date
from hfctl.formats.words import resolve_lang
from hfctl.models.information import Information
from hfctl.models.party import Party
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

if TYPE_CHECKING:  # the e-mail modules cost ~30 ms to import: only sending needs them
    from email.message import EmailMessage


def audience(ds: Dataset, item: Information) -> list[Party]:
    """The parties an item is for: the trust and every region municipality, or those named
    (a forum stands for the trust or municipalities its members represent)."""
    day = item.received
    if not item.audience:
        trust = ds.parties.get(ds.community.trust) if ds.community else None
        found = [trust] if trust else []
        found += [p for p in ds.parties.values() if p.kind == "municipality" and p.member_on(day)]
    else:
        found = []
        for name in item.audience:
            if name in ds.parties:
                found.append(ds.parties[name])
            elif name in ds.forums:
                for member in ds.forums[name].members_on(day):
                    party = ds.parties.get(member.represents or "")
                    if party is not None and party.kind in ("trust", "municipality"):
                        found.append(party)
    unique = {p.id: p for p in found}
    return sorted(unique.values(), key=lambda p: (p.kind != "trust", p.number_on(day) or p.id))


def find_item(ds: Dataset, query: str) -> tuple[str, Information]:
    """An item by id (its file name without .md), file path or title."""
    key = query.rsplit("/", 1)[-1].removesuffix(".md")
    if key in ds.information:
        return key, ds.information[key]
    known = [Known(k, k, (k, item.title)) for k, item in ds.information.items()]
    key = resolve(query, known, "information item")
    return key, ds.information[key]


def slug(text: str) -> str:
    """A file-name slug of a title: lower-case ASCII words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return "-".join(words)[:60].strip("-") or "informasjon"


def plan_new(
    ds: Dataset,
    title: str,
    source: str,
    received: dt.date,
    audience_ids: list[str],
    summary: str = "",
) -> tuple[str, Plan]:
    """A new information item file."""
    if not title.strip() or not source.strip():
        raise UsageError(_("--title and --source must not be empty"))
    audience_ids = [find_any(ds, name, ("party", "forum")) for name in audience_ids]
    item_id = f"{received.isoformat()}-{slug(title)}"
    rel = f"data/information/{item_id}.md"
    data = yamledit.mapping(
        {"title": title.strip(), "source": source.strip(), "received": received}
    )
    if audience_ids:
        data["audience"] = yamledit.sequence(audience_ids)
    body = summary.strip() or "Samandrag kjem."
    doc = yamledit.EditableDocument(rel, data, prefix="---\n", suffix=f"---\n\n{body}\n")
    changes = Changeset(ds.root)
    changes.set(rel, doc.render())
    return item_id, Plan(changes, f"Information: {title.strip()} ({source.strip()})")


@dataclass(frozen=True)
class Outgoing:
    """The messages of one send (one per party) and the change that would record them all."""

    key: str
    messages: dict[str, EmailMessage]
    plan: Plan
    parties: list[Party]


def plan_send(ds: Dataset, query: str, today: dt.date, lang: str | None = None) -> Outgoing:
    """One e-mail per party not yet sent to, all in one run, and the record of the day (to be
    written only for the parties whose message the mail server accepted)."""
    from hfctl.formats.render import render

    key, item = find_item(ds, query)
    language = resolve_lang(ds, lang)
    if today < item.received:
        raise RefusedError(
            _("{key} was received {received}, after {today}").format(
                key=key, received=item.received, today=today
            )
        )
    parties = [p for p in audience(ds, item) if p.id not in item.sent]
    if not parties:
        raise RefusedError(
            _("{key} has already been sent to every party of its audience").format(key=key)
        )
    missing = [p.name for p in parties if p.contact is None]
    if missing:
        raise RefusedError(_("no contact address for {missing}").format(missing=", ".join(missing)))
    sender = coordinator(ds, today)
    values: dict[str, Any] = {
        "title": item.title,
        "source": item.source,
        "received": long_date(item.received, language),
        "links": item.links,
        "summary": ds.bodies.get(key, "").strip(),
        "sender": sender.name,
        "sender_email": sender.email,
        **letterhead(ds, language),
    }
    from hfctl.formats import mail

    messages: dict[str, EmailMessage] = {}
    for party in parties:
        assert party.contact is not None
        text = render(ds.root, f"inform/message.{language}.md.j2", party=party.name, **values)
        subject = text.splitlines()[0].lstrip("# ").strip()
        to = mail.Recipient(party.contact.name or party.name, party.contact.email)
        messages[party.id] = mail.build(sender, [to], subject, text)
    plan = plan_record_sent(ds, key, [p.id for p in parties], today)
    return Outgoing(key, messages, plan, parties)


def plan_record_sent(ds: Dataset, key: str, party_ids: list[str], day: dt.date) -> Plan:
    """Record that the item went to these parties on ``day`` (each only once)."""
    item = ds.information[key]
    changes = Changeset(ds.root)
    doc = changes.edit(item.file)
    if "sent" not in doc.data or doc.data["sent"] is None:
        doc.data["sent"] = yamledit.mapping({})
    for party_id in party_ids:
        doc.data["sent"][party_id] = day
    changes.set(item.file, doc.render())
    return Plan(changes, f"Information sent to {len(party_ids)} parties: {item.title}")


def plan_mark_sent(
    ds: Dataset,
    query: str,
    party_queries: list[str],
    every: bool,
    day: dt.date,
    today: dt.date,
) -> Plan:
    """Record a send done by hand: to the parties named, or (``every``) to every party of the
    audience not yet recorded, on ``day``."""
    key, item = find_item(ds, query)
    if every == bool(party_queries):
        raise UsageError(_("name the parties that got it (--party P ...) or give --all"))
    if day > today:
        raise RefusedError(
            _("{day} is in the future (today is {today}); record a send once done").format(
                day=day, today=today
            )
        )
    if day < item.received:
        raise RefusedError(
            _("{key} was received {received}, after {day}").format(
                key=key, received=item.received, day=day
            )
        )
    members = audience(ds, item)
    if every:
        chosen = [p for p in members if p.id not in item.sent]
        if not chosen:
            raise RefusedError(
                _("{key} is recorded as sent to every party of its audience").format(key=key)
            )
    else:
        by_id = {p.id: p for p in members}
        chosen = []
        for name in party_queries:
            party = by_id.get(name) or next(
                (p for p in members if fold(p.name) == fold(name)), None
            )
            if party is None:
                raise NotFoundError(
                    _("--party '{name}' is not in the audience of {key}").format(name=name, key=key)
                )
            if party.id in item.sent:
                raise RefusedError(
                    _("{key} is already recorded as sent to {party} on {sent}").format(
                        key=key, party=party.name, sent=item.sent[party.id]
                    )
                )
            if party not in chosen:
                chosen.append(party)
    plan = plan_record_sent(ds, key, [p.id for p in chosen], day)
    left = len([p for p in members if p.id not in item.sent]) - len(chosen)
    warnings = (
        [
            ngettext(
                "{left} party of the audience has no send recorded yet",
                "{left} parties of the audience have no send recorded yet",
                left,
            ).format(left=left)
        ]
        if left
        else []
    )
    return Plan(plan.changes, plan.message.replace("sent", "sent by hand", 1), warnings)


def rows(ds: Dataset, since: dt.date | None = None) -> list[dict[str, Any]]:
    """What went to whom and when, per item."""
    out: list[dict[str, Any]] = []
    for key, item in sorted(ds.information.items(), key=lambda kv: kv[1].received):
        if since is not None and item.received < since:
            continue
        parties = audience(ds, item)
        days = sorted({d for p, d in item.sent.items() if p in {x.id for x in parties}})
        out.append(
            {
                "id": key,
                "title": item.title,
                "source": item.source,
                "received": item.received.isoformat(),
                "audience": len(parties),
                "sent": sum(1 for p in parties if p.id in item.sent),
                "days": [d.isoformat() for d in days],
                "missing": [p.name for p in parties if p.id not in item.sent],
            }
        )
    return out


def digest(ds: Dataset, since: dt.date, fmt: str, lang: str | None = None) -> str:
    """The items received since a day, for the next Helseleiarnettverket meeting."""
    from hfctl.formats.render import render

    if fmt not in ("md", "html"):
        raise UsageError(_("--format '{fmt}' is not md or html").format(fmt=fmt))
    language = resolve_lang(ds, lang)
    items = [
        {
            **row,
            "received": long_date(dt.date.fromisoformat(row["received"]), language),
            "summary": ds.bodies.get(row["id"], "").strip(),
            "links": ds.information[row["id"]].links,
        }
        for row in rows(ds, since)
    ]
    return render(
        ds.root,
        f"inform/digest.{fmt}.j2",
        lang=language,
        items=items,
        since=long_date(since, language),
    )
