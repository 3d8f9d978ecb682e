"""Every check's codes, one branch at a time, on a small dataset made by ``tests.builder``.

Each case makes a dataset in one of two variants: with the mistake (the code must be reported,
in the right file at the right line) and the near-valid one that differs only by the mistake
(nothing at all may be reported). ``python -m tests.mutation`` proves that every emitting branch
in ``hfctl/checks`` is needed by one of these cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hfctl.checks.renumbering import compare
from tests.builder import TRUST, Build

Where = tuple[str, int | None]
Case = Callable[[Build, bool], Where]
CASES: dict[str, Case] = {}


def case(name: str) -> Callable[[Case], Case]:
    """Register a case; ``name`` is the code, then what the case is about."""

    def register(fn: Case) -> Case:
        assert name not in CASES, name
        CASES[name] = fn
        return fn

    return register


def code_of(name: str) -> str:
    return name.split("-", 1)[0]


def forum(id: str) -> str:
    return f"data/forums/{id}.yaml"


def person(id: str) -> str:
    return f"data/people/{id}.yaml"


def party(id: str) -> str:
    return f"data/parties/{id}.yaml"


def role(id: str) -> str:
    return f"data/roles/{id}.yaml"


def agreement(id: str) -> str:
    return f"data/agreements/{id}.yaml"


def meeting(forum: str, date: str) -> str:
    return f"data/meetings/{date[:4]}/{date}-{forum}.md"


def with_ssu(b: Build, *people: str) -> Build:
    """A municipality (bokn, 1145), forum ssu with a member from each side, and ``people``."""
    b.municipality("bokn", "1145").person("kari", "bokn").person("ola")
    b.forum("ssu").member("ssu", "kari", represents="bokn").member("ssu", "ola")
    for extra in people:
        b.person(extra)
    return b


# -- identity --


@case("HF120-community")
def _no_community(b: Build, bad: bool) -> Where:
    if bad:
        del b.files["data/community.yaml"]
    return "data/community.yaml", None


@case("HF120-counties")
def _no_counties(b: Build, bad: bool) -> Where:
    b.municipality("bokn", "1145")
    if bad:
        del b.files["data/counties.yaml"]
    return "data/counties.yaml", None


@case("HF301")
def _id_mismatch(b: Build, bad: bool) -> Where:
    b.person("kari").data(person("kari"))["id"] = "kari-nord" if bad else "kari"
    return person("kari"), b.line_of(person("kari"), "id:")


@case("HF302-date")
def _meeting_file_date(b: Build, bad: bool) -> Where:
    rel = "data/meetings/2026/2026-04-24-ssu.md" if bad else None
    with_ssu(b).meeting("ssu", "2026-04-23", file=rel)
    rel = rel or meeting("ssu", "2026-04-23")
    return rel, b.line_of(rel, "date:")


@case("HF302-year")
def _meeting_file_year(b: Build, bad: bool) -> Where:
    rel = "data/meetings/2025/2026-04-23-ssu.md" if bad else None
    with_ssu(b).meeting("ssu", "2026-04-23", file=rel)
    rel = rel or meeting("ssu", "2026-04-23")
    return rel, b.line_of(rel, "date:")


@case("HF303")
def _duplicate_id(b: Build, bad: bool) -> Where:
    with_ssu(b).meeting("ssu", "2026-04-23")
    copy = "data/meetings/2027/2026-04-23-ssu.md"
    if bad:
        b.meeting("ssu", "2026-04-23", file=copy)
    return copy, b.line_of(copy, "forum:") if bad else 0


# -- references and numbers --


@case("HF310-person-party")
def _unknown_party(b: Build, bad: bool) -> Where:
    b.person("kari", "nowhere" if bad else TRUST)
    return person("kari"), b.line_of(person("kari"), "party:")


@case("HF311")
def _unknown_number(b: Build, bad: bool) -> Where:
    with_ssu(b).agreement("osa").signature("osa", "1145", sent="2024-02-01")
    if bad:
        b.signature("osa", "1199", sent="2024-02-01")
    return agreement("osa"), b.line_of(agreement("osa"), '"1199":') if bad else 0


@case("HF312-no-county")
def _number_without_county(b: Build, bad: bool) -> Where:
    b.municipality("bokn", "1345" if bad else "1145")
    return party("bokn"), b.line_of(party("bokn"), "number:")


@case("HF312-county-period")
def _number_outside_county(b: Build, bad: bool) -> Where:
    b.county("12", "Hordaland", "1919-01-01", to="2019-12-31")
    until = None if bad else "2019-12-31"
    numbers = [{"number": "1228", "from": "1965-01-01", "to": until}]
    b.municipality("odda", "1228", numbers=[{k: v for k, v in numbers[0].items() if v}])
    b.data(party("odda"))["membership"] = [{"from": "2012-01-01", "to": "2019-12-31"}]
    return party("odda"), b.line_of(party("odda"), "number:")


@case("HF313-two-numbers")
def _two_numbers_at_once(b: Build, bad: bool) -> Where:
    first = {"number": "1145", "from": "2020-01-01"} | ({} if bad else {"to": "2020-12-31"})
    b.municipality("bokn", "1145", numbers=[first, {"number": "1146", "from": "2021-01-01"}])
    return party("bokn"), b.line_of(party("bokn"), "from: 2021-01-01")


@case("HF313-shared-number")
def _number_of_two(b: Build, bad: bool) -> Where:
    b.municipality("aa", "1145").municipality("bb", "1145" if bad else "1146")
    return party("bb"), b.line_of(party("bb"), "numbers:")


# -- dates --


@case("HF320")
def _period_order(b: Build, bad: bool) -> Where:
    # a person of their own: ola's open seat would overlap a second one (HF335)
    b = with_ssu(b, "per")
    b.member("ssu", "per", from_="2024-01-01", to="2023-01-01" if bad else "2024-06-30")
    return forum("ssu"), b.line_of(forum("ssu"), "to: 20")


@case("HF321")
def _meeting_times(b: Build, bad: bool) -> Where:
    with_ssu(b).meeting("ssu", "2026-04-23", end="09:00" if bad else "12:00")
    return meeting("ssu", "2026-04-23"), b.line_of(meeting("ssu", "2026-04-23"), "end:")


# -- forums and members --


USER_SEATS = [
    {"kind": "user", "side": "municipal", "appointed_by": ["brukarar"]},
    {"kind": "user", "side": "trust", "appointed_by": ["brukarar"]},
]


def _user_seats(b: Build, bad: bool, side: str) -> Where:
    with_ssu(b, "una", "uno").party("brukarar", "user-council")
    b.rule("brukarmedverknad", seats=USER_SEATS)
    for who, on in (("una", "municipal"), ("uno", "trust")):
        if not (bad and on == side):
            b.member("ssu", who, kind="user", side=on, appointed_by="brukarar")
    return forum("ssu"), b.line_of(forum("ssu"), "members:")


@case("HF336-user-municipal")
def _municipal_user_seat(b: Build, bad: bool) -> Where:
    return _user_seats(b, bad, "municipal")


@case("HF336-user-trust")
def _trust_user_seat(b: Build, bad: bool) -> Where:
    return _user_seats(b, bad, "trust")


def _fsu(b: Build) -> Build:
    with_ssu(b, "per").rule(
        "koordinator",
        kinds=["professional-committee"],
        seats=[{"role": "coordinator", "member_of": "ssu"}],
    )
    return b.forum("fsu", kind="professional-committee")


@case("HF336-no-coordinator")
def _fsu_without_coordinator(b: Build, bad: bool) -> Where:
    _fsu(b).member("fsu", "kari", represents="bokn", role="member" if bad else "coordinator")
    return forum("fsu"), b.line_of(forum("fsu"), "members:")


@case("HF345")
def _fsu_coordinator_not_member(b: Build, bad: bool) -> Where:
    _fsu(b).member("fsu", "per" if bad else "kari", role="coordinator")
    return forum("fsu"), b.line_of(forum("fsu"), "person:")


@case("HF337")
def _too_many_gps(b: Build, bad: bool) -> Where:
    with_ssu(b, "lege1", "lege2").rule("legar", seats=[{"kind": "gp", "max": 1}])
    b.member("ssu", "lege1", kind="gp")
    b.member("ssu", "lege2", kind="gp", role="member" if bad else "observer")
    return forum("ssu"), b.line_of(forum("ssu"), 'person: "lege2"')


@case("HF338")
def _no_parity(b: Build, bad: bool) -> Where:
    with_ssu(b, "per").rule("likeverd", forums=["ssu"], parity=True)
    b.member("ssu", "per", role="member" if bad else "deputy", deputy_for="ola")
    return forum("ssu"), b.line_of(forum("ssu"), "members:")


@case("HF339")
def _too_large(b: Build, bad: bool) -> Where:
    with_ssu(b, "per").rule("storleik", kinds=["strategic-committee"], max_members=2)
    b.member("ssu", "per", role="member" if bad else "secretary")
    return forum("ssu"), b.line_of(forum("ssu"), 'person: "per"')


@case("HF344")
def _appointed_by_the_wrong_body(b: Build, bad: bool) -> Where:
    with_ssu(b, "lege").party("pko", "gp-body").forum("nettverket")
    b.rule(
        "fastlege", forums=["ssu"], seats=[{"kind": "gp", "appointed_by": ["pko", "nettverket"]}]
    )
    b.member("ssu", "lege", kind="gp", appointed_by="bokn" if bad else "nettverket")
    return forum("ssu"), b.line_of(forum("ssu"), "appointed_by:")


@case("HF346")
def _municipal_seat_for_the_trust(b: Build, bad: bool) -> Where:
    with_ssu(b, "per").member("ssu", "per", kind="municipality" if bad else "trust")
    return forum("ssu"), b.line_of(forum("ssu"), "represents:", 3)


@case("HF333")
def _term_expiring(b: Build, bad: bool) -> Where:
    with_ssu(b, "per").member("ssu", "per", to="2026-12-31" if bad else "2027-12-31")
    return forum("ssu"), b.line_of(forum("ssu"), "to: ")


@case("HF334-term-ends-after")
def _member_after_dissolution(b: Build, bad: bool) -> Where:
    b.person("kari").forum("gammal", dissolved="2025-06-30")
    b.member("gammal", "kari", to="2025-12-31" if bad else "2025-06-30")
    return forum("gammal"), b.line_of(forum("gammal"), "to: ")


@case("HF334-term-open")
def _open_member_of_dissolved(b: Build, bad: bool) -> Where:
    b.person("kari").forum("gammal", dissolved="2025-06-30")
    b.member("gammal", "kari", to=None if bad else "2025-06-01")
    return forum("gammal"), b.line_of(forum("gammal"), "- person:")


# -- roles --


@case("HF340")
def _role_overlap(b: Build, bad: bool) -> Where:
    b.person("kari").person("ola").role("koordinator")
    b.holder("koordinator", "kari", to=None if bad else "2024-12-31")
    b.holder("koordinator", "ola", from_="2025-01-01")
    return role("koordinator"), b.line_of(role("koordinator"), "from: 2025-01-01")


@case("HF341")
def _role_vacant(b: Build, bad: bool) -> Where:
    b.person("kari").role("koordinator").holder(
        "koordinator", "kari", to="2025-12-31" if bad else None
    )
    return role("koordinator"), b.line_of(role("koordinator"), "holders:")


@case("HF342")
def _holder_not_member(b: Build, bad: bool) -> Where:
    with_ssu(b, "per").role("koordinator", requires={"member_of": ["ssu"]})
    b.holder("koordinator", "per" if bad else "ola")
    return role("koordinator"), b.line_of(role("koordinator"), "person:")


@case("HF343")
def _holder_not_secretary(b: Build, bad: bool) -> Where:
    with_ssu(b, "per").member("ssu", "per", role="member" if bad else "secretary")
    b.role("koordinator", requires={"secretary_of": ["ssu"]}).holder("koordinator", "per")
    return role("koordinator"), b.line_of(role("koordinator"), "person:")


# -- secretariat --


def _rotation(b: Build, second: dict[str, str], today: str | None = None) -> Build:
    """ssu's secretariat rotates every two years between the trust and bokn."""
    with_ssu(b)
    first = {"holder": TRUST, "from": "2024-01-01", "to": "2025-12-31"}
    then = {"holder": "bokn", "from": "2026-01-01", "to": "2027-12-31"} | second
    b.data(forum("ssu"))["secretariat"] = {
        "rotation": {"holders": [TRUST, "bokn"], "term_years": 2},
        "terms": [first, then],
    }
    if today:
        b.today = dt.date.fromisoformat(today)
    return b


