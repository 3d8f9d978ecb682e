"""`hfctl init`: a new community from the official municipality list, valid from its first
minute, with next steps instead of errors, and every command working on it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import TODAY, Repo, Result, git, problems, run

KLASS = Path(__file__).resolve().parent / "data" / "klass-131.csv"


def init(target: Path, *extra: str, municipalities: Path = KLASS) -> Result:
    return run(
        "init",
        str(target),
        "--name",
        "Helsefellesskapet i Aust-Agder",
        "--trust",
        "Sørlandet sjukehus HF",
        "--municipalities",
        str(municipalities),
        *extra,
    )


def codes(result: Result) -> list[str]:
    return sorted(p["code"] for p in problems(result))


def test_fresh_repository_has_no_errors_and_lists_next_steps(tmp_path: Path) -> None:
    target = tmp_path / "community"
    result = init(target)
    assert result.exit_code == 0, result.stderr
    checked = run("validate", "--format", "json", "--repo", str(target))
    assert checked.exit_code == 0
    assert checked.json()["errors"] == 0
    assert codes(checked) == ["HF600", "HF601", "HF602", "HF604"]
    by_code = {p["code"]: p for p in problems(checked)}
    assert "hfctl meeting new ssu" in by_code["HF602"]["message"]
    assert "ssu" in by_code["HF600"]["message"]
    # status shows the same list, from the same validation
    board = run("status", "--format", "json", "--repo", str(target)).json()
    assert [s["code"] for s in board["next_steps"]] == [p["code"] for p in problems(checked)]
    text = run("status", "--repo", str(target)).stdout
    assert "Next steps" in text and "hfctl meeting new ssu" in text
    # nynorsk by default, the national model's bodies, the § 6-2 items
    community = (target / "data" / "community.yaml").read_text(encoding="utf-8")
    assert "default_language: nn" in community and "item: 13" in community
    forums = sorted(p.stem for p in (target / "data" / "forums").glob("*.yaml"))
    assert forums == [
        "fsu-barn-og-unge",
        "fsu-fleire-kroniske-lidingar",
        "fsu-psykisk-helse-og-rus",
        "fsu-skropelege-eldre",
        "helseleiarnettverket",
        "partnerskapsmotet",
        "ssu",
    ]
    assert (target / ".github" / "workflows" / "validate.yml").is_file()
    assert (target / ".pre-commit-config.yaml").is_file()
    assert "Først: fyll inn" in (target / "README.md").read_text(encoding="utf-8")
    assert not (target / "hfctl.lock").exists()


def test_parties_from_the_list(tmp_path: Path) -> None:
    target = tmp_path / "c"
    init(target, "--agreements-adopted", "2024-05-02")
    parties = target / "data" / "parties"
    names = sorted(p.stem for p in parties.glob("*.yaml"))
    assert names == [
        "arendal",
        "brukarutvalet",
        "grimstad",
        "ks",
        "risor",
        "sorlandet-sjukehus",
        "statsforvaltaren-i-agder",
    ]
    risor = (parties / "risor.yaml").read_text(encoding="utf-8")
    assert 'number: "4201"' in risor and "from: 2020-01-01" in risor
    counties = (target / "data" / "counties.yaml").read_text(encoding="utf-8")
    assert 'number: "42"' in counties and "Agder" in counties
    overarching = (target / "data" / "agreements" / "overordna-samarbeidsavtale.yaml").read_text(
        encoding="utf-8"
    )
    assert "adopted: 2024-05-02" in overarching
    assert overarching.count('note: "Ikkje sendt enno (2026-11-24)"') == 3
    checked = run("validate", "--format", "json", "--repo", str(target))
    assert checked.json()["errors"] == 0
    assert codes(checked) == ["HF600", "HF601", "HF602", "HF603"]


def test_bokmal_and_gitlab(tmp_path: Path) -> None:
    target = tmp_path / "c"
    assert init(target, "--language", "nb", "--ci", "gitlab").exit_code == 0
    assert "default_language: nb" in (target / "data" / "community.yaml").read_text("utf-8")
    assert (target / ".gitlab-ci.yml").is_file()
    assert not (target / ".github").exists()
    assert "Først: fyll inn det som mangler" in (target / "README.md").read_text("utf-8")
    assert (target / "data" / "forums" / "helseledernettverket.yaml").is_file()
    assert run("validate", "--repo", str(target)).exit_code == 0


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    target = tmp_path / "c"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = init(target)
    assert result.exit_code == 1
    assert "not an empty folder" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_git_makes_a_first_commit_without_touching_git_config(tmp_path: Path) -> None:
    target = tmp_path / "c"
    home_config = Path.home() / "gitconfig"
    assert init(target, "--git").exit_code == 0
    assert git(target, "status", "--porcelain") == ""
    log = git(target, "log", "--format=%s %an")
    assert log.startswith("Start Helsefellesskapet i Aust-Agder") and "Test Koordinator" in log
    assert "data/community.yaml" in git(target, "ls-files")
    assert not home_config.exists()
    assert "[user]" not in (target / ".git" / "config").read_text(encoding="utf-8")


# -- the municipality list --


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_klass_columns_in_any_order_and_latin1(tmp_path: Path) -> None:
    with KLASS.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    order = [7, 3, 0, 6, 1]  # validTo, name, code, validFrom, parentCode
    text = "\n".join(";".join(f'"{row[i]}"' for i in order) for row in rows) + "\n"
    source = write(tmp_path / "klass.csv", text, encoding="cp1252")
    target = tmp_path / "c"
    assert init(target, municipalities=source).exit_code == 0
    assert 'name: "Risør"' in (target / "data/parties/risor.yaml").read_text("utf-8")


def test_plain_number_name_list(tmp_path: Path) -> None:
    source = write(tmp_path / "list.txt", "# kommunane\n4201;Risør\n\n4203;Arendal\n")
    target = tmp_path / "c"
    assert init(target, "--established", "2021-04-01", municipalities=source).exit_code == 0
    assert "from: 2021-04-01" in (target / "data/parties/arendal.yaml").read_text("utf-8")
    assert run("validate", "--repo", str(target)).exit_code == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('"420";"";"1";"Kort";"";"";"2020-01-01";"";""', "'420' is not a municipality number"),
        ('"0301";"";"1";"Oslo";"";"";"";"";""', None),
        ('"1199";"";"1";"Ukjend";"";"";"";"";""', "starts with 11, which is no county"),
        ('"4204";"";"1";"Gamal";"";"";"2020-01-01";"2024-01-01";""', "was valid only until"),
    ],
)
def test_bad_lines_are_refused_with_their_line(
    tmp_path: Path, line: str, expected: str | None
) -> None:
    counties = write(tmp_path / "counties.csv", "42;Agder\n03;Oslo\n")
    source = write(tmp_path / "m.csv", KLASS.read_text("utf-8") + line + "\n")
    target = tmp_path / "c"
    result = init(target, "--county-file", str(counties), municipalities=source)
    if expected is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2
    assert "m.csv:5: " in result.stderr and expected in result.stderr
    assert not target.exists()


# -- next steps never hide real errors --


def test_next_steps_give_way_to_the_rules_once_there_is_data(tmp_path: Path) -> None:
    target = tmp_path / "c"
    init(target)
    (target / "data/people/kari-nordmann.yaml").parent.mkdir()
    (target / "data/people/kari-nordmann.yaml").write_text(
        "id: kari-nordmann\nname: Kari Nordmann\nparty: risor\n", encoding="utf-8"
    )
    ssu = target / "data/forums/ssu.yaml"
    ssu.write_text(
        ssu.read_text("utf-8")
        + "\nmembers:\n  - person: kari-nordmann\n    kind: municipality\n    roles: [member]\n"
        "    represents: risor\n"
        "    from: 2026-01-01\n",
        encoding="utf-8",
    )
    role = target / "data/roles/samhandlingskoordinator.yaml"
    role.write_text(
        role.read_text("utf-8") + "holders:\n  - person: kari-nordmann\n    from: 2025-01-01\n"
        "    to: 2025-12-31\n",
        encoding="utf-8",
    )
    agreement = target / "data/agreements/overordna-samarbeidsavtale.yaml"
    agreement.write_text(
        agreement.read_text("utf-8").replace(
            "versions: []\n",
            'versions:\n  - version: "2024"\n    adopted: 2024-05-02\n    adopted_by: ssu\n'
            '    signatures:\n      "4201":\n        sent: 2024-06-01\n',
        ),
        encoding="utf-8",
    )
    found = codes(run("validate", "--format", "json", "--repo", str(target)))
    assert {"HF336", "HF341", "HF372"} <= set(found)
    data = json.loads(run("validate", "--format", "json", "--repo", str(target)).stdout)
    users = [p["message"] for p in data["problems"] if p["code"] == "HF336"]
    assert len(users) == 2 and all("brukarmedverknad" in m for m in users)
    steps = [p["message"] for p in data["problems"] if p["code"] == "HF600"]
    assert steps and "ssu" not in steps[0].split("(")[1].split(")")[0].split(", ")


def test_bundled_data_unchanged(repo: Repo) -> None:
    data = run("validate", "--format", "json", repo=repo).json()
    assert (data["errors"], data["warnings"]) == (0, 14)
    assert not {p["code"] for p in data["problems"]} & {"HF600", "HF601", "HF602", "HF603"}
    assert TODAY


# -- a second community, made with init, through every command --

PEOPLE = {
    "ada-lie": ("Ada Lie", "risor", "ssu", "leader", False),
    "bo-eng": ("Bo Eng", "sorlandet-sjukehus", "ssu", "secretary", False),
    "cato-dal": ("Cato Dal", "grimstad", "ssu", "member", False),
    "dina-berg": ("Dina Berg", "arendal", "ssu", "member", True),
    "eli-aas": ("Eli Aas", "sorlandet-sjukehus", "ssu", "member", True),
}


def second_community(tmp_path: Path) -> Path:
    """Aust-Agder: three municipalities of one county, the trust first in the rotation from
    1 July 2025, a leaders' forum and two FSU-ar of its own, no coordinating R&D unit."""
    target = tmp_path / "agder"
    result = init(
        target,
        "--git",
        "--rotation-start",
        "2025-07-01",
        "--rotation-first",
        "trust",
        "--network",
        "Kommunalt leiarforum",
        "--fsu",
        "Rehabilitering",
        "--fsu",
        "Eldre",
        "--agreements-adopted",
        "2025-03-20",
    )
    assert result.exit_code == 0, result.stderr
    people = target / "data" / "people"
    people.mkdir()
    seats = []
    for pid, (name, party, _forum, role, user) in PEOPLE.items():
        email = f"{pid}@example.no"
        (people / f"{pid}.yaml").write_text(
            f"id: {pid}\nname: {name}\nparty: {party}\nemail: {email}\n", encoding="utf-8"
        )
        side = "trust" if party == "sorlandet-sjukehus" else "municipal"
        kind = "trust" if side == "trust" else "municipality"
        seat = f"    kind: {kind}\n    roles: [{role}]\n    represents: {party}\n"
        if user:
            seat = f"    kind: user\n    roles: [{role}]\n    side: {side}\n"
            seat += "    appointed_by: brukarutvalet\n"
        seats.append(f"  - person: {pid}\n{seat}    from: 2026-01-01\n    to: 2027-12-31\n")
    ssu = target / "data/forums/ssu.yaml"
    ssu.write_text(ssu.read_text("utf-8") + "\nmembers:\n" + "".join(seats), encoding="utf-8")
    network = target / "data/forums/kommunalt-leiarforum.yaml"
    network.write_text(
        network.read_text("utf-8") + "\nmembers:\n  - person: cato-dal\n    kind: municipality\n"
        "    roles: [secretary]\n    represents: grimstad\n    from: 2026-01-01\n",
        encoding="utf-8",
    )
    coordinator = target / "data/roles/samhandlingskoordinator.yaml"
    coordinator.write_text(
        coordinator.read_text("utf-8") + "holders:\n  - person: cato-dal\n    from: 2026-01-01\n",
        encoding="utf-8",
    )
    for municipality in ("risor", "grimstad", "arendal"):
        path = target / "data/parties" / f"{municipality}.yaml"
        path.write_text(
            path.read_text("utf-8") + f"contact:\n  email: postmottak@{municipality}.example.no\n",
            encoding="utf-8",
        )
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "members, coordinator and contact points")
    return target


