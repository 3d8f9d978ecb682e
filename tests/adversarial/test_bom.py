"""Files as Windows editors save them: a UTF-8 byte order mark at the start of a data file is
accepted (YAML allows it) and kept by every write, like CRLF line endings."""

from __future__ import annotations

import pytest

from tests.conftest import Repo, git, problems, run

BOM = b"\xef\xbb\xbf"
MEETING = "data/meetings/2026/2026-12-10-ssu.md"
PERSON = "data/people/anne-rod.yaml"


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_a_bom_is_accepted_and_kept_by_a_write(repo: Repo, crlf: bool) -> None:
    raw = repo.path(MEETING).read_bytes()
    if crlf:
        raw = raw.replace(b"\n", b"\r\n")
    repo.path(MEETING).write_bytes(BOM + raw)
    repo.path(PERSON).write_bytes(BOM + repo.path(PERSON).read_bytes())
    repo.commit("saved on Windows")
    for _ in range(2):  # cold, then from the cache
        found = problems(run("validate", "--format", "json", repo=repo))
        assert not [p for p in found if p["file"] in (MEETING, PERSON) and p["code"] == "HF103"]
    result = run("meeting", "move", "2026-12-10-ssu", "--location", "Rom 2", repo=repo)
    assert result.exit_code == 0, result.stderr
    after = repo.path(MEETING).read_bytes()
    assert after.startswith(BOM) and not after.startswith(BOM * 2)
    assert (b"\r\n" in after) == crlf and (after.count(b"\r\n") == after.count(b"\n")) == crlf
    changed = git(repo.root, "diff", "--numstat", "--", MEETING).split()
    assert changed and int(changed[1]) <= 2  # the place and the sequence
    assert not [
        p
        for p in problems(run("validate", "--format", "json", repo=repo))
        if p["file"] == MEETING and p["severity"] == "error"
    ]


def test_control_a_bom_elsewhere_is_still_refused(repo: Repo) -> None:
    repo.path(PERSON).write_bytes(
        repo.path(PERSON).read_bytes().replace(b"name: ", b"name: \xef\xbb\xbf", 1)
    )
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == PERSON
    ]
    assert [p["code"] for p in found] == ["HF103"] and "U+FEFF" in found[0]["message"]
