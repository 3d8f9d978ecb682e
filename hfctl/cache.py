"""A cache for repeated runs: a warm command reads only the data files that changed.

Each data file's result (its model, parsed document and problems) is kept under a key made of
its path and a hash of its bytes, so a changed file always misses. The cache file names the
cache format, the hfctl version and a hash of hfctl's code; any other is ignored. It lives in
``<root>/.hfctl-cache/`` (git-ignored by a ``.gitignore`` of its own, and marked with a
``CACHEDIR.TAG`` for backup tools).

The cache is never trusted. It is a pickle, which is only safe to read if this machine wrote
it: every cache file is signed with an HMAC whose key lives inside the git directory (which no
commit, pull request or clone carries), and it is read only if the signature matches. A file
that is unreadable, unsigned, mis-signed, truncated, of another version or of the wrong shape
is ignored and rebuilt. Writing is atomic and best-effort: a read-only checkout simply runs
without a cache.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
from pathlib import Path
from typing import Any

from hfctl import __version__

FORMAT = 1
FOLDER = ".hfctl-cache"
FILE = "files.pickle"
KEY_FILE = "hfctl-cache.key"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# hfctl's cache of parsed data files\n"


def code_version() -> str:
    """hfctl's version and a hash of its own source: a cache written by other code (another
    release, or an edited checkout) is never read as if it were this code's."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _git_dir(root: Path) -> Path | None:
    """The git directory of the repository holding ``root`` (worktrees included)."""
    for folder in (root, *root.parents):
        dotgit = folder / ".git"
        if dotgit.is_dir():
            return dotgit
        if dotgit.is_file():
            text = dotgit.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                found = Path(text.removeprefix("gitdir:").strip())
                return found if found.is_absolute() else (folder / found).resolve()
            return None
    return None


def _key(root: Path, create: bool) -> bytes | None:
    """The signing key: in the git directory, or beside the cache outside git."""
    git_dir = _git_dir(root)
    path = git_dir / KEY_FILE if git_dir is not None else root / FOLDER / KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    if not create:
        return None
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, key)
    except OSError:
        return None
    return key


def _write_atomic(path: Path, content: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".hfctl-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


Entry = tuple[Any, Any, list[Any]]
"""(model or None, Document or None, problems) of one data file, as loader.read_file gives."""


class FileCache:
    """Results of reading data files by path and content, read at the start of a load and
    saved at its end with the entries used in that load."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / FOLDER
        self.old: dict[str, bytes] = {}
        self.new: dict[str, bytes] = {}
        self.hits = 0
        self.misses = 0
        self._read()

    @staticmethod
    def key(name: str, raw: bytes) -> str:
        """The key of one file's content at one path."""
        digest = hashlib.blake2b(raw, digest_size=20, person=b"hfctl-cache-v1")
        digest.update(name.encode("utf-8"))
        return digest.hexdigest()

    def _read(self) -> None:
        key = _key(self.root, create=False)
        if key is None:
            return
        try:
            raw = (self.folder / FILE).read_bytes()
        except OSError:
            return
        signature, _, body = raw.partition(b"\n")
        expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(signature, expected):
            return
        try:
            content = pickle.loads(body)  # signed by this machine: checked above
        except Exception:  # a signed but unreadable cache (another Python, say) is rebuilt
            return
        if (
            isinstance(content, dict)
            and content.get("format") == FORMAT
            and content.get("hfctl") == code_version()
            and isinstance(content.get("entries"), dict)
        ):
            self.old = content["entries"]

    def get(self, key: str) -> Entry | None:
        """The entry for ``key``, if this cache holds it."""
        raw = self.old.get(key)
        entry: Any = None
        if isinstance(raw, bytes):
            try:
                entry = pickle.loads(raw)  # signed by this machine: checked on reading
            except Exception:
                entry = None
        if isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[2], list):
            self.new[key] = raw  # type: ignore[assignment]
            self.hits += 1
            return entry
        self.misses += 1
        return None

    def put(self, key: str, entry: Entry) -> None:
        """Remember a file's result for the next run (each entry is pickled on its own, so
        a run with one changed file pickles one entry)."""
        try:
            self.new[key] = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return

    def save(self) -> None:
        """Write the entries used in this load (dropping the rest) if anything changed."""
        if self.misses == 0 and len(self.new) == len(self.old):
            return
        try:
            self.folder.mkdir(exist_ok=True)
            for name, content in ((".gitignore", "*\n"), ("CACHEDIR.TAG", TAG)):
                if not (self.folder / name).exists():
                    (self.folder / name).write_text(content, encoding="utf-8")
            key = _key(self.root, create=True)
            if key is None:
                return
            body = pickle.dumps(
                {"format": FORMAT, "hfctl": code_version(), "entries": self.new},
                protocol=pickle.HIGHEST_PROTOCOL,
            )
            signature = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
            _write_atomic(self.folder / FILE, signature + b"\n" + body)
        except OSError:
            return  # a read-only checkout runs without a cache


def enabled() -> bool:
    """Whether commands use the cache (``--no-cache`` or ``HFCTL_NO_CACHE=1`` turn it off)."""
    return os.environ.get("HFCTL_NO_CACHE", "") in ("", "0")