@case("HF350-gap")
def _secretariat_gap(b: Build, bad: bool) -> Where:
    _rotation(b, {"from": "2026-02-01", "to": "2028-01-31"} if bad else {})
    return forum("ssu"), b.line_of(forum("ssu"), "from: 2026-")


@case("HF350-overlap")
def _secretariat_overlap(b: Build, bad: bool) -> Where:
    _rotation(b, {"from": "2025-12-01", "to": "2027-11-30"} if bad else {})
    return forum("ssu"), b.line_of(forum("ssu"), "from: 2025-12-01") if bad else 0


@case("HF351")
def _secretariat_term_length(b: Build, bad: bool) -> Where:
    _rotation(b, {"to": "2028-12-31"} if bad else {})
    return forum("ssu"), b.line_of(forum("ssu"), "to: 202", 2)


@case("HF352")
def _secretariat_alternation(b: Build, bad: bool) -> Where:
    _rotation(b, {"holder": TRUST} if bad else {})
    return forum("ssu"), b.line_of(forum("ssu"), "holder: ", 2)


@case("HF353")
def _secretariat_current(b: Build, bad: bool) -> Where:
    _rotation(b, {}, today="2028-06-01" if bad else None)
    return forum("ssu"), b.line_of(forum("ssu"), "terms:")


