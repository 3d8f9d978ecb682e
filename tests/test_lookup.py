"""Things found as people name them: ids, names and short names, near misses, ambiguity, and
filters that name nothing."""

from __future__ import annotations

import pytest

from hfctl.core.errors import NotFoundError
from hfctl.domain import lookup
from hfctl.store.loader import Dataset, load
from tests.conftest import PROJECT, Repo, run

MEETING = "2026-11-19-ssu"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load(PROJECT, cache=False)  # never writes into the checkout


@pytest.mark.parametrize(
    ("query", "forum"),
    [
        ("ssu", "ssu"),
        ("SSU", "ssu"),
        ("Strategisk samarbeidsutval", "ssu"),
        ("strategisk samarbeidsutvalg", "ssu"),
        ("FSU barn og unge", "fsu-barn-og-unge"),
        ("fsu-barn-og-unge", "fsu-barn-og-unge"),
        ("barn og unge", "fsu-barn-og-unge"),
        ("FSU skropelege eldre", "fsu-skropelege-eldre"),
        ("helseleiarnettverket", "helseleiarnettverket"),
    ],
)
def test_a_forum_by_id_name_or_short_name(ds: Dataset, query: str, forum: str) -> None:
    assert lookup.find_forum(ds, query).id == forum


@pytest.mark.parametrize(
    ("query", "party"),
    [
        ("Karmøy", "karmoy"),
        ("KARMOY", "karmoy"),
        ("1149", "karmoy"),
        ("Helse Fonna", "helse-fonna"),
    ],
)
def test_a_party_by_name_or_number(ds: Dataset, query: str, party: str) -> None:
    assert lookup.find_party(ds, query).id == party


def test_a_person_by_full_name(ds: Dataset) -> None:
    assert lookup.find_person(ds, "Anne Rød").id == "anne-rod"
    assert lookup.find_person(ds, "anne rod").id == "anne-rod"
    assert lookup.find_person(ds, "Fatland").id == "randi-fatland"


def test_a_near_miss_is_answered_with_did_you_mean(ds: Dataset) -> None:
    with pytest.raises(NotFoundError, match=r"no forum 'SUU'; did you mean SSU \(ssu\)\?"):
        lookup.find_forum(ds, "SUU")
    with pytest.raises(NotFoundError, match=r"did you mean Karmøy \(karmoy\)"):
        lookup.find_party(ds, "Karmoyy")
    with pytest.raises(NotFoundError, match=r"did you mean Anne Rød \(anne-rod\)"):
        lookup.find_person(ds, "Ane Rød")


def test_an_ambiguous_name_is_refused_with_the_candidates(ds: Dataset) -> None:
    with pytest.raises(NotFoundError) as found:
        lookup.find_person(ds, "Anne")
    assert "Anne Rød (anne-rod)" in found.value.message
    assert "Anne Svendsen (anne-svendsen)" in found.value.message
    with pytest.raises(NotFoundError, match="Statsforvaltaren i Rogaland"):
        lookup.find_party(ds, "Statsforvaltaren")


def test_two_people_of_one_name_are_told_apart_by_id(repo: Repo) -> None:
    repo.write(
        "data/people/anne-rod-2.yaml",
        "# yaml-language-server: $schema=../../schemas/person.schema.json\n"
        "id: anne-rod-2\nname: Anne Rød\nparty: karmoy\n",
    )
    ds = load(repo.root)
    with pytest.raises(NotFoundError, match=r"Anne Rød \(anne-rod\), Anne Rød \(anne-rod-2\)"):
        lookup.find_person(ds, "Anne Rød")
    assert lookup.find_person(ds, "anne-rod-2").id == "anne-rod-2"


def test_a_meeting_by_id_path_or_forum_and_day(ds: Dataset) -> None:
    assert lookup.find_meeting(ds, "2026-12-10-SSU").id == "2026-12-10-ssu"
    assert lookup.find_meeting(ds, "data/meetings/2026/2026-12-10-ssu.md").id == "2026-12-10-ssu"
    assert lookup.find_meeting(ds, "SSU 10.12.2026").id == "2026-12-10-ssu"
    assert lookup.find_meeting(ds, "2026-12-03 helseleiarnettverket").id == (
        "2026-12-03-helseleiarnettverket"
    )
    with pytest.raises(NotFoundError, match="more than one meeting"):
        lookup.find_meeting(ds, "3.12.2026")
    with pytest.raises(NotFoundError, match="SSU has no meeting on 2026-12-11"):
        lookup.find_meeting(ds, "SSU 11.12.2026")
    with pytest.raises(NotFoundError, match="did you mean 2026-12-10-ssu"):
        lookup.find_meeting(ds, "2026-12-01-ssu")


