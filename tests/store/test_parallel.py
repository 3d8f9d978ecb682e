"""A load read on several processes gives exactly what one process gives: the same models,
positions, problems (in the same order) and the same cache for the next run."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from hfctl.checks.validation import validate
from hfctl.store import cache, loader, parallel
from hfctl.store.loader import Dataset
from tests.conftest import Repo
from tests.store.test_personal_data import FNR

TODAY = "2026-11-24"


class _CountingPool(ProcessPoolExecutor):
    made = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        type(self).made += 1
        super().__init__(*args, **kwargs)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> type[_CountingPool]:
    """Pools are counted; any two files are enough to read them on two processes."""
    _CountingPool.made = 0
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _CountingPool)
    monkeypatch.setattr(parallel, "MIN_FILES", 2)
    return _CountingPool


def _broken(repo: Repo) -> None:
    """Files of every outcome: good, unparsable, of the wrong shape, with a national identity
    number, unknown, and a duplicate id."""
    repo.write("data/people/broken.yaml", "id: broken\nname: [unclosed\n")
    repo.write("data/people/shape.yaml", "id: shape\nname: 12\nemail: not-an-address\n")
    for first_or_last in ("aa-nummer", "zz-nummer"):  # the parent reads each model's first
        text = f"id: {first_or_last}\nname: Nummer Nummersen\n# {FNR}\n"
        repo.write(f"data/people/{first_or_last}.yaml", text)
    repo.write("data/forums/notes.txt", "not data\n")
    repo.write("data/stray.yaml", "a: 1\n")
    meetings = sorted((repo.root / "data" / "meetings" / "2026").glob("*.md"))
    text = meetings[0].read_text(encoding="utf-8")
    repo.write("data/meetings/2027/" + meetings[0].name, text)


def _facts(ds: Dataset) -> dict[str, Any]:
    """Everything a load gives, as plain data (models with the positions of their keys)."""
    tables: dict[str, Any] = {}
    for name in ("parties", "people", "forums", "roles", "agreements", "calendars"):
        tables[name] = {k: m.model_dump(mode="json") for k, m in ds.collection(name).items()}
    tables["meetings"] = {k: m.model_dump(mode="json") for k, m in ds.meetings.items()}
    tables["information"] = {k: m.model_dump(mode="json") for k, m in ds.information.items()}
    where = {k: [str(m.loc("date")), str(m.loc("forum"))] for k, m in sorted(ds.meetings.items())}
    return {
        "tables": tables,
        "where": where,
        "community": ds.community.model_dump(mode="json") if ds.community else None,
        "problems": [(p.code, p.message, str(p.location)) for p in ds.problems],
        "files": ds.files,
        "bodies": ds.bodies,
        "body_lines": ds.body_lines,
        "duplicates": [(a.id, b.id) for a, b in ds.duplicates],  # type: ignore[attr-defined]
    }


def test_several_processes_read_as_one(
    repo: Repo, pools: type[_CountingPool], monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(repo)
    monkeypatch.setenv("HFCTL_JOBS", "1")
    one = _facts(loader.load(repo.root, cache=False))
    assert pools.made == 0  # control: one process makes no pool
    monkeypatch.setenv("HFCTL_JOBS", "2")
    several = _facts(loader.load(repo.root, cache=False))
    assert pools.made == 1
    assert several == one
    numbers = [where for code, _m, where in one["problems"] if code == "HF500"]
    assert len(numbers) == 2  # the scan ran in the parent and in the workers
    assert len(one["problems"]) > 5 and one["duplicates"]


def test_the_cache_written_by_workers_is_read_as_its_own(
    repo: Repo, pools: type[_CountingPool], monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(repo)
    monkeypatch.setenv("HFCTL_JOBS", "2")
    fresh = _facts(loader.load(repo.root, cache=True))
    assert pools.made == 1
    kept = [cache.read_file(repo.root, name) or b"" for name in cache.shard_files(repo.root)]
    assert sum(body.count(b"\n") for body in kept) > 200  # every file's, from the workers
    warm = _facts(loader.load(repo.root, cache=True))
    assert pools.made == 1  # every file from the cache: nothing to read
    assert warm == fresh
    monkeypatch.setenv("HFCTL_JOBS", "1")
    assert _facts(loader.load(repo.root, cache=False)) == fresh


def test_personal_scan_left_out_as_in_one_process(
    repo: Repo, pools: type[_CountingPool], monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(repo)
    monkeypatch.setenv("HFCTL_JOBS", "2")
    for use_cache in (False, True):
        found = loader.load(repo.root, cache=use_cache, personal=False)
        assert not any(p.code == "HF500" for p in found.problems)


def test_below_the_cutoff_one_process(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    _CountingPool.made = 0
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _CountingPool)
    monkeypatch.setenv("HFCTL_JOBS", "8")
    files = len(loader.load(repo.root, cache=False).files)
    assert files < parallel.MIN_FILES and _CountingPool.made == 0


def test_validation_the_same(
    repo: Repo, pools: type[_CountingPool], monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    _broken(repo)
    day = dt.date.fromisoformat(TODAY)
    monkeypatch.setenv("HFCTL_JOBS", "1")
    one = validate(repo.root, day, cache=False)
    monkeypatch.setenv("HFCTL_JOBS", "2")
    several = validate(repo.root, day, cache=False)
    assert pools.made >= 1
    assert several == one and one


def test_jobs_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HFCTL_JOBS", "3")
    assert parallel.jobs() == 3
    for bad in ("0", "x", ""):
        monkeypatch.setenv("HFCTL_JOBS", bad)
        assert parallel.jobs() >= 1


def test_nothing_to_read() -> None:
    """An empty list of files reads nothing and makes no pool."""
    assert parallel.read_all(lambda job, scan, keep: (job, None), [], True, False) == []
