"""Every command that reads data, over every broken or hostile file: a located problem or a
clear message, the right exit code, no traceback, bounded time, and no file changed."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.adversarial.corpus import CASES, COLUMNS, WARNINGS
from tests.conftest import Repo, Result, problems, run

# commands that read the repository and show what they can, then list the files they could
# not read (located, with their codes) and exit 1; one line each
COMMANDS: list[list[str]] = [
    ["status"],
    ["agreements", "status"],
    ["agreements", "status", "overordna-samarbeidsavtale"],
    ["secretariat", "show"],
    ["secretariat", "history"],
    ["secretariat", "handover"],
    ["meeting", "list"],
    ["actions"],
    ["inform", "list"],
    ["inform", "digest", "--since", "2026-01-01"],
    ["agenda", "2026-12-10-ssu"],
    ["minutes", "2026-04-23-ssu"],
]
# commands that produce files for others refuse, listing the problems
REFUSING: list[list[str]] = [
    ["invite", "2026-12-10-ssu", "-o", "OUT"],
    ["agreements", "remind", "-o", "OUT"],
    ["inform", "send", "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027", "-o", "OUT"],
]
# commands that report unreadable files as part of their answer, with exit code 0
REPORTING: list[list[str]] = [["diff", "HEAD"], ["log"]]
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
    assert result.exit_code == (0 if code in WARNINGS else 1)
    mine = [p for p in problems(result) if p["file"] == rel]
    assert mine and mine[0]["code"] == code, mine
    if line is not None:
        assert mine[0]["line"] == line, mine
    if name in COLUMNS:
        assert mine[0]["column"] == COLUMNS[name], mine
    assert _tree(repo.root) == before


def _corpus(repo: Repo) -> dict[str, tuple[str, int | None]]:
    """Every case in a file of its own; file -> (code, line) of the error it must give."""
    expected = {}
    for name, rel, content, code, line in CASES:
        folder, _, filename = rel.rpartition("/")
        target = f"{folder}/adv-{name}{filename[filename.rindex('.') :]}"
        if name.startswith(("nfd-", "reserved-")):
            target = rel  # the name is the case
        repo.write(target, content)
        if code not in WARNINGS:
            expected[target] = (code, line)
    return expected


def _run(repo: Repo, command: list[str], tmp: Path) -> tuple[Result, str]:
    before = _tree(repo.root)
    started = time.monotonic()
    argv = [str(tmp / "out") if part == "OUT" else part for part in command]
    result = run(*argv, repo=repo)  # run() asserts there is no traceback
    assert time.monotonic() - started < MAX_SECONDS
    assert "internal error" not in result.stderr
    assert _tree(repo.root) == before
    return result, before


@pytest.mark.parametrize(
    "command", COMMANDS + REFUSING, ids=[" ".join(c) for c in COMMANDS + REFUSING]
)
def test_every_command_locates_what_it_could_not_read(
    repo: Repo, tmp_path: Path, command: list[str]
) -> None:
    expected = _corpus(repo)
    result, _ = _run(repo, command, tmp_path)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    listed = re.findall(r"^  (\S+?):(?:(\d+):\d+:)? error (HF\d+) ", result.stderr, re.MULTILINE)
    assert listed, result.stderr
    more = re.search(r"… and (\d+) more", result.stderr)
    if more is None:
        assert {file for file, _, _ in listed} == set(expected)
    else:
        assert len(listed) + int(more.group(1)) >= len(expected)
    for file, line, code in listed:
        assert file in expected, file
        want_code, want_line = expected[file]
        assert code == want_code, (file, code)
        if want_line is not None:
            assert line == str(want_line), (file, line)


@pytest.mark.parametrize("command", REPORTING, ids=[" ".join(c) for c in REPORTING])
def test_reports_name_what_could_not_be_read(
    repo: Repo, tmp_path: Path, command: list[str]
) -> None:
    expected = _corpus(repo)
    result, _ = _run(repo, command, tmp_path)
    assert result.exit_code == 0, result.stderr
    if command[0] == "diff":
        for file, (code, line) in expected.items():
            where = f"{file}:{line}:" if line is not None else f"{file}"
            assert re.search(rf"^head: {re.escape(where)}\S* {code} ", result.stdout, re.M), file


def test_many_broken_files_in_bounded_time_and_memory(repo: Repo) -> None:
    """2,000 broken files and one of 1 MB: every one located, in bounded time and memory."""
    for i in range(2000):
        repo.write(f"data/people/adv-{i:04d}.yaml", f"id: adv-{i:04d}\nname: [x\n".encode())
    big = b"id: ola-testmann\nname: " + b"x" * 900_000 + b"\n"
    repo.write("data/people/ola-testmann.yaml", big)
    code = (
        "import resource, sys\n"
        "from hfctl.cli.app import main\n"
        "sys.argv = ['hfctl', '--no-cache', 'validate', '--format', 'json', "
        f"'--repo', {str(repo.root)!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "    print(f'PEAK {peak} {e.code}', file=sys.stderr)\n"
    )
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert time.monotonic() - started < 4 * MAX_SECONDS
    peak, exit_code = re.search(r"PEAK (\d+) (\d+)", proc.stderr).groups()  # type: ignore[union-attr]
    assert exit_code == "1"
    assert int(peak) < 400, f"{peak} MB"
    found = json.loads(proc.stdout)["problems"]
    broken = {p["file"] for p in found if p["code"] == "HF101"}
    assert len(broken) == 2000
    assert all(p["line"] == 3 for p in found if p["code"] == "HF101")


def test_a_writing_command_keeps_crlf_line_endings(repo: Repo) -> None:
    """A file saved on Windows (CRLF) stays CRLF, and only the lines meant change."""
    rel = "data/forums/ssu.yaml"
    crlf = repo.read(rel).replace("\n", "\r\n")
    repo.write(rel, crlf.encode())
    repo.commit("crlf")
    assert run("validate", repo=repo).exit_code == 0
    assert run("secretariat", "rotate", repo=repo).exit_code == 0
    after = repo.path(rel).read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n")
    old, new = crlf.splitlines(keepends=True), after.decode().splitlines(keepends=True)
    ops = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}  # a term is added; no line changes
