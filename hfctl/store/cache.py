"""A cache for repeated runs: a warm command reads only the data files that changed.

Each data file's result (its model, the positions of its keys and values, and its problems) is
kept under a key made of its path and a hash of its bytes, so a changed file always misses.
It lives in ``<root>/.hfctl-cache/`` (git-ignored by a ``.gitignore`` of its own, and marked
with a ``CACHEDIR.TAG`` for backup tools).

The cache is never trusted, and it can never run code: it is plain JSON read by the standard
library's parser, and every value is checked before a model is built from it
(``hfctl.store.cachedata``). No key or secret is kept anywhere. A cache is read only from a
real folder (not a symbolic link) owned by the user running hfctl and writable by no one else,
and only from a regular file in it that is owned by that user and is the very file this code
wrote: the file's header names its own device and inode, which a copy, a checkout, an
unpacked archive or a committed file never has. A file that is unreadable, of another format
or version, whose body does not match its checksum, or of the wrong shape is ignored and
rebuilt; nothing in the folder is ever followed. Writing is atomic and best-effort: a
read-only checkout simply runs without a cache.

Beside it, ``report.json`` keeps the last validation report with the state it was made from:
hfctl's code, the day, and the path and content of every file under ``data/``. A validation of
the same state (and no meeting changed since the last commit, which the renumbering check
compares with git) takes that report without loading anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hfctl import __version__
from hfctl.core.i18n import current_language
from hfctl.core.problems import Problem
from hfctl.store.cachejson import BadEntry, dump_problems, parse_json, problems
from hfctl.store.kinds import file_kind, meeting_group

if TYPE_CHECKING:
    from hfctl.store.cachedata import Entry

FORMAT = 2
FOLDER = ".hfctl-cache"
FILE_PREFIX = "files-"
"""The file cache's files: ``files-<kind>.json``, ``files-meetings-<body>.json``."""
REPORT_FILE = "report.json"
TEMP_SUFFIX = ".hfctl-tmp"
STALE_SECONDS = 600
"""A temporary file older than this is left over from a run that died: the next write removes it."""
OLD_FILES = ("files.json", "files.pickle", "report.pickle", "hfctl-cache.key")
"""What earlier versions kept in the folder (one file of every entry; a signed pickle and its
key): removed on writing."""
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# hfctl's cache of parsed data files\n"
KEY_LENGTH = 40  # hex of the 20-byte key of one file's content

_SAFE = (
    os.open in os.supports_dir_fd
    and os.rename in os.supports_dir_fd
    and hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and hasattr(os, "geteuid")
)
"""Whether this system can open the folder without following links (not on Windows: there
hfctl runs without a cache)."""


_CODE_VERSIONS: dict[str, str] = {}


def code_version() -> str:
    """hfctl's version and a hash of its own source: a cache written by other code (another
    release, or an edited checkout) is never read as if it were this code's."""
    if __version__ not in _CODE_VERSIONS:
        _CODE_VERSIONS[__version__] = _hash_code()
    return _CODE_VERSIONS[__version__]


def _hash_code() -> str:
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).resolve().parents[1]
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.mo")]):  # code and catalogs
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _mine(info: os.stat_result) -> bool:
    """Owned by the user running hfctl, and writable by no one else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _open_folder(root: Path, create: bool) -> int | None:
    """A descriptor of ``root/.hfctl-cache`` if it is a real folder of this user's (made if
    ``create``); None for a symbolic link, a file, another user's folder or any error."""
    if not _SAFE:
        return None
    path = root / FOLDER
    try:
        if create:
            with contextlib.suppress(FileExistsError):
                os.mkdir(path, 0o700)
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISDIR(info.st_mode) or not _mine(info):
        os.close(fd)
        return None
    return fd


def _header(info: os.stat_result, body: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "hfctl": code_version(),
        "file": [info.st_dev, info.st_ino],
        "digest": hashlib.blake2b(body, digest_size=20).hexdigest(),
    }


def _read(root: Path, name: str) -> bytes | None:
    """The body of cache file ``name`` if this code wrote that very file, else None."""
    fd = _open_folder(root, create=False)
    if fd is None:
        return None
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or not _mine(info):
            return None
        chunks = []
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
        raw = b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(handle)
    first, newline, body = raw.partition(b"\n")
    try:
        header = parse_json(first) if newline else None
    except BadEntry:
        return None
    return body if header == _header(info, body) else None


