"""Loading a data repository into models; every file that cannot be read becomes a problem."""

from __future__ import annotations

import functools
import typing
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hfctl.core.i18n import _, ngettext
from hfctl.core.problems import Location, Problem, Severity
from hfctl.core.rules import problem
from hfctl.models.agreement import Agreement
from hfctl.models.base import Model
from hfctl.models.calendar import Calendar
from hfctl.models.community import Community
from hfctl.models.forum import Forum
from hfctl.models.information import Information
from hfctl.models.meeting import Meeting
from hfctl.models.party import Counties, Party, Person
from hfctl.models.publication import LegalBases
from hfctl.models.role import Role
from hfctl.store import personal_data
from hfctl.store.kinds import file_kind
from hfctl.store.names import check_name
from hfctl.store.parsing import parse_model
from hfctl.store.repo import DATA_DIR, data_files, in_order
from hfctl.store.sources import Document, read_document
from hfctl.store.yamlread import ReadError

if TYPE_CHECKING:
    from hfctl.store.cache import FileCache

M = TypeVar("M", bound=Model)


# folder under data/ -> (model, file extension)
COLLECTIONS: dict[str, tuple[type[Model], str]] = {
    "parties": (Party, ".yaml"),
    "people": (Person, ".yaml"),
    "forums": (Forum, ".yaml"),
    "roles": (Role, ".yaml"),
    "agreements": (Agreement, ".yaml"),
    "calendars": (Calendar, ".yaml"),
}
SINGLES: dict[str, type[Model]] = {
    "community.yaml": Community,
    "counties.yaml": Counties,
    "legal-bases.yaml": LegalBases,
}


