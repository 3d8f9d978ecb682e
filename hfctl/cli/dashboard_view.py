"""`hfctl status` as text: the most urgent first, every list cut to what fits one screen.

The facts come from ``domain.dashboard``; this module only lays them out. Each section is a
title, as many rows as fit and, when some are left out, "and N more: <command>" naming the
command that shows them all. The height is the terminal's (``LINES`` when set); in a pipe
with no ``LINES`` nothing is cut.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from hfctl.cli.localised import clock, day, iso_day, short_day
from hfctl.core.i18n import _, current_language, ngettext
from hfctl.formats.words import agenda_word

if TYPE_CHECKING:
    from hfctl.domain.dashboard import Dashboard, UpcomingMeeting

LATE = "bold red"
WARN = "yellow"
WIDE = 100
"""From this many columns on, the longer phrasings."""
Row = list[Text]


@dataclass(frozen=True)
class Section:
    """One list of the dashboard: its title, its rows and the command that shows them all."""

    title: str
    rows: list[Row]
    more: str
    columns: Sequence[str] = ()
    """Per column: ``fixed`` (never wrapped), ``name`` (wraps between words, never cut) or
    ``text`` (free text, cut with an ellipsis to fit the line)."""
    note: str = ""
    """Said after the title whatever the cut (what the rows leave out, in one phrase)."""


INDENT = 2


def _table(section: Section, rows: list[Row], width: int) -> Table:
    """The rows as columns; a free-text column gets what the others leave of ``width``."""
    table = Table(box=None, show_header=False, show_edge=False, padding=(0, 1), pad_edge=False)
    kinds = section.columns or ["name"] * (len(rows[0]) if rows else 1)
    widest = [max((r[i].cell_len for r in rows), default=1) for i in range(len(kinds))]
    words = [
        max((cell_len(w) for r in rows for w in r[i].plain.split()), default=1)
        for i in range(len(kinds))
    ]
    others = sum(w for w, k in zip(widest, kinds, strict=True) if k != "text")
    room = max(12, width - INDENT - others - 2 * (len(kinds) - 1))
    for index, kind in enumerate(kinds):
        if kind == "fixed":
            table.add_column(no_wrap=True, min_width=widest[index])
        elif kind == "text":
            table.add_column(no_wrap=True, overflow="ellipsis", max_width=room)
        else:
            # wraps between words; never narrower than its longest word, so never lost
            table.add_column(overflow="fold", min_width=words[index])
    for row in rows:
        table.add_row(*row)
    return table


def _render(section: Section, shown: int, width: int) -> RenderableType:
    """The section with its first ``shown`` rows."""
    title = Text(f"{section.title} ({len(section.rows)})", style="bold")
    if section.note:
        title.append(f"  {section.note}", style="dim")
    parts: list[RenderableType] = [title]
    if shown:
        table = _table(section, section.rows[:shown], width)
        parts.append(Padding(table, (0, 0, 0, INDENT), expand=False))
    left = len(section.rows) - shown
    if left:
        said = _("and {n} more: ") if shown else _("all {n}: ")
        line = Text(" " * INDENT + said.format(n=left), style="dim")
        line.append(section.more, style="bold")
        parts.append(line)
    return Group(*parts)


def _height(out: Console, renderable: RenderableType) -> int:
    return len(out.render_lines(renderable, out.options, pad=False, new_lines=False))


def fit(out: Console, sections: list[Section], budget: int | None) -> list[RenderableType]:
    """Each section with as many rows as fit in ``budget`` lines: first one row to every
    section, in order of urgency, then the rest to the most urgent first."""
    if budget is None:
        return [_render(s, len(s.rows), out.width) for s in sections]
    sections = list(sections)
    shown = [0] * len(sections)

    def total() -> int:
        pairs = zip(sections, shown, strict=True)
        return sum(_height(out, _render(s, n, out.width)) for s, n in pairs)

    while sections and total() > budget:  # too small even for the titles: the least urgent go
        sections.pop()
        shown.pop()

    def grow(index: int, upto: int) -> None:
        while shown[index] < min(upto, len(sections[index].rows)):
            shown[index] += 1
            if total() > budget:
                shown[index] -= 1
                return

    for index in range(len(sections)):
        grow(index, 1)
    for index in range(len(sections)):
        grow(index, len(sections[index].rows))
    return [_render(s, n, out.width) for s, n in zip(sections, shown, strict=True)]


def screen_height(out: Console) -> int | None:
    """The lines the dashboard may use: ``LINES``, else the terminal's, else no limit."""
    lines = os.environ.get("LINES", "")
    if lines.isdigit() and int(lines) > 0:
        return int(lines)
    return out.height if out.is_terminal else None


def _role(value: str) -> str:
    from hfctl.formats.words import ROLE, word

    return word(ROLE, current_language(), value)


def _secretariat(s: dict[str, Any], wide: bool) -> str:
    """Who holds a secretariat to when, and who takes over."""
    text = _("{holder} to {end}, then {next} from {start}").format(
        holder=s["holder_name"],
        end=iso_day(s["to"]),
        next=s["next_holder_name"],
        start=iso_day(s["next_from"]),
    )
    if wide:
        n = s["days_to_handover"]
        text += ngettext(", in {n} day", ", in {n} days", n).format(n=n)
    return text


