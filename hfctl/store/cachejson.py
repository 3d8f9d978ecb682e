"""The cache's plain data: JSON read by the standard parser (no NaN or Infinity), checked
value by value, and problems as plain lists. Nothing here can run code; anything that is not
what this code writes is refused with ``BadEntry`` and the cache entry ignored."""

from __future__ import annotations

import json
from typing import Any

from hfctl.core.problems import Location, Problem, Severity


class BadEntry(ValueError):
    """Cache content that is not what this code writes: it is ignored."""


def fail(what: str) -> BadEntry:
    """The error for cache content that is not what it should be."""
    return BadEntry(f"not a cache entry: {what}")


def _refuse_constant(name: str) -> Any:
    raise fail(name)


def parse_json(raw: bytes | str) -> Any:
    """JSON as the standard library reads it, without NaN or Infinity; BadEntry if not JSON."""
    try:
        return json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise BadEntry(str(exc)) from None


_SEVERITIES = {s.value: s for s in Severity}


def _problem(value: Any) -> Problem:
    if type(value) is not list or len(value) != 6:
        raise fail("problem")
    code, severity, message, file, line, column = value
    if not (
        type(code) is str
        and severity in _SEVERITIES
        and type(message) is str
        and type(file) is str
        and (line is None or type(line) is int)
        and (column is None or type(column) is int)
    ):
        raise fail("problem")
    return Problem(code, _SEVERITIES[severity], message, Location(file, line, column))


def problems(value: Any) -> list[Problem]:
    """A list of problems as ``dump_problems`` writes them; BadEntry for anything else."""
    if type(value) is not list:
        raise fail("problems")
    return [_problem(item) for item in value]


def dump_problems(found: list[Problem]) -> list[Any]:
    """Problems as plain lists (what ``problems`` reads back)."""
    return [
        [p.code, p.severity.value, p.message, p.location.file, p.location.line, p.location.column]
        for p in found
    ]
