"""Printing for the command line: reports, JSON and errors. Data text is never markup."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.segment import Segment
from rich.text import Text

from hfctl.core import unicode
from hfctl.core.errors import HfctlError
from hfctl.core.problems import Problem, Severity
from hfctl.formats.safe import visible

if TYPE_CHECKING:
    from pathlib import Path

    from hfctl.checks.validation import Report
    from hfctl.documents.tables import Matrix
    from hfctl.domain.secretariat import Holding
    from hfctl.store.writer import Applied

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


class _VisibleConsole(Console):
    """A console that shows every control, format and bidi character of what it prints as a
    visible escape (``hfctl.formats.safe.visible``): data text never speaks to the terminal."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            Segment(visible(text, lines=True), style, control) if not control else segment
            for segment in buffer
            for text, style, control in (segment,)
        )


MIN_WIDTH, MAX_WIDTH = 20, 1000


def _width() -> int | None:
    """The width COLUMNS asks for, up to 1000; None if it asks for none or for a width no
    table fits in (``COLUMNS=0`` printed nothing at all)."""
    value = os.environ.get("COLUMNS", "").strip()
    if not value.isdigit() or int(value) < MIN_WIDTH:
        return None
    return min(int(value), MAX_WIDTH)


def console(stderr: bool = False) -> Console:
    """A console that colours only on a terminal, never reads markup or emoji from data, and
    shows control characters as escapes."""
    width = _width()
    if width is None and "COLUMNS" in os.environ:  # a COLUMNS rich would take as it is
        try:
            width = os.get_terminal_size((sys.stderr if stderr else sys.stdout).fileno()).columns
        except (OSError, ValueError, AttributeError):
            width = 160
    out = _VisibleConsole(
        stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=True, width=width
    )
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out.width = 160  # pipes and CI logs: do not wrap tables at 80 columns
    return out


_JSON_REFUSED = unicode.pattern("\n")  # a line break is the layout; in a string it is escaped


def print_json(value: Any) -> None:
    """Print a value as JSON (UTF-8; controls, format and bidi characters as \\u escapes, so
    the JSON means the same and shows nothing raw on a terminal)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    text = _JSON_REFUSED.sub(lambda m: json.dumps(m.group())[1:-1], text)
    sys.stdout.write(text + "\n")


def print_lines(lines: Iterable[str]) -> None:
    """Print lines, each kept on its one line: a line break, an escape sequence or a bidi
    control inside a line is shown as an escape (a forged ``::error`` line cannot start)."""
    for line in lines:
        sys.stdout.write(visible(line) + "\n")


def summary(report: Report) -> str:
    """``3 errors, 1 warning in 142 files``."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return (
        f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')} "
        f"in {plural(report.files, 'file')}"
    )


def print_report(report: Report, strict: bool = False) -> None:
    """Problems grouped by file, then a count; coloured on a terminal."""
    text = Text()
    for file, problems in groupby(report.problems, key=lambda p: p.location.file):
        text.append(visible(file), style="bold underline")
        text.append("\n")
        for p in problems:
            loc = p.location
            where = (
                f"{loc.line}:{loc.column}"
                if loc.line and loc.column
                else (str(loc.line) if loc.line else "-")
            )
            text.append("  ")
            text.append(f"{where:>8}  ", style="dim")
            text.append(f"{p.severity.value:<7} ", style=_STYLE[p.severity])
            text.append(f"{visible(p.code)}  ", style="bold")
            text.append(visible(p.message))
            text.append("\n")
        text.append("\n")
    status = "failed" if report.failed(strict) else "ok"
    text.append(f"{status}: ", style="bold red" if report.failed(strict) else "bold green")
    text.append(summary(report))
    console().print(text)  # one print: a report of thousands of lines renders in one pass


