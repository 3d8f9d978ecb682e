"""Nothing recorded that did not happen: agendas issued and invitations sent only when they were."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Repo, git, run, smtp_server

HLN = "2026-12-03-helseleiarnettverket"
HLN_FILE = f"data/meetings/2026/{HLN}.md"


@pytest.fixture(name="smtp")
def _smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    with smtp_server() as (port, received):
        monkeypatch.setenv("HFCTL_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("HFCTL_SMTP_PORT", str(port))
        monkeypatch.setenv("HFCTL_SMTP_STARTTLS", "0")
        yield received


def test_agenda_issue_has_dry_run_and_commit(repo: Repo) -> None:
    dry = run("agenda", HLN, "--issue", "--dry-run", repo=repo)
    assert dry.exit_code == 0, dry.stderr
    assert "+agenda_issued: 2026-11-24" in dry.stdout and "nothing written" in dry.stdout
    assert git(repo.root, "status", "--porcelain") == ""
    done = run("agenda", HLN, "--issue", "--commit", repo=repo)
    assert done.exit_code == 0, done.stderr
    assert git(repo.root, "status", "--porcelain") == ""
    assert "agenda issued" in git(repo.root, "log", "-1", "--format=%s")
    again = run("agenda", HLN, "--issue", repo=repo)
    assert again.exit_code == 1 and "was issued on 2026-11-24" in again.stderr


def test_invite_without_send_writes_files_and_records_nothing(repo: Repo, tmp_path: Path) -> None:
    unissued = run("invite", HLN, "-o", str(tmp_path / "a"), repo=repo)
    assert unissued.exit_code == 1 and "issue it first" in unissued.stderr
    assert not (tmp_path / "a").exists()
    assert run("agenda", HLN, "--issue", "--commit", repo=repo).exit_code == 0
    result = run("invite", HLN, "-o", str(tmp_path / "b"), repo=repo)
    assert result.exit_code == 0, result.stderr
    assert "not sent" in result.stdout and "nothing is recorded" in result.stdout
    assert (tmp_path / "b" / "invitation.eml").exists()
    # the old behaviour recorded invitation_sent here although nothing was sent
    assert git(repo.root, "status", "--porcelain") == ""
    assert "invitation_sent" not in repo.read(HLN_FILE)


def test_a_hand_sent_invitation_is_recorded_by_saying_so(repo: Repo) -> None:
    early = run("invite", HLN, "--mark-sent", "--date", "2026-11-20", repo=repo)
    assert early.exit_code == 1 and "not issued" in early.stderr
    assert run("agenda", HLN, "--issue", repo=repo).exit_code == 0
    future = run("invite", HLN, "--mark-sent", "--date", "2026-11-30", repo=repo)
    assert future.exit_code == 1 and "future" in future.stderr
    dry = run("invite", HLN, "--mark-sent", "--date", "2026-11-24", "--dry-run", repo=repo)
    assert "+invitation_sent: 2026-11-24" in dry.stdout
    # the agenda issue is hfctl's own uncommitted edit: the next step goes on without a commit
    done = run("invite", HLN, "--mark-sent", "--date", "2026-11-24", "--commit", repo=repo)
    assert done.exit_code == 0, done.stderr
    assert "invitation_sent: 2026-11-24" in repo.read(HLN_FILE)
    assert git(repo.root, "status", "--porcelain") == ""
    assert run("validate", repo=repo).exit_code == 0
    again = run("invite", HLN, "--mark-sent", "--date", "2026-11-24", repo=repo)
    assert again.exit_code == 1 and "recorded as sent on 2026-11-24" in again.stderr


def test_send_issues_and_records_after_the_server_accepted(
    repo: Repo, tmp_path: Path, smtp: list[Any]
) -> None:
    result = run("invite", HLN, "-o", str(tmp_path), "--send", "--commit", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert len(smtp) == 1 and "sent to" in result.stdout
    text = repo.read(HLN_FILE)
    assert "agenda_issued: 2026-11-24" in text and "invitation_sent: 2026-11-24" in text
    assert git(repo.root, "status", "--porcelain") == ""
    message = message_from_bytes(smtp[0].content, policy=policy.default)
    body = message.get_body(("plain",))
    assert body is not None and "Sak " in body.get_content()  # it went with its numbers
    assert run("validate", repo=repo).exit_code == 0


def test_a_refused_send_records_nothing(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(accept=0) as (port, received):
        monkeypatch.setenv("HFCTL_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("HFCTL_SMTP_PORT", str(port))
        monkeypatch.setenv("HFCTL_SMTP_STARTTLS", "0")
        result = run("invite", HLN, "-o", str(tmp_path), "--send", repo=repo)
    assert result.exit_code == 1 and "no message was sent" in result.stderr
    assert received == []
    assert git(repo.root, "status", "--porcelain") == ""


def test_a_hand_edit_stops_the_send_before_any_message_goes(
    repo: Repo, tmp_path: Path, smtp: list[Any]
) -> None:
    repo.write(HLN_FILE, repo.read(HLN_FILE) + "\nEin merknad.\n")
    result = run("invite", HLN, "-o", str(tmp_path / "x"), "--send", repo=repo)
    assert result.exit_code == 1 and "uncommitted changes" in result.stderr
    assert smtp == [] and not (tmp_path / "x").exists()


def test_invite_warns_of_a_held_meeting_and_a_missed_notice(repo: Repo, tmp_path: Path) -> None:
    held = run("invite", "2026-11-19-ssu", "-o", str(tmp_path / "h"), repo=repo)
    assert "was held on 2026-11-19" in held.stdout + held.stderr
    assert run("agenda", HLN, "--issue", repo=repo).exit_code == 0
    late = run("invite", HLN, "-o", str(tmp_path / "l"), "--today", "2026-12-01", repo=repo)
    assert late.exit_code == 0, late.stderr
    assert (
        "notice period" in late.stdout + late.stderr and "was due by" in late.stdout + late.stderr
    )


def test_a_hand_edit_after_an_hfctl_edit_is_kept(repo: Repo) -> None:
    assert run("agenda", HLN, "--issue", repo=repo).exit_code == 0
    own = run("invite", HLN, "--mark-sent", "--date", "2026-11-24", "--dry-run", repo=repo)
    assert own.exit_code == 0, own.stderr
    repo.write(HLN_FILE, repo.read(HLN_FILE) + "\nEin merknad for hand.\n")
    refused = run("invite", HLN, "--mark-sent", "--date", "2026-11-24", repo=repo)
    assert refused.exit_code == 1
    assert "uncommitted changes not made by hfctl" in refused.stderr
    assert repo.read(HLN_FILE).endswith("Ein merknad for hand.\n")


def test_the_repository_is_named_when_it_is_not_the_working_directorys(repo: Repo) -> None:
    result = run("agenda", HLN, "--issue", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert f"in the repository {repo.root.resolve()}" in result.stdout


def test_a_dry_run_send_sends_nothing(repo: Repo, tmp_path: Path, smtp: list[Any]) -> None:
    ks = "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027"
    result = run("inform", "send", ks, "-o", str(tmp_path / "o"), "--send", "--dry-run", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert "+  helse-fonna: 2026-11-24" in result.stdout and "nothing written" in result.stdout
    invite = run("invite", HLN, "-o", str(tmp_path / "i"), "--send", "--dry-run", repo=repo)
    assert invite.exit_code == 0, invite.stderr
    assert "+invitation_sent: 2026-11-24" in invite.stdout
    assert smtp == [] and not (tmp_path / "o").exists() and not (tmp_path / "i").exists()
    assert git(repo.root, "status", "--porcelain") == ""
    hand = run("inform", "send", ks, "-o", str(tmp_path / "h"), "--commit", repo=repo)
    assert hand.exit_code == 2 and "nothing is recorded" in hand.stderr
