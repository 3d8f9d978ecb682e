"""Days as people write them: ``2026-12-03`` or the Norwegian ``3.12.2026`` / ``03.12.2026``.

The one parser of a day typed on the command line (data files keep ``YYYY-MM-DD``). It says
what is wrong with the text; the command line adds which option it came from.
"""

from __future__ import annotations

import datetime as dt
import re

from hfctl.core.i18n import _

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NORWEGIAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
FORMS = "2026-12-03 or 3.12.2026"
"""How a day may be written, for help texts and messages."""


class DateError(ValueError):
    """Text that is not a day, with the reason as its message."""


def parse_date(text: str) -> dt.date:
    """The day ``text`` names: ``YYYY-MM-DD``, ``D.M.YYYY`` or ``DD.MM.YYYY``."""
    value = text.strip()
    iso = _ISO.match(value)
    norwegian = _NORWEGIAN.match(value)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif norwegian:
        day, month, year = (int(g) for g in norwegian.groups())
    else:
        raise DateError(_("'{text}' is not a date (write {forms})").format(text=text, forms=FORMS))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(_("'{text}' is not a real date").format(text=text)) from None