@case("HF354")
def _secretariat_holder(b: Build, bad: bool) -> Where:
    _rotation(b, {}).party("ks", "organisation")
    b.data(forum("ssu"))["secretariat"]["terms"][0]["holder"] = "ks" if bad else TRUST
    return forum("ssu"), b.line_of(forum("ssu"), "holder: ")


@case("HF355")
def _meeting_secretary(b: Build, bad: bool) -> Where:
    _rotation(b, {}).meeting("ssu", "2026-04-23", secretary="ola" if bad else "kari")
    return meeting("ssu", "2026-04-23"), b.line_of(meeting("ssu", "2026-04-23"), "secretary:")


@case("HF356")
def _secretariat_next_term(b: Build, bad: bool) -> Where:
    _rotation(b, {}, today="2027-11-01" if bad else "2027-06-01")
    return forum("ssu"), b.line_of(forum("ssu"), "to: 2027-12-31")


# -- meetings and cases --


def _yearly(b: Build) -> Build:
    b.community(rules={"yearly_forum": "pm"}).forum("pm", kind="partnership-meeting")
    return b.meeting("pm", "2026-10-22", status="held").meeting("pm", "2027-10-21")


@case("HF360")
def _yearly_missing(b: Build, bad: bool) -> Where:
    _yearly(b)
    if bad:
        del b.files[meeting("pm", "2027-10-21")]
    return forum("pm"), b.line_of(forum("pm"), "id:")


