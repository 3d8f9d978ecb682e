"""Incremental validation: a run re-reads only the kinds of data whose files changed, and
re-runs only the checks that read one of them.

Every check declares the kinds of data it reads (``registry.check(reads=...)``). Its problems
are kept (``hfctl.store.results``) under a key made of hfctl's code, the day, the language of
the messages, the check and the state of each kind it reads (the name and content of every
file of that kind; for "files", the name of every data file). The loader's own problems are
kept per kind in the same way. A run takes every result whose key it finds, loads only the
kinds the other checks read (each file from the file cache unless its bytes changed), and runs
those checks alone. The outcome is the same, problem for problem, as a run without any cache
(``tests/checks/test_incremental.py`` holds it against random edits).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import typing
from pathlib import Path
from typing import Any

from hfctl.checks.registry import CHECKS, READS, Context, UndeclaredRead, check_id
from hfctl.core.problems import Problem
from hfctl.store.kinds import KINDS, file_kind, meeting_group
from hfctl.store.loader import Dataset

if typing.TYPE_CHECKING:
    from hfctl.store.results import ResultCache

LOADED_KINDS = tuple(kind for kind in KINDS if kind != "files")
"""The kinds the loader reads files of ("files" is only their names)."""


def strict_reads() -> bool:
    """Whether a check reading what it did not declare is an error (``HFCTL_STRICT_READS=1``,
    as in the tests) rather than a reason to run every check afresh."""
    return os.environ.get("HFCTL_STRICT_READS", "") not in ("", "0")


def kind_states(prints: dict[str, str]) -> dict[str, str]:
    """Kind -> a hash of the names and contents of its files (for "files": of every name)."""
    digests = {kind: hashlib.blake2b(digest_size=16, person=b"hfctl-kind") for kind in KINDS}
    for name, print_ in prints.items():  # sorted by name, as fingerprints gives them
        line = f"{len(name)}:{name}{print_}".encode()
        digests[file_kind(name)].update(line)
        digests["files"].update(f"{len(name)}:{name}".encode())
    return {kind: digest.hexdigest() for kind, digest in digests.items()}


def _key(base: bytes, label: str, kinds: frozenset[str], states: dict[str, str]) -> str:
    digest = hashlib.blake2b(base, digest_size=20, person=b"hfctl-result")
    digest.update(label.encode() + b"\0")
    for kind in sorted(kinds):
        digest.update(f"{kind}={states[kind]}\0".encode())
    return digest.hexdigest()


def _group_key(base: bytes, label: str, group: str, state: str) -> str:
    digest = hashlib.blake2b(base, digest_size=20, person=b"hfctl-group")
    digest.update(f"{label}\0{group}\0{state}".encode())
    return digest.hexdigest()


def _kept_group(value: Any, prints: dict[str, str], states: dict[str, str]) -> list[Problem] | None:
    """The problems of a group's run kept as ``value``, if what it read is unchanged."""
    from hfctl.checks.groups import read_state
    from hfctl.store.cachejson import BadEntry, problems

    if type(value) is not dict or value.keys() != {"r", "s", "p"}:
        return None
    reads = value["r"]
    if type(reads) is not list or not all(
        type(r) is list and len(r) == 2 and {type(r[0]), type(r[1])} == {str} for r in reads
    ):
        return None
    try:
        if read_state([(k, i) for k, i in reads], prints, states) != value["s"]:
            return None
        return problems(value["p"])
    except (BadEntry, KeyError):
        return None


def _take(results: ResultCache, keys: dict[str, str], found: list[Problem]) -> set[str]:
    """The labels of ``keys`` whose problems are not kept; the kept ones go into ``found``."""
    stale = set()
    for label, key in keys.items():
        kept = results.get(key)
        if kept is None:
            stale.add(label)
        else:
            found.extend(kept)
    return stale


