"""The round-trip writer: load → save is the identity, and an edit changes only its lines."""

from __future__ import annotations

import datetime as dt
import difflib
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfctl.core.errors import RefusedError
from hfctl.store import yamledit

# docs/fuzzing.md: HFCTL_FUZZ_EXAMPLES sets a longer run of every property test
FUZZ = int(os.environ.get("HFCTL_FUZZ_EXAMPLES", "0"))

VOCABULARY = [
    "møte",
    "sak",
    "Kvinnherad",
    "Bømlo",
    "Tysvær",
    "Ålesund",
    "ærleg",
    "helse",
    "fellesskap",
    "no",
    "NO",
    "yes",
    "on",
    "null",
    "true",
    "12:30",
    "0301",
    "x",
    "Øyvind",
    "brukar",
    "rådgjevar",
    "sjukehus",
    "é",
    "naïve",
    "vedtak",
    "#",
    "a-b",
    "'",
    "key: value",
]
WORDS = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4).map(" ".join)
KEYS = st.sampled_from(
    [
        "id",
        "name",
        "from",
        "to",
        "title",
        "kind",
        "members",
        "cases",
        "note",
        "sent",
        "signed",
        "reference",
        "status",
        "ein_lang_nokkel",
    ]
)


def _scalar(draw: st.DrawFn) -> str:
    word = draw(WORDS)
    style = draw(st.sampled_from(["plain", "single", "double", "number", "date"]))
    if style == "single":
        return "'" + word.replace("'", "''") + "'"
    if style == "double":
        return '"' + word + '"'
    if style == "number":
        return '"' + str(draw(st.integers(0, 9999))).zfill(4) + '"'
    if style == "date":
        return (
            f"20{draw(st.integers(10, 39))}-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))}"
        )
    safe = type(yamledit.scalar(word)) is str and not any(c in word for c in ":#'")
    return word if safe else '"' + word + '"'


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("# " + draw(WORDS))
    keys = draw(st.lists(KEYS, min_size=1, max_size=6, unique=True))
    for key in keys:
        kind = draw(st.sampled_from(["scalar", "map", "list"]))
        comment = "  # " + draw(WORDS) if draw(st.booleans()) else ""
        if kind == "scalar":
            lines.append(f"{key}: {_scalar(draw)}{comment}")
        elif kind == "map":
            lines.append(f"{key}:{comment}")
            for sub in draw(st.lists(KEYS, min_size=1, max_size=4, unique=True)):
                lines.append(f"  {sub}: {_scalar(draw)}")
        else:
            lines.append(f"{key}:")
            for _ in range(draw(st.integers(1, 3))):
                subs = draw(st.lists(KEYS, min_size=1, max_size=3, unique=True))
                lines.append(f"  - {subs[0]}: {_scalar(draw)}")
                lines.extend(f"    {sub}: {_scalar(draw)}" for sub in subs[1:])
        if draw(st.booleans()):
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


@pytest.mark.fuzz
@settings(max_examples=FUZZ or 200, deadline=None)
@given(documents())
def test_round_trip_is_identity(text: str) -> None:
    assert yamledit.open_text("x.yaml", text, markdown=False).render() == text


@pytest.mark.fuzz
@settings(max_examples=FUZZ or 100, deadline=None)
@given(documents(), st.sampled_from(["\n", "\r\n"]))
def test_line_endings_are_kept(text: str, newline: str) -> None:
    text = text.replace("\n", newline)
    assert yamledit.open_text("x.yaml", text, markdown=False).render() == text


@pytest.mark.fuzz
@settings(max_examples=FUZZ or 100, deadline=None)
@given(documents(), WORDS)
def test_setting_a_value_changes_one_line(text: str, value: str) -> None:
    doc = yamledit.open_text("x.yaml", text, markdown=False)
    key = next(iter(doc.data))
    if not isinstance(doc.data[key], str):
        return
    doc.data[key] = yamledit.scalar(value + " ny")
    changed = [
        line
        for line in difflib.unified_diff(text.splitlines(), doc.render().splitlines(), lineterm="")
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert len(changed) == 2


@pytest.mark.parametrize("value", ["no", "NO", "yes", "on", "12:30", "0301", "", " x", "null"])
def test_misreadable_strings_are_written_quoted(value: str) -> None:
    doc = yamledit.open_text("x.yaml", "a: b\n", markdown=False)
    doc.data["a"] = yamledit.scalar(value)
    assert doc.render() == f'a: "{value}"\n'


def test_front_matter_and_body_are_kept() -> None:
    text = "---\nforum: ssu  # kommentar\ndate: 2026-02-10\n---\n\n# Møte\n\nTekst med æøå.\n"
    doc = yamledit.open_text("m.md", text, markdown=True)
    assert doc.render() == text
    doc.data["date"] = yamledit.scalar(dt.date(2026, 2, 11))
    assert doc.render() == text.replace("2026-02-10", "2026-02-11")


def test_file_that_would_be_reformatted_is_refused() -> None:
    with pytest.raises(RefusedError, match="without reformatting"):
        yamledit.open_text("x.yaml", "a:    b\nc:\n- 1\n", markdown=False)
