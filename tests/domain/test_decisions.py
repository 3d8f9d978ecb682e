"""Decisions as they are made: consensus, a vote with its count, noted; dissent by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import Repo, git, problems, run

NOV = "2026-11-19-ssu"
NOV_FILE = "data/meetings/2026/2026-11-19-ssu.md"


def front(repo: Repo) -> dict[str, object]:
    """The meeting's front matter as a plain YAML reader sees it (every scalar a string)."""
    text = repo.read(NOV_FILE)
    data: dict[str, object] = yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)
    return data


def case(repo: Repo, number: str) -> dict[str, object]:
    cases = front(repo)["cases"]
    assert isinstance(cases, list)
    found: dict[str, object] = next(c for c in cases if c["number"] == number)
    return found


def decide(repo: Repo, *args: str) -> tuple[int, str]:
    result = run("meeting", "decide", NOV, *args, "--replace", repo=repo)
    return result.exit_code, result.stderr


def test_a_vote_with_its_count_and_a_dissent(repo: Repo) -> None:
    code, err = decide(
        repo, "26", "--text", "SSU vedtek planen.", "--votes", "7-2-1", "--dissent", "Lene Hauge"
    )
    assert code == 0, err
    seat = case(repo, "26")
    assert (seat["decision"], seat["decision_kind"], seat["votes"], seat["dissent"]) == (
        "SSU vedtek planen.",
        "vote",
        {"for": "7", "against": "2", "blank": "1"},
        ["lene-hauge"],
    )
    added = [
        line[1:]
        for line in git(repo.root, "diff", "-U0").splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert added == [
        "    decision: SSU vedtek planen.",
        "    decision_kind: vote",
        "    votes: {for: 7, against: 2, blank: 1}",
        "    dissent: [lene-hauge]",
    ]
    assert not [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == NOV_FILE
    ]
    said = {
        lang: run("minutes", NOV, "--lang", lang, repo=repo).stdout for lang in ("nn", "nb", "en")
    }
    assert "Vedteke etter røysting: 7 for, 2 mot, 1 blanke." in said["nn"]
    assert "Protokolltilførsel: usemje frå: Lene Hauge" in said["nn"]
    assert "Vedtatt etter avstemning: 7 for, 2 mot, 1 blanke." in said["nb"]
    assert "Decided by vote: 7 for, 2 against, 1 blank." in said["en"]
    assert "Dissent entered in the minutes by: Lene Hauge" in said["en"]
    html = run("minutes", NOV, "--lang", "en", "--format", "html", repo=repo).stdout
    assert re.search(r"<p>Decided by vote: 7 for, 2 against, 1 blank\.</p>", html)


def test_consensus_and_noted(repo: Repo) -> None:
    assert decide(repo, "25", "--text", "Planen er vedteken.", "--kind", "consensus")[0] == 0
    assert (
        decide(repo, "27", "--text", "Rapporten vart teken til orientering.", "--kind", "noted")[0]
        == 0
    )
    assert case(repo, "25")["decision_kind"] == "consensus" and "votes" not in case(repo, "25")
    assert case(repo, "27")["decision_kind"] == "noted"
    minutes = run("minutes", NOV, "--lang", "nn", repo=repo).stdout
    assert "Vedteke ved konsensus." in minutes
    # replacing a vote by consensus leaves no count behind
    assert decide(repo, "26", "--text", "A.", "--votes", "5-4")[0] == 0
    assert case(repo, "26")["votes"] == {"for": "5", "against": "4", "blank": "0"}
    assert decide(repo, "26", "--text", "A.", "--kind", "consensus")[0] == 0
    assert "votes" not in case(repo, "26")


@pytest.mark.parametrize(
    ("args", "exit_code", "said"),
    [
        (("--kind", "vote"), 2, "gives its count"),
        (("--votes", "7-x"), 2, "not for-against-blank"),
        (("--kind", "consensus", "--votes", "7-2"), 2, "only for a vote"),
        (("--kind", "ballot"), 2, "not one of consensus, vote, noted"),
        (("--dissent", "svein-totland"), 1, "not recorded as present"),
    ],
)
def test_a_decision_that_did_not_happen_is_refused(
    repo: Repo, args: tuple[str, ...], exit_code: int, said: str
) -> None:
    before = repo.read(NOV_FILE)
    code, err = decide(repo, "26", "--text", "A.", *args)
    assert code == exit_code and said in err, err
    assert repo.read(NOV_FILE) == before


def test_a_count_without_a_vote_is_invalid_data(repo: Repo) -> None:
    case_line = repo.line_of(NOV_FILE, "  - number: 25")
    repo.edit(
        NOV_FILE,
        "    decision: SSU sluttar seg til framlegget i saka.\n  - number: 26",
        "    decision: SSU sluttar seg til framlegget i saka.\n"
        "    decision_kind: consensus\n    votes: {for: 1, against: 0}\n  - number: 26",
    )
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == NOV_FILE
    ]
    assert [p["code"] for p in found] == ["HF203"]
    assert (
        "only for a case decided by vote" in found[0]["message"] and found[0]["line"] == case_line
    )


def test_the_website_says_how_a_case_was_decided(repo: Repo, tmp_path: Path) -> None:
    assert decide(repo, "26", "--text", "SSU vedtek planen.", "--votes", "7-2-1")[0] == 0
    assert decide(repo, "25", "--text", "Planen er vedteken.", "--kind", "consensus")[0] == 0
    out = tmp_path / "site"
    built = run("site", "build", "-o", str(out), repo=repo)
    assert built.exit_code == 0, built.stderr
    page = (out / f"meeting-{NOV}.html").read_text(encoding="utf-8")
    assert "SSU vedtek planen. (etter røysting (for–mot–blanke) 7-2-1)" in page
    assert "Planen er vedteken. (ved konsensus)" in page
