"""Representation rules as data: the bundled SSU's seats, and another community's rules.

The bundled data models SSU as the sources describe it (a GP appointed by the practice-
consultant scheme, a user representative from each side appointed by Brukarutvalet, five
municipal and five trust members); breaking any of it gives its located error, naming the
forum, the seat and the rule. A second community's rules, made here, need no code.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hfctl.checks.validation import run_checks
from hfctl.core.problems import Problem
from hfctl.store.loader import load
from tests.builder import Build

DATA = Path(__file__).resolve().parents[2] / "data"
SSU = "data/forums/ssu.yaml"
TODAY = dt.date(2026, 11, 24)


def _bundled(tmp_path: Path, old: str, new: str) -> tuple[list[Problem], str]:
    """The problems of the bundled data with ``old`` in SSU's file replaced by ``new``."""
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / SSU
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return run_checks(load(tmp_path, cache=False), TODAY), text


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _seat(text: str, person: str) -> str:
    """The lines of one seat in SSU's members."""
    start = text.index(f"  - person: {person}\n")
    end = text.index("  - person:", start + 1)
    return text[start:end]


def test_the_bundled_ssu_keeps_its_rules(tmp_path: Path) -> None:
    found, _ = _bundled(tmp_path, "kind: gp", "kind: gp")
    assert [p for p in found if p.severity.value == "error"] == []
    ssu = load(tmp_path, cache=False).forums["ssu"]
    gp = [m for m in ssu.members_on(TODAY) if m.kind == "gp"]
    assert [(m.person, m.appointed_by) for m in gp] == [
        ("sindre-brekke", "praksiskonsulentordninga")
    ]
    users = {m.side: m.appointed_by for m in ssu.members_on(TODAY) if m.kind == "user"}
    assert users == {"municipal": "brukarutvalet", "trust": "brukarutvalet"}
    assert all(m.represents is None for m in ssu.members if m.kind == "user")


@pytest.mark.parametrize(
    ("what", "person", "code", "words"),
    [
        ("remove the GP", "sindre-brekke", "HF336", ["'SSU'", "gp seat", "'ssu-samansetjing'"]),
        (
            "drop a user seat",
            "magnus-bakke",
            "HF336",
            ["'SSU'", "user seat (municipal side)", "'brukarmedverknad'"],
        ),
        ("unbalance the parity", "lene-hauge", "HF338", ["'SSU'", "5 municipal and 4 trust"]),
    ],
)
def test_breaking_ssu_gives_a_located_error(
    tmp_path: Path, what: str, person: str, code: str, words: list[str]
) -> None:
    text = (DATA.parent / SSU).read_text(encoding="utf-8")
    seat = _seat(text, person)
    found, text = _bundled(tmp_path, seat, "")
    mine = [p for p in found if p.code == code]
    assert len(mine) == 1, (what, [(p.code, p.message) for p in found])
    (problem,) = mine
    assert problem.severity.value == "error"
    assert (problem.location.file, problem.location.line) == (SSU, _line(text, "members:"))
    for word in words:
        assert word in problem.message, (word, problem.message)
    assert "data/community.yaml:" in problem.message  # where the rule is written


def test_the_gp_appointed_by_someone_else(tmp_path: Path) -> None:
    found, text = _bundled(
        tmp_path, "appointed_by: praksiskonsulentordninga", "appointed_by: helseleiarnettverket"
    )
    (problem,) = [p for p in found if p.code == "HF344"]
    assert problem.location.line == _line(text, "appointed_by: praksiskonsulentordninga")
    assert "'praksiskonsulentordninga'" in problem.message


def test_a_user_seat_names_no_party(tmp_path: Path) -> None:
    found, _ = _bundled(
        tmp_path, "    side: municipal\n", "    side: municipal\n    represents: haugesund\n"
    )
    (problem,) = [p for p in found if p.code == "HF203" and p.location.file == SSU]
    assert "represents the users" in problem.message


def test_the_old_form_of_a_seat_is_refused(tmp_path: Path) -> None:
    found, _ = _bundled(
        tmp_path, "    roles: [deputy-leader]\n", "    role: deputy-leader\n    roles: [member]\n"
    )
    assert any(p.code == "HF201" and p.location.file == SSU for p in found)


def _other_community(root: Path) -> Build:
    """Another health community: two sides, a pensioners' council seat and a youth observer,
    three members from each side, at most nine, no GP rule at all."""
    b = Build(root)
    b.municipality("nordby", "1101").municipality("sorby", "1102")
    b.party("eldreradet", "organisation").party("ungdomsradet", "organisation")
    b.forum("styret").forum("nettverket", kind="leaders-network")
    b.rule(
        "samansetjing",
        forums=["styret"],
        parity=True,
        max_members=9,
        seats=[
            {"kind": "municipality", "min": 3},
            {"kind": "trust", "min": 3},
            {"kind": "other", "min": 1, "appointed_by": ["eldreradet"]},
            {"role": "observer", "max": 1, "appointed_by": ["nettverket"]},
        ],
    )
    for n in range(3):
        b.person(f"k{n}", "nordby").member("styret", f"k{n}", represents="nordby")
        b.person(f"t{n}").member("styret", f"t{n}")
    b.person("eldre", "eldreradet").member(
        "styret", "eldre", represents="eldreradet", appointed_by="eldreradet"
    )
    b.person("ung", "ungdomsradet").member(
        "styret", "ung", represents="ungdomsradet", role="observer", appointed_by="nettverket"
    )
    return b


def test_another_communitys_rules_need_no_code(tmp_path: Path) -> None:
    b = _other_community(tmp_path)
    assert [(p.code, p.message) for p in b.problems()] == []


def test_another_communitys_rules_break_as_its_data_says(tmp_path: Path) -> None:
    b = _other_community(tmp_path)
    seats = b.data("data/forums/styret.yaml")["members"]
    seats[:] = [s for s in seats if s["person"] not in ("eldre", "t0")]
    found = sorted((p.code, p.message) for p in b.problems())
    assert [code for code, _ in found] == ["HF336", "HF336", "HF338"], found
    said = "\n".join(message for _, message in found)
    assert "'STYRET' has only 2 trust seats on 2026-11-24; rule 'samansetjing'" in said
    assert "'STYRET' has no other seat on 2026-11-24; rule 'samansetjing'" in said
    assert "3 municipal and 2 trust members" in said


def test_a_user_representative_is_reached_through_the_user_council(tmp_path: Path) -> None:
    from hfctl.domain.invitees import invitees

    b = Build(tmp_path).community(rules={"user_council": "brukarar"})
    b.party("brukarar", "user-council", contact={"email": "brukarar@helse-test.no"})
    b.person("una", "brukarar").person("ola").forum("ssu")
    b.member("ssu", "una", kind="user", side="municipal").member("ssu", "ola")
    b.meeting("ssu", "2026-12-10")
    ds = b.load()
    found = {i.person: i for i in invitees(ds, ds.meetings["2026-12-10-ssu"])}
    assert found["una"].email == "brukarar@helse-test.no"
    assert "through Brukarar" in found["una"].reason
    assert found["ola"].email is None  # nobody else is written to through the council
