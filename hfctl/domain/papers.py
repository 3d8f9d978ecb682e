"""The saksframlegg of a meeting's cases, read from the Markdown body of the meeting's file.

A meeting file's body is the secretariat's note on the meeting, then one section per case that
has a saksframlegg, under a heading that names the case by its number::

    ## Sak 31/26 Oppnemning av medlemmer til FSU-a
    A short introduction.
    ### Bakgrunn
    ...
    ### Vurdering
    ...

The heading's number is the case's (``Sak NN/YY``, the year the meeting's); the words after it
are for the reader of the file only (the title comes from the front matter). Every ``###``
heading under it starts a section, with its own title (Bakgrunn, Vurdering, ...). The proposed
decision is not here: it is the case's ``proposal`` in the front matter, apart from the
decision made. How members send apologies (forfall) is the forum's ``apologies``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hfctl.models.base import Text
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset

HEADING = re.compile(r"^##\s+Sak\s+(\d{1,3})/(\d{2})(?:\s.*)?$")
SECTION = re.compile(r"^###\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Section:
    """One section of a saksframlegg: its heading and its Markdown text."""

    title: str
    text: str


@dataclass(frozen=True)
class Paper:
    """A case's saksframlegg as written in the meeting's body."""

    number: int
    year: int
    """The two digits of the year in the heading."""
    line: int
    """The heading's line in the meeting's file."""
    intro: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Body:
    """A meeting's body: the note before the first case heading, and the saksframlegg."""

    note: str
    papers: tuple[Paper, ...]

    def paper(self, number: int | None, year: int) -> Paper | None:
        """The saksframlegg of case ``number`` of ``year``, if written."""
        return next((p for p in self.papers if p.number == number and p.year == year % 100), None)


def read_body(text: str, first_line: int = 1) -> Body:
    """Split a meeting's body into its note and its saksframlegg (outside code fences)."""
    note: list[str] = []
    papers: list[Paper] = []
    current: tuple[int, int, int] | None = None
    intro: list[str] = []
    sections: list[Section] = []
    section_title: str | None = None
    section_lines: list[str] = []
    fenced = False

    def close_section() -> None:
        nonlocal section_title, section_lines
        if section_title is not None:
            sections.append(Section(section_title, _text(section_lines)))
        section_title, section_lines = None, []

    def close_paper() -> None:
        nonlocal intro, sections
        close_section()
        if current is not None:
            papers.append(Paper(current[0], current[1], current[2], _text(intro), tuple(sections)))
        intro, sections = [], []

    for index, line in enumerate(text.splitlines()):
        if FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else HEADING.match(line)
        sub = None if fenced or current is None else SECTION.match(line)
        if heading:
            close_paper()
            current = (int(heading.group(1)), int(heading.group(2)), first_line + index)
        elif sub:
            close_section()
            section_title = sub.group(1)
        elif current is None:
            note.append(line)
        elif section_title is None:
            intro.append(line)
        else:
            section_lines.append(line)
    close_paper()
    return Body(_text(note), tuple(papers))


def _text(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def body_of(ds: Dataset, meeting: Meeting) -> Body:
    """The parsed body of ``meeting``'s file."""
    return read_body(ds.bodies.get(meeting.id, ""), ds.body_lines.get(meeting.id, 1))


@dataclass(frozen=True)
class ApologyRule:
    """Whom a member tells of apologies (forfall) for a meeting, and by which day."""

    to: str | None
    """A person id: the forum's rule, else the meeting's secretary."""
    by: dt.date
    note: Text | None = None
    """What else to tell members, in three languages."""


def apologies(ds: Dataset, meeting: Meeting) -> ApologyRule | None:
    """The forfall rule for ``meeting`` from its forum's ``apologies``; None if it has none."""
    forum = ds.forums.get(meeting.forum)
    if forum is None or forum.apologies is None:
        return None
    rule = forum.apologies
    return ApologyRule(
        rule.to or meeting.secretary,
        meeting.date - dt.timedelta(days=rule.days_before),
        rule.note,
    )
