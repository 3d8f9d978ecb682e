"""`hfctl diff` reads only the files that differ between two revisions (and the names it
says), and says exactly what a comparison of the whole revisions says.

A property test (marker ``fuzz``; ``HFCTL_FUZZ_EXAMPLES`` lengthens it) starts from a part of
the bundled data under git and makes random edits over several commits, and some left
uncommitted: files of every kind added, changed (a comment, a word or a date swapped, a line
left out, broken YAML, another file's text), removed, renamed (a meeting into another year's
folder, where it shares its id), an entity renamed with every file that names it, a person
renamed in the commit that puts them in a meeting's attendance, a meeting moved or copied
with its uid. The diff between commits, and between a commit and the work tree, must equal
``semdiff.compare`` of the whole revisions change for change (kind, entity, message, file,
data), but for files that could not be read: only those that differ are said.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfctl.domain.semdiff import NAMES, compare
from hfctl.store import kinds, loader
from hfctl.store.revision import load_changed, load_data
from tests.conftest import Repo, git, run
from tests.edits import Corpus

# one example in 20 of HFCTL_FUZZ_EXAMPLES: each builds a repository of several commits
EXAMPLES = max(4, int(os.environ.get("HFCTL_FUZZ_EXAMPLES", "80")) // 20)
DATA = Path(__file__).resolve().parents[2] / "data"
LIMITS = {"meetings": 8, "agreements": 3, "calendars": 1}
ID_FOLDERS = ("people", "parties", "forums")


def _subset() -> dict[str, bytes]:
    """The bundled files but most meetings (a first few and a last few): every kind."""
    chosen: dict[str, bytes] = {}
    for path in sorted(DATA.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(DATA.parent).as_posix()
        kind = name.split("/")[1]
        if kind == "meetings" and "/2026/" in name:
            keep = sorted(p.name for p in path.parent.iterdir())
            if path.name not in keep[:4] + keep[-4:]:
                continue
        elif sum(n.startswith(f"data/{kind}/") for n in chosen) >= LIMITS.get(kind, 999):
            continue
        chosen[name] = path.read_bytes()
    return chosen


BASE = _subset()
CORPUS = Corpus.of(BASE)
TEXTS, WORDS = CORPUS.texts, CORPUS.words


def _variant(text: str, how: int, a: int, b: int) -> str:
    return CORPUS.variant(text, how, a, b, kinds=7)  # the first seven kinds, as written here


def _files(root: Path, folder: str = "") -> list[Path]:
    return sorted(p for p in (root / "data" / folder).rglob("*") if p.is_file())


def _rename_entity(root: Path, a: int, b: int) -> None:
    """A person, party or body gets a new id: its file moves, every file naming it follows."""
    files = _files(root, ID_FOLDERS[a % len(ID_FOLDERS)])
    if not files:
        return
    target = files[b % len(files)]
    old, new = target.stem, f"{target.stem}-{b % 97}"
    target.rename(target.with_name(f"{new}.yaml"))
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for path in _files(root):
        text = path.read_text("utf-8", "replace")
        if pattern.search(text):
            path.write_text(pattern.sub(new, text), "utf-8")


def _rename_person_in_meeting(root: Path, a: int, b: int) -> None:
    """A person gets a new name, and a meeting records them present: its message names them."""
    people, meetings = _files(root, "people"), _files(root, "meetings")
    if not people or not meetings:
        return
    person = people[a % len(people)]
    text = person.read_text("utf-8", "replace")
    person.write_text(re.sub(r"(?m)^name: .*$", f"name: Nytt Namn {b}", text, count=1), "utf-8")
    meeting = meetings[b % len(meetings)]
    text = meeting.read_text("utf-8", "replace")
    if "  present:\n" in text:
        text = text.replace("  present:\n", f"  present:\n    - {person.stem}\n", 1)
    else:
        text = text.replace("\n---\n", f"\nattendance:\n  present:\n    - {person.stem}\n---\n", 1)
    meeting.write_text(text, "utf-8")


def _move_meeting(root: Path, a: int, b: int) -> None:
    """A meeting moves to another day (or is copied there), keeping its uid (``<id>@…``)."""
    meetings = _files(root, "meetings")
    if not meetings:
        return
    target = meetings[a % len(meetings)]
    text = target.read_text("utf-8", "replace")
    if "\nuid:" not in text:
        text = text.replace("---\n", f"---\nuid: {target.stem}@test.hfctl\n", 1)
    forum = target.stem[11:] or "ssu"
    day = f"2026-{b % 12 + 1:02d}-{b % 27 + 1:02d}"
    path = root / f"data/meetings/{day[:4]}/{day}-{forum}.md"
    if path.exists():
        return
    path.write_text(text.replace(f"date: {target.stem[:10]}", f"date: {day}"), "utf-8")
    if b % 2:
        target.unlink()


def _edit(root: Path, op: int, a: int, b: int, c: int) -> None:
    files = _files(root)
    target = files[a % len(files)] if files else None
    kind = op % 8
    if kind == 0 or target is None:  # add a file of some kind, from another's text
        source = Path(list(BASE)[b % len(BASE)])
        path = root / source.parent / f"{WORDS[c % len(WORDS)]}{source.suffix}"
        if source.parent.name == "meetings" or source.parent.parent.name == "meetings":
            path = path.with_name(f"2026-0{c % 9 + 1}-0{b % 9 + 1}-{WORDS[a % len(WORDS)]}.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_variant(TEXTS[b % len(TEXTS)], c, a, b), "utf-8")
    elif kind in (1, 2):
        target.write_text(_variant(target.read_text("utf-8", "replace"), c, b, a), "utf-8")
    elif kind == 3:
        target.unlink()
    elif kind == 4:  # rename in its folder; a meeting moved or copied into another year's
        if target.parent.parent.name == "meetings":  # ... where it has the same id
            year = "2027" if target.parent.name != "2027" else "2026"
            path = target.parent.parent / year / target.name
        else:
            path = target.with_name(f"{WORDS[c % len(WORDS)]}{target.suffix}")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            return
        if target.parent.parent.name == "meetings" and c % 2:
            shutil.copy(target, path)
        else:
            target.rename(path)
    elif kind == 5:
        _rename_entity(root, b, c)
    elif kind == 6:
        _rename_person_in_meeting(root, b, c)
    else:
        _move_meeting(root, b, c)


def _differ(root: Path, base: str, head: str | None) -> set[str]:
    """The data files that differ, as git says (the work tree's untracked ones included)."""
    revs = [base] if head is None else [base, head]
    names = git(root, "diff", "--no-renames", "--name-only", *revs, "--", "data").split()
    if head is None:
        names += git(root, "ls-files", "--others", "--", "data").split()
    return set(names)


def _whole(root: Path, base: str, head: str | None) -> list[dict[str, Any]]:
    """The reference: both revisions loaded whole and compared."""
    a = load_data(root, base, personal=False, cache=False)
    b = load_data(root, head, personal=False, cache=False)
    differ = _differ(root, base, head)
    return [c.to_json() for c in compare(a, b, "en") if c.kind != "unreadable" or c.file in differ]


def _partial(root: Path, base: str, head: str | None) -> list[dict[str, Any]]:
    a, b = load_changed(root, base, head, NAMES)
    return [c.to_json() for c in compare(a, b, "en")]


def _commit(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "--no-verify", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chosen files in a git repository with one commit, copied for each example."""
    root = tmp_path_factory.mktemp("base")
    for name, raw in BASE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(raw)
    git(root, "init", "-q")
    _commit(root, "base")
    return root


EDIT = st.tuples(
    st.integers(0, 7), st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999)
)


@pytest.mark.fuzz
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    commits=st.lists(st.lists(EDIT, min_size=1, max_size=4), min_size=1, max_size=4),
    loose=st.lists(EDIT, max_size=2),
    pick=st.tuples(st.integers(0, 99), st.integers(0, 99)),
)
def test_partial_diff_equals_whole_diff(
    commits: list[list[tuple[int, int, int, int]]],
    loose: list[tuple[int, int, int, int]],
    pick: tuple[int, int],
    committed: Path,
) -> None:
    with tempfile.TemporaryDirectory(prefix="hfctl-diff-") as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(committed, root)
        revs = [git(root, "rev-parse", "HEAD").strip()]
        for n, edits in enumerate(commits):
            for edit in edits:
                _edit(root, *edit)
            revs.append(_commit(root, f"edit {n}"))
        for edit in loose:
            _edit(root, *edit)
        i, j = sorted((pick[0] % len(revs), pick[1] % len(revs)))
        pairs: list[tuple[str, str | None]] = [(revs[0], revs[-1]), (revs[i], revs[j])]
        pairs += [(revs[j], revs[i]), (revs[i], None)]
        for base, head in pairs:
            assert _partial(root, base, head) == _whole(root, base, head), (base, head)


def _reads(monkeypatch: pytest.MonkeyPatch) -> collections.Counter[str]:
    """Which files the loader validates, and how often."""
    read: collections.Counter[str] = collections.Counter()
    real = loader.read_bytes

    def counting(name: str, *args: Any, **kwargs: Any) -> Any:
        read[name] += 1
        return real(name, *args, **kwargs)

    monkeypatch.setattr(loader, "read_bytes", counting)
    return read


def test_a_diff_of_one_changed_meeting_reads_that_meeting_and_the_names(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = git(repo.root, "rev-parse", "HEAD").strip()
    meeting = "data/meetings/2026/2026-06-11-ssu.md"
    text = repo.read(meeting)
    repo.write(meeting, text.replace("  apologies:\n", "  apologies:\n    - kari-tveit\n"))
    repo.commit("apologies")
    read = _reads(monkeypatch)
    result = run("diff", base, "HEAD", "--format", "json", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert [c["kind"] for c in result.json()] == ["attendance-apologies"]
    assert read[meeting] == 2  # at each side
    others = {name for name in read if name != meeting}
    assert others, "the names said come from the head side"
    assert all(kinds.file_kind(name) in NAMES and read[name] == 1 for name in others), others


def test_a_diff_of_the_work_tree_reads_the_changed_file_and_the_names(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = "data/agreements/overordna-samarbeidsavtale.yaml"
    repo.write(rel, repo.read(rel) + "# a comment\n")
    read = _reads(monkeypatch)
    result = run("--no-cache", "diff", "HEAD", "--format", "json", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert result.json() == []
    assert read[rel] == 2
    kinds_read = {kinds.file_kind(name) for name in read if name != rel}
    assert kinds_read == set(NAMES)
