"""What of a meeting may be published: the internal and the public view, and the leak guard.

By offentleglova a document is public unless exempted with a legal basis. A case
(``exempt``), its saksframlegg alone (``paper_exempt``) or an attachment (``exempt``) name a
basis from ``data/legal-bases.yaml``. The public view of an exempt case keeps its number, its
type, its ``public_title`` if it has one and the basis, nothing else; of an exempt attachment,
its number, ``public_title`` and the basis; of an exempt saksframlegg, the basis instead of
the text. The website, the public feeds and every public document are made from
``public_view`` alone, and ``leaks`` is asked before any public output is written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from hfctl.domain.papers import Section, body_of
from hfctl.models.base import Text
from hfctl.models.meeting import Action, Attachment, Case, Meeting, case_label
from hfctl.models.publication import LegalBasis
from hfctl.store.loader import Dataset

MIN_FRAGMENT = 8
"""Exempt text shorter than this (after normalising) is not looked for: too common to tell."""


@dataclass(frozen=True)
class AttachmentView:
    """A vedlegg as a document shows it; ``number`` runs through the meeting's papers."""

    number: int
    title: str
    file: str | None
    url: str | None
    exempt: LegalBasis | None


@dataclass(frozen=True)
class CaseView:
    """A case as a document shows it; in the public view of an exempt case every text is
    empty but the label, the type, the public title and the basis."""

    number: int | None
    label: str
    type: str
    title: str
    exempt: LegalBasis | None
    paper_exempt: LegalBasis | None
    reference: str = ""
    presenter: str | None = None
    prepared_in: str | None = None
    refers_to: str | None = None
    proposal: str = ""
    decision: str = ""
    decision_kind: str = ""
    """How it was decided: consensus, vote or noted ("" if not said)."""
    votes: str = ""
    """A vote's count, for-against-blank (7-2-1)."""
    intro: str = ""
    sections: tuple[Section, ...] = ()
    conflicts: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    attachments: tuple[AttachmentView, ...] = ()

    @property
    def has_paper(self) -> bool:
        """Whether there is a saksframlegg to show (text, a proposal or an exemption)."""
        return bool(self.intro or self.sections or self.proposal or self.paper_exempt)


@dataclass(frozen=True)
class MeetingView:
    """A meeting with its cases as one version (internal or public) of its papers shows it."""

    meeting: Meeting
    public: bool
    note: str
    cases: tuple[CaseView, ...]

    @property
    def attachments(self) -> list[AttachmentView]:
        """Every attachment of every case, in order."""
        return [a for c in self.cases for a in c.attachments]


def basis(ds: Dataset, basis_id: str | None) -> LegalBasis | None:
    """The legal basis ``basis_id`` from the list; an unlisted one (a validation error) is
    shown by its id, still exempt."""
    if basis_id is None:
        return None
    found = ds.legal_bases.get(basis_id) if ds.legal_bases else None
    return found or LegalBasis(id=basis_id, cite=basis_id, text=Text(nn=basis_id))


def internal_view(ds: Dataset, meeting: Meeting) -> MeetingView:
    """Everything of the meeting, the exempt parts marked: what the members receive."""
    body = body_of(ds, meeting)
    cases: list[CaseView] = []
    counter = 0
    for case in meeting.cases:
        paper = body.paper(case.number, meeting.date.year)
        attachments = []
        for attachment in case.attachments:
            counter += 1
            attachments.append(_attachment(ds, attachment, counter))
        cases.append(
            CaseView(
                number=case.number,
                label=_label(case, meeting),
                type=case.type,
                title=case.title,
                exempt=basis(ds, case.exempt),
                paper_exempt=basis(ds, case.paper_exempt),
                reference=case.reference or "",
                presenter=case.presenter,
                prepared_in=case.prepared_in,
                refers_to=case.refers_to,
                proposal=case.proposal or "",
                decision=case.decision or "",
                decision_kind=case.decision_kind or "",
                votes=case.votes.said() if case.votes else "",
                intro=paper.intro if paper else "",
                sections=paper.sections if paper else (),
                conflicts=tuple(case.conflicts),
                actions=tuple(case.actions),
                attachments=tuple(attachments),
            )
        )
    return MeetingView(meeting, False, body.note, tuple(cases))


