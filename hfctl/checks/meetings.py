"""Ensure meetings are held by live forums, the yearly meeting happens once a year, and case
numbers (Sak NN/YY) are unique, without gaps and in meeting order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.meeting import Case, Meeting, case_label


@check(reads=("forums", "meetings"))
def meetings_of_live_forums(ctx: Context) -> Iterator[Problem]:
    """Ensure a meeting's forum exists on the meeting's date."""
    for meeting in ctx.ds.meetings.values():
        forum = ctx.ds.forums.get(meeting.forum)
        if forum is not None and not forum.active_on(meeting.date):
            yield problem(
                "HF366",
                f"'{forum.display_name()}' does not exist on {meeting.date} "
                f"(established {forum.established}, dissolved {forum.dissolved})",
                meeting.loc("date"),
            )


@check(reads=("community", "forums", "meetings"))
def yearly_meeting(ctx: Context) -> Iterator[Problem]:
    """Ensure the yearly forum meets once in each calendar year: planned this year and next."""
    community = ctx.ds.community
    if community is None or community.rules.yearly_forum is None:
        return
    forum = ctx.ds.forums.get(community.rules.yearly_forum)
    if forum is None or not ctx.ds.meetings:
        return  # no meeting at all yet: the next step (HF602) says how to plan them
    by_year: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in ctx.ds.meetings.values():
        if (
            meeting.forum == forum.id
            and meeting.status != "cancelled"
            and meeting.kind == "ordinary"
        ):
            by_year[meeting.date.year].append(meeting)
    for year in (ctx.today.year, ctx.today.year + 1):
        if not by_year.get(year):
            yield problem(
                "HF360",
                f"no {forum.display_name()} is planned for {year}; it meets once every year",
                forum.loc("id"),
            )
    for year, meetings in sorted(by_year.items()):
        ordered = sorted(meetings, key=lambda m: m.date)
        for extra in ordered[1:]:
            yield problem(
                "HF361",
                f"{forum.display_name()} has more than one ordinary meeting "
                f"in {year}: {ordered[0].id} and {extra.id}",
                extra.loc("date"),
            )


@check(reads=("meetings",))
def case_numbers(ctx: Context) -> Iterator[Problem]:
    """Ensure case numbers per forum and year are unique, gapless and in meeting order."""
    groups: dict[tuple[str, int], list[Meeting]] = defaultdict(list)
    for meeting in ctx.ds.meetings.values():
        groups[(meeting.forum, meeting.date.year)].append(meeting)
    for (forum_id, year), meetings in sorted(groups.items()):
        seen: dict[int, Meeting] = {}
        numbered: list[tuple[int, Case]] = []
        highest = 0  # the highest number of the meetings before this one
        highest_at = ""
        for meeting in sorted(meetings, key=lambda m: (m.date, m.start)):
            mine = 0
            for index, case in enumerate(meeting.cases):
                if case.number is None:
                    if meeting.agenda_issued is not None:
                        yield problem(
                            "HF365",
                            f"case '{case.title}' has no number, but the agenda "
                            f"of {meeting.id} was issued {meeting.agenda_issued}",
                            case.loc("title"),
                        )
                    continue
                label = case_label(case.number, year)
                if case.number in seen:
                    yield problem(
                        "HF362",
                        f"{label} of '{forum_id}' is used twice: in "
                        f"{seen[case.number].id} and {meeting.id}",
                        meeting.cases[index].loc("number"),
                    )
                    continue
                if case.number < highest:
                    yield problem(
                        "HF364",
                        f"{label} in {meeting.id} comes after "
                        f"{case_label(highest, year)} in {highest_at}: numbers follow "
                        "meeting order",
                        case.loc("number"),
                    )
                seen[case.number] = meeting
                numbered.append((case.number, case))
                mine = max(mine, case.number)
            if mine > highest:
                highest, highest_at = mine, meeting.id
        expected = 1
        for number, case in sorted(numbered, key=lambda item: item[0]):
            if number > expected:
                missing = (
                    case_label(expected, year)
                    if number == expected + 1
                    else f"{case_label(expected, year)} to {case_label(number - 1, year)}"
                )
                yield problem(
                    "HF363",
                    f"case numbers of '{forum_id}' in {year} skip {missing}",
                    case.loc("number"),
                )
            expected = number + 1


@check(reads=("meetings",))
def case_titles_once(ctx: Context) -> Iterator[Problem]:
    """Warn of two cases with the same title in one meeting (they read as one case)."""
    for meeting in ctx.ds.meetings.values():
        seen: set[str] = set()
        for case in meeting.cases:
            key = " ".join(case.title.casefold().split())
            if key in seen:
                yield problem(
                    "HF385",
                    f"{meeting.id} has two cases titled '{case.title}'",
                    case.loc("title"),
                )
            seen.add(key)


@check(reads=("forums", "meetings"))
def cases_prepared_for_ssu(ctx: Context) -> Iterator[Problem]:
    """Warn of an SSU decision case marked as needing preparation that no earlier
    Helseleiarnettverket meeting prepared."""
    ds = ctx.ds
    for meeting in ds.meetings.values():
        forum = ds.forums.get(meeting.forum)
        if forum is None or forum.kind != "strategic-committee":
            continue
        for case in meeting.cases:
            if case.type != "decision" or not case.needs_preparation or case.withdrawn:
                continue
            where = ds.meetings.get(case.prepared_in) if case.prepared_in else None
            network = ds.forums.get(where.forum) if where else None
            if (
                where is None
                or network is None
                or network.kind != "leaders-network"
                or where.date >= meeting.date
                or where.status == "cancelled"
            ):
                yield problem(
                    "HF429",
                    f"'{case.title}' in {meeting.id} is to be prepared in "
                    "Helseleiarnettverket, and no earlier meeting of it prepared it "
                    "(hfctl meeting case forward)",
                    case.loc("prepared_in" if case.prepared_in else "title"),
                )
