"""Every kind of unreadable file is a located problem, never a traceback, and never stops the
other files from being checked."""

from __future__ import annotations

import pytest

from tests.conftest import Repo, problems, run

PERSON = "data/people/ola-testmann.yaml"
GOOD = "id: ola-testmann\nname: Ola Testmann\nparty: haugesund\n"

# (case id, file content, expected code, expected line, expected column or None)
CASES: list[tuple[str, bytes, str, int | None, int | None]] = [
    ("tab-indent", b"id: ola-testmann\nname: Ola\n\tparty: haugesund\n", "HF113", 3, 1),
    (
        "duplicate-key",
        b"id: ola-testmann\nname: Ola\nname: Kari\nparty: haugesund\n",
        "HF102",
        3,
        1,
    ),
    ("yaml-syntax", b"id: ola-testmann\nname: [Ola\nparty: haugesund\n", "HF101", None, None),
    (
        "latin-1",
        "id: ola-testmann\nname: Ola Sæther\nparty: haugesund\n".encode("latin-1"),
        "HF103",
        2,
        12,
    ),
    ("utf-16", GOOD.encode("utf-16"), "HF103", 1, 1),
    ("bom-inside", GOOD.encode().replace(b"\n", b"\n\xef\xbb\xbf", 1), "HF103", 2, 1),
    ("nul", b"id: ola-testmann\nname: Ola\x00\nparty: haugesund\n", "HF103", 2, 10),
    (
        "zero-width",
        "id: ola-testmann\nname: Ola\u200b\nparty: haugesund\n".encode(),
        "HF103",
        2,
        10,
    ),
    (
        "conflict",
        b"id: ola-testmann\n<<<<<<< HEAD\nname: Ola\n=======\nname: Kari\n"
        b">>>>>>> branch\nparty: haugesund\n",
        "HF106",
        2,
        1,
    ),
    ("empty", b"", "HF107", 1, 1),
    ("comment-only", b"# nothing here yet\n", "HF107", 1, 1),
    ("top-level-list", b"- id: ola-testmann\n- name: Ola\n", "HF108", 1, 1),
    ("directive", b"%YAML 1.1\n---\nid: ola-testmann\n", "HF109", 1, 1),
    ("anchor", b"id: ola-testmann\nname: &n Ola\nparty: haugesund\n", "HF110", 2, 7),
    ("alias", b"id: ola-testmann\nname: Ola\ntitle: *n\nparty: haugesund\n", "HF110", 3, 8),
    ("tag", b"id: ola-testmann\nname: !!str Ola\nparty: haugesund\n", "HF111", 2, 7),
    ("two-documents", b"id: ola-testmann\n---\nname: Ola\n", "HF112", 2, 1),
    (
        "unknown-key",
        b"id: ola-testmann\nname: Ola\nparty: haugesund\ntitel: Leiar\n",
        "HF201",
        4,
        1,
    ),
    ("missing-key", b"id: ola-testmann\nparty: haugesund\n", "HF202", 1, 1),
    ("mapping-key", b"id: ola-testmann\n? [a, b]\n: x\n", "HF104", 2, 3),
]


