"""Finding the data repository and its data files, and the moment a file is written."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hfctl.core.errors import UsageError
from hfctl.core.i18n import _

MARKER = Path("data") / "community.yaml"
DATA_DIR = "data"


def data_files(root: Path) -> set[Path]:
    """Every file (and symbolic link, and anything else that is not a folder, and any folder
    named like a data file) under ``root/data``: what a load looks at on disk."""
    folder = root / DATA_DIR
    if not folder.is_dir():
        return set()
    # a FIFO, a socket or a device is listed too (the loader reports it, never opens it), and
    # so is a folder named like a data file, and a symbolic link to a folder (never followed)
    found: set[Path] = set()
    for path, folders, files in os.walk(folder):
        here = Path(path)
        found.update(here / name for name in files)
        for name in folders:
            if name.endswith((".yaml", ".yml", ".md")) or os.path.islink(os.path.join(path, name)):
                found.add(here / name)
    return found


def in_order(paths: set[Path]) -> list[Path]:
    """Paths in the order of their parts (as ``sorted`` orders paths, at a fraction of the
    cost: a thousandfold compare of two paths is slow)."""
    return sorted(paths, key=lambda p: p.parts)


def find_root(start: Path | None = None, explicit: Path | None = None) -> Path:
    """The repository root: ``explicit``, else $HFCTL_REPO, else upward from ``start``.

    Falls back to the data bundled with hfctl's own source tree, so that a checkout works
    from anywhere.
    """
    chosen = explicit or (Path(os.environ["HFCTL_REPO"]) if os.environ.get("HFCTL_REPO") else None)
    if chosen is not None:
        if not (chosen / MARKER).is_file():
            raise UsageError(
                _("{chosen} is not an hfctl data repository (no {marker})").format(
                    chosen=chosen, marker=MARKER.as_posix()
                )
            )
        return chosen.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    bundled = Path(__file__).resolve().parents[2]
    if (bundled / MARKER).is_file():
        return bundled
    raise UsageError(
        _("no hfctl data repository here or above ({here}); give one with --repo PATH").format(
            here=here
        )
    )


def moment() -> dt.datetime:
    """The moment a file is written (a calendar's DTSTAMP, a message's Date), aware: $HFCTL_NOW
    (ISO 8601 with an offset; tests pin it) if set, else the system clock."""
    env = os.environ.get("HFCTL_NOW")
    if env:
        try:
            value = dt.datetime.fromisoformat(env)
        except ValueError:
            value = None
        if value is None or value.tzinfo is None:
            raise UsageError(
                _("HFCTL_NOW: '{env}' is not a moment with an offset (ISO 8601)").format(env=env)
            )
        return value
    return dt.datetime.now(dt.UTC)
