"""The health community itself: its name, its trust, its rules, and the law's service items."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from hfctl.models.base import Bool, Date, Email, Id, Int, Model, Str, Text
from hfctl.models.forum import ForumKind, Member, MemberRole, SeatKind, SeatSide

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


class SeatRule(Model):
    """Seats a forum must have: those of a kind (and role, and side), how many, appointed by
    whom, held by members of which forum. A seat matches when it has every property given."""

    kind: SeatKind | None = None
    role: MemberRole | None = None
    side: SeatSide | None = None
    min: Int = Field(default=1, ge=0)
    """At least this many people hold such a seat (without ``role``: as a member, leader or
    deputy leader)."""
    max: Int | None = Field(default=None, ge=0)
    appointed_by: list[Id] = []
    """The parties, forums or roles that may appoint such a seat; empty: anyone."""
    member_of: Id | None = None
    """Whoever holds such a seat also sits in this forum (an FSU's coordinator in the R&D unit)."""

    def matches(self, member: Member) -> bool:
        """Whether ``member``'s seat is one this rule is about."""
        if self.kind is not None and member.kind != self.kind:
            return False
        if self.side is not None and member.seat_side != self.side:
            return False
        if self.role is not None:
            return member.holds(self.role)
        return member.is_member

    def describe(self, count: int = 1) -> str:
        """The seat in words: 'user seat (municipal side)', 'coordinator', '2 gp seats'."""
        noun = "seat" if count == 1 else "seats"
        role = self.role and (self.role if count == 1 else f"{self.role}s")
        what = f"{self.kind} {noun}" if self.kind else ""
        what = f"{what} held as {role}" if what and role else what or role or noun
        return what + (f" ({self.side} side)" if self.side else "")


class RepresentationRule(Model):
    """Who sits in which forums: the seats required, parity between the sides, the size."""

    id: Id
    """The rule's name, as errors give it."""
    forums: list[Id] = []
    """The forums it holds for (with ``kinds``: either); both empty: every forum."""
    kinds: list[ForumKind] = []
    except_: list[Id] = Field(default=[], alias="except")
    """Forums it does not hold for."""
    seats: list[SeatRule] = []
    parity: Bool = False
    """As many municipal members as trust members (deputies, secretaries, coordinators apart)."""
    max_members: Int | None = Field(default=None, ge=1)
    """At most this many people sit as members (leader, deputy leader or member)."""

    def applies_to(self, forum_id: str, kind: str) -> bool:
        """Whether the rule holds for the forum ``forum_id`` of ``kind``."""
        if forum_id in self.except_:
            return False
        if not self.forums and not self.kinds:
            return True
        return forum_id in self.forums or kind in self.kinds


class Rules(Model):
    """Rules that differ between health communities; every check reads them from here."""

    member_term_warning_days: Int = Field(default=60, ge=0)
    coordinator_role: Id | None = None
    """The role held by exactly one person at a time (interkommunal samhandlingskoordinator)."""
    yearly_forum: Id | None = None
    """The forum that meets exactly once a calendar year (Partnerskapsmøtet)."""
    user_council: Id | None = None
    """The party that is user representatives' contact point (Brukarutvalet)."""
    representation: list[RepresentationRule] = []
    """Who sits in which forums (seats, parity, sizes, appointing bodies), as the checks read."""


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
