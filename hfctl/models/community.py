"""The health community itself: its name, its trust, its rules, and the law's service items."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from hfctl.models.base import Date, Email, Id, Int, Model, Str, Text

Lang = Literal["nn", "nb", "en"]


class StatuteItem(Model):
    """One numbered item of the law that the service agreements must cover (§ 6-2)."""

    item: Int = Field(ge=1)
    title: Text
    required_from: Date


class Statute(Model):
    """The provision that lists what the service agreements must cover."""

    reference: Str
    items: list[StatuteItem]


class Rules(Model):
    """Rules that differ between health communities; every check reads them from here."""

    member_term_warning_days: Int = Field(default=60, ge=0)
    coordinator_forum: Id | None = None
    """FSU coordinators must be members of this forum (a joint R&D unit, say)."""
    coordinator_role: Id | None = None
    """The role held by exactly one person at a time (interkommunal samhandlingskoordinator)."""
    yearly_forum: Id | None = None
    """The forum that meets exactly once a calendar year (Partnerskapsmøtet)."""
    user_representatives_appointed_by: Id | None = None


class Community(Model):
    """``data/community.yaml``: the helsefellesskap, its trust and its rules."""

    id: Id
    name: Text
    established: Date
    trust: Id
    default_language: Lang = "nn"
    website: Str | None = None
    # --- issue 21: the website's accessibility statement --------------------------------------
    accessibility_contact: Email | None = None
    """A functional address (never a person's) for feedback on the website's accessibility."""
    # --- end issue 21 ---------------------------------------------------------------------------
    rules: Rules = Field(default_factory=Rules)
    statute: Statute
