"""Property tests: whatever text a field holds, rendered output parses back to that text.

Calendar files (icalendar), e-mail (the standard library's parser) and HTML (html.parser): the
text comes back exactly, and no markup or header appears that the text did not bring as text.
A longer run: see docs/fuzzing.md
"""

from __future__ import annotations

import datetime as dt
import os
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.utils import parseaddr
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hfctl.documents import agenda, invite
from hfctl.formats import mail
from hfctl.formats.plaintext import from_markdown
from hfctl.store.loader import Dataset, load

EXAMPLES = int(os.environ.get("HFCTL_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROJECT = Path(__file__).resolve().parents[2]
MEETING = "2026-12-10-ssu"
NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 24)

# text a data file may hold: printable characters of any script, with the characters that
# break formats (quotes, angle brackets, ampersands, semicolons, commas, backslashes)
TEXT = (
    st.text(
        alphabet=st.one_of(
            st.characters(
                blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
                blacklist_characters="\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
                "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
            ),
            st.sampled_from(list("<>&\"';,:\\{}%#|=+-@")),
        ),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)

_DATA: Dataset | None = None


def _data() -> Dataset:
    global _DATA
    if _DATA is None:
        _DATA = load(PROJECT, cache=False)
    return _DATA


def _with(location: str | None = None, title: str | None = None) -> Dataset:
    """The bundled data with the December SSU meeting's location or first title replaced."""
    ds = _data()
    meeting = ds.meetings[MEETING]
    update: dict[str, object] = {}
    if location is not None:
        update["location"] = location
    if title is not None:
        cases = [meeting.cases[0].model_copy(update={"title": title}), *meeting.cases[1:]]
        update["cases"] = cases
    copy = Dataset(
        **{**ds.__dict__, "meetings": {**ds.meetings, MEETING: meeting.model_copy(update=update)}}
    )
    return copy


@pytest.mark.fuzz
@SETTINGS
@given(TEXT)
@example(text="\\N")  # icalendar's own escaping read the two characters as a line break
def test_calendar_location_parses_back(text: str) -> None:
    from icalendar import Calendar

    ds = _with(location=text)
    cal = Calendar.from_ical(invite.calendar(ds, ds.meetings[MEETING], "nn", NOW))
    events = cal.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["location"]) == text


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.mark.fuzz
@SETTINGS
@given(TEXT)
def test_agenda_html_keeps_the_title_as_text(text: str) -> None:
    plain = _page(agenda.render_agenda(_with(title="Eventuelt"), MEETING, "nn", "html", TODAY))
    page = _page(agenda.render_agenda(_with(title=text), MEETING, "nn", "html", TODAY))
    assert page.tags == plain.tags  # no element came from the text
    assert " ".join(text.split()) in " ".join(unescape("".join(page.text)).split())


@pytest.mark.fuzz
@SETTINGS
@given(TEXT, TEXT, st.text(max_size=300))
# found by the long fuzz run: Python's folder put this name's last space between two encoded
# words, where RFC 2047 tells a reader to drop it (hfctl.formats.mail now encodes names itself)
@example(subject="0", name="0 000\xa1\xa1" + "\u0800" * 12 + " \xa1", body="")
def test_email_subject_name_and_body_parse_back(subject: str, name: str, body: str) -> None:
    """Headers are decoded as RFC 2047 says (``email.header``): the modern parser of Python's
    standard library inserts a space where a long name was folded between encoded words."""
    sender = mail.Recipient("Helse Fonna HF", "postmottak@helse-fonna.no")
    to = mail.Recipient(name, "ola.nordmann@example.no")
    message = mail.build(sender, [to], subject, body.replace("\r", "") + "\n")
    raw = message.as_bytes()
    legacy = message_from_bytes(raw, policy=policy.compat32)
    assert str(make_header(decode_header(legacy["Subject"]))) == subject
    phrase, addr = parseaddr(str(legacy["To"]).replace("\r\n", "").replace("\n", ""))
    assert addr == "ola.nordmann@example.no"
    assert str(make_header(decode_header(phrase))) == " ".join(name.split())
    head = raw.split(b"\r\n\r\n")[0].replace(b"\r\n ", b"\n ").split(b"\r\n")
    to_lines = next(h for h in head if h.startswith(b"To:")).split(b"\n")
    assert all(len(line) <= 76 for line in to_lines)  # RFC 2047's limit for encoded words
    parsed = message_from_bytes(raw, policy=policy.default)
    assert set(parsed.keys()) == set(message.keys())  # no header came from the text
    # the body is a letter's Markdown; the message carries its plain text, unchanged
    text = from_markdown(body.replace("\r", "") + "\n")
    assert parsed.get_content().replace("\r\n", "\n") == text


def test_calendar_uid_parses_back() -> None:
    from icalendar import Calendar

    ds = _data()
    uid = "møte\\N1;a,b@helse-fonna"
    meeting = ds.meetings[MEETING].model_copy(update={"uid": uid})
    copy = Dataset(**{**ds.__dict__, "meetings": {**ds.meetings, MEETING: meeting}})
    (event,) = Calendar.from_ical(invite.calendar(copy, meeting, "nn", NOW)).walk("VEVENT")
    assert str(event["uid"]) == uid