def _t(value: object, style: str = "") -> Text:
    return Text(str(value), style=style)


def sections(board: Dashboard, wide: bool = True) -> list[Section]:
    """The dashboard's lists, the most urgent first (``wide``: room for the longer words)."""
    late = [m for m in board.meetings if m.late]
    coming = [m for m in board.meetings if not m.late]
    on = day if wide else short_day  # a narrow screen: 3.12.2026 for 3. desember 2026

    def meeting_rows(meetings: Sequence[UpcomingMeeting], late_style: str) -> list[Row]:
        rows: list[Row] = []
        for m in meetings:
            notice = Text()
            if m.late:  # first, so that a narrow screen never cuts it
                notice.append(_("LATE") + " ", style=LATE)
            # the notice's last day (the section's title says what it is the day of)
            notice.append(_("by {day}").format(day=on(m.notice_deadline)), style=late_style)
            when = f"{on(m.date)} {clock(m.start)}"
            rows.append([_t(when), _t(m.forum_name), _t(agenda_word(m.agenda)), notice])
        return rows

    meeting_columns = ("fixed", "name", "fixed", "text")
    out = [
        Section(_("Notice late"), meeting_rows(late, LATE), "hfctl meeting list", meeting_columns),
        Section(
            _("Overdue actions"),
            [
                [
                    _t(iso_day(a["due"]), LATE),
                    _t(a["what"]),
                    _t(a["responsible_name"]),
                    _t(
                        a["case"]
                        if a["forum_name"] == a["responsible_name"]
                        else f"{a['forum_name']} {a['case']}"
                    ),
                ]
                for a in board.overdue
            ],
            "hfctl actions --overdue",
            ("fixed", "text", "name", "fixed"),
        ),
        Section(
            _("Information not sent to every party"),
            [
                [
                    _t(on(i.received)),
                    _t(
                        _("{sent} of {audience}").format(sent=i.sent, audience=i.audience),
                        LATE if i.partly else WARN,
                    ),
                    _t(f"{i.source}: {i.title}"),
                ]
                for i in board.information
            ],
            "hfctl inform list",
            ("fixed", "fixed", "name"),
        ),
        Section(
            _("Terms ending"),
            [[_t(on(e.to)), _t(e.name), _t(e.forum), _t(_role(e.role))] for e in board.expiring],
            "hfctl validate",
            ("fixed", "name", "name", "fixed"),
        ),
    ]
    rounds = [s for s in board.signing if s.signed < s.total]
    complete = len(board.signing) - len(rounds)
    out.append(
        Section(
            _("Signatures missing"),
            [
                [
                    _t(f"{s.title} {s.version}"),
                    _t(f"{s.signed}/{s.total}", WARN),
                    _t(", ".join(s.missing) if len(s.missing) <= 8 else f"{len(s.missing)}"),
                ]
                for s in rounds
            ],
            "hfctl agreements status",
            ("name", "fixed", "name"),
            ngettext(
                "{complete} of {n} agreement signed by all",
                "{complete} of {n} agreements signed by all",
                len(board.signing),
            ).format(complete=complete, n=len(board.signing)),
        )
    )
    out.append(
        Section(_("Next meetings"), meeting_rows(coming, ""), "hfctl meeting list", meeting_columns)
    )
    out.append(
        Section(
            _("Secretariat"),
            [
                [
                    _t(s["forum"]),
                    _t(_secretariat(s, wide)),
                ]
                for s in board.secretariat
            ],
            "hfctl secretariat show",
            ("fixed", "name"),
        )
    )
    if board.next_steps:  # a repository just made with hfctl init: what to fill in first
        steps = Section(
            _("Next steps"),
            [[_t(p.message), _t(p.location.file)] for p in board.next_steps],
            "hfctl validate",
            ("text", "fixed"),
        )
        out.insert(0, steps)
    return [s for s in out if s.rows or s.note]


def print_dashboard(board: Dashboard, make: Callable[[], Console]) -> None:
    """The dashboard on one screen (the height of the terminal, less the prompt's line)."""
    out = make()
    head = Text(f"{board.community} — {day(board.today)}", style="bold")
    style = LATE if board.errors else (WARN if board.warnings else "green")
    errors = ngettext("{n} error", "{n} errors", board.errors).format(n=board.errors)
    warnings = ngettext("{n} warning", "{n} warnings", board.warnings).format(n=board.warnings)
    tail = Text(
        _("Validation: {errors}, {warnings}").format(errors=errors, warnings=warnings),
        style=style,
    )
    if board.errors or board.warnings:
        tail.append("  " + _("(details: hfctl validate)"), style="dim")
    height = screen_height(out)
    budget = None
    if height is not None:
        budget = max(0, height - 1 - _height(out, head) - _height(out, tail))
    out.print(Group(head, *fit(out, sections(board, out.width >= WIDE), budget), tail))
