"""The checks `hfctl validate` runs: small named functions that yield located problems.

Each check is registered with ``@check`` and receives a ``Context``; it never stops at the
first problem, never prints and never raises for bad data. ``@check(reads=(...))`` names the
kinds of data it reads (``hfctl.store.kinds.KINDS``): its problems are kept with those kinds'
state and taken again while none of them changed (``hfctl.checks.incremental``). The dataset a
check sees lets it read only what it declared; a bare ``@check`` reads everything.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from hfctl.core.problems import Problem
from hfctl.models.base import Model
from hfctl.models.party import Party
from hfctl.store.kinds import FIELD_KINDS, KINDS
from hfctl.store.loader import Dataset

CheckFn = Callable[["Context"], Iterable[Problem]]
CHECKS: list[CheckFn] = []
ALL_KINDS = frozenset(KINDS)
READS: dict[CheckFn, frozenset[str]] = {}
"""Check -> the kinds of data it reads."""
PER_MEETING: set[CheckFn] = set()
"""The checks whose problems over any set of meetings are those of each meeting alone
(``hfctl.checks.groups`` runs them a group of meetings at a time)."""


@typing.overload
def check(
    fn: CheckFn, *, reads: Iterable[str] | None = None, per_meeting: bool = False
) -> CheckFn: ...
@typing.overload
def check(
    fn: None = None, *, reads: Iterable[str] | None = None, per_meeting: bool = False
) -> Callable[[CheckFn], CheckFn]: ...
def check(
    fn: CheckFn | None = None,
    *,
    reads: Iterable[str] | None = None,
    per_meeting: bool = False,
) -> CheckFn | Callable[[CheckFn], CheckFn]:
    """Register a check (its docstring says what it ensures) that reads the kinds ``reads``
    (default: every kind). ``per_meeting``: it looks at one meeting at a time (and at other
    data by id), so its problems over any meetings are those of each meeting alone."""
    kinds = frozenset(KINDS if reads is None else reads)
    if not kinds <= set(KINDS):
        raise ValueError(f"unknown kinds of data: {sorted(kinds - set(KINDS))}")
    if per_meeting and "meetings" not in kinds:
        raise ValueError("a check per meeting reads meetings")

    def register(found: CheckFn) -> CheckFn:
        CHECKS.append(found)
        READS[found] = kinds
        if per_meeting:
            PER_MEETING.add(found)
        return found

    return register if fn is None else register(fn)


def check_id(fn: CheckFn) -> str:
    """A check's name, unique among the checks."""
    return f"{fn.__module__}.{getattr(fn, '__qualname__', repr(fn))}"


class UndeclaredRead(AssertionError):
    """A check read a kind of data it did not declare (a mistake in hfctl, never in data)."""


class DatasetView:
    """A dataset as one check may see it: only the kinds it declared to read."""

    def __init__(self, ds: Dataset, kinds: frozenset[str], name: str) -> None:
        self._ds, self._kinds, self._name = ds, kinds, name

    def __getattr__(self, field: str) -> Any:
        needed = FIELD_KINDS.get(field, ALL_KINDS)
        if not needed <= self._kinds:
            raise UndeclaredRead(
                f"{self._name} reads ds.{field} but declares {sorted(self._kinds)}"
            )
        return getattr(self._ds, field)

    def collection(self, name: str) -> dict[str, Any]:
        """The models of one folder under ``data/`` by id."""
        return typing.cast(dict[str, Any], self.__getattr__(name))


@dataclass
class Context:
    """What every check sees: the dataset, the day it counts as today, and shared indexes."""

    ds: Dataset
    today: dt.date
    _by_number: dict[str, list[Party]] | None = field(default=None)

    def seeing(self, fn: CheckFn) -> Context:
        """This context as check ``fn`` sees it: its dataset limited to what ``fn`` reads."""
        view = DatasetView(self.ds, READS.get(fn, ALL_KINDS), check_id(fn))
        return Context(typing.cast(Dataset, view), self.today)

    def municipality_by_number(self, number: str, day: dt.date | None = None) -> Party | None:
        """The municipality that had ``number`` (on ``day``, if given)."""
        if self._by_number is None:
            self._by_number = {}
            for party in self.ds.parties.values():
                for entry in party.numbers:
                    self._by_number.setdefault(entry.number, []).append(party)
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
