"""The corpus of broken and hostile files. Add a case: one line in CASES (name, file, bytes,
expected code, line or None). Every command in COMMANDS is run over every case."""

from __future__ import annotations

PERSON = "data/people/ola-testmann.yaml"
MEETING = "data/meetings/2026/2026-12-24-ssu.md"
GOOD = "id: ola-testmann\nname: Ola Testmann\nparty: haugesund\n"


def _deep(levels: int) -> bytes:
    return (
        "id: ola-testmann\nname: x\nparty: haugesund\ntitle: " + "[" * levels + "]" * levels + "\n"
    ).encode()


def _bomb() -> bytes:
    lines = ["id: ola-testmann", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


# (name, file, content, code, line); warnings (HF204, HF205) leave validate's exit code 0
CASES: list[tuple[str, str, bytes, str, int | None]] = [
    # YAML syntax and structure
    ("tab", PERSON, b"id: ola-testmann\n\tname: Ola\n", "HF113", 2),
    ("duplicate-key", PERSON, GOOD.encode() + b"name: Kari\n", "HF102", 4),
    ("deep-nesting", PERSON, _deep(200), "HF104", 4),
    ("directive", PERSON, b"%YAML 1.2\n---\n" + GOOD.encode(), "HF109", 1),
    ("tag", PERSON, b"id: !!python/object:os.system ola\n", "HF111", 1),
    ("anchor", PERSON, b"id: &x ola-testmann\nname: *x\n", "HF110", 1),
    ("alias-bomb", PERSON, _bomb(), "HF110", 2),
    ("conflict", PERSON, b"<<<<<<< HEAD\n" + GOOD.encode() + b"=======\n>>>>>>> x\n", "HF106", 1),
    ("empty", PERSON, b"", "HF107", 1),
    ("comment-only", PERSON, b"# todo\n", "HF107", 1),
    ("list", PERSON, b"- a\n- b\n", "HF108", 1),
    ("scalar", PERSON, b"just text\n", "HF108", 1),
    ("flow-garbage", PERSON, b"{id: [}\n", "HF101", None),
    # encodings
    ("bom-inside", PERSON, GOOD.encode().replace(b"\n", b"\n\xef\xbb\xbf", 1), "HF103", 2),
    ("utf-16", PERSON, GOOD.encode("utf-16"), "HF103", 1),
    ("latin-1", PERSON, "id: ola-testmann\nname: Åse\n".encode("latin-1"), "HF103", 2),
    ("nul", PERSON, b"id: ola-testmann\x00\n", "HF103", 1),
    ("escape", PERSON, b"id: ola-testmann\nname: \x1b[31mred\n", "HF103", 2),
    ("bidi", PERSON, "id: ola-testmann\nname: a\u202eb\n".encode(), "HF103", 2),
    # values
    (
        "yaml11-bool",
        PERSON,
        b"id: ola-testmann\nname: Ola\nparty: haugesund\nfunctions: [yes]\n",
        "HF203",
        4,
    ),
    (
        "sexagesimal",
        MEETING,
        b"---\nforum: ssu\ndate: 2026-12-24\nstart: 1:30:00\nlocation: x\n---\n",
        "HF203",
        4,
    ),
    (
        "impossible-date",
        MEETING,
        b'---\nforum: ssu\ndate: 2026-02-30\nstart: "10:00"\nlocation: x\n---\n',
        "HF203",
        3,
    ),
    ("misspelt-key", PERSON, GOOD.encode() + b"emial: a@b.no\n", "HF201", 4),
    ("hash-cuts-title", PERSON, (GOOD + "title: Rådgjevar #2\n").encode(), "HF205", 4),
    ("leading-zero", PERSON, GOOD.encode() + b"title: 0047\n", "HF204", 4),
    # front matter
    ("unclosed", MEETING, b"---\nforum: ssu\n", "HF114", 1),
    ("no-front-matter", MEETING, b"# Mote\n", "HF114", 1),
    # ids
    ("path-traversal", PERSON, b"id: ../../etc/passwd\nname: x\nparty: haugesund\n", "HF203", 1),
    ("absolute", PERSON, b"id: /etc/passwd\nname: x\nparty: haugesund\n", "HF203", 1),
    (
        "cyrillic-lookalike",
        PERSON,
        "id: оla-testmann\nname: x\nparty: haugesund\n".encode(),
        "HF203",
        1,
    ),
    (
        "reference-traversal",
        PERSON,
        b"id: ola-testmann\nname: x\nparty: ../haugesund\n",
        "HF203",
        3,
    ),
    (
        "nfd-file-name",
        "data/people/a\u030ase.yaml",
        b"id: ase\nname: x\nparty: haugesund\n",
        "HF115",
        None,
    ),
    (
        "reserved-name",
        "data/people/con.yaml",
        b"id: con\nname: x\nparty: haugesund\n",
        "HF115",
        None,
    ),
    (
        "reserved-name-meeting",
        "data/meetings/2026/aux.md",
        b"---\nforum: ssu\n---\n",
        "HF115",
        None,
    ),
    # size
    ("large", PERSON, b"id: ola-testmann\nname: " + b"x" * 1_100_000 + b"\n", "HF105", None),
]

WARNINGS = {"HF204", "HF205"}

# the column each case's problem points at, where the problem has one
COLUMNS = {
    "tab": 1,
    "duplicate-key": 1,
    "directive": 1,
    "tag": 5,
    "anchor": 5,
    "conflict": 1,
    "latin-1": 7,
    "nul": 17,
    "escape": 7,
    "bidi": 8,
    "yaml11-bool": 13,
    "sexagesimal": 8,
    "impossible-date": 7,
    "misspelt-key": 1,
    "hash-cuts-title": 8,
    "path-traversal": 5,
    "reference-traversal": 8,
}
