"""Decisions, attendance, minutes and follow-up actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Repo, git, problems, run

APR = "2026-04-23-ssu"
APR_FILE = "data/meetings/2026/2026-04-23-ssu.md"
NOV_FILE = "data/meetings/2026/2026-11-19-ssu.md"


def changed_lines(repo: Repo) -> tuple[list[str], list[str]]:
    lines = [
        line
        for line in git(repo.root, "diff", "-U0").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return (
        [line[1:] for line in lines if line.startswith("+")],
        [line[1:] for line in lines if line.startswith("-")],
    )


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_minutes_golden(
    repo: Repo, golden: Callable[[str, str], None], lang: str, fmt: str
) -> None:
    result = run("minutes", APR, "--lang", lang, "--format", fmt, repo=repo)
    assert result.exit_code == 0, result.stderr
    golden(f"minutes/{APR}.{lang}.{fmt}", result.stdout)


def test_minutes_of_a_planned_meeting_are_refused(repo: Repo) -> None:
    result = run("minutes", "2026-12-10-ssu", repo=repo)
    assert result.exit_code == 1
    assert "has not been held" in result.stderr


def test_decide_is_one_line_in_one_file(repo: Repo) -> None:
    from hfctl.store.loader import load

    meeting = load(repo.root).meetings["2026-11-19-ssu"]
    case = next(c for c in meeting.cases if c.type == "orientation")
    result = run(
        "meeting",
        "decide",
        "2026-11-19-ssu",
        str(case.number),
        "--text",
        "SSU tek rapporten til orientering.",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    assert git(repo.root, "diff", "--name-only").split() == [NOV_FILE]
    added, removed = changed_lines(repo)
    assert added == ["    decision: SSU tek rapporten til orientering."]
    assert removed == []


def test_decide_on_a_meeting_not_held_is_refused(repo: Repo) -> None:
    before = repo.read("data/meetings/2026/2026-12-10-ssu.md")
    result = run("meeting", "decide", "2026-12-10-ssu", "30", "--text", "Vedteke.", repo=repo)
    assert result.exit_code == 1
    assert "after today" in result.stderr and "once the meeting has been held" in result.stderr
    assert repo.read("data/meetings/2026/2026-12-10-ssu.md") == before


def test_decide_refuses_to_overwrite_without_replace(repo: Repo) -> None:
    before = repo.read(APR_FILE)
    result = run("meeting", "decide", APR, "08/26", "--text", "Anna.", repo=repo)
    assert result.exit_code == 1 and "--replace" in result.stderr
    assert repo.read(APR_FILE) == before


def test_close_action_is_a_small_diff(repo: Repo) -> None:
    result = run("actions", "done", "ssu-2026-02", "--date", "2026-11-20", repo=repo)
    assert result.exit_code == 0, result.stderr
    added, removed = changed_lines(repo)
    assert sorted(a.strip() for a in added) == ["closed: 2026-11-20", "status: done"]
    assert [r.strip() for r in removed] == ["status: open"]
    listed = run("actions", "--overdue", "--format", "json", repo=repo).json()
    assert "ssu-2026-02" not in [a["id"] for a in listed]


@pytest.mark.parametrize(
    ("action", "date", "reason"),
    [
        ("ssu-2026-01", "2026-11-20", "already done"),
        ("ssu-2026-02", "2030-01-01", "in the future"),
        ("ssu-2026-02", "2026-01-01", "before the action was decided"),
        ("nope", "2026-11-20", "no action"),
    ],
)
def test_refused_closing_leaves_files(repo: Repo, action: str, date: str, reason: str) -> None:
    before = repo.read(APR_FILE)
    result = run("actions", "done", action, "--date", date, repo=repo)
    assert result.exit_code == 1
    assert reason in result.stderr
    assert repo.read(APR_FILE) == before


def test_overdue_actions_show_in_status(repo: Repo) -> None:
    data = run("status", "--format", "json", repo=repo).json()
    overdue = {a["id"] for a in data["overdue_actions"]}
    assert overdue == {"ssu-2026-02", "fsu-bu-2026-02"}
    text = run("status", repo=repo).stdout
    assert "Overdue actions (2)" in text and "Følgje opp kommunane til alle har signert" in text


def test_actions_filters(repo: Repo) -> None:
    rows = run("actions", "--forum", "ssu", "--format", "json", repo=repo).json()
    assert {r["forum"] for r in rows} == {"ssu"}
    rows = run("actions", "--responsible", "fousam", "--format", "json", repo=repo).json()
    assert {r["responsible"] for r in rows} == {"fousam"} and len(rows) == 3


def test_attend_records_attendance(repo: Repo) -> None:
    from hfctl.store.loader import load

    ds = load(repo.root)
    forum = ds.forums["fsu-barn-og-unge"]
    # held, minutes not yet approved (June's are: approved minutes are locked, HF382)
    meeting = "2026-10-05-fsu-barn-og-unge"
    members = [m.person for m in forum.members_on(ds.meetings[meeting].date)]
    result = run(
        "meeting",
        "attend",
        meeting,
        "--present",
        members[0],
        "--present",
        members[1],
        "--apologies",
        members[2],
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    attendance = load(repo.root).meetings[meeting].attendance
    assert attendance is not None
    assert attendance.present == members[:2] and attendance.apologies == [members[2]]
    assert run("validate", repo=repo).exit_code == 0


def _validate(repo: Repo) -> list[dict[str, object]]:
    return problems(run("validate", "--format", "json", repo=repo))


def test_checks_on_decisions_and_actions(repo: Repo) -> None:
    text = repo.read(APR_FILE)
    text = text.replace("        due: 2026-10-31", "        due: 2026-04-01")
    text = text.replace(
        "        responsible: fousam\n        due: 2026-05-15",
        "        responsible: nobody\n        due: 2026-05-15",
    )
    text = text.replace("    - knut-aksnes", "    - ola-nordmann")
    repo.write(APR_FILE, text)
    dec = "data/meetings/2026/2026-12-10-ssu.md"
    repo.write(
        dec,
        repo.read(dec).replace(
            "    type: decision\n", "    type: decision\n    decision: For tidleg.\n", 1
        ),
    )
    found = {(p["code"], p["file"]) for p in _validate(repo)}
    assert ("HF424", APR_FILE) in found
    assert ("HF423", APR_FILE) in found
    assert ("HF425", APR_FILE) in found
    assert ("HF420", dec) in found


def test_missing_decisions_and_unapproved_minutes_warn(repo: Repo) -> None:
    text = repo.read(APR_FILE)
    text = "\n".join(line for line in text.splitlines() if "decision: " not in line) + "\n"
    repo.write(APR_FILE, text)
    found = [(p["code"], p["file"]) for p in _validate(repo)]
    assert ("HF421", APR_FILE) in found
    assert ("HF422", "data/meetings/2026/2026-04-23-ssu.md") in found


@pytest.mark.data
def test_bundled_data_has_no_followup_problems(bundled: Path) -> None:
    found = problems(run("validate", "--format", "json", "--repo", str(bundled)))
    assert not {p["code"] for p in found} & {f"HF42{i}" for i in range(8)}


def test_agreement_status_shows_actions_about_it(repo: Repo) -> None:
    result = run("agreements", "status", "tenesteavtale-2", repo=repo)
    assert "Open action ssu-2026-04" in result.stdout
    assert "Revidere tenesteavtale 2" in result.stdout


def test_overdue_actions_stand_on_the_next_agenda_of_their_body(repo: Repo) -> None:
    ssu = run("agenda", "2026-12-10-ssu", repo=repo).stdout
    assert "## Oppfølging av vedtak" in ssu
    assert "Sak 08/26: Følgje opp kommunane til alle har signert avtalen" in ssu
    fsu = run("agenda", "2026-12-14-fsu-barn-og-unge", "--lang", "en", repo=repo).stdout
    assert "## Follow-up of decisions" in fsu and "BUP" in fsu
    assert "Følgje opp kommunane" not in fsu
    run("actions", "done", "ssu-2026-02", "--date", "2026-11-20", repo=repo)
    assert "Oppfølging av vedtak" not in run("agenda", "2026-12-10-ssu", repo=repo).stdout


def test_the_actions_table_names_the_responsible_and_the_forum(repo: Repo) -> None:
    text = run("actions", "--overdue", repo=repo).stdout
    row = next(line for line in text.splitlines() if "ssu-2026-02" in line)
    assert "FOUSAM" in row and "SSU Sak 08/26" in row and "fousam" not in row
