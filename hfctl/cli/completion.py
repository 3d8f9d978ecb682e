"""Tab completion of the ids in the data: read from file names and single lines, never by
loading or validating the data, so that a word completes at once.

Each completer takes typer's context (for ``--repo`` and, for a case, the meeting already on
the command line) and the word typed so far, and answers the matching ids, each with a short
help where the file gives one cheaply (a forum's short name, a municipality's name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import typer

Candidate = tuple[str, str]

_SHORT = re.compile(r"^short:\s*[\"']?([^\"'\n#]+?)[\"']?\s*$", re.MULTILINE)
_NAME = re.compile(r"^name:\s*[\"']?([^\"'\n#]+?)[\"']?\s*$", re.MULTILINE)
_KIND = re.compile(r"^kind:\s*municipality\s*$", re.MULTILINE)
_NUMBER = re.compile(r"^\s*-?\s*number:\s*[\"']?(\d{4})[\"']?", re.MULTILINE)
_CASE = re.compile(r"^\s*-\s*number:\s*(\d+)\s*$", re.MULTILINE)


def _data(ctx: typer.Context) -> Path | None:
    """The data folder of the repository the command line names (or the one found)."""
    from hfctl.core.errors import HfctlError
    from hfctl.store.repo import DATA_DIR, find_root

    explicit = None
    context: typer.Context | None = ctx
    while context is not None:  # --repo may be given to this command or a group above it
        value = context.params.get("repo")
        if value:
            explicit = Path(value)
            break
        context = context.parent  # type: ignore[assignment]
    try:
        return find_root(explicit=explicit) / DATA_DIR
    except (HfctlError, OSError):
        return None


def _files(folder: Path, *suffixes: str) -> Iterator[Path]:
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.suffix in suffixes and path.is_file():
                yield path


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _matching(candidates: Iterator[Candidate], incomplete: str) -> list[Candidate]:
    typed = incomplete.casefold()
    seen: set[str] = set()
    out: list[Candidate] = []
    for value, help_ in candidates:
        if value.casefold().startswith(typed) and value not in seen:
            seen.add(value)
            out.append((value, help_))
    return out


def meetings(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    """Meeting ids: the names of the meeting files."""
    data = _data(ctx)
    if data is None:
        return []
    found = ((p.stem, "") for p in _files(data / "meetings", ".md", ".yaml"))
    return _matching(found, incomplete)


def forums(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    """Forums by id and by short name (``SSU``)."""
    data = _data(ctx)
    if data is None:
        return []

    def each() -> Iterator[Candidate]:
        for path in _files(data / "forums", ".yaml"):
            short = _SHORT.search(_read(path))
            yield path.stem, short.group(1) if short else ""
            if short:
                yield short.group(1), path.stem

    return _matching(each(), incomplete)


def agreements(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    """Agreement ids: the names of the agreement files."""
    data = _data(ctx)
    if data is None:
        return []
    return _matching(((p.stem, "") for p in _files(data / "agreements", ".yaml")), incomplete)


def municipalities(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    """Municipalities by number (with the name as help) and by name."""
    data = _data(ctx)
    if data is None:
        return []

    def each() -> Iterator[Candidate]:
        for path in _files(data / "parties", ".yaml"):
            text = _read(path)
            if not _KIND.search(text):
                continue
            name = _NAME.search(text)
            label = name.group(1) if name else path.stem
            for number in _NUMBER.findall(text):
                yield number, label
            yield label, ""

    return _matching(each(), incomplete)


def people(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    """Person ids: the names of the person files."""
    data = _data(ctx)
    if data is None:
        return []
    return _matching(((p.stem, "") for p in _files(data / "people", ".yaml")), incomplete)


def information(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    """Information item ids: the names of the item files."""
    data = _data(ctx)
    if data is None:
        return []
    found = ((p.stem, "") for p in _files(data / "information", ".md", ".yaml"))
    return _matching(found, incomplete)


def cases(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    """The case numbers of the meeting named before on the command line."""
    data = _data(ctx)
    meeting = ctx.params.get("meeting")
    if data is None or not meeting:
        return []
    for path in _files(data / "meetings", ".md", ".yaml"):
        if path.stem == meeting:
            numbers = _CASE.findall(_read(path))
            return _matching(((n, "") for n in numbers), incomplete)
    return []
