"""The one round-trip YAML reader/writer: edits that keep every comment, quote and blank line.

Only files a command is about to change are read this way. A file is edited only if reading and
writing it back unchanged gives exactly the same bytes; otherwise the edit is refused rather than
reformatting lines the command did not mean to touch.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from hfctl.core.errors import RefusedError
from hfctl.core.i18n import _
from hfctl.store.sources import BOM, decode, split_front_matter
from hfctl.store.yamlread import ReadError, misread_as


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    # the same value written twice (one date in two fields) must not become an anchor and alias
    yaml.representer.ignore_aliases = lambda *_args: True
    return yaml


@dataclass
class EditableDocument:
    """A data file open for editing: its YAML as round-trip data, and what surrounds it."""

    path: str
    data: CommentedMap
    prefix: str = ""
    """Text before the YAML (a Markdown file's opening '---' line)."""
    suffix: str = ""
    """Text after the YAML (the closing '---' and the Markdown body)."""
    newline: str = "\n"
    bom: bool = False
    """Whether the file starts with a UTF-8 byte order mark (kept, as the line endings are)."""

    def render(self) -> str:
        """The whole file as text, in the file's own line endings (and byte order mark)."""
        out = io.StringIO()
        _yaml().dump(self.data, out)
        text = self.prefix + out.getvalue() + self.suffix
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return "\ufeff" + text if self.bom else text


def open_text(path: str, text: str, markdown: bool, bom: bool = False) -> EditableDocument:
    """Read text for editing; refuse a file that would not survive a round trip unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    normal = text.replace("\r\n", "\n")
    prefix, suffix, yaml_text = "", "", normal
    if markdown:
        try:
            yaml_text, _offset, body, body_line = split_front_matter(normal)
        except ReadError as exc:
            raise RefusedError(f"{path}: {exc.message}") from None
        lines = normal.splitlines(keepends=True)
        prefix = lines[0]
        suffix = "".join(lines[body_line - 2 :])
        del body
    try:
        data = _yaml().load(yaml_text)
    except YAMLError as exc:
        raise RefusedError(
            _("{path}: cannot edit a file that is not valid YAML ({exc})").format(
                path=path, exc=exc
            )
        ) from None
    if not isinstance(data, CommentedMap):
        raise RefusedError(
            _("{path}: cannot edit a file whose top level is not a mapping").format(path=path)
        )
    doc = EditableDocument(path, data, prefix, suffix, newline, bom)
    again = doc.render().removeprefix("\ufeff" if bom else "")
    if again != text:
        line = _first_difference(text, again)
        raise RefusedError(
            _(
                "{path}: hfctl cannot edit this file without reformatting it (first "
                "at line {line}); make the change by hand, or tidy the file so it "
                "round-trips"
            ).format(path=path, line=line)
        )
    return doc


def open_bytes(path: str, raw: bytes, markdown: bool) -> EditableDocument:
    """Decode and open a file for editing."""
    try:
        text = decode(raw)
    except ReadError as exc:
        raise RefusedError(f"{path}: {exc.message}") from None
    return open_text(path, text, markdown, bom=raw.startswith(BOM))


def _first_difference(a: str, b: str) -> int:
    for number, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if x != y:
            return number
    return min(len(a.splitlines()), len(b.splitlines())) + 1


def scalar(value: Any) -> Any:
    """A value ready to put into a document: text that YAML would misread is quoted."""
    if isinstance(value, str) and (value == "" or misread_as(value) or _needs_quotes(value)):
        return DoubleQuotedScalarString(value)
    if isinstance(value, dt.datetime):
        raise TypeError("datetimes are not data values; use a date and a time")
    return value


def _needs_quotes(value: str) -> bool:
    if value in ("null", "Null", "NULL", "~"):
        return True
    return value.strip() != value


def mapping(items: dict[str, Any], flow: bool = False) -> CommentedMap:
    """A new mapping with its values quoted where needed (flow style ``{a: b}`` if asked)."""
    result = CommentedMap()
    for key, value in items.items():
        if value is not None:
            result[key] = scalar(value)
    if flow:
        result.fa.set_flow_style()
    return result


def is_flow(node: Any) -> bool:
    """Whether a mapping or sequence is written in flow style."""
    return isinstance(node, CommentedMap | CommentedSeq) and bool(node.fa.flow_style())


def quoted(text: str) -> DoubleQuotedScalarString:
    """Text that is always written in double quotes (kommunenummer as keys, for one)."""
    result: DoubleQuotedScalarString = DoubleQuotedScalarString(text)
    return result


def sequence(items: list[Any], flow: bool = False) -> CommentedSeq:
    """A new list with its values quoted where needed (flow style ``[a, b]`` if asked)."""
    result = CommentedSeq([scalar(item) for item in items])
    if flow:
        result.fa.set_flow_style()
    return result
