"""Reading the official lists of municipalities and counties that a new data repository starts
from: Statistics Norway's KLASS exports (classification 131 for municipalities, 104 for
counties), or a plain ``number;name`` list.

A KLASS CSV export is semicolon-separated with a header naming its columns (``code``,
``name``, ``validFrom``, ``validTo``, and others such as ``parentCode``, ``level``,
``shortName``, ``presentationName``, ``notes``, in whatever order); a range export names its
validity ``validFromInRequestedRange``/``validToInRequestedRange``. KLASS gives ``validTo`` as
the first day a code is no longer valid. A plain list has no header: ``number;name`` per line,
blank lines and ``#`` comments skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from hfctl.core.errors import UsageError
from hfctl.core.i18n import _


@dataclass(frozen=True)
class Entry:
    """One code of the list: its line in the file, number, name and validity (``to`` is the
    last day valid, both days included; None for either end when the list does not say)."""

    line: int
    number: str
    name: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    def valid_on(self, day: dt.date) -> bool:
        """Whether the code is valid on ``day`` (an end the list does not give is open)."""
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_to is None or day <= self.valid_to)


_FROM = ("validfrom", "validfrominrequestedrange")
_TO = ("validto", "validtoinrequestedrange")


def _text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            _("{path}: cannot read: {strerror}").format(path=path, strerror=exc.strerror)
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # KLASS exports ISO-8859-1 (Windows-1252) unless asked for UTF-8
        return raw.decode("cp1252", errors="replace")


def _day(path: Path, line: int, column: str, value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("{path}:{line}: {column} '{value}' is not a date (YYYY-MM-DD)").format(
                path=path, line=line, column=column, value=value
            )
        ) from None


def read_codes(path: Path, digits: int, what: str) -> list[Entry]:
    """Every code of a KLASS export or a plain list, unchecked beyond its form."""
    text = _text(path)
    rows = list(csv.reader(io.StringIO(text), delimiter=";", quotechar='"'))
    first = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if first is None:
        raise UsageError(_("{path}: no {what} in the file").format(path=path, what=what))
    header = [c.strip().casefold() for c in rows[first]]
    entries: list[Entry] = []
    if "code" in header:
        if "name" not in header:
            raise UsageError(
                _("{path}:{first}: the header has 'code' but no 'name' column").format(
                    path=path, first=first + 1
                )
            )
        code_at, name_at = header.index("code"), header.index("name")
        from_at = next((header.index(c) for c in _FROM if c in header), None)
        to_at = next((header.index(c) for c in _TO if c in header), None)
        for index, row in enumerate(rows[first + 1 :], start=first + 2):
            if not any(c.strip() for c in row):
                continue
            if len(row) <= max(code_at, name_at):
                raise UsageError(
                    _("{path}:{index}: fewer columns than the header names").format(
                        path=path, index=index
                    )
                )

            def cell(at: int | None, row: list[str] = row) -> str:
                return row[at] if at is not None and at < len(row) else ""

            valid_to = _day(path, index, "validTo", cell(to_at))
            entries.append(
                Entry(
                    index,
                    row[code_at].strip(),
                    row[name_at].strip(),
                    _day(path, index, "validFrom", cell(from_at)),
                    # KLASS's validTo is the first day no longer valid
                    valid_to - dt.timedelta(days=1) if valid_to else None,
                )
            )
    else:
        for index, row in enumerate(rows, start=1):
            if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if len(row) < 2 or not row[1].strip():
                raise UsageError(
                    _("{path}:{index}: expected 'number;name'").format(path=path, index=index)
                )
            entries.append(Entry(index, row[0].strip(), row[1].strip(), None, None))
    pattern = re.compile(rf"^\d{{{digits}}}$")
    seen: dict[str, int] = {}
    for entry in entries:
        if not pattern.match(entry.number):
            raise UsageError(
                _(
                    "{path}:{line}: '{entry}' is not a {what} number ({digits} digits, "
                    "with its leading zero)"
                ).format(path=path, line=entry.line, entry=entry.number, what=what, digits=digits)
            )
        if not entry.name:
            raise UsageError(
                _("{path}:{line}: {entry} has no name").format(
                    path=path, line=entry.line, entry=entry.number
                )
            )
        if entry.number in seen:
            raise UsageError(
                _("{path}:{line}: {entry} is listed twice (also line {seen})").format(
                    path=path, line=entry.line, entry=entry.number, seen=seen[entry.number]
                )
            )
        seen[entry.number] = entry.line
    if not entries:
        raise UsageError(_("{path}: no {what} in the file").format(path=path, what=what))
    return entries


def read_municipalities(path: Path, counties: list[Entry], today: dt.date) -> list[Entry]:
    """The municipalities of a list, each checked: four digits, the first two a county of
    ``counties`` valid while the municipality is, and not valid only in the past."""
    entries = read_codes(path, 4, "municipality")
    for entry in entries:
        if entry.valid_to is not None and entry.valid_to < today:
            raise UsageError(
                _(
                    "{path}:{line}: {entry} {entry2} was valid only until {valid_to}; "
                    "take the list valid today"
                ).format(
                    path=path,
                    line=entry.line,
                    entry=entry.number,
                    entry2=entry.name,
                    valid_to=entry.valid_to,
                )
            )
        day = max(entry.valid_from or today, today)
        prefix = entry.number[:2]
        if not any(c.number == prefix and c.valid_on(day) for c in counties):
            known = ", ".join(sorted({c.number for c in counties if c.valid_on(day)}))
            raise UsageError(
                _(
                    "{path}:{line}: {entry} {entry2} starts with {prefix}, which is no "
                    "county valid on {day} (counties: {known})"
                ).format(
                    path=path,
                    line=entry.line,
                    entry=entry.number,
                    entry2=entry.name,
                    prefix=prefix,
                    day=day,
                    known=known,
                )
            )
    return entries


def read_counties(path: Path | None, today: dt.date) -> list[Entry]:
    """The counties: from ``path`` (a KLASS 104 export, a plain ``number;name`` list or a
    data repository's counties.yaml), else the counties of Norway from 1 January 2024."""
    if path is None:
        from importlib.resources import files

        bundled = Path(str(files("hfctl_templates"))) / "init" / "counties.csv"
        return read_codes(bundled, 2, "county")
    if path.suffix in (".yaml", ".yml"):
        return _counties_yaml(path)
    return read_codes(path, 2, "county")


def _counties_yaml(path: Path) -> list[Entry]:
    from hfctl.models.party import Counties
    from hfctl.store.parsing import parse_model
    from hfctl.store.sources import read_document
    from hfctl.store.yamlread import ReadError

    try:
        doc = read_document(str(path), path.read_bytes(), False)
    except OSError as exc:
        raise UsageError(
            _("{path}: cannot read: {strerror}").format(path=path, strerror=exc.strerror)
        ) from None
    except ReadError as exc:
        raise UsageError(f"{path}:{exc.line}:{exc.column}: {exc.message}") from None
    model, problems = parse_model(Counties, doc)
    if model is None:
        first = problems[0]
        where = f"{path}:{first.location.line}:{first.location.column}"
        raise UsageError(
            _("{where}: not a counties file: {message}").format(where=where, message=first.message),
            problems,
        )
    return [Entry(0, c.number, c.name, c.from_, c.to) for c in model.counties]
