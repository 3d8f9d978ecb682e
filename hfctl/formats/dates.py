"""Dates and times written the Norwegian way (or the English), through Babel."""

from __future__ import annotations

import datetime as dt

LOCALES = {"nn": "nn_NO", "nb": "nb_NO", "en": "en_GB"}


def long_date(day: dt.date, lang: str) -> str:
    """``tysdag 10. februar 2026`` in the language asked for."""
    from babel.dates import format_date

    return str(format_date(day, format="full", locale=LOCALES[lang]))


def short_date(day: dt.date, lang: str = "nn") -> str:
    """``10. februar 2026`` (no weekday) in the language asked for."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=LOCALES[lang]))


def month_name(month: int, lang: str = "nn") -> str:
    """``januar`` for 1, in the language asked for."""
    from babel.dates import get_month_names

    return str(get_month_names("wide", locale=LOCALES[lang])[month])


def clock(start: dt.time, end: dt.time | None, lang: str) -> str:
    """``kl. 10.00–14.00`` (``10:00–14:00`` in English)."""
    sep = ":" if lang == "en" else "."
    text = start.strftime(f"%H{sep}%M")
    if end is not None:
        text += "–" + end.strftime(f"%H{sep}%M")
    return text if lang == "en" else f"kl. {text}"


def day_text(day: dt.date, lang: str) -> str:
    """A day in running text: ``3. desember 2026`` in nynorsk and bokmål; in English the ISO
    form ``2026-12-03``, which the English output has always used."""
    if lang == "en":
        return day.isoformat()
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=LOCALES[lang]))


def short_day_text(day: dt.date, lang: str) -> str:
    """A day where room is short: ``3.12.2026`` in nynorsk and bokmål (Babel's short form with
    the whole year), ISO in English."""
    if lang == "en":
        return day.isoformat()
    from babel.dates import format_date

    return str(format_date(day, format="d.M.yyyy", locale=LOCALES[lang]))


def clock_text(start: str, lang: str) -> str:
    """A time of day written ``HH:MM`` in the data, as text: ``kl. 10.00`` (``10:00``)."""
    if lang == "en" or len(start) != 5 or start[2] != ":":
        return start
    return f"kl. {start[:2]}.{start[3:]}"
