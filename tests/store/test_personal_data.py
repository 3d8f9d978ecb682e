"""Personal data that does not belong in the repository is found, and never repeated."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfctl.store.personal_data import identity_number_kind
from tests.conftest import Repo, problems, run

PERSON = "data/people/ola-testmann.yaml"
W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def make_number(first9: str) -> str | None:
    digits = [int(c) for c in first9]
    k1 = (11 - sum(d * w for d, w in zip(digits, W1, strict=True)) % 11) % 11
    if k1 == 10:
        return None
    digits.append(k1)
    k2 = (11 - sum(d * w for d, w in zip(digits, W2, strict=True)) % 11) % 11
    if k2 == 10:
        return None
    return "".join(map(str, digits)) + str(k2)


def valid(prefix: str) -> str:
    for individual in range(100, 999):
        number = make_number(prefix + str(individual))
        if number:
            return number
    raise AssertionError("no valid number")


FNR = valid("150385")
DNR = valid("550385")


def test_control_digits() -> None:
    assert identity_number_kind(FNR) == "fødselsnummer"
    assert identity_number_kind(DNR) == "D-number"
    broken = FNR[:-1] + str((int(FNR[-1]) + 1) % 10)
    assert identity_number_kind(broken) is None
    assert identity_number_kind("32018512345") is None


@pytest.mark.parametrize("shown", [FNR, f"{FNR[:6]} {FNR[6:]}", DNR])
def test_identity_number_is_an_error_that_never_repeats_it(repo: Repo, shown: str) -> None:
    repo.write(
        PERSON,
        f"id: ola-testmann\nname: Ola Testmann\nparty: haugesund\ntitle: Rådgjevar ({shown})\n",
    )
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code == 1
    found = [p for p in problems(result) if p["code"] == "HF500"]
    assert [(p["file"], p["line"], p["column"]) for p in found] == [(PERSON, 4, 19)]
    assert FNR not in result.stdout and DNR not in result.stdout
    assert FNR[6:] not in run("validate", repo=repo).stdout


def test_identity_number_in_a_meeting_body(repo: Repo) -> None:
    rel = "data/meetings/2026/2026-04-23-ssu.md"
    repo.write(rel, repo.read(rel) + f"\nPasient {FNR} vart nemnd.\n")
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["code"] == "HF500"
    ]
    assert [p["file"] for p in found] == [rel]


@pytest.mark.parametrize("phone", ["+47 412 34 567", "91234567", "0047 98765432"])
def test_mobile_number_is_a_warning(repo: Repo, phone: str) -> None:
    repo.write(
        PERSON, f'id: ola-testmann\nname: Ola Testmann\nparty: haugesund\nphone: "{phone}"\n'
    )
    result = run("validate", "--format", "json", repo=repo)
    found = [p for p in problems(result) if p["code"] == "HF501"]
    assert [(p["severity"], p["line"]) for p in found] == [("warning", 4)]
    assert phone.replace(" ", "")[-6:] not in result.stdout.replace(" ", "")


def test_references_and_dates_are_not_phone_numbers(repo: Repo) -> None:
    found = problems(run("validate", "--format", "json", repo=repo))
    assert not {p["code"] for p in found} & {"HF500", "HF501"}


def test_found_again_when_the_file_comes_from_the_cache(repo: Repo) -> None:
    repo.write(
        PERSON,
        f"id: ola-testmann\nname: Ola Testmann\nparty: haugesund\ntitle: Rådgjevar ({FNR})\n",
    )
    assert [p["code"] for p in problems(run("validate", "--format", "json", repo=repo))].count(
        "HF500"
    ) == 1
    # another file changes: the report is made again, the person file is read from the cache
    other = "data/people/anne-rod.yaml"
    repo.write(other, repo.read(other) + "# merknad\n")
    result = run("validate", "--format", "json", repo=repo)
    assert [(p["file"], p["line"]) for p in problems(result) if p["code"] == "HF500"] == [
        (PERSON, 4)
    ]


def test_found_in_a_revision_and_left_out_of_diff(repo: Repo) -> None:
    repo.write(
        PERSON,
        f"id: ola-testmann\nname: Ola Testmann\nparty: haugesund\ntitle: Rådgjevar ({FNR})\n",
    )
    repo.commit("a number that must not be here")
    repo.write(PERSON, repo.read(PERSON).replace(f" ({FNR})", ""))
    assert not [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["code"] == "HF500"
    ]
    at = run("validate", "--at", "HEAD", "--format", "json", repo=repo)
    assert [(p["file"], p["line"]) for p in problems(at) if p["code"] == "HF500"] == [(PERSON, 4)]
    shown = run("diff", "HEAD~1", "HEAD", "--format", "json", repo=repo)
    assert shown.exit_code == 0 and FNR not in shown.stdout
    assert "Rådgjevar (15•••••••••)" in shown.stdout


def test_nothing_is_published_or_sent_from_data_holding_one(repo: Repo, tmp_path: Path) -> None:
    rel = "data/people/anne-rod.yaml"
    repo.write(rel, repo.read(rel).replace("\nname:", f"\n# fnr {FNR}\nname:", 1))
    for argv in (
        ["site", "build", "-o", str(tmp_path / "site")],
        ["invite", "2026-12-10-ssu", "-o", str(tmp_path / "invite")],
    ):
        result = run(*argv, repo=repo)
        assert result.exit_code == 1, argv
        assert "HF500" in result.stderr and FNR not in result.stderr + result.stdout
    assert not (tmp_path / "site").exists() and not (tmp_path / "invite").exists()


def test_diff_is_the_same_with_and_without_the_cache(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = "data/people/anne-rod.yaml"
    repo.write(rel, repo.read(rel) + f"# notat {FNR}\n")
    run("validate", repo=repo)  # fills the cache, HF500 included
    cached = run("diff", "HEAD", "--format", "json", repo=repo)
    monkeypatch.setenv("HFCTL_NO_CACHE", "1")
    fresh = run("diff", "HEAD", "--format", "json", repo=repo)
    assert cached.exit_code == fresh.exit_code == 0
    assert cached.json() == fresh.json() == []


def test_diff_masks_a_number_in_a_file_name(repo: Repo) -> None:
    rel = f"data/people/{FNR}.yaml"
    repo.write(rel, "id: x\nname: [\n")
    for fmt in ("json", "md", "text"):
        result = run("diff", "HEAD", "--format", fmt, repo=repo)
        assert FNR not in result.stdout + result.stderr, fmt
        assert f"data/people/{FNR[:2]}" in result.stdout, fmt
