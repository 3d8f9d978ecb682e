"""Checks run one group of meetings at a time, each group's problems kept with what it read.

A check declared ``@check(per_meeting=True)`` promises that its problems over any set of
meetings are the problems it gives for each meeting alone, put together: it looks at one
meeting at a time, and at other data by id (the meeting's forum, its secretary, …). Such a
check is run over the meetings of one group at a time (the files of one body, by the file name
``<date>-<body>.md``: files of the same name are always in one group), and sees a dataset
that records what it reads besides: each id it looks up in a folder (a forum, a person), or a
whole kind when it goes through every item of one. The group's problems are kept with those
reads and the state of each (the content of the one file an id is read from, or of the whole
kind), and taken again while the group's own files and everything it read are unchanged: a
changed person re-runs only the groups that looked that person up, and loads only their
meetings.

A check that looks up a meeting outside its group (data where a file's name and its meeting
disagree, for instance) escapes its group (``GroupEscape``): the run is then made afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import Any

from hfctl.checks.registry import ALL_KINDS, DatasetView, UndeclaredRead
from hfctl.store.kinds import FIELD_KINDS, meeting_group
from hfctl.store.loader import COLLECTIONS, Dataset

WHOLE = ""
"""The key of a read of a whole kind (its every item, or a single file's kind)."""
_EXTENSIONS = {kind: ext for kind, (_model, ext) in COLLECTIONS.items()} | {"information": ".md"}


class GroupEscape(Exception):
    """A check run on one group of meetings looked up a meeting outside it."""


def groups(prints: Mapping[str, str]) -> dict[str, list[str]]:
    """Group -> the names of its meeting files, from every data file's name."""
    found: dict[str, list[str]] = {}
    for name in prints:
        if name.startswith("data/meetings/"):
            found.setdefault(meeting_group(name), []).append(name)
    return found


def group_state(names: list[str], prints: Mapping[str, str]) -> str:
    """A hash of the names and contents of one group's files."""
    digest = hashlib.blake2b(digest_size=16, person=b"hfctl-group")
    for name in names:
        digest.update(f"{len(name)}:{name}{prints[name]}".encode())
    return digest.hexdigest()


def read_state(
    reads: list[tuple[str, str]], prints: Mapping[str, str], kinds: Mapping[str, str]
) -> str:
    """A hash of the state of what a group's run read: a kind's state for a whole kind, else
    the content of the one file an id of that kind comes from (or its absence)."""
    digest = hashlib.blake2b(digest_size=16, person=b"hfctl-reads")
    for kind, key in reads:
        if key == WHOLE:
            state = kinds[kind]
        elif kind == "files":  # whether one file is there
            state = "1" if key in prints else "0"
        else:
            state = prints.get(f"data/{kind}/{key}{_EXTENSIONS[kind]}", "-")
        digest.update(f"{kind}\0{key}\0{state}\0".encode())
    return digest.hexdigest()


class _Recording(Mapping[str, Any]):
    """A folder's models by id that notes what is read: an id looked up, or the whole."""

    def __init__(self, table: dict[str, Any], kind: str, reads: set[tuple[str, str]]) -> None:
        self._table, self._kind, self._reads = table, kind, reads

    def __getitem__(self, key: str) -> Any:
        self._reads.add((self._kind, key))
        return self._table[key]

    def __contains__(self, key: object) -> bool:
        self._reads.add((self._kind, str(key)))
        return key in self._table

    def get(self, key: str, default: Any = None) -> Any:
        self._reads.add((self._kind, key))
        return self._table.get(key, default)

    def __iter__(self) -> Iterator[str]:
        self._reads.add((self._kind, WHOLE))
        return iter(self._table)

    def __len__(self) -> int:
        self._reads.add((self._kind, WHOLE))
        return len(self._table)

    def keys(self) -> Any:
        self._reads.add((self._kind, WHOLE))
        return self._table.keys()

    def values(self) -> Any:
        self._reads.add((self._kind, WHOLE))
        return self._table.values()

    def items(self) -> Any:
        self._reads.add((self._kind, WHOLE))
        return self._table.items()


class _Group(Mapping[str, Any]):
    """One group's meetings (or their bodies) by id: a lookup outside the group escapes it."""

    def __init__(self, table: dict[str, Any]) -> None:
        self._table = table

    def __getitem__(self, key: str) -> Any:
        if key not in self._table:
            raise GroupEscape(key)
        return self._table[key]

    def __contains__(self, key: object) -> bool:
        if key not in self._table:
            raise GroupEscape(str(key))
        return True

    def get(self, key: str, default: Any = None) -> Any:
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def keys(self) -> Any:
        return self._table.keys()

    def values(self) -> Any:
        return self._table.values()

    def items(self) -> Any:
        return self._table.items()


_GROUPED = ("meetings", "bodies", "body_lines")


def tables(ds: Dataset, stems: dict[str, frozenset[str]]) -> dict[str, dict[str, Any]]:
    """For each group (by the stems of its files): its meetings, bodies and body lines by
    id, taken from ``ds`` in one pass over them."""
    group = {stem: g for g, found in stems.items() for stem in found}
    made: dict[str, dict[str, Any]] = {g: {f: {} for f in _GROUPED} for g in stems}
    for field in _GROUPED:
        for key, value in getattr(ds, field).items():
            if key in group:
                made[group[key]][field][key] = value
    return made


class GroupView(DatasetView):
    """A dataset as a check sees it for one group of meetings: only the kinds it declared,
    the group's meetings (``tables``: the group's part of each of ``_GROUPED``), and every
    other read recorded in ``reads``."""

    def __init__(
        self, ds: Dataset, kinds: frozenset[str], name: str, group: dict[str, Any]
    ) -> None:
        super().__init__(ds, kinds, name)
        self.reads: set[tuple[str, str]] = set()
        self._tables: dict[str, Mapping[str, Any]] = {f: _Group(t) for f, t in group.items()}

    def __getattr__(self, field: str) -> Any:
        value = super().__getattr__(field)  # refuses what the check did not declare
        if field in self._tables:
            return self._tables[field]
        if field in _EXTENSIONS:
            table: Mapping[str, Any] = _Recording(value, field, self.reads)
        elif field == "root":
            return value
        elif field == "has_file":
            return self._has_file
        else:  # a file of its own (community, counties, …), or every file's name
            needed = FIELD_KINDS.get(field, ALL_KINDS)
            if "meetings" in needed or "information" in needed:
                raise UndeclaredRead(f"{self._name} reads ds.{field} on one group of meetings")
            self.reads.update((kind, WHOLE) for kind in needed)
            return value
        self._tables[field] = table
        return table

    def _has_file(self, name: str) -> bool:
        self.reads.add(("files", name))
        return bool(self._ds.has_file(name))