def validate_incremental(
    root: Path, today: dt.date, prints: dict[str, str], history: bool
) -> tuple[list[Problem], int] | None:
    """The problems of ``root`` as of ``today`` and the number of its data files, from kept
    results where their inputs did not change; ``prints`` are the files' fingerprints
    (``cache.fingerprints``). None if a check read what it did not declare, or a check of one
    group of meetings looked outside it (the caller then validates afresh)."""
    from hfctl.checks.every import register_checks
    from hfctl.checks.groups import (
        GroupEscape,
        GroupView,
        group_state,
        groups,
        read_state,
    )
    from hfctl.checks.groups import tables as group_tables
    from hfctl.checks.registry import PER_MEETING
    from hfctl.checks.renumbering import meetings_changed, renumbering_problems
    from hfctl.core.i18n import current_language
    from hfctl.store.cache import code_version
    from hfctl.store.cachejson import dump_problems
    from hfctl.store.loader import load
    from hfctl.store.results import ResultCache

    register_checks()
    states = kind_states(prints)
    base = f"{code_version()}\0{today.isoformat()}\0{current_language()}\0".encode()
    results = ResultCache(root)
    found: list[Problem] = []
    by_group = groups(prints)
    group_states = {g: group_state(names, prints) for g, names in by_group.items()}
    load_keys = {
        kind: _key(base, "load", frozenset({kind}), states)
        for kind in LOADED_KINDS
        if kind != "meetings"
    }
    need = _take(results, load_keys, found)
    # the loader's problems of meeting files, a group at a time (each file's are its own)
    load_group_keys = {g: _group_key(base, "load", g, s) for g, s in group_states.items()}
    stale_groups = _take(results, load_group_keys, found)
    stale = []
    stale_per_group = []
    for fn in CHECKS:
        name = check_id(fn)
        if fn in PER_MEETING:
            for group, state in group_states.items():
                key = _group_key(base, name, group, state)
                kept = _kept_group(results.get_value(key), prints, states)
                if kept is None:
                    stale_per_group.append((fn, group, key))
                    stale_groups.add(group)
                    need |= READS[fn] - {"meetings"}
                else:
                    found.extend(kept)
            continue
        key = _key(base, name, READS[fn], states)
        kept = results.get(key)
        if kept is None:
            stale.append((fn, key))
            need |= READS[fn]
        else:
            found.extend(kept)
    renumber = history and meetings_changed(root, "HEAD")
    if renumber:
        need |= {"meetings", "community"}  # what renumbering_problems reads
    every_meeting = "meetings" in need  # a check (or the loader) needs every meeting file
    if stale_groups:
        need.add("meetings")
    need.discard("files")
    loading = None
    if not every_meeting:
        loading = frozenset(n for g in stale_groups for n in by_group[g])
    ds = load(root, cache=True, kinds=frozenset(need), meetings=loading)
    by_kind: dict[str, list[Problem]] = {kind: [] for kind in need if kind != "meetings"}
    by_loaded_group: dict[str, list[Problem]] = {
        g: [] for g in (by_group if every_meeting else stale_groups)
    }
    for p in ds.problems:
        kind = file_kind(p.location.file)
        if kind == "meetings":
            by_loaded_group.setdefault(meeting_group(p.location.file), []).append(p)
        else:
            by_kind.setdefault(kind, []).append(p)
    for kind, loaded in by_kind.items():
        results.put(load_keys[kind], loaded)
        found.extend(loaded)
    for group, loaded in by_loaded_group.items():
        results.put(load_group_keys[group], loaded)
        found.extend(loaded)
    ctx = Context(ds, today)
    try:
        for fn, key in stale:
            fresh = list(fn(ctx.seeing(fn)))
            results.put(key, fresh)
            found.extend(fresh)
        stems = {
            g: frozenset(n.rsplit("/", 1)[-1].removesuffix(".md") for n in by_group[g])
            for g in {group for _fn, group, _key in stale_per_group}
        }
        per_group = group_tables(ds, stems)
        for fn, group, key in stale_per_group:
            view = GroupView(ds, READS[fn], check_id(fn), per_group[group])
            fresh = list(fn(Context(typing.cast(Dataset, view), today)))
            reads = sorted(view.reads)
            kept_value = {
                "r": reads,
                "s": read_state(reads, prints, states),
                "p": dump_problems(fresh),
            }
            results.put_value(key, kept_value)
            found.extend(fresh)
    except UndeclaredRead:
        if strict_reads():
            raise
        return None
    except GroupEscape:
        return None
    if renumber:
        found.extend(renumbering_problems(root, ds))
    results.save()
    return sorted(set(found), key=Problem.sort_key), len(ds.files)
