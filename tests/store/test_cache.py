"""The cache of read data files: hits when nothing changed, misses when the content or the
hfctl version changed, and never trusted when it is corrupt, tampered with or foreign."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import time
from pathlib import Path
from typing import Any

import pytest

from hfctl.checks import validation
from hfctl.store import cache, loader, results
from tests.conftest import Repo, git, problems, run

PERSON = "data/people/anne-rod.yaml"
PEOPLE = cache.shard_file(PERSON)  # the cache file of the people's entries


def _shards(repo: Repo) -> list[Path]:
    """The file cache's files (one a kind of data, one a body's meetings)."""
    return [repo.root / cache.FOLDER / name for name in cache.shard_files(repo.root)]


def _load(repo: Repo) -> tuple[loader.Dataset, cache.FileCache]:
    """Load the repository the way commands do, and return the cache it used."""
    made: list[cache.FileCache] = []
    real = cache.FileCache

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, root: Path) -> None:
            super().__init__(root)
            made.append(self)

    cache.FileCache = Spy  # type: ignore[misc]
    try:
        ds = loader.load(repo.root, cache=True)
    finally:
        cache.FileCache = real  # type: ignore[misc]
    return ds, made[0]


def _same(a: loader.Dataset, b: loader.Dataset) -> None:
    assert a.problems == b.problems
    assert a.files == b.files
    for table in ("parties", "people", "forums", "agreements", "meetings", "information"):
        mine, theirs = a.collection(table), b.collection(table)
        assert mine.keys() == theirs.keys()
        assert all(mine[k].model_dump() == theirs[k].model_dump() for k in mine)
    assert a.bodies == b.bodies


def test_a_warm_load_reads_nothing_again_and_gives_the_same_data(repo: Repo) -> None:
    cold, first = _load(repo)
    assert first.hits == 0 and first.misses > 150
    warm, second = _load(repo)
    assert second.misses == 0 and second.hits == first.misses
    _same(cold, warm)
    _same(warm, loader.load(repo.root, cache=False))
    # a problem's position survives the cache: located in the same place both times
    assert warm.people["anne-rod"].loc("email") == cold.people["anne-rod"].loc("email")


def test_a_content_change_misses_and_is_seen(repo: Repo) -> None:
    _load(repo)
    repo.write(PERSON, repo.read(PERSON).replace("email:", "emial:"))
    ds, used = _load(repo)
    assert used.misses == 1
    assert [p.code for p in ds.problems if p.location.file == PERSON] == ["HF201"]
    repo.write(PERSON, repo.read(PERSON).replace("emial:", "email:"))
    ds, used = _load(repo)
    assert used.misses == 1  # only the entries of the last load are kept: the cache stays small
    assert not [p for p in ds.problems if p.location.file == PERSON]


def test_a_load_of_some_kinds_keeps_the_entries_of_the_others(repo: Repo) -> None:
    """A validation that reads only people after a person changed keeps the meetings'
    entries: the next load of every file reads only the changed person again."""
    _load(repo)
    repo.write(PERSON, repo.read(PERSON) + "# changed\n")
    loader.load(repo.root, cache=True, kinds=frozenset({"people"}))
    loader.load(repo.root, cache=True, kinds=frozenset({"meetings"}), meetings=frozenset())
    _ds, used = _load(repo)
    assert used.misses == 0 and used.hits > 150


def test_a_load_of_some_files_keeps_the_entries_of_the_others(repo: Repo) -> None:
    """``diff`` reads a few files of a kind from the work tree: the other files' entries of
    that kind stay in the cache."""
    _load(repo)
    repo.write(PERSON, repo.read(PERSON) + "# changed\n")
    loader.load(repo.root, cache=True, paths={PERSON})
    _ds, used = _load(repo)
    assert used.misses == 0 and used.hits > 150


def test_a_version_change_ignores_the_whole_cache(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load(repo)
    monkeypatch.setattr(cache, "__version__", "999.0")
    _ds, used = _load(repo)
    assert used.hits == 0 and used.misses > 150


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"",  # empty
        lambda raw: raw[:100] + bytes([raw[100] ^ 1]) + raw[101:],  # one bit flipped
        lambda raw: b"not a header\n" + raw.partition(b"\n")[2],  # header replaced
        lambda raw: os.urandom(4096),  # garbage
    ],
    ids=["truncated", "empty", "bit-flip", "bad-header", "garbage"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(repo: Repo, damage: object) -> None:
    cold, _ = _load(repo)
    assert len(_shards(repo)) > 10
    for path in _shards(repo):
        path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    ds, used = _load(repo)
    assert used.hits == 0
    _same(cold, ds)
    _again, rebuilt = _load(repo)
    assert rebuilt.misses == 0


class _Boom:
    """Unpickled, it touches its marker file: the proof that a pickle was run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.marker),))