def print_unreadable(problems: list[Problem], limit: int = 20) -> None:
    """After a read-only command's output: the data files it had to leave out, located."""
    err = console(stderr=True)
    files = len({p.location.file for p in problems})
    err.print(
        Text(
            f"hfctl: {files} data file(s) could not be read, so the output above leaves them "
            "out; fix them first (hfctl validate shows every problem):",
            style="bold red",
        )
    )
    for p in problems[:limit]:
        err.print(Text(visible(f"  {p.location}: {p.severity.value} {p.code} {p.message}")))
    if len(problems) > limit:
        err.print(Text(f"  … and {len(problems) - limit} more"))


def print_error(exc: HfctlError) -> None:
    """An error message on stderr, with any problems that explain it."""
    err = console(stderr=True)
    err.print(Text(visible(f"hfctl: {exc.message}"), style="bold red"))
    for p in exc.problems:
        err.print(Text(visible(f"  {p.location}: {p.severity.value} {p.code} {p.message}")))


def print_table(title: str, headers: list[str], rows: list[list[str]]) -> None:
    """A table: boxed on a terminal, plain columns in a pipe."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_edge=False)
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*[Text(cell) for cell in row])
    console().print(table)


def print_holding(held: Holding) -> None:
    """Who holds a secretariat, in words."""
    out = console()
    out.print(Text(f"{held.holder_name} holds the secretariat on {held.on}", style="bold"))
    out.print(Text(f"  term:  {held.from_} to {held.to} ({held.days_left} days left)"))
    state = "recorded" if held.next_recorded else "by the rotation rule; not yet recorded"
    out.print(Text(f"  next:  {held.next_holder_name} from {held.next_from} ({state})"))


def print_applied(applied: Applied, summary_line: str) -> None:
    """The outcome of a change: the diff for a dry run, else what was written and committed."""
    out = console()
    if not applied.written:
        sys.stdout.write(visible(applied.diff, lines=True))
        out.print(Text(f"dry run: {summary_line} (nothing written)", style="dim"))
        return
    out.print(Text(summary_line, style="bold green"))
    for rel in applied.files:
        out.print(Text(f"  wrote {rel}"))
    if applied.branch:
        out.print(Text(f"  on new branch {applied.branch}"))
    if applied.commit:
        out.print(Text(f"  committed {applied.commit[:10]}"))


def print_markdown(text: str) -> None:
    """Markdown as written (it reads well as plain text in a terminal and in a pipe)."""
    sys.stdout.write(visible(text if text.endswith("\n") else text + "\n", lines=True))


def print_text(text: str) -> None:
    """Text as given, its lines and tabs kept; any other control character as an escape (a
    byte order mark opening a CSV for Excel is kept as it is)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    sys.stdout.write(bom + visible(text[len(bom) :], lines=True))


_STATUS_STYLE = {
    "signed": "green",
    "council-meeting": "yellow",
    "sent": "cyan",
    "not-sent": "dim",
    "declined": "bold red",
}


def _matrix_table(matrix: Matrix, day: object) -> Any:
    from rich.table import Table

    table = Table(title=f"Signatures on {day}", title_justify="left", show_edge=False)
    # the terminal speaks English like the rest of it; the Markdown for the papers keeps nr/kommune
    headers = ["no.", "municipality", *matrix.headers[2:]]
    for index, header in enumerate(headers):
        table.add_column(header, justify="center" if index > 1 else "left", no_wrap=True)
    for cells, statuses in zip(matrix.cells, matrix.statuses, strict=True):
        styled = [Text(c, style=_STATUS_STYLE[s]) for c, s in zip(cells[2:], statuses, strict=True)]
        table.add_row(Text(cells[0]), Text(cells[1]), *styled)
    table.add_section()
    table.add_row(*[Text(c, style="bold") for c in matrix.footer])
    return table


