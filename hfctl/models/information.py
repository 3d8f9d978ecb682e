"""Information items the coordinator passes on to every party at the same time."""

from __future__ import annotations

from pydantic import Field

from hfctl.models.base import Date, Id, Model, Str


class Information(Model):
    """``data/information/<date>-<slug>.md``: an item from a national authority or partner.

    The Markdown body is the summary. ``audience`` empty means every party: the trust and
    every municipality of the region. ``sent`` records the day it went to each party.
    """

    title: Str
    source: Str
    received: Date
    links: list[Str] = []
    audience: list[Id] = []
    """Parties or forums (a forum means the parties its members represent)."""
    sent: dict[Id, Date] = Field(default_factory=dict)