@case("HF361")
def _yearly_twice(b: Build, bad: bool) -> Where:
    _yearly(b).meeting("pm", "2026-11-02", kind="ordinary" if bad else "extraordinary")
    return meeting("pm", "2026-11-02"), b.line_of(meeting("pm", "2026-11-02"), "date:")


def _numbered(b: Build, feb: list[int], apr: list[int]) -> Build:
    with_ssu(b)
    for day, numbers in (("2026-02-12", feb), ("2026-04-23", apr)):
        b.meeting("ssu", day, agenda_issued=f"{day[:8]}01")
        for number in numbers:
            b.case("ssu", day, f"Sak {number}", number=number, type="orientation")
    return b


@case("HF362")
def _case_number_twice(b: Build, bad: bool) -> Where:
    _numbered(b, [1, 2], [2, 3] if bad else [3, 4])
    rel = meeting("ssu", "2026-04-23")
    return rel, b.line_of(rel, "number: 2") if bad else 0


@case("HF363")
def _case_number_gap(b: Build, bad: bool) -> Where:
    _numbered(b, [1, 2], [4, 5] if bad else [3, 4])
    return meeting("ssu", "2026-04-23"), b.line_of(meeting("ssu", "2026-04-23"), "number: 4")


@case("HF364")
def _case_number_order(b: Build, bad: bool) -> Where:
    _numbered(b, [3, 4] if bad else [1, 2], [1, 2] if bad else [3, 4])
    rel = meeting("ssu", "2026-04-23")
    return rel, b.line_of(rel, "number: 1") if bad else 0


@case("HF365")
def _case_unnumbered(b: Build, bad: bool) -> Where:
    with_ssu(b).meeting("ssu", "2026-02-12", agenda_issued="2026-02-01")
    b.case("ssu", "2026-02-12", "Opning", number=None if bad else 1, type="orientation")
    return meeting("ssu", "2026-02-12"), b.line_of(meeting("ssu", "2026-02-12"), "title:")


