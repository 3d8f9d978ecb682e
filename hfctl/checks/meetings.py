"""Ensure meetings are held by live forums, the yearly meeting happens once a year, and case
numbers (Sak NN/YY) are unique, without gaps and in meeting order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.meeting import Case, Meeting, case_label


@check(reads=("forums", "meetings"), per_meeting=True)
def meetings_of_live_forums(ctx: Context) -> Iterator[Problem]:
    """Ensure a meeting's forum exists on the meeting's date."""
    for meeting in ctx.ds.meetings.values():
        forum = ctx.ds.forums.get(meeting.forum)
        if forum is not None and not forum.active_on(meeting.date):
            yield problem(
                "HF366",
                _(
                    "'{forum}' does not exist on {date} (established {established}, "
                    "dissolved {dissolved})"
                ).format(
                    forum=forum.display_name(),
                    date=meeting.date,
                    established=forum.established,
                    dissolved=forum.dissolved,
                ),
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
                _("no {forum} is planned for {year}; it meets once every year").format(
                    forum=forum.display_name(), year=year
                ),
                forum.loc("id"),
            )
    for year, meetings in sorted(by_year.items()):
        ordered = sorted(meetings, key=lambda m: m.date)
        for extra in ordered[1:]:
            yield problem(
                "HF361",
                _("{forum} has more than one ordinary meeting in {year}: {id} and {extra}").format(
                    forum=forum.display_name(), year=year, id=ordered[0].id, extra=extra.id
                ),
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
                            _(
                                "case '{title}' has no number, but the agenda of {meeting} was "
                                "issued {agenda_issued}"
                            ).format(
                                title=case.title,
                                meeting=meeting.id,
                                agenda_issued=meeting.agenda_issued,
                            ),
                            case.loc("title"),
                        )
                    continue
                label = case_label(case.number, year)
                if case.number in seen:
                    yield problem(
                        "HF362",
                        _("{label} of '{forum_id}' is used twice: in {id} and {meeting}").format(
                            label=label,
                            forum_id=forum_id,
                            id=seen[case.number].id,
                            meeting=meeting.id,
                        ),
                        meeting.cases[index].loc("number"),
                    )
                    continue
                if case.number < highest:
                    yield problem(
                        "HF364",
                        _(
                            "{label} in {meeting} comes after {case_label} in {highest_at}: "
                            "numbers follow meeting order"
                        ).format(
                            label=label,
                            meeting=meeting.id,
                            case_label=case_label(highest, year),
                            highest_at=highest_at,
                        ),
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
                    else _("{first} to {last}").format(
                        first=case_label(expected, year), last=case_label(number - 1, year)
                    )
                )
                yield problem(
                    "HF363",
                    _("case numbers of '{forum_id}' in {year} skip {missing}").format(
                        forum_id=forum_id, year=year, missing=missing
                    ),
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
                    _("{meeting} has two cases titled '{title}'").format(
                        meeting=meeting.id, title=case.title
                    ),
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
                    _(
                        "'{title}' in {meeting} is to be prepared in Helseleiarnettverket, "
                        "and no earlier meeting of it prepared it (hfctl meeting case "
                        "forward)"
                    ).format(title=case.title, meeting=meeting.id),
                    case.loc("prepared_in" if case.prepared_in else "title"),
                )
