"""Words for data values (roles, kinds, statuses) in nynorsk, bokmål and English.

Templates carry their own labels; this is for messages built in Python (``hfctl diff``,
``hfctl log``). Every table has the same keys in every language; a test keeps them so.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hfctl.core.errors import UsageError
from hfctl.core.i18n import _, current_language

if TYPE_CHECKING:
    from hfctl.store.loader import Dataset

LANGS = ("nn", "nb", "en")

ROLE: dict[str, dict[str, str]] = {
    "nn": {
        "leader": "leiar",
        "deputy-leader": "nestleiar",
        "member": "medlem",
        "deputy": "vara",
        "secretary": "sekretær",
        "coordinator": "koordinator",
        "observer": "observatør",
    },
    "nb": {
        "leader": "leder",
        "deputy-leader": "nestleder",
        "member": "medlem",
        "deputy": "vara",
        "secretary": "sekretær",
        "coordinator": "koordinator",
        "observer": "observatør",
    },
    "en": {
        "leader": "leader",
        "deputy-leader": "deputy leader",
        "member": "member",
        "deputy": "deputy",
        "secretary": "secretary",
        "coordinator": "coordinator",
        "observer": "observer",
    },
}

MEETING_KIND: dict[str, dict[str, str]] = {
    "nn": {"ordinary": "ordinært", "extraordinary": "ekstraordinært"},
    "nb": {"ordinary": "ordinært", "extraordinary": "ekstraordinært"},
    "en": {"ordinary": "ordinary", "extraordinary": "extraordinary"},
}

MEETING_STATUS: dict[str, dict[str, str]] = {
    "nn": {"planned": "planlagt", "held": "halde", "cancelled": "avlyst"},
    "nb": {"planned": "planlagt", "held": "holdt", "cancelled": "avlyst"},
    "en": {"planned": "planned", "held": "held", "cancelled": "cancelled"},
}


def status_word(status: str) -> str:
    """A meeting's status in the language spoken (as the data writes it, in English)."""
    return word(MEETING_STATUS, current_language(), status)


AGENDA_STATE: dict[str, dict[str, str]] = {
    "nn": {"draft": "utkast", "issued": "saksliste fastsett", "invitation sent": "innkalling send"},
    "nb": {
        "draft": "utkast",
        "issued": "saksliste fastsatt",
        "invitation sent": "innkalling sendt",
    },
    "en": {"draft": "draft", "issued": "issued", "invitation sent": "invitation sent"},
}
"""The state of a meeting's papers (``domain.dashboard.UpcomingMeeting.agenda``) in words."""


def agenda_word(state: str) -> str:
    """The state of a meeting's papers in the language spoken."""
    return word(AGENDA_STATE, current_language(), state)


def role_word(role: str) -> str:
    """A role in the language spoken (its id in English, as the data writes it)."""
    language = current_language()
    return role if language == "en" else word(ROLE, language, role)


PARTY_KIND: dict[str, dict[str, str]] = {
    "nn": {
        "trust": "helseføretak",
        "municipality": "kommune",
        "organisation": "organisasjon",
        "state-administrator": "statsforvaltar",
        "user-council": "brukarutval",
        "gp-body": "fastlegeutval",
    },
    "nb": {
        "trust": "helseforetak",
        "municipality": "kommune",
        "organisation": "organisasjon",
        "state-administrator": "statsforvalter",
        "user-council": "brukerutvalg",
        "gp-body": "fastlegeutvalg",
    },
    "en": {
        "trust": "hospital trust",
        "municipality": "municipality",
        "organisation": "organisation",
        "state-administrator": "county governor",
        "user-council": "user council",
        "gp-body": "GP body",
    },
}


def word(table: dict[str, dict[str, str]], lang: str, value: str) -> str:
    """``value`` in ``lang`` from ``table``; an unknown value is shown as it is."""
    return table[lang].get(value, value)


def long_day(day: dt.date | None, lang: str, open_: str) -> str:
    """``3. februar 2025`` (``3 February 2025``); ``open_`` when there is no day."""
    if day is None:
        return open_
    from babel.dates import format_date

    from hfctl.formats.dates import LOCALES

    return str(format_date(day, format="long", locale=LOCALES[lang]))


def resolve_lang(ds: Dataset, lang: str | None) -> str:
    """The language asked for, or the community's default; refuse an unknown one."""
    language = lang or (ds.community.default_language if ds.community else "nn")
    if language not in LANGS:
        raise UsageError(
            _("--lang: '{language}' is not one of nn, nb, en").format(language=language)
        )
    return language
