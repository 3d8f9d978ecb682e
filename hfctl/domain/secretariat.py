"""Rotating secretariats: who holds one on a day, and what the next term is by the rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hfctl.core.errors import NotFoundError, RefusedError
from hfctl.core.i18n import _
from hfctl.domain import lookup
from hfctl.formats.words import resolve_lang
from hfctl.models.forum import Forum, Secretariat, SecretariatTerm
from hfctl.store import yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` on; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def term_end(start: dt.date, years: int) -> dt.date:
    """The last day of a term of ``years`` years that starts on ``start``."""
    return add_years(start, years) - dt.timedelta(days=1)


def holder_on(secretariat: Secretariat, day: dt.date) -> SecretariatTerm | None:
    """The term that covers ``day``, if one is recorded."""
    for term in secretariat.terms:
        if term.covers(day):
            return term
    return None


def next_holder(secretariat: Secretariat, holder: str) -> str:
    """Who comes after ``holder`` in the rotation (the first, for a holder not in it)."""
    holders = secretariat.rotation.holders
    if holder not in holders:
        return holders[0]
    return holders[(holders.index(holder) + 1) % len(holders)]


@dataclass(frozen=True)
class NextTerm:
    """A term the rotation rule would record next."""

    holder: str
    from_: dt.date
    to: dt.date


def next_term(secretariat: Secretariat) -> NextTerm:
    """The term that follows the last recorded one, by the rotation rule."""
    last = max(secretariat.terms, key=lambda t: t.from_)
    start = last.to + dt.timedelta(days=1)
    return NextTerm(
        next_holder(secretariat, last.holder),
        start,
        term_end(start, secretariat.rotation.term_years),
    )


def rotating_forums(forums: dict[str, Forum]) -> list[Forum]:
    """The forums that have a rotating secretariat."""
    return [f for f in forums.values() if f.secretariat is not None]


# -- reading: who holds it, and the terms on record --


@dataclass(frozen=True)
class Holding:
    """Who holds a secretariat on a day, until when, and who comes next."""

    forum: str
    on: dt.date
    holder: str
    holder_name: str
    from_: dt.date
    to: dt.date
    next_holder: str
    next_holder_name: str
    next_from: dt.date
    next_recorded: bool

    @property
    def days_left(self) -> int:
        """Days from ``on`` to the last day of the term, that day included."""
        return (self.to - self.on).days + 1

    def to_json(self) -> dict[str, object]:
        """The JSON shape of `hfctl secretariat show`."""
        return {
            "holder": self.holder,
            "holder_name": self.holder_name,
            "from": self.from_.isoformat(),
            "to": self.to.isoformat(),
            "next_holder": self.next_holder,
            "next_holder_name": self.next_holder_name,
            "next_from": self.next_from.isoformat(),
        }


def holder_name(ds: Dataset, holder: str, lang: str = "nn") -> str:
    """The display name of a holder, which may be a party or a forum."""
    if holder in ds.parties:
        return ds.parties[holder].name
    if holder in ds.forums:
        return ds.forums[holder].name.get(lang)
    return holder


def find_forum(ds: Dataset, forum_id: str | None) -> Forum:
    """The forum with a rotating secretariat: the one named, or the only one there is."""
    rotating = rotating_forums(ds.forums)
    if forum_id is not None:
        forum = lookup.find_forum(ds, forum_id)
        if forum.secretariat is None:
            names = ", ".join(f.id for f in rotating) or "none"
            raise NotFoundError(
                _("{forum} has no rotating secretariat (there is: {names})").format(
                    forum=forum.display_name(), names=names
                )
            )
        return forum
    if len(rotating) != 1:
        names = ", ".join(f.id for f in rotating) or "none"
        raise NotFoundError(
            _("say which forum with --forum (forums with a secretariat: {names})").format(
                names=names
            )
        )
    return rotating[0]


def describe_terms(secretariat: Secretariat) -> str:
    """The recorded terms, for error messages: ``2022-01-01..2023-12-31 foretaket; …``."""
    return "; ".join(f"{t.from_}..{t.to} {t.holder}" for t in sorted_terms(secretariat))


def sorted_terms(secretariat: Secretariat) -> list[SecretariatTerm]:
    """The terms in date order."""
    return sorted(secretariat.terms, key=lambda t: t.from_)


def holding(ds: Dataset, forum: Forum, day: dt.date) -> Holding:
    """Who holds the forum's secretariat on ``day``; an error if no term covers it."""
    sec = forum.secretariat
    assert sec is not None
    term = holder_on(sec, day)
    if term is None:
        raise NotFoundError(
            _(
                "no {forum} secretariat term covers {day}. Recorded terms: "
                "{describe_terms}. `hfctl secretariat rotate` records the next term"
            ).format(forum=forum.display_name(), day=day, describe_terms=describe_terms(sec))
        )
    following = [t for t in sorted_terms(sec) if t.from_ > term.from_]
    if following:
        nxt_holder, nxt_from, recorded = following[0].holder, following[0].from_, True
    else:
        planned = next_term(sec)
        nxt_holder, nxt_from, recorded = planned.holder, planned.from_, False
    return Holding(
        forum.id,
        day,
        term.holder,
        holder_name(ds, term.holder),
        term.from_,
        term.to,
        nxt_holder,
        holder_name(ds, nxt_holder),
        nxt_from,
        recorded,
    )


# -- writing: record the next term --


@dataclass(frozen=True)
class Rotation:
    """The change `hfctl secretariat rotate` makes, and the term it records."""

    plan: Plan
    term: NextTerm
    outgoing: str


def plan_rotation(ds: Dataset, forum: Forum, today: dt.date) -> Rotation:
    """Add the next term to the forum's file; refuse if a future term is already recorded."""
    sec = forum.secretariat
    assert sec is not None
    last = sorted_terms(sec)[-1]
    if last.from_ > today:
        raise RefusedError(
            _(
                "the next {forum} secretariat term is already recorded: "
                "{holder_name} from {start} to {to}. Rotate again once that term has "
                "begun (on or after {start})"
            ).format(
                forum=forum.display_name(),
                holder_name=holder_name(ds, last.holder),
                start=last.from_,
                to=last.to,
            )
        )
    term = next_term(sec)
    changes = Changeset(ds.root)
    rel = forum.file
    doc = changes.edit(rel)
    terms = doc.data["secretariat"]["terms"]
    flow = yamledit.is_flow(terms[-1]) if len(terms) else False
    terms.append(
        yamledit.mapping({"holder": term.holder, "from": term.from_, "to": term.to}, flow=flow)
    )
    changes.set(rel, doc.render())
    name = holder_name(ds, term.holder)
    message = f"{forum.display_name()} secretariat: {name} holds it {term.from_} to {term.to}"
    return Rotation(Plan(changes, message), term, last.holder)


def handover_checklist(
    ds: Dataset,
    forum: Forum,
    outgoing: str,
    incoming: str,
    day: dt.date,
    lang: str | None = None,
) -> str:
    """The handover checklist from the template ``secretariat/handover.<lang>.md.j2``."""
    from hfctl.formats.render import render

    language = resolve_lang(ds, lang)
    return render(
        ds.root,
        f"secretariat/handover.{language}.md.j2",
        forum=forum.display_name(language),
        outgoing=holder_name(ds, outgoing, language),
        incoming=holder_name(ds, incoming, language),
        day=day.isoformat(),
    )