def _remove_leftovers(fd: int) -> None:
    """Remove what earlier versions kept, and temporary files of runs that died."""
    for old in OLD_FILES:
        with contextlib.suppress(OSError):
            os.unlink(old, dir_fd=fd)
    now = time.time()
    try:
        with os.scandir(fd) as entries:
            names = [e.name for e in entries if e.name.endswith(TEMP_SUFFIX)]
        for leftover in names:
            info = os.stat(leftover, dir_fd=fd, follow_symlinks=False)
            if now - info.st_mtime > STALE_SECONDS:
                os.unlink(leftover, dir_fd=fd)
    except OSError:
        pass


def _write_atomic(fd: int, name: str, body: bytes) -> None:
    """Replace file ``name`` in the folder open as ``fd`` with ``body`` under its header."""
    tmp = f".{name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    handle = os.open(tmp, flags, 0o600, dir_fd=fd)
    try:
        with os.fdopen(handle, "wb") as opened:
            header = _header(os.fstat(opened.fileno()), body)
            opened.write(json.dumps(header, separators=(",", ":")).encode() + b"\n")
            opened.write(body)
        os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=fd)
        raise


def _write(root: Path, name: str, body: bytes) -> None:
    """Write cache file ``name``; best-effort (a read-only checkout has no cache, and no
    failure of the cache ever fails a command)."""
    fd = _open_folder(root, create=True)
    if fd is None:
        return
    try:
        for extra, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", TAG)):
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            try:
                made = os.open(extra, flags, 0o644, dir_fd=fd)
            except FileExistsError:
                continue
            try:
                os.write(made, text.encode("utf-8"))
            finally:
                os.close(made)
        _remove_leftovers(fd)
        _write_atomic(fd, name, body)
    except Exception:  # the cache is an optimisation: a run goes on without it
        return
    finally:
        os.close(fd)


def read_file(root: Path, name: str) -> bytes | None:
    """The body of file ``name`` of the cache folder, if this code wrote that very file."""
    return _read(root, name)


def write_file(root: Path, name: str, body: bytes) -> None:
    """Write file ``name`` into the cache folder; best-effort."""
    _write(root, name, body)


def dump_json(value: Any) -> bytes:
    """Plain data as the JSON the cache keeps."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def shard_file(name: str) -> str:
    """The cache file that keeps the entry of data file ``name``: one a kind of data, and
    one a body's meetings (``kinds.meeting_group``), so that a load of some kinds, or of
    some bodies' meetings, reads and writes only their files."""
    kind = file_kind(name)
    if kind != "meetings":
        return f"{FILE_PREFIX}{kind}.json"
    group = hashlib.blake2b(meeting_group(name).encode(), digest_size=8).hexdigest()
    return f"{FILE_PREFIX}meetings-{group}.json"


def shard_files(root: Path) -> list[str]:
    """The names of the file cache's files in ``root``'s cache folder (for inspection)."""
    folder = root / FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p.name for p in folder.glob(f"{FILE_PREFIX}*.json"))


