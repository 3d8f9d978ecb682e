"""Validating a data repository: load every file, run every check, summarise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.problems import Problem, Severity

if TYPE_CHECKING:
    from hfctl.store.changes import Changeset
    from hfctl.store.loader import Dataset


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: every problem, sorted, and the number of files read."""

    problems: list[Problem]
    files: int

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        """How many problems are warnings."""
        return sum(1 for p in self.problems if p.severity is Severity.WARNING)

    def failed(self, strict: bool = False) -> bool:
        """Whether the validation fails: errors, or warnings too when ``strict``."""
        return self.errors > 0 or (strict and self.warnings > 0)


def validate_dataset(ds: Dataset, today: dt.date) -> Report:
    """Run every check over an already loaded dataset."""
    return Report(run_checks(ds, today), len(ds.files))


def validate(
    root: Path,
    today: dt.date,
    history: bool = True,
    at: str | None = None,
    cache: bool | None = None,
) -> Report:
    """Load the repository at ``root`` (or as it was at revision ``at``) and check it as of
    ``today``; with ``history``, also compare issued case numbers with the last commit.

    A repository validated before in the same state (same code, day and data files, and no
    meeting changed since the last commit) gets the report kept from that run, without
    loading anything (``hfctl.store.cache``). ``cache`` False reads everything afresh and
    keeps nothing (default: the cache's own setting, ``HFCTL_NO_CACHE``)."""
    from hfctl.checks.renumbering import meetings_changed
    from hfctl.store import cache as cache_module

    use = cache_module.enabled() if cache is None else cache
    prints = cache_module.fingerprints(root) if at is None and use else None
    if prints is None:
        return _validate(root, today, history, at, use)
    state = None
    if not history or not meetings_changed(root, "HEAD"):
        state = cache_module.data_state(root, today, prints)
        kept = cache_module.get_report(root, state) if state else None
        if kept is not None:
            return Report(*kept)
    from hfctl.checks.incremental import validate_incremental  # models: not for a kept report

    found = validate_incremental(root, today, prints, history)
    report = Report(*found) if found is not None else _validate(root, today, history, at, use)
    if state is not None:
        cache_module.put_report(root, state, report.problems, report.files)
    return report


def _validate(root: Path, today: dt.date, history: bool, at: str | None, cache: bool) -> Report:
    from hfctl.checks.renumbering import renumbering_problems
    from hfctl.store.loader import load
    from hfctl.store.revision import load_data

    ds = load(root, cache=cache) if at is None else load_data(root, at)
    report = validate_dataset(ds, today)
    if not history or at is not None:
        return report
    extra = renumbering_problems(root, ds)
    problems = sorted(set(report.problems) | set(extra), key=Problem.sort_key)
    return Report(problems, report.files)


def only_files(report: Report, files: set[str]) -> Report:
    """The report limited to problems located in ``files`` (for --changed-since)."""
    return Report([p for p in report.problems if p.location.file in files], report.files)


def run_checks(ds: Dataset, today: dt.date) -> list[Problem]:
    """Run every registered check over ``ds``; return all problems, the loader's included.
    Each check sees only the kinds of data it declares (one that reads more is run again over
    the whole dataset, or fails under ``HFCTL_STRICT_READS``)."""
    from hfctl.checks.every import register_checks
    from hfctl.checks.incremental import strict_reads
    from hfctl.checks.registry import CHECKS, Context, UndeclaredRead

    register_checks()
    ctx = Context(ds, today)
    problems = list(ds.problems)
    for fn in CHECKS:
        try:
            problems.extend(fn(ctx.seeing(fn)))
        except UndeclaredRead:
            if strict_reads():
                raise
            problems.extend(fn(ctx))
    return sorted(set(problems), key=Problem.sort_key)


def _error_key(problem: Problem) -> tuple[str, str, str]:
    return (problem.code, problem.location.file, problem.message)


def new_errors(
    changes: Changeset,
    today: dt.date,
    cache: bool | None = None,
    before: Dataset | None = None,
) -> list[Problem]:
    """Errors the change would bring into the repository (errors already there are ignored);
    ``before`` is the repository as loaded already, if the caller has it."""
    from hfctl.store.loader import load

    if before is None or before.root != changes.root:
        before = load(changes.root, cache=cache)
    known_report = validate_dataset(before, today)
    after = validate_dataset(load(changes.root, overlay=changes.after, cache=cache), today)
    known = {_error_key(p) for p in known_report.problems if p.severity is Severity.ERROR}
    return [
        p for p in after.problems if p.severity is Severity.ERROR and _error_key(p) not in known
    ]
