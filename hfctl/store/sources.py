"""Reading one data file: bytes to checked text, front matter split off, YAML parsed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hfctl.core import unicode
from hfctl.core.i18n import _
from hfctl.store.yamlread import Parsed, ReadError, parse_yaml

MAX_FILE_BYTES = 1_000_000
BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte order mark: accepted at the start of a data file, and kept by every write."""

_CONFLICT = re.compile(r"^(<{7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_INDENT_TAB = re.compile(r"^[ ]*\t", re.MULTILINE)
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)


@dataclass
class Document:
    """A data file read and parsed; ``body`` is the Markdown after front matter, if any."""

    path: str
    parsed: Parsed
    text: str
    body: str = ""
    body_line: int = 0


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1


def decode(raw: bytes) -> str:
    """Bytes to text; raise ReadError for anything that is not clean UTF-8."""
    if len(raw) > MAX_FILE_BYTES:
        raise ReadError(
            "HF105",
            _("file is {count} bytes; data files are at most {max_file_bytes} bytes").format(
                count=len(raw), max_file_bytes=MAX_FILE_BYTES
            ),
            None,
            None,
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("HF103", _("file is UTF-16; save it as UTF-8"), 1, 1)
    if raw.startswith(BOM):  # as Windows editors save UTF-8; YAML allows it, writes keep it
        raw = raw[len(BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, col = line_col(prefix, len(prefix))
        raise ReadError(
            "HF103",
            _(
                "not valid UTF-8 (byte 0x{raw:02x}); the file may be Latin-1 or "
                "Windows-1252: save it as UTF-8"
            ).format(raw=raw[exc.start]),
            line,
            col,
        ) from None
    bad = unicode.first_refused(text, in_text=True)
    if bad:
        line, col = line_col(text, bad.start())
        raise ReadError(
            "HF103",
            _("invisible or control character {describe} in the text").format(
                describe=unicode.describe(bad.group())
            ),
            line,
            col,
        )
    return text


def check_conflicts(text: str) -> None:
    """Refuse a file that git left half-merged."""
    conflict = _CONFLICT.search(text)
    if conflict:
        line, col = line_col(text, conflict.start())
        raise ReadError(
            "HF106",
            _("unresolved merge conflict marker '{group}': resolve the conflict first").format(
                group=conflict.group(1)
            ),
            line,
            col,
        )


def check_yaml_text(text: str, line_offset: int = 0) -> None:
    """Text-level problems in YAML that parsers report badly or not at all."""
    tab = _INDENT_TAB.search(text)
    if tab:
        line, col = line_col(text, tab.end() - 1)
        raise ReadError(
            "HF113", _("tab character in indentation: indent with spaces"), line + line_offset, col
        )
    directive = _DIRECTIVE.search(text)
    if directive:
        line, col = line_col(text, directive.start())
        raise ReadError(
            "HF109", _("YAML directives ('%YAML', '%TAG') are not allowed"), line + line_offset, col
        )


def split_front_matter(text: str) -> tuple[str, int, str, int]:
    """Split a Markdown file into (yaml, yaml's line offset, body, body's first line)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise ReadError(
            "HF114",
            _("a Markdown data file must start with a '---' line that opens its front matter"),
            1,
            1,
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") in ("---", "..."):
            yaml_text = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            return yaml_text, 1, body, index + 2
    raise ReadError("HF114", _("front matter is not closed: add a '---' line after it"), 1, 1)


def read_document(path: str, raw: bytes, markdown: bool) -> Document:
    """Read a data file's bytes into a Document; raise ReadError with its location."""
    text = decode(raw)
    check_conflicts(text)
    if markdown:
        yaml_text, offset, body, body_line = split_front_matter(text)
        check_yaml_text(yaml_text, offset)
        parsed = parse_yaml(yaml_text, line_offset=offset)
        return Document(path, parsed, text, body, body_line)
    check_yaml_text(text)
    return Document(path, parse_yaml(text), text)
