"""Text from data, made neutral to where it is shown: a terminal, a CI log, or Markdown.

Data text (titles, names, messages), file names, and git's authors and subjects may hold
anything. Printed raw, a control character or an escape sequence speaks to the terminal, a
line break starts a forged line (``::error`` to GitHub Actions); put raw into Markdown,
``@team`` pings people, ``#12`` links an issue, ``[x](url)``, ``![](url)`` and ``<img>`` are
live. Two functions make such text inert, and everything hfctl prints or writes as Markdown
goes through one of them:

- ``visible`` for a terminal or a log: every character on the policy list
  (``hfctl.core.unicode``: controls, format and bidi characters, fillers) becomes a visible
  escape (``\\x1b``, ``\\u202e``);
- ``md_text`` for Markdown (the ``md`` filter of every template, and what the Markdown
  documents print): it escapes Markdown's punctuation and HTML, and breaks mentions, issue
  references and bare links with an empty HTML comment (shown as nothing, and what GitHub
  never links across).
"""

from __future__ import annotations

import re

from hfctl.core import unicode

_ONE_LINE = unicode.REFUSED
_LINES = unicode.pattern("\n\t\r")
_LONE_CR = re.compile(r"\r(?!\n)")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, lines: bool = False) -> str:
    """``text`` with every control, format, bidi and filler character shown as an escape;
    line breaks and tabs are kept if ``lines`` (text of several lines), else escaped too (a
    value that must stay on its one line: a file name, a message). A carriage return before
    a line feed is kept with it."""
    if lines:
        return _LONE_CR.sub(_escape, _LINES.sub(_escape, text))
    return _ONE_LINE.sub(_escape, text)


_BREAK = "<!-- -->"
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_PUNCTUATION = re.compile(r"([\\\[\]|])")
# a list item, a heading, a rule or a setext underline: a marker and a space (or the end)
_LINE_START = re.compile(r"^([ \t]*)(\d{0,9})([-+*#=.)])(?=[ \t#=-]|$)", re.MULTILINE)
_MENTION = re.compile(r"([@#])(?=[\w-])")
_LINK = re.compile(r"(?i)(://|\bwww(?=\.)|\bmailto(?=:))")


def _line_start(match: re.Match[str]) -> str:
    """A line that would open a list, a heading or a rule: its marker escaped."""
    indent, digits, mark = match.groups()
    if bool(digits) != (mark in ".)"):
        return match.group()
    return f"{indent}{digits}\\{mark}"


def md_text(value: object) -> str:
    """Data text as inert Markdown: it reads the same rendered and raw, and links, pings,
    formats or embeds nothing. Line breaks stay (a multi-line decision stays multi-line)."""
    text = visible(str(value), lines=True)
    text = text.translate(_HTML)
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = _LINE_START.sub(_line_start, text)
    text = _MENTION.sub(lambda m: m.group(1) + _BREAK, text)
    return _LINK.sub(lambda m: m.group(1) + _BREAK, text)


def md_code(value: object) -> str:
    """Data text as one Markdown code span (a file name): on one line, fenced by more
    backticks than it holds in a row."""
    text = visible(str(value))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_inline(value: object) -> str:
    """Data text as inert Markdown on one line (a list item, a table cell)."""
    return md_text(visible(str(value)))