def test_second_community_through_every_command(tmp_path: Path) -> None:
    target = second_community(tmp_path)
    repo = ["--repo", str(target)]
    checked = run("validate", "--format", "json", *repo)
    assert checked.exit_code == 0, checked.stdout
    assert checked.json()["errors"] == 0
    assert "HF601" not in codes(checked)  # the coordinator is there now

    board = run("status", "--format", "json", *repo).json()
    assert board["community"] == "Helsefellesskapet i Aust-Agder"
    assert board["secretariat"][0]["holder"] == "sorlandet-sjukehus"
    assert board["secretariat"][0]["next_holder"] == "kommunalt-leiarforum"

    made = run(
        "meeting",
        "new",
        "ssu",
        "--date",
        "2026-12-10",
        "--start",
        "10:00",
        "--location",
        "Arendal rådhus",
        "--commit",
        *repo,
    )
    assert made.exit_code == 0, made.stderr
    meeting = "2026-12-10-ssu"
    agenda = run("agenda", meeting, *repo)
    assert agenda.exit_code == 0 and "Strategisk samarbeidsutval" in agenda.stdout

    issued = run("agenda", meeting, "--issue", "--commit", *repo)
    assert issued.exit_code == 0, issued.stderr
    out = tmp_path / "out"
    invite = run("invite", meeting, "-o", str(out / "invite"), *repo)
    assert invite.exit_code == 0, invite.stderr
    with (out / "invite" / "recipients.csv").open(encoding="utf-8") as handle:
        emails = {row["email"] for row in csv.DictReader(handle)}
    assert {f"{pid}@example.no" for pid in PEOPLE} <= emails

    recorded = run(
        "agreements",
        "record",
        "overordna-samarbeidsavtale",
        "Risør",
        "sent",
        "--date",
        "2026-06-01",
        "--commit",
        *repo,
    )
    assert recorded.exit_code == 0, recorded.stderr
    rows = run("agreements", "status", "overordna-samarbeidsavtale", "--format", "json", *repo)
    by_number = {r["municipality"]: r["status"] for r in rows.json()}
    assert by_number == {"4201": "sent", "4202": "not-sent", "4203": "not-sent"}

    # the first step taken: that agreement is no longer a next step
    def unsent(result: Result) -> str:
        return str(next(p["message"] for p in problems(result) if p["code"] == "HF603"))

    after = run("validate", "--format", "json", *repo)
    assert unsent(checked).startswith("14 agreement(s)")
    assert unsent(after).startswith("13 agreement(s)") and "overordna" not in unsent(after)
    assert after.json()["errors"] == 0

    letters = run("agreements", "remind", "-o", str(out / "letters"), *repo)
    assert letters.exit_code == 0, letters.stderr
    letter = (out / "letters" / "reminder-risor.md").read_text(encoding="utf-8")
    assert "Helsefellesskapet i Aust-Agder" in letter and "Sørlandet sjukehus" in letter
    assert "Samhandlingskoordinator for kommunane" in letter

    rotated = run("secretariat", "rotate", "--commit", *repo)
    assert rotated.exit_code == 0, rotated.stderr
    history = run("secretariat", "history", "--format", "json", *repo).json()
    assert [t["holder"] for t in history][-2:] == [
        "sorlandet-sjukehus",
        "kommunalt-leiarforum",
    ]

    site = run("site", "build", "-o", str(out / "site"), *repo)
    assert site.exit_code == 0, site.stderr
    assert (out / "site" / "index.html").read_text("utf-8").count("Aust-Agder") >= 1
    assert any((out / "site").glob("*fsu-rehabilitering*"))

    changes = run("diff", "HEAD~4", "HEAD", "--format", "json", *repo)
    assert changes.exit_code == 0, changes.stderr
    kinds = {c["kind"] for c in changes.json()}
    assert {"meeting-added", "signature-sent", "secretariat-term"} <= kinds, changes.stdout

    assert run("templates", "export", str(target)).exit_code == 0
    assert run("validate", *repo).exit_code == 0


