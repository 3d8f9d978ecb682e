"""Finding what people name: the one resolver for every id a command takes.

A forum, party, person, agreement or meeting is found by its id, by its name or short name in
any language ("SSU", "FSU barn og unge", "Arendal", "Anne Rød"), ignoring case, accents and the
Norwegian letters, or by the words of a name when only one thing has them all ("barn og unge").
A name that fits several is refused with the candidates; a near miss gets "did you mean".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hfctl.core.dates import DateError, parse_date
from hfctl.core.errors import NotFoundError, UsageError
from hfctl.models.agreement import Agreement
from hfctl.models.base import Text
from hfctl.models.forum import Forum
from hfctl.models.meeting import Meeting
from hfctl.models.party import Party, Person
from hfctl.store.loader import Dataset

KINDS = ("forum", "party", "person")
"""What a free reference (a responsible, an audience) may name."""


def fold(text: str) -> str:
    """Text folded for matching: case, accents, Norwegian letters and punctuation ignored."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text))


@dataclass(frozen=True)
class Known:
    """Something that can be named: its id, how to show it, and every name it goes by."""

    key: str
    label: str
    names: tuple[str, ...]


def resolve(query: str, known: Iterable[Known], what: str) -> str:
    """The id of the one thing ``query`` names; NotFoundError (with the candidates, or the
    near misses) otherwise."""
    items = list(known)
    text = query.strip()
    if not text:
        raise UsageError(f"name a {what}")
    for item in items:
        if item.key == text:
            return item.key
    wanted = fold(text)
    exact = _distinct(i for i in items if wanted in {fold(n) for n in i.names})
    if exact:
        return _one(query, exact, what)
    words = set(wanted.split())
    partial = _distinct(
        i for i in items if words and any(words <= set(fold(n).split()) for n in i.names)
    )
    if partial:
        return _one(query, partial, what)
    by_name: dict[str, Known] = {}
    for item in items:
        for name in item.names:
            by_name.setdefault(fold(name), item)
    hints = _near(wanted, {name: item.label for name, item in by_name.items()})
    hint = f"; did you mean {' or '.join(hints)}?" if hints else ""
    raise NotFoundError(f"no {what} '{query}'{hint}")


def _near(wanted: str, labels: dict[str, str]) -> list[str]:
    """The labels of the names closest to ``wanted`` (the best, and any as good as it)."""
    scored = [
        (difflib.SequenceMatcher(None, wanted, name).ratio(), label)
        for name, label in labels.items()
    ]
    close = sorted((s for s in scored if s[0] >= 0.6), reverse=True)
    best = close[0][0] if close else 0.0
    return list(dict.fromkeys(label for score, label in close if score >= best - 0.05))[:3]


def _distinct(items: Iterable[Known]) -> list[Known]:
    return list({i.key: i for i in items}.values())


def _one(query: str, found: Sequence[Known], what: str) -> str:
    if len(found) == 1:
        return found[0].key
    listed = ", ".join(sorted(i.label for i in found))
    raise NotFoundError(f"'{query}' could be more than one {what}: {listed}; give the id")


# -- the things a command names --


def forums(ds: Dataset) -> list[Known]:
    """Every forum with its names (id, short name, full name in each language)."""
    return [
        Known(
            f.id,
            f"{f.display_name()} ({f.id})",
            (f.id, *([f.short] if f.short else []), *_texts(f.name)),
        )
        for f in ds.forums.values()
    ]


def parties(ds: Dataset, kinds: Sequence[str] = ()) -> list[Known]:
    """Every party (of ``kinds``, if given) with its names and municipality numbers."""
    return [
        Known(
            p.id,
            f"{p.name} ({p.id})",
            (p.id, p.name, *([p.short] if p.short else []), *(n.number for n in p.numbers)),
        )
        for p in ds.parties.values()
        if not kinds or p.kind in kinds
    ]


def people(ds: Dataset) -> list[Known]:
    """Every person with their id and full name."""
    return [Known(p.id, f"{p.name} ({p.id})", (p.id, p.name)) for p in ds.people.values()]


