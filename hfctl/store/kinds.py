"""The kinds of data files, by where they are in data/: what a check declares it reads, and
how the cache files and the groups of meetings are cut."""

from __future__ import annotations

import re

FOLDERS = ("parties", "people", "forums", "roles", "agreements", "calendars")
"""The folders of data/ that hold one model a file, by id (``loader.COLLECTIONS``)."""

KINDS = (
    "community",
    "counties",
    "legal_bases",
    *FOLDERS,
    "meetings",
    "information",
    "files",
    "other",
)
"""The kinds of data a check can read: one a file at the top of data/, one a folder, "files"
(the names of every data file) and "other" (files in no known place; only the loader reads
them)."""
_SINGLE_KINDS = {"community.yaml": "community", "counties.yaml": "counties"}
_SINGLE_KINDS["legal-bases.yaml"] = "legal_bases"
FIELD_KINDS: dict[str, frozenset[str]] = {
    **{kind: frozenset({kind}) for kind in KINDS[:-2]},
    "bodies": frozenset({"meetings", "information"}),
    "body_lines": frozenset({"meetings", "information"}),
    "duplicates": frozenset({"meetings"}),  # only meetings (in folders by year) share a stem
    "files": frozenset({"files"}),
    "has_file": frozenset({"files"}),
    "root": frozenset(),
}
"""Field of a ``Dataset`` -> the kinds it is made from (any other field: every kind)."""


_DATED = re.compile(r"\d{4}-\d{2}-\d{2}-(.+)")


def meeting_group(name: str) -> str:
    """The group of meeting file ``name``: the body its file name gives (``<date>-<body>``),
    or its stem if the name has no date in front; files of one stem are in one group."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".md")
    found = _DATED.fullmatch(stem)
    return found.group(1) if found else stem


def file_kind(name: str) -> str:
    """The kind of the data file ``name`` (relative to the repository root): that of the file
    at the top of data/ or of its folder there, else "other"."""
    parts = name.split("/")
    if len(parts) == 2:
        return _SINGLE_KINDS.get(parts[1], "other")
    if len(parts) > 2 and (parts[1] in FOLDERS or parts[1] in ("meetings", "information")):
        return parts[1]
    return "other"
