"""Rotating secretariats: who holds one on a day, and what the next term is by the rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hfctl.models.forum import Forum, Secretariat, SecretariatTerm


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
