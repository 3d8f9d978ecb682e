"""Ensure meetings are held by live forums, the yearly meeting happens once a year, and case
numbers (Sak NN/YY) are unique, without gaps and in meeting order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.meeting import Case, Meeting, case_label


@check
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


@check
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


@check
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