@pytest.mark.parametrize(
    "name", [PEOPLE, "files.json", cache.REPORT_FILE, "files.pickle", "report.pickle"]
)
def test_a_planted_pickle_is_never_unpickled(repo: Repo, name: str, tmp_path: Path) -> None:
    """The cache is JSON: a pickle planted in the folder (say, committed in a pull request,
    with the key file earlier versions kept beside it) is never read as anything else."""
    marker = tmp_path / "pwned"  # a run's own folder: parallel runs never share it
    folder = repo.root / cache.FOLDER
    folder.mkdir()
    (folder / "hfctl-cache.key").write_bytes(b"k" * 32)
    body = pickle.dumps(
        {"format": cache.FORMAT, "hfctl": cache.code_version(), "entries": _Boom(marker)}
    )
    (folder / name).write_bytes(b"0" * 64 + b"\n" + body)
    _ds, used = _load(repo)
    assert used.hits == 0
    assert run("validate", repo=repo).exit_code == 0
    assert not marker.exists()
    # the pickles and the key of earlier versions are removed once a cache is written
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            ".gitignore",
            "CACHEDIR.TAG",
            *cache.shard_files(repo.root),
            cache.REPORT_FILE,
            results.FILE,
        ]
    )
    assert PEOPLE in cache.shard_files(repo.root)
    assert not list(repo.root.joinpath(".git").glob("hfctl-cache*"))


def test_the_cache_is_plain_json_with_no_secret(repo: Repo) -> None:
    assert run("validate", repo=repo).exit_code == 0
    repo.write(PERSON, repo.read(PERSON) + "# a change: the checks' results are kept\n")
    assert run("validate", repo=repo).exit_code == 0
    for name in (*cache.shard_files(repo.root), cache.REPORT_FILE, results.FILE):
        head, _, body = (repo.root / cache.FOLDER / name).read_bytes().partition(b"\n")
        header = json.loads(head)
        assert header.keys() == {"format", "hfctl", "file", "digest"}  # no signature, no key
        for line in body.splitlines():
            _key, _, rest = line.partition(b" ")
            for part in rest.split(b"\t") if name != cache.REPORT_FILE else [body]:
                json.loads(part)  # every part of it is plain JSON


def _copy_of_the_cache(repo: Repo, *names: str) -> None:
    """Replace cache files by copies of themselves (as a clone, an unpacked archive or a
    committed folder gives them): the same bytes, another file. (Made while the file its
    header names still exists: a freed inode may be given to the copy.)"""
    for name in names or (*cache.shard_files(repo.root), cache.REPORT_FILE, results.FILE):
        path = repo.root / cache.FOLDER / name
        copy = path.with_name("copy")
        copy.write_bytes(path.read_bytes())  # made while the original lives: another inode
        copy.replace(path)


