"""The history of one entity from git: who changed what, when, said in governance terms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hfctl.domain.lookup import find_agreement, find_forum, find_municipality, find_person
from hfctl.domain.semdiff import NAMES, Change, compare
from hfctl.store import gitops
from hfctl.store.loader import Dataset, load
from hfctl.store.revision import fill


@dataclass(frozen=True)
class Entry:
    """One semantic change in one commit."""

    sha: str
    date: str
    author: str
    change: Change

    def to_json(self) -> dict[str, Any]:
        """The entry as JSON."""
        return {
            "commit": self.sha,
            "date": self.date,
            "author": self.author,
            **self.change.to_json(),
        }


def entries(root: Path, since: dt.date | None = None, lang: str = "en") -> list[Entry]:
    """Semantic changes of every commit that touched data/, newest first (two git processes:
    one ``git log`` and one ``git cat-file --batch``); with ``since``, those of that day (the
    whole of it, by the date each commit shows) and later."""
    repo = gitops.require_repo(root, "hfctl log")
    paths = gitops.Paths.of(repo, root)
    commits = gitops.log_data(repo, paths.to_git("data"), since)
    if since is not None:
        commits = [c for c in commits if c["date"] >= since.isoformat()]
    specs = []
    for c in commits:
        for name in c["files"]:
            specs.append(f"{c['sha']}:{name}")
            if c["parent"]:
                specs.append(f"{c['parent']}:{name}")
    found = gitops.blobs(repo, specs)
    names = load(root, kinds=frozenset(NAMES))  # what the messages name, as it is now
    out: list[Entry] = []
    for c in commits:
        after = {
            paths.from_git(n): found[f"{c['sha']}:{n}"]
            for n in c["files"]
            if f"{c['sha']}:{n}" in found
        }
        before = {
            paths.from_git(n): found[f"{c['parent']}:{n}"]
            for n in c["files"]
            if c["parent"] and f"{c['parent']}:{n}" in found
        }
        a = load(root, before, only_overlay=True, personal=False)
        b = load(root, after, only_overlay=True, personal=False)
        changed = {paths.from_git(n) for n in c["files"]}
        fill(a, names, changed, NAMES)
        fill(b, names, changed, NAMES)
        for change in compare(a, b, lang):
            out.append(Entry(c["sha"], c["date"], c["author"], change))
    return out


def select(
    ds: Dataset,
    found: list[Entry],
    forum: str | None = None,
    person: str | None = None,
    agreement: str | None = None,
    municipality: str | None = None,
) -> list[Entry]:
    """Entries about one forum, person, agreement or municipality, each named by id or name
    (one that names nothing is an error, never an empty answer)."""
    muni = find_municipality(ds, municipality) if municipality else None
    forum = find_forum(ds, forum).id if forum else None
    agreement = find_agreement(ds, agreement).id if agreement else None
    if person and not any(e.change.entity == person for e in found):
        person = find_person(ds, person).id  # someone no longer in the data is found by id

    def about(e: Entry) -> bool:
        c = e.change
        if forum and not (c.file == f"data/forums/{forum}.yaml" or c.file.endswith(f"-{forum}.md")):
            return False
        if person:
            name = ds.people[person].name if person in ds.people else person
            if not (
                c.entity == person
                or person in c.data.values()
                or name in c.message
                or c.file == f"data/people/{person}.yaml"
            ):
                return False
        if agreement and c.file != f"data/agreements/{agreement}.yaml":
            return False
        return not (
            muni
            and not (
                c.entity == muni.name
                or muni.id in c.data.values()
                or any(n.number in c.data.values() for n in muni.numbers)
                or c.file == f"data/parties/{muni.id}.yaml"
                or muni.name in c.message
            )
        )

    return [e for e in found if about(e)]
