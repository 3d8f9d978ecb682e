"""Every step of a meeting a command: held when its day has come, attendance name by name,
actions, and the cases of an agenda before and after it is issued."""

from __future__ import annotations

from tests.conftest import Repo, git, problems, run

SSU = "2026-12-10-ssu"
SSU_FILE = f"data/meetings/2026/{SSU}.md"
HLN = "2026-12-03-helseleiarnettverket"
HLN_FILE = f"data/meetings/2026/{HLN}.md"
DAY = ("--today", "2026-12-10")


def _codes(repo: Repo) -> list[str]:
    return [p["code"] for p in problems(run("validate", "--format", "json", repo=repo))]


def test_attendance_before_the_day_is_refused_and_on_it_marks_held(repo: Repo) -> None:
    early = run("meeting", "attend", SSU, "--present", "harald-heggland", repo=repo)
    assert early.exit_code == 1 and "after today" in early.stderr
    assert git(repo.root, "status", "--porcelain") == ""
    done = run("meeting", "attend", SSU, "--present", "harald-heggland", *DAY, repo=repo)
    assert done.exit_code == 0, done.stderr
    assert "status: held" in repo.read(SSU_FILE) and "meeting held" in done.stdout
    assert run("validate", *DAY, repo=repo).exit_code == 0


def test_attend_adds_and_removes_and_never_replaces(repo: Repo) -> None:
    first = run(
        "meeting", "attend", SSU, "--present", "harald-heggland", "--apologies", "ragnhild-hauge",
        "--deputy", "gunnhild-hjelmeland", "--for", "ragnhild-hauge", *DAY, repo=repo,
    )  # fmt: skip
    assert first.exit_code == 0, first.stderr
    second = run("meeting", "attend", SSU, "--present", "svein-totland", *DAY, repo=repo)
    assert second.exit_code == 0, second.stderr
    from hfctl.store.loader import load

    attendance = load(repo.root).meetings[SSU].attendance
    assert attendance is not None
    assert attendance.present == ["harald-heggland", "svein-totland"]  # added, not replaced
    assert attendance.apologies == ["ragnhild-hauge"]
    assert [(d.person, d.for_) for d in attendance.deputies] == [
        ("gunnhild-hjelmeland", "ragnhild-hauge")
    ]
    twice = run("meeting", "attend", SSU, "--present", "harald-heggland", *DAY, repo=repo)
    assert twice.exit_code == 1 and "already recorded present" in twice.stderr
    both = run("meeting", "attend", SSU, "--present", "ragnhild-hauge", *DAY, repo=repo)
    assert both.exit_code == 1 and "already recorded with apologies" in both.stderr
    removed = run(
        "meeting", "attend", SSU, "--remove", "gunnhild-hjelmeland", "--remove",
        "ragnhild-hauge", "--present", "ragnhild-hauge", *DAY, repo=repo,
    )  # fmt: skip
    assert removed.exit_code == 0, removed.stderr
    attendance = load(repo.root).meetings[SSU].attendance
    assert attendance is not None and attendance.deputies == [] and attendance.apologies == []
    assert attendance.present[-1] == "ragnhild-hauge"
    deputy = run(
        "meeting", "attend", SSU, "--deputy", "gunnhild-hjelmeland", "--for", "ragnhild-hauge",
        *DAY, repo=repo,
    )  # fmt: skip
    assert deputy.exit_code == 1 and "recorded present" in deputy.stderr
    unpaired = run("meeting", "attend", SSU, "--deputy", "lars-hamre", *DAY, repo=repo)
    assert unpaired.exit_code == 2 and "--for" in unpaired.stderr


def test_a_contradictory_attendance_written_by_hand_is_an_error(repo: Repo) -> None:
    rel = "data/meetings/2026/2026-11-19-ssu.md"
    repo.edit(rel, "  apologies:\n", "  deputies:\n    - {person: lars-hamre, for: lene-hauge}\n"
              "  apologies:\n")  # fmt: skip
    assert "HF428" in _codes(repo)


def test_decide_marks_held_and_approves_the_minutes(repo: Repo) -> None:
    approved = "Referatet vart godkjent i SSU torsdag 10. desember 2026, Sak 30/26."
    assert approved not in run("minutes", "2026-11-19-ssu", repo=repo).stdout
    early = run("meeting", "decide", SSU, "30", "--text", "Godkjent.", repo=repo)
    assert early.exit_code == 1 and "after today" in early.stderr
    approve = run("meeting", "decide", SSU, "30", "--text", "Referatet vart godkjent.", *DAY,
                  repo=repo)  # fmt: skip
    assert approve.exit_code == 0, approve.stderr
    assert "the minutes of 2026-11-19-ssu are approved" in approve.stdout
    assert "status: held" in repo.read(SSU_FILE)
    from hfctl.domain.followup import minutes_approval
    from hfctl.store.loader import load

    ds = load(repo.root)
    found = minutes_approval(ds, ds.meetings["2026-11-19-ssu"])
    assert found is not None and found[0].id == SSU and found[1].number == 30
    assert approved in run("minutes", "2026-11-19-ssu", *DAY, repo=repo).stdout


