"""The health community's website, built from the data: plain HTML and CSS, no script.

``build`` gives every file of the site (path -> bytes) from the data alone, never from the
clock, so a rebuild with no data change is byte-identical. Pages name people with their role
and the party they represent; the only contacts published are the secretariat's public work
contacts (``site_parts.contact``), no other e-mail address or telephone number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hfctl.core.errors import RefusedError
from hfctl.documents.papers import papers_page
from hfctl.documents.public_minutes import approved, minutes_page
from hfctl.documents.public_minutes import context as minutes_context
from hfctl.documents.site_parts import contact, groups, members, record
from hfctl.domain.agreements import Signing, signing
from hfctl.domain.publication import forbidden, leaks, public_view
from hfctl.formats.words import MEETING_KIND, long_day, word
from hfctl.models.agreement import STEP_FIELDS
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset

MANIFEST = ".hfctl-site"
"""The list of files a build wrote, so the next build can remove the ones it no longer makes."""

KIND_ORDER = (
    "partnership-meeting",
    "strategic-committee",
    "professional-committee",
    "competence-group",
    "joint-meeting",
    "rd-unit",
    "leaders-network",
)


@dataclass(frozen=True)
class Page:
    """One file of the site: its name and the template and context that make it."""

    name: str
    template: str
    context: dict[str, Any]


def body_page(forum_id: str) -> str:
    """The file name of a body's page."""
    return f"body-{forum_id}.html"


def meeting_page(meeting_id: str) -> str:
    """The file name of a meeting's page."""
    return f"meeting-{meeting_id}.html"


def feed(forum_id: str) -> str:
    """The file name of a body's calendar feed."""
    return f"calendar-{forum_id}.ics"


def _day(day: dt.date | None, lang: str) -> str:
    return long_day(day, lang, "")


def _clock(meeting: Meeting, lang: str) -> str:
    from hfctl.formats.dates import clock

    return clock(meeting.start, meeting.end, lang)


def _meeting_row(ds: Dataset, meeting: Meeting, lang: str) -> dict[str, Any]:
    forum = ds.forums.get(meeting.forum)
    return {
        "id": meeting.id,
        "href": meeting_page(meeting.id),
        "date": _day(meeting.date, lang),
        "iso": meeting.date.isoformat(),
        "time": _clock(meeting, lang),
        "location": meeting.location,
        "status": meeting.status,
        "kind": word(MEETING_KIND, lang, meeting.kind),
        "extraordinary": meeting.kind == "extraordinary",
        "forum": forum.display_name(lang) if forum else meeting.forum,
        "forum_href": body_page(meeting.forum) if forum else None,
    }


def _next_meetings(ds: Dataset, lang: str, today: dt.date) -> list[dict[str, Any]]:
    """The next meeting of every body, from ``today`` on (the meetings `meeting list` shows)."""
    from hfctl.domain.meetings import select

    nearest: dict[str, Meeting] = {}
    for meeting in select(ds, None, today, None):
        forum = ds.forums.get(meeting.forum)
        if meeting.status == "cancelled" or forum is None or forum.dissolved is not None:
            continue
        nearest.setdefault(meeting.forum, meeting)
    ordered = sorted(nearest.values(), key=lambda m: (m.date, m.start, m.forum))
    return [_meeting_row(ds, m, lang) for m in ordered]


def _agreement(ds: Dataset, progress: Signing, lang: str, today: dt.date) -> dict[str, Any]:
    """One agreement's signatures on ``today``, from the query ``hfctl status`` shows."""
    agreement = ds.agreements[progress.agreement]
    version = agreement.version_on(today)
    rows = []
    for r in sorted(progress.rows, key=lambda r: r.municipality_name):
        day = getattr(r, STEP_FIELDS[r.status]) if r.status in STEP_FIELDS else None
        rows.append(
            {
                "name": r.municipality_name,
                "number": r.municipality,
                "state": r.status,
                "date": _day(day, lang),
            }
        )
    return {
        "id": agreement.id,
        "title": agreement.title.get(lang),
        "version": progress.version,
        "in_force": _day(version.in_force, lang) if version and version.in_force else "",
        "rows": rows,
        "signed": progress.signed,
        "total": progress.total,
    }


