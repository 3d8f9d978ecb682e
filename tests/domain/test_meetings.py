"""Meetings: new, cases and numbering, agenda, invitations (calendar, e-mail, recipients)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Repo, git, run, smtp_server

DEC = "2026-12-10-ssu"


def _ics(path: Path) -> Any:
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def _event(cal: Any) -> Any:
    return next(c for c in cal.walk() if c.name == "VEVENT")


def test_new_meeting_file_has_opening_and_closing_cases(repo: Repo) -> None:
    result = run(
        "meeting",
        "new",
        "ssu",
        "--date",
        "2027-02-11",
        "--start",
        "10:00",
        "--end",
        "14:00",
        "--location",
        "Stord sjukehus",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    from hfctl.store.loader import load

    meeting = load(repo.root).meetings["2027-02-11-ssu"]
    assert [c.title for c in meeting.cases] == [
        "Godkjenning av innkalling og saksliste",
        "Godkjenning av referat frå møtet 10. desember 2026",
        "Eventuelt",
    ]
    assert meeting.cases[1].refers_to == DEC
    assert run("validate", repo=repo).exit_code == 0


@pytest.mark.parametrize(
    ("date", "warning"),
    [
        ("2027-01-02", "Saturday"),
        ("2027-05-17", "public holiday"),
        ("2026-12-01", "notice period of 14 days"),
        ("2026-11-12", "in the past (today is 2026-11-24)"),
        ("2027-12-28", "romjul"),
        ("2027-03-23", "Holy Week"),
        ("2027-02-11", "the usual length of SSU's meetings"),
    ],
)
def test_new_meeting_warns(repo: Repo, date: str, warning: str) -> None:
    result = run(
        "meeting",
        "new",
        "ssu",
        "--date",
        date,
        "--start",
        "10:00",
        "--location",
        "Teams",
        "--dry-run",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    assert warning in result.stderr


def test_new_meeting_clashing_with_shared_members_is_refused(repo: Repo) -> None:
    """Two meetings sharing members at overlapping times are an error (HF441), so the write
    path refuses the clash that meeting new used to warn about only."""
    result = run(
        "meeting",
        "new",
        "ssu",
        "--date",
        "2026-12-03",
        "--start",
        "10:00",
        "--location",
        "Teams",
        "--dry-run",
        repo=repo,
    )
    assert result.exit_code == 1
    assert "HF441" in result.stderr and "2026-12-03-helseleiarnettverket" in result.stderr


def test_spring_dst_gap_is_refused(repo: Repo) -> None:
    result = run(
        "meeting",
        "new",
        "ssu",
        "--date",
        "2027-03-28",
        "--start",
        "02:30",
        "--location",
        "Teams",
        repo=repo,
    )
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not repo.path("data/meetings/2027/2027-03-28-ssu.md").exists()


def test_case_numbers_stay_when_a_case_is_added_after_issue(repo: Repo) -> None:
    run(
        "meeting",
        "new",
        "ssu",
        "--date",
        "2027-02-11",
        "--start",
        "10:00",
        "--location",
        "X",
        repo=repo,
    )
    repo.commit("new meeting")
    mid = "2027-02-11-ssu"
    assert (
        run(
            "meeting", "case", "add", mid, "--title", "Budsjett", "--type", "decision", repo=repo
        ).exit_code
        == 0
    )
    repo.commit("case")
    assert run("agenda", mid, "--issue", repo=repo).exit_code == 0
    repo.commit("issued")
    from hfctl.store.loader import load

    before = [(c.title, c.number) for c in load(repo.root).meetings[mid].cases]
    assert [n for _, n in before] == [1, 2, 3, 4]
    result = run(
        "meeting",
        "case",
        "add",
        mid,
        "--title",
        "Seint innmeld sak",
        "--type",
        "orientation",
        repo=repo,
    )
    assert result.exit_code == 0 and "Sak 05/27" in result.stdout
    after = [(c.title, c.number) for c in load(repo.root).meetings[mid].cases]
    assert [a for a in after if a[0] != "Seint innmeld sak"] == before
    assert ("Seint innmeld sak", 5) in after
    assert run("validate", repo=repo).exit_code == 0


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_agenda_golden(repo: Repo, golden: Callable[[str, str], None], lang: str, fmt: str) -> None:
    result = run("agenda", DEC, "--lang", lang, "--format", fmt, repo=repo)
    assert result.exit_code == 0, result.stderr
    golden(f"agenda/{DEC}.{lang}.{fmt}", result.stdout)


def test_agenda_shows_where_a_case_was_prepared(repo: Repo) -> None:
    text = run("agenda", "2026-04-23-ssu", repo=repo).stdout
    assert "Førebudd i Helseleiarnettverket torsdag 9. april 2026." in text


def test_agenda_escapes_hostile_titles(repo: Repo) -> None:
    rel = f"data/meetings/2026/{DEC}.md"
    repo.write(
        rel, repo.read(rel).replace("title: Eventuelt", 'title: "<script>alert(1)</script> & co"')
    )
    html = run("agenda", DEC, "--format", "html", repo=repo).stdout
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_invite_writes_three_files_that_parse(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "inv"
    result = run("invite", DEC, "-o", str(out), repo=repo)
    assert result.exit_code == 0, result.stderr
    cal = _ics(out / "invitation.ics")
    assert str(cal["method"]) == "REQUEST"
    event = _event(cal)
    assert str(event["uid"]) == f"{DEC}@helse-fonna.hfctl"
    assert event.decoded("dtstart").tzinfo is not None
    assert any(c.name == "VTIMEZONE" and str(c["tzid"]) == "Europe/Oslo" for c in cal.walk())
    assert str(event["organizer"]).startswith("mailto:") and "helse-fonna.no" in str(
        event["organizer"]
    )
    attendees = [str(a) for a in event.get("attendee")]
    message = message_from_bytes((out / "invitation.eml").read_bytes(), policy=policy.default)
    to = [a.addr_spec for a in message["To"].addresses]
    assert sorted(to) == sorted(a.removeprefix("mailto:") for a in attendees)
    assert len(to) == len(set(to))
    attachments = [part.get_filename() for part in message.iter_attachments()]
    assert attachments == ["invitation.ics"]
    assert message.get_body(("html",)) is not None and message.get_body(("plain",)) is not None
    rows = (out / "recipients.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "person,name,email,reason,deputy" and len(rows) - 1 >= len(to)


def test_moving_keeps_uid_and_raises_sequence(repo: Repo, tmp_path: Path) -> None:
    first = tmp_path / "a"
    run("invite", DEC, "-o", str(first), repo=repo)
    result = run("meeting", "move", DEC, "--date", "2026-12-11", "--location", "Teams", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert not repo.path(f"data/meetings/2026/{DEC}.md").exists()
    repo.commit("moved")
    second = tmp_path / "b"
    assert run("invite", "2026-12-11-ssu", "-o", str(second), repo=repo).exit_code == 0
    one, two = _event(_ics(first / "invitation.ics")), _event(_ics(second / "invitation.ics"))
    assert str(one["uid"]) == str(two["uid"])
    assert int(two["sequence"]) > int(one["sequence"])
    assert str(two["location"]) == "Teams"
    assert run("validate", repo=repo).exit_code == 0


def test_cancelled_meeting_gives_cancel(repo: Repo, tmp_path: Path) -> None:
    assert run("meeting", "cancel", DEC, repo=repo).exit_code == 0
    run("invite", DEC, "-o", str(tmp_path), repo=repo)
    cal = _ics(tmp_path / "invitation.ics")
    assert str(cal["method"]) == "CANCEL"
    assert str(_event(cal)["status"]) == "CANCELLED"


def test_fellesmote_reaches_everyone_once(repo: Repo) -> None:
    from hfctl.domain.invitees import invitees
    from hfctl.store.loader import load

    ds = load(repo.root)
    meeting = ds.meetings["2026-03-19-fellesmote"]
    people = invitees(ds, meeting)
    ids = [p.person for p in people]
    assert len(ids) == len(set(ids))
    leaders = {p.id for p in ds.people.values() if "health-leadership" in p.functions}
    directors = {c.director for c in ds.parties["helse-fonna"].clinics}
    ssu = {m.person for m in ds.forums["ssu"].members_on(meeting.date) if m.role != "deputy"}
    assert leaders <= set(ids) and directors <= set(ids) and ssu <= set(ids)
    assert len(leaders) == 16


def test_hostile_name_cannot_inject_headers(repo: Repo, tmp_path: Path) -> None:
    rel = "data/people/harald-heggland.yaml"
    repo.write(
        rel,
        repo.read(rel).replace(
            "name: Harald Heggland", 'name: "Harald\\r\\nBcc: evil@example.com"'
        ),
    )
    result = run("invite", DEC, "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 1
    assert "line break" in result.stderr or "control or invisible character" in result.stderr
    assert not (tmp_path / "invitation.eml").exists()


@pytest.fixture(name="smtp")
def _smtp() -> Iterator[tuple[int, list[Any]]]:
    with smtp_server() as found:
        yield found


def test_send_through_a_local_smtp_server(
    repo: Repo,
    tmp_path: Path,
    smtp: tuple[int, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port, received = smtp
    monkeypatch.setenv("HFCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("HFCTL_SMTP_PORT", str(port))
    monkeypatch.setenv("HFCTL_SMTP_STARTTLS", "0")
    result = run("invite", DEC, "-o", str(tmp_path), "--send", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert len(received) == 1
    envelope = received[0]
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert sorted(envelope.rcpt_tos) == sorted(a.addr_spec for a in message["To"].addresses)


def test_meeting_list_json(repo: Repo) -> None:
    rows = run("meeting", "list", "--forum", "ssu", "--json", repo=repo).json()
    assert [r["meeting"] for r in rows][-1] == DEC
    assert all(r["forum"] == "ssu" for r in rows)
    assert git(repo.root, "status", "--porcelain") == ""


def test_meeting_list_starts_today_unless_all_or_from(repo: Repo) -> None:
    coming = run("meeting", "list", "--today", "2026-12-01", "--format", "json", repo=repo).json()
    every = run("meeting", "list", "--all", "--format", "json", repo=repo).json()
    assert coming and all(m["date"] >= "2026-12-01" for m in coming)
    assert [m for m in every if m["date"] >= "2026-12-01"] == coming
    assert every[0]["date"] < "2026-02-01" and len(every) > len(coming)
    since = run(
        "meeting", "list", "--from", "2026-01-01", "--to", "2026-01-31", "--json", repo=repo
    )
    assert [m["date"] for m in since.json()] == [every[0]["date"]]
    both = run("meeting", "list", "--all", "--from", "2026-01-01", repo=repo)
    assert both.exit_code == 2 and "--all or --from" in both.stderr
    text = run("meeting", "list", "--today", "2026-12-01", repo=repo).stdout
    assert text.startswith(f"{len(coming)} meetings from 2026-12-01")
    assert "FSU personar med fleire kroniske lidingar" in text and "fsu-barn-og-unge" not in text


@pytest.mark.parametrize(
    "command", [["meeting", "list", "--all"], ["inform", "list"], ["log", "--since", "2026-11-01"]]
)
def test_format_json_and_the_old_json_flag_say_the_same(repo: Repo, command: list[str]) -> None:
    new = run(*command, "--format", "json", repo=repo)
    old = run(*command, "--json", repo=repo)
    assert new.exit_code == old.exit_code == 0, new.stderr + old.stderr
    assert new.json() == old.json()
    assert "--json" not in run(*command, "--help", repo=repo).stdout  # kept, not advertised


def test_renumbering_an_issued_case_is_reported_from_history(repo: Repo) -> None:
    rel = f"data/meetings/2026/{DEC}.md"
    text = repo.read(rel)
    text = (
        text.replace("  - number: 31\n", "  - number: 99\n")
        .replace("  - number: 32\n", "  - number: 31\n")
        .replace("  - number: 99\n", "  - number: 32\n")
    )
    repo.write(rel, text)
    result = run("validate", "--format", "json", repo=repo)
    found = [p for p in result.json()["problems"] if p["code"] == "HF380"]
    assert len(found) == 2 and all(p["file"] == rel for p in found)
    assert result.exit_code == 1


def test_reusing_an_issued_number_is_reported(repo: Repo) -> None:
    rel = f"data/meetings/2026/{DEC}.md"
    repo.write(
        rel,
        repo.read(rel).replace(
            "title: Oppnemning av medlemmer til FSU-a for 2027–2028", "title: Ei heilt anna sak"
        ),
    )
    found = [p["code"] for p in run("validate", "--format", "json", repo=repo).json()["problems"]]
    assert "HF381" in found


def test_invitation_files_golden(
    repo: Repo, tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    assert run("invite", DEC, "-o", str(tmp_path), repo=repo).exit_code == 0
    golden(f"invite/{DEC}.ics", (tmp_path / "invitation.ics").read_text().replace("\r\n", "\n"))
    golden(
        f"invite/{DEC}.recipients.csv",
        (tmp_path / "recipients.csv").read_text().replace("\r\n", "\n"),
    )
    message = message_from_bytes((tmp_path / "invitation.eml").read_bytes(), policy=policy.default)
    body = message.get_body(("plain",))
    assert body is not None
    golden(f"invite/{DEC}.eml.txt", body.get_content().replace("\r\n", "\n"))


def test_no_end_time_takes_the_usual_length_never_an_invented_one(
    repo: Repo, tmp_path: Path
) -> None:
    mid = "2027-02-11-ssu"
    new = ["meeting", "new", "ssu", "--date", "2027-02-11", "--start", "09:00", "--location", "X"]
    assert run(*new, repo=repo).exit_code == 0
    assert run("agenda", mid, "--issue", repo=repo).exit_code == 0
    assert run("invite", mid, "-o", str(tmp_path), repo=repo).exit_code == 0
    event = _event(_ics(tmp_path / "invitation.ics"))
    # SSU meets 10:00-14:00: four hours from nine is one o'clock, not an invented 11:00
    assert event.decoded("dtend").strftime("%H:%M") == "13:00"
