"""Every command that reads data, over every broken or hostile file: a located problem or a
clear message, the right exit code, no traceback, bounded time, and no file changed."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from tests.adversarial.corpus import CASES
from tests.conftest import Repo, problems, run

# commands that read the whole repository; one line each
COMMANDS: list[list[str]] = [
    ["validate"],
    ["status"],
    ["agreements", "status"],
    ["secretariat", "show"],
    ["meeting", "list"],
    ["actions"],
    ["inform", "list"],
    ["agenda", "2026-12-10-ssu"],
    ["minutes", "2026-04-23-ssu"],
    ["diff", "HEAD"],
]
MAX_SECONDS = 20


def _tree(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if ".git" in path.parts or ".hfctl-cache" in path.parts or not path.is_file():
            continue
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize(
    ("name", "rel", "content", "code", "line"), CASES, ids=[c[0] for c in CASES]
)
def test_validate_locates_the_problem(
    repo: Repo, name: str, rel: str, content: bytes, code: str, line: int | None
) -> None:
    repo.write(rel, content)
    before = _tree(repo.root)
    started = time.monotonic()
    result = run("validate", "--format", "json", repo=repo)
    assert time.monotonic() - started < MAX_SECONDS
    assert result.exit_code == 1
    mine = [p for p in problems(result) if p["file"] == rel]
    assert mine and mine[0]["code"] == code, mine
    if line is not None:
        assert mine[0]["line"] == line, mine
    assert _tree(repo.root) == before


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_command_survives_the_whole_corpus(repo: Repo, command: list[str]) -> None:
    for name, rel, content, _code, _line in CASES:  # each case in a file of its own
        folder, _, filename = rel.rpartition("/")
        repo.write(f"{folder}/adv-{name}{filename[filename.rindex('.') :]}", content)
    before = _tree(repo.root)
    started = time.monotonic()
    result = run(*command, repo=repo)  # run() asserts there is no traceback
    assert time.monotonic() - started < MAX_SECONDS
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    assert "internal error" not in result.stderr
    assert _tree(repo.root) == before