def _turned(matrix: Matrix, day: object) -> Any:
    """Agreements as rows: each with its count and the municipalities that have not signed."""
    from rich.table import Table

    from hfctl.documents.tables import SYMBOLS

    table = Table(title=f"Signatures on {day}", title_justify="left", show_edge=False)
    table.add_column("agreement", overflow="fold")
    table.add_column("signed", no_wrap=True)
    table.add_column("not yet")
    for label, _title, count, left in matrix.by_agreement():
        waiting = Text()
        for index, (name, status) in enumerate(left):
            waiting.append(", " if index else "")
            waiting.append(f"{name} {SYMBOLS[status]}", style=_STATUS_STYLE[status])
        table.add_row(Text(label), Text(count, style="bold"), waiting)
    return table


def _natural_width(matrix: Matrix) -> int:
    """The columns a matrix needs with nothing cut (a cell, its padding, a rule between)."""
    from rich.cells import cell_len

    lines = [["no.", "municipality", *matrix.headers[2:]], *matrix.cells, matrix.footer]
    widths = [max(cell_len(line[i]) for line in lines) for i in range(len(matrix.headers))]
    return sum(w + 2 for w in widths) + len(widths) - 1


def print_matrix(matrix: Matrix, day: object) -> None:
    """The signature matrix with a colour per status, a count per agreement and a legend.
    Names and counts are never cut: where the whole matrix is too wide, the agreements every
    municipality has signed fold into one line; where even that is too wide, the matrix turns
    so that the agreements are its rows."""
    from hfctl.documents.tables import LEGEND

    out = console()
    done = matrix.complete
    if _natural_width(matrix) <= out.width:
        out.print(_matrix_table(matrix, day))
        out.print(Text(LEGEND, style="dim"))
        for line in matrix.summaries:
            out.print(Text(line))
        return
    folded = matrix.only([i for i in range(len(matrix.titles)) if i not in done])
    if folded.titles and _natural_width(folded) <= out.width:
        out.print(_matrix_table(folded, day))
    elif folded.titles:
        out.print(_turned(folded, day))
    out.print(Text(LEGEND, style="dim"))
    for line in folded.summaries:
        out.print(Text(line))
    if done:
        labels = ", ".join(matrix.headers[2 + i] for i in done)
        total = len(matrix.cells)
        out.print(Text(f"Signed by all {total}: {labels} ({len(done)} agreements)", style="green"))


def write_or_print(
    text: str, path: str | None, root: Path | None = None, force: bool = False
) -> None:
    """Write generated text to a file (atomically), or print it. A file is never written over
    data (``hfctl.store.outputs``: not inside data/, not a tracked file, not an existing file
    hfctl did not write unless ``force``)."""
    if path is None:
        print_text(text)
        return
    from hfctl.store import outputs
    from hfctl.store.atomic import atomic_write
    from hfctl.store.repo import find_root

    repo_root = root or find_root()
    target = outputs.check_file(Path(path), repo_root, force)
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise HfctlError(f"cannot write {path}: {exc.strerror}") from None
    outputs.remember(repo_root, [target])
    console().print(Text(f"wrote {path}"))


def write_bytes_or_print(data: bytes, path: str | None) -> None:
    """Write a generated document to a file (atomically), or print it if it is text."""
    if path is None:
        print_text(data.decode("utf-8"))
        return
    from pathlib import Path

    from hfctl.store.atomic import atomic_write

    try:
        atomic_write(Path(path), data)
    except OSError as exc:
        raise HfctlError(f"cannot write {path}: {exc.strerror}") from None
    console().print(Text(f"wrote {path}"))


def print_warnings(warnings: list[str]) -> None:
    """Warnings for the user, on stderr, in yellow on a terminal."""
    err = console(stderr=True)
    for warning in warnings:
        err.print(Text(f"warning: {warning}", style="yellow"))


def write_file(path: Path, data: bytes) -> None:
    """Write a generated binary file (a workbook) atomically and say so."""
    from hfctl.store.atomic import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise HfctlError(f"cannot write {path}: {exc.strerror}") from None
    console().print(Text(f"wrote {path}"))
