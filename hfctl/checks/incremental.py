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
from pathlib import Path

from hfctl.checks.registry import CHECKS, READS, Context, UndeclaredRead, check_id
from hfctl.core.problems import Problem
from hfctl.store.loader import KINDS, file_kind

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


def validate_incremental(
    root: Path, today: dt.date, prints: dict[str, str], history: bool
) -> tuple[list[Problem], int] | None:
    """The problems of ``root`` as of ``today`` and the number of its data files, from kept
    results where their inputs did not change; ``prints`` are the files' fingerprints
    (``cache.fingerprints``). None if a check read what it did not declare (the caller then
    validates afresh)."""
    from hfctl.checks.every import register_checks
    from hfctl.checks.renumbering import meetings_changed, renumbering_problems
    from hfctl.core.i18n import current_language
    from hfctl.store.cache import code_version
    from hfctl.store.loader import load
    from hfctl.store.results import ResultCache

    register_checks()
    states = kind_states(prints)
    base = f"{code_version()}\0{today.isoformat()}\0{current_language()}\0".encode()
    results = ResultCache(root)
    found: list[Problem] = []
    need: set[str] = set()
    load_keys = {kind: _key(base, "load", frozenset({kind}), states) for kind in LOADED_KINDS}
    for kind, key in load_keys.items():
        kept = results.get(key)
        if kept is None:
            need.add(kind)
        else:
            found.extend(kept)
    stale = []
    for fn in CHECKS:
        key = _key(base, check_id(fn), READS[fn], states)
        kept = results.get(key)
        if kept is None:
            stale.append((fn, key))
            need |= READS[fn]
        else:
            found.extend(kept)
    renumber = history and meetings_changed(root, "HEAD")
    if renumber:
        need |= {"meetings", "community"}  # what renumbering_problems reads
    need.discard("files")
    ds = load(root, cache=True, kinds=frozenset(need))
    by_kind: dict[str, list[Problem]] = {kind: [] for kind in need}
    for p in ds.problems:
        by_kind.setdefault(file_kind(p.location.file), []).append(p)
    for kind, loaded in by_kind.items():
        results.put(load_keys[kind], loaded)
        found.extend(loaded)
    ctx = Context(ds, today)
    for fn, key in stale:
        try:
            fresh = list(fn(ctx.seeing(fn)))
        except UndeclaredRead:
            if strict_reads():
                raise
            return None
        results.put(key, fresh)
        found.extend(fresh)
    if renumber:
        found.extend(renumbering_problems(root, ds))
    results.save()
    return sorted(set(found), key=Problem.sort_key), len(ds.files)
