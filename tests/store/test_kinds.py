"""The kinds of data files: one a folder of models, one a file at the top, meetings by body."""

from __future__ import annotations

from hfctl.store import kinds, loader


def test_the_folders_of_models_are_the_loaders() -> None:
    assert tuple(loader.COLLECTIONS) == kinds.FOLDERS


def test_kinds_and_groups_by_name() -> None:
    assert kinds.file_kind("data/community.yaml") == "community"
    assert kinds.file_kind("data/legal-bases.yaml") == "legal_bases"
    assert kinds.file_kind("data/people/kari.yaml") == "people"
    assert kinds.file_kind("data/meetings/2026/2026-04-23-ssu.md") == "meetings"
    assert kinds.file_kind("data/stray.yaml") == "other"
    assert kinds.file_kind("data/unknown/x.yaml") == "other"
    assert kinds.meeting_group("data/meetings/2026/2026-04-23-ssu.md") == "ssu"
    assert kinds.meeting_group("data/meetings/2027/2026-04-23-ssu.md") == "ssu"
    assert kinds.meeting_group("data/meetings/2026/notes.md") == "notes"
    assert kinds.meeting_group("data/meetings/2026/x.txt") == "x.txt"