@case("HF366")
def _meeting_of_inactive_forum(b: Build, bad: bool) -> Where:
    with_ssu(b).data(forum("ssu"))["established"] = "2026-06-01"
    day = "2026-03-03" if bad else "2026-09-03"
    b.meeting("ssu", day)
    return meeting("ssu", day), b.line_of(meeting("ssu", day), "date:")


# -- agreements --


def _osa(b: Build, **steps: Any) -> Build:
    with_ssu(b).agreement("osa").signature("osa", "1145", **steps)
    return b


def _step(b: Build, step: str) -> Where:
    return agreement("osa"), b.line_of(agreement("osa"), f"{step}:")


@case("HF370-step-order")
def _steps_out_of_order(b: Build, bad: bool) -> Where:
    _osa(b, sent="2024-03-01" if bad else "2024-02-01", council_meeting="2024-02-15")
    return _step(b, "council_meeting")


@case("HF370-no-sent")
def _steps_without_sent(b: Build, bad: bool) -> Where:
    _osa(b, sent=None if bad else "2024-02-01", signed="2024-03-01")
    return _step(b, "signed")


@case("HF370-signed-and-declined")
def _signed_and_declined(b: Build, bad: bool) -> Where:
    _osa(b, sent="2024-02-01", signed="2024-03-01", declined="2024-03-02" if bad else None)
    return _step(b, "declined") if bad else ("", 0)


@case("HF370-signed-by")
def _signed_by_without_signed(b: Build, bad: bool) -> Where:
    _osa(b, sent="2024-02-01", signed=None if bad else "2024-03-01", signed_by="Ordføraren")
    return _step(b, "signed_by")


@case("HF371")
def _step_before_adoption(b: Build, bad: bool) -> Where:
    _osa(b, sent="2023-12-01" if bad else "2024-01-01")
    return _step(b, "sent")


@case("HF372")
def _record_missing(b: Build, bad: bool) -> Where:
    _osa(b, sent="2024-02-01").municipality("vatne", "1146")
    if not bad:
        b.signature("osa", "1146")
    return _step(b, "signatures")


@case("HF373")
def _statute_item_uncovered(b: Build, bad: bool) -> Where:
    with_ssu(b).statute_item(1).statute_item(2, required_from="2030-01-01")
    b.agreement("tenesteavtale-1", kind="service", covers=[] if bad else [1])
    return "data/community.yaml", b.line_of("data/community.yaml", "item: 1")


@case("HF374")
def _revision_overdue(b: Build, bad: bool) -> Where:
    _osa(b, sent="2024-02-01").data(agreement("osa"))["revision_due"] = (
        "2026-01-01" if bad else "2027-06-01"
    )
    return _step(b, "revision_due")


@case("HF375")
def _superseded_signature(b: Build, bad: bool) -> Where:
    with_ssu(b).agreement(
        "osa",
        versions=[
            {"version": "1", "adopted": "2024-01-01", "adopted_by": "ssu"},
            {"version": "2", "adopted": "2026-01-01", "adopted_by": "ssu"},
        ],
    )
    b.signature("osa", "1145", 0, sent="2024-02-01", signed="2024-03-01")
    b.signature("osa", "1145", 1, sent="2026-02-01", signed=None if bad else "2026-03-01")
    return agreement("osa"), b.line_of(agreement("osa"), '"1145":', 2)


@case("HF376")
def _unknown_statute_item(b: Build, bad: bool) -> Where:
    with_ssu(b).statute_item(1)
    b.agreement("tenesteavtale-1", kind="service", covers=[1, 9] if bad else [1])
    return agreement("tenesteavtale-1"), b.line_of(
        agreement("tenesteavtale-1"), "- 9"
    ) if bad else 0


# -- decisions, attendance and follow-up --

APR = meeting("ssu", "2026-04-23")


def _held(
    b: Build, status: str = "held", decision: str | None = "Vedteke", **case: object
) -> Build:
    with_ssu(b, "per").meeting("ssu", "2026-04-23", status=status)
    return b.case("ssu", "2026-04-23", "Handlingsplan", decision=decision, **case)


def _action(**fields: str | None) -> dict[str, str]:
    action = {"id": "a1", "what": "Lag plan", "responsible": "ssu", "due": "2026-06-01"}
    return {k: v for k, v in (action | fields).items() if v is not None}


