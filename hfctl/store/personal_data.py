"""Ensure no personal data that does not belong in a governance repository is written in it.

Git keeps every version of every file, so a national identity number committed once stays in
the history. Messages never repeat the number in full.

The checks read one file's text at a time, so the loader runs them as it reads each file
(``scan``) and their problems are cached with the file: a warm run scans only changed files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hfctl.core.i18n import _
from hfctl.core.problems import Location, Problem
from hfctl.core.rules import problem
from hfctl.store.sources import line_col

_ELEVEN = re.compile(r"(?<![\d/.-])(\d{6})[ ]?(\d{5})(?![\d/-])")
_MOBILE = re.compile(r"(?<![\w+/.-])(?:(?:\+|00)47[ ]?)?([49]\d{2}[ ]?\d{2}[ ]?\d{3})(?![\w/-])")

# in what diff and log say, a number is masked wherever it stands, in a file name too
_ELEVEN_ANYWHERE = re.compile(r"(?<!\d)(\d{6})[ ]?(\d{5})(?!\d)")
CODES = frozenset({"HF500", "HF501"})
"""The codes of the personal-data checks."""

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _control(digits: list[int], weights: tuple[int, ...]) -> int | None:
    rest = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    if rest == 11:
        return 0
    return None if rest == 10 else rest


def identity_number_kind(number: str) -> str | None:
    """``fødselsnummer`` or ``D-number`` if the 11 digits are a valid one, else None."""
    if len(number) != 11 or not number.isdigit():
        return None
    digits = [int(c) for c in number]
    day, month = int(number[:2]), int(number[2:4])
    kind = "fødselsnummer"
    if day > 40:
        day -= 40
        kind = "D-number"
    if month > 40:  # H-numbers and synthetic test numbers add 40 or 80 to the month
        month -= 80 if month > 80 else 40
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    k1 = _control(digits[:9], _W1)
    if k1 is None or k1 != digits[9]:
        return None
    k2 = _control(digits[:10], _W2)
    if k2 is None or k2 != digits[10]:
        return None
    return kind


def mask(text: str) -> str:
    """All but the first two digits hidden."""
    digits = [c for c in text if c.isdigit()]
    return "".join(digits[:2]) + "•" * (len(digits) - 2)


def redact(text: str) -> str:
    """``text`` with every national identity number masked (all but its first two digits)."""
    if not any(c.isdigit() for c in text):
        return text

    def masked(match: re.Match[str]) -> str:
        if identity_number_kind(match.group(1) + match.group(2)):
            return mask(match.group(0))
        return match.group(0)

    return _ELEVEN_ANYWHERE.sub(masked, text)


def scan(file: str, text: str) -> list[Problem]:
    """The personal-data problems of one file's text (HF500, HF501)."""
    return [*no_identity_numbers(file, text), *no_private_mobiles(file, text)]


def no_identity_numbers(file: str, text: str) -> Iterator[Problem]:
    """Ensure no file holds a fødselsnummer or D-number (valid control digits)."""
    for match in _ELEVEN.finditer(text):
        kind = identity_number_kind(match.group(1) + match.group(2))
        if kind:
            yield problem(
                "HF500",
                _(
                    "this looks like a {kind} ({mask}); national identity numbers must "
                    "not be in the repository (git keeps them in its history)"
                ).format(kind=kind, mask=mask(match.group(0))),
                Location(file, *line_col(text, match.start())),
            )


def no_private_mobiles(file: str, text: str) -> Iterator[Problem]:
    """Warn on numbers that look like Norwegian mobile numbers: use work contact points."""
    for match in _MOBILE.finditer(text):
        yield problem(
            "HF501",
            _(
                "this looks like a mobile number ({mask}); keep private numbers out "
                "of the repository and use the party's contact point"
            ).format(mask=mask(match.group(1))),
            Location(file, *line_col(text, match.start())),
        )
