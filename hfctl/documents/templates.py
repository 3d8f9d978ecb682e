"""A data repository's own templates: exporting hfctl's for a community to change, and
checking the community's as its data is checked (each parses, and renders on the data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from hfctl.core.errors import HfctlError, RefusedError, TemplateError
from hfctl.core.problems import Location, Problem
from hfctl.core.rules import problem
from hfctl.formats.render import default_folder, syntax_error
from hfctl.store.loader import Dataset

FOLDER = "templates"
EXPORTED = ("agenda", "minutes", "print", "agreements", "inform", "secretariat", "site")
"""The template folders a community may override (``init/`` only starts a repository)."""

_NOON_UTC = dt.datetime(2000, 1, 1, 12, 0, tzinfo=dt.UTC)
"""The moment a trial render of the site gives its feeds (it is never written)."""


def builtin() -> dict[str, bytes]:
    """The built-in templates by path under ``templates/``."""
    base = default_folder()
    files: dict[str, bytes] = {}
    for folder in EXPORTED:
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and path.suffix in (".j2", ".css"):
                files[path.relative_to(base).as_posix()] = path.read_bytes()
    return files


def export(root: Path) -> list[str]:
    """Copy the built-in templates into ``root/templates``; refuse to overwrite any there."""
    from hfctl.store.atomic import atomic_write

    target = root / FOLDER
    files = builtin()
    there = sorted(rel for rel in files if (target / rel).exists())
    if there:
        raise RefusedError(
            f"{len(there)} template(s) already in {target} ({', '.join(there[:3])}"
            f"{', …' if len(there) > 3 else ''}); move them away to export afresh"
        )
    for rel, content in files.items():
        atomic_write(target / rel, content)
    return [f"{FOLDER}/{rel}" for rel in files]


def own(root: Path) -> list[str]:
    """The repository's own templates of documents, by name (none in hfctl's checkout)."""
    folder = root / FOLDER
    if not folder.is_dir() or folder.resolve() == default_folder().resolve():
        return []  # hfctl's own checkout: its templates are the defaults, tested as code
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.j2")
        if p.is_file() and p.relative_to(folder).parts[0] in EXPORTED
    )


def _located(root: Path, exc: TemplateError, fallback: str) -> Location:
    rel = fallback
    if exc.path:
        try:
            rel = Path(exc.path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = f"{FOLDER}/{exc.template}"
    return Location(rel, exc.line)


def check(ds: Dataset, today: dt.date) -> list[Problem]:
    """Problems in the repository's own templates: syntax (HF130), then rendering in every
    language the documents the data gives (the website, reminder letters, the secretariat's
    handover checklist, the last meeting's agenda, the last held meeting's minutes) (HF131).
    None without a ``templates/``. Information e-mails are checked for syntax only."""
    names = own(ds.root)
    if not names:
        return []
    found: list[Problem] = []
    for name in names:
        error = syntax_error(ds.root, name)
        if error is not None:
            found.append(problem("HF130", error.message, _located(ds.root, error, name)))
    if found:
        return found
    for label, job in _documents(ds, today):
        try:
            job()
        except TemplateError as exc:
            where = _located(ds.root, exc, f"{FOLDER}/{exc.template}")
            found.append(problem("HF131", f"{label}: {exc.message}", where))
        except HfctlError:
            continue  # the data cannot give this document (no contact, no coordinator): not
            # the template's fault, and validation reports the data's problems itself
    return sorted(set(found), key=Problem.sort_key)


def _documents(ds: Dataset, today: dt.date) -> list[tuple[str, Callable[[], object]]]:
    from functools import partial

    from hfctl.documents import agenda, minutes, reminders, site
    from hfctl.domain.secretariat import handover_checklist, next_holder, rotating_forums

    jobs: list[tuple[str, Callable[[], object]]] = []
    meetings = sorted(ds.meetings.values(), key=lambda m: (m.date, m.id))
    held = [m for m in meetings if m.status == "held"]
    for lang in ("nn", "nb", "en"):
        jobs.append((f"site ({lang})", partial(site.build, ds, lang, today, _NOON_UTC)))
        jobs.append((f"reminders ({lang})", partial(reminders.letters, ds, today, 0, lang)))
        for forum in rotating_forums(ds.forums):
            assert forum.secretariat is not None
            first = forum.secretariat.rotation.holders[0]
            after = next_holder(forum.secretariat, first)
            job = partial(handover_checklist, ds, forum, first, after, today, lang)
            jobs.append((f"handover {forum.id} ({lang})", job))
        for fmt in ("md", "html"):
            if meetings:
                last = meetings[-1].id
                job = partial(agenda.render_agenda, ds, last, lang, fmt, today)
                jobs.append((f"agenda {last} ({lang}, {fmt})", job))
            if held:
                done = held[-1].id
                job = partial(minutes.render_minutes, ds, done, lang, fmt, today)
                jobs.append((f"minutes {done} ({lang}, {fmt})", job))
    return jobs
