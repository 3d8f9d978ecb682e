"""Days the Norwegian way too, `--today` on every command, and `--since` taking its whole day."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import typer

from hfctl.core.dates import DateError, parse_date
from tests.conftest import Repo, git, run


@pytest.mark.parametrize("text", ["2026-12-03", "3.12.2026", "03.12.2026", " 3.12.2026 "])
def test_a_day_in_any_of_its_three_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.11.2026", "is not a real date"),
        ("2026-02-30", "is not a real date"),
        ("3.12.26", "is not a date (write 2026-12-03 or 3.12.2026)"),
        ("2026/12/03", "is not a date"),
        ("12/3/2026", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_what_is_not_a_day_says_why(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_date(text)


def test_options_take_the_norwegian_form(repo: Repo) -> None:
    board = run("status", "--on", "3.12.2026", "--format", "json", repo=repo)
    assert board.exit_code == 0, board.stderr
    assert board.json()["today"] == "2026-12-03"
    listed = run(
        "meeting", "list", "--from", "03.12.2026", "--to", "10.12.2026", "--json", repo=repo
    ).json()
    assert [m["date"] for m in listed] == ["2026-12-03", "2026-12-03", "2026-12-10"]
    done = run(
        "agreements",
        "record",
        "overordna-samarbeidsavtale",
        "kvinnherad",
        "signed",
        "--date",
        "23.11.2026",
        repo=repo,
    )
    assert done.exit_code == 0, done.stderr
    assert "signed: 2026-11-23" in repo.read("data/agreements/overordna-samarbeidsavtale.yaml")


def test_a_bad_day_names_the_option(repo: Repo) -> None:
    result = run("status", "--on", "31.11.2026", repo=repo)
    assert result.exit_code == 2
    assert "--on: '31.11.2026' is not a real date" in result.stderr
    result = run("meeting", "list", "--today", "tomorrow", repo=repo)
    assert result.exit_code == 2
    assert "--today: 'tomorrow' is not a date (write 2026-12-03 or 3.12.2026)" in result.stderr


def _leaves(command: object, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], object]]:
    commands = getattr(command, "commands", None)
    if not commands:
        return [(path, command)]
    out: list[tuple[tuple[str, ...], object]] = []
    for name, sub in commands.items():
        out.extend(_leaves(sub, (*path, name)))
    return out


def test_every_command_takes_today() -> None:
    from hfctl.cli.app import build_app

    root = typer.main.get_command(build_app())
    leaves = _leaves(root, ())
    assert len(leaves) > 25
    missing = [
        " ".join(path)
        for path, command in leaves
        if not any("--today" in getattr(p, "opts", []) for p in getattr(command, "params", []))
    ]
    assert missing == []


@pytest.mark.parametrize(
    "args",
    [
        ("meeting", "list"),
        ("inform", "list"),
        ("inform", "digest", "--since", "1.9.2026"),
        ("secretariat", "history"),
        ("diff", "HEAD"),
        ("log",),
    ],
)
def test_commands_that_refused_today_take_it(repo: Repo, args: tuple[str, ...]) -> None:
    result = run(*args, "--today", "3.12.2026", repo=repo)
    assert result.exit_code == 0, result.stderr


def _commit_on(repo: Repo, when: str, person: str) -> None:
    repo.write(
        f"data/people/{person}.yaml",
        "# yaml-language-server: $schema=../../schemas/person.schema.json\n"
        f"id: {person}\nname: {person.replace('-', ' ').title()}\nparty: karmoy\n",
    )
    git(repo.root, "add", "-A")
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    old = dict(os.environ)
    os.environ.update(env)
    try:
        git(repo.root, "commit", "-q", "-m", f"add {person}")
    finally:
        os.environ.clear()
        os.environ.update(old)


def test_since_takes_the_whole_of_its_day(repo: Repo) -> None:
    # dated after the fixture's first commit (the clock's day), so that git's walk sees them
    _commit_on(repo, "2027-02-27T12:00:00+01:00", "per-foer")
    _commit_on(repo, "2027-03-01T00:05:00+01:00", "kari-tidleg")
    _commit_on(repo, "2027-03-02T10:00:00+01:00", "ola-etter")
    for since in ("2027-03-01", "1.3.2027", "01.03.2027"):
        found = run("log", "--since", since, "--json", repo=repo).json()
        added = [e["entity"] for e in found if e["kind"] == "person-added"]
        assert added == ["ola-etter", "kari-tidleg"], since
    assert run("log", "--since", "1.13.2027", repo=repo).exit_code == 2


def test_inform_list_since_keeps_that_day(repo: Repo) -> None:
    every = run("inform", "list", "--json", repo=repo).json()
    day = every[-1]["received"]
    since = dt.date.fromisoformat(day)
    kept = run(
        "inform", "list", "--since", f"{since.day}.{since.month}.{since.year}", "--json", repo=repo
    ).json()
    assert [r["id"] for r in kept] == [every[-1]["id"]]


def test_the_environment_day_takes_the_norwegian_form_too(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HFCTL_TODAY", "3.12.2026")
    assert run("status", "--format", "json", repo=repo).json()["today"] == "2026-12-03"
    monkeypatch.setenv("HFCTL_TODAY", "3/12/2026")
    result = run("status", repo=repo)
    assert result.exit_code == 2 and "HFCTL_TODAY: '3/12/2026' is not a date" in result.stderr
