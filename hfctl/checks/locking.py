"""Approved minutes are locked: once the approval of a meeting's minutes is in the last
commit, its attendance, decisions and declared conflicts of interest never change (compared
with git history, like issued case numbers in ``checks.renumbering``). Follow-up actions may
still be closed: they live on after the minutes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.approval import approval
from hfctl.models.meeting import Case, Meeting

if TYPE_CHECKING:
    from hfctl.store.loader import Dataset


def _cases(meeting: Meeting) -> dict[str, Case]:
    return {str(c.number) if c.number else c.title: c for c in meeting.cases}


def _attendance(meeting: Meeting) -> Any:
    return meeting.attendance.model_dump() if meeting.attendance else None


def compare(at_head: Mapping[str, Meeting], before: Dataset, after: Dataset) -> list[Problem]:
    """Problems where minutes approved in ``at_head`` (every meeting as in the last commit)
    differ between ``before`` (the changed files as in the last commit) and ``after``."""
    out: list[Problem] = []
    for mid, old in before.meetings.items():
        new = after.meetings.get(mid)
        approved = approval(at_head, old)
        if new is None or approved is None:
            continue
        locked = f"its minutes were approved in {approved.case} ({approved.meeting})"
        if _attendance(old) != _attendance(new):
            where = new.loc("attendance") if new.attendance else new.loc()
            out.append(
                problem(
                    "HF382",
                    _("the attendance of {mid} changed; {locked}").format(mid=mid, locked=locked),
                    where,
                )
            )
        then, now = _cases(old), _cases(new)
        for key, case in then.items():
            current = now.get(key)
            if current is None:
                out.append(
                    problem(
                        "HF382",
                        _("'{title}' left {mid}; {locked}").format(
                            title=case.title, mid=mid, locked=locked
                        ),
                        new.loc("cases"),
                    )
                )
                continue
            for field in ("title", "decision", "conflicts"):
                if getattr(case, field) != getattr(current, field):
                    out.append(
                        problem(
                            "HF382",
                            _("the {field} of '{title}' in {mid} changed; {locked}").format(
                                field=field, title=case.title, mid=mid, locked=locked
                            ),
                            current.loc(field) if getattr(current, field) else current.loc(),
                        )
                    )
    return out
