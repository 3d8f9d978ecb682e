"""`hfctl status`: true figures from the bundled data, one screen, and JSON that says the same."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY, Repo, run


def test_the_figures_are_those_of_the_data(repo: Repo) -> None:
    data = run("status", "--format", "json", repo=repo).json()
    assert data["today"] == TODAY
    (sec,) = data["secretariat"]
    assert (sec["holder"], sec["next_holder"], sec["next_from"]) == (
        "helse-fonna",
        "helseleiarnettverket",
        "2028-01-01",
    )
    assert sec["days_to_handover"] == (dt.date(2028, 1, 1) - dt.date.fromisoformat(TODAY)).days
    dates = [m["date"] for m in data["meetings"]]
    assert dates == sorted(dates) and all(d > TODAY for d in dates)
    late = {m["meeting"] for m in data["meetings"] if m["late"]}
    assert late == {
        m["meeting"]
        for m in data["meetings"]
        if m["notice_deadline"] < TODAY and m["agenda"] != "invitation sent"
    }
    assert "2026-12-03-fsu-helseberedskap" in late
    overordna = next(s for s in data["signing"] if s["agreement"] == "overordna-samarbeidsavtale")
    assert (overordna["version"], overordna["signed"], overordna["total"]) == ("2026", 9, 16)
    assert len(overordna["missing"]) == 7 and "Kvinnherad" in overordna["missing"]
    assert data["validation"] == {"errors": 0, "warnings": 14}


def test_signing_a_municipality_moves_the_figures(repo: Repo) -> None:
    before = run("status", "--format", "json", repo=repo).json()
    done = run(
        "agreements", "record", "overordna-samarbeidsavtale", "kvinnherad", "signed",
        "--date", TODAY, repo=repo,
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    after = run("status", "--format", "json", repo=repo).json()
    row = next(s for s in after["signing"] if s["agreement"] == "overordna-samarbeidsavtale")
    old = next(s for s in before["signing"] if s["agreement"] == "overordna-samarbeidsavtale")
    assert row["signed"] == old["signed"] + 1 and "Kvinnherad" not in row["missing"]


@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_text_says_what_the_json_says_on_one_screen(
    repo: Repo, columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    data = run("status", "--format", "json", repo=repo).json()
    text = run("status", repo=repo).stdout
    assert len(text.splitlines()) <= 50  # one terminal screen
    flat = " ".join(text.split())
    sec = data["secretariat"][0]
    assert f"{sec['holder_name']} holds the SSU secretariat" in flat
    handover = f"{sec['next_from']}, in {sec['days_to_handover']} days"
    assert f"{sec['next_holder_name']} from {handover}" in flat
    for m in data["meetings"]:
        row = next(line for line in text.splitlines() if m["date"] in line and m["start"] in line)
        assert m["notice_deadline"] in row and m["agenda"] in row
        assert ("LATE" in row) == m["late"]
    for s in data["signing"]:
        if s["signed"] < s["total"]:
            assert f"{s['signed']}/{s['total']}" in flat
            assert all(name in flat for name in s["missing"])
    complete = sum(s["signed"] == s["total"] for s in data["signing"])
    assert f"{complete} of {len(data['signing'])} agreements signed by all" in flat
    for term in data["expiring_terms"]:
        assert term["name"] in flat
    for action in data["overdue_actions"]:
        assert action["id"] in flat and action["due"] in flat
    v = data["validation"]
    assert f"Validation: {v['errors']} errors, {v['warnings']} warnings" in flat


def test_without_a_terminal_there_is_no_colour_or_escape(repo: Repo) -> None:
    text = run("status", repo=repo).stdout
    assert "\x1b" not in text
