"""Finding the data repository and the day hfctl counts as today."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.errors import UsageError

if TYPE_CHECKING:
    from hfctl.store.loader import Dataset

MARKER = Path("data") / "community.yaml"
DATA_DIR = "data"


def data_files(root: Path) -> set[Path]:
    """Every file (and symbolic link, and anything else that is not a folder, and any folder
    named like a data file) under ``root/data``: what a load looks at on disk."""
    folder = root / DATA_DIR
    if not folder.is_dir():
        return set()
    # a FIFO, a socket or a device is listed too (the loader reports it, never opens it), and
    # so is a folder named like a data file
    return {
        p
        for p in folder.rglob("*")
        if not p.is_dir() or p.is_symlink() or p.suffix in (".yaml", ".yml", ".md")
    }


def find_root(start: Path | None = None, explicit: Path | None = None) -> Path:
    """The repository root: ``explicit``, else $HFCTL_REPO, else upward from ``start``.

    Falls back to the data bundled with hfctl's own source tree, so that a checkout works
    from anywhere.
    """
    chosen = explicit or (Path(os.environ["HFCTL_REPO"]) if os.environ.get("HFCTL_REPO") else None)
    if chosen is not None:
        if not (chosen / MARKER).is_file():
            raise UsageError(f"{chosen} is not an hfctl data repository (no {MARKER.as_posix()})")
        return chosen.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    bundled = Path(__file__).resolve().parents[2]
    if (bundled / MARKER).is_file():
        return bundled
    raise UsageError(f"no hfctl data repository here or above ({here}); give one with --repo PATH")


def parse_day(value: str, option: str = "--today") -> dt.date:
    """A YYYY-MM-DD option value as a date; a usage error otherwise."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: '{value}' is not a date (YYYY-MM-DD)") from None


def today(value: str | None = None) -> dt.date:
    """``--today`` if given, else $HFCTL_TODAY, else the system clock."""
    if value:
        return parse_day(value)
    env = os.environ.get("HFCTL_TODAY")
    if env:
        return parse_day(env, "HFCTL_TODAY")
    return dt.date.today()


def load_data(root: Path, at: str | None = None, personal: bool = True) -> Dataset:
    """The dataset of the working tree, or as it was at git revision ``at`` (no checkout);
    ``personal`` as for ``hfctl.store.loader.load``."""
    from hfctl.core.errors import NotFoundError
    from hfctl.store import gitops
    from hfctl.store.loader import load

    if at is None:  # a sparse checkout's files left out of the work tree are still data
        return load(root, gitops.sparse_files(root) or None, personal=personal)
    repo = gitops.require_repo(root, "--at")
    if not gitops.revision_exists(repo, at):
        raise NotFoundError(f"--at: no revision '{at}' in this repository")
    paths = gitops.Paths.of(repo, root)
    blobs = gitops.files_at(repo, at, paths.to_git("data"))
    return load(
        root,
        {paths.from_git(n): data for n, data in blobs.items()},
        only_overlay=True,
        personal=personal,
    )
