"""Tab completion through the shell's own protocol: the installed console script, asked as
bash's completion function asks it (``_HFCTL_COMPLETE=complete_bash``, ``COMP_WORDS``,
``COMP_CWORD``), answers the ids in the data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "hfctl"


def complete(words: str, repo: Path, shell: str = "bash") -> list[str]:
    """What the console script offers for the last word of ``words`` (bash's protocol)."""
    env = {**os.environ, "_HFCTL_COMPLETE": f"complete_{shell}", "HFCTL_REPO": str(repo)}
    if shell == "bash":
        parts = words.split(" ")
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(parts) - 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
    result = subprocess.run(
        [str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.fixture(autouse=True)
def _installed() -> None:
    if not SCRIPT.exists():
        pytest.skip("the console script is not installed beside this Python")


def test_tab_completes_a_meeting_id_after_agenda(bundled: Path) -> None:
    offered = complete("hfctl agenda 2026-12-1", bundled)
    assert "2026-12-10-ssu" in offered
    assert all(word.startswith("2026-12-1") for word in offered)
    meetings = {p.stem for p in (bundled / "data" / "meetings").rglob("2026-12-1*.md")}
    assert set(offered) == meetings


def test_commands_forums_people_and_municipalities(bundled: Path) -> None:
    assert {"agenda", "agreements", "actions"} <= set(complete("hfctl a", bundled))
    assert "ssu" in complete("hfctl member add s", bundled)
    people = complete("hfctl person update anne", bundled)
    assert "anne-rod" in people
    numbers = complete("hfctl agreements record overordna-samarbeidsavtale 110", bundled)
    assert numbers == ["1106"]
    assert "--lang" in complete("hfctl status --l", bundled)
    assert complete("hfctl status --lang n", bundled) == ["nn", "nb"]
    assert complete("hfctl --lang ", bundled) == ["nn", "nb", "en"]


def test_zsh_gets_the_names_with_their_help(bundled: Path) -> None:
    said = " ".join(
        complete("hfctl agreements record overordna-samarbeidsavtale 110", bundled, "zsh")
    )
    assert '"1106":"Haugesund"' in said


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_of_the_shell_it_runs_in(shell: str) -> None:
    """``--show-completion`` gives the script of the shell hfctl runs under (typer finds it
    from the parent process), which calls hfctl back by the protocol tested above."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    result = subprocess.run(
        # a second command, so that the shell does not exec hfctl in its own place (hfctl
        # would then have no shell above it to find)
        [shell, "-c", f"{SCRIPT} --show-completion; exit {'$status' if shell == 'fish' else '$?'}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"_HFCTL_COMPLETE=complete_{shell}" in result.stdout.replace(" ", "")
