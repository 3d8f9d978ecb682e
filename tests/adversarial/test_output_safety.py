"""Data text is always data: inert in every output format, whatever it contains."""

from __future__ import annotations

import csv
import io
import json
from email import message_from_bytes, policy
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import Repo, run

PAYLOADS = [
    "[bold red]Ola[/bold red]",
    "<script>alert('x')</script>",
    '=HYPERLINK("http://evil")',
    "+SUM(1)",
    "|cell| injection|",
    "::error file=x::forged",
    "{{ 7 * 7 }} {% raw %}",
    "Ola\nBcc: evil@example.com",
    'Åse Ødegård "Mæland" & co',
]
LEADER = "data/people/harald-heggland.yaml"
DEC = "data/meetings/2026/2026-12-10-ssu.md"


def _name(repo: Repo, payload: str) -> None:
    escaped = json.dumps(payload, ensure_ascii=False)
    repo.edit(LEADER, "name: Harald Heggland", f"name: {escaped}")


def _title(repo: Repo, payload: str) -> None:
    escaped = json.dumps(payload, ensure_ascii=False)
    repo.edit(DEC, "title: Eventuelt", f"title: {escaped}")


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if "\n" not in p])
def test_console_prints_data_literally(repo: Repo, payload: str) -> None:
    escaped = json.dumps(payload, ensure_ascii=False)
    repo.edit("data/parties/helse-fonna.yaml", "name: Helse Fonna HF", f"name: {escaped}")
    out = run("secretariat", "show", repo=repo).stdout
    assert f"{payload} holds the secretariat" in out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_console_text_is_not_markup(repo: Repo, payload: str) -> None:
    _name(repo, payload)
    out = run("status", repo=repo).stdout + run("actions", repo=repo).stdout
    assert "\x1b" not in out
    if "\n" not in payload:
        table = run("meeting", "list", repo=repo).stdout
        assert "\x1b" not in table


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_agenda_escapes(repo: Repo, payload: str) -> None:
    _title(repo, payload)
    html = run("agenda", "2026-12-10-ssu", "--format", "html", repo=repo).stdout
    parser = _Collect()
    parser.feed(html)
    assert "script" not in parser.tags
    assert (
        payload.replace("\n", " ").split("\n")[0][:5] in "".join(parser.text).replace("\n", " ")
        or "<" in payload
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_table_keeps_its_columns(repo: Repo, payload: str) -> None:
    repo.edit(
        "data/parties/haugesund.yaml",
        "name: Haugesund",
        f"name: {json.dumps(payload, ensure_ascii=False)}",
    )
    md = run("agreements", "status", "--format", "md", repo=repo).stdout
    rows = [line for line in md.splitlines() if line.startswith("| 1106")]
    assert len(rows) == 1
    header = md.splitlines()[0]
    unescaped = rows[0].replace("\\|", "")
    assert unescaped.count("|") == header.count("|")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cells_are_inert(repo: Repo, payload: str) -> None:
    repo.edit(
        "data/parties/haugesund.yaml",
        "name: Haugesund",
        f"name: {json.dumps(payload, ensure_ascii=False)}",
    )
    out = run("agreements", "status", "--format", "csv", repo=repo).stdout
    for row in csv.reader(io.StringIO(out)):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_github_annotations_cannot_be_forged(repo: Repo, payload: str) -> None:
    repo.edit(LEADER, "party: haugesund", f"party: {json.dumps(payload, ensure_ascii=False)}")
    out = run("validate", "--format", "github", repo=repo).stdout
    count = len(run("validate", "--format", "json", repo=repo).json()["problems"])
    lines = out.splitlines()
    assert len(lines) == count  # a line break in data can never start a second command
    for line in lines:
        assert line.startswith(("::error file=", "::warning file="))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_invitation_email_and_calendar(repo: Repo, tmp_path: Path, payload: str) -> None:
    _title(repo, payload)
    repo.edit(
        DEC,
        "location: Haugesund sjukehus, møterom Fonna",
        f"location: {json.dumps(payload, ensure_ascii=False)}",
    )
    result = run("invite", "2026-12-10-ssu", "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 0, result.stderr
    message = message_from_bytes((tmp_path / "invitation.eml").read_bytes(), policy=policy.default)
    assert message["Bcc"] is None
    assert set(message.keys()) <= {
        "X-Unsent",
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "MIME-Version",
        "Content-Type",
    }
    from icalendar import Calendar

    cal = Calendar.from_ical((tmp_path / "invitation.ics").read_bytes())
    event = next(c for c in cal.walk() if c.name == "VEVENT")
    assert str(event["location"]) == payload


@pytest.mark.parametrize("payload", ["Ola\nBcc: evil@example.com", "Ola\rBcc: x"])
def test_hostile_names_never_reach_headers(repo: Repo, tmp_path: Path, payload: str) -> None:
    _name(repo, payload)
    result = run("invite", "2026-12-10-ssu", "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 1
    assert not (tmp_path / "invitation.eml").exists()


def test_template_syntax_in_data_is_text(repo: Repo) -> None:
    _title(repo, "{{ 7 * 7 }}")
    md = run("agenda", "2026-12-10-ssu", repo=repo).stdout
    assert "{{ 7 * 7 }}" in md and "49" not in md


def test_escaped_terminal_sequence_in_a_value_is_refused(repo: Repo) -> None:
    repo.edit(LEADER, "name: Harald Heggland", 'name: "Harald \\e[31mred"')
    result = run("validate", "--format", "json", repo=repo)
    found = [p for p in result.json()["problems"] if p["file"] == LEADER]
    assert found[0]["code"] == "HF103" and "U+001B" in found[0]["message"]
