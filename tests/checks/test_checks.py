"""Every check: a failing case (a deliberate mistake, found at its line) and a passing case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hfctl.core.rules import RULES
from tests.conftest import Repo, problems, run

OSA = "data/agreements/overordna-samarbeidsavtale.yaml"
SSU = "data/forums/ssu.yaml"
ROLE = "data/roles/interkommunal-samhandlingskoordinator.yaml"
HLN = "data/forums/helseleiarnettverket.yaml"
SSU_FEB = "data/meetings/2026/2026-02-12-ssu.md"
SSU_APR = "data/meetings/2026/2026-04-23-ssu.md"
SSU_DEC = "data/meetings/2026/2026-12-10-ssu.md"


def validate(repo: Repo, *args: str) -> list[dict[str, Any]]:
    result = run("validate", "--format", "json", *args, repo=repo)
    assert result.exit_code in (0, 1), result.stderr
    return problems(result)


def codes(found: list[dict[str, Any]]) -> set[str]:
    return {p["code"] for p in found}


def coordinator(repo: Repo) -> str:
    from hfctl.store.loader import load

    role = load(repo.root).roles["interkommunal-samhandlingskoordinator"]
    return role.holders[-1].person


def replace_first(repo: Repo, rel: str, old: str, new: str) -> int:
    text = repo.read(rel)
    assert old in text, (rel, old)
    line = text[: text.index(old)].count("\n") + 1
    repo.write(rel, text.replace(old, new, 1))
    return line


@dataclass
class Mistake:
    """A deliberate mistake: where it is made, the code it must give, and the line."""

    code: str
    file: str
    make: Callable[[Repo], int]
    today: str | None = None


def edit(
    rel: str, old: str, new: str, offset: int = 0, at: str | None = None
) -> Callable[[Repo], int]:
    """Make the mistake; the problem is expected at the edit (plus offset), or at ``at``."""

    def make(repo: Repo) -> int:
        line = replace_first(repo, rel, old, new) + offset
        return repo.line_of(rel, at) if at else line

    return make


def new_file(rel: str, text: str, line: int = 1) -> Callable[[Repo], int]:
    def make(repo: Repo) -> int:
        repo.write(rel, text)
        return line

    return make


def _copy_partnership(repo: Repo) -> int:
    text = repo.read("data/meetings/2026/2026-10-22-partnerskapsmotet.md")
    text = text.replace("date: 2026-10-22", "date: 2026-11-02")
    repo.write("data/meetings/2026/2026-11-02-partnerskapsmotet.md", text)
    return 3


def _not_ssu_member(repo: Repo) -> int:
    person = coordinator(repo)
    replace_first(repo, SSU, f"person: {person}", "person: " + "eirik-moe")
    return repo.line_of(ROLE, f"person: {person}")


def _wrong_secretary(repo: Repo) -> int:
    return replace_first(repo, SSU_APR, "secretary: ", f"secretary: {coordinator(repo)}\n#")


def _drop_bokn(repo: Repo) -> int:
    text = repo.read(OSA)
    start = text.index('      "1145":  # Bokn', text.index('version: "2026"'))
    end = text.index("\n", text.index("note:", start)) + 1
    repo.write(OSA, text[:start] + text[end:])
    return text[: text.index("    signatures:", text.index('version: "2026"'))].count("\n") + 1


MISTAKES: dict[str, Mistake] = {
    "HF301": Mistake(
        "HF301",
        "data/parties/bokn.yaml",
        edit("data/parties/bokn.yaml", "id: bokn", "id: bokn-kommune"),
    ),
    "HF302": Mistake("HF302", SSU_APR, edit(SSU_APR, "date: 2026-04-23", "date: 2026-04-24")),
    "HF310": Mistake(
        "HF310",
        "data/parties/helse-fonna.yaml",
        edit(
            "data/parties/helse-fonna.yaml",
            "    director: ",
            "    director: nobody-here\n    # ",
            0,
        ),
    ),
    "HF311": Mistake(
        "HF311",
        OSA,
        edit(
            OSA,
            '"1106":  # Haugesund\n        sent: 2026-05-05',
            '"1107":  # Haugesund\n        sent: 2026-05-05',
        ),
    ),
    "HF313": Mistake(
        "HF313",
        "data/parties/kvinnherad.yaml",
        edit("data/parties/kvinnherad.yaml", "    to: 2019-12-31\n", "    to: 2020-06-30\n", 2),
    ),
    "HF320": Mistake("HF320", ROLE, edit(ROLE, "    to: 2023-12-31", "    to: 2021-01-01")),
    "HF321": Mistake("HF321", SSU_APR, edit(SSU_APR, 'end: "14:00"', 'end: "09:00"')),
    "HF336": Mistake(
        "HF336",
        "data/forums/fsu-barn-og-unge.yaml",
        edit(
            "data/forums/fsu-barn-og-unge.yaml",
            "roles: [coordinator]",
            "roles: [member]",
            at="\nmembers:",
        ),
    ),
    "HF340": Mistake("HF340", ROLE, edit(ROLE, "    to: 2023-12-31", "    to: 2024-06-30", 2)),
    "HF341": Mistake(
        "HF341",
        ROLE,
        edit(
            ROLE,
            "    from: 2024-01-01\n",
            "    from: 2024-01-01\n    to: 2026-06-30\n",
            at="\nholders:",
        ),
    ),
    "HF342": Mistake("HF342", ROLE, _not_ssu_member),
    "HF343": Mistake(
        "HF343",
        ROLE,
        lambda repo: (
            replace_first(repo, HLN, "roles: [member, secretary]", "roles: [member]"),
            repo.line_of(ROLE, f"person: {coordinator(repo)}"),
        )[1],
    ),
    "HF350": Mistake(
        "HF350",
        SSU,
        edit(
            SSU,
            "      from: 2024-01-01\n      to: 2025-12-31",
            "      from: 2024-02-01\n      to: 2026-01-31",
        ),
    ),
    "HF351": Mistake("HF351", SSU, edit(SSU, "      to: 2027-12-31", "      to: 2028-12-31")),
    "HF352": Mistake(
        "HF352",
        SSU,
        edit(SSU, "    - holder: helseleiarnettverket\n", "    - holder: helse-fonna\n"),
    ),
    "HF353": Mistake("HF353", SSU, lambda repo: repo.line_of(SSU, "  terms:"), today="2028-06-01"),
    "HF354": Mistake(
        "HF354",
        SSU,
        edit(
            SSU,
            "    holders: [helseleiarnettverket, helse-fonna]",
            "    holders: [helseleiarnettverket, fousam]",
            at="    - holder: helse-fonna",
        ),
    ),
    "HF355": Mistake("HF355", SSU_APR, _wrong_secretary),
    "HF361": Mistake(
        "HF361", "data/meetings/2026/2026-11-02-partnerskapsmotet.md", _copy_partnership
    ),
    "HF362": Mistake("HF362", SSU_APR, edit(SSU_APR, "  - number: 7\n", "  - number: 6\n")),
    "HF363": Mistake("HF363", SSU_DEC, edit(SSU_DEC, "  - number: 33\n", "  - number: 34\n")),
    "HF364": Mistake(
        "HF364",
        SSU_APR,
        lambda repo: (
            replace_first(repo, SSU_FEB, "  - number: 5\n", "  - number: 6\n"),
            replace_first(repo, SSU_APR, "  - number: 6\n", "  - number: 5\n"),
        )[1],
    ),
    "HF365": Mistake("HF365", SSU_FEB, edit(SSU_FEB, "  - number: 1\n    title:", "  - title:")),
    "HF366": Mistake(
        "HF366",
        "data/meetings/2026/2026-03-03-samhandlingsutvalet.md",
        new_file(
            "data/meetings/2026/2026-03-03-samhandlingsutvalet.md",
            '---\nforum: samhandlingsutvalet\ndate: 2026-03-03\nstart: "10:00"\nlocation: Teams\n'
            "---\n",
            3,
        ),
    ),
    "HF370": Mistake(
        "HF370",
        OSA,
        edit(
            OSA,
            '"1106":  # Haugesund\n        sent: 2026-05-05\n        council_meeting: 2026-06-10',
            '"1106":  # Haugesund\n        sent: 2026-05-05\n        council_meeting: 2026-06-30',
            3,
        ),
    ),
    "HF371": Mistake(
        "HF371",
        OSA,
        edit(
            OSA,
            '"1106":  # Haugesund\n        sent: 2026-05-05',
            '"1106":  # Haugesund\n        sent: 2026-04-01',
            1,
        ),
    ),
    "HF372": Mistake("HF372", OSA, _drop_bokn),
    "HF373": Mistake(
        "HF373",
        "data/community.yaml",
        lambda repo: (
            replace_first(
                repo, "data/agreements/tenesteavtale-13.yaml", "covers: [13]", "covers: [12]"
            ),
            repo.line_of("data/community.yaml", "    - item: 13"),
        )[1],
    ),
    "HF376": Mistake(
        "HF376",
        "data/agreements/tenesteavtale-13.yaml",
        edit("data/agreements/tenesteavtale-13.yaml", "covers: [13]", "covers: [13, 14]"),
    ),
    "HF115": Mistake(
        "HF115",
        "data/people/øyvind-test.yaml",
        new_file("data/people/øyvind-test.yaml", "id: x\n", 0),
    ),
    "HF116": Mistake(
        "HF116",
        "data/people/ola-test.yml",
        new_file("data/people/ola-test.yml", "id: ola-test\n", 0),
    ),
}


@pytest.mark.data
def test_bundled_data_is_valid(bundled: Path) -> None:
    """The bundled data has no error (each code's passing case is in test_codes.py); every
    error is listed at once."""
    result = run("validate", "--format", "json", "--repo", str(bundled))
    errors = [p for p in problems(result) if p["severity"] == "error"]
    assert errors == [], "\n".join(
        f"{p['file']}:{p['line']} {p['code']} {p['message']}" for p in errors
    )
    assert result.exit_code == 0
    result = run("validate", "--repo", str(bundled))
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("ok: 0 errors, ") and "files" in last


def test_json_output_has_exactly_the_documented_shape(repo: Repo) -> None:
    result = run("validate", "--format", "json", repo=repo)
    data = result.json()
    assert set(data) == {"ok", "errors", "warnings", "problems"}
    assert data["ok"] is True and data["errors"] == 0
    assert data["warnings"] == len(data["problems"]) > 0
    for p in data["problems"]:
        assert set(p) == {"severity", "code", "message", "file", "line", "column"}
        assert p["severity"] in ("error", "warning") and p["code"] in RULES
        assert isinstance(p["line"], int) and isinstance(p["column"], int)
        assert not p["file"].startswith("/")


@pytest.mark.parametrize("code", sorted(MISTAKES))
def test_check_fails_on_its_mistake(repo: Repo, code: str) -> None:
    mistake = MISTAKES[code]
    line = mistake.make(repo)
    args = ("--today", mistake.today) if mistake.today else ()
    found = validate(repo, *args)
    mine = [p for p in found if p["code"] == code]
    assert mine, f"{code} not reported; got {sorted(codes(found))}"
    assert any(p["file"] == mistake.file for p in mine), mine
    if line:
        assert any(p["file"] == mistake.file and p["line"] == line for p in mine), (line, mine)
    result = run("validate", *args, repo=repo)
    assert result.exit_code == (1 if RULES[code].severity.value == "error" else 0)


@pytest.mark.parametrize(
    ("code", "file", "warn_day", "quiet_day"),
    [
        ("HF333", SSU, "2026-11-24", "2026-06-01"),
        ("HF374", "data/agreements/tenesteavtale-2.yaml", "2026-11-24", "2026-06-01"),
        ("HF375", OSA, "2026-11-24", "2026-09-01"),
        ("HF356", SSU, "2027-11-01", "2027-06-01"),
    ],
)
def test_warnings_come_and_go_with_the_day(
    repo: Repo, code: str, file: str, warn_day: str, quiet_day: str
) -> None:
    warned = [p for p in validate(repo, "--today", warn_day) if p["code"] == code]
    assert warned and all(p["severity"] == "warning" for p in warned)
    assert any(p["file"] == file for p in warned)
    assert code not in codes(validate(repo, "--today", quiet_day))


def test_yearly_meeting_missing_next_year(repo: Repo) -> None:
    repo.path("data/meetings/2027/2027-10-21-partnerskapsmotet.md").unlink()
    found = [p for p in validate(repo) if p["code"] == "HF360"]
    assert [p["file"] for p in found] == ["data/forums/partnerskapsmotet.yaml"]
    assert "2027" in found[0]["message"]


def test_user_representative_from_each_side(repo: Repo) -> None:
    text = repo.read("data/forums/fousam.yaml")
    repo.write("data/forums/fousam.yaml", text.replace("kind: user", "kind: trust", 1))
    found = [p for p in validate(repo) if p["code"] in ("HF336", "HF201", "HF203")]
    assert [p["code"] for p in found] == ["HF203"]  # a trust seat names its party
    repo.write("data/forums/fousam.yaml", text.replace("side: municipal", "side: trust"))
    (missing,) = [p for p in validate(repo) if p["code"] == "HF336"]
    assert missing["file"] == "data/forums/fousam.yaml"
    assert "user seat (municipal side)" in missing["message"]
    assert "rule 'brukarmedverknad' (data/community.yaml:" in missing["message"]


def test_strict_fails_on_warnings(repo: Repo) -> None:
    assert run("validate", repo=repo).exit_code == 0
    assert run("validate", "--strict", repo=repo).exit_code == 1
    assert run("validate", "--strict", "--format", "json", repo=repo).json()["ok"] is False


def test_github_format(repo: Repo) -> None:
    MISTAKES["HF321"].make(repo)
    result = run("validate", "--format", "github", repo=repo)
    lines = result.stdout.splitlines()
    assert any(
        line.startswith(f"::error file={SSU_APR},line=") and ",title=HF321::" in line
        for line in lines
    )
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_usage_errors_exit_2(repo: Repo) -> None:
    assert run("validate", "--format", "xml", repo=repo).exit_code == 2
    assert run("validate", "--today", "2026-13-01", repo=repo).exit_code == 2
    assert run("validate", "--repo", str(repo.root / "nowhere")).exit_code == 2


def test_a_dozen_mistakes_are_all_reported_in_one_run(repo: Repo) -> None:
    chosen = [
        "HF301",
        "HF302",
        "HF310",
        "HF311",
        "HF313",
        "HF320",
        "HF336",
        "HF351",
        "HF362",
        "HF366",
        "HF376",
        "HF116",
        "HF115",
    ]
    expected = [(code, MISTAKES[code].file, MISTAKES[code].make(repo)) for code in chosen]
    found = validate(repo)
    located = {(p["code"], p["file"], p["line"] or 0) for p in found}
    for code, file, line in expected:
        if line:
            assert (code, file, line) in located, (code, file, line)
        else:
            assert any(c == code and f == file for c, f, _ in located), code
    result = run("validate", repo=repo)
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-1].startswith("failed: ")


def test_every_rule_is_documented() -> None:
    from hfctl.core.rules import rules_markdown
    from tests.conftest import PROJECT

    assert (PROJECT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()
