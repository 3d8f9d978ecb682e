"""Problems found in the data: a code, a severity, a message and where it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors fail validation, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


COLUMN_BITS = 20
"""A position is ``line << COLUMN_BITS | column``: a data file is at most 1,000,000 bytes, so a
column always fits."""


def pack(line: int, column: int) -> int:
    """One position as one int (a tuple of two ints costs three objects)."""
    return (line << COLUMN_BITS) | column


def unpack(position: int) -> tuple[int, int]:
    """(line, column) of a packed position."""
    return position >> COLUMN_BITS, position & ((1 << COLUMN_BITS) - 1)


@dataclass(frozen=True, order=True)
class Location:
    """A place in a data file: path relative to the repository root, 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located so that an editor or a pull request can show it."""

    code: str
    severity: Severity
    message: str
    location: Location

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order problems by file, line, column, then code."""
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.code, self.message)

    def to_json(self) -> dict[str, object]:
        """The problem as the JSON object `hfctl validate --format json` prints."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
        }
