"""The dataset of a repository as it is, or as it was at a git revision (read from git's
objects, without a checkout)."""

from __future__ import annotations

from pathlib import Path

from hfctl.core.errors import NotFoundError
from hfctl.core.i18n import _
from hfctl.store import gitops
from hfctl.store.loader import Dataset, load


def load_data(
    root: Path, at: str | None = None, personal: bool = True, cache: bool | None = None
) -> Dataset:
    """The dataset of the working tree, or as it was at git revision ``at`` (no checkout);
    ``personal`` as for ``hfctl.store.loader.load``."""
    if at is None:  # a sparse checkout's files left out of the work tree are still data
        return load(root, gitops.sparse_files(root) or None, personal=personal, cache=cache)
    repo = gitops.require_repo(root, "reading the data at a revision")
    if not gitops.revision_exists(repo, at):
        raise NotFoundError(_("no revision '{at}' in this repository").format(at=at))
    paths = gitops.Paths.of(repo, root)
    blobs = gitops.files_at(repo, at, paths.to_git("data"))
    return load(
        root,
        {paths.from_git(n): data for n, data in blobs.items()},
        only_overlay=True,
        personal=personal,
    )
