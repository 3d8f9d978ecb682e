"""The dataset builder itself: its least repository is valid, and it writes what it is given."""

from __future__ import annotations

from pathlib import Path

from hfctl.store.loader import load
from tests.builder import TRUST, Build, to_yaml


def test_the_least_repository_is_valid_and_complete(tmp_path: Path) -> None:
    b = Build(tmp_path)
    ds = b.load()
    assert ds.community is not None and ds.community.trust == TRUST
    assert ds.counties is not None and set(ds.parties) == {TRUST}
    assert ds.problems == [] and b.problems() == []


def test_the_docstring_example_is_valid(tmp_path: Path) -> None:
    b = (
        Build(tmp_path)
        .municipality("bokn", "1145")
        .person("kari", "bokn")
        .forum("ssu")
        .member("ssu", "kari", represents="bokn")
        .meeting("ssu", "2026-04-23", status="held")
    )
    assert b.codes() == set()
    ds = b.load()
    assert ds.forums["ssu"].members[0].person == "kari"
    assert ds.meetings["2026-04-23-ssu"].status == "held"
    assert ds.parties["bokn"].number_on(b.today) == "1145"


def test_text_that_looks_like_something_else_stays_text(tmp_path: Path) -> None:
    tricky = ["no", "0047", "1.5", "null", "Sak #5", "a: b", "- x", '"quoted"', "æøå"]
    b = Build(tmp_path).person("kari", title=" | ".join(tricky))
    for index, text in enumerate(tricky):
        b.person(f"p{index}", title=text)
    ds = b.load()
    assert b.problems() == []
    assert [ds.people[f"p{i}"].title for i in range(len(tricky))] == tricky


def test_yaml_shape() -> None:
    text = to_yaml({"a": {"b": [1, {"c": "2026-01-01", "d": True}], "e": []}, "1145": {}})
    assert text == ('a:\n  b:\n    - 1\n    - c: 2026-01-01\n      d: true\n  e: []\n"1145": {}\n')


def test_a_written_repository_is_one_the_loader_reads_from_disk(tmp_path: Path) -> None:
    root = Build(tmp_path).person("kari").write()
    assert (root / "data/people/kari.yaml").read_text().startswith('id: "kari"\n')
    assert "kari" in load(root, cache=False).people