@case("HF420")
def _decision_before_meeting(b: Build, bad: bool) -> Where:
    _held(b, status="planned" if bad else "held")
    return APR, b.line_of(APR, "decision:")


@case("HF421")
def _decision_missing(b: Build, bad: bool) -> Where:
    _held(b, decision=None if bad else "Vedteke")
    return APR, b.line_of(APR, "status:")


@case("HF422")
def _minutes_not_approved(b: Build, bad: bool) -> Where:
    with_ssu(b).meeting("ssu", "2026-02-12", status="held").meeting(
        "ssu", "2026-04-23", status="held"
    )
    approval = {} if bad else {"refers_to": "2026-02-12-ssu", "decision": "Godkjent"}
    b.case("ssu", "2026-04-23", "Godkjenning av protokoll", type="orientation", **approval)
    return APR, b.line_of(APR, "cases:")


@case("HF423")
def _action_responsible(b: Build, bad: bool) -> Where:
    _held(b, actions=[_action(responsible="nokon" if bad else "ssu")])
    return APR, b.line_of(APR, "responsible:")


@case("HF424")
def _action_due(b: Build, bad: bool) -> Where:
    _held(b, actions=[_action(due="2026-04-23" if bad else "2026-04-24")])
    return APR, b.line_of(APR, "due:")


@case("HF426")
def _action_id_twice(b: Build, bad: bool) -> Where:
    later = _action(id="a1" if bad else "a2", due="2026-07-01")
    _held(b, actions=[_action(), later])
    return APR, b.line_of(APR, "- id:", 2)


@case("HF427-open-with-closing-date")
def _open_action_closed(b: Build, bad: bool) -> Where:
    _held(b, actions=[_action(closed="2026-05-01" if bad else None)])
    return APR, b.line_of(APR, "closed:") if bad else 0


@case("HF427-done-without-closing-date")
def _done_action_not_closed(b: Build, bad: bool) -> Where:
    _held(b, actions=[_action(status="done", closed=None if bad else "2026-05-01")])
    return APR, b.line_of(APR, 'status: "done"')


@case("HF427-closed-before-decision")
def _action_closed_early(b: Build, bad: bool) -> Where:
    _held(b, actions=[_action(status="dropped", closed="2026-04-22" if bad else "2026-04-23")])
    return APR, b.line_of(APR, 'status: "dropped"')


@case("HF310-action-forum")
def _action_about_unknown_forum(b: Build, bad: bool) -> Where:
    _held(b, actions=[_action(forum="nokon" if bad else "ssu")])
    return APR, b.line_of(APR, "forum: ", 2)


def _attendance(b: Build, **attendance: object) -> Build:
    with_ssu(b, "per").meeting("ssu", "2026-04-23", attendance=attendance)
    return b


@case("HF438")
def _dissent_not_present(b: Build, bad: bool) -> Where:
    with_ssu(b).meeting(
        "ssu", "2026-04-23", status="held", attendance={"present": ["kari"], "apologies": ["ola"]}
    )
    b.case(
        "ssu",
        "2026-04-23",
        "Plan",
        decision="Vedteke",
        decision_kind="vote",
        votes={"for": 1, "against": 1},
        dissent=["ola" if bad else "kari"],
    )
    return APR, b.line_of(APR, "dissent:") + 1


@case("HF425-present")
def _present_not_member(b: Build, bad: bool) -> Where:
    _attendance(b, present=["kari", "per" if bad else "ola"])
    return APR, b.line_of(APR, "- ", 2)


@case("HF425-apologies")
def _apology_not_member(b: Build, bad: bool) -> Where:
    _attendance(b, present=["kari"], apologies=["per" if bad else "ola"])
    return APR, b.line_of(APR, "- ", 2)


@case("HF425-deputy-for")
def _deputy_for_not_member(b: Build, bad: bool) -> Where:
    _attendance(b, present=["kari"], deputies=[{"person": "per", "for": "per" if bad else "ola"}])
    return APR, b.line_of(APR, "for:")


@case("HF310-deputy")
def _unknown_deputy(b: Build, bad: bool) -> Where:
    _attendance(b, present=["kari"], deputies=[{"person": "nokon" if bad else "per", "for": "ola"}])
    return APR, b.line_of(APR, "- person:")


# -- information --