class FileCache:
    """Results of reading data files by path and content: each cache file (``shard_file``)
    is read when a load first asks for one of its files, and saved at the end of the load
    with the entries used in it (a load reads every file of a kind or body it reads)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.old: dict[str, dict[bytes, bytes]] = {}  # cache file -> the entries it held
        self.new: dict[str, dict[bytes, bytes]] = {}  # cache file -> those used or made now
        self.hits = 0
        self.misses = 0

    def _shard(self, shard: str) -> dict[bytes, bytes]:
        found = self.old.get(shard)
        if found is None:
            found = self.old[shard] = {}
            self.new[shard] = {}
            body = _read(self.root, shard)
            for line in body.split(b"\n") if body else ():
                if line[KEY_LENGTH : KEY_LENGTH + 1] == b" ":
                    found[line[:KEY_LENGTH]] = line[KEY_LENGTH + 1 :]
        return found

    @staticmethod
    def key(name: str, raw: bytes) -> str:
        """The key of one file's content at one path."""
        digest = hashlib.blake2b(raw, digest_size=20, person=b"hfctl-cache-v1")
        digest.update(name.encode("utf-8") + b"\0" + current_language().encode())  # messages
        return digest.hexdigest()

    def get(self, key: str, name: str, raw: bytes) -> Entry | None:
        """The entry for ``key`` (the file ``name`` holding ``raw``), if this cache holds it."""
        shard = shard_file(name)
        line = self._shard(shard).get(key.encode())
        if line is not None:
            from hfctl.store import cachedata

            try:
                entry = cachedata.loads(line, name, raw)
            except BadEntry:
                entry = None
            if entry is not None:
                self.new[shard][key.encode()] = line
                self.hits += 1
                return entry
        self.misses += 1
        return None

    def put_line(self, key: str, name: str, line: bytes) -> None:
        """Remember the result of file ``name`` as ``cachedata.dumps`` wrote it (perhaps in
        another process: ``hfctl.store.parallel``)."""
        shard = shard_file(name)
        self._shard(shard)
        self.new[shard][key.encode()] = line

    def save(self, some: bool = False) -> None:
        """Write each cache file read in this load whose entries changed: those used in the
        load (the entries of files no longer there, or changed, are dropped); the cache files
        of kinds and bodies the load did not read stay as they are. After a load of ``some``
        files of a kind (not every one), the entries of the others are kept as well."""
        for shard, old in self.old.items():
            new = self.new[shard]
            if some:
                if new.keys() <= old.keys():
                    continue
                new = {**old, **new}
            elif new.keys() == old.keys():
                continue
            _write(self.root, shard, b"".join(k + b" " + v + b"\n" for k, v in new.items()))
        self.old = {}


def fingerprints(root: Path) -> dict[str, str] | None:
    """Every file under ``root/data`` (relative to ``root``) -> a hash of what it is: its bytes,
    where a symbolic link points, or the type of a folder or pipe (never opened). None if a
    file cannot be read: that run reads and reports it in full."""
    from hfctl.store.repo import data_files, in_order

    found: dict[str, str] = {}
    prefix = len(root.as_posix().rstrip("/")) + 1
    for path in in_order(data_files(root)):
        name = path.as_posix()[prefix:]
        try:
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                content = b"->" + os.readlink(path).encode("utf-8", "surrogateescape")
            elif not stat.S_ISREG(mode):  # a folder or a pipe: never opened
                content = b"|" + str(mode).encode()
            else:
                with open(path, "rb") as handle:
                    content = b"=" + handle.read()
            name.encode("utf-8")
        except (OSError, UnicodeError):
            return None
        found[name] = hashlib.blake2b(content, digest_size=16).hexdigest()
    return found


def data_state(root: Path, today: dt.date, prints: dict[str, str] | None = None) -> str | None:
    """A key for everything a validation of ``root`` reads: hfctl's code, the day, the language
    of its messages, and the name and content of every file under ``data/`` (so an added,
    removed, renamed or changed file is a new state); ``prints`` are the files' fingerprints
    if the caller has them. None if a file cannot be read."""
    from hfctl.core.i18n import current_language

    if prints is None:
        prints = fingerprints(root)
    if prints is None:
        return None
    digest = hashlib.blake2b(digest_size=20, person=b"hfctl-state-v2")
    digest.update(f"{code_version()}\0{today.isoformat()}\0{current_language()}\0".encode())
    for name, print_ in prints.items():
        digest.update(f"{len(name)}:{name}{print_}".encode())
    return digest.hexdigest()


def get_report(root: Path, state: str) -> tuple[list[Problem], int] | None:
    """The problems and the number of files of the validation report kept for ``state``."""
    body = _read(root, REPORT_FILE)
    try:
        kept = parse_json(body) if body else None
        if type(kept) is dict and kept.get("state") == state and type(kept.get("files")) is int:
            return problems(kept.get("problems")), kept["files"]
    except BadEntry:
        pass
    return None


def put_report(root: Path, state: str, problems: list[Problem], files: int) -> None:
    """Keep the validation report of ``state`` (only the latest is kept)."""
    kept = {"state": state, "files": files, "problems": dump_problems(problems)}
    _write(root, REPORT_FILE, dump_json(kept))


def enabled() -> bool:
    """Whether commands use the cache (``--no-cache`` or ``HFCTL_NO_CACHE=1`` turn it off)."""
    return os.environ.get("HFCTL_NO_CACHE", "") in ("", "0")