def test_meeting_new_takes_the_short_name(repo: Repo) -> None:
    result = run(
        "meeting",
        "new",
        "SSU",
        "--date",
        "4.2.2027",
        "--start",
        "10:00",
        "--end",
        "14:00",
        "--location",
        "Stord",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    text = repo.read("data/meetings/2027/2027-02-04-ssu.md")
    assert "forum: ssu\n" in text


@pytest.mark.parametrize(
    "args",
    [
        ("actions", "--forum", "SSX"),
        ("actions", "--responsible", "Nobody Known"),
        ("log", "--forum", "SSX"),
        ("log", "--person", "Nobody Known"),
        ("log", "--agreement", "no-such-agreement"),
        ("meeting", "list", "--forum", "SSX"),
        ("secretariat", "show", "--forum", "SSX"),
    ],
)
def test_a_filter_that_names_nothing_is_an_error(repo: Repo, args: tuple[str, ...]) -> None:
    result = run(*args, repo=repo)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no " in result.stderr


def test_a_filter_by_name_gives_what_the_id_gives(repo: Repo) -> None:
    by_id = run("actions", "--forum", "ssu", "--format", "json", repo=repo).json()
    assert by_id
    assert run("actions", "--forum", "SSU", "--format", "json", repo=repo).json() == by_id
    mine = run("actions", "--responsible", "FOUSAM", "--format", "json", repo=repo).json()
    assert mine and all(a["responsible"] == "fousam" for a in mine)
    log_id = run("log", "--forum", "fousam", "--json", repo=repo).json()
    assert log_id
    assert run("log", "--forum", "FOUSAM", "--json", repo=repo).json() == log_id


def test_present_by_name_is_written_as_the_id(repo: Repo) -> None:
    # the meeting's attendance is recorded already: take the three off, by name, first
    cleared = run(
        "meeting",
        "attend",
        MEETING,
        "--remove",
        "Harald Heggland",
        "--remove",
        "lene hauge",
        "--remove",
        "Ragnhild Hauge",
        "--allow-dirty",
        repo=repo,
    )
    assert cleared.exit_code == 0, cleared.stderr
    result = run(
        "meeting",
        "attend",
        MEETING,
        "--present",
        "Harald Heggland",
        "--present",
        "lene hauge",
        "--apologies",
        "Ragnhild Hauge",
        "--allow-dirty",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    text = repo.read(f"data/meetings/2026/{MEETING}.md")
    assert "    - harald-heggland\n    - lene-hauge\n  apologies:\n" in text
    assert "    - ragnhild-hauge\ncases:" in text


def test_present_unknown_is_answered_in_words(repo: Repo) -> None:
    result = run("meeting", "attend", MEETING, "--present", "Harald Hegland", repo=repo)
    assert result.exit_code == 1
    assert "no person 'Harald Hegland'; did you mean Harald Heggland (harald-heggland)?" in (
        result.stderr
    )
    assert "^" not in result.stderr and "pattern" not in result.stderr


def test_audience_and_prepared_in_by_name(repo: Repo) -> None:
    made = run(
        "inform",
        "new",
        "--title",
        "Test",
        "--source",
        "KS",
        "--received",
        "20.11.2026",
        "--audience",
        "Karmøy",
        "--audience",
        "FSU barn og unge",
        repo=repo,
    )
    assert made.exit_code == 0, made.stderr
    text = repo.read("data/information/2026-11-20-test.md")
    assert "audience:\n  - karmoy\n  - fsu-barn-og-unge\n" in text
    added = run(
        "meeting",
        "case",
        "add",
        "SSU 10.12.2026",
        "--title",
        "Ny sak",
        "--type",
        "decision",
        "--prepared-in",
        "Helseleiarnettverket 5.11.2026",
        repo=repo,
    )
    assert added.exit_code == 0, added.stderr
    assert "prepared_in: 2026-11-05-helseleiarnettverket" in repo.read(
        "data/meetings/2026/2026-12-10-ssu.md"
    )


def test_a_value_that_is_no_id_is_told_in_words(repo: Repo) -> None:
    repo.edit("data/people/anne-rod.yaml", "party: helse-fonna", "party: Helse Fonna")
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code == 1
    (found,) = [p for p in result.json()["problems"] if p["file"] == "data/people/anne-rod.yaml"]
    assert "must be an id: lower-case letters a-z, digits and single hyphens" in found["message"]
    assert "pattern" not in found["message"] and "^" not in found["message"]
