"""Roles held by one person at a time, such as the interkommunal samhandlingskoordinator."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from hfctl.models.base import Bool, Id, Model, Period, Text


class Holder(Period):
    """A person holding the role for a period."""

    person: Id


class Requirements(Model):
    """What the holder of a role must also be: member of some forums, secretary of others."""

    member_of: list[Id] = []
    secretary_of: list[Id] = []


class Role(Model):
    """``data/roles/<id>.yaml``: a role and who has held it."""

    id: Id
    name: Text
    description: Text | None = None
    exclusive: Bool = True
    requires: Requirements = Field(default_factory=Requirements)
    holders: list[Holder] = []

    def holders_on(self, day: dt.date) -> list[Holder]:
        """Who holds the role on ``day``."""
        return [h for h in self.holders if h.covers(day)]
