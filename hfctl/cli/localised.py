"""Days, times and severities as the run's language writes them in text (JSON keeps ISO days
and the English values)."""

from __future__ import annotations

import datetime as dt

from hfctl.core.i18n import _, current_language
from hfctl.core.problems import Severity


def day(value: dt.date) -> str:
    """A day in the run's language: ``3. desember 2026`` (ISO in English)."""
    from hfctl.formats.dates import day_text

    return day_text(value, current_language())


def short_day(value: dt.date) -> str:
    """A day where room is short: ``3.12.2026`` (ISO in English)."""
    from hfctl.formats.dates import short_day_text

    return short_day_text(value, current_language())


def iso_day(value: object) -> str:
    """A day given as ISO text (as in the JSON form) in the run's language; other text as is."""
    import datetime as dt

    try:
        return day(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def clock(value: str) -> str:
    """A time of day in the run's language: ``kl. 10.00`` (``10:00`` in English)."""
    from hfctl.formats.dates import clock_text

    return clock_text(value, current_language())


def severity(value: Severity) -> str:
    """``error`` or ``warning`` in the run's language (JSON keeps the English value)."""
    return _("error") if value is Severity.ERROR else _("warning")
