"""What one run of the command line carries from its start to its end, instead of module
globals or environment variables: whether the cache is used, and the files a read-only
command could not read (listed after its output, and the run exits 1)."""

from __future__ import annotations

import os
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.problems import Problem, Severity

if TYPE_CHECKING:
    from hfctl.store.loader import Dataset


@dataclass
class Run:
    """One run's state; ``cli.app.main`` makes it and reads it back when the command ends."""

    use_cache: bool = field(default_factory=lambda: _cache_wanted())
    unreadable: list[Problem] = field(default_factory=list)
    loaded: dict[Path, Dataset] = field(default_factory=dict)
    """The data as this run last loaded it from disk, per repository: a write's check reuses
    it instead of loading the repository again (forgotten when the run writes)."""

    def unreadable_once(self) -> list[Problem]:
        """The errors noted, each once, in order of place."""
        return sorted(set(self.unreadable), key=Problem.sort_key)


def _cache_wanted() -> bool:
    """The cache is used unless the user set HFCTL_NO_CACHE (or passes --no-cache)."""
    return os.environ.get("HFCTL_NO_CACHE", "") in ("", "0")


_RUN: ContextVar[Run] = ContextVar("hfctl_run")


def begin() -> Run:
    """Start a run: a fresh state that ``current`` answers until the next run begins."""
    run = Run()
    _RUN.set(run)
    return run


def current() -> Run:
    """The state of the run in progress (a fresh one for code called outside a run)."""
    try:
        return _RUN.get()
    except LookupError:
        return begin()


def note_unreadable(problems: list[Problem]) -> None:
    """Remember the errors met reading data, for a read-only command: it shows what it can,
    then the command line lists these and exits 1."""
    current().unreadable.extend(p for p in problems if p.severity is Severity.ERROR)