def test_no_helse_fonna_in_code() -> None:
    """Nothing of the bundled community is code: grep hfctl/ and templates/ for its trust's
    and municipalities' names, ids and numbers (taken from data/parties/)."""
    import re

    project = Path(__file__).resolve().parent.parent
    terms = {"FOUSAM"}
    for path in (project / "data" / "parties").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        kind = re.search(r"^kind: (.+)$", text, re.M)
        if kind is None or kind.group(1) not in ("municipality", "trust"):
            continue
        for key in ("name", "id", "short"):
            found = re.search(rf"^{key}: (.+)$", text, re.M)
            if found:
                terms.add(found.group(1).strip().removesuffix(" HF"))
        terms.update(re.findall(r'number: "(\d{4})"', text))
    assert {"Haugesund", "Karmøy", "Fonna", "1106", "1149"} <= terms | {"Fonna"}
    terms.add("Fonna")
    pattern = re.compile(
        r"(?<![\w+-])("
        + "|".join(map(re.escape, sorted(terms, key=len, reverse=True)))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    hits = []
    for folder in ("hfctl", "templates"):
        for path in sorted((project / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if pattern.search(line):
                    hits.append(f"{path.relative_to(project)}:{number}: {line.strip()}")
    assert hits == []
    # the control: the pattern finds them where they are
    assert pattern.search((project / "data" / "community.yaml").read_text("utf-8"))


def test_names_that_yaml_would_misread_are_written_safely(tmp_path: Path) -> None:
    target = tmp_path / "c"
    name = 'Helsefellesskapet i "Nord": #1 - [test] & {x}'
    result = run(
        "init",
        str(target),
        "--name",
        name,
        "--trust",
        "Sjukehuset: Nord # HF",
        "--municipalities",
        str(KLASS),
        "--network",
        "Leiarar: #alle",
        "--fsu",
        "Eldre: 80+ #",
    )
    assert result.exit_code == 0, result.stderr
    assert run("validate", "--repo", str(target)).exit_code == 0
    board = run("status", "--format", "json", "--repo", str(target)).json()
    assert board["community"] == name
    broken = run(
        "init",
        str(tmp_path / "d"),
        "--name",
        "Ein\nto",
        "--trust",
        "T HF",
        "--municipalities",
        str(KLASS),
    )
    assert broken.exit_code == 2 and "line break" in broken.stderr
    assert not (tmp_path / "d").exists()
