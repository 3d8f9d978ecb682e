"""Where generated files may go: never over data.

A command's ``-o`` writes a document (an agenda, minutes, a digest, letters, a site). It is
refused, before anything is made (no folder is left behind), for a path inside ``data/``, a
file git tracks, a folder given where a file is meant (or a file where a folder is), and an
existing file hfctl did not write there itself (unless the command is given ``--force``).
What hfctl wrote is remembered by path and content in the cache folder (best-effort: with no
usable cache folder, or with ``--no-cache``, an existing file simply needs ``--force``).
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from hfctl.core.errors import UsageError
from hfctl.core.i18n import _

REGISTRY = "outputs.json"


def _inside_data(target: Path, root: Path) -> bool:
    data = (root / "data").resolve()
    return target == data or data in target.parents


def tracked(path: Path) -> bool:
    """Whether git tracks ``path`` in the work tree that holds it (False without git)."""
    parent = path.parent
    if not parent.is_dir():
        return False
    try:
        done = subprocess.run(
            ["git", "ls-files", "--error-unmatch", "--", path.name],
            cwd=parent,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _digest(path: Path) -> str | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    except OSError:
        return None


def _registry(root: Path) -> dict[str, str]:
    from hfctl.store import cache
    from hfctl.store.cachejson import BadEntry, parse_json

    body = cache.read_file(root, REGISTRY) if cache.enabled() else None
    try:
        found = parse_json(body) if body else {}
    except BadEntry:
        return {}
    if type(found) is not dict:
        return {}
    return {k: v for k, v in found.items() if type(k) is str and type(v) is str}


def check_file(path: Path, root: Path, force: bool = False) -> Path:
    """The resolved target of ``-o path`` for one generated file, or a usage error."""
    target = path.resolve()
    if _inside_data(target, root):
        raise UsageError(
            _("-o {path}: generated files go outside data/, never over data").format(path=path)
        )
    if target.is_dir():
        raise UsageError(
            _("-o {path} is a folder: give the name of the file to write").format(path=path)
        )
    if target.exists() or target.is_symlink():
        if tracked(target):
            raise UsageError(
                _("-o {path} is a file git tracks: hfctl will not replace it").format(path=path)
            )
        if not force and _registry(root).get(str(target)) != _digest(target):
            raise UsageError(
                _(
                    "-o {path} exists and hfctl did not write it: choose another name, "
                    "or give --force to replace it"
                ).format(path=path)
            )
    return target


def check_folder(folder: Path, root: Path) -> Path:
    """The resolved target of ``-o folder`` for generated files, or a usage error."""
    target = folder.resolve()
    if _inside_data(target, root):
        raise UsageError(
            _("-o {folder}: generated files go outside data/, never into it").format(folder=folder)
        )
    if target.exists() and not target.is_dir():
        raise UsageError(
            _("-o {folder} is a file: give a folder to write into").format(folder=folder)
        )
    return target


def remember(root: Path, paths: list[Path]) -> None:
    """Note that hfctl wrote ``paths`` as they are now (so that it may replace them later)."""
    from hfctl.store import cache

    if not cache.enabled():  # --no-cache writes nothing into the cache folder
        return
    found = _registry(root)
    for path in paths:
        digest = _digest(path)
        if digest is not None:
            found[str(path.resolve())] = digest
    cache.write_file(root, REGISTRY, cache.dump_json(found))
