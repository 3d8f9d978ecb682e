"""The one Unicode policy list: every invisible or direction-changing character refused in
ids, names and titles, with its code point named, located."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from hfctl.core import unicode
from tests.conftest import Repo, problems, run

LEADER = "data/people/harald-heggland.yaml"
DEC = "data/meetings/2026/2026-12-10-ssu.md"

NAMED = {
    "\u061c": "U+061C ARABIC LETTER MARK",
    "\U000e0041": "U+E0041 TAG LATIN CAPITAL LETTER A",
    "\u115f": "U+115F HANGUL CHOSEONG FILLER",
    "\u1160": "U+1160 HANGUL JUNGSEONG FILLER",
    "\u3164": "U+3164 HANGUL FILLER",
    "\uffa0": "U+FFA0 HALFWIDTH HANGUL FILLER",
    "\u034f": "U+034F COMBINING GRAPHEME JOINER",
    "\u00ad": "U+00AD SOFT HYPHEN",
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\ue000": "U+E000 PRIVATE USE CHARACTER",
    "\u2028": "U+2028 LINE SEPARATOR",
    "\x85": "U+0085 CONTROL CHARACTER",
}


@pytest.mark.parametrize("char", list(NAMED), ids=[n.split(" ", 1)[0] for n in NAMED.values()])
@pytest.mark.parametrize("where", ["name", "title", "escaped"])
def test_each_invisible_character_is_refused_and_named(repo: Repo, char: str, where: str) -> None:
    if where == "name":
        rel, line = LEADER, repo.edit(LEADER, "name: Harald Heggland", f"name: Har{char}ald")
    elif where == "title":
        rel, line = DEC, repo.edit(DEC, "title: Eventuelt", f"title: Even{char}tuelt")
    else:  # written as an escape in a double-quoted value
        code = ord(char)
        escape = f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
        rel, line = LEADER, repo.edit(LEADER, "name: Harald Heggland", f'name: "Har{escape}ald"')
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == rel
    ]
    assert [p["code"] for p in found] == ["HF103"]
    assert NAMED[char] in found[0]["message"]
    assert found[0]["line"] == line and found[0]["column"] is not None


def test_control_plain_text_passes(repo: Repo) -> None:
    """Control: Norwegian letters, accents and ordinary punctuation are not on the list."""
    text = "Åse Ødegård-Mæland, née Čech (§ 5–6) «sitat» – ok…"
    repo.edit(LEADER, "name: Harald Heggland", f'name: "{text}"')
    assert not [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == LEADER
    ]
    assert unicode.first_refused(text) is None


def test_the_list_holds_every_character_of_its_categories() -> None:
    """The written-out ranges against this Python's Unicode database: every Cc, Cf, Co, Cs,
    Zl and Zp character is on the list."""
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}
        and not unicode.is_refused(chr(code))
    ]
    assert missing == []
    # control: letters, digits, spaces and marks in use are not refused
    assert not any(unicode.is_refused(c) for c in "aøÅ1 -é\u0301")


def test_a_file_name_with_an_invisible_character_is_refused(repo: Repo) -> None:
    rel = "data/people/anne\u202erod.yaml"
    repo.write(rel, repo.read("data/people/anne-rod.yaml"))
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == rel
    ]
    assert [p["code"] for p in found] == ["HF115"]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found[0]["message"]
