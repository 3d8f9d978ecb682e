"""Calendars read back by independent parsers: ical.js (Thunderbird, Nextcloud; from npm) and
vobject (Radicale). Each places every meeting of every invitation and every feed the bundled
data gives at the UTC instant its Oslo time is (by the system's tz database), winter and
summer and on both switch days, from the file's own VTIMEZONE alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hfctl.documents import invite, site
from hfctl.models.meeting import Meeting
from hfctl.store.loader import Dataset, load
from tests.conftest import NOW, PROJECT, Repo, run
from tests.readers import ical_js

OSLO = ZoneInfo("Europe/Oslo")
WRITTEN = dt.datetime.fromisoformat(NOW)
STAMP = WRITTEN.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _data() -> Dataset:
    return load(PROJECT, cache=False)


def _utc(day: dt.date, time: dt.time) -> str:
    moment = dt.datetime.combine(day, time, tzinfo=OSLO).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _expected(meeting: Meeting) -> tuple[str, str]:
    start = dt.datetime.combine(meeting.date, meeting.start, tzinfo=OSLO)
    end = meeting.end or (start + dt.timedelta(hours=2)).time()
    return _utc(meeting.date, meeting.start), _utc(meeting.date, end)


def _vobject(path: Path) -> list[dict[str, Any]]:
    """The events as vobject reads them, with its time zone registry emptied first: vobject
    keeps the first VTIMEZONE it saw for a TZID, which would hide this file's own."""
    import vobject
    import vobject.icalendar

    vars(vobject.icalendar)["__tzidMap"].clear()
    cal = vobject.readOne(path.read_text(encoding="utf-8"))
    events = []
    for event in cal.contents.get("vevent", []):
        start, end = event.dtstart.value, event.dtend.value
        for value in (start, end):  # the file's own VTIMEZONE (vobject falls back to pytz)
            assert value.utcoffset() == dt.timedelta(0) or "vtz" in type(value.tzinfo).__name__
        events.append(
            {
                "uid": event.uid.value,
                "sequence": int(event.sequence.value),
                "start": start.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "end": end.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "dtstamp": event.dtstamp.value.strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        )
    return events


def _invitations(ds: Dataset, folder: Path) -> dict[Path, Meeting]:
    out = {}
    for meeting in sorted(ds.meetings.values(), key=lambda m: m.id):
        path = folder / f"{meeting.id}.ics"
        path.write_bytes(invite.calendar(ds, meeting, "nn", WRITTEN))
        out[path] = meeting
    return out


def _check(ds: Dataset, files: dict[Path, list[Meeting]]) -> None:
    """Both readers agree with the data's Oslo times, the uid and the sequence."""
    read = ical_js(*files)
    for path, meetings in files.items():
        want = [
            {
                "uid": m.uid or f"{m.id}@{ds.community.id if ds.community else 'hfctl'}.hfctl",
                "sequence": m.sequence,
                "start": _expected(m)[0],
                "end": _expected(m)[1],
                "dtstamp": STAMP,
            }
            for m in meetings
        ]
        by_ical_js = [
            {k: e[k] for k in ("uid", "sequence", "start", "end", "dtstamp")}
            for e in read[str(path)]["events"]
        ]
        assert read[str(path)]["timezones"] == ["Europe/Oslo"], path.name
        assert all(e["tzid"] == "Europe/Oslo" for e in read[str(path)]["events"]), path.name
        assert by_ical_js == want, path.name
        assert _vobject(path) == want, path.name


def test_every_invitation_is_read_at_its_oslo_time(tmp_path: Path) -> None:
    ds = _data()
    files = _invitations(ds, tmp_path)
    assert len(files) == len(ds.meetings) > 40
    _check(ds, {path: [meeting] for path, meeting in files.items()})


def test_every_feed_is_read_at_its_oslo_times(tmp_path: Path) -> None:
    ds = _data()
    files: dict[Path, list[Meeting]] = {}
    for name, data in site.calendars(ds, "nn", WRITTEN).items():
        path = tmp_path / name
        path.write_bytes(data)
        forum = name.removeprefix("calendar-").removesuffix(".ics")
        files[path] = sorted(
            (m for m in ds.meetings.values() if m.forum == forum), key=lambda m: m.id
        )
    assert sum(len(m) for m in files.values()) > 40
    _check(ds, files)


@pytest.mark.parametrize(
    ("meeting", "start", "end"),
    [
        # winter: Oslo is UTC+1
        ("2026-01-29-helseleiarnettverket", "2026-01-29T08:00:00Z", None),
        # summer: Oslo is UTC+2 (ical.js and vobject read 09:00Z from the old list of dates)
        ("2026-06-11-ssu", "2026-06-11T08:00:00Z", "2026-06-11T12:00:00Z"),
    ],
)
def test_january_and_june_at_the_right_minute(
    tmp_path: Path, meeting: str, start: str, end: str | None
) -> None:
    ds = _data()
    path = tmp_path / "invitation.ics"
    path.write_bytes(invite.calendar(ds, ds.meetings[meeting], "nn", WRITTEN))
    for event in (ical_js(path)[str(path)]["events"][0], _vobject(path)[0]):
        assert event["start"] == start
        if end:
            assert event["end"] == end


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        # the spring switch, 2027-03-28: 02:00 CET becomes 03:00 CEST
        ("2027-03-28", "01:30", "04:00"),
        ("2027-03-28", "10:00", "12:00"),
        # the autumn switch, 2026-10-25: 03:00 CEST becomes 02:00 CET
        ("2026-10-25", "01:30", "04:00"),
        ("2026-10-25", "10:00", "12:00"),
        ("2026-10-25", "02:30", "03:30"),  # comes twice: the first (RFC 5545), in UTC
        ("2026-03-28", "23:00", "23:30"),  # the evening before a switch
        ("2027-10-31", "03:30", "05:00"),  # the hour after the switch, a year on
    ],
)
def test_switch_days(tmp_path: Path, day: str, start: str, end: str) -> None:
    ds = _data()
    base = ds.meetings["2026-12-10-ssu"]
    meeting = base.model_copy(
        update={
            "date": dt.date.fromisoformat(day),
            "start": dt.time.fromisoformat(start),
            "end": dt.time.fromisoformat(end),
        }
    )
    path = tmp_path / "invitation.ics"
    path.write_bytes(invite.calendar(ds, meeting, "nn", WRITTEN))
    want = _expected(meeting)
    for event in (ical_js(path)[str(path)]["events"][0], _vobject(path)[0]):
        assert (event["start"], event["end"]) == want


