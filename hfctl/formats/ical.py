"""iCalendar TEXT that stays the text it was.

icalendar's own ``vText`` reads the two characters ``\\N`` in a value as a line break (its
documented shorthand), so a place written ``C:\\Nytt bygg`` would reach every calendar on two
lines. Data text is data: :class:`Text` escapes by RFC 5545 section 3.3.11 and nothing else,
and icalendar's parser reads it back unchanged. Imported only by the commands that write
calendars.
"""

from __future__ import annotations

from icalendar.prop import vText


class Text(vText):
    """A TEXT value escaped by the RFC alone: backslash, semicolon, comma and line breaks."""

    __slots__ = ()

    def to_ical(self) -> bytes:
        escaped = (
            str(self)
            .replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\r\n", "\n")
            .replace("\r", "\n")
            .replace("\n", "\\n")
        )
        return escaped.encode("utf-8")