def test_a_cache_that_is_not_the_file_hfctl_wrote_is_ignored(repo: Repo) -> None:
    """A cache shipped with the data (every byte of it valid, the checksum right) is not the
    file this machine wrote: its header names another inode, and it is never used."""
    _load(repo)
    _validate(repo)
    _ds, control = _load(repo)
    assert control.hits > 150  # control: the cache as written is used
    assert _validate(repo)[1] == 0
    _copy_of_the_cache(repo)
    assert _validate(repo)[1] == 1  # the copied report is not used (nor the copied files)
    _copy_of_the_cache(repo, *cache.shard_files(repo.root))  # as rewritten by that validation
    _ds, used = _load(repo)
    assert used.hits == 0


def test_a_symlinked_cache_folder_is_never_followed(repo: Repo, tmp_path: Path) -> None:
    """A committed ``.hfctl-cache`` that is a symbolic link: nothing is read from or written
    where it points (a reading command in CI on a pull request writes nothing outside)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo.root / cache.FOLDER).symlink_to(elsewhere, target_is_directory=True)
    git(repo.root, "add", cache.FOLDER)
    git(repo.root, "commit", "-qm", "a link")
    assert run("validate", repo=repo).exit_code == 0
    assert run("status", repo=repo).exit_code == 0
    assert list(elsewhere.iterdir()) == []
    # control: the same folder, real, is used
    (repo.root / cache.FOLDER).unlink()
    assert run("validate", repo=repo).exit_code == 0
    assert (repo.root / cache.FOLDER / PEOPLE).is_file()


def test_a_cache_file_that_is_a_symlink_is_never_followed(repo: Repo, tmp_path: Path) -> None:
    assert run("validate", repo=repo).exit_code == 0
    target = tmp_path / "target"
    target.write_bytes(b"keep me")
    for name in (*cache.shard_files(repo.root), cache.REPORT_FILE):
        (repo.root / cache.FOLDER / name).unlink()
        (repo.root / cache.FOLDER / name).symlink_to(target)
    _ds, used = _load(repo)
    assert used.hits == 0
    assert target.read_bytes() == b"keep me"
    assert not (repo.root / cache.FOLDER / PEOPLE).is_symlink()  # replaced, not followed


def test_a_foreign_cache_folder_is_ignored(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    _load(repo)
    folder = repo.root / cache.FOLDER
    _ds, control = _load(repo)
    assert control.hits > 150
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(folder).st_uid + 1)  # another user's
    _ds, used = _load(repo)
    assert used.hits == 0
    monkeypatch.undo()
    folder.chmod(0o777)  # anyone may write in it
    _ds, used = _load(repo)
    assert used.hits == 0
    folder.chmod(0o700)
    _ds, used = _load(repo)
    assert used.hits > 150


def test_stale_temporary_files_are_removed(repo: Repo) -> None:
    folder = repo.root / cache.FOLDER
    folder.mkdir()
    stale, fresh = (
        folder / f".files.json.dead{cache.TEMP_SUFFIX}",
        folder / f".x{cache.TEMP_SUFFIX}",
    )
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    old = time.time() - cache.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    assert run("validate", repo=repo).exit_code == 0
    assert not stale.exists()
    assert fresh.exists()  # perhaps another run's, still writing


def test_the_cache_stays_out_of_git(repo: Repo) -> None:
    assert run("validate", repo=repo).exit_code == 0
    assert (repo.root / cache.FOLDER / PEOPLE).is_file()
    assert (repo.root / cache.FOLDER / "CACHEDIR.TAG").read_text().startswith("Signature: ")
    assert git(repo.root, "status", "--porcelain") == ""


def test_no_cache_writes_no_cache(repo: Repo) -> None:
    result = run("--no-cache", "validate", "--format", "json", repo=repo)
    assert result.exit_code == 0
    assert problems(result) == problems(run("validate", "--format", "json", repo=repo))
    cached = repo.root / cache.FOLDER / PEOPLE
    assert cached.is_file()  # the second run (with the cache) wrote it
    cached.unlink()
    assert run("--no-cache", "status", repo=repo).exit_code == 0
    assert not cached.exists()


def test_an_unwritable_cache_is_no_error(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(cache, "_write_atomic", refuse)
    assert run("validate", repo=repo).exit_code == 0
    assert not (repo.root / cache.FOLDER / PEOPLE).exists()


# -- the kept report: a repository validated before in the same state is not loaded again --

DAY = dt.date(2026, 11, 25)


def _validate(repo: Repo, day: dt.date = DAY) -> tuple[validation.Report, int]:
    """Validate as the command does; also say how many times the data was loaded."""
    loads: list[int] = []
    real = loader.load

    def counting(*args: Any, **kwargs: Any) -> loader.Dataset:
        loads.append(1)
        return real(*args, **kwargs)

    loader.load = counting
    try:
        report = validation.validate(repo.root, day)
    finally:
        loader.load = real
    return report, len(loads)


def test_an_unchanged_repository_gets_the_kept_report(repo: Repo) -> None:
    first, loads = _validate(repo)
    assert loads == 1
    again, loads = _validate(repo)
    assert loads == 0
    assert again == first
    assert again == validation.validate(repo.root, DAY, history=False)  # no cache used there


@pytest.mark.parametrize(
    "change",
    ["content", "new file", "removed file", "renamed file", "another day", "another version"],
)
def test_any_change_to_what_validation_reads_loads_again(
    repo: Repo, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, _ = _validate(repo)
    day = DAY
    if change == "content":
        repo.write(PERSON, repo.read(PERSON).replace("email:", "emial:"))
    elif change == "new file":
        repo.write("data/people/zz-new.yaml", "name: [unclosed\n")
    elif change == "removed file":
        repo.path(PERSON).unlink()
    elif change == "renamed file":
        repo.path(PERSON).rename(repo.path("data/people/anne-rod-2.yaml"))
    elif change == "another day":
        day = DAY + dt.timedelta(days=400)
    else:
        monkeypatch.setattr(cache, "__version__", "999.0")
    report, loads = _validate(repo, day)
    assert loads == 1
    assert report == validation.validate(repo.root, day, history=False)
    assert (report == before) == (change == "another version")


def test_a_changed_meeting_is_compared_with_the_last_commit_every_time(repo: Repo) -> None:
    """Renumbering an issued case is found from git, which the data's state does not hold:
    with a meeting changed since the last commit the report is never taken from the cache."""
    meeting = next(
        str(p.relative_to(repo.root))
        for p in sorted(repo.path("data/meetings").rglob("*.md"))
        if "agenda_issued:" in p.read_text(encoding="utf-8") and "number: 2" in p.read_text()
    )
    text = repo.read(meeting)
    repo.write(meeting, text.replace("number: 2", "number: 9", 1))
    codes = [p.code for p in _validate(repo)[0].problems]
    report, loads = _validate(repo)
    assert loads == 2  # the working tree, and the changed meeting as it was at HEAD
    assert "HF380" in codes or "HF381" in codes
    assert [p.code for p in report.problems] == codes


def test_a_damaged_or_foreign_report_is_never_used(repo: Repo) -> None:
    first, _ = _validate(repo)
    path = repo.root / cache.FOLDER / cache.REPORT_FILE
    raw = path.read_bytes()
    path.write_bytes(raw[:-10])
    assert _validate(repo) == (first, 1)
    head, _, body = raw.partition(b"\n")
    kept = json.loads(body)
    kept["problems"] = [[1, 2, 3]]  # not a problem
    forged = json.dumps(kept).encode()
    header = {**json.loads(head), "digest": hashlib.blake2b(forged, digest_size=20).hexdigest()}
    path.write_bytes(json.dumps(header).encode() + b"\n" + forged)
    assert _validate(repo) == (first, 1)
    assert _validate(repo) == (first, 0)
