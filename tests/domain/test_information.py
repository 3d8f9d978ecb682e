"""The same information to every party at the same time."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest

from tests.conftest import Repo, git, problems, run, smtp_server

KS = "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027"
GUIDE = "data/information/2026-10-12-nasjonal-rettleiar-for-helsefellesskapa-revidert-utgave.md"


def test_send_without_send_writes_the_messages_and_records_nothing(
    repo: Repo, tmp_path: Path
) -> None:
    out = tmp_path / "outbox"
    result = run("inform", "send", KS, "-o", str(out), repo=repo)
    assert result.exit_code == 0, result.stderr
    assert "not sent" in result.stdout and "nothing is recorded" in result.stdout
    files = sorted(out.iterdir())
    assert len(files) == 17
    recipients = set()
    for path in files:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        (address,) = message["To"].addresses
        recipients.add(address.addr_spec)
        assert "Økonomiske rammer" in message["Subject"]
        body = message.get_body(("plain",))
        assert body is not None and "KS" in body.get_content()
    assert "postmottak@helse-fonna.no" in recipients and len(recipients) == 17
    # the old behaviour recorded a send day for all 17 parties here: nothing was sent
    assert git(repo.root, "status", "--porcelain") == ""
    listed = {r["id"]: r for r in run("inform", "list", "--json", repo=repo).json()}
    assert listed[KS]["sent"] == 0 and listed[KS]["days"] == []


def test_a_hand_send_is_recorded_by_saying_so(repo: Repo) -> None:
    future = run("inform", "mark-sent", KS, "--all", "--date", "2026-11-25", repo=repo)
    assert future.exit_code == 1 and "future" in future.stderr
    neither = run("inform", "mark-sent", KS, "--date", "2026-11-24", repo=repo)
    assert neither.exit_code == 2 and "--all" in neither.stderr
    result = run("inform", "mark-sent", KS, "--all", "--date", "2026-11-23", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert git(repo.root, "diff", "--name-only").split() == [f"data/information/{KS}.md"]
    listed = {r["id"]: r for r in run("inform", "list", "--json", repo=repo).json()}
    assert listed[KS]["sent"] == 17 and listed[KS]["days"] == ["2026-11-23"]
    assert run("validate", repo=repo).exit_code == 0
    again = run("inform", "mark-sent", KS, "--all", "--date", "2026-11-24", repo=repo)
    assert again.exit_code == 1 and "every party" in again.stderr


def test_mark_sent_to_named_parties_only(repo: Repo) -> None:
    result = run(
        "inform", "mark-sent", KS, "--party", "bokn", "--party", "Karmøy",
        "--date", "2026-11-24", repo=repo,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = repo.read(f"data/information/{KS}.md")
    assert "bokn: 2026-11-24" in text and "karmoy: 2026-11-24" in text
    assert "sauda:" not in text
    assert "15 parties of the audience have no send recorded yet" in result.stdout + result.stderr
    unknown = run("inform", "mark-sent", KS, "--party", "oslo", "--date", "2026-11-24", repo=repo)
    assert unknown.exit_code != 0 and "not in the audience" in unknown.stderr


def test_send_records_what_the_server_accepted(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server() as (port, received):
        _smtp_env(monkeypatch, port)
        result = run("inform", "send", KS, "-o", str(tmp_path / "o"), "--send", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert len(received) == 17 and "sent to 17 parties" in result.stdout
    listed = {r["id"]: r for r in run("inform", "list", "--json", repo=repo).json()}
    assert listed[KS]["sent"] == 17 and listed[KS]["days"] == ["2026-11-24"]
    assert run("validate", repo=repo).exit_code == 0
    again = run("inform", "send", KS, "-o", str(tmp_path / "o"), "--send", repo=repo)
    assert again.exit_code == 1 and "already been sent" in again.stderr


def _smtp_env(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    monkeypatch.setenv("HFCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("HFCTL_SMTP_PORT", str(port))
    monkeypatch.setenv("HFCTL_SMTP_STARTTLS", "0")


def test_trust_a_day_before_the_municipalities_fails(repo: Repo) -> None:
    repo.edit(GUIDE, "  helse-fonna: 2026-10-14", "  helse-fonna: 2026-10-13")
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code == 1
    found = [p for p in problems(result) if p["code"] == "HF391"]
    assert [p["file"] for p in found] == [GUIDE]
    message = found[0]["message"]
    assert "Nasjonal rettleiar" in message and "2026-10-13" in message
    assert "Haugesund" in message and "Ullensvang" in message


def test_partly_sent_fails(repo: Repo) -> None:
    repo.edit(GUIDE, "  bokn: 2026-10-14\n", "")
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["code"] == "HF390"
    ]
    assert len(found) == 1 and "Bokn" in found[0]["message"]


def test_new_item_and_digest(repo: Repo) -> None:
    result = run(
        "inform",
        "new",
        "--title",
        "Ny forskrift om kommunale helse- og omsorgstenester",
        "--source",
        "Helse- og omsorgsdepartementet",
        "--audience",
        "ssu",
        "--received",
        "2026-11-23",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    assert run("validate", repo=repo).exit_code == 0
    digest = run("inform", "digest", "--since", "2026-10-01", repo=repo).stdout
    assert digest.startswith("# Informasjon til partane sidan")
    assert "Ny forskrift" in digest and "Nasjonal rettleiar" in digest
    assert "Beredskapsøving" not in digest
    html = run(
        "inform", "digest", "--since", "2026-10-01", "--format", "html", "--lang", "en", repo=repo
    ).stdout
    assert '<html lang="en">' in html and "Ny forskrift" in html


def test_send_refused_before_any_message_is_written(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = f"data/information/{KS}.md"
    repo.write(rel, repo.read(rel) + "\nEin merknad som ikkje er lagra i git.\n")
    out = tmp_path / "outbox"
    with smtp_server() as (port, received):
        _smtp_env(monkeypatch, port)
        result = run("inform", "send", KS, "-o", str(out), "--send", repo=repo)
    assert result.exit_code == 1
    assert "uncommitted changes" in result.stderr and received == []
    assert not out.exists()
    assert git(repo.root, "diff", "--name-only").split() == [rel]


def test_a_send_that_fails_part_way_says_who_has_it(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(accept=3) as (port, received):
        _smtp_env(monkeypatch, port)
        result = run("inform", "send", KS, "-o", str(tmp_path / "outbox"), "--send", repo=repo)
        assert result.exit_code == 1
        assert len(received) == 3
        gone = [address for envelope in received for address in envelope.rcpt_tos]
        assert "sent to 3 of 17 parties and recorded for those" in result.stderr
        assert all(address in result.stderr for address in gone)
        text = repo.read(f"data/information/{KS}.md")
        assert text.count(": 2026-11-24") == 3  # what went, and only that, is recorded
        partly = problems(run("validate", "--format", "json", repo=repo))
        assert [p["severity"] for p in partly if p["code"] == "HF390"] == ["warning"]
    with smtp_server() as (port, rest):
        _smtp_env(monkeypatch, port)
        again = run("inform", "send", KS, "-o", str(tmp_path / "outbox2"), "--send", repo=repo)
    assert again.exit_code == 0, again.stderr
    assert len(rest) == 14 and not {a for e in rest for a in e.rcpt_tos} & set(gone)
    assert run("validate", repo=repo).exit_code == 0


def test_a_commit_that_fails_after_recording_says_what_is_left(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = repo.root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho rejected by hook >&2\nexit 1\n")
    hook.chmod(0o755)
    with smtp_server() as (port, _received):
        _smtp_env(monkeypatch, port)
        out = str(tmp_path / "outbox")
        result = run("inform", "send", KS, "-o", out, "--send", "--commit", repo=repo)
    assert result.exit_code == 1
    assert "the send day is recorded" in result.stderr and "not committed" in result.stderr
    assert git(repo.root, "status", "--porcelain").split() == ["M", f"data/information/{KS}.md"]


def test_commit_without_git_is_refused_before_anything_is_sent(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.rmtree(repo.root / ".git")
    with smtp_server() as (port, received):
        monkeypatch.setenv("HFCTL_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("HFCTL_SMTP_PORT", str(port))
        monkeypatch.setenv("HFCTL_SMTP_STARTTLS", "0")
        out = tmp_path / "outbox"
        result = run("inform", "send", KS, "-o", str(out), "--send", "--commit", repo=repo)
    assert result.exit_code != 0 and "git repository" in result.stderr
    assert received == [] and not out.exists()
