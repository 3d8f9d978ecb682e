"""Ensure ids match file names and no id is claimed twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Location, Problem
from hfctl.core.rules import problem


@check(reads=("agreements", "community", "counties", "forums", "parties", "people", "roles"))
def ids_match_file_names(ctx: Context) -> Iterator[Problem]:
    """Ensure every file's ``id`` is its file name without extension."""
    ds = ctx.ds
    for table in (ds.parties, ds.people, ds.forums, ds.roles, ds.agreements):
        for stem, model in table.items():
            model_id = getattr(model, "id", stem)
            if model_id != stem:
                yield problem(
                    "HF301",
                    _(
                        "id '{model_id}' does not match the file name '{stem}': rename one of them"
                    ).format(model_id=model_id, stem=stem),
                    model.loc("id"),
                )
    if ds.community is None:
        yield problem(
            "HF120",
            _("data/community.yaml is missing or could not be read; most checks need it"),
            Location("data/community.yaml"),
        )
    if ds.counties is None and any(p.numbers for p in ds.parties.values()):
        yield problem(
            "HF120",
            _("data/counties.yaml is missing or could not be read"),
            Location("data/counties.yaml"),
        )


@check(reads=("meetings",))
def meeting_file_names(ctx: Context) -> Iterator[Problem]:
    """Ensure meeting files are named <date>-<forum>.md inside the folder of their year."""
    for stem, meeting in ctx.ds.meetings.items():
        path = PurePosixPath(meeting.file)
        if meeting.id != stem:
            yield problem(
                "HF302",
                _(
                    "meeting of '{forum}' on {date} must be in a file named "
                    "'{meeting}.md', not '{path}'"
                ).format(
                    forum=meeting.forum, date=meeting.date, meeting=meeting.id, path=path.name
                ),
                meeting.loc("date"),
            )
        elif path.parent.name != str(meeting.date.year):
            yield problem(
                "HF302",
                _("meeting '{meeting}' belongs in data/meetings/{year}/, not in {parent}/").format(
                    meeting=meeting.id, year=meeting.date.year, parent=path.parent.name
                ),
                meeting.loc("date"),
            )


@check(reads=("meetings",))
def unique_ids(ctx: Context) -> Iterator[Problem]:
    """Ensure no two files claim the same id."""
    for first, second in ctx.ds.duplicates:
        what = getattr(first, "id", "?")
        yield problem(
            "HF303",
            _("'{what}' is defined twice: here and in {first}").format(what=what, first=first.file),
            second.loc(),
        )
