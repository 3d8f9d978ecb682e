"""`hfctl diff`: changes said in words, from real commits."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

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
        "    kind: municipality\n    roles: [member]\n"
        "    represents: stord\n    appointed_by: stord\n"
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
    text = run("diff", base, "HEAD", "--lang", "en", repo=repo)
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
    for lang in ("nn", "nb", "en"):
        md = run("diff", base, "HEAD", "--format", "md", "--lang", lang, repo=repo).stdout
        golden(f"diff/history.{lang}.md", md.replace(base[:10], "BASE"))
    golden(
        "diff/history.json",
        run("diff", base, "HEAD", "--format", "json", "--lang", "en", repo=repo).stdout,
    )


def test_diff_speaks_the_community_language_by_default(repo: Repo) -> None:
    base = _history(repo)
    lines = run("diff", base, "HEAD", repo=repo).stdout.splitlines()
    assert "Kvinnherad signerte Overordna samarbeidsavtale 2026 den 20. november 2026" in lines
    assert any(
        line.startswith("Kari Tveit går inn i FOUSAM som medlem for Stord") for line in lines
    )
    assert any(line.startswith("Sekretariatet for SSU: Helseleiarnettverket") for line in lines)
    assert "Status for signering av overordna samarbeidsavtale: Sak 32/26 → Sak 34/26" in lines
    english = run("diff", base, "HEAD", "--format", "json", "--lang", "en", repo=repo).json()
    norwegian = run("diff", base, "HEAD", "--format", "json", repo=repo).json()
    assert [c["data"] for c in english] == [c["data"] for c in norwegian]
    signed = next(c for c in english if c["kind"] == "signature-signed")
    assert signed["data"]["date"] == "2026-11-20"


def test_diff_of_the_working_tree_and_a_broken_file(repo: Repo) -> None:
    repo.write("data/parties/bokn.yaml", "id: bokn\nname: [Bokn\n")
    result = run("diff", "HEAD", repo=repo)
    assert result.exit_code == 0
    assert "head: data/parties/bokn.yaml" in result.stdout and "HF101" in result.stdout


def test_no_changes(repo: Repo) -> None:
    assert run("diff", "HEAD", repo=repo).stdout.strip() == "ingen endringar i styringa"
    assert run("diff", "HEAD", "--lang", "en", repo=repo).stdout.strip() == "no governance changes"
    assert run("diff", "HEAD", "--lang", "de", repo=repo).exit_code == 2


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
    result = run("log", "--municipality", "Kvinnherad", "--lang", "en", repo=repo)
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
    lines = run("log", "--forum", "fousam", "--lang", "en", repo=repo).stdout.splitlines()
    assert any("New ordinary FOUSAM meeting" in line for line in lines)
    assert any("Kari Tveit joins FOUSAM" in line for line in lines)
    assert not any("Kvinnherad" in line for line in lines)


SPELLED_ALIKE = {("nn", "open")}
"""Words nynorsk or bokmål spell as English does (an open action is «open» in nynorsk)."""


def test_every_sentence_and_word_exists_in_every_language() -> None:
    import string
    from typing import get_args

    from hfctl.core.i18n import translations
    from hfctl.domain import semdiff
    from hfctl.formats import words
    from hfctl.models.forum import MemberRole
    from hfctl.models.meeting import MeetingKind
    from hfctl.models.party import PartyKind

    for table, keys in (
        (words.ROLE, set(get_args(MemberRole))),
        (words.MEETING_KIND, set(get_args(MeetingKind))),
        (words.PARTY_KIND, set(get_args(PartyKind))),
    ):
        assert {lang: set(table[lang]) for lang in words.LANGS} == dict.fromkeys(words.LANGS, keys)
    # the diff's sentences, small words and sections are msgids: nynorsk and bokmål in the
    # catalogs, with the same placeholders (tests/checks/test_messages_language.py checks those)
    for sentences in (semdiff.MESSAGES, semdiff.WORDS, semdiff.SECTIONS):
        for key, msgid in sentences.items():
            for lang in ("nn", "nb"):
                said = translations(lang).gettext(msgid)
                same = msgid.startswith("{") or (lang, msgid) in SPELLED_ALIKE
                assert said != msgid or same, (key, lang)
                fields = {f for _, f, _, _ in string.Formatter().parse(said) if f}
                assert fields == {f for _, f, _, _ in string.Formatter().parse(msgid) if f}, key


def _git_processes(repo: Repo, bin_dir: Path, *args: str) -> int:
    """How many git processes ``hfctl ARGS`` started (a ``git`` on PATH that logs, then runs
    the real one)."""
    calls = bin_dir / "calls.log"
    calls.write_text("")
    result = run(*args, repo=repo)
    assert result.exit_code == 0, result.stderr
    return len(calls.read_text().splitlines())


def test_history_needs_the_same_git_processes_for_more_commits(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.which("git")
    assert real is not None
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$1" >> "{bin_dir / "calls.log"}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    base = _history(repo)
    commands = [
        ("log", "--municipality", "Kvinnherad"),
        ("log", "--forum", "fousam"),
        ("diff", base, "HEAD", "--format", "json"),
    ]
    before = [_git_processes(repo, bin_dir, *c) for c in commands]
    for n in range(12):
        rel = "data/people/kari-tveit.yaml"
        repo.write(
            rel, repo.read(rel).replace("Rådgjevar", f"Rådgjevar {n}").replace(f" {n - 1}", "")
        )
        repo.commit(f"title {n}")
    after = [_git_processes(repo, bin_dir, *c) for c in commands]
    assert all(0 < b <= 6 for b in before), before
    assert after == before


def test_a_user_representative_joins_for_the_user_council(repo: Repo) -> None:
    base = git(repo.root, "rev-parse", "HEAD").strip()
    text = repo.read("data/forums/fousam.yaml")
    repo.write(
        "data/forums/fousam.yaml",
        text.rstrip("\n") + "\n  - person: kari-tveit\n"
        "    kind: user\n    roles: [member]\n    side: municipal\n"
        "    appointed_by: brukarutvalet\n    from: 2026-12-01\n    to: 2027-12-31\n",
    )
    repo.write(
        "data/people/kari-tveit.yaml", "id: kari-tveit\nname: Kari Tveit\nparty: brukarutvalet\n"
    )
    repo.commit("Kari Tveit joins FOUSAM as a user representative")
    lines = run("diff", base, "HEAD", "--lang", "en", repo=repo).stdout.splitlines()
    joined = "Kari Tveit joins FOUSAM as member for Brukarutvalet i Helse Fonna"
    assert any(joined in line for line in lines)
    assert not any("for –" in line for line in lines)
