"""Output neutral to its medium: data text is inert Markdown, and never speaks to a terminal
or to CI, whatever it holds."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hfctl.formats.safe import md_code, md_text, visible
from tests.conftest import Repo, git, run

DEC = "data/meetings/2026/2026-12-10-ssu.md"
HELD = "data/meetings/2026/2026-04-23-ssu.md"

LIVE = {
    "mention": ("ping @helse-team now", re.compile(r"(?<![\w<])@[\w-]")),
    "issue": ("see #12 and GH#3", re.compile(r"#\d")),
    "link": ("[click](https://evil.example)", re.compile(r"(?<!\\)\[click(?<!\\)\]\(")),
    "image": ("![x](https://evil.example/p.png)", re.compile(r"!\[")),
    "html": ('<img src="https://evil.example/p.png">', re.compile(r"<img")),
    "autolink": ("go to https://evil.example", re.compile(r"https://evil")),
    "heading": ("\n# Forged heading", re.compile(r"^# Forged", re.M)),
}


def _title(repo: Repo, rel: str, old: str, payload: str) -> None:
    repo.edit(rel, f"title: {old}", f"title: {json.dumps(payload, ensure_ascii=False)}")


@pytest.mark.parametrize("kind", list(LIVE))
def test_markup_in_a_title_is_inert_in_every_markdown_output(repo: Repo, kind: str) -> None:
    payload, live = LIVE[kind]
    flat = payload.strip()
    _title(repo, DEC, "Eventuelt", flat if kind != "heading" else "x" + payload)
    repo.commit("hostile title")
    outputs = {
        "agenda": run("agenda", "2026-12-10-ssu", repo=repo).stdout,
        "diff": run("diff", "HEAD~1", "HEAD", "--format", "md", repo=repo).stdout,
    }
    for name, text in outputs.items():
        assert "Eventuelt" not in text or name == "diff", name
        assert not live.search(text), (name, text)
    # control: the title is there as data, unchanged, in the JSON of the same change
    changes = run("diff", "HEAD~1", "HEAD", "--format", "json", repo=repo).json()
    assert any(flat in c["message"] or payload in c["message"] for c in changes)
    assert live.search(payload if kind == "heading" else flat)


def test_markup_in_minutes_and_in_the_digest_is_inert(repo: Repo) -> None:
    text = repo.read(HELD)
    title = re.search(r"title: (.+)", text)
    assert title
    repo.write(
        HELD, text.replace(title.group(0), 'title: "@team #12 <b>x</b> [a](http://e.no)"', 1)
    )
    minutes = run("minutes", "2026-04-23-ssu", repo=repo)
    assert minutes.exit_code == 0, minutes.stderr
    for pattern in (r"(?<![\w<])@team", r"#12", r"<b>", r"(?<!\\)\[a(?<!\\)\]\("):
        assert not re.search(pattern, minutes.stdout), pattern
    assert "@<!-- -->team" in minutes.stdout  # control: the text is there, made inert


def test_the_escaping_reads_the_same_when_rendered() -> None:
    """An independent renderer (markdown-it, CommonMark) shows the text as written."""
    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("commonmark")
    for payload, _live in LIVE.values():
        html = renderer.render(md_text(payload.strip()))
        assert "<a " not in html and "<img" not in html and "<h1" not in html
    plain = renderer.render(md_text("Sak 5 & 6: [utkast] <ikkje> 10.00"))
    assert "[utkast]" in plain and "&lt;ikkje&gt;" in plain and "&amp;" in plain
    # control: the raw text would have been live
    assert "<a " in renderer.render("[click](https://evil.example)")


def test_a_code_span_cannot_be_broken_out_of() -> None:
    assert md_code("a`b") == "``a`b``"
    assert md_code("x\ny") == "`x\\x0ay`"
    assert md_code("plain") == "`plain`"  # control


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\r", "\x00"])
def test_terminal_output_shows_control_and_bidi_characters_as_escapes(char: str) -> None:
    shown = visible(f"a{char}b")
    assert char not in shown and shown.startswith("a\\") and shown.endswith("b")
    assert visible("a\nb", lines=True) == "a\nb"  # control: lines are kept where asked
    assert visible("a\r\nb", lines=True) == "a\r\nb"


def _escape_in_author(repo: Repo) -> None:
    repo.edit("data/people/anne-rod.yaml", "id: anne-rod", "id: anne-rod")
    text = repo.read("data/people/anne-rod.yaml").replace("id: anne-rod", "id: anne-new")
    repo.write("data/people/anne-new.yaml", text)
    git(repo.root, "add", "-A")
    env = {**os.environ, "GIT_AUTHOR_NAME": "Eve\x1b]0;owned\x07\u202e"}
    subprocess.run(["git", "commit", "-qm", "x\x1b[2J"], cwd=repo.root, env=env, check=True)


def test_log_shows_a_hostile_author_as_escapes(repo: Repo) -> None:
    _escape_in_author(repo)
    text = run("log", repo=repo).stdout
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "Eve\\x1b]0;owned\\x07\\u202e" in text
    raw = run("log", "--json", repo=repo).stdout
    assert "\x1b" not in raw and "\u202e" not in raw
    assert json.loads(raw)[0]["author"] == "Eve\x1b]0;owned\x07\u202e"  # control: data kept


def _hfctl(repo: Repo, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "hfctl", *args, "--repo", str(repo.root)],
        capture_output=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("columns", ["0", "1", "5", "99999999"])
def test_any_columns_prints_the_output(repo: Repo, columns: str) -> None:
    done = _hfctl(repo, "agreements", "status", COLUMNS=columns)
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"Signatures on" in done.stdout and b"municipality" in done.stdout


def test_an_ascii_stdout_gets_escapes(repo: Repo) -> None:
    done = _hfctl(repo, "status", PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert b"\\xf8" in done.stdout or b"\\xe5" in done.stdout  # ø, å as escapes
    done.stdout.decode("ascii")


def test_a_full_or_closed_stdout_is_no_traceback(repo: Repo) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "hfctl", "validate", "--repo", str(repo.root)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 1 and b"No space left" in done.stderr
    assert b"Traceback" not in done.stderr
    closed = subprocess.run(
        [sys.executable, "-m", "hfctl", "validate", "--repo", str(repo.root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert closed.returncode == 0 and b"Traceback" not in closed.stderr


def test_a_broken_pipe_is_no_traceback(repo: Repo) -> None:
    shell = f"{sys.executable} -m hfctl agreements status --repo {repo.root} | head -1"
    done = subprocess.run(["sh", "-c", shell], capture_output=True, check=False, timeout=120)
    assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr
    assert done.stdout.count(b"\n") == 1  # control: the reader got its one line
