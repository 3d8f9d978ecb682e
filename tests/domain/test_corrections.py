"""Correcting an issued case's title: it keeps its number, the old title and reason are kept."""

from __future__ import annotations

from pathlib import Path

import yaml

from hfctl.checks.renumbering import compare
from tests.builder import Build
from tests.conftest import Repo, git, problems, run

DEC = "2026-12-10-ssu"
DEC_FILE = f"data/meetings/2026/{DEC}.md"
OLD = "Oppnemning av medlemmer til FSU-a for 2027–2028"
NEW = "Oppnemning av medlemmer til FSU-a for 2027–2029"


def cases(repo: Repo) -> list[dict[str, object]]:
    front = repo.read(DEC_FILE).split("---\n")[1]
    found: list[dict[str, object]] = yaml.load(front, Loader=yaml.BaseLoader)["cases"]
    return found


def correct(repo: Repo, *more: str) -> tuple[int, str]:
    result = run(
        "meeting",
        "case",
        "edit",
        DEC,
        "31",
        "--title",
        NEW,
        *more,
        "--today",
        "2026-11-25",
        repo=repo,
    )
    return result.exit_code, result.stderr


def test_an_issued_title_is_corrected_and_keeps_its_number(repo: Repo) -> None:
    refused, err = correct(repo)
    assert refused == 1 and "was issued" in err
    code, err = correct(repo, "--correction", "Feil periode i tittelen")
    assert code == 0, err
    (case,) = [c for c in cases(repo) if c["number"] == "31"]
    assert case["title"] == NEW
    assert case["corrections"] == [
        {"title": OLD, "reason": "Feil periode i tittelen", "on": "2026-11-25"}
    ]
    assert [c["number"] for c in cases(repo)] == ["29", "30", "31", "32", "33", "34"]
    found = problems(run("validate", "--format", "json", repo=repo))
    assert not [p for p in found if p["code"] in ("HF380", "HF381", "HF201", "HF203")]
    git(repo.root, "commit", "-qam", "title corrected")
    said = run("diff", "HEAD~1", "HEAD", "--lang", "en", repo=repo)
    assert said.exit_code == 0, said.stderr
    assert f"Sak 31/26: title corrected from '{OLD}' to '{NEW}' (Feil periode i tittelen)" in (
        said.stdout
    )


def test_a_title_changed_by_hand_without_its_correction_is_still_a_reuse(repo: Repo) -> None:
    repo.write(DEC_FILE, repo.read(DEC_FILE).replace(f"title: {OLD}", f"title: {NEW}"))
    found = [p["code"] for p in problems(run("validate", "--format", "json", repo=repo))]
    assert "HF381" in found


def test_a_correction_needs_an_issued_case_a_title_and_a_reason(repo: Repo) -> None:
    before = repo.read(DEC_FILE)
    assert correct(repo, "--correction", " ")[0] == 2
    no_title = run(
        "meeting",
        "case",
        "edit",
        DEC,
        "31",
        "--type",
        "orientation",
        "--correction",
        "x",
        repo=repo,
    )
    assert no_title.exit_code == 2
    assert repo.read(DEC_FILE) == before


def test_the_renumbering_check_accepts_a_recorded_correction(tmp_path: Path) -> None:
    def issued(root: Path, title: str, corrections: list[dict[str, str]] | None) -> Build:
        b = Build(root).person("kari").forum("ssu").member("ssu", "kari")
        b.meeting("ssu", "2026-04-23", agenda_issued="2026-04-01")
        b.case("ssu", "2026-04-23", title, number=1, type="orientation", corrections=corrections)
        return b.case("ssu", "2026-04-23", "B", number=2, type="orientation")

    before = issued(tmp_path / "a", "Sak med skrivefeil", None).load()
    fixed = [{"title": "Sak med skrivefeil", "reason": "Skrivefeil", "on": "2026-04-02"}]
    corrected = issued(tmp_path / "b", "Sak utan skrivefeil", fixed)
    assert compare(before, corrected.load()) == [] and corrected.problems() == []
    unrecorded = issued(tmp_path / "c", "Sak utan skrivefeil", None).load()
    assert [p.code for p in compare(before, unrecorded)] == ["HF381"]
