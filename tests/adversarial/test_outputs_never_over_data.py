"""-o never replaces data: not inside data/, not a tracked file, not a file hfctl did not
write (without --force); a refused -o leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Repo, run

MEETING = "data/meetings/2026/2026-12-10-ssu.md"
COMMANDS = {
    "agenda": ["agenda", "2026-12-10-ssu"],
    "minutes": ["minutes", "2026-04-23-ssu"],
    "digest": ["inform", "digest", "--since", "2026-01-01"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_output_over_a_data_file_is_refused(repo: Repo, command: str) -> None:
    before = repo.read(MEETING) + "\nuncommitted notes\n"
    repo.write(MEETING, before)
    result = run(*COMMANDS[command], "-o", str(repo.path(MEETING)), repo=repo)
    assert result.exit_code == 2 and "data/" in result.stderr
    assert repo.read(MEETING) == before
    # --force does not reach into data/ either
    assert (
        run(*COMMANDS[command], "-o", str(repo.path(MEETING)), "--force", repo=repo).exit_code == 2
    )
    assert repo.read(MEETING) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_output_over_a_tracked_or_foreign_file_is_refused(
    repo: Repo, command: str, tmp_path: Path
) -> None:
    tracked = repo.path("NOTES.md")
    tracked.write_text("kept\n", encoding="utf-8")
    repo.commit("notes")
    result = run(*COMMANDS[command], "-o", str(tracked), "--force", repo=repo)
    assert result.exit_code == 2 and "tracks" in result.stderr
    assert tracked.read_text(encoding="utf-8") == "kept\n"
    foreign = tmp_path / "mine.md"
    foreign.write_text("mine\n", encoding="utf-8")
    refused = run(*COMMANDS[command], "-o", str(foreign), repo=repo)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert foreign.read_text(encoding="utf-8") == "mine\n"
    # control: --force replaces it, and a file hfctl wrote is replaced again without it
    assert run(*COMMANDS[command], "-o", str(foreign), "--force", repo=repo).exit_code == 0
    assert foreign.read_text(encoding="utf-8") != "mine\n"
    assert run(*COMMANDS[command], "-o", str(foreign), repo=repo).exit_code == 0
    fresh = tmp_path / "new" / "out.md"
    assert run(*COMMANDS[command], "-o", str(fresh), repo=repo).exit_code == 0
    assert fresh.is_file()


def test_a_refused_site_folder_leaves_nothing(repo: Repo, tmp_path: Path) -> None:
    result = run("site", "build", "-o", str(repo.path("data/site")), repo=repo)
    assert result.exit_code == 2
    assert not repo.path("data/site").exists()
    a_file = tmp_path / "site.html"
    a_file.write_text("x", encoding="utf-8")
    result = run("site", "build", "-o", str(a_file), repo=repo)
    assert result.exit_code == 2 and "is a file" in result.stderr
    # control: a new folder outside data/ is built
    assert run("site", "build", "-o", str(tmp_path / "site"), repo=repo).exit_code == 0
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_folder_given_for_a_file_is_refused(repo: Repo, tmp_path: Path) -> None:
    result = run("agenda", "2026-12-10-ssu", "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 2 and "folder" in result.stderr
