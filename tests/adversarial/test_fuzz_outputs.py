"""Property: random file names and random text in every field reach every output format
safely (no raw control, format or bidi character, no live Markdown, no forged CI line,
JSON that parses, never a traceback). A longer run: HFCTL_FUZZ_EXAMPLES (docs/fuzzing.md)."""

from __future__ import annotations

import json
import os
import re
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfctl.core import unicode
from tests.conftest import Repo, run

EXAMPLES = max(3, int(os.environ.get("HFCTL_FUZZ_EXAMPLES", "300")) // 100)  # whole commands
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
DEC = "data/meetings/2026/2026-12-10-ssu.md"
LEADER = "data/people/harald-heggland.yaml"
HOSTILE = [
    "@team",
    "#12",
    "[x](http://e.no)",
    "![](u)",
    "<img src=x>",
    "\n::error file=x::y",
    "\x1b[2J",
    "\u202e",
    "\u061c",
    "\r",
    "`",
    "|",
    "{{ 1 }}",
    "&#64;x",
    "\n# h",
    "- ",
    "www.e.no",
    "ø",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), min_size=1, max_size=6
).map("".join)
SURROGATES: list[Literal["Cs"]] = ["Cs"]
NAME = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=SURROGATES),
    min_size=1,
    max_size=12,
)
LIVE_MD = re.compile(r"(?<![\w<])@\w|#\d|<img|(?<!\\)\[x(?<!\\)\]\(|^::", re.M)


def _assert_safe(text: str, where: str, lines_ok: bool = True) -> None:
    allowed = "\n\t" if lines_ok else ""
    bad = unicode.pattern(allowed + "\r").search(text.replace("\r\n", "\n"))
    assert bad is None, (where, repr(bad.group()))
    assert "Traceback" not in text, where


@pytest.mark.fuzz
@SETTINGS
@given(title=TEXT, name=TEXT, file_name=NAME)
def test_random_text_and_names_reach_every_output_safely(
    repo: Repo, title: str, name: str, file_name: str
) -> None:
    originals = {rel: repo.read(rel) for rel in (DEC, LEADER)}
    extra = repo.root / "data" / "people" / f"{file_name}.yaml"
    try:
        repo.write(DEC, originals[DEC].replace("title: Eventuelt", f"title: {json.dumps(title)}"))
        repo.write(
            LEADER, originals[LEADER].replace("name: Harald Heggland", f"name: {json.dumps(name)}")
        )
        try:
            extra.parent.mkdir(parents=True, exist_ok=True)
            extra.write_text(originals[LEADER], encoding="utf-8")
        except (OSError, ValueError):
            pass  # a name this file system cannot hold
        text = run("validate", repo=repo)
        _assert_safe(text.stdout, "validate text")
        assert not any(line.startswith("::") for line in text.stdout.splitlines())
        found = run("validate", "--format", "json", repo=repo).json()["problems"]
        github = run("validate", "--format", "github", repo=repo).stdout.splitlines()
        assert len(github) == len(found)
        assert all(line.startswith(("::error ", "::warning ")) for line in github)
        for line in github:
            _assert_safe(line, "github", lines_ok=False)
        json.loads(run("validate", "--format", "gitlab", repo=repo).stdout)
        for args in (["agenda", "2026-12-10-ssu"], ["diff", "HEAD", "--format", "md"]):
            result = run(*args, repo=repo)
            _assert_safe(result.stdout + result.stderr, args[0])
            assert not LIVE_MD.search(result.stdout), (args[0], result.stdout)
        for args in (["diff", "HEAD"], ["status"], ["log"]):
            result = run(*args, repo=repo)
            _assert_safe(result.stdout + result.stderr, args[0])
        json.loads(run("diff", "HEAD", "--format", "json", repo=repo).stdout)
    finally:
        for rel, content in originals.items():
            repo.write(rel, content)
        if extra.exists():
            extra.unlink()


def test_control_the_checks_would_see_unsafe_output() -> None:
    """Control: the assertions above fail on what raw output would have held."""
    with pytest.raises(AssertionError):
        _assert_safe("a\x1b[2Jb", "raw")
    with pytest.raises(AssertionError):
        _assert_safe("x\u202ey", "raw")
    assert LIVE_MD.search("- ping @team") and LIVE_MD.search("::error x")
    assert not LIVE_MD.search("ping @<!-- -->team")
