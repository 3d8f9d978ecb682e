"""Calendars the year is planned around: a county's school breaks, the community's own
blocked days (``data/calendars/<id>.yaml``). Public holidays come from ``holidays``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from hfctl.core.i18n import _
from hfctl.models.base import Bool, Date, Int, Model, Str

BreakKind = Literal["winter", "easter", "autumn", "summer", "christmas", "blocked"]


class Break(Model):
    """Days off the calendar, both ends included: a school break, or a day the community
    keeps free of meetings."""

    kind: BreakKind
    from_: Date = Field(alias="from")
    to: Date
    note: Str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Break:
        if self.to < self.from_:
            raise ValueError(
                _("to {to} is before from {start}").format(to=self.to, start=self.from_)
            )
        return self

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` is one of the break's days."""
        return self.from_ <= day <= self.to


class Calendar(Model):
    """``data/calendars/<id>.yaml``: one calendar year of a county's school breaks (with
    the county's decision), or, with no county, the community's blocked days."""

    year: Int = Field(ge=2000, le=2100)
    county: Str | None = Field(default=None, pattern=r"^\d{2}$")
    """The county number (``data/counties.yaml``); empty: the whole community's days."""
    decision: Str | None = None
    """The county's decision (vedtak) the school breaks are taken from."""
    checked: Bool = False
    """Whether the dates have been checked against that decision."""
    breaks: list[Break] = []

    @model_validator(mode="after")
    def _in_year(self) -> Calendar:
        for entry in self.breaks:
            if entry.from_.year != self.year and entry.to.year != self.year:
                raise ValueError(
                    _("a break from {start} to {to} is not in {year}").format(
                        start=entry.from_, to=entry.to, year=self.year
                    )
                )
        return self

    def break_on(self, day: dt.date) -> Break | None:
        """The break that ``day`` falls in, if any."""
        return next((b for b in self.breaks if b.covers(day)), None)
