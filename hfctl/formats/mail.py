"""E-mail: building MIME messages safely, and sending them through SMTP.

Every address and subject comes from data, so each is checked: a line break in a name or a
subject is refused (it would inject headers), and non-ASCII is encoded by the SMTP policy.
Every message has a Date (the moment it is written, ``store.repo.moment``) and a Message-ID,
the same in the file written and in what is sent. Its text is the plain text of the letter's
Markdown (``formats.plaintext``), with the HTML beside it. An invitation carries its calendar
inside the ``multipart/alternative`` (where Outlook and other iMIP readers look for a meeting
to accept) and attached as a file too; a file meant to be sent by hand is a draft
(``X-Unsent: 1``: Outlook and Thunderbird open it ready to send).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from email import base64mime, quoprimime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, make_msgid

from hfctl.core.errors import HfctlError, RefusedError
from hfctl.core.i18n import _

_FORBIDDEN = ("\r", "\n", "\x00")


def _clean(value: str, what: str) -> str:
    if any(c in value for c in _FORBIDDEN):
        raise RefusedError(
            _("{what} contains a line break, which could inject e-mail headers: {value!r}").format(
                what=what, value=value
            )
        )
    return value


@dataclass(frozen=True)
class Recipient:
    """A person or a party's contact point, with a work e-mail address."""

    name: str
    email: str


def address(recipient: Recipient) -> Address:
    """A header-safe address; refuse names or addresses with line breaks or bad form."""
    # a display name's runs of spaces fold to one in any mail reader: say so here, once
    name = " ".join(_clean(recipient.name, "name").split())
    email = _clean(recipient.email, "e-mail address")
    if email.count("@") != 1:
        raise RefusedError(_("not an e-mail address: {email!r}").format(email=email))
    user, domain = email.split("@")
    try:
        return Address(display_name=name, username=user, domain=domain)
    except (ValueError, TypeError) as exc:
        raise RefusedError(
            _("not a usable e-mail address {email!r}: {exc}").format(email=email, exc=exc)
        ) from None


_LINE = 76  # RFC 2047: a line with encoded words is at most 76 characters
_WORD = 70  # at most 75 by RFC 2047; 70 leaves room for "From: " on the first line
_Q_SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/ ")


