"""Property tests: any input gives models or located problems, never another exception.

A longer run: see docs/fuzzing.md
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfctl.models.meeting import Meeting
from hfctl.models.party import Person
from hfctl.store.parsing import parse_model
from hfctl.store.sources import read_document
from hfctl.store.yamlread import ReadError

EXAMPLES = int(os.environ.get("HFCTL_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

FRAGMENTS = [
    "id: ",
    "name: ",
    "party: ",
    "- ",
    "  ",
    "\n",
    "\t",
    ":",
    "{",
    "}",
    "[",
    "]",
    "&a ",
    "*a",
    "!!str ",
    "%YAML 1.2",
    "---",
    "...",
    "#",
    "'",
    '"',
    "\\",
    "æøå",
    "2026-02-30",
    "12:30",
    "no",
    "0301",
    "\x00",
    "\ufeff",
    "\r\n",
    "? ",
    "|",
    ">",
    "ola-testmann",
    "haugesund",
    "functions: [",
    "title: ",
]


@pytest.mark.fuzz
@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_read_or_located(raw: bytes) -> None:
    try:
        doc = read_document("data/people/x.yaml", raw, markdown=False)
    except ReadError as exc:
        assert exc.code.startswith("HF1")
        return
    _model, problems = parse_model(Person, doc)
    for problem in problems:
        assert problem.location.file == "data/people/x.yaml"


@pytest.mark.fuzz
@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_yamlish_text_read_or_located(text: str) -> None:
    for markdown, model in ((False, Person), (True, Meeting)):
        raw = (("---\n" + text + "\n---\nbody\n") if markdown else text).encode("utf-8")
        try:
            doc = read_document("f", raw, markdown=markdown)
        except ReadError as exc:
            assert exc.line is None or exc.line >= 1
            continue
        _model, problems = parse_model(model, doc)
        assert all(p.location.line is None or p.location.line >= 1 for p in problems)
