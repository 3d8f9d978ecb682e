"""The checks `hfctl validate` runs: small named functions that yield located problems.

Each check is registered with ``@check`` and receives a ``Context``; it never stops at the
first problem, never prints and never raises for bad data.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from hfctl.core.problems import Problem
from hfctl.models.base import Model
from hfctl.models.party import Party
from hfctl.store.loader import Dataset

CheckFn = Callable[["Context"], Iterable[Problem]]
CHECKS: list[CheckFn] = []


def check(fn: CheckFn) -> CheckFn:
    """Register a check; its docstring says what it ensures."""
    CHECKS.append(fn)
    return fn


@dataclass
class Context:
    """What every check sees: the dataset, the day it counts as today, and shared indexes."""

    ds: Dataset
    today: dt.date
    _by_number: dict[str, list[Party]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for party in self.ds.parties.values():
            for entry in party.numbers:
                self._by_number.setdefault(entry.number, []).append(party)

    def municipality_by_number(self, number: str, day: dt.date | None = None) -> Party | None:
        """The municipality that had ``number`` (on ``day``, if given)."""
        for party in self._by_number.get(number, []):
            if day is None or any(e.number == number and e.covers(day) for e in party.numbers):
                return party
        return None

    def models(self) -> Iterator[Model]:
        """Every top-level model in the dataset."""
        ds = self.ds
        if ds.community:
            yield ds.community
        if ds.counties:
            yield ds.counties
        for table in (
            ds.parties,
            ds.people,
            ds.forums,
            ds.roles,
            ds.agreements,
            ds.calendars,
            ds.meetings,
            ds.information,
        ):
            yield from table.values()


def walk(model: Model) -> Iterator[Model]:
    """``model`` and every model nested inside it, parents before children, in field order."""
    stack: list[object] = [model]
    while stack:
        value = stack.pop()
        if isinstance(value, Model):
            yield value
            stack.extend(getattr(value, name) for name in reversed(_nesting(type(value))))
        elif isinstance(value, list | tuple):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            stack.extend(reversed(list(value.values())))


_NESTING: dict[type[Model], tuple[str, ...]] = {}


def _nesting(cls: type[Model]) -> tuple[str, ...]:
    """The fields of ``cls`` whose type can hold a model (the rest are never walked into)."""
    found = _NESTING.get(cls)
    if found is None:
        found = tuple(
            name for name, info in cls.model_fields.items() if _may_hold_model(info.annotation)
        )
        _NESTING[cls] = found
    return found


def _may_hold_model(annotation: object) -> bool:
    if annotation is typing.Any or annotation is object:
        return True
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return True
    return any(_may_hold_model(arg) for arg in typing.get_args(annotation))
