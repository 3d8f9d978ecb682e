"""Incremental validation gives what a run without any cache gives, problem for problem.

A property test (marker ``fuzz``; ``HFCTL_FUZZ_EXAMPLES`` lengthens it) starts from a part of
the bundled data under git and makes random edits to files of every kind: adding, changing
(a comment, a word or a date swapped for another of the data's, a line left out, broken
YAML, an empty file, another file's text), removing, renaming (in the folder, into another
folder, to a name hfctl does not read), linking, and moving the day. After every edit the
cached, incremental ``validate`` must equal ``validate(cache=False)``. Checks see only what
they declare (``HFCTL_STRICT_READS``): a check reading more fails the test.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfctl.checks.validation import validate
from tests.edits import Corpus

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("HFCTL_FUZZ_EXAMPLES", "20"))
DATA = Path(__file__).resolve().parents[2] / "data"
DAYS = (dt.date(2026, 11, 24), dt.date(2026, 12, 11), dt.date(2027, 3, 1), dt.date(2025, 6, 2))
FOLDERS = ("forums", "parties", "people", "roles", "agreements", "calendars", "information")
PLACES = (
    "data/forums/{stem}.yaml",
    "data/parties/{stem}.yaml",
    "data/people/{stem}.yaml",
    "data/roles/{stem}.yaml",
    "data/agreements/{stem}.yaml",
    "data/calendars/{stem}.yaml",
    "data/information/2026-05-0{digit}-{stem}.md",
    "data/meetings/2026/2026-10-0{digit}-{stem}.md",
    "data/meetings/2027/2027-02-0{digit}-ssu.md",
    "data/meetings/2025/{stem}.md",
    "data/{stem}.yaml",
    "data/community.yaml",
    "data/counties.yaml",
    "data/legal-bases.yaml",
    "data/attachments/{stem}.pdf",
    "data/forums/{stem}.yml",
    "data/forums/.{stem}.yaml",
    "data/other/{stem}.yaml",
)


LIMITS = {"people": 6, "parties": 6, "forums": 6, "agreements": 2, "calendars": 2}


def _subset() -> dict[str, bytes]:
    """About 35 of the bundled files: every kind, a few of each (for speed)."""
    chosen: dict[str, bytes] = {}
    for path in sorted(DATA.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(DATA.parent).as_posix()
        parts = name.split("/")
        if parts[1] == "meetings":
            keep = sorted(p.name for p in path.parent.iterdir())
            if path.name not in keep[:2] + keep[-2:]:
                continue
        if sum(n.startswith(f"data/{parts[1]}/") for n in chosen) >= LIMITS.get(parts[1], 99):
            continue
        chosen[name] = path.read_bytes()
    return chosen


BASE = _subset()
CORPUS = Corpus.of(BASE)
TEXTS, WORDS = CORPUS.texts, CORPUS.words


def _variant(text: str, how: int, a: int, b: int) -> str:
    return CORPUS.variant(text, how, a, b)


def _place(a: int, b: int) -> str:
    return PLACES[a % len(PLACES)].format(stem=WORDS[b % len(WORDS)], digit=b % 9 + 1)


def _files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "data").rglob("*") if p.is_file() or p.is_symlink())


def _edit(root: Path, op: int, a: int, b: int, c: int) -> None:
    files = _files(root)
    target = files[a % len(files)] if files else None
    kind = op % 7
    if kind == 0 or target is None:  # add
        path = root / _place(a, b)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_symlink():
            path.write_text(_variant(TEXTS[b % len(TEXTS)], c, a, b), "utf-8")
    elif kind in (1, 2):  # change
        text = target.read_text("utf-8", "replace") if target.is_file() else ""
        if not target.is_symlink():
            target.write_text(_variant(text, c, b, a), "utf-8")
    elif kind == 3:  # remove
        target.unlink()
    elif kind == 4:  # rename
        path = root / _place(b, c)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() and not path.is_symlink():
            target.rename(path)
    elif kind == 5:  # link
        path = root / _place(b, c)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() and not path.is_symlink():
            path.symlink_to(target)
    # kind 6: nothing changes (a run again over the same state)


def _copy(root: Path) -> Path:
    for name, raw in BASE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(raw)
    return root


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


EDIT = st.tuples(
    st.integers(0, 6), st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999)
)


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base files in a git repository with one commit, copied for each example."""
    root = _copy(tmp_path_factory.mktemp("base"))
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    return root


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(edits=st.lists(st.tuples(EDIT, st.integers(0, 7)), min_size=1, max_size=4))
def test_incremental_equals_fresh(
    edits: list[tuple[tuple[int, int, int, int], int]],
    monkeypatch: pytest.MonkeyPatch,
    committed: Path,
) -> None:
    monkeypatch.setenv("HFCTL_STRICT_READS", "1")
    with tempfile.TemporaryDirectory(prefix="hfctl-incremental-") as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(committed, root, symlinks=True)
        validate(root, DAYS[0])  # the cache of the state before the edits
        for (op, a, b, c), day in edits:
            _edit(root, op, a, b, c)
            today = DAYS[day % len(DAYS)] if day >= len(DAYS) else DAYS[0]
            cached = validate(root, today)
            fresh = validate(root, today, cache=False)
            assert cached.problems == fresh.problems
            assert cached.files == fresh.files
        shutil.rmtree(root / ".hfctl-cache", ignore_errors=True)