INFO = "data/information/2026-09-08-rundskriv.md"


def _info(b: Build, **fields: object) -> Build:
    b.municipality("bokn", "1145")
    sent = {TRUST: "2026-09-09", "bokn": "2026-09-09"}
    given = {k: v for k, v in fields.items() if v is not None}
    return b.information("rundskriv", "2026-09-08", **({"sent": sent} | given))


@case("HF390")
def _partly_sent(b: Build, bad: bool) -> Where:
    _info(b, sent={TRUST: "2026-09-09"} if bad else None)
    return INFO, b.line_of(INFO, "sent:")


@case("HF391")
def _not_same_day(b: Build, bad: bool) -> Where:
    _info(b, sent={TRUST: "2026-09-09", "bokn": "2026-09-10" if bad else "2026-09-09"})
    return INFO, b.line_of(INFO, "sent:")


@case("HF392")
def _sent_outside_audience(b: Build, bad: bool) -> Where:
    sent = {"bokn": "2026-09-09"} | ({TRUST: "2026-09-09"} if bad else {})
    _info(b, audience=["bokn"], sent=sent)
    return INFO, b.line_of(INFO, f"{TRUST}:") if bad else 0


@case("HF393")
def _information_file_name(b: Build, bad: bool) -> Where:
    rel = "data/information/2026-09-07-rundskriv.md" if bad else INFO
    _info(b, file=rel)
    return rel, b.line_of(rel, "received:")


@case("HF310-information-audience")
def _unknown_audience(b: Build, bad: bool) -> Where:
    _info(b, audience=["bokn", "nokon" if bad else TRUST])
    return INFO, b.line_of(INFO, "- ", 2)


@case("HF310-information-sent")
def _sent_to_unknown(b: Build, bad: bool) -> Where:
    _info(
        b,
        sent={TRUST: "2026-09-09", "bokn": "2026-09-09"} | ({"nokon": "2026-09-09"} if bad else {}),
    )
    return INFO, b.line_of(INFO, "nokon:") if bad else 0


# -- the tests --


@pytest.mark.parametrize("name", sorted(CASES))
def test_reported_at_its_line(tmp_path: Path, name: str) -> None:
    b = Build(tmp_path)
    where = CASES[name](b, True)
    found = b.found(code_of(name))
    assert found, f"{name}: not reported; got {sorted(b.codes())}"
    assert where in found, f"{name}: expected at {where}, found at {found}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_near_valid_variant_reports_nothing(tmp_path: Path, name: str) -> None:
    b = Build(tmp_path)
    CASES[name](b, False)
    assert [(p.code, str(p.location), p.message) for p in b.problems()] == []


# -- issued case numbers, compared with the last commit (checks.renumbering.compare) --

RENUMBERED: dict[str, tuple[list[tuple[str, int | None]], list[tuple[str, int | None]]]] = {
    # name: (the cases now, bad; the cases now, near-valid), issued as A=1, B=2
    "HF380": ([("B", 1), ("A", 2)], [("A", 1), ("B", 2), ("C", 3)]),
    "HF380-unnumbered": ([("A", None), ("B", 2)], [("A", 1), ("B", 2), ("C", None)]),
    "HF381-reused": ([("C", 1), ("B", 2)], [("A", 1), ("B", 2)]),
    "HF381-removed": ([("B", 2)], [("A", 1), ("B", 2)]),
}


def _issued(root: Path, cases: list[tuple[str, int | None]]) -> Build:
    b = with_ssu(Build(root)).meeting("ssu", "2026-04-23", agenda_issued="2026-04-01")
    for title, number in cases:
        b.case("ssu", "2026-04-23", title, number=number, type="orientation")
    return b


@pytest.mark.parametrize("name", sorted(RENUMBERED))
def test_issued_numbers_never_change(tmp_path: Path, name: str) -> None:
    before = _issued(tmp_path / "before", [("A", 1), ("B", 2)]).load()
    bad, good = RENUMBERED[name]
    after = _issued(tmp_path / "bad", bad)
    found = [(p.code, p.location.file, p.location.line) for p in compare(before, after.load())]
    needle = 'title: "A"' if name == "HF380-unnumbered" else "number: 1"
    needle = "cases:" if name == "HF381-removed" else needle
    assert (code_of(name), APR, after.line_of(APR, needle)) in found, found
    assert compare(before, _issued(tmp_path / "good", good).load()) == []
