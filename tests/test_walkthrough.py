"""README's "A year as coordinator", run exactly as printed, on a copy of the bundled data:
after each step `validate` finds no errors, `diff` describes the step, and nothing is recorded
that did not happen (a step without --commit leaves the repository as it was)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import PROJECT, Repo, git, problems, run, smtp_server

# what `hfctl diff HEAD~1 HEAD` must tell after each kind of step
TOLD = {
    ("meeting", "new"): "meeting-added",
    ("meeting", "case", "add"): "case-added",
    ("meeting", "case", "move"): "case-reordered",
    ("meeting", "case", "edit"): "case-changed",
    ("meeting", "case", "forward"): "case-added",
    ("meeting", "attend"): "attendance-present",
    ("meeting", "decide"): "decision",
    ("inform", "mark-sent"): "information-sent",
    ("inform", "new"): "information-added",
    ("inform", "send"): "information-sent",
    ("agreements", "record"): "signature-sent",
    ("member", "renew"): "member-renewed",
    ("actions", "add"): "action-added",
    ("actions", "done"): "action-done",
    ("agenda",): "agenda-issued",
    ("invite",): "invitation-sent",
    ("secretariat", "rotate"): "secretariat-term",
}


def walkthrough() -> list[str]:
    """The lines of the walkthrough block in README.md, as printed."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- walkthrough -->\n```sh\n(.*?)```\n<!-- /walkthrough -->", text, re.S)
    assert found, "README.md has no walkthrough block"
    return [line for line in found.group(1).splitlines() if line and not line.startswith("#")]


def _told(args: list[str]) -> str:
    for size in (3, 2, 1):
        kind = TOLD.get(tuple(args[:size]))
        if kind:
            return kind
    raise AssertionError(f"no expectation for {args}")


def test_a_year_as_coordinator(repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HFCTL_REPO", str(repo.root))
    lines = walkthrough()
    assert sum(line.startswith("hfctl ") for line in lines) >= 25
    for line in lines:
        if line.startswith("export "):
            name, value = line.removeprefix("export ").split("=", 1)
            assert name == "HFCTL_TODAY"
            monkeypatch.setenv(name, value)
            continue
        args = shlex.split(line)
        assert args[0] == "hfctl", line
        head = git(repo.root, "rev-parse", "HEAD")
        if "--send" in args:  # the mail server: a local one that keeps what it is given
            with smtp_server() as (port, received):
                monkeypatch.setenv("HFCTL_SMTP_HOST", "127.0.0.1")
                monkeypatch.setenv("HFCTL_SMTP_PORT", str(port))
                monkeypatch.setenv("HFCTL_SMTP_STARTTLS", "0")
                result = run(*args[1:])
            assert received, line
        else:
            result = run(*args[1:])
        assert result.exit_code == 0, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr
        assert git(repo.root, "status", "--porcelain") == "", line  # no loose edit, no hand work
        if "--commit" in args:
            assert git(repo.root, "rev-parse", "HEAD") != head, line
            told = run("diff", "HEAD~1", "HEAD", "--format", "json").json()
            assert _told(args[1:]) in [c["kind"] for c in told], f"{line}\n{told}"
        else:  # written for sending by hand, or only read: nothing is recorded
            assert git(repo.root, "rev-parse", "HEAD") == head, line
            assert "sent to" not in result.stdout.replace("not sent", "")
        checked = run("validate", "--format", "json")
        errors = [p for p in problems(checked) if p["severity"] == "error"]
        assert errors == [], f"{line}\n{errors}"
    log = run("log", "--forum", "ssu", "--json").json()
    assert any(e["kind"] == "minutes-approved" for e in log)
