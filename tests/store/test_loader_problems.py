"""The codes of reading files: the loader's own (file names, kinds, schema, ambiguous text,
unreadable files), the reader's (YAML and encoding) and the personal-data scan, each on a small
dataset made by ``tests.builder``: the mistake is reported where it is made, and the near-valid
variant reports nothing."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest

from hfctl.models.party import Person
from hfctl.store import loader
from tests.builder import TRUST, Build
from tests.store.test_personal_data import valid

Where = tuple[str, int | None]
CASES: dict[str, Callable[[Build, bool], Where]] = {}

KARI = "data/people/kari.yaml"
GOOD = f"id: kari\nname: Kari\nparty: {TRUST}\n"


def case(name: str) -> Callable[[Callable[[Build, bool], Where]], Callable[[Build, bool], Where]]:
    def register(fn: Callable[[Build, bool], Where]) -> Callable[[Build, bool], Where]:
        CASES[name] = fn
        return fn

    return register


def person_file(b: Build, extra: str, good: str) -> Where:
    b.file(KARI, GOOD + extra if extra else GOOD + good)
    return KARI, 4


@case("HF201")
def _unknown_key(b: Build, bad: bool) -> Where:
    return person_file(b, "emial: kari@example.no\n" if bad else "", "email: kari@example.no\n")


@case("HF202")
def _missing_key(b: Build, bad: bool) -> Where:
    b.file(KARI, GOOD.replace("name: Kari\n", "") if bad else GOOD)
    return KARI, 1


@case("HF203")
def _invalid_value(b: Build, bad: bool) -> Where:
    return person_file(b, "email: kari-at-example\n" if bad else "", "email: kari@example.no\n")


@case("HF204")
def _ambiguous_scalar(b: Build, bad: bool) -> Where:
    return person_file(b, "title: no\n" if bad else "", 'title: "no"\n')


@case("HF205")
def _comment_cuts_value(b: Build, bad: bool) -> Where:
    return person_file(b, "title: Rådgjevar #2\n" if bad else "", 'title: "Rådgjevar #2"\n')


@case("HF115-not-ascii")
def _name_not_ascii(b: Build, bad: bool) -> Where:
    rel = "data/people/øyvind.yaml" if bad else "data/people/oyvind.yaml"
    b.file(rel, GOOD.replace("kari", "oyvind"))
    return rel, None


@case("HF115-windows-name")
def _name_reserved(b: Build, bad: bool) -> Where:
    rel = "data/people/con.yaml" if bad else "data/people/conn.yaml"
    b.file(rel, GOOD.replace("kari", rel.split("/")[-1].removesuffix(".yaml")))
    return rel, None


@case("HF115-symbolic-link")
def _symbolic_link(b: Build, bad: bool) -> Where:
    if bad:
        b.file("elsewhere/kari.yaml", GOOD).link(KARI, "../../elsewhere/kari.yaml")
    else:
        b.file(KARI, GOOD)
    return KARI, None


@case("HF116")
def _unknown_file(b: Build, bad: bool) -> Where:
    rel = "data/people/kari.yml" if bad else KARI
    b.file(rel, GOOD)
    return rel, None


@pytest.mark.parametrize("name", sorted(CASES))
def test_reported_where_it_is_made(tmp_path: Path, name: str) -> None:
    b = Build(tmp_path)
    where = CASES[name](b, True)
    found = b.found(name.split("-", 1)[0])
    assert where in found, f"{name}: expected at {where}, found at {found}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_near_valid_variant_reports_nothing(tmp_path: Path, name: str) -> None:
    b = Build(tmp_path)
    CASES[name](b, False)
    assert [(p.code, str(p.location), p.message) for p in b.problems()] == []


def test_unreadable_file_is_hf100_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    b = Build(tmp_path).person("kari").person("ola")
    root = b.write()
    real = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "kari.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    ds = loader.load(root, cache=False)
    assert [(p.code, p.location.file, p.message) for p in ds.problems] == [
        ("HF100", KARI, "cannot read file: Permission denied")
    ]
    assert set(ds.people) == {"ola"}


def test_a_file_gone_before_it_is_read_is_hf100(tmp_path: Path) -> None:
    root = Build(tmp_path).write()
    model, doc, problems = loader.read_file(root, root / KARI, Person)
    assert model is None and doc is None
    assert [(p.code, p.location.file) for p in problems] == [("HF100", KARI)]


# -- reading a file (store/sources.py, store/yamlread.py) and personal data: the bytes with the
# mistake, and the near-valid bytes (None: the good person file) --

MEETING = "data/meetings/2026/2026-04-23-ssu.md"
FRONT = 'forum: ssu\ndate: 2026-04-23\nstart: "10:00"\nlocation: Teams\n'
FNR = valid("150385")

READING: dict[str, tuple[str, bytes, bytes | None, int]] = {
    # name: (file, bad bytes, near-valid bytes, line of the problem)
    "HF101": (KARI, b"id: kari\nname: [Kari\nparty: helse-test\n", None, 0),
    "HF102": (KARI, (GOOD + "name: Kari\n").encode(), None, 4),
    # a byte order mark opening the file is allowed (as Windows editors save); inside it is not
    "HF103-bom": (KARI, GOOD.encode().replace(b"\n", b"\n\xef\xbb\xbf", 1), None, 2),
    "HF103-control": (KARI, b"id: kari\nname: Ka\x1bri\nparty: helse-test\n", None, 2),
    "HF104": (KARI, (GOOD + "? [a, b]\n: x\n").encode(), None, 4),
    "HF105": (KARI, (GOOD + "# " + "x" * 1_000_001 + "\n").encode(), (GOOD + "# x\n").encode(), 0),
    "HF106": (KARI, ("<<<<<<< HEAD\n" + GOOD + "=======\n>>>>>>> b\n").encode(), None, 1),
    "HF107": (KARI, b"# kjem\n", None, 1),
    "HF108": (KARI, b"- id: kari\n- name: Kari\n", None, 1),
    "HF109": (KARI, ("%YAML 1.2\n---\n" + GOOD).encode(), ("---\n" + GOOD).encode(), 1),
    "HF110": (KARI, b"id: kari\nname: &n Kari\nparty: helse-test\n", None, 2),
    "HF111": (KARI, b"id: kari\nname: !!str Kari\nparty: helse-test\n", None, 2),
    "HF112": (KARI, (GOOD + "---\ntitle: x\n").encode(), (GOOD + "title: x\n").encode(), 4),
    "HF113": (KARI, b"id: kari\nname: Kari\n\tparty: helse-test\n", None, 3),
    "HF114": (MEETING, f"---\n{FRONT}".encode(), f"---\n{FRONT}---\n".encode(), 1),
    "HF500": (
        KARI,
        (GOOD + f'title: "{FNR}"\n').encode(),
        (GOOD + 'title: "15038500000"\n').encode(),
        4,
    ),
    "HF501": (
        KARI,
        (GOOD + 'phone: "+47 412 34 567"\n').encode(),
        (GOOD + 'phone: "+47 52 73 20 00"\n').encode(),
        4,
    ),
}


@pytest.mark.parametrize("name", sorted(READING))
def test_reading_code_where_it_is_made_and_not_without_it(tmp_path: Path, name: str) -> None:
    rel, bad, good, line = READING[name]
    code = name.split("-", 1)[0]
    b = Build(tmp_path / "bad").forum("ssu").file(rel, bad)
    found = b.found(code)
    assert found and all(file == rel for file, _ in found), (name, found, b.codes())
    if line:
        assert found[0][1] == line, (name, found)
    b = Build(tmp_path / "good").forum("ssu").file(rel, GOOD if good is None else good)
    assert [(p.code, str(p.location), p.message) for p in b.problems()] == []