def test_the_vtimezone_matches_the_tz_database_every_hour_for_twenty_years() -> None:
    """vobject's reading of hfctl's VTIMEZONE gives the offset zoneinfo gives, every hour of
    2026 to 2045 (so every switch, both ways)."""
    import vobject
    import vobject.icalendar
    from icalendar import Calendar

    from hfctl.formats.ical import oslo_timezone

    vars(vobject.icalendar)["__tzidMap"].clear()
    cal = Calendar()
    cal.add_component(oslo_timezone())
    zone = vobject.readOne(bytes(cal.to_ical()).decode()).vtimezone.gettzinfo()
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    while moment.year < 2046:
        assert moment.astimezone(zone).utcoffset() == moment.astimezone(OSLO).utcoffset(), moment
        moment += dt.timedelta(hours=1)


def test_the_vtimezone_has_rules_not_a_list_of_dates(tmp_path: Path) -> None:
    ds = _data()
    text = invite.calendar(ds, ds.meetings["2026-06-11-ssu"], "nn", WRITTEN).decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    assert "RDATE" not in text and text.count("BEGIN:VTIMEZONE") == 1


def test_dtstamp_is_the_moment_written(repo: Repo, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HFCTL_NOW", "2026-11-25T14:15:16+01:00")
    result = run("invite", "2026-12-10-ssu", "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "invitation.ics"
    event = ical_js(path)[str(path)]["events"][0]
    assert event["dtstamp"] == "2026-11-25T13:15:16Z"
    assert _vobject(path)[0]["dtstamp"] == "2026-11-25T13:15:16Z"


def test_a_bad_now_is_a_usage_error(repo: Repo, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HFCTL_NOW", "2026-11-25T14:15")  # no offset
    result = run("invite", "2026-12-10-ssu", "-o", str(tmp_path), repo=repo)
    assert result.exit_code == 2 and "HFCTL_NOW" in result.stderr


def test_site_feeds_are_stamped_with_the_data_s_last_commit(repo: Repo, tmp_path: Path) -> None:
    from tests.conftest import git

    result = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert result.exit_code == 0, result.stderr
    committed = dt.datetime.fromisoformat(git(repo.root, "log", "-1", "--format=%cI").strip())
    path = tmp_path / "site" / "calendar-ssu.ics"
    stamps = {e["dtstamp"] for e in ical_js(path)[str(path)]["events"]}
    assert stamps == {committed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
