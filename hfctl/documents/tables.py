"""Signature tables as plain data: the matrix, one agreement in detail, CSV and Markdown."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from hfctl.core.i18n import _
from hfctl.core.rule import N_
from hfctl.domain.agreements import Row

SYMBOLS = {
    "signed": "✔",
    "council-meeting": "◐",
    "sent": "✉",
    "not-sent": "·",
    "declined": "✘",
}
STATUS_WORDS = {
    "signed": N_("signed"),
    "council-meeting": N_("council meeting"),
    "sent": N_("sent"),
    "not-sent": N_("not sent"),
    "declined": N_("declined"),
}
"""A signature's status as the tables say it (translated when shown)."""


def signature_word(status: str) -> str:
    """A signature's status in the language spoken."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def legend() -> str:
    """``✔ signed  ◐ council meeting  ✉ sent  · not sent  ✘ declined``, in the language spoken."""
    return "  ".join(f"{symbol} {signature_word(status)}" for status, symbol in SYMBOLS.items())


@dataclass(frozen=True)
class Matrix:
    """Municipalities down, agreements across, a status in each cell, a count at the foot."""

    headers: list[str]
    cells: list[list[str]]
    statuses: list[list[str]]
    footer: list[str]
    summaries: list[str]
    titles: list[str] = field(default_factory=list)
    """Per agreement column: its title and version."""
    signed: list[int] = field(default_factory=list)
    """Per agreement column: how many municipalities have signed."""

    @property
    def complete(self) -> list[int]:
        """The agreement columns every municipality has signed (0 = the first agreement)."""
        return [i for i, n in enumerate(self.signed) if n == len(self.cells)]

    def only(self, keep: Sequence[int]) -> Matrix:
        """The matrix with only these agreement columns."""

        def pick(values: Sequence[str], lead: int = 2) -> list[str]:
            return [*values[:lead], *(values[lead + i] for i in keep)]

        return Matrix(
            pick(self.headers),
            [pick(row) for row in self.cells],
            [[row[i] for i in keep] for row in self.statuses],
            pick(self.footer),
            [self.summaries[i] for i in keep],
            [self.titles[i] for i in keep],
            [self.signed[i] for i in keep],
        )

    def by_agreement(self) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
        """The matrix turned: per agreement its label, title, count and the municipalities
        that have not signed, each with its status."""
        out = []
        for i, title in enumerate(self.titles):
            left = [
                (row[1], statuses[i])
                for row, statuses in zip(self.cells, self.statuses, strict=True)
                if statuses[i] != "signed"
            ]
            out.append((self.headers[2 + i], title, self.footer[2 + i], left))
        return out


def label(row: Row) -> str:
    """A short column label for an agreement: ``TA 5`` for tenesteavtale 5."""
    if row.agreement.startswith("tenesteavtale-"):
        return "TA " + row.agreement.removeprefix("tenesteavtale-")
    return row.agreement.replace("-", " ").split()[0].capitalize() + f" {row.version}"


def matrix(rows: Sequence[Row]) -> Matrix:
    """The municipalities × agreements matrix of ``rows``."""
    agreements: list[str] = []
    labels: dict[str, str] = {}
    titles: dict[str, str] = {}
    for row in rows:
        if row.agreement not in labels:
            agreements.append(row.agreement)
            labels[row.agreement] = label(row)
            titles[row.agreement] = f"{row.agreement_title} {row.version}"
    municipalities: dict[str, str] = {}
    status: dict[tuple[str, str], str] = {}
    for row in rows:
        municipalities.setdefault(row.municipality, row.municipality_name)
        status[(row.municipality, row.agreement)] = row.status
    headers = [_("no."), _("municipality"), *[labels[a] for a in agreements]]
    cells: list[list[str]] = []
    statuses: list[list[str]] = []
    for number, name in municipalities.items():
        line = [status.get((number, a), "not-sent") for a in agreements]
        statuses.append(line)
        cells.append([number, name, *[SYMBOLS[s] for s in line]])
    footer = ["", signature_word("signed")]
    summaries: list[str] = []
    counts: list[int] = []
    for a in agreements:
        signed = sum(1 for n in municipalities if status.get((n, a)) == "signed")
        counts.append(signed)
        footer.append(f"{signed}/{len(municipalities)}")
        summaries.append(
            _("{agreement}: {signed} of {total} signed").format(
                agreement=titles[a], signed=signed, total=len(municipalities)
            )
        )
    return Matrix(
        headers, cells, statuses, footer, summaries, [titles[a] for a in agreements], counts
    )


def detail(rows: Sequence[Row]) -> tuple[list[str], list[list[str]]]:
    """One agreement's rows with every date and the days since it was sent."""
    headers = [
        _("no."),
        _("municipality"),
        _("status"),
        signature_word("sent"),
        signature_word("council-meeting"),
        signature_word("signed"),
        _("days"),
        _("reference"),
    ]
    cells = [
        [
            r.municipality,
            r.municipality_name,
            signature_word(r.status),
            str(r.sent or ""),
            str(r.council_meeting or ""),
            str(r.signed or r.declined or ""),
            "" if r.days_since_sent is None else str(r.days_since_sent),
            r.reference or "",
        ]
        for r in rows
    ]
    return headers, cells


def summary_line(rows: Sequence[Row]) -> str:
    """``12 of 16 signed`` for one agreement's rows."""
    signed = sum(1 for r in rows if r.status == "signed")
    return _("{signed} of {total} signed").format(signed=signed, total=len(rows))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


BOM = "\ufeff"
"""The UTF-8 byte order mark every CSV starts with: Excel reads a CSV opened by double-click
as UTF-8 only with it (and pandas, csvkit and LibreOffice skip it)."""


def fields(rows: Sequence[Row]) -> list[str]:
    """The columns of a row table, as `--format json` names them."""
    return list(rows[0].to_json()) if rows else ["agreement"]


def rows_csv(rows: Sequence[Row]) -> str:
    """Every row as CSV with a byte order mark and a header line, formula-like cells
    neutralised."""
    out = io.StringIO(BOM)
    out.seek(0, io.SEEK_END)
    writer = csv.writer(out, lineterminator="\r\n")
    names = fields(rows)
    writer.writerow(names)
    for row in rows:
        data = row.to_json()
        writer.writerow([safe_cell(data[f]) for f in names])
    return out.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(headers: list[str], cells: list[list[str]], footer: list[str] | str) -> str:
    """A Markdown table, values escaped so that data cannot break the table."""
    lines = [
        "| " + " | ".join(_md_cell(h) for h in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in cells]
    if isinstance(footer, list):
        lines.append("| " + " | ".join(f"**{_md_cell(c)}**" if c else "" for c in footer) + " |")
        lines += ["", legend()]
    else:
        lines += ["", _md_cell(footer)]
    return "\n".join(lines) + "\n"
