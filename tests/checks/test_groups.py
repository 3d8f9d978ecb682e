"""Checks run a group of meetings at a time: a check declared per meeting gives over all
meetings what it gives for each meeting alone; a group's kept problems are taken again only
while what it read is unchanged; a change loads only the meetings of the groups it touches."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from hfctl.checks import groups, incremental, registry, validation
from hfctl.checks.every import register_checks
from hfctl.checks.groups import GroupEscape, GroupView
from hfctl.checks.registry import PER_MEETING, READS, CheckFn, Context, check_id
from hfctl.core.problems import Location, Problem
from hfctl.core.rules import problem
from hfctl.store import loader
from hfctl.store.kinds import meeting_group
from hfctl.store.loader import Dataset
from tests.conftest import Repo

TODAY = dt.date(2026, 11, 24)
SSU = "data/meetings/2026/2026-04-23-ssu.md"


def _alone(fn: CheckFn, ds: Dataset) -> tuple[set[Problem], set[Problem]]:
    """A check's problems over every meeting, and those of each meeting alone put together."""
    whole = set(fn(Context(ds, TODAY).seeing(fn)))
    parts: set[Problem] = set()
    alone = groups.tables(ds, {stem: frozenset({stem}) for stem in ds.meetings})
    for stem in ds.meetings:
        view = GroupView(ds, READS[fn], check_id(fn), alone[stem])
        parts.update(fn(Context(typing.cast(Dataset, view), TODAY)))
    return whole, parts


def _broken(repo: Repo) -> None:
    """Meetings that break what the per-meeting checks look at."""
    repo.edit(SSU, "secretary: steinar-ostebo", "secretary: ingen-slik")
    repo.edit(SSU, "    - knut-aksnes\n", "    - knut-aksnes\n    - framand-person\n")
    repo.edit(
        SSU,
        "responsible: fousam\n        due: 2026-05-15",
        "responsible: nokon\n        due: 2026-05-15",
    )
    repo.edit(SSU, "due: 2026-10-31", "due: 2026-01-01")
    repo.edit(SSU, "reference: 2026/805-23", "exempt: ukjend-heimel")


def test_every_check_per_meeting_gives_what_each_meeting_gives(repo: Repo) -> None:
    _broken(repo)
    register_checks()
    ds = loader.load(repo.root, cache=False)
    assert len(PER_MEETING) >= 8
    found = 0
    for fn in sorted(PER_MEETING, key=check_id):
        whole, parts = _alone(fn, ds)
        assert whole == parts, check_id(fn)
        found += len(whole)
    assert found >= 5  # not vacuous: the broken meeting gives problems to several checks


def test_a_check_across_meetings_is_told_apart(repo: Repo) -> None:
    """The control: a check that compares meetings gives something else for each alone."""
    ds = loader.load(repo.root, cache=False)

    def across(ctx: Context) -> list[Problem]:
        count = len(ctx.ds.meetings)
        return [problem("HF310", f"{count} meetings", Location("data/community.yaml"))]

    READS[across] = frozenset({"meetings"})
    try:
        whole, parts = _alone(across, ds)
    finally:
        del READS[across]
    assert whole != parts


def test_reads_are_recorded(repo: Repo) -> None:
    ds = loader.load(repo.root, cache=False)
    empty = groups.tables(ds, {"none": frozenset()})["none"]
    view = GroupView(ds, frozenset({"forums", "people", "meetings"}), "t", empty)
    seen = typing.cast(Dataset, view)
    assert "ssu" in seen.forums and seen.people.get("nobody") is None
    assert view.reads == {("forums", "ssu"), ("people", "nobody")}
    list(seen.forums.values())
    assert ("forums", groups.WHOLE) in view.reads
    assert not seen.meetings  # the group is empty: no meeting of another group is seen
    with pytest.raises(GroupEscape):
        seen.meetings.get("2026-04-23-ssu")
    with pytest.raises(registry.UndeclaredRead):
        seen.agreements  # noqa: B018  (not declared)


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str] | None]:
    asked: list[frozenset[str] | None] = []
    real = loader.load

    def spy(*args: object, **kwargs: object) -> Dataset:
        asked.append(kwargs.get("meetings"))  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load", spy)
    return asked