def pages(
    ds: Dataset, lang: str, today: dt.date, pdf: bool = False, data_day: dt.date | None = None
) -> list[Page]:
    """Every HTML page of the site as of ``today``, with its context (``pdf``: the meetings'
    papers are published as PDF too, so their pages link to them; ``data_day``: the day of the
    data, said on the front page)."""
    community = ds.community.name.get(lang) if ds.community else "hfctl"
    common = {"lang": lang, "community": community, "pdf": pdf}
    forums = sorted(
        (f for f in ds.forums.values() if f.dissolved is None),
        key=lambda f: (KIND_ORDER.index(f.kind) if f.kind in KIND_ORDER else 99, f.id),
    )
    meetings = sorted(ds.meetings.values(), key=lambda m: (m.date, m.start, m.forum))
    bodies = [
        {
            "id": f.id,
            "href": body_page(f.id),
            "name": f.name.get(lang),
            "short": f.short or "",
            "kind": f.kind,
        }
        for f in forums
    ]
    out = [
        Page(
            "index.html",
            "site/index.html.j2",
            {
                **common,
                "bodies": bodies,
                "groups": groups(bodies),
                "upcoming": _next_meetings(ds, lang, today),
                "contact": contact(ds, lang, today),
                "data_day": _day(data_day, lang),
                "agreements": len(ds.agreements),
                "page": "index",
            },
        ),
        Page(
            "agreements.html",
            "site/agreements.html.j2",
            {
                **common,
                "page": "agreements",
                "agreements": [
                    _agreement(ds, progress, lang, today) for progress in signing(ds, today)
                ],
            },
        ),
        Page(
            "meetings.html",
            "site/meetings.html.j2",
            {
                **common,
                "page": "meetings",
                "years": _by_year([_meeting_row(ds, m, lang) for m in meetings]),
            },
        ),
    ]
    for forum in forums:
        parent = ds.forums.get(forum.parent) if forum.parent else None
        out.append(
            Page(
                body_page(forum.id),
                "site/body.html.j2",
                {
                    **common,
                    "page": "body",
                    "forum": {
                        "id": forum.id,
                        "name": forum.name.get(lang),
                        "short": forum.short or "",
                        "kind": forum.kind,
                        "mandate": forum.mandate.get(lang),
                        "established": _day(forum.established, lang),
                        "parent": parent.display_name(lang) if parent else "",
                        "parent_href": body_page(parent.id) if parent else "",
                        "feed": feed(forum.id),
                    },
                    **members(ds, forum, lang, today),
                    "meetings": [
                        _meeting_row(ds, m, lang) for m in meetings if m.forum == forum.id
                    ],
                },
            )
        )
    approved_minutes = approved(ds)
    approved_ids = {m.id for m in approved_minutes}
    for meeting in meetings:
        forum_model = ds.forums.get(meeting.forum)
        out.append(
            Page(
                meeting_page(meeting.id),
                "site/meeting.html.j2",
                {
                    **common,
                    "page": "meeting",
                    "meeting": {
                        **_meeting_row(ds, meeting, lang),
                        "long_date": _long(meeting.date, lang),
                        "forum_name": forum_model.name.get(lang) if forum_model else meeting.forum,
                    },
                    "record": record(ds, meeting, lang),
                    "cases": [
                        {
                            "label": c.label,
                            "title": c.title,
                            "type": c.type,
                            "decision": c.decision,
                            "decision_kind": c.decision_kind,
                            "votes": c.votes,
                            "reference": c.reference,
                            "exempt": c.exempt.cite if c.exempt else "",
                        }
                        for c in public_view(ds, meeting).cases
                    ],
                    "papers": papers_page(meeting.id) if meeting.agenda_issued else "",
                    "minutes": minutes_page(meeting.id) if meeting.id in approved_ids else "",
                },
            )
        )
    for meeting in approved_minutes:
        values = {"minutes": minutes_context(ds, meeting, lang), "page": "minutes"}
        out.append(Page(minutes_page(meeting.id), "site/minutes.html.j2", {**common, **values}))
    feedback = ds.community.accessibility_contact if ds.community else None
    out.append(
        Page(
            "accessibility.html",
            "site/accessibility.html.j2",
            {**common, "page": "accessibility", "contact": feedback or ""},
        )
    )
    return out


