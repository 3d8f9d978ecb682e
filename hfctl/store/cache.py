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

Beside it, ``report.pickle`` keeps the last validation report with the state it was made
from: hfctl's code, the day, and the path and content of every file under ``data/``. A
validation of the same state (and no meeting changed since the last commit, which the
renumbering check compares with git) takes that report without loading anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from hfctl import __version__

FORMAT = 1
FOLDER = ".hfctl-cache"
FILE = "files.pickle"
REPORT_FILE = "report.pickle"
KEY_FILE = "hfctl-cache.key"
SIGNATURE_LENGTH = 64  # hex of an HMAC-SHA256
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# hfctl's cache of parsed data files\n"


def code_version() -> str:
    """hfctl's version and a hash of its own source: a cache written by other code (another
    release, or an edited checkout) is never read as if it were this code's."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).resolve().parents[1]
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
        _write_atomic(path, lambda handle: handle.write(key))
    except OSError:
        return None
    return key


def _write_atomic(path: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Replace ``path`` with what ``fill`` writes into an open file, atomically."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".hfctl-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Signing:
    """A file that keeps an HMAC of what is written to it, so a large cache is pickled
    straight to disk instead of into memory first."""

    def __init__(self, handle: BinaryIO, key: bytes) -> None:
        self.handle = handle
        self.mac = hmac.new(key, digestmod=hashlib.sha256)

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.handle.write(data)


def _pickle_signed(handle: BinaryIO, key: bytes, content: Any) -> None:
    """Write the hex HMAC of the pickle of ``content``, a line break, then the pickle (the
    signature's place is filled once the pickle is written)."""
    handle.write(b"0" * SIGNATURE_LENGTH + b"\n")
    signing = _Signing(handle, key)
    pickle.dump(content, signing, protocol=pickle.HIGHEST_PROTOCOL)
    handle.seek(0)
    handle.write(signing.mac.hexdigest().encode())


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
        content = _read_signed(self.root, FILE)
        if isinstance(content, dict) and isinstance(content.get("entries"), dict):
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
        self.old = {}  # the entries still used are in self.new; the rest may go before writing
        _write_signed(self.root, FILE, {"entries": self.new})


def _read_signed(root: Path, name: str) -> dict[str, Any] | None:
    """The content of cache file ``name`` if this machine signed it for this code, else None."""
    key = _key(root, create=False)
    if key is None:
        return None
    try:
        raw = (root / FOLDER / name).read_bytes()
    except OSError:
        return None
    end = raw.find(b"\n")
    if end < 0:
        return None
    body = memoryview(raw)[end + 1 :]  # a view, not a copy: the cache may be large
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(raw[:end], expected):
        return None
    try:
        content = pickle.loads(body)  # signed by this machine: checked above
    except Exception:  # a signed but unreadable cache (another Python, say) is rebuilt
        return None
    finally:
        body.release()
    if (
        isinstance(content, dict)
        and content.get("format") == FORMAT
        and content.get("hfctl") == code_version()
    ):
        return content
    return None


def _write_signed(root: Path, name: str, content: dict[str, Any]) -> None:
    """Write cache file ``name``, signed; best-effort (a read-only checkout has no cache)."""
    folder = root / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        for extra, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", TAG)):
            if not (folder / extra).exists():
                (folder / extra).write_text(text, encoding="utf-8")
        key = _key(root, create=True)
        if key is None:
            return
        body = {"format": FORMAT, "hfctl": code_version(), **content}
        _write_atomic(folder / name, lambda handle: _pickle_signed(handle, key, body))
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return


def data_state(root: Path, today: dt.date) -> str | None:
    """A key for everything a validation of ``root`` reads: hfctl's code, the day, and the name
    and content of every file under ``data/`` (so an added, removed, renamed or changed file
    is a new state). None if a file cannot be read: that run reads and reports it in full."""
    from hfctl.store.repo import data_files

    digest = hashlib.blake2b(digest_size=20, person=b"hfctl-state-v1")
    digest.update(f"{code_version()}\0{today.isoformat()}\0".encode())
    for path in sorted(data_files(root)):
        name = path.relative_to(root).as_posix()
        try:
            content = b"->" + os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
        except (OSError, UnicodeError):
            return None
        digest.update(f"{len(name)}:{name}{len(content)}:".encode() + content)
    return digest.hexdigest()


def get_report(root: Path, state: str) -> Any | None:
    """The validation report kept for ``state``, if any."""
    content = _read_signed(root, REPORT_FILE)
    return content.get("report") if content and content.get("state") == state else None


def put_report(root: Path, state: str, report: Any) -> None:
    """Keep the validation report of ``state`` (only the latest is kept)."""
    _write_signed(root, REPORT_FILE, {"state": state, "report": report})


def enabled() -> bool:
    """Whether commands use the cache (``--no-cache`` or ``HFCTL_NO_CACHE=1`` turn it off)."""
    return os.environ.get("HFCTL_NO_CACHE", "") in ("", "0")