@pytest.mark.parametrize(
    ("content", "code", "line", "column"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_unreadable_file_is_located(
    repo: Repo, content: bytes, code: str, line: int | None, column: int | None
) -> None:
    repo.write(PERSON, content)
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code == 1
    found = [p for p in problems(result) if p["file"] == PERSON]
    assert found, result.stdout
    first = found[0]
    assert first["code"] == code, found
    assert first["severity"] == "error"
    if line is not None:
        assert (first["line"], first["column"]) == (line, column), found
    else:
        assert isinstance(first["line"], int)


def test_alias_with_anchor_is_refused_at_the_anchor(repo: Repo) -> None:
    repo.write(PERSON, b"id: ola-testmann\nname: &n Ola\ntitle: *n\nparty: haugesund\n")
    found = problems(run("validate", "--format", "json", repo=repo))
    mine = [p for p in found if p["file"] == PERSON]
    assert [(p["code"], p["line"]) for p in mine] == [("HF110", 2)]


def test_alias_bomb_is_refused_quickly(repo: Repo) -> None:
    lines = ["id: ola-testmann", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [*a{i - 1 if i > 1 else ''}, *a{i - 1 if i > 1 else ''}]")
    repo.write(PERSON, "\n".join(lines).replace("*a0", "*a") + "\n")
    found = problems(run("validate", "--format", "json", repo=repo))
    assert [p["code"] for p in found if p["file"] == PERSON] == ["HF110"]


def test_one_broken_file_does_not_hide_others(repo: Repo) -> None:
    repo.write(PERSON, b"id: ola-testmann\nname: [Ola\n")
    repo.write("data/people/kari-testmann.yaml", b"id: kari-testmann\nname: Kari\nparty: nowhere\n")
    found = problems(run("validate", "--format", "json", repo=repo))
    codes = {(p["file"], p["code"]) for p in found}
    assert (PERSON, "HF101") in codes
    assert ("data/people/kari-testmann.yaml", "HF310") in codes


@pytest.mark.parametrize("text", ["NO", "no", "yes", "on", "off"])
def test_yaml11_booleans_are_never_booleans(repo: Repo, text: str) -> None:
    repo.write(PERSON, f"id: ola-testmann\nname: {text}\nparty: haugesund\n")
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == PERSON
    ]
    assert [(p["code"], p["line"], p["severity"]) for p in found] == [("HF204", 2, "warning")]
    assert f'"{text}"' in found[0]["message"]


def test_yes_is_not_true(repo: Repo) -> None:
    rel = "data/roles/interkommunal-samhandlingskoordinator.yaml"
    line = repo.edit(
        rel,
        "exclusive: true",
        "exclusive: yes",
    )
    found = problems(run("validate", "--format", "json", repo=repo))
    invalid = [p for p in found if p["code"] == "HF203" and p["file"] == rel]
    assert invalid and invalid[0]["line"] == line
    assert "true or false" in invalid[0]["message"]


def test_leading_zero_and_clock_values_stay_text(repo: Repo) -> None:
    repo.write(PERSON, "id: ola-testmann\nname: Ola\nparty: haugesund\ntitle: 0301\nphone: 12:30\n")
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == PERSON
    ]
    assert sorted((p["code"], p["line"]) for p in found) == [("HF204", 4), ("HF204", 5)]
    from hfctl.store.loader import load

    person = load(repo.root).people["ola-testmann"]
    assert (person.title, person.phone) == ("0301", "12:30")


def test_unclosed_front_matter(repo: Repo) -> None:
    rel = "data/meetings/2026/2026-12-24-ssu.md"
    repo.write(rel, "---\nforum: ssu\ndate: 2026-12-24\n\nSome text\n")
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == rel
    ]
    assert [(p["code"], p["line"]) for p in found] == [("HF114", 1)]


def test_markdown_without_front_matter(repo: Repo) -> None:
    rel = "data/meetings/2026/2026-12-24-ssu.md"
    repo.write(rel, "# Møte\n")
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == rel
    ]
    assert [(p["code"], p["line"]) for p in found] == [("HF114", 1)]


def test_impossible_date(repo: Repo) -> None:
    repo.write(PERSON, "id: ola-testmann\nname: Ola\nparty: haugesund\n")
    rel = "data/roles/interkommunal-samhandlingskoordinator.yaml"
    text = repo.read(rel)
    line = text.count("\n", 0, text.index("from: ")) + 1
    first_from = text[text.index("from: ") :].split("\n")[0]
    repo.edit(rel, first_from, "from: 2026-02-30", count=text.count(first_from))
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == rel
    ]
    assert found[0]["code"] == "HF203" and found[0]["line"] == line
    assert "not a real date" in found[0]["message"]


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("title: Rom #2", True),
        ("title: Sak #5 om budsjett", True),
        ("title: Rådgjevar  # frå 2026", False),  # a comment, written as one
        ('title: "Rom #2"', False),
        ("title: Rom#2", False),  # no space before '#': YAML keeps it
    ],
)
def test_a_hash_that_cuts_a_value_is_a_warning(repo: Repo, line: str, cut: bool) -> None:
    rel = "data/people/anne-rod.yaml"
    repo.write(rel, repo.read(rel).rstrip("\n") + f"\n{line}\n")
    text = repo.read(rel)
    if text.count("title:") > 1:  # keep one title: the test's
        first = text.index("title:")
        text = text[:first] + text[text.index("\n", first) + 1 :]
        repo.write(rel, text)
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["file"] == rel
    ]
    codes = [p["code"] for p in found]
    assert ("HF205" in codes) is cut, found
    if cut:
        hit = next(p for p in found if p["code"] == "HF205")
        assert hit["line"] == text.splitlines().index(line) + 1 and hit["column"] == 8
        assert "write it in quotes" in hit["message"]


def test_positions_are_exact_to_the_last_column_of_the_largest_file() -> None:
    from hfctl.core.problems import pack, unpack
    from hfctl.store.sources import MAX_FILE_BYTES
    from hfctl.store.yamlread import parse_yaml

    for line, column in ((1, 1), (3, 17), (MAX_FILE_BYTES, 1), (1, MAX_FILE_BYTES + 1)):
        assert unpack(pack(line, column)) == (line, column)
    padding = " " * (MAX_FILE_BYTES - 40)
    parsed = parse_yaml("c: 3\nd: {a: 1," + padding + "b: 2}\n")
    assert unpack(parsed.values[("c",)]) == (1, 4)
    assert unpack(parsed.keys[("d", "b")]) == (2, len("d: {a: 1,") + len(padding) + 1)
    assert unpack(parsed.values[("d", "b")]) == (2, len("d: {a: 1,") + len(padding) + 4)