def test_a_changed_person_loads_only_the_meetings_that_looked_them_up(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    validation.validate(repo.root, TODAY, history=False)
    asked = _loads(monkeypatch)
    # SSU's secretary: looked up by SSU's meetings (and the bodies they are secretary of)
    repo.edit("data/people/steinar-ostebo.yaml", "name: ", "name: Dr. ")
    report = validation.validate(repo.root, TODAY, history=False)
    [loaded] = asked
    assert report.problems == validation.validate(repo.root, TODAY, False, cache=False).problems
    every = {p.relative_to(repo.root).as_posix() for p in repo.root.glob("data/meetings/*/*.md")}
    assert loaded is not None and SSU in loaded and loaded < every
    assert {meeting_group(n) for n in loaded} < {meeting_group(n) for n in every}


def test_without_groups_every_meeting_is_loaded(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control of the test above: with no check per meeting, the same change loads
    every meeting."""
    monkeypatch.setattr(incremental, "PER_MEETING", set(), raising=False)
    monkeypatch.setattr(registry, "PER_MEETING", set())
    validation.validate(repo.root, TODAY, history=False)
    asked = _loads(monkeypatch)
    repo.edit("data/people/steinar-ostebo.yaml", "name: ", "name: Dr. ")
    validation.validate(repo.root, TODAY, history=False)
    assert asked == [None]


def test_a_kept_group_is_taken_again_only_while_its_reads_are_unchanged(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    validation.validate(repo.root, TODAY, history=False)
    # a person no meeting looks up: no group runs again, no meeting is loaded
    repo.write("data/people/ny-person.yaml", "id: ny-person\nname: Ny Person\n")
    asked = _loads(monkeypatch)
    report = validation.validate(repo.root, TODAY, history=False)
    assert asked == [frozenset()]
    assert report.problems == validation.validate(repo.root, TODAY, False, cache=False).problems
    # the secretary of SSU's meetings removed: the groups that looked them up see it
    (repo.root / "data/people/steinar-ostebo.yaml").unlink()
    report = validation.validate(repo.root, TODAY, history=False)
    fresh = validation.validate(repo.root, TODAY, history=False, cache=False)
    assert report.problems == fresh.problems
    assert any("steinar-ostebo" in p.message and p.location.file == SSU for p in fresh.problems)


def test_a_group_that_looks_outside_itself_is_run_afresh(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A meeting file named for another body: its body is looked up by the meeting's own id,
    in another group; the run is made afresh, and the report is the same."""
    text = repo.read(SSU)
    repo.write("data/meetings/2026/2026-04-23-annan.md", text)
    escaped: list[bool] = []
    real = incremental.validate_incremental

    def spy(*args: typing.Any) -> typing.Any:
        found = real(*args)
        escaped.append(found is None)
        return found

    monkeypatch.setattr(incremental, "validate_incremental", spy)
    made_afresh: list[bool] = []
    real_fresh = validation._validate

    def fresh_spy(*args: typing.Any) -> validation.Report:
        made_afresh.append(True)
        return real_fresh(*args)

    monkeypatch.setattr(validation, "_validate", fresh_spy)
    cached = validation.validate(repo.root, TODAY, history=False)
    assert escaped == [True] and made_afresh  # the incremental run gave up, afresh answered
    assert cached.problems == validation.validate(repo.root, TODAY, False, cache=False).problems


def test_kept_groups_of_another_shape_are_not_taken() -> None:
    kinds = {"people": "x"}
    assert incremental._kept_group({"r": [["people", ""]], "s": "?", "p": []}, {}, kinds) is None
    assert incremental._kept_group({"r": "no", "s": "", "p": []}, {}, kinds) is None
    assert incremental._kept_group([1, 2], {}, kinds) is None
    state = groups.read_state([("people", "")], {}, kinds)
    assert incremental._kept_group({"r": [["people", ""]], "s": state, "p": []}, {}, kinds) == []