def _long(day: dt.date, lang: str) -> str:
    from hfctl.formats.dates import long_date

    return long_date(day, lang)


def _by_year(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    years: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        years.setdefault(row["iso"][:4], []).append(row)
    return sorted(years.items(), reverse=True)


def calendars(ds: Dataset, lang: str, written: dt.datetime) -> dict[str, bytes]:
    """A calendar feed per body: its meetings, with no one's address in them; DTSTAMP the
    moment ``written``."""
    from hfctl.documents.invite import event
    from hfctl.formats import ical

    out: dict[str, bytes] = {}
    for forum in sorted(ds.forums.values(), key=lambda f: f.id):
        if forum.dissolved is not None:
            continue
        cal = ical.calendar(
            "PUBLISH", x_wr_calname=ical.Text(forum.display_name(lang)), x_wr_timezone=ical.TZID
        )
        for meeting in sorted(
            (m for m in ds.meetings.values() if m.forum == forum.id), key=lambda m: m.id
        ):
            cal.add_component(event(ds, meeting, lang, written))
        out[feed(forum.id)] = bytes(cal.to_ical())
    return out


def build(
    ds: Dataset,
    lang: str,
    today: dt.date,
    written: dt.datetime,
    pdf: bool = False,
    data_day: dt.date | None = None,
) -> dict[str, bytes]:
    """Every file of the site as of ``today``, by name; the feeds' DTSTAMP is ``written`` (the
    command gives the data's last commit, so that a rebuild with no data change is
    byte-identical); with ``pdf``, the meetings' public papers as PDF too (a second or so
    each); ``data_day``: the day of the data it is built from, said on the front page."""
    from hfctl.documents.papers import site_files
    from hfctl.formats.render import render

    files: dict[str, bytes] = {}
    for page in pages(ds, lang, today, pdf, data_day):
        files[page.name] = render(ds.root, page.template, **page.context).encode("utf-8")
    files["site.css"] = render(ds.root, "site/site.css.j2").encode("utf-8")
    files.update(calendars(ds, lang, written))
    files.update(site_files(ds, lang, pdf))
    refuse_leaks(ds, files)
    return dict(sorted(files.items()))


def refuse_leaks(ds: Dataset, files: dict[str, bytes]) -> None:
    """Refuse a public output any file of which holds text exempt from public access."""
    secret = forbidden(ds)
    if not secret:
        return
    for name, data in files.items():
        if name.endswith((".pdf", ".png")):
            continue
        found = leaks(data.decode("utf-8", errors="replace"), secret)
        if found:
            raise RefusedError(
                f"{name} would publish text exempt from public access ('{found[0][:60]}'); "
                "nothing was written"
            )


def write(folder: Path, root: Path, files: dict[str, bytes]) -> tuple[list[Path], list[str]]:
    """Write the site into ``folder``; remove the files an earlier build made that this one
    does not. A folder that holds other files, not made by hfctl, is refused."""
    from hfctl.store.atomic import atomic_write
    from hfctl.store.outputs import check_folder
    from hfctl.store.writer import write_outputs

    check_folder(folder, root)  # before anything is made: a refused -o leaves nothing
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / MANIFEST
    earlier: list[str] = []
    if manifest.exists():
        earlier = [n for n in manifest.read_text(encoding="utf-8").splitlines() if n]
    others = sorted(
        p.name
        for p in folder.iterdir()
        if p.name != MANIFEST and p.name not in earlier and p.name not in files
    )
    if others:
        raise RefusedError(
            f"{folder} holds files hfctl did not make ({', '.join(others[:3])}"
            f"{', …' if len(others) > 3 else ''}): build the site into an empty folder"
        )
    written = write_outputs(folder, root, files)
    removed = []
    for name in earlier:
        if name not in files and "/" not in name and name != MANIFEST:
            (folder / name).unlink(missing_ok=True)
            removed.append(name)
    atomic_write(manifest, ("\n".join(sorted(files)) + "\n").encode("utf-8"))
    return written, removed