@dataclass
class Dataset:
    """Every model of a data repository, indexed by id, with the problems met loading it."""

    root: Path
    community: Community | None = None
    counties: Counties | None = None
    legal_bases: LegalBases | None = None
    """The grounds for exemption from public access (optional file)."""
    parties: dict[str, Party] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    forums: dict[str, Forum] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    calendars: dict[str, Calendar] = field(default_factory=dict)
    """School breaks per county and year, and the community's blocked days."""
    meetings: dict[str, Meeting] = field(default_factory=dict)
    information: dict[str, Information] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    """Meeting (or information item) id -> the Markdown body of its file."""
    body_lines: dict[str, int] = field(default_factory=dict)
    """Meeting (or information item) id -> the line of its file where the body starts."""
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Every data file found, relative to the root."""
    duplicates: list[tuple[Model, Model]] = field(default_factory=list)
    """Pairs of models that claim the same id (the first one kept, then the second)."""

    def collection(self, name: str) -> dict[str, Any]:
        """The models of one folder under ``data/`` by id."""
        return typing.cast(dict[str, Any], getattr(self, name))

    def has_file(self, name: str) -> bool:
        """Whether ``name`` (relative to the root) is one of the data files found."""
        return name in self._file_names

    @functools.cached_property
    def _file_names(self) -> frozenset[str]:
        return frozenset(self.files)  # asked for once the load has listed every file


def rel(root: Path, path: Path) -> str:
    """A path relative to the repository root, with forward slashes."""
    text, prefix = path.as_posix(), root.as_posix().rstrip("/") + "/"
    if text.startswith(prefix):  # the common case, without pathlib's general (slow) route
        return text[len(prefix) :]
    return path.relative_to(root).as_posix()


# -- turning pydantic's errors into located problems --


def read_file(
    root: Path,
    path: Path,
    model: type[M],
    overlay: Mapping[str, bytes | None] | None = None,
    file_cache: FileCache | None = None,
    personal: bool = True,
) -> tuple[M | None, Document | None, list[Problem]]:
    """Read and validate one file (from ``overlay`` if it holds the file, from ``file_cache``
    if it has seen these bytes at this path); never raises. ``personal=False`` skips the
    personal-data scan (never for a cached file: its entry must hold every problem)."""
    return typing.cast(
        tuple[M | None, Document | None, list[Problem]],
        read_files(root, [(path, model)], overlay, file_cache, personal)[0],
    )


Entry = tuple[Any, Document | None, list[Problem]]


def read_files(
    root: Path,
    reads: list[tuple[Path, type[Model]]],
    overlay: Mapping[str, bytes | None] | None = None,
    file_cache: FileCache | None = None,
    personal: bool = True,
) -> list[Entry]:
    """``read_file`` of each (path, model), in their order; the files the cache does not hold
    are read on every core when there are enough of them (``hfctl.store.parallel``)."""
    from hfctl.store import parallel

    out: list[Entry | None] = [None] * len(reads)
    todo: list[tuple[int, str, str]] = []  # index, cache key, name
    jobs: list[parallel.Job] = []
    for i, (path, model) in enumerate(reads):
        name = rel(root, path)
        given = overlay.get(name) if overlay is not None else None
        if given is not None:
            raw = given
        else:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                message = _("cannot read file: {strerror}").format(strerror=exc.strerror)
                out[i] = (None, None, [problem("HF100", message, Location(name))])
                continue
        key = ""
        if file_cache is not None:
            key = file_cache.key(name, raw)
            hit = file_cache.get(key, name, raw)
            if hit is not None and (hit[0] is None or isinstance(hit[0], model)):
                out[i] = _without_personal(hit, personal)
                continue
        todo.append((i, key, name))
        jobs.append((name, raw, path.suffix == ".md", model))
    # a cached entry holds every problem, the personal-data ones included
    keep = file_cache is not None
    for (i, key, name), (entry, line) in zip(
        todo, parallel.read_all(_read_job, jobs, personal or keep, keep), strict=True
    ):
        if file_cache is not None and line is not None:
            file_cache.put_line(key, name, line)
        out[i] = _without_personal(entry, personal)
    return typing.cast(list[Entry], out)  # every index is filled above


def _without_personal(entry: Entry, personal: bool) -> Entry:
    if personal:
        return entry
    instance, doc, problems = entry
    return instance, doc, [p for p in problems if p.code not in personal_data.CODES]


def _read_job(
    job: tuple[str, bytes, bool, Any], scan: bool, keep: bool
) -> tuple[Entry, bytes | None]:
    """One file's entry (with the personal-data scan if ``scan``) and, if ``keep``, the line the
    file cache keeps for it (None if it cannot be kept)."""
    name, raw, markdown, model = job
    entry = read_bytes(name, raw, markdown, model, scan)
    if not keep:
        return entry, None
    from hfctl.store import cachedata
    from hfctl.store.cachejson import BadEntry

    try:
        return entry, cachedata.dumps(entry)
    except BadEntry:
        return entry, None


def read_bytes(
    name: str, raw: bytes, markdown: bool, model: type[M], personal: bool = True
) -> tuple[M | None, Document | None, list[Problem]]:
    """Read and validate the file ``name`` holding ``raw``; never raises."""
    try:
        doc = read_document(name, raw, markdown)
    except ReadError as exc:
        return (
            None,
            None,
            [problem(exc.code, exc.message, Location(name, exc.line, exc.column))],
        )
    instance, problems = parse_model(model, doc)
    if personal:
        problems.extend(personal_data.scan(name, doc.text))
    return instance, doc, problems


def _file_problem(root: Path, path: Path, code: str, message: str) -> Problem:
    return problem(code, message, Location(rel(root, path)))


def _walk(root: Path, overlay: Mapping[str, bytes | None] | None, only: bool) -> list[Path]:
    found = set() if only else data_files(root)
    for name, content in (overlay or {}).items():
        if name.startswith(DATA_DIR + "/"):
            if content is None:
                found.discard(root / name)
            else:
                found.add(root / name)
    return in_order(found)


def load(
    root: Path,
    overlay: Mapping[str, bytes | None] | None = None,
    *,
    only_overlay: bool = False,
    cache: bool | None = None,
    personal: bool = True,
    kinds: frozenset[str] | None = None,
    meetings: frozenset[str] | None = None,
    paths: Collection[str] | None = None,
) -> Dataset:
    """Load every data file under ``root/data``; problems go into the dataset, never raise.

    ``overlay`` maps paths (relative to ``root``) to content that stands in for the file on
    disk, so that a change can be validated before it is written. With ``only_overlay`` the
    overlay is the whole repository (data read from a git revision, for instance) and the
    disk is not looked at.

    Parsed YAML comes from the cache (``hfctl.store.cache``) for text seen before, unless ``cache``
    is False (default: on, unless ``--no-cache`` or ``HFCTL_NO_CACHE=1``). ``personal=False``
    leaves out the personal-data scan where its problems are never shown (``diff``, ``log``).
    With ``kinds``, only files of those kinds (``file_kind``) are read, with ``paths`` only
    those files (relative to ``root``), with ``meetings`` only those of the files under
    data/meetings/; ``files`` lists all.
    """
    from hfctl.store import cache as cache_module

    file_cache = (
        cache_module.FileCache(root)
        if not only_overlay and (cache_module.enabled() if cache is None else cache)
        else None
    )
    ds = Dataset(root=root)
    data = root / DATA_DIR
    steps: list[Problem | int] = []  # a problem met on the way, or the index of a file read
    reads: list[tuple[Path, type[Model]]] = []
    for path in _walk(root, overlay, only_overlay):
        name = rel(root, path)
        ds.files.append(name)
        kind_of = file_kind(name)
        if kinds is not None and kind_of not in kinds:
            continue
        if meetings is not None and kind_of == "meetings" and name not in meetings:
            continue
        if paths is not None and name not in paths:
            continue
        parts = path.relative_to(data).parts
        if any(part.startswith(".") for part in parts):
            continue
        if not only_overlay and path.is_symlink():
            steps.append(
                _file_problem(root, path, "HF115", _("data files may not be symbolic links"))
            )
            continue
        given = overlay is not None and overlay.get(name) is not None
        if not only_overlay and not given and not path.is_file():
            what = (
                _("a folder")
                if path.is_dir()
                else _("not a regular file (a pipe, socket or device)")
            )
            steps.append(
                _file_problem(root, path, "HF100", _("this data path is {what}").format(what=what))
            )
            continue
        bad_name = check_name(path.relative_to(data).parts)
        if bad_name:
            steps.append(_file_problem(root, path, "HF115", bad_name))
            continue
        model, kind = _classify(parts, path)
        if model is None:
            if path.suffix in (".yaml", ".yml", ".md"):
                steps.append(
                    _file_problem(
                        root,
                        path,
                        "HF116",
                        _("not a known kind of data file ({kind})").format(kind=kind),
                    )
                )
            continue
        steps.append(len(reads))
        reads.append((path, model))
    entries = read_files(root, reads, overlay, file_cache, personal)
    for step in steps:
        if isinstance(step, Problem):
            ds.problems.append(step)
            continue
        instance, doc, problems = entries[step]
        ds.problems.extend(problems)
        if instance is not None:
            _store(ds, instance, reads[step][0], doc)
    if file_cache is not None:
        file_cache.save(some=paths is not None)
    return ds


def _classify(parts: tuple[str, ...], path: Path) -> tuple[type[Model] | None, str]:
    if len(parts) == 1:
        single = SINGLES.get(parts[0])
        return single, _("expected community.yaml or counties.yaml at the top of data/")
    folder = parts[0]
    if folder == "information":
        if len(parts) == 2 and path.suffix == ".md":
            return Information, ""
        return None, _("information items are data/information/<date>-<slug>.md")
    if folder == "meetings":
        if len(parts) == 3 and path.suffix == ".md":
            return Meeting, ""
        return None, _("meetings are data/meetings/<year>/<date>-<forum>.md")
    if folder in COLLECTIONS and len(parts) == 2:
        model, ext = COLLECTIONS[folder]
        if path.suffix == ext:
            return model, ""
        return None, _("files in data/{folder}/ end in {ext}").format(folder=folder, ext=ext)
    return None, _("unknown folder or depth")


def _store(ds: Dataset, instance: Model, path: Path, doc: Document | None) -> None:
    if isinstance(instance, Community):
        ds.community = instance
        return
    if isinstance(instance, Counties):
        ds.counties = instance
        return
    if isinstance(instance, LegalBases):
        ds.legal_bases = instance
        return
    if isinstance(instance, Meeting | Information):
        key = path.stem
        table: dict[str, Any] = ds.meetings if isinstance(instance, Meeting) else ds.information
        if doc is not None:
            ds.bodies[key] = doc.body
            ds.body_lines[key] = doc.body_line
    else:
        key = path.stem
        table = ds.collection(path.parent.name)
    if key in table:
        ds.duplicates.append((table[key], instance))
        return
    table[key] = instance


def require_readable(ds: Dataset) -> None:
    """Refuse to produce messages or files from data that could not all be read, or that
    holds a national identity number (HF500: nothing made from it may carry the number on)."""
    from hfctl.core.errors import RefusedError

    errors = [p for p in ds.problems if p.severity is Severity.ERROR]
    if errors:
        raise RefusedError(
            ngettext(
                "{count} data file problem must be fixed first (hfctl validate)",
                "{count} data file problems must be fixed first (hfctl validate)",
                len(errors),
            ).format(count=len(errors)),
            errors,
        )