def name_of(ds: Dataset, key: str, lang: str = "nn") -> str:
    """How a forum (its short name), party or person id reads for people; the id if unknown."""
    if key in ds.forums:
        return ds.forums[key].display_name(lang)
    if key in ds.parties:
        return ds.parties[key].name
    if key in ds.people:
        return ds.people[key].name
    return key


def roles(ds: Dataset) -> list[Known]:
    """Every role (interkommunal samhandlingskoordinator) with its names."""
    return [
        Known(r.id, f"{r.name.get('nn')} ({r.id})", (r.id, *_texts(r.name)))
        for r in ds.roles.values()
    ]


def _texts(text: Text) -> tuple[str, ...]:
    return tuple(t for t in (text.nn, text.nb, text.en) if t)


def find_forum(ds: Dataset, query: str) -> Forum:
    """A forum by id or name."""
    return ds.forums[resolve(query, forums(ds), "forum")]


def find_party(ds: Dataset, query: str) -> Party:
    """A party by id, name, short name or municipality number."""
    return ds.parties[resolve(query, parties(ds), "party")]


def find_municipality(ds: Dataset, query: str) -> Party:
    """A municipality by number (any it has had), id or name."""
    return ds.parties[resolve(query, parties(ds, ("municipality",)), "municipality")]


def find_person(ds: Dataset, query: str) -> Person:
    """A person by id or full name."""
    return ds.people[resolve(query, people(ds), "person")]


def find_any(ds: Dataset, query: str, kinds: Sequence[str] = KINDS) -> str:
    """The id of a forum, party or person (of ``kinds``) by id or name."""
    known: list[Known] = []
    if "forum" in kinds:
        known += forums(ds)
    if "party" in kinds:
        known += parties(ds)
    if "person" in kinds:
        known += people(ds)
    if "role" in kinds:
        known += roles(ds)
    return resolve(query, known, " or ".join(kinds))


def find_agreement(ds: Dataset, query: str) -> Agreement:
    """An agreement by id, title, or its tenesteavtale number (``7``, ``tenesteavtale 7``)."""
    known = [
        Known(
            a.id,
            f"{a.title.get('nn')} ({a.id})",
            (
                a.id,
                *_texts(a.title),
                *([str(a.number), f"tenesteavtale {a.number}"] if a.kind == "service" else []),
            ),
        )
        for a in ds.agreements.values()
    ]
    return ds.agreements[resolve(query, known, "agreement")]


def find_meeting(ds: Dataset, query: str) -> Meeting:
    """A meeting by id (``2026-04-23-ssu``), file path, or forum and day (``SSU 23.4.2026``)."""
    key = query.strip().rsplit("/", 1)[-1].removesuffix(".md")
    for candidate in (key, key.casefold()):
        if candidate in ds.meetings:
            return ds.meetings[candidate]
    by_day = _by_forum_and_day(ds, query)
    if by_day is not None:
        return by_day
    close = difflib.get_close_matches(key.casefold(), list(ds.meetings), n=3, cutoff=0.75)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise NotFoundError(
        f"no meeting '{query}' (name one by its id, <date>-<forum>, or by forum and day, "
        f"e.g. 'SSU 10.12.2026'){hint}"
    )


def _by_forum_and_day(ds: Dataset, query: str) -> Meeting | None:
    words = query.split()
    for index, word in enumerate(words):
        try:
            day = parse_date(word)
        except DateError:
            continue
        rest = " ".join(words[:index] + words[index + 1 :])
        that_day = sorted(
            (m for m in ds.meetings.values() if m.date == day), key=lambda m: (m.start, m.id)
        )
        if rest:
            forum = find_forum(ds, rest)
            that_day = [m for m in that_day if m.forum == forum.id]
            if not that_day:
                raise NotFoundError(f"{forum.display_name()} has no meeting on {day}")
        if len(that_day) == 1:
            return that_day[0]
        if not that_day:
            raise NotFoundError(f"no meeting on {day}")
        listed = ", ".join(m.id for m in that_day)
        raise NotFoundError(f"'{query}' could be more than one meeting: {listed}; name the forum")
    return None