def public_view(ds: Dataset, meeting: Meeting) -> MeetingView:
    """The meeting as it may be published: exempt parts replaced by their legal basis."""
    internal = internal_view(ds, meeting)
    cases = []
    for case, source in zip(internal.cases, meeting.cases, strict=True):
        attachments = tuple(
            _public_attachment(view, model, case.exempt)
            for view, model in zip(case.attachments, source.attachments, strict=True)
        )
        if case.exempt is not None:
            cases.append(
                CaseView(
                    number=case.number,
                    label=case.label,
                    type=case.type,
                    title=source.public_title or "",
                    exempt=case.exempt,
                    paper_exempt=None,
                    attachments=attachments,
                )
            )
            continue
        public = replace(case, attachments=attachments)
        if case.paper_exempt is not None:
            public = replace(public, intro="", sections=())
        cases.append(public)
    return MeetingView(meeting, True, internal.note, tuple(cases))


def _label(case: Case, meeting: Meeting) -> str:
    return case_label(case.number, meeting.date.year) if case.number else ""


def _attachment(ds: Dataset, attachment: Attachment, number: int) -> AttachmentView:
    return AttachmentView(
        number, attachment.title, attachment.file_, attachment.url, basis(ds, attachment.exempt)
    )


def _public_attachment(
    view: AttachmentView, model: Attachment, case_exempt: LegalBasis | None
) -> AttachmentView:
    grounds = view.exempt or case_exempt
    if grounds is None:
        return view
    return AttachmentView(view.number, model.public_title or "", None, None, grounds)


# --- the guard --------------------------------------------------------------------------------


def _exempt_fields(view: CaseView) -> list[str]:
    """The texts of a case (internal view) that the public may not see."""
    out: list[str] = []
    if view.exempt is not None:
        out += [view.title, view.reference, view.proposal, view.decision, view.intro]
        out += [a.what for a in view.actions]
        # section headings (Bakgrunn, Vurdering) are words of every saksframlegg: not looked
        # for, though the public view leaves them out with the rest
        out += [s.text for s in view.sections]
        out += [a.title for a in view.attachments]
        out += [a.file or a.url or "" for a in view.attachments]
    if view.paper_exempt is not None:
        out += [view.intro] + [s.text for s in view.sections]
    for attachment in view.attachments:
        if attachment.exempt is not None:
            out += [attachment.title, attachment.file or "", attachment.url or ""]
    return out


def normalise(text: str) -> str:
    """Text as words only: tags, entities, Markdown marks and spacing do not hide a leak."""
    plain = html.unescape(re.sub(r"<[^>]*>", " ", text))
    return " " + " ".join(re.findall(r"\w+", plain.casefold())) + " "


def _fragments(texts: list[str]) -> set[str]:
    out: set[str] = set()
    for text in texts:
        for piece in re.split(r"\n|(?<=[.!?])\s", text):
            words = normalise(piece)
            if len(words.strip()) >= MIN_FRAGMENT:
                out.add(words)
    return out


def forbidden(ds: Dataset, meetings: list[Meeting] | None = None) -> set[str]:
    """Every fragment (a line or a sentence, normalised) of exempt text of ``meetings``
    (default: all). A public text that repeats one is refused even where it was meant to be
    public: the guard errs on the side of the exemption, and the message names the words."""
    chosen = list(ds.meetings.values()) if meetings is None else meetings
    secret: list[str] = []
    for meeting in chosen:
        for case in internal_view(ds, meeting).cases:
            secret += _exempt_fields(case)
    return _fragments(secret)


def leaks(text: str, secret: set[str]) -> list[str]:
    """The exempt fragments (normalised) that ``text`` contains; empty when it may be public."""
    words = normalise(text)
    return sorted(f.strip() for f in secret if f in words)
