"""Ensure the case documents hang together: legal bases are listed, attachments exist,
every saksframlegg belongs to a case, apologies go to someone, video links are addresses."""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Location, Problem
from hfctl.core.rules import problem
from hfctl.domain.papers import body_of
from hfctl.models.base import Model
from hfctl.models.meeting import case_label

ADDRESS = ("https://", "http://")


@check(reads=("legal_bases", "meetings"), per_meeting=True)
def legal_bases_listed(ctx: Context) -> Iterator[Problem]:
    """Ensure every exemption names a legal basis of data/legal-bases.yaml."""
    listed = {b.id for b in ctx.ds.legal_bases.bases} if ctx.ds.legal_bases else set()
    for meeting in ctx.ds.meetings.values():
        for case in meeting.cases:
            # (where each is written is looked up only for a problem: positions cost)
            named: list[tuple[str | None, Model, str]] = [
                (case.exempt, case, "exempt"),
                (case.paper_exempt, case, "paper_exempt"),
            ]
            named += [(a.exempt, a, "exempt") for a in case.attachments]
            for basis, model, field in named:
                if basis is not None and basis not in listed:
                    yield problem(
                        "HF430",
                        _("'{basis}' is not a legal basis in data/legal-bases.yaml").format(
                            basis=basis
                        ),
                        model.loc(field),
                    )
            if case.public_title and not case.exempt:
                yield problem(
                    "HF431",
                    _("a public title is only for an exempt case"),
                    case.loc("public_title"),
                )
            for attachment in case.attachments:
                if attachment.public_title and not attachment.exempt:
                    yield problem(
                        "HF431",
                        _("a public title is only for an exempt attachment"),
                        attachment.loc("public_title"),
                    )


@check(reads=("files", "meetings"), per_meeting=True)
def attachments_found(ctx: Context) -> Iterator[Problem]:
    """Ensure every attachment is one file of the repository's data/ or one web address."""
    for meeting in ctx.ds.meetings.values():
        for case in meeting.cases:
            for attachment in case.attachments:
                if (attachment.file_ is None) == (attachment.url is None):
                    yield problem(
                        "HF432",
                        _("attachment '{title}' needs either a file or a url").format(
                            title=attachment.title
                        ),
                        attachment.loc(),
                    )
                elif attachment.url is not None and not attachment.url.startswith(ADDRESS):
                    yield problem(
                        "HF432",
                        _("'{url}' is not a web address (https://...)").format(url=attachment.url),
                        attachment.loc("url"),
                    )
                elif attachment.file_ is not None and not ctx.ds.has_file(attachment.file_):
                    yield problem(
                        "HF433",
                        _(
                            "attachment file '{file}' is not in the repository (a path from the "
                            "root, under data/)"
                        ).format(file=attachment.file_),
                        attachment.loc("file_"),
                    )


@check(reads=("information", "meetings"), per_meeting=True)
def papers_of_cases(ctx: Context) -> Iterator[Problem]:
    """Ensure every saksframlegg in a meeting's body names one case of that meeting."""
    for meeting in ctx.ds.meetings.values():
        numbers = {c.number for c in meeting.cases if c.number is not None}
        seen: set[tuple[int, int]] = set()
        for paper in body_of(ctx.ds, meeting).papers:
            label = f"Sak {paper.number:02d}/{paper.year:02d}"
            where = Location(meeting.file, paper.line, 1)
            if paper.year != meeting.date.year % 100 or paper.number not in numbers:
                yield problem(
                    "HF434",
                    _("the saksframlegg '{label}' names no case of this meeting").format(
                        label=label
                    ),
                    where,
                )
            elif (paper.number, paper.year) in seen:
                yield problem(
                    "HF435",
                    _("{case_label} has a second saksframlegg").format(
                        case_label=case_label(paper.number, meeting.date.year)
                    ),
                    where,
                )
            seen.add((paper.number, paper.year))


@check(reads=("forums", "people"))
def apologies_to_known_people(ctx: Context) -> Iterator[Problem]:
    """Ensure apologies go to a known person."""
    for forum in ctx.ds.forums.values():
        rule = forum.apologies
        if rule is not None and rule.to is not None and rule.to not in ctx.ds.people:
            yield problem(
                "HF436",
                _("apologies go to '{to}', who is no known person").format(to=rule.to),
                rule.loc("to"),
            )


@check(reads=("meetings",))
def video_links(ctx: Context) -> Iterator[Problem]:
    """Ensure a video link is a web address."""
    for meeting in ctx.ds.meetings.values():
        if meeting.online is not None and not meeting.online.startswith(ADDRESS):
            yield problem(
                "HF437",
                _("the video link '{online}' is not a web address (https://...)").format(
                    online=meeting.online
                ),
                meeting.loc("online"),
            )
