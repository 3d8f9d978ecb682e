"""Attaching a vedlegg to a case: a file already in the repository under ``data/``, or a web
address, with its title and, if it is exempt from public access, the legal basis."""

from __future__ import annotations

from hfctl.core.errors import NotFoundError, RefusedError, UsageError
from hfctl.core.i18n import _
from hfctl.domain.followup import find_case, find_meeting
from hfctl.models.meeting import case_label
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

ADDRESS = ("https://", "http://")


def plan_attach(
    ds: Dataset,
    meeting_query: str,
    case_query: str,
    source: str,
    title: str,
    exempt: str | None = None,
    public_title: str | None = None,
) -> Plan:
    """Add an attachment to a case; a file must be one of the repository's data files."""
    meeting = find_meeting(ds, meeting_query)
    index = find_case(meeting, case_query)
    case = meeting.cases[index]
    if not title.strip():
        raise UsageError(_("--title: an attachment needs a title"))
    if exempt is not None and (ds.legal_bases is None or ds.legal_bases.get(exempt) is None):
        listed = ", ".join(b.id for b in ds.legal_bases.bases) if ds.legal_bases else "none"
        raise NotFoundError(
            _("'{exempt}' is not in data/legal-bases.yaml (listed: {listed})").format(
                exempt=exempt, listed=listed
            )
        )
    if public_title is not None and exempt is None:
        raise UsageError(_("--public-title is for an exempt attachment (give --exempt BASIS)"))
    entry: dict[str, str] = {"title": title.strip()}
    if source.startswith(ADDRESS):
        entry["url"] = source
    else:
        rel = source.removeprefix("./")
        path = (ds.root / rel).resolve()
        if path.is_relative_to(ds.root.resolve()):
            rel = path.relative_to(ds.root.resolve()).as_posix()
        if rel not in ds.files:
            raise RefusedError(
                _(
                    "{source} is not a file under data/ in the repository; put it in "
                    "data/attachments/{meeting}/ first (or give a web address)"
                ).format(source=source, meeting=meeting.id)
            )
        entry["file"] = rel
    if any(a.title == entry["title"] for a in case.attachments):
        raise RefusedError(
            _("the case already has an attachment '{title}'").format(title=entry["title"])
        )
    if exempt is not None:
        entry["exempt"] = exempt
    if public_title:
        entry["public_title"] = public_title.strip()
    changes = Changeset(ds.root)
    doc = changes.edit(meeting.file)
    node = doc.data["cases"][index]
    if "attachments" in node:
        node["attachments"].append(yamledit.mapping(entry))
    else:
        node["attachments"] = yamledit.sequence([yamledit.mapping(entry)])
    changes.set(meeting.file, doc.render())
    label = case_label(case.number, meeting.date.year) if case.number else case.title
    return Plan(changes, f"{meeting.forum} {meeting.date}: attachment to {label}: {title}")
