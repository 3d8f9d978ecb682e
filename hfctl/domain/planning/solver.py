"""Choosing the days: every body's meetings spread through the year, each on a day no hard
rule forbids and the soft rules like best; the order rules (a body before another, a group
in one week) kept. Deterministic: the same data gives the same days."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from hfctl.core.i18n import _, ngettext
from hfctl.domain.planning.rules import Rules, Slot
from hfctl.models.forum import Forum

SEARCH_DAYS = 35
"""How far from its target day a meeting is first looked for (then anywhere in the year)."""
UNPLACED = 1000.0
KIND_ORDER = (
    "partnership-meeting",
    "joint-meeting",
    "strategic-committee",
    "leaders-network",
    "rd-unit",
    "professional-committee",
    "competence-group",
)


@dataclass(frozen=True)
class Unmet:
    """A rule the plan could not keep, for one body, and why."""

    forum: str
    rule: str
    reason: str


@dataclass
class Solver:
    """Places the meetings of the bodies to plan, one unit (a body or a group) at a time."""

    rules: Rules
    slots: list[Slot] = field(default_factory=list)
    unmet: list[Unmet] = field(default_factory=list)

    # -- shared --

    def wanted(self, forum: Forum) -> int:
        """How many ordinary meetings the forum holds a year (``meetings_per_year``)."""
        return forum.meetings_per_year or 0

    def year_days(self, forum: Forum) -> list[dt.date]:
        """Every day of the year in the months the forum meets in."""
        year = self.rules.year
        first, count = dt.date(year, 1, 1), (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
        every = [first + dt.timedelta(days=i) for i in range(count)]
        months = forum.cadence.months if forum.cadence else []
        return [d for d in every if not months or d.month in months]

    def targets(self, forum: Forum) -> list[dt.date]:
        """The days its meetings aim at: spread evenly over its months (or preferred weeks)."""
        n = self.wanted(forum)
        if n <= 0:
            return []
        cadence = forum.cadence
        weeks = sorted(cadence.weeks) if cadence else []
        if len(weeks) >= n:
            picked = [weeks[int((i + 0.5) * len(weeks) / n)] for i in range(n)]
            out = []
            for week in picked:
                try:
                    out.append(dt.date.fromisocalendar(self.rules.year, week, 3))
                except ValueError:
                    continue
            if len(out) == n:
                return out
        days = self.year_days(forum)
        return [days[int((i + 0.5) * len(days) / n)] for i in range(n)]

    def open_targets(self, forum: Forum) -> list[dt.date]:
        """Its targets less those its meetings of the year (kept or planned) already meet."""
        left = self.targets(forum)
        for held in self.rules.dates.get(forum.id, []):
            if not left:
                break
            nearest = min(left, key=lambda t: (abs((t - held).days), t))
            left.remove(nearest)
        return left

    def gap(self, forum: Forum) -> int:
        """The fewest days between two of its meetings: a third of the even spacing."""
        n = max(self.wanted(forum), 1)
        return max(7, len(self.year_days(forum)) // n // 3)

    def place(self, slot: Slot) -> None:
        """Add a meeting to the plan."""
        self.slots.append(slot)
        self.rules.book(slot)

    def slot(self, forum: Forum, day: dt.date) -> Slot:
        """A meeting of the forum on ``day`` at its usual time."""
        assert forum.cadence is not None
        return Slot(forum.id, day, forum.cadence.start, forum.cadence.end)

    def best_day(
        self, forum: Forum, target: dt.date, candidates: list[dt.date], gap: int
    ) -> dt.date | None:
        """The candidate no hard rule forbids with the least distance plus soft cost."""
        best: tuple[float, dt.date] | None = None
        for day in candidates:
            if not self.rules.gap_ok(forum, day, gap) or self.rules.why_not(forum, day):
                continue
            score = (abs((day - target).days) + self.rules.cost(forum, day), day)
            if best is None or score < best:
                best = score
        return best[1] if best else None

    def reasons(self, forum: Forum, candidates: list[dt.date]) -> str:
        """Why none of ``candidates`` would do, the most common reasons first."""
        found = Counter(
            self.rules.why_not(forum, d) or "too close to its other meetings" for d in candidates
        )
        return "; ".join(
            ngettext("{why} ({n} day)", "{why} ({n} days)", n).format(why=why, n=n)
            for why, n in found.most_common(3)
        )

    # -- a body on its own --

    def spread(self, forum: Forum) -> None:
        """Place its meetings still wanted, each as near its target as the rules allow."""
        gap = self.gap(forum)
        allowed = self.year_days(forum)
        for target in self.open_targets(forum):
            near = [d for d in allowed if abs((d - target).days) <= SEARCH_DAYS]
            day = self.best_day(forum, target, near, gap)
            if day is None:
                day = self.best_day(forum, target, allowed, gap)
            if day is None:
                self.unmet.append(
                    Unmet(
                        forum.id,
                        "meetings_per_year",
                        _("no day left for a meeting near {target}: {reasons}").format(
                            target=target, reasons=self.reasons(forum, near)
                        ),
                    )
                )
                continue
            self.place(self.slot(forum, day))

    # -- a body that meets before each meeting of another --

    def before(self, forum: Forum) -> None:
        """One meeting in the window before each meeting of the other body (kept ones count),
        then the rest of its meetings spread."""
        rule = forum.cadence.before if forum.cadence else None
        assert rule is not None
        other = self.rules.ds.forums.get(rule.forum)
        if other is None:
            self.unmet.append(
                Unmet(forum.id, "before", _("there is no forum '{forum}'").format(forum=rule.forum))
            )
            self.spread(forum)
            return
        mine = [
            m.date
            for m in self.rules.ds.meetings.values()
            if m.forum == forum.id and m.status != "cancelled"
        ]
        for day in sorted(self.rules.dates.get(rule.forum, [])):
            first = day - dt.timedelta(days=rule.max_days)
            last = day - dt.timedelta(days=rule.min_days)
            held = mine + [s.day for s in self.slots if s.forum == forum.id]
            if any(first <= d <= last for d in held):
                continue
            name = f"{other.display_name()} on {day}"
            if len(self.rules.dates.get(forum.id, [])) >= self.wanted(forum):
                self.unmet.append(
                    Unmet(
                        forum.id,
                        "before",
                        _(
                            "no meeting {min_days}–{max_days} days before {name}: its {wanted} "
                            "meetings a year are all placed"
                        ).format(
                            min_days=rule.min_days,
                            max_days=rule.max_days,
                            name=name,
                            wanted=self.wanted(forum),
                        ),
                    )
                )
                continue
            window = [
                first + dt.timedelta(days=i)
                for i in range((last - first).days + 1)
                if (first + dt.timedelta(days=i)).year == self.rules.year
            ]
            middle = day - dt.timedelta(days=(rule.min_days + rule.max_days) // 2)
            chosen = self.best_day(forum, middle, window, 1)
            if chosen is None:
                why = self.reasons(forum, window) if window else _("the window is in another year")
                self.unmet.append(
                    Unmet(
                        forum.id,
                        "before",
                        _(
                            "no day {min_days}–{max_days} days before {name} ({first} to "
                            "{last}): {why}"
                        ).format(
                            min_days=rule.min_days,
                            max_days=rule.max_days,
                            name=name,
                            first=first,
                            last=last,
                            why=why,
                        ),
                    )
                )
                continue
            self.place(self.slot(forum, chosen))
        self.spread(forum)

    # -- bodies that meet in one week, one a day --

    def group(self, members: list[Forum]) -> None:
        """For each of the group's target weeks, every member that still needs a meeting
        meets that week, each on its own day; a member that cannot is planned on its own."""
        leader = sorted(members, key=lambda f: (-self.wanted(f), f.id))[0]
        name = (leader.cadence.group if leader.cadence else None) or leader.id
        gap = self.gap(leader)
        covered = {f.id: self._covered(f, self.targets(leader)) for f in members}
        for target in self.targets(leader):
            needing = [f for f in members if target not in covered[f.id]]
            if not needing:
                continue
            if len(needing) > 5:
                for extra in needing[5:]:
                    self.unmet.append(
                        Unmet(
                            extra.id,
                            "group",
                            _(
                                "more than five bodies of group '{name}' meet in the week of "
                                "{target}; one a day leaves no day for it"
                            ).format(name=name, target=target),
                        )
                    )
                needing = needing[:5]
            week = self._best_week(needing, target, gap)
            placed = {f.id for f, _d in week}
            for forum, day in week:
                self.place(self.slot(forum, day))
            for forum in needing:
                if forum.id not in placed:
                    self.unmet.append(
                        Unmet(
                            forum.id,
                            "group",
                            _(
                                "no week near {target} where it could meet with the rest of group "
                                "'{name}', one a day; planned on its own"
                            ).format(target=target, name=name),
                        )
                    )
        for forum in members:
            self.spread(forum)

    def _covered(self, forum: Forum, targets: list[dt.date]) -> set[dt.date]:
        left, out = list(targets), set()
        for held in self.rules.dates.get(forum.id, []):
            if not left:
                break
            nearest = min(left, key=lambda t: (abs((t - held).days), t))
            left.remove(nearest)
            out.add(nearest)
        return out

    def _best_week(
        self, members: list[Forum], target: dt.date, gap: int
    ) -> list[tuple[Forum, dt.date]]:
        monday = target - dt.timedelta(days=target.weekday())
        weeks = [monday + dt.timedelta(weeks=k) for k in range(-5, 6)]
        weeks = [w for w in weeks if w.year == self.rules.year or w.year + 1 == self.rules.year]
        best: tuple[float, dt.date, list[tuple[Forum, dt.date]]] | None = None
        for week in sorted(weeks, key=lambda w: (abs((w - monday).days), w)):
            options = []
            for forum in members:
                choices = []
                for i in range(5):
                    day = week + dt.timedelta(days=i)
                    if day.year != self.rules.year or not self.rules.gap_ok(forum, day, gap):
                        continue
                    if self.rules.why_not(forum, day) is None:
                        choices.append((self.rules.cost(forum, day), day))
                options.append(sorted(choices))
            cost, days = _assign(options)
            wednesday = week + dt.timedelta(days=2)
            score = cost + len(members) * abs((wednesday - target).days) / 7
            if best is None or (score, week) < (best[0], best[1]):
                best = (score, week, [(f, d) for f, d in zip(members, days, strict=True) if d])
        return best[2] if best else []


def _assign(options: list[list[tuple[float, dt.date]]]) -> tuple[float, list[dt.date | None]]:
    """Give each member its own day at the least total cost (a member left out costs
    ``UNPLACED``): a small branch-and-bound over at most five members and five days."""
    best_cost = UNPLACED * (len(options) + 1)
    best: list[dt.date | None] = [None] * len(options)
    chosen: list[dt.date | None] = []

    def walk(index: int, used: set[dt.date], total: float) -> None:
        nonlocal best_cost, best
        if total >= best_cost:
            return
        if index == len(options):
            best_cost, best = total, list(chosen)
            return
        for cost, day in options[index]:
            if day in used:
                continue
            chosen.append(day)
            walk(index + 1, used | {day}, total + cost)
            chosen.pop()
        chosen.append(None)
        walk(index + 1, used, total + UNPLACED)
        chosen.pop()

    walk(0, set(), 0.0)
    return best_cost, best


def units(forums: list[Forum]) -> list[list[Forum]]:
    """The bodies in the order they are planned: a group together, a body after the one it
    meets before, the larger bodies first (by kind, then id)."""
    groups: dict[str, list[Forum]] = {}
    for forum in sorted(forums, key=lambda f: f.id):
        key = (forum.cadence.group if forum.cadence else None) or f"\0{forum.id}"
        groups.setdefault(key, []).append(forum)
    unit_of = {f.id: key for key, members in groups.items() for f in members}

    def rank(key: str) -> tuple[int, str]:
        kinds = [KIND_ORDER.index(f.kind) for f in groups[key]]
        return (min(kinds), key.lstrip("\0"))

    needs = {
        key: {
            unit_of[f.cadence.before.forum]
            for f in members
            if f.cadence and f.cadence.before and f.cadence.before.forum in unit_of
        }
        - {key}
        for key, members in groups.items()
    }
    ordered: list[list[Forum]] = []
    done: set[str] = set()
    while len(done) < len(groups):
        ready = [k for k in groups if k not in done and needs[k] <= done]
        if not ready:  # a circle of order rules: take the first and go on
            ready = [k for k in groups if k not in done]
        key = min(ready, key=rank)
        done.add(key)
        ordered.append(groups[key])
    return ordered
