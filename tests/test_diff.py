"""`hfctl diff`: changes said in words, from real commits."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import Repo, git, run

OSA = "overordna-samarbeidsavtale"


def _history(repo: Repo) -> str:
    base = git(repo.root, "rev-parse", "HEAD").strip()
    assert (
        run(
            "agreements",
            "record",
            OSA,
            "Kvinnherad",
            "signed",
            "--date",
            "2026-11-20",
            "--signed-by",
            "Ordførar Test",
            "--commit",
            repo=repo,
        ).exit_code
        == 0
    )
    text = repo.read("data/forums/fousam.yaml")
    repo.write(
        "data/forums/fousam.yaml",
        text.rstrip("\n") + "\n  - person: kari-tveit\n"
        "    role: member\n    represents: stord\n    appointed_by: stord\n"
        "    from: 2026-12-01\n    to: 2027-12-31\n",
    )
    repo.write(
        "data/people/kari-tveit.yaml",
        "id: kari-tveit\nname: Kari Tveit\nparty: stord\n"
        "title: Rådgjevar\nemail: kari.tveit@stord.kommune.no\n",
    )
    repo.commit("Kari Tveit joins FOUSAM")
    assert (
        run("secretariat", "rotate", "--commit", "--today", "2026-11-24", repo=repo).exit_code == 0
    )
    assert (
        run(
            "meeting",
            "new",
            "fousam",
            "--date",
            "2027-02-04",
            "--start",
            "09:00",
            "--location",
            "Kopervik",
            "--commit",
            repo=repo,
        ).exit_code
        == 0
    )
    rel = "data/meetings/2026/2026-12-10-ssu.md"
    repo.write(rel, repo.read(rel).replace("  - number: 32\n", "  - number: 34\n"))
    repo.commit("renumber")
    return base


def test_diff_says_each_change_in_words(repo: Repo, golden: Callable[[str, str], None]) -> None:
    base = _history(repo)
    text = run("diff", base, "HEAD", repo=repo)
    assert text.exit_code == 0, text.stderr
    lines = text.stdout.splitlines()
    assert any(
        line.startswith(
            "Kvinnherad signed the Overarching cooperation agreement 2026 on 20 November 2026"
        )
        for line in lines
    )
    assert any("Kari Tveit joins FOUSAM as member" in line for line in lines)
    assert any(
        "SSU secretariat: Network of municipal health leaders holds it 1 January 2028" in line
        for line in lines
    )
    assert any("New ordinary FOUSAM meeting on 4 February 2027" in line for line in lines)
    assert any("Sak 32/26 → Sak 34/26" in line for line in lines)
    golden(
        "diff/history.md",
        run("diff", base, "HEAD", "--format", "md", repo=repo).stdout.replace(base[:10], "BASE"),
    )
    golden("diff/history.json", run("diff", base, "HEAD", "--format", "json", repo=repo).stdout)


def test_diff_of_the_working_tree_and_a_broken_file(repo: Repo) -> None:
    repo.write("data/parties/bokn.yaml", "id: bokn\nname: [Bokn\n")
    result = run("diff", "HEAD", repo=repo)
    assert result.exit_code == 0
    assert "head: data/parties/bokn.yaml" in result.stdout and "HF101" in result.stdout


def test_no_changes(repo: Repo) -> None:
    assert run("diff", "HEAD", repo=repo).stdout.strip() == "no governance changes"


def test_log_of_a_municipality_from_real_commits(repo: Repo) -> None:
    _history(repo)
    assert (
        run(
            "agreements",
            "record",
            OSA,
            "4618",
            "signed",
            "--date",
            "2026-11-23",
            "--signed-by",
            "Ordførar Test",
            "--commit",
            repo=repo,
        ).exit_code
        == 0
    )
    result = run("log", "--municipality", "Kvinnherad", repo=repo)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all("Kvinnherad" in line for line in lines)
    assert (
        "Test Koordinator: Kvinnherad signed the Overarching cooperation agreement 2026 on "
        "20 November 2026" in lines[0]
    )
    both = run("log", "--agreement", OSA, "--json", "--since", "2026-11-01", repo=repo).json()
    signed = [e["entity"] for e in both if e["kind"] == "signature-signed"]
    assert signed[:2] == ["Ullensvang", "Kvinnherad"]


def test_log_of_a_forum(repo: Repo) -> None:
    _history(repo)
    lines = run("log", "--forum", "fousam", repo=repo).stdout.splitlines()
    assert any("New ordinary FOUSAM meeting" in line for line in lines)
    assert any("Kari Tveit joins FOUSAM" in line for line in lines)
    assert not any("Kvinnherad" in line for line in lines)
