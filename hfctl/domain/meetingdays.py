"""Days a meeting should not fall on: public holidays, romjul and Holy Week
(``meetings`` re-exports them)."""

from __future__ import annotations

import datetime as dt
import functools

from hfctl.core.i18n import _


@functools.cache
def holidays_of(year: int) -> dict[dt.date, str]:
    """The Norwegian public holidays of ``year`` by day (read once per year and process)."""
    import holidays

    table = holidays.country_holidays("NO", years=year, language="no")
    return {day: str(name) for day, name in sorted(table.items())}


def holiday_name(day: dt.date) -> str | None:
    """The Norwegian public holiday on ``day``, if any."""
    return holidays_of(day.year).get(day)


def easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    x = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * x) // 451
    month, day = divmod(h + x - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def season(day: dt.date) -> str | None:
    """Romjul (27-31 December) or Holy Week (the days before Easter), when many are away."""
    if day.month == 12 and 27 <= day.day <= 31:
        return _("{day} is in romjul (27–31 December), when many are on leave").format(day=day)
    sunday = easter(day.year)
    if sunday - dt.timedelta(days=7) <= day < sunday:
        return _(
            "{day} is in Holy Week (påskeveka, Easter is {sunday}), when many are on leave"
        ).format(day=day, sunday=sunday)
    return None
