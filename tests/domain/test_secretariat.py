"""`hfctl secretariat`: show on every side of every term boundary, history, rotate, handover."""

from __future__ import annotations

import pytest

from tests.conftest import Repo, git, run

SSU = "data/forums/ssu.yaml"

BOUNDARIES = [
    ("2022-01-01", "helse-fonna", "2022-01-01", "2023-12-31", "helseleiarnettverket", "2024-01-01"),
    ("2023-06-30", "helse-fonna", "2022-01-01", "2023-12-31", "helseleiarnettverket", "2024-01-01"),
    ("2023-12-31", "helse-fonna", "2022-01-01", "2023-12-31", "helseleiarnettverket", "2024-01-01"),
    ("2024-01-01", "helseleiarnettverket", "2024-01-01", "2025-12-31", "helse-fonna", "2026-01-01"),
    ("2025-02-28", "helseleiarnettverket", "2024-01-01", "2025-12-31", "helse-fonna", "2026-01-01"),
    ("2025-12-31", "helseleiarnettverket", "2024-01-01", "2025-12-31", "helse-fonna", "2026-01-01"),
    ("2026-01-01", "helse-fonna", "2026-01-01", "2027-12-31", "helseleiarnettverket", "2028-01-01"),
    ("2026-11-24", "helse-fonna", "2026-01-01", "2027-12-31", "helseleiarnettverket", "2028-01-01"),
    ("2027-12-31", "helse-fonna", "2026-01-01", "2027-12-31", "helseleiarnettverket", "2028-01-01"),
]


