"""The dataset of a repository as it is, or as it was at a git revision (read from git's
objects, without a checkout), whole or only as far as two states of it differ."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.errors import NotFoundError
from hfctl.core.i18n import _
from hfctl.store import gitops
from hfctl.store.kinds import file_kind
from hfctl.store.loader import Dataset, load, rel
from hfctl.store.repo import data_files

if TYPE_CHECKING:
    from git import Repo


def load_data(
    root: Path, at: str | None = None, personal: bool = True, cache: bool | None = None
) -> Dataset:
    """The dataset of the working tree, or as it was at git revision ``at`` (no checkout);
    ``personal`` as for ``hfctl.store.loader.load``."""
    if at is None:  # a sparse checkout's files left out of the work tree are still data
        return load(root, gitops.sparse_files(root) or None, personal=personal, cache=cache)
    repo = gitops.require_repo(root, "reading the data at a revision")
    _require(repo, at)
    paths = gitops.Paths.of(repo, root)
    blobs = gitops.files_at(repo, at, paths.to_git("data"))
    return load(
        root,
        {paths.from_git(n): data for n, data in blobs.items()},
        only_overlay=True,
        personal=personal,
    )


def _require(repo: Repo, rev: str) -> None:
    if not gitops.revision_exists(repo, rev):
        raise NotFoundError(_("no revision '{at}' in this repository").format(at=rev))


def fill(ds: Dataset, context: Dataset, changed: Collection[str], kinds: Collection[str]) -> None:
    """Give a partial dataset the models of ``kinds`` (tables such as ``people``, or single
    files such as ``community``) that ``context`` read from files not in ``changed``: files
    that are the same on both sides of a comparison, so that its messages can name them."""
    for kind in kinds:
        found = getattr(context, kind)
        if not isinstance(found, dict):  # a single file, community.yaml say
            if found is not None and found.file not in changed and getattr(ds, kind) is None:
                setattr(ds, kind, found)
            continue
        mine = ds.collection(kind)
        for key, model in found.items():
            if key not in mine and model.file not in changed:
                mine[key] = model


def load_changed(
    root: Path,
    base: str,
    head: str | None = None,
    names: Collection[str] = (),
    cache: bool | None = None,
) -> tuple[Dataset, Dataset]:
    """The data at revision ``base`` and at ``head`` (default: the working tree), each only as
    far as they differ: the files whose content differs (added, removed or changed, and the
    meetings that share an id with one), plus every file of ``names`` (the kinds a comparison
    names things by) at ``head``, given to the base side where the two are the same (``fill``).
    Problems are those of the files that differ. Git: one ``ls-tree`` per revision and one
    ``cat-file`` for both (two more only when a new meeting's uid names an unchanged one)."""
    repo = gitops.require_repo(root, "reading the data at a revision")
    for rev in (base, head):
        if rev is not None:
            _require(repo, rev)
    paths = gitops.Paths.of(repo, root)
    ids_a = _ids(repo, base, paths)
    sparse = gitops.sparse_files(root) if head is None else {}
    ids_b = _work_ids(root, sparse, ids_a) if head is None else _ids(repo, head, paths)
    changed = {p for p in ids_a.keys() | ids_b.keys() if ids_a.get(p) != ids_b.get(p)}
    both = changed | _namesakes(changed, ids_a.keys() | ids_b.keys())
    at_head = both | {p for p in ids_b if file_kind(p) in names}
    wanted = [(base, p) for p in sorted(both) if p in ids_a]
    if head is not None:
        wanted += [(head, p) for p in sorted(at_head) if p in ids_b]
    found = _read(repo, paths, wanted)
    a = load(root, found.get(base, {}), only_overlay=True, personal=False)
    if head is None:
        b = load(root, sparse or None, personal=False, cache=cache, paths=at_head)
    else:
        b = load(root, found.get(head, {}), only_overlay=True, personal=False)
    _origins(repo, paths, base, a, b, ids_a.keys() - both)
    fill(a, b, changed, names)
    for ds in (a, b):
        ds.problems = [p for p in ds.problems if p.location.file in changed]
    return a, b


def _ids(repo: Repo, rev: str, paths: gitops.Paths) -> dict[str, str]:
    found = gitops.tree_ids(repo, rev, paths.to_git("data"))
    return {paths.from_git(name): oid for name, oid in found.items()}


def _work_ids(root: Path, sparse: dict[str, bytes], base: dict[str, str]) -> dict[str, str]:
    """The git object id of every data file in the work tree (a sparse checkout's from the
    index), hashed here as git would without filters: a file that differs only by a filter
    (line endings) is compared in full, never missed. Links and what is no regular file get
    no id, so they always differ (the loader reports them)."""
    algorithm = "sha256" if any(len(oid) == 64 for oid in base.values()) else "sha1"

    def oid(raw: bytes) -> str:
        return hashlib.new(algorithm, b"blob %d\0" % len(raw) + raw).hexdigest()

    out = {name: oid(raw) for name, raw in sparse.items()}
    for path in data_files(root):
        name = rel(root, path)
        try:
            out[name] = "" if path.is_symlink() else oid(path.read_bytes())
        except OSError:
            out[name] = ""
    return out


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _namesakes(changed: Collection[str], every: Collection[str]) -> set[str]:
    """Meeting files that share an id (a file's stem, in folders by year) with a changed one:
    which of them the loader keeps depends on all of them."""
    stems = {_stem(p) for p in changed if file_kind(p) == "meetings"}
    return {p for p in every if file_kind(p) == "meetings" and _stem(p) in stems}


def _read(
    repo: Repo, paths: gitops.Paths, wanted: list[tuple[str, str]]
) -> dict[str, dict[str, bytes]]:
    """revision -> path -> content, read by one ``git cat-file``."""
    specs = [f"{rev}:{paths.to_git(p)}" for rev, p in wanted]
    blobs = gitops.blobs(repo, specs)
    out: dict[str, dict[str, bytes]] = {}
    for (rev, p), spec in zip(wanted, specs, strict=True):
        if spec in blobs:
            out.setdefault(rev, {})[p] = blobs[spec]
    return out


def _origins(
    repo: Repo, paths: gitops.Paths, base: str, a: Dataset, b: Dataset, same: Collection[str]
) -> None:
    """Give the base side the unchanged meetings a new meeting's uid names (``<id>@…``, or
    the same uid): the comparison says the new one is that meeting moved."""
    uids = {m.uid for mid, m in b.meetings.items() if mid not in a.meetings and m.uid}
    uids = {uid for uid in uids if uid.split("@", 1)[0] not in a.meetings}
    if not uids:
        return
    origins = {uid.split("@", 1)[0] for uid in uids}
    meetings = {p for p in same if file_kind(p) == "meetings"}
    extra = {p for p in meetings if _stem(p) in origins}
    holding = gitops.grep_files(repo, base, sorted(uids), paths.to_git("data/meetings"))
    extra |= {paths.from_git(n) for n in holding}
    found = _read(repo, paths, [(base, p) for p in sorted(extra & meetings)])
    more = load(a.root, found.get(base, {}), only_overlay=True, personal=False)
    for mid, meeting in more.meetings.items():
        a.meetings.setdefault(mid, meeting)
