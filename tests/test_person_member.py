"""`hfctl person` and `hfctl member`: every step a command, validated before writing, editing
only the lines it means to; the files are read back with PyYAML, not the library that wrote
them."""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import Repo, git, run

SSU = "data/forums/ssu.yaml"
NEW = "data/people/kari-nord.yaml"


def read_back(repo: Repo, rel: str) -> Any:
    """A data file as a plain YAML reader (every scalar a string) sees it."""
    return yaml.load(repo.read(rel), Loader=yaml.BaseLoader)


def numstat(repo: Repo) -> list[tuple[int, int, str]]:
    """Lines added and removed per file in the working tree."""
    out = git(repo.root, "diff", "--numstat")
    return [(int(a), int(d), f) for a, d, f in (line.split("\t") for line in out.splitlines())]


def seats(repo: Repo, person: str) -> list[dict[str, Any]]:
    return [m for m in read_back(repo, SSU)["members"] if m["person"] == person]


def codes(repo: Repo, *args: str) -> list[dict[str, Any]]:
    result = run("validate", "--format", "json", *args, repo=repo)
    problems: list[dict[str, Any]] = result.json()["problems"]
    return problems


# -- person --


def test_person_add_writes_a_file_like_the_others(repo: Repo) -> None:
    result = run(
        "person",
        "add",
        "kari-nord",
        "--name",
        "Kari Nord",
        "--party",
        "Karmøy",
        "--title",
        "Rådgjevar",
        "--email",
        "kari.nord@karmoy.kommune.no",
        "--commit",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    assert repo.read(NEW) == (
        "# yaml-language-server: $schema=../../schemas/person.schema.json\n"
        "id: kari-nord\nname: Kari Nord\nparty: karmoy\ntitle: Rådgjevar\n"
        "email: kari.nord@karmoy.kommune.no\n"
    )
    assert read_back(repo, NEW) == {
        "id": "kari-nord",
        "name": "Kari Nord",
        "party": "karmoy",
        "title": "Rådgjevar",
        "email": "kari.nord@karmoy.kommune.no",
    }
    assert git(repo.root, "show", "--name-only", "--format=%s", "HEAD").split("\n")[:3] == [
        "Person added: Kari Nord (Karmøy)",
        "",
        NEW,
    ]
    assert not [p for p in codes(repo) if p["severity"] == "error"]
    said = run("log", "--person", "Kari Nord", "--json", repo=repo).json()
    assert [e["kind"] for e in said] == ["person-added"]


def test_person_add_dry_run_writes_nothing(repo: Repo) -> None:
    result = run(
        "person",
        "add",
        "kari-nord",
        "--name",
        "Kari Nord",
        "--party",
        "karmoy",
        "--dry-run",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    assert "+name: Kari Nord" in result.stdout and "nothing written" in result.stdout
    assert not repo.path(NEW).exists()


def test_person_add_refuses_what_does_not_belong(repo: Repo) -> None:
    cases = [
        (("anne-rod", "--name", "Anne Rød", "--party", "helse-fonna"), "is already Anne Rød"),
        (("Kari Nord", "--name", "Kari Nord", "--party", "karmoy"), "e.g. kari-nord"),
        (
            ("kari-nord", "--name", "Kari Nord", "--party", "karmoy", "--email", "k@gmail.com"),
            "gmail.com is a private mail service",
        ),
        (("kari-nord", "--name", "Kari Nord", "--party", "Karmoyy"), "did you mean Karmøy"),
        (
            ("kari-nord", "--name", "Kari Nord", "--party", "karmoy", "--title", "01010012356"),
            "national identity numbers must not be in the repository",
        ),
        (
            ("kari-nord", "--name", "Kari Nord", "--party", "karmoy", "--title", "mob 912 34 567"),
            "mobile number",
        ),
    ]
    for args, reason in cases:
        result = run("person", "add", *args, repo=repo)
        assert result.exit_code in (1, 2), args
        assert reason in result.stderr, (args, result.stderr)
        assert "01010012356" not in result.stderr and "912 34 567" not in result.stderr
        assert not repo.path(NEW).exists()
        assert git(repo.root, "status", "--porcelain") == ""


def test_person_add_warns_of_another_domain_and_a_twin(repo: Repo) -> None:
    result = run(
        "person",
        "add",
        "anne-rod-2",
        "--name",
        "Anne Rød",
        "--party",
        "karmoy",
        "--email",
        "anne.rod@helse-fonna.no",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout + result.stderr
    assert "not at Karmøy's domain (karmoy.kommune.no)" in out
    assert "Anne Rød is also the name of anne-rod" in out


def test_person_update_changes_only_its_lines_and_keeps_comments(repo: Repo) -> None:
    rel = "data/people/anne-rod.yaml"
    repo.edit(rel, "party: helse-fonna\n", "party: helse-fonna # sidan 2019\n")
    repo.commit("a comment")
    result = run(
        "person", "update", "Anne Rød", "--title", "Overlege", "--party", "Karmøy", repo=repo
    )
    assert result.exit_code == 0, result.stderr
    text = repo.read(rel)
    (party,) = [line for line in text.splitlines() if line.startswith("party:")]
    assert party.split() == ["party:", "karmoy", "#", "sidan", "2019"]
    assert "title: Overlege\n" in text
    assert numstat(repo) == [(2, 2, rel)]
    assert read_back(repo, rel)["email"] == "anne.rod@helse-fonna.no"
    said = run("diff", "HEAD", "--lang", "en", repo=repo).stdout
    assert "Anne Rød: party Helse Fonna HF → Karmøy; title: Overlege" in said


def test_person_update_adds_a_missing_title_in_its_place_and_clears(repo: Repo) -> None:
    made = run(
        "person",
        "add",
        "kari-nord",
        "--name",
        "Kari Nord",
        "--party",
        "karmoy",
        "--email",
        "kari.nord@karmoy.kommune.no",
        "--commit",
        repo=repo,
    )
    assert made.exit_code == 0, made.stderr
    result = run("person", "update", "kari-nord", "--title", "Fagleiar", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert list(read_back(repo, NEW)) == ["id", "name", "party", "title", "email"]
    assert numstat(repo) == [(1, 0, NEW)]
    repo.commit("title")
    cleared = run("person", "update", "kari-nord", "--clear", "email", repo=repo)
    assert cleared.exit_code == 0, cleared.stderr
    assert "email" not in read_back(repo, NEW)
    assert run("person", "update", "kari-nord", repo=repo).exit_code == 2
    assert run("person", "update", "kari-nord", "--clear", "name", repo=repo).exit_code == 2


# -- member --


def test_member_add_appends_a_seat_and_touches_nothing_else(repo: Repo) -> None:
    result = run(
        "member",
        "add",
        "SSU",
        "Anne Rød",
        "--role",
        "member",
        "--represents",
        "Helse Fonna",
        "--from",
        "1.1.2027",
        "--to",
        "31.12.2028",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    assert numstat(repo) == [(7, 0, SSU)]
    assert "# Sekretariatet går på omgang" in repo.read(SSU)
    assert seats(repo, "anne-rod") == [
        {
            "person": "anne-rod",
            "kind": "trust",
            "roles": ["member"],
            "represents": "helse-fonna",
            "appointed_by": "helse-fonna",
            "from": "2027-01-01",
            "to": "2028-12-31",
        }
    ]
    assert not [p for p in codes(repo) if p["severity"] == "error"]


def test_a_user_representative_is_appointed_by_the_rule(repo: Repo) -> None:
    args = ("member", "add", "ssu", "anne-rod", "--kind", "user", "--from", "2027-01-01")
    no_side = run(*args, repo=repo)
    assert no_side.exit_code == 2 and "side" in no_side.stderr
    with_party = run(*args, "--side", "trust", "--represents", "helse-fonna", repo=repo)
    assert with_party.exit_code == 2 and "represents the users" in with_party.stderr
    result = run(*args, "--side", "trust", repo=repo)
    assert result.exit_code == 0, result.stderr
    (seat,) = seats(repo, "anne-rod")
    assert seat == {
        "person": "anne-rod",
        "kind": "user",
        "roles": ["member"],
        "side": "trust",
        "appointed_by": "brukarutvalet",  # the rule's appointing body, from community.yaml
        "from": "2027-01-01",
    }


def test_a_seat_with_two_roles_appointed_by_a_forum(repo: Repo) -> None:
    result = run(
        "member",
        "add",
        "ssu",
        "anne-rod",
        "--role",
        "member",
        "--role",
        "secretary",
        "--represents",
        "Haugesund",
        "--appointed-by",
        "Helseleiarnettverket",
        "--from",
        "2028-01-01",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    (seat,) = seats(repo, "anne-rod")
    assert seat["kind"] == "municipality" and seat["roles"] == ["member", "secretary"]
    assert seat["appointed_by"] == "helseleiarnettverket"
    assert "roles: [member, secretary]" in repo.read(SSU)
    gp = run("member", "add", "ssu", "ola-rod", "--kind", "gp", "--from", "2028-01-01", repo=repo)
    assert gp.exit_code == 0, gp.stderr
    (seat,) = seats(repo, "ola-rod")
    assert seat["kind"] == "gp" and seat["appointed_by"] == "praksiskonsulentordninga"
    assert "represents" not in seat


def test_member_add_refuses_an_overlap_and_strangers(repo: Repo) -> None:
    before = repo.read(SSU)
    overlap = run(
        "member",
        "add",
        "ssu",
        "harald-heggland",
        "--role",
        "member",
        "--represents",
        "haugesund",
        "--from",
        "2027-06-01",
        repo=repo,
    )
    assert overlap.exit_code == 1
    assert "Harald Heggland already sits in SSU (leader, 2026-01-01 to 2027-12-31)" in (
        overlap.stderr
    )
    stranger = run(
        "member",
        "add",
        "ssu",
        "Kari Nord",
        "--role",
        "member",
        "--represents",
        "karmoy",
        "--from",
        "2027-01-01",
        repo=repo,
    )
    assert stranger.exit_code == 1 and "hfctl person add" in stranger.stderr
    deputy = run(
        "member",
        "add",
        "ssu",
        "anne-rod",
        "--role",
        "deputy",
        "--represents",
        "helse-fonna",
        "--from",
        "2027-01-01",
        repo=repo,
    )
    assert deputy.exit_code == 2 and "--deputy-for" in deputy.stderr
    backwards = run(
        "member",
        "add",
        "ssu",
        "anne-rod",
        "--role",
        "member",
        "--represents",
        "helse-fonna",
        "--from",
        "2027-01-01",
        "--to",
        "2026-12-31",
        repo=repo,
    )
    assert backwards.exit_code == 2
    assert repo.read(SSU) == before


def test_the_warning_names_the_command_that_fixes_it(repo: Repo) -> None:
    (warned,) = [p for p in codes(repo) if p["code"] == "HF333" and "sindre-brekke" in p["message"]]
    command = "hfctl member renew ssu sindre-brekke --to DATE"
    assert command in warned["message"]
    board = run("status", "--format", "json", repo=repo).json()
    (term,) = [t for t in board["expiring_terms"] if t["person"] == "sindre-brekke"]
    assert term["renew"] == command
    assert "Sindre Brekke" in run("status", repo=repo).stdout  # the screen names, validate says how
    args = command.replace("DATE", "31.12.2028").split()[1:]
    renewed = run(*args, "--commit", repo=repo)
    assert renewed.exit_code == 0, renewed.stderr
    assert not [p for p in codes(repo) if p["code"] == "HF333" and "sindre-brekke" in p["message"]]
    board = run("status", "--format", "json", repo=repo).json()
    assert "sindre-brekke" not in {t["person"] for t in board["expiring_terms"]}


def test_a_renewal_is_a_new_term_after_the_old(repo: Repo) -> None:
    old = seats(repo, "sindre-brekke")
    result = run("member", "renew", "SSU", "Sindre Brekke", "--to", "31.12.2028", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert numstat(repo) == [(7, 0, SSU)]
    first, second = seats(repo, "sindre-brekke")
    assert first == old[0]
    assert second == {
        "person": "sindre-brekke",
        "kind": "gp",
        "roles": ["member"],
        "represents": "karmoy",
        "appointed_by": "praksiskonsulentordninga",
        "from": "2027-01-01",
        "to": "2028-12-31",
    }
    text = repo.read(SSU)
    assert (
        text.index("from: 2025-01-01")
        < text.index("from: 2027-01-01")
        < text.index("person: magnus-bakke")
    )
    said = run("diff", "HEAD", "--lang", "en", "--format", "json", repo=repo).json()
    assert [(c["kind"], c["entity"]) for c in said] == [("member-renewed", "ssu")]
    words = run("diff", "HEAD", "--lang", "en", repo=repo).stdout
    assert "Sindre Brekke continues in SSU as member for Karmøy, new term 1 January 2027" in words
    again = run("member", "renew", "ssu", "sindre-brekke", "--to", "31.12.2028", repo=repo)
    assert again.exit_code == 2  # the last term is now the new one: it would end before it starts
    assert "before it starts (2029-01-01)" in again.stderr


def test_renew_refuses_an_open_seat_and_a_term_ending_before_it_starts(repo: Repo) -> None:
    open_seat = run("member", "renew", "ssu", "trond-espeland", "--to", "2028-12-31", repo=repo)
    assert open_seat.exit_code == 1 and "has no end" in open_seat.stderr
    early = run("member", "renew", "ssu", "sindre-brekke", "--to", "2026-06-30", repo=repo)
    assert early.exit_code == 2 and "before it starts (2027-01-01)" in early.stderr
    assert git(repo.root, "status", "--porcelain") == ""


def test_member_end_sets_the_last_day_only(repo: Repo) -> None:
    result = run("member", "end", "ssu", "Trond Espeland", "--on", "31.12.2026", repo=repo)
    assert result.exit_code == 0, result.stderr
    assert numstat(repo) == [(1, 0, SSU)]
    (seat,) = seats(repo, "trond-espeland")
    assert (seat["from"], seat["to"]) == ("2024-01-01", "2026-12-31")
    assert list(seat)[-2:] == ["to", "note"]
    repo.commit("end")
    shorter = run("member", "end", "ssu", "harald-heggland", "--on", "2027-06-30", repo=repo)
    assert shorter.exit_code == 0, shorter.stderr
    assert numstat(repo) == [(1, 1, SSU)]
    assert seats(repo, "harald-heggland")[0]["to"] == "2027-06-30"
    said = run("diff", "HEAD", "--lang", "en", repo=repo).stdout
    assert "Term of Harald Heggland in SSU now ends" in said


def test_member_end_on_a_day_with_no_seat_and_after_a_renewal(repo: Repo) -> None:
    none = run("member", "end", "ssu", "eirik-moe", "--on", "2026-06-30", repo=repo)
    assert none.exit_code == 1 and "no seat in SSU on 2026-06-30" in none.stderr
    assert (
        run(
            "member", "renew", "ssu", "sindre-brekke", "--to", "2028-12-31", "--commit", repo=repo
        ).exit_code
        == 0
    )
    ended = run("member", "end", "ssu", "sindre-brekke", "--on", "2026-12-15", repo=repo)
    assert ended.exit_code == 0, ended.stderr
    assert "the later term member 2027-01-01 to 2028-12-31, not begun, is removed" in (
        ended.stdout + ended.stderr
    )
    (seat,) = seats(repo, "sindre-brekke")
    assert seat["to"] == "2026-12-15"
    git(repo.root, "checkout", "-q", "--", SSU)
    begun = run(
        "member",
        "end",
        "ssu",
        "sindre-brekke",
        "--on",
        "2026-12-15",
        "--today",
        "2027-02-01",
        repo=repo,
    )
    assert begun.exit_code == 1 and "has begun; end that one instead" in begun.stderr


def test_overlapping_terms_edited_by_hand_are_an_error(repo: Repo) -> None:
    repo.edit(SSU, "  - person: eirik-moe\n", "  - person: trond-espeland\n")
    repo.edit(SSU, "    to: 2023-12-31\n    note: Interkommunal", "    to: 2024-06-30\n    note: I")
    line = repo.line_of(SSU, "    from: 2021-04-14")
    (found,) = [p for p in codes(repo) if p["code"] == "HF335"]
    assert found["severity"] == "error" and found["file"] == SSU and found["line"] == line
    assert "'trond-espeland' has two terms in 'SSU' that overlap" in found["message"]