def test_actions_add(repo: Repo) -> None:
    early = run("actions", "add", SSU, "31", "--what", "X", "--responsible", "ssu",
                "--due", "2027-03-01", repo=repo)  # fmt: skip
    assert early.exit_code == 1
    result = run(
        "actions", "add", SSU, "31", "--what", "Sende oppnemningane til FSU-a",
        "--responsible", "steinar-ostebo", "--due", "2027-01-15", *DAY, repo=repo,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "ssu-2026-05" in result.stdout
    listed = run("actions", "--format", "json", *DAY, repo=repo).json()
    assert any(a["id"] == "ssu-2026-05" and a["case"] == "Sak 31/26" for a in listed)
    assert run("validate", *DAY, repo=repo).exit_code == 0
    bad = run("actions", "add", SSU, "31", "--what", "X", "--responsible", "nobody",
              "--due", "2027-01-15", *DAY, repo=repo)  # fmt: skip
    assert bad.exit_code == 1 and "no forum, party or person" in bad.stderr
    late = run("actions", "add", SSU, "31", "--what", "X", "--responsible", "ssu",
               "--due", "2026-12-01", *DAY, repo=repo)  # fmt: skip
    assert late.exit_code == 1 and "not after the meeting" in late.stderr


def test_cases_edit_remove_and_move_before_the_agenda_is_issued(repo: Repo) -> None:
    edit = run("meeting", "case", "edit", HLN, "Informasjon frå Statsforvaltaren",
               "--title", "Orientering frå Statsforvaltaren", "--reference", "2026/77-1",
               repo=repo)  # fmt: skip
    assert edit.exit_code == 0, edit.stderr
    move = run("meeting", "case", "move", HLN, "4", "--before", "3", repo=repo)
    assert move.exit_code == 0, move.stderr
    remove = run("meeting", "case", "remove", HLN, "Kommunale representantar til FSU-a 2027–2028",
                 repo=repo)  # fmt: skip
    assert remove.exit_code == 0, remove.stderr
    from hfctl.store.loader import load

    titles = [c.title for c in load(repo.root).meetings[HLN].cases]
    assert titles[2:] == ["Orientering frå Statsforvaltaren", "Eventuelt"]
    assert "reference: 2026/77-1" in repo.read(HLN_FILE)
    assert run("validate", repo=repo).exit_code == 0
    # the steps ran one after the other with no commit between them
    assert git(repo.root, "status", "--porcelain").split() == ["M", HLN_FILE]


def test_after_issue_a_case_is_only_withdrawn_and_keeps_its_number(repo: Repo) -> None:
    removed = run("meeting", "case", "remove", SSU, "32", repo=repo)
    assert removed.exit_code == 1 and "withdraw it instead" in removed.stderr
    moved = run("meeting", "case", "move", SSU, "32", "--before", "31", repo=repo)
    assert moved.exit_code == 1
    renamed = run("meeting", "case", "edit", SSU, "32", "--title", "Anna", repo=repo)
    assert renamed.exit_code == 1
    withdrawn = run("meeting", "case", "withdraw", SSU, "32", "--commit", repo=repo)
    assert withdrawn.exit_code == 0, withdrawn.stderr
    text = repo.read(SSU_FILE)
    assert "  - number: 32\n    title: Status for signering" in text and "withdrawn: true" in text
    assert "(trekt)" in run("agenda", SSU, repo=repo).stdout
    assert run("validate", repo=repo).exit_code == 0


def test_a_case_prepared_in_the_network_is_forwarded_to_ssu(repo: Repo) -> None:
    needs = run("meeting", "case", "add", SSU, "--title", "Felles legevaktplan",
                "--type", "decision", "--needs-preparation", repo=repo)  # fmt: skip
    assert needs.exit_code == 0, needs.stderr
    assert "HF429" in _codes(repo)
    wrong = run("meeting", "case", "forward", SSU, "31", "--to", HLN, repo=repo)
    assert wrong.exit_code == 1 and "no Helseleiarnettverket meeting" in wrong.stderr
    result = run("meeting", "case", "forward", HLN, "Kommunale representantar til FSU-a 2027–2028",
                 "--to", SSU, repo=repo)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    from hfctl.store.loader import load

    case = next(c for c in load(repo.root).meetings[SSU].cases if c.prepared_in == HLN)
    assert case.title == "Kommunale representantar til FSU-a 2027–2028" and case.number == 36
    assert "Førebudd i" in run("agenda", SSU, repo=repo).stdout
    again = run("meeting", "case", "forward", HLN, "3", "--to", SSU, repo=repo)
    assert again.exit_code == 1 and "already has" in again.stderr


def test_a_duplicate_case_title_is_a_warning(repo: Repo) -> None:
    result = run("meeting", "case", "add", HLN, "--title", "Informasjon frå Statsforvaltaren",
                 "--type", "orientation", repo=repo)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "HF385" in _codes(repo)


def test_holding_a_meeting_with_no_invitation_recorded_warns(repo: Repo) -> None:
    result = run("meeting", "attend", HLN, "--present", "trond-espeland", "--today",
                 "2026-12-03", repo=repo)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert f"no invitation to {HLN} is recorded" in result.stdout + result.stderr
    invited = run("meeting", "attend", SSU, "--present", "harald-heggland", *DAY, repo=repo)
    assert "no invitation" not in invited.stdout + invited.stderr


def test_the_minutes_do_not_say_a_withdrawn_case_was_noted(repo: Repo) -> None:
    assert run("meeting", "case", "withdraw", SSU, "32", repo=repo).exit_code == 0
    assert run("meeting", "attend", SSU, "--present", "harald-heggland", *DAY,
               repo=repo).exit_code == 0  # fmt: skip
    text = run("minutes", SSU, *DAY, repo=repo).stdout
    part = text.split("## Sak 32/26", 1)[1].split("## ", 1)[0]
    assert "(trekt)" in part and "Teke til orientering" not in part
