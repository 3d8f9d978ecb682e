"""Words for data values and dates in each language (that every table has every value in every
language is tests/domain/test_diff.py's test_every_sentence_and_word_exists_in_every_language)."""

from __future__ import annotations

import datetime as dt

from hfctl.formats import words
from hfctl.formats.dates import clock, long_date


def test_an_unknown_value_is_shown_as_it_is() -> None:
    assert words.word(words.ROLE, "nb", "deputy-leader") == "nestleder"
    assert words.word(words.ROLE, "en", "chair-of-nothing") == "chair-of-nothing"


def test_dates_the_norwegian_way_and_the_english() -> None:
    day = dt.date(2026, 2, 10)
    assert long_date(day, "nn") == "tysdag 10. februar 2026"
    assert long_date(day, "en") == "Tuesday, 10 February 2026"
    assert words.long_day(day, "nb", "-") == "10. februar 2026"
    assert words.long_day(None, "en", "open") == "open"


def test_clock() -> None:
    start, end = dt.time(10, 0), dt.time(14, 30)
    assert clock(start, end, "nn") == "kl. 10.00–14.30"
    assert clock(start, None, "nb") == "kl. 10.00"
    assert clock(start, end, "en") == "10:00–14:30"