def _encoded_words(text: str) -> list[str]:
    """``text`` as RFC 2047 encoded words, each at most 75 characters, with every space inside a
    word. (Python's own folder can leave a space of a long name between two encoded words, where
    RFC 2047 tells every reader to drop it.)"""
    words: list[str] = []
    chunk: list[str] = []
    b_bytes = q_len = 0
    for char in text:
        data = char.encode("utf-8")
        char_q = sum(1 if byte in _Q_SAFE else 3 for byte in data)
        new_b = 12 + 4 * -(-(b_bytes + len(data)) // 3)
        if chunk and min(new_b, 12 + q_len + char_q) > _WORD:
            words.append(_encode_chunk("".join(chunk)))
            chunk, b_bytes, q_len = [], 0, 0
        chunk.append(char)
        b_bytes += len(data)
        q_len += char_q
    if chunk:
        words.append(_encode_chunk("".join(chunk)))
    return words


def _encode_chunk(text: str) -> str:
    data = text.encode("utf-8")
    q = quoprimime.header_encode(data, "utf-8")
    b = base64mime.header_encode(data, "utf-8")
    return q if len(q) <= len(b) else b


def _address_field(header: str, addresses: Sequence[Address]) -> str:
    """An address header's value, folded to 78 columns with names encoded by ``_encoded_words``."""
    lines: list[str] = []
    line = f"{header}:"
    for index, item in enumerate(addresses):
        spec = f"<{item.addr_spec}>" + ("," if index < len(addresses) - 1 else "")
        name = item.display_name
        if not name:
            tokens = [spec]
        elif all(" " <= c <= "~" for c in name) and "=?" not in name and len(name) < _WORD:
            tokens = [str(item)[: -len(item.addr_spec) - 3], spec]  # quoted where needed
        else:
            tokens = [*_encoded_words(name), spec]
        for token in tokens:
            if len(line) + 1 + len(token) > _LINE and line != f"{header}:":
                lines.append(line)
                line = ""
            line += " " + token
    lines.append(line)
    return "\n".join(lines)[len(header) + 2 :]


@dataclass
class Attachment:
    """A file attached to a message."""

    filename: str
    content: bytes
    maintype: str
    subtype: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Invitation:
    """An iCalendar object (REQUEST or CANCEL) to carry as the message's meeting."""

    ics: bytes
    method: str
    filename: str = "invitation.ics"


def build(
    sender: Recipient,
    to: Sequence[Recipient],
    subject: str,
    markdown: str,
    html: str | None = None,
    attachments: Sequence[Attachment] = (),
    cc: Sequence[Recipient] = (),
    date: dt.datetime | None = None,
    message_id_domain: str | None = None,
    invitation: Invitation | None = None,
) -> EmailMessage:
    """A MIME message: the plain text of ``markdown`` (and the HTML), the invitation's calendar
    as an alternative and as a file, attachments; headers checked for injection. ``date`` is
    the moment written (by default ``store.repo.moment()``)."""
    from zoneinfo import ZoneInfo

    from hfctl.formats.plaintext import from_markdown
    from hfctl.store.repo import moment

    # refold_source="none": the address headers below go out as folded here
    message = EmailMessage(policy=SMTP.clone(refold_source="none"))
    # set as folded here, so Python's folder never splits a name (see ``_encoded_words``)
    message.set_raw("From", _address_field("From", [address(sender)]))
    message.set_raw("To", _address_field("To", [address(r) for r in to]))
    if cc:
        message.set_raw("Cc", _address_field("Cc", [address(r) for r in cc]))
    message["Subject"] = _clean(subject, "subject")
    written = date or moment()
    message["Date"] = format_datetime(written.astimezone(ZoneInfo("Europe/Oslo")))
    domain = message_id_domain or sender.email.split("@")[-1]
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(from_markdown(markdown))
    if html is not None:
        message.add_alternative(html, subtype="html")
    if invitation is not None:
        # RFC 6047: the iMIP part, text/calendar with the method, among the alternatives
        message.add_alternative(
            invitation.ics.decode("utf-8"),
            subtype="calendar",
            params={"method": invitation.method},
            cte="base64",  # no 8-bit line reaches a server without 8BITMIME
        )
        # and the same object as a file, for readers that show only attachments; as
        # application/ics, so that a calendar client does not take the meeting twice
        message.add_attachment(
            invitation.ics,
            maintype="application",
            subtype="ics",
            filename=_clean(invitation.filename, "attachment name"),
        )
    for item in attachments:
        message.add_attachment(
            item.content,
            maintype=item.maintype,
            subtype=item.subtype,
            filename=_clean(item.filename, "attachment name"),
            params=item.params,
        )
    return message


def draft(message: EmailMessage) -> bytes:
    """The message as a file to send by hand: marked ``X-Unsent: 1``, so that Outlook and
    Thunderbird open it as a draft ready to send (the header is never sent by hfctl)."""
    return b"X-Unsent: 1\r\n" + bytes(message)


@dataclass(frozen=True)
class SmtpSettings:
    """Where to send mail: from the environment, never from the repository."""

    host: str
    port: int
    starttls: bool
    user: str | None
    password: str | None

    @classmethod
    def from_env(cls) -> SmtpSettings:
        """HFCTL_SMTP_HOST, _PORT, _STARTTLS (1/0), _USER and _PASSWORD."""
        host = os.environ.get("HFCTL_SMTP_HOST")
        if not host:
            raise HfctlError(_("set HFCTL_SMTP_HOST (and _PORT, _USER, _PASSWORD) to send mail"))
        port = os.environ.get("HFCTL_SMTP_PORT", "587")
        if not port.isdigit():
            raise HfctlError(_("HFCTL_SMTP_PORT must be a number, not {port!r}").format(port=port))
        return cls(
            host,
            int(port),
            os.environ.get("HFCTL_SMTP_STARTTLS", "1") not in ("0", "false", "no"),
            os.environ.get("HFCTL_SMTP_USER") or None,
            os.environ.get("HFCTL_SMTP_PASSWORD") or None,
        )


@dataclass(frozen=True)
class Delivery:
    """What the mail server accepted of one message: the addresses it took and those it
    refused (a message some of whose recipients were refused still went to the others)."""

    accepted: list[str]
    refused: list[str]


class SendError(HfctlError):
    """Sending failed; ``sent`` holds the addresses that had their message by then and
    ``deliveries`` one entry per message that went, in order."""

    def __init__(self, message: str, sent: Sequence[str], deliveries: Sequence[Delivery]) -> None:
        super().__init__(message)
        self.sent = list(sent)
        self.deliveries = list(deliveries)


def send(messages: Sequence[EmailMessage], settings: SmtpSettings) -> list[Delivery]:
    """Send messages over one SMTP connection; what the server accepted of each, in order.
    A message the server refuses altogether stops the run (``SendError``: what went before)."""
    import smtplib

    sent: list[str] = []  # the addresses that have their message
    deliveries: list[Delivery] = []
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
            if settings.starttls:
                smtp.starttls()
            if settings.user and settings.password:
                smtp.login(settings.user, settings.password)
            for message in messages:
                to = [address for _name, address in getaddresses([str(message["To"])])]
                refused = smtp.send_message(message)
                accepted = [a for a in to if a not in refused]
                deliveries.append(Delivery(accepted, [a for a in to if a in refused]))
                sent.extend(accepted)
    except (OSError, smtplib.SMTPException, KeyboardInterrupt) as exc:
        reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
        done = len(deliveries)
        gone = (
            f"; {done} of {len(messages)} messages had gone (to {', '.join(sent)}) and "
            "must not be sent again"
            if done
            else "; no message was sent"
        )
        raise SendError(
            _("sending mail through {host}:{port} failed: {reason}{gone}").format(
                host=settings.host, port=settings.port, reason=reason, gone=gone
            ),
            sent,
            deliveries,
        ) from None
    return deliveries
