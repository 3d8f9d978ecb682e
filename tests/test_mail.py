"""Every message hfctl writes or sends, read back strictly by Python's email
(``policy.strict``) and by nodemailer's mailparser (npm), headers and structure compared: a
Date and a Message-ID on each; an invitation as ``multipart/alternative`` (text, HTML, the
iMIP ``text/calendar; method=REQUEST``) with the .ics attached too; drafts marked
``X-Unsent: 1`` with a plain text that is not Markdown source."""

from __future__ import annotations

import datetime as dt
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NOW, Repo, run, smtp_server
from tests.readers import mailparser

DEC = "2026-12-10-ssu"
KS = "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027"
MARKDOWN = re.compile(r"\*\*|^#|  $|\\[-*_#|]", re.M)


def _strict(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=policy.strict)
    assert isinstance(message, EmailMessage)
    for part in message.walk():
        for name, value in part.items():
            assert not getattr(value, "defects", ()), (name, value.defects)
    return message


def _tree(message: EmailMessage) -> list[list[Any]]:
    out: list[list[Any]] = []

    def visit(part: EmailMessage, depth: int) -> None:
        out.append([depth, part.get_content_type()])
        if part.is_multipart():
            for sub in part.iter_parts():
                assert isinstance(sub, EmailMessage)
                visit(sub, depth + 1)

    visit(message, 0)
    return out


def _text(value: str | None) -> str:
    return (value or "").replace("\r\n", "\n").rstrip("\n")


def _compare(path: Path, node: dict[str, Any]) -> EmailMessage:
    """Python's strict reading and mailparser's agree on headers, tree, text and parts."""
    message = _strict(path.read_bytes())
    assert [k.lower() for k in message] == list(node["headers"]), path.name
    assert _tree(message) == node["tree"], path.name
    # the Date is there, once, and both read the same instant
    date = message["Date"].datetime
    assert date.tzinfo is not None
    assert node["date"] == date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert message["Message-ID"] and node["messageId"] == str(message["Message-ID"])
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(message["Message-ID"]))
    assert node["subject"] == str(message["Subject"])
    assert node["from"] == [
        {"name": a.display_name, "address": a.addr_spec} for a in message["From"].addresses
    ]
    assert node["to"] == [
        {"name": a.display_name, "address": a.addr_spec} for a in message["To"].addresses
    ]
    plain = message.get_body(("plain",))
    assert plain is not None
    assert _text(node["text"]) == _text(plain.get_content())
    html = message.get_body(("html",))
    assert _text(node["html"]) == _text(html.get_content() if html else None)
    others = [
        p
        for p in message.walk()
        if not p.is_multipart() and p.get_content_type() not in ("text/plain", "text/html")
    ]
    assert [a["contentType"] for a in node["attachments"]] == [p.get_content_type() for p in others]
    for part, attachment in zip(others, node["attachments"], strict=True):
        assert attachment["filename"] == part.get_filename()
        content = part.get_content()
        text = content.decode() if isinstance(content, bytes) else content
        assert _text(attachment["content"]) == _text(text)
    # a plain text that reads as text
    assert not MARKDOWN.search(plain.get_content()), plain.get_content()
    return message


def _invite(repo: Repo, folder: Path, *extra: str) -> Path:
    result = run("invite", DEC, "-o", str(folder), *extra, repo=repo)
    assert result.exit_code == 0, result.stderr
    return folder / "invitation.eml"


def test_an_invitation_is_an_imip_alternative_with_the_ics_attached(
    repo: Repo, tmp_path: Path
) -> None:
    path = _invite(repo, tmp_path)
    node = mailparser(path)[str(path)]
    message = _compare(path, node)
    assert node["tree"] == [
        [0, "multipart/mixed"],
        [1, "multipart/alternative"],
        [2, "text/plain"],
        [2, "text/html"],
        [2, "text/calendar"],
        [1, "application/ics"],
    ]
    calendar, attached = node["attachments"]
    assert calendar["params"]["method"] == "REQUEST" and calendar["disposition"] is None
    assert attached["filename"] == "invitation.ics" and attached["disposition"] == "attachment"
    ics = (tmp_path / "invitation.ics").read_bytes().decode()
    assert _text(calendar["content"]) == _text(attached["content"]) == _text(ics)
    assert message["X-Unsent"] == "1" and node["headers"]["x-unsent"] == "1"
    assert message["Date"].datetime == dt.datetime.fromisoformat(NOW)


def test_a_cancelled_meeting_sends_a_cancel(repo: Repo, tmp_path: Path) -> None:
    rel = f"data/meetings/2026/{DEC}.md"
    repo.edit(rel, "status: planned", "status: cancelled")
    repo.commit("cancel")
    path = _invite(repo, tmp_path)
    node = mailparser(path)[str(path)]
    _compare(path, node)
    assert node["attachments"][0]["params"]["method"] == "CANCEL"


def test_what_is_sent_is_what_is_written_and_no_draft(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server() as (port, received):
        monkeypatch.setenv("HFCTL_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("HFCTL_SMTP_PORT", str(port))
        monkeypatch.setenv("HFCTL_SMTP_STARTTLS", "0")
        path = _invite(repo, tmp_path / "out", "--send")
    (envelope,) = received
    sent = tmp_path / "sent.eml"
    sent.write_bytes(envelope.content)
    read = mailparser(path, sent)
    written, went = _compare(path, read[str(path)]), _compare(sent, read[str(sent)])
    for name in ("Date", "Message-ID", "Subject", "From", "To"):
        assert str(went[name]) == str(written[name]), name
    assert "X-Unsent" not in went and "X-Unsent" not in written


def test_reminders_are_drafts_with_date_and_message_id(repo: Repo, tmp_path: Path) -> None:
    result = run("agreements", "remind", "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 0, result.stderr
    files = sorted(tmp_path.glob("*.eml"))
    assert files
    read = mailparser(*files)
    ids = set()
    for path in files:
        message = _compare(path, read[str(path)])
        assert message["X-Unsent"] == "1"
        ids.add(str(message["Message-ID"]))
        markdown = path.with_suffix(".md").read_text(encoding="utf-8")
        assert "**" in markdown  # the printed letter stays Markdown; the mail is text
    assert len(ids) == len(files)


def test_information_messages_are_drafts_with_date_and_message_id(
    repo: Repo, tmp_path: Path
) -> None:
    result = run("inform", "send", KS, "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 0, result.stderr
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 17
    read = mailparser(*files)
    for path in files:
        message = _compare(path, read[str(path)])
        assert message["X-Unsent"] == "1" and message["Date"] is not None


def test_the_plain_text_of_a_markdown_letter() -> None:
    from hfctl.formats.plaintext import from_markdown

    text = from_markdown(
        "# Innkalling\n\n**Tid:** torsdag  \n**Stad:** Stord\n\n## Saksliste\n\n"
        "- **Sak 1/26** Opning\n\n| Kommune | Status |\n|---|---|\n| Etne | signert |\n\n"
        "Sjå [nettstaden](https://example.no) og 3\\*4.\n"
    )
    assert text == (
        "Innkalling\n==========\n\nTid: torsdag\nStad: Stord\n\nSaksliste\n---------\n\n"
        "- Sak 1/26 Opning\n\nKommune  Status\n-------  -------\nEtne     signert\n\n"
        "Sjå nettstaden <https://example.no> og 3*4.\n"
    )
