"""The one list of characters hfctl refuses in data: what makes text read differently from
what it is, or speak to a terminal.

Refused in every data file's text (so in every id, name and title), in every escaped value
and in every data file's name; and shown as a visible escape wherever hfctl prints text it
did not write itself (``hfctl.formats.safe``). The list is every character of these kinds:

- controls (Unicode category Cc), except tab, line feed and carriage return in a file's text;
- format characters (Cf): soft hyphen, Arabic letter mark, zero-width spaces and joiners,
  direction marks, embeddings, overrides and isolates, word joiner and invisible operators,
  the byte order mark, interlinear annotation, Unicode tag characters, and the rest;
- private-use characters (Co) and surrogates (Cs);
- the line and paragraph separators (Zl, Zp);
- fillers and other characters that are drawn as nothing: the Hangul fillers U+115F,
  U+1160, U+3164 and U+FFA0, the combining grapheme joiner U+034F, the Khmer inherent
  vowels U+17B4 and U+17B5, the Mongolian variation selectors U+180B–U+180F and the
  braille blank U+2800.

The ranges are written out (scanning Unicode at start-up would cost every command time);
``tests/adversarial/test_unicode_policy.py`` checks them against Python's Unicode database.
"""

from __future__ import annotations

import re
import unicodedata

_RANGES: tuple[tuple[int, int], ...] = (
    # Cc
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    # Cf
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    # Co, Cs
    (0xD800, 0xF8FF),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
    # Zl, Zp
    (0x2028, 0x2029),
    # fillers and blanks drawn as nothing
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFFA0, 0xFFA0),
)

_TEXT_ALLOWED = "\t\n\r"


def _char_class(ranges: tuple[tuple[int, int], ...], allowed: str = "") -> str:
    parts: list[str] = []
    for low, high in ranges:
        for start, end in _split(low, high, allowed):
            first, last = re.escape(chr(start)), re.escape(chr(end))
            parts.append(first if start == end else f"{first}-{last}")
    return "[" + "".join(parts) + "]"


def _split(low: int, high: int, allowed: str) -> list[tuple[int, int]]:
    """The range without the allowed characters in it."""
    out: list[tuple[int, int]] = []
    start = low
    for code in sorted(ord(c) for c in allowed if low <= ord(c) <= high):
        if start < code:
            out.append((start, code - 1))
        start = code + 1
    if start <= high:
        out.append((start, high))
    return out


def pattern(allowed: str = "") -> re.Pattern[str]:
    """A pattern matching any refused character but those in ``allowed``."""
    return re.compile(_char_class(_RANGES, allowed))


REFUSED = pattern()
"""Any refused character, with no exception: for names of files, ids and one-line output."""

REFUSED_IN_TEXT = pattern(_TEXT_ALLOWED)
"""Any refused character except tab, line feed and carriage return: for a file's text."""


def is_refused(char: str) -> bool:
    """Whether ``char`` is on the list (tab and line breaks included)."""
    return REFUSED.fullmatch(char) is not None


def describe(char: str) -> str:
    """The character as its code point and name: ``U+061C ARABIC LETTER MARK``."""
    code = ord(char)
    name = unicodedata.name(char, "")
    if not name:
        category = unicodedata.category(char)
        name = {
            "Cc": "CONTROL CHARACTER",
            "Co": "PRIVATE USE CHARACTER",
            "Cs": "SURROGATE",
        }.get(category, "UNNAMED CHARACTER")
    return f"U+{code:04X} {name}"


def first_refused(text: str, in_text: bool = False) -> re.Match[str] | None:
    """The first refused character of ``text`` (tab and line breaks allowed ``in_text``)."""
    return (REFUSED_IN_TEXT if in_text else REFUSED).search(text)