@pytest.mark.parametrize(("day", "holder", "start", "end", "nxt", "nxt_from"), BOUNDARIES)
def test_show_on_each_side_of_every_boundary(
    repo: Repo, day: str, holder: str, start: str, end: str, nxt: str, nxt_from: str
) -> None:
    result = run("secretariat", "show", "--on", day, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data == {
        "holder": holder,
        "holder_name": data["holder_name"],
        "from": start,
        "to": end,
        "next_holder": nxt,
        "next_holder_name": data["next_holder_name"],
        "next_from": nxt_from,
    }
    names = {"helse-fonna": "Helse Fonna HF", "helseleiarnettverket": "Helseleiarnettverket"}
    assert data["holder_name"] == names[holder]
    assert data["next_holder_name"] == names[nxt]


@pytest.mark.parametrize("day", ["2021-12-31", "2028-01-01"])
def test_show_outside_every_term_is_an_error(repo: Repo, day: str) -> None:
    result = run("secretariat", "show", "--on", day, repo=repo)
    assert result.exit_code == 1
    assert "2022-01-01..2023-12-31 helse-fonna" in result.stderr
    assert "rotate" in result.stderr


def test_show_text_says_days_left(repo: Repo) -> None:
    result = run("secretariat", "show", "--today", "2027-12-30", repo=repo)
    assert result.exit_code == 0
    assert "Helse Fonna HF holds the secretariat on 2027-12-30" in result.stdout
    assert "(2 days left)" in result.stdout


def test_history_lists_every_term(repo: Repo) -> None:
    result = run("secretariat", "history", "--format", "json", repo=repo)
    assert [(t["from"], t["holder"]) for t in result.json()] == [
        ("2022-01-01", "helse-fonna"),
        ("2024-01-01", "helseleiarnettverket"),
        ("2026-01-01", "helse-fonna"),
    ]


def test_rotate_adds_only_the_new_term(repo: Repo) -> None:
    result = run("secretariat", "rotate", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert "Helseleiarnettverket holds it 2028-01-01 to 2029-12-31" in result.stdout
    assert "Overlevering av sekretariatet" in result.stdout
    diff = git(repo.root, "diff", "--numstat")
    assert diff.split() == ["3", "0", SSU]
    added = [
        line[1:].strip()
        for line in git(repo.root, "diff", "-U0").splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert "helseleiarnettverket" in " ".join(added)
    assert "2028-01-01" in " ".join(added) and "2029-12-31" in " ".join(added)
    shown = run("secretariat", "show", "--on", "2028-01-01", "--format", "json", repo=repo)
    assert shown.json()["holder"] == "helseleiarnettverket"
    assert run("validate", repo=repo).exit_code == 0


def test_rotate_twice_is_refused(repo: Repo) -> None:
    assert run("secretariat", "rotate", repo=repo).exit_code == 0
    after_first = repo.read(SSU)
    repo.commit("rotate")
    again = run("secretariat", "rotate", repo=repo)
    assert again.exit_code == 1
    assert "already recorded" in again.stderr
    assert repo.read(SSU) == after_first


def test_dry_run_prints_the_diff_and_writes_nothing(repo: Repo) -> None:
    before = repo.read(SSU)
    result = run("secretariat", "rotate", "--dry-run", repo=repo)
    assert result.exit_code == 0
    assert f"+++ b/{SSU}" in result.stdout
    assert "+    - holder: helseleiarnettverket" in result.stdout or (
        "holder: helseleiarnettverket" in result.stdout
    )
    assert repo.read(SSU) == before
    assert git(repo.root, "status", "--porcelain") == ""


def test_commit_on_a_new_branch(repo: Repo) -> None:
    result = run("secretariat", "rotate", "--commit", "--branch", "ssu-2028", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert git(repo.root, "branch", "--show-current").strip() == "ssu-2028"
    message = git(repo.root, "log", "-1", "--format=%s")
    assert (
        message.strip() == "SSU secretariat: Helseleiarnettverket holds it 2028-01-01 to 2029-12-31"
    )
    assert git(repo.root, "show", "--name-only", "--format=", "HEAD").split() == [SSU]
    assert git(repo.root, "log", "-1", "--format=%an <%ae>").strip() == (
        "Test Koordinator <koordinator@example.no>"
    )
    assert git(repo.root, "status", "--porcelain") == ""


def test_commit_leaves_other_staged_work_alone(repo: Repo) -> None:
    repo.write("notes.txt", "staged work\n")
    git(repo.root, "add", "notes.txt")
    assert run("secretariat", "rotate", "--commit", repo=repo).exit_code == 0
    assert git(repo.root, "show", "--name-only", "--format=", "HEAD").split() == [SSU]
    assert "A  notes.txt" in git(repo.root, "status", "--porcelain")


def test_dirty_file_is_refused(repo: Repo) -> None:
    repo.edit(SSU, "secretariat:", "# work in progress\nsecretariat:")
    before = repo.read(SSU)
    result = run("secretariat", "rotate", repo=repo)
    assert result.exit_code == 1
    assert "uncommitted changes" in result.stderr and SSU in result.stderr
    assert repo.read(SSU) == before
    assert run("secretariat", "rotate", "--allow-dirty", repo=repo).exit_code == 0
    assert "# work in progress" in repo.read(SSU)


def test_merge_in_progress_is_refused(repo: Repo) -> None:
    (repo.root / ".git" / "MERGE_HEAD").write_text("0" * 40 + "\n")
    result = run("secretariat", "rotate", "--allow-dirty", repo=repo)
    assert result.exit_code == 1
    assert "merge is in progress" in result.stderr


def test_stale_git_index_lock_is_refused_with_advice(repo: Repo) -> None:
    (repo.root / ".git" / "index.lock").write_text("")
    before = repo.read(SSU)
    result = run("secretariat", "rotate", "--commit", repo=repo)
    assert result.exit_code == 1
    assert "index.lock" in result.stderr and "remove that file" in result.stderr
    assert repo.read(SSU) == before


def test_handover_checklist_in_english(repo: Repo) -> None:
    result = run("secretariat", "handover", "--lang", "en", repo=repo)
    assert result.exit_code == 0
    assert (
        "Network of municipal health leaders takes over the secretariat from Helse Fonna HF "
        "on 2028-01-01" in result.stdout
    )


def test_handover_template_can_be_overridden_by_the_repository(repo: Repo) -> None:
    repo.write("templates/secretariat/handover.nn.md.j2", "Eigen mal: {{ incoming }}\n")
    result = run("secretariat", "handover", repo=repo)
    assert result.stdout == "Eigen mal: Helseleiarnettverket\n"


def test_broken_template_is_a_clear_error(repo: Repo) -> None:
    repo.write("templates/secretariat/handover.nn.md.j2", "{{ nothing_here }}\n")
    result = run("secretariat", "handover", repo=repo)
    assert result.exit_code == 1
    assert "nothing_here" in result.stderr and "handover.nn.md.j2" in result.stderr
