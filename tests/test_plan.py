"""`hfctl plan YEAR`: the year planned from the data, every hard rule held over the result
(read back from the files with a plain YAML reader, not hfctl's models), and the checks on
any plan, each with a failing and a passing case."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import PROJECT, Repo, git, problems, run

PLAN_DAY = "2026-12-01"
YEAR = 2027
# Norwegian public holidays of 2027, written out (not read from the holidays package)
HOLIDAYS_2027 = {
    dt.date(2027, 1, 1),
    dt.date(2027, 3, 25),
    dt.date(2027, 3, 26),
    dt.date(2027, 3, 28),
    dt.date(2027, 3, 29),
    dt.date(2027, 5, 1),
    dt.date(2027, 5, 6),
    dt.date(2027, 5, 16),
    dt.date(2027, 5, 17),
    dt.date(2027, 12, 25),
    dt.date(2027, 12, 26),
}
FSU = [
    "fsu-barn-og-unge",
    "fsu-fleire-kroniske-lidingar",
    "fsu-helseberedskap",
    "fsu-psykisk-helse-og-rus",
    "fsu-skropelege-eldre",
]


def _yaml(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _time(value: Any) -> dt.time:
    return dt.time.fromisoformat(str(value))


class Data:
    """The repository read with a plain YAML reader: forums, parties, meetings, calendars."""

    def __init__(self, root: Path) -> None:
        data = root / "data"
        self.forums = {p.stem: _yaml(p.read_text("utf-8")) for p in (data / "forums").glob("*")}
        self.parties = {p.stem: _yaml(p.read_text("utf-8")) for p in (data / "parties").glob("*")}
        self.calendars = [_yaml(p.read_text("utf-8")) for p in (data / "calendars").glob("*")]
        self.meetings: dict[str, dict[str, Any]] = {}
        for path in (data / "meetings").rglob("*.md"):
            front = path.read_text("utf-8").split("---\n")[1]
            self.meetings[path.stem] = _yaml(front)

    def year(self, year: int) -> dict[str, dict[str, Any]]:
        return {
            k: m
            for k, m in self.meetings.items()
            if _date(m["date"]).year == year and m.get("status") != "cancelled"
        }

    def people(self, forum: str, day: dt.date) -> set[str]:
        out = set()
        for m in self.forums[forum].get("members", []):
            to = m.get("to")
            if _date(m["from"]) <= day and (to is None or day <= _date(to)):
                out.add(m["person"])
        return out

    def counties(self, forum: str, day: dt.date) -> set[str]:
        out = set()
        for m in self.forums[forum].get("members", []):
            to = m.get("to")
            if not (_date(m["from"]) <= day and (to is None or day <= _date(to))):
                continue
            if "represents" not in m:
                continue  # a user representative's seat represents no municipality
            for n in self.parties[m["represents"]].get("numbers", []):
                n_to = n.get("to")
                if _date(n["from"]) <= day and (n_to is None or day <= _date(n_to)):
                    out.add(str(n["number"])[:2])
        return out

    def days_off(self, county: str | None) -> set[dt.date]:
        out = set()
        for cal in self.calendars:
            if cal.get("county") == county:
                for b in cal["breaks"]:
                    day = _date(b["from"])
                    while day <= _date(b["to"]):
                        out.add(day)
                        day += dt.timedelta(days=1)
        return out


def plan(repo: Repo, *args: str) -> Any:
    return run("plan", str(YEAR), "--today", PLAN_DAY, *args, repo=repo)


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Repo, Data, Data, str]:
    """The bundled data with `hfctl plan 2027 --commit` run once: (repo, before, after,
    the command's output)."""
    import shutil

    root = tmp_path_factory.mktemp("plan") / "repo"
    shutil.copytree(PROJECT / "data", root / "data")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial data")
    repo = Repo(root)
    before = Data(root)
    result = plan(repo, "--commit")
    assert result.exit_code == 0, result.stderr
    return repo, before, Data(root), result.stdout + result.stderr


def _new(before: Data, after: Data) -> dict[str, dict[str, Any]]:
    return {k: m for k, m in after.meetings.items() if k not in before.meetings}


def test_dry_run_writes_nothing_and_shows_the_year(repo: Repo) -> None:
    result = plan(repo, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert git(repo.root, "status", "--porcelain") == ""
    assert result.stdout.count("+++ b/data/meetings/2027/") == 47
    assert "Møteplan 2027: 48 møte (47 nye)" in result.stdout
    assert "dry run: Meeting plan 2027: 47 meetings for 14 bodies" in result.stdout


def test_commit_is_one_commit_of_new_files_that_validates(
    committed: tuple[Repo, Data, Data, str],
) -> None:
    repo, _before, _after, _out = committed
    assert git(repo.root, "rev-list", "--count", "HEAD") == "2\n"
    changed = git(repo.root, "show", "--name-status", "--format=", "HEAD").splitlines()
    assert len(changed) == 47 and all(line.startswith("A\tdata/meetings/2027/") for line in changed)
    assert git(repo.root, "status", "--porcelain") == ""
    validated = run("validate", "--format", "json", "--today", PLAN_DAY, repo=repo)
    assert validated.exit_code == 0 and validated.json()["errors"] == 0
    diff = run("diff", "HEAD~1", "HEAD", repo=repo)
    assert diff.exit_code == 0 and "møte i SSU 18. februar 2027" in diff.stdout


def test_a_second_run_plans_nothing(committed: tuple[Repo, Data, Data, str]) -> None:
    repo, _before, _after, _out = committed
    result = plan(repo, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "nothing to plan for 2027" in result.stdout
    assert "+++ " not in result.stdout and "Møteplan 2027: 48 møte (0 nye)" in result.stdout


def test_new_meetings_are_planned_with_no_case_numbers(
    committed: tuple[Repo, Data, Data, str],
) -> None:
    _repo, before, after, _out = committed
    for meeting in _new(before, after).values():
        assert meeting["status"] == "planned"
        assert "agenda_issued" not in meeting
        assert meeting["cases"] and all("number" not in c for c in meeting["cases"])
        assert meeting["cases"][-1]["title"] == "Eventuelt"


def test_existing_meetings_are_never_moved(committed: tuple[Repo, Data, Data, str]) -> None:
    _repo, before, after, _out = committed
    assert {k: after.meetings[k] for k in before.meetings} == before.meetings
    assert not any(k.endswith("partnerskapsmotet") for k in _new(before, after))


def test_each_body_holds_its_meetings_a_year(committed: tuple[Repo, Data, Data, str]) -> None:
    _repo, _before, after, out = committed
    counts: dict[str, int] = defaultdict(int)
    for meeting in after.year(YEAR).values():
        counts[meeting["forum"]] += 1
    for forum_id, forum in after.forums.items():
        if "cadence" in forum:
            assert counts[forum_id] == forum["meetings_per_year"], forum_id
    assert "Alle reglar er haldne." in out


def test_no_holiday_weekend_or_blocked_day(committed: tuple[Repo, Data, Data, str]) -> None:
    _repo, before, after, _out = committed
    blocked = after.days_off(None)
    for meeting in _new(before, after).values():
        day = _date(meeting["date"])
        assert day.weekday() < 5 and day not in HOLIDAYS_2027 and day not in blocked, meeting


def test_no_school_break_of_the_members_counties(committed: tuple[Repo, Data, Data, str]) -> None:
    _repo, before, after, _out = committed
    for meeting in _new(before, after).values():
        day = _date(meeting["date"])
        counties = after.counties(meeting["forum"], day)
        assert counties, meeting["forum"]
        for county in counties:
            assert day not in after.days_off(county), (meeting["forum"], day, county)


def test_no_member_in_two_meetings_at_once(committed: tuple[Repo, Data, Data, str]) -> None:
    _repo, _before, after, _out = committed
    by_day: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    for meeting in after.year(YEAR).values():
        by_day[_date(meeting["date"])].append(meeting)
    for day, meetings in by_day.items():
        for i, a in enumerate(meetings):
            for b in meetings[i + 1 :]:
                a_span = (_time(a["start"]), _time(a["end"]))
                b_span = (_time(b["start"]), _time(b["end"]))
                if a_span[0] < b_span[1] and b_span[0] < a_span[1]:
                    shared = after.people(a["forum"], day) & after.people(b["forum"], day)
                    assert not shared, (day, a["forum"], b["forum"], shared)


def test_helseleiarnettverket_meets_10_to_21_days_before_each_ssu(
    committed: tuple[Repo, Data, Data, str],
) -> None:
    _repo, _before, after, _out = committed
    meetings = after.year(YEAR).values()
    hln = [_date(m["date"]) for m in meetings if m["forum"] == "helseleiarnettverket"]
    ssu = [_date(m["date"]) for m in meetings if m["forum"] == "ssu"]
    assert len(ssu) == 5
    for day in ssu:
        assert any(10 <= (day - h).days <= 21 for h in hln), day


def test_fsu_meet_in_one_week_one_a_day(committed: tuple[Repo, Data, Data, str]) -> None:
    _repo, before, after, _out = committed
    weeks: dict[int, list[dt.date]] = defaultdict(list)
    for meeting in _new(before, after).values():
        if meeting["forum"] in FSU:
            day = _date(meeting["date"])
            weeks[day.isocalendar()[1]].append(day)
    assert len(weeks) == 4
    for days in weeks.values():
        assert len(days) == 5 and len(set(days)) == 5


def test_notice_reachable_from_the_planning_day(committed: tuple[Repo, Data, Data, str]) -> None:
    _repo, before, after, _out = committed
    today = dt.date.fromisoformat(PLAN_DAY)
    for meeting in _new(before, after).values():
        notice = after.forums[meeting["forum"]]["notice_days"]
        assert _date(meeting["date"]) - dt.timedelta(days=notice) >= today


def test_the_soft_rules_spread_and_preferred_weekdays(
    committed: tuple[Repo, Data, Data, str],
) -> None:
    _repo, before, after, _out = committed
    names = ("mon", "tue", "wed", "thu", "fri")
    for meeting in _new(before, after).values():
        wanted = after.forums[meeting["forum"]]["cadence"].get("weekdays", [])
        assert not wanted or names[_date(meeting["date"]).weekday()] in wanted, meeting
    ssu = sorted(_date(m["date"]) for m in after.year(YEAR).values() if m["forum"] == "ssu")
    assert [d.month for d in ssu] == [2, 4, 6, 9, 11]


def test_same_data_same_plan_byte_for_byte(repo: Repo, golden: Callable[[str, str], None]) -> None:
    first = plan(repo, "--dry-run", "-f", "md")
    second = plan(repo, "--dry-run", "-f", "md")
    assert first.exit_code == 0 and first.stdout == second.stdout
    # the repository is named by its path (a temporary folder): the rest is the plan
    text = first.stdout.replace(str(repo.root), "<repo>")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert digest == "b71b5fc5985e301ba28f01cf70a1ce08d17914a79ab9bd8cb4ee008e7815ee98", digest
    overview = first.stdout[first.stdout.index("# Møteplan 2027") :]
    golden("plan/plan-2027.md", overview)


def test_ics_holds_every_planned_meeting(repo: Repo, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    assert plan(repo, "--dry-run", "-f", "ics", "-o", str(target)).exit_code == 0
    text = target.read_bytes().decode("utf-8").replace("\r\n ", "")
    starts = re.findall(r"^DTSTART;TZID=Europe/Oslo:(\d{8})T(\d{4})", text, re.M)
    assert len(starts) == text.count("BEGIN:VEVENT") == 48
    assert ("20270218", "1000") in starts and ("20271021", "1000") in starts


class _Grid(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.months = 0
        self.meetings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section" and "month" in classes:
            self.months += 1
        if tag == "span" and "m" in classes and dict(attrs).get("title"):
            self.meetings.append(str(dict(attrs)["title"]).split()[0])


def test_html_arshjul_is_twelve_months_with_every_meeting(repo: Repo, tmp_path: Path) -> None:
    target = tmp_path / "arshjul.html"
    assert plan(repo, "--dry-run", "-f", "html", "-o", str(target)).exit_code == 0
    grid = _Grid()
    grid.feed(target.read_text("utf-8"))
    assert grid.months == 12
    assert len(grid.meetings) == 48 and "2027-10-21-partnerskapsmotet" in grid.meetings


def test_only_the_named_bodies(repo: Repo) -> None:
    result = plan(repo, "--dry-run", "--forum", "ssu")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("+++ b/data/meetings/2027/") == 5
    assert "Meeting plan 2027: 5 meetings for 1 bodies" in result.stdout


def test_a_meeting_made_by_hand_is_kept_and_counted(repo: Repo) -> None:
    rel = _meeting(repo, "ssu", "2027-04-22", "10:00", "14:00")
    repo.commit("SSU in April, by hand")
    result = plan(repo, "--dry-run", "--forum", "ssu")
    assert result.exit_code == 0, result.stderr
    new = re.findall(r"^\+\+\+ b/data/meetings/2027/(\S+)-ssu\.md$", result.stdout, re.M)
    assert len(new) == 4 and not any(d.startswith("2027-04") for d in new), new
    assert rel not in result.stdout


@pytest.mark.parametrize(("avoid", "expected"), [("false", "2027-10-14"), ("true", "2027-10-07")])
def test_preferred_week_and_school_breaks_opted_out(repo: Repo, avoid: str, expected: str) -> None:
    """FOUSAM once, in October, preferring week 41 (Rogaland's autumn break in the data): it
    meets that week only if its cadence says it need not avoid school breaks; else the nearest
    Thursday outside it (week 40 is Vestland's break, but FOUSAM's members are all from
    Rogaland)."""
    rel = "data/forums/fousam.yaml"
    repo.edit(rel, "meetings_per_year: 4", "meetings_per_year: 1")
    repo.edit(
        rel,
        "  months: [2, 5, 9, 12]\n",
        f"  months: [10]\n  weeks: [41]\n  avoid_school_breaks: {avoid}\n",
    )
    result = plan(repo, "--dry-run", "--forum", "fousam")
    assert result.exit_code == 0, result.stderr
    assert re.findall(r"^\+\+\+ b/data/meetings/2027/(\S+)\.md$", result.stdout, re.M) == [
        f"{expected}-fousam"
    ]


def test_a_sixth_body_in_a_week_of_five_days_is_planned_on_its_own(repo: Repo) -> None:
    repo.edit("data/forums/fellesmote.yaml", "  places:\n", "  group: fsu\n  places:\n")
    result = plan(repo, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "fsu-skropelege-eldre: group: more than five bodies of group 'fsu'" in result.stderr
    made = re.findall(r"^\+\+\+ b/data/meetings/2027/[\d-]{11}(\S+)\.md$", result.stdout, re.M)
    assert made.count("fsu-skropelege-eldre") == 4 and made.count("fellesmote") == 2


def test_an_unmet_rule_is_explained(repo: Repo) -> None:
    repo.edit(
        "data/forums/helseleiarnettverket.yaml", "meetings_per_year: 6", "meetings_per_year: 3"
    )
    result = plan(repo, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "helseleiarnettverket: before: no meeting 10–21 days before SSU on" in result.stderr
    assert "its 3 meetings a year are all placed" in result.stderr
    assert "Reglar som ikkje kunne haldast:" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("2028",), 1, "the school breaks of 2028 are not in the data for"),
        (("2025",), 1, "2025 has passed"),
        (("2027", "--forum", "nope"), 1, "no forum 'nope'"),
        (("2027", "-f", "html"), 2, "give -o FILE"),
        (("2027", "-f", "pdf", "-o", "x.pdf"), 2, "is not one of"),
    ],
)
def test_refusals(repo: Repo, args: tuple[str, ...], code: int, message: str) -> None:
    result = run("plan", *args, "--today", PLAN_DAY, "--dry-run", repo=repo)
    assert result.exit_code == code and message in result.stderr, result.stderr


def test_cadence_limits_are_located_errors(repo: Repo) -> None:
    rel = "data/forums/helseleiarnettverket.yaml"
    repo.edit(rel, "    min_days: 10", "    min_days: 30")
    line = repo.line_of(rel, "  before:")
    found = problems(run("validate", "--format", "json", repo=repo))
    assert any(
        p["code"] == "HF203"
        and p["file"] == rel
        and p["line"] == line
        and "min_days 30" in p["message"]
        for p in found
    ), found


# -- the checks on any plan: each fails on its mistake and passes without it --

MEETING = """---
forum: {forum}
date: {date}
start: "{start}"
end: "{end}"
location: Teams
status: planned
cases:
  - title: Eventuelt
    type: other
---
"""


def _meeting(repo: Repo, forum: str, date: str, start: str = "10:00", end: str = "12:00") -> str:
    rel = f"data/meetings/{date[:4]}/{date}-{forum}.md"
    repo.write(rel, MEETING.format(forum=forum, date=date, start=start, end=end))
    return rel


def _codes(repo: Repo, code: str, today: str = PLAN_DAY) -> list[dict[str, Any]]:
    result = run("validate", "--format", "json", "--today", today, repo=repo)
    return [p for p in problems(result) if p["code"] == code]


def test_hf440_meeting_in_a_school_break(repo: Repo) -> None:
    rel = _meeting(repo, "fousam", "2027-10-13")  # Rogaland's autumn break in the data
    found = _codes(repo, "HF440")
    assert [p["file"] for p in found] == [rel]
    assert "autumn school break of Rogaland" in found[0]["message"]
    repo.path(rel).unlink()
    _meeting(repo, "fousam", "2027-10-28")
    assert _codes(repo, "HF440") == []


def test_hf441_member_in_two_meetings_at_once(repo: Repo) -> None:
    rel = _meeting(repo, "ssu", "2026-12-03", "10:00", "11:30")  # HLN meets 09:00-12:00
    found = _codes(repo, "HF441")
    assert [p["file"] for p in found] == [rel] and found[0]["severity"] == "error"
    assert run("validate", "--today", PLAN_DAY, repo=repo).exit_code == 1
    _meeting(repo, "ssu", "2026-12-03", "15:00", "16:00")  # after both that day
    assert _codes(repo, "HF441") == []


def test_hf442_no_preparing_meeting_before_ssu(repo: Repo) -> None:
    found = _codes(repo, "HF442")
    assert [p["file"] for p in found] == ["data/meetings/2026/2026-12-10-ssu.md"]
    _meeting(repo, "helseleiarnettverket", "2026-11-26", "09:00", "12:00")
    assert _codes(repo, "HF442") == []


def test_hf443_notice_no_longer_reachable(repo: Repo) -> None:
    rel = "data/meetings/2026/2026-12-03-fsu-helseberedskap.md"
    assert rel in [p["file"] for p in _codes(repo, "HF443", "2026-11-24")]
    assert rel not in [p["file"] for p in _codes(repo, "HF443", "2026-11-10")]


def test_hf444_calendar_county_unknown(repo: Repo) -> None:
    rel = "data/calendars/school-breaks-rogaland-2027.yaml"
    assert _codes(repo, "HF444") == []
    line = repo.edit(rel, 'county: "11"', 'county: "99"')
    found = _codes(repo, "HF444")
    assert [(p["file"], p["line"]) for p in found] == [(rel, line)]


def test_hf445_next_years_school_breaks_missing(repo: Repo) -> None:
    found = _codes(repo, "HF445", "2027-09-01")
    assert sorted(p["file"] for p in found) == ["data/calendars/school-breaks-rogaland-2028.yaml"]
    assert _codes(repo, "HF445", "2027-08-31") == []
    assert _codes(repo, "HF445", "2026-09-01") == []  # 2027 is recorded
