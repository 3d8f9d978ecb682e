"""The words of ``hfctl diff`` and ``hfctl log``: a change as data and as a sentence in
nynorsk, bokmål or English (``MESSAGES``; the meeting sentences are in ``semdiff_meetings``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from hfctl.domain.semdiff_messages import MESSAGES as MESSAGES
from hfctl.formats.words import ROLE, long_day, word
from hfctl.store.loader import Dataset

# message key -> language -> sentence with {placeholders}
WORDS: dict[str, dict[str, str]] = {
    "nn": {
        "open": "open slutt",
        "unnumbered": "utan nummer",
        "name": "namn {old} → {new}",
        "numbers": "kommunenummer {numbers}",
        "membership": "medlemskap i regionen",
        "contact": "kontaktpunkt",
        "party": "part {old} → {new}",
        "title": "tittel: {new}",
        "email": "e-postadresse endra",
        "details": "andre opplysningar er endra",
        "none": "ingen endringar i styringa",
        "heading": "Endringar i styringa",
    },
    "nb": {
        "open": "åpen slutt",
        "unnumbered": "uten nummer",
        "name": "navn {old} → {new}",
        "numbers": "kommunenummer {numbers}",
        "membership": "medlemskap i regionen",
        "contact": "kontaktpunkt",
        "party": "part {old} → {new}",
        "title": "tittel: {new}",
        "email": "e-postadresse endret",
        "details": "andre opplysninger er endret",
        "none": "ingen endringer i styringen",
        "heading": "Endringer i styringen",
    },
    "en": {
        "open": "open",
        "unnumbered": "unnumbered",
        "name": "name {old} → {new}",
        "numbers": "municipality numbers {numbers}",
        "membership": "membership of the region",
        "contact": "contact point",
        "party": "party {old} → {new}",
        "title": "title: {new}",
        "email": "e-mail address changed",
        "details": "details changed",
        "none": "no governance changes",
        "heading": "Governance changes",
    },
}


@dataclass(frozen=True)
class Change:
    """One change: its kind, the entity it is about, a sentence for reviewers, the file, and
    its values (dates as ISO text) for tools."""

    kind: str
    entity: str
    message: str
    file: str
    data: dict[str, str | None] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON object."""
        return {
            "kind": self.kind,
            "entity": self.entity,
            "message": self.message,
            "file": self.file,
            "data": dict(self.data),
        }


class Term(NamedTuple):
    """A value said in words in the sentence and kept as its id in the data."""

    text: str
    value: str | None


class Say:
    """Builds changes with sentences in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def word(self, key: str, **values: str) -> str:
        """A small word of WORDS, filled in."""
        return WORDS[self.lang][key].format(**values)

    def day(self, value: dt.date | None) -> str:
        """A date written out; "open" for none."""
        return long_day(value, self.lang, self.word("open"))

    def clock(self, value: dt.time) -> str:
        """``10.00`` (``10:00`` in English)."""
        return value.strftime("%H:%M" if self.lang == "en" else "%H.%M")

    def __call__(
        self,
        kind: str,
        entity: str,
        file: str,
        key: str | None = None,
        /,
        **values: Term | str | dt.date | dt.time | None,
    ) -> Change:
        """A change of ``kind``, said with the sentence ``key`` (default: the kind)."""
        shown: dict[str, str] = {}
        data: dict[str, str | None] = {}
        for name, value in values.items():
            if isinstance(value, Term):
                shown[name], data[name] = value.text, value.value
            elif isinstance(value, dt.date):
                shown[name], data[name] = self.day(value), value.isoformat()
            elif isinstance(value, dt.time):
                shown[name], data[name] = self.clock(value), value.strftime("%H:%M")
            elif value is None:
                shown[name], data[name] = self.word("open"), None
            else:
                shown[name] = data[name] = value
        message = MESSAGES[key or kind][self.lang].format(**shown)
        return Change(kind, entity, message, file, data)


def same(a: Any, b: Any) -> bool:
    """Equal as data (models also carry where they were read from, which may differ)."""

    def dump(value: Any) -> Any:
        if isinstance(value, list):
            return [dump(v) for v in value]
        return value.model_dump() if hasattr(value, "model_dump") else value

    return bool(dump(a) == dump(b))


def person_term(ds: Dataset, person: str) -> Term:
    found = ds.people.get(person)
    return Term(found.name if found else person, person)


def party_term(ds: Dataset, party: str | None) -> Term:
    found = ds.parties.get(party) if party else None
    return Term(found.name if found else (party or "–"), party)


def forum_term(ds: Dataset, forum: str, lang: str, full: bool = False) -> Term:
    found = ds.forums.get(forum)
    if found is None:
        return Term(forum, forum)
    return Term(found.name.get(lang) if full else found.display_name(lang), forum)


def roles_term(lang: str, roles: Sequence[str]) -> Term:
    """A seat's roles in words ("medlem, sekretær"), kept as their ids."""
    said = ", ".join(word(ROLE, lang, role) for role in roles)
    return Term(said, ", ".join(roles))