def test_a_changed_file_reruns_only_what_reads_its_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a change to a person file, only the people and the kinds the checks that read
    people also read are loaded; meetings are not (no check reading people and meetings...
    except those that do: the loaded kinds are exactly what the stale checks declare)."""
    from hfctl.checks import incremental
    from hfctl.checks.registry import CHECKS, READS
    from hfctl.store import loader

    monkeypatch.setenv("HFCTL_STRICT_READS", "1")
    root = _copy(tmp_path)
    validate(root, DAYS[0], history=False)
    asked: list[frozenset[str] | None] = []
    real = loader.load

    def spy(*args: object, **kwargs: object) -> loader.Dataset:
        asked.append(kwargs.get("kinds"))  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load", spy)
    person = sorted((root / "data" / "people").iterdir())[0]
    person.write_text(person.read_text() + "# changed\n")
    report = validate(root, DAYS[0], history=False)
    readers = [fn for fn in CHECKS if "people" in READS[fn]]
    expected = frozenset({"people"}.union(*(READS[fn] for fn in readers))) - {"files"}
    assert asked == [expected]
    assert "calendars" not in expected and readers
    assert report.problems == validate(root, DAYS[0], history=False, cache=False).problems
    # nothing changed since: the kept report, nothing loaded
    asked.clear()
    validate(root, DAYS[0], history=False)
    assert asked == []
    assert incremental.LOADED_KINDS  # the kinds the loader reads


def test_a_check_reading_what_it_did_not_declare_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under HFCTL_STRICT_READS an undeclared read fails; otherwise the run is done afresh
    and gives the same problems."""
    from hfctl.checks import registry
    from hfctl.checks.registry import UndeclaredRead, check
    from hfctl.core.problems import Location
    from hfctl.core.rules import problem

    root = _copy(tmp_path)

    def sneaky(ctx: registry.Context) -> list[object]:
        return [
            problem("HF310", f"{len(ctx.ds.meetings)} meetings", Location("data/community.yaml"))
        ]

    monkeypatch.setattr(registry, "CHECKS", [*registry.CHECKS])
    monkeypatch.setattr(registry, "READS", {**registry.READS})
    check(sneaky, reads=("forums",))  # type: ignore[arg-type]
    from hfctl.checks import incremental

    monkeypatch.setattr(incremental, "CHECKS", registry.CHECKS)
    monkeypatch.setattr(incremental, "READS", registry.READS)
    monkeypatch.setenv("HFCTL_STRICT_READS", "1")
    with pytest.raises(UndeclaredRead):
        validate(root, DAYS[0], history=False)
    monkeypatch.delenv("HFCTL_STRICT_READS")
    cached = validate(root, DAYS[0], history=False)
    fresh = validate(root, DAYS[0], history=False, cache=False)
    assert cached.problems == fresh.problems
    assert any(p.message == "5 meetings" for p in fresh.problems)
