"""Approved minutes are locked: a change to the attendance, a decision or a declared conflict
of interest of a meeting whose approval is in the last commit is refused by `hfctl validate`
(tested through git, like issued case numbers)."""

from __future__ import annotations

from typing import Any

from tests.conftest import Repo, problems, run

APRIL = "data/meetings/2026/2026-04-23-ssu.md"  # approved in 2026-06-11-ssu
NOVEMBER = "data/meetings/2026/2026-11-19-ssu.md"  # to be approved on 10 December
DECEMBER = "data/meetings/2026/2026-12-10-ssu.md"


def _locked(repo: Repo) -> list[dict[str, Any]]:
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code in (0, 1), result.stderr
    return [p for p in problems(result) if p["code"] == "HF382"]


def test_a_changed_decision_of_approved_minutes_is_refused(repo: Repo) -> None:
    line = repo.edit(
        APRIL,
        "decision: Referatet vart godkjent utan merknader.",
        "decision: Referatet vart godkjent med merknader.",
    )
    found = _locked(repo)
    assert [(p["file"], p["line"]) for p in found] == [(APRIL, line)], found
    assert "2026-06-11-ssu" in found[0]["message"]
    assert run("validate", repo=repo).exit_code == 1


def test_changed_attendance_and_conflicts_are_refused_after_a_commit_too(repo: Repo) -> None:
    repo.edit(APRIL, "  apologies:\n", "  apologies:\n    - lars-netland\n")
    found = _locked(repo)
    assert len(found) == 1 and "attendance" in found[0]["message"]
    repo.commit("change approved minutes")  # committed anyway (no hook): now it is the state
    assert _locked(repo) == []
    text = repo.read(APRIL)
    start = text.index("decision: Innkalling og saksliste vart godkjende.")
    repo.write(
        APRIL,
        text[:start] + "conflicts: [harald-heggland]\n    " + text[start:],
    )
    found = _locked(repo)
    assert len(found) == 1 and "conflicts" in found[0]["message"]


def test_minutes_not_yet_approved_may_change(repo: Repo) -> None:
    repo.edit(
        NOVEMBER,
        "decision: SSU sluttar seg til framlegget i saka.\n    actions:",
        "decision: SSU sluttar seg til framlegget i saka, med ei endring.\n    actions:",
    )
    assert _locked(repo) == []


def test_minutes_corrected_when_approved_in_the_same_change_pass(repo: Repo) -> None:
    # the December meeting is held and approves November's minutes with a correction made in
    # the same change: the approval was not in the last commit, so nothing is locked yet
    repo.edit(DECEMBER, "status: planned", "status: held")
    repo.edit(
        DECEMBER,
        "    refers_to: 2026-11-19-ssu\n",
        "    refers_to: 2026-11-19-ssu\n    decision: Referatet vart godkjent med ei retting.\n",
    )
    repo.edit(
        NOVEMBER,
        "  apologies:\n    - svein-totland\n",
        "  apologies:\n    - svein-totland\n    - knut-aksnes\n",
    )
    repo.edit(NOVEMBER, "    - knut-aksnes\n    - trond-espeland", "    - trond-espeland")
    assert _locked(repo) == []
    repo.commit("December held; November's minutes approved")
    repo.edit(NOVEMBER, "    - knut-aksnes\n", "")
    assert len(_locked(repo)) == 1
