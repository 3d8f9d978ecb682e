"""What a rule is: a stable code, a short name, a severity and what it ensures."""

from __future__ import annotations

from dataclasses import dataclass

from hfctl.core.problems import Location, Problem, Severity


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it here (it is translated where it
    is shown); a rule's ``ensures`` is marked by the extraction keyword ``Rule:4``."""
    return message


E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True)
class Rule:
    """A check's stable code, short name, severity and one-line statement of what it ensures."""

    code: str
    name: str
    severity: Severity
    ensures: str

    def problem(self, message: str, location: Location) -> Problem:
        """A problem of this rule at ``location``."""
        return Problem(self.code, self.severity, message, location)
